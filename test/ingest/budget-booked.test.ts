import { describe, expect, it } from 'vitest';
import { budgetRecords, codes, parseText } from './helpers.js';

const HEAD = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad';
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Months 1–12 of two lines of an area; `outcome(m)` per month (null: blank); a budget of 18 700 a month unless `budget` says. */
const year = (code: string, outcome: (m: number, line: string) => number | null, budget = (_m: number, _line: string) => 18_700) =>
  MONTHS.flatMap((m) => ['Äldreomsorg', 'IFO'].map((line) => `2025-${String(m).padStart(2, '0')};${code};${line};224400;${budget(m, line)};${outcome(m, line) ?? ''}`));
const parse = (lines: string[], head = HEAD) => parseText(`${head}\n${lines.join('\n')}\n`, { unit: 'tkr' });
const outcomes = (r: ReturnType<typeof parse>, code: string, line = 'IFO') => budgetRecords(r).filter((b) => b.area.code === code && b.activity === line).map((b) => b.actualMonth ?? b.actualYtd);

describe('months not booked yet, exported with an outcome of 0 or carried forward', () => {
  it('a total row after the rows set aside stays a total: its place moved with them (a helper\'s file sorted by line read "Totalt" as a line, twice the sum)', () => {
    const lines = ['Hemtjänst', 'IFO', 'Totalt'].flatMap((line) => [1, 2, 3].map((m) => {
      const [budget, outcome] = line === 'Totalt' ? [200, m === 3 ? 0 : 210] : [100, m === 3 ? 0 : 105];
      return `2025-0${m};1460;${line};${budget * 12};${budget};${outcome}`;
    }));
    const r = parse(lines);
    expect([...new Set(budgetRecords(r).map((b) => b.activity))]).toEqual(['Hemtjänst', 'IFO']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.map((f) => f.code)).toContain('outcome-not-booked');
  });
  it('rows of 0 in every line of an area after its last month with an outcome are set aside, with a warning per area', () => {
    const r = parse(year('1460', (m) => (m <= 8 ? 19_100 : 0)));
    expect(outcomes(r, '1460')).toEqual(Array(8).fill(19_100_000));
    expect(r.counts).toMatchObject({ read: 24, used: 16, ignored: 8 });
    expect(r.findings.find((f) => f.code === 'outcome-not-booked')!.message).toBe("an outcome of 0 (or the month before's carried forward to date, or none where other areas have one) in every line of an area for a month (1460 from 2025-09): read as not booked yet, not as a month without costs; 8 row(s) after an area's last month booked set aside, so its lines end there");
  });
  it('a month of 0s in every line between months booked is read as blank, as a month left empty is (a helper\'s May)', () => {
    const r = parse(year('1460', (m) => (m === 5 ? 0 : m <= 8 ? 19_100 : null)));
    expect(outcomes(r, '1460')).toEqual([19_100_000, 19_100_000, 19_100_000, 19_100_000, null, 19_100_000, 19_100_000, 19_100_000, null, null, null, null]);
    expect(r.findings.find((f) => f.code === 'outcome-not-booked')!.message).toContain('(1460 2025-05 left blank)');
  });
  it('is decided per area: one that booked September keeps its 0s before it; a member a month behind ends at its own last month', () => {
    const r = parse([...year('1460', (m, line) => (m <= 9 ? (line === 'IFO' && m === 3 ? 0 : 19_100) : 0)), ...year('1461', (m) => (m <= 8 ? 5_000 : 0))]);
    expect(outcomes(r, '1460')).toEqual([19_100_000, 19_100_000, 0, ...Array(6).fill(19_100_000)]);
    expect(outcomes(r, '1461')).toEqual(Array(8).fill(5_000_000));
    expect(r.findings.find((f) => f.code === 'outcome-not-booked')!.message).toContain('(1460 from 2025-10, 1461 from 2025-09)');
  });
  it('a 0 beside another line\'s outcome that month, or beside a month\'s budget of 0 (a fee by the quarter), is an outcome of 0; a blank stays', () => {
    const one = parse(year('1460', (m, line) => (line === 'IFO' && m > 8 ? 0 : 19_100)));
    expect(outcomes(one, '1460')).toEqual([...Array(8).fill(19_100_000), 0, 0, 0, 0]);
    expect(codes(one, 'warning')).not.toContain('outcome-not-booked@1:-');
    const fee = parse(year('1460', (m) => (m % 3 === 0 && m <= 6 ? 9_000 : 0), (m) => (m % 3 === 0 ? 9_000 : 0)));
    // Its 0s beside no budget say the ledger is booked to November; December's 0 beside a fee is not
    // booked, and September's, in every line, is a month not booked in time: blank, said as missing.
    expect(outcomes(fee, '1460')).toEqual([0, 0, 9_000_000, 0, 0, 9_000_000, 0, 0, null, 0, 0]);
    const blank = parse(year('1460', (m, line) => (m <= 8 ? 19_100 : line === 'IFO' ? 0 : null)));
    expect(outcomes(blank, '1460')).toEqual(Array(8).fill(19_100_000));
    expect(outcomes(blank, '1460', 'Äldreomsorg')).toEqual([...Array(8).fill(19_100_000), null, null, null, null]);
  });
  it('an outcome to date carried forward from the month before is no month booked', () => {
    const ytd = MONTHS.flatMap((m) => [`2025-${String(m).padStart(2, '0')};1460;IFO;60000;${5_000 * m};${4_900 * Math.min(m, 8)}`]);
    const r = parse(ytd, 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack');
    expect(outcomes(r, '1460')).toEqual(Array.from({ length: 8 }, (_, i) => 4_900_000 * (i + 1)));
    expect(codes(r, 'warning')).toContain('outcome-not-booked@1:-');
  });
  it('a member with no outcome for a month the others booked is behind them: its rows set aside (a helper\'s file gave it no figures); months no area booked stay', () => {
    const r = parse([...year('1460', (m) => (m <= 8 ? 19_100 : null)), ...year('1461', (m) => (m <= 7 ? 5_000 : null))]);
    expect(outcomes(r, '1461')).toEqual(Array(7).fill(5_000_000));
    expect(outcomes(r, '1460')).toEqual([...Array(8).fill(19_100_000), null, null, null, null]);
    expect(r.findings.find((f) => f.code === 'outcome-not-booked')!.message).toContain('(1461 from 2025-08)');
  });
  it('one line invoiced ahead (rent for the quarter) moves no month: its neighbours\' 0s after August are set aside (a helper\'s file read them as costs of 0, "+18,3 % ✓ grön")', () => {
    const rent = MONTHS.map((m) => `2025-${String(m).padStart(2, '0')};1460;Lokaler;12000;1000;${m <= 10 ? (m % 3 === 1 ? 3000 : 0) : ''}`);
    const r = parse([...year('1460', (m) => (m <= 8 ? 19_100 : 0)), ...rent]);
    expect(outcomes(r, '1460')).toEqual(Array(8).fill(19_100_000));
    // Its own 0 of September, after the area's last month, goes too; October's invoice stays.
    expect(outcomes(r, '1460', 'Lokaler')).toEqual([3_000_000, 0, 0, 3_000_000, 0, 0, 3_000_000, 0, 3_000_000, null, null]);
  });
  it('tax revenue booked ahead does not make a month booked; an area with no month booked keeps its rows, 0 read as blank', () => {
    const tax = MONTHS.map((m) => `2025-${String(m).padStart(2, '0')};1460;Skatteintäkter;-600000;-50000;-50000`);
    const r = parse([...year('1460', (m) => (m <= 8 ? 19_100 : 0)), ...tax]);
    expect(outcomes(r, '1460')).toEqual(Array(8).fill(19_100_000));
    expect(outcomes(r, '1460', 'Skatteintäkter')).toHaveLength(12);
    expect(outcomes(parse(year('1460', () => 0)), '1460')).toEqual(Array(12).fill(null));
  });
});
