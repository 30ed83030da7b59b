import { describe, expect, it } from 'vitest';
import { budgetRecords, codes, parseText } from './helpers.js';

const HEAD = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad';
/** Months 1–12 of two lines of an area; `outcome(m)` per month (null: blank). */
const year = (code: string, outcome: (m: number, line: string) => number | null) =>
  Array.from({ length: 12 }, (_, i) => i + 1).flatMap((m) => ['Äldreomsorg', 'IFO'].map((line) => `2025-${String(m).padStart(2, '0')};${code};${line};224400;18700;${outcome(m, line) ?? ''}`));
const parse = (lines: string[]) => parseText(`${HEAD}\n${lines.join('\n')}\n`, { unit: 'tkr' });
const outcomes = (r: ReturnType<typeof parse>, code: string) => budgetRecords(r).filter((b) => b.area.code === code && b.activity === 'IFO').map((b) => b.actualMonth);

describe('months not booked yet, exported with an outcome of 0', () => {
  it('0 in every line of an area after its last month with an outcome is read as blank, with a warning naming the months', () => {
    const r = parse(year('1460', (m) => (m <= 8 ? 19_100 : 0)));
    expect(outcomes(r, '1460')).toEqual([...Array(8).fill(19_100_000), null, null, null, null]);
    expect(codes(r, 'warning')).toContain('outcome-not-booked@1:-');
    expect(r.findings.find((f) => f.code === 'outcome-not-booked')!.message).toBe('outcome 0 in every line of 1460 for 2025-09, 2025-10, 2025-11, 2025-12, after the last month with any other outcome that year: read as not booked yet (blank), not as a month without costs');
  });
  it('is decided per area: one that has booked September keeps its 0s before it, another that has not loses its September', () => {
    const r = parse([...year('1460', (m, line) => (m <= 9 ? (line === 'IFO' && m === 3 ? 0 : 19_100) : 0)), ...year('1461', (m) => (m <= 8 ? 5_000 : 0))]);
    expect(outcomes(r, '1460')).toEqual([19_100_000, 19_100_000, 0, ...Array(6).fill(19_100_000), null, null, null]);
    expect(outcomes(r, '1461')).toEqual([...Array(8).fill(5_000_000), null, null, null, null]);
  });
  it('a 0 in one line beside an outcome in another is an outcome of 0; blanks stay blank; a year of 0s has booked nothing', () => {
    const one = parse(year('1460', (m, line) => (line === 'IFO' && m > 8 ? 0 : 19_100)));
    expect(outcomes(one, '1460')).toEqual([...Array(8).fill(19_100_000), 0, 0, 0, 0]);
    expect(codes(one, 'warning')).not.toContain('outcome-not-booked@1:-');
    // Blank in one line, 0 in the other, after August: nothing booked, the 0s too.
    const blank = parse(year('1460', (m, line) => (m <= 8 ? 19_100 : line === 'IFO' ? 0 : null)));
    expect(outcomes(blank, '1460')).toEqual([...Array(8).fill(19_100_000), null, null, null, null]);
    expect(outcomes(parse(year('1460', () => 0)), '1460')).toEqual(Array(12).fill(null));
  });
});
