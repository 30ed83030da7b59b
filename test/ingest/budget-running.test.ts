import { describe, expect, it } from 'vitest';
import { growthShare } from '../../src/ingest/budget-running.js';
import { budgetRecords, codes, parseText } from './helpers.js';

/** Eight months of elderly care in tkr: a flat monthly budget and monthly outcomes that rise and fall. */
const OUTCOMES = [15_020, 15_400, 14_900, 15_800, 15_300, 18_146, 15_426, 16_109];
const rows = (budget: (m: number) => number, outcome: (m: number) => number, activity = 'Äldreomsorg') =>
  OUTCOMES.map((_, i) => `2025-0${i + 1};1460;${activity};${budget(i + 1)};${outcome(i + 1)}`);
const file = (head: string, lines: string[]) => `${head}\n${lines.join('\n')}\n`;
const spec = { unit: 'tkr' as const };
/** Each outcome's running total up to month m. */
const toDate = (m: number) => OUTCOMES.slice(0, m).reduce((x, y) => x + y, 0);

describe('monthly amounts under plain "Budget" and "Utfall" headers', () => {
  const text = file('Period;Kommun;Verksamhet;Budget;Utfall', rows(() => 15_170, (m) => OUTCOMES[m - 1]!));

  it('are read as monthly amounts, with a warning at each column naming it and what its amounts do', () => {
    const r = parseText(text, spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-monthly@1:5', 'budget-columns-monthly@1:4']);
    const [actual, budget] = r.findings.filter((f) => f.code === 'budget-columns-monthly').map((f) => f.message);
    expect(actual).toBe('column "Utfall" read as monthly amounts (actualMonth), not as a total to date (actualYtd): in 1 of 1 lines its amounts fall from one month to the next (3 of 7 times), as monthly amounts do and a total to date does not; if it is a total to date, map it under "columns" in the config ({"actualYtd": "Utfall"})');
    expect(budget).toContain('column "Budget" read as monthly amounts (budgetMonth), not as the full-year budget (budgetYear): in 1 of 1 lines it is closer to one month\'s outcome than to twelve months\'');
    const june = budgetRecords(r)[5]!;
    expect(june).toMatchObject({ budgetYear: null, budgetMonth: 15_170_000, actualYtd: null, actualMonth: 18_146_000 });
  });

  it('are not moved when the config maps the columns: the mapping is the user\'s word', () => {
    const r = parseText(text, { ...spec, columns: { actualYtd: 'Utfall', budgetYear: 'Budget' } });
    expect(codes(r, 'warning')).toEqual([]);
    expect(budgetRecords(r)[5]).toMatchObject({ budgetYear: 15_170_000, actualYtd: 18_146_000, actualMonth: null });
  });
});

describe('columns that are what their names say', () => {
  it('a running total under "Utfall" and a full-year "Budget" are read as before, without a finding', () => {
    const r = parseText(file('Period;Kommun;Verksamhet;Budget;Utfall', rows(() => 182_040, toDate)), spec);
    expect(codes(r, 'warning')).toEqual([]);
    expect(budgetRecords(r)[7]).toMatchObject({ budgetYear: 182_040_000, actualYtd: 126_101_000 });
  });

  it('a monthly "Utfall" beside a full-year "Budget" twelve months\' in size: only the outcome is moved', () => {
    const r = parseText(file('Period;Kommun;Verksamhet;Budget;Utfall', rows(() => 182_040, (m) => OUTCOMES[m - 1]!)), spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-monthly@1:5']);
    expect(budgetRecords(r)[7]).toMatchObject({ budgetYear: 182_040_000, actualMonth: 16_109_000, actualYtd: null });
  });

  it('one correction month in one line of three does not make a running total monthly', () => {
    // LSS's total to date falls once (a credit in May); the other lines rise every month.
    const lss = rows(() => 90_000, (m) => (m === 5 ? toDate(4) - 100 : toDate(m)), 'LSS');
    const lines = [...rows(() => 182_040, toDate), ...lss, ...rows(() => 60_000, (m) => m * 5_000, 'IFO')];
    const r = parseText(file('Period;Kommun;Verksamhet;Budget;Utfall', lines), spec);
    expect(codes(r, 'warning')).toEqual([]);
  });
});

describe('monthly amounts under a year-to-date name', () => {
  it('are kept as written ("Utfall ack" says year to date) with a warning that they look monthly', () => {
    const r = parseText(file('Period;Kommun;Verksamhet;Budget helår;Utfall ack', rows(() => 182_040, (m) => OUTCOMES[m - 1]!)), spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5']);
    expect(r.findings.find((f) => f.code === 'budget-columns-unsure')!.message).toBe('column "Utfall ack" is read as a total to date (actualYtd), as its name or the config says, but in 1 of 1 lines its amounts fall from one month to the next (3 of 7 times), as monthly amounts do and a total to date does not: if it holds monthly amounts, every figure to date from it is wrong; map it under "columns" in the config, {"actualMonth": "Utfall ack"} if it holds monthly amounts or {"actualYtd": "Utfall ack"} if it is a total to date');
    expect(budgetRecords(r)[7]).toMatchObject({ actualYtd: 16_109_000, actualMonth: null });
  });

  it('a plain "Utfall" beside a monthly outcome column of its own is kept, with the same warning, and the budget beside it too', () => {
    const lines = rows(() => 15_170, (m) => OUTCOMES[m - 1]!).map((l) => `${l};1`);
    const r = parseText(file('Period;Kommun;Verksamhet;Budget;Utfall;Utfall månad', lines), spec);
    // Nor is "Utfall" the sum of the months beside it (1 tkr each): said from January on, once for the line's year.
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5', 'budget-ytd-months-differ@2:5']);
    expect(budgetRecords(r)[7]).toMatchObject({ budgetYear: 15_170_000, actualYtd: 16_109_000, actualMonth: 1_000 });
  });
});

describe('a total to date with a credit month or two in a short file', () => {
  it('is kept as written and said to be unsure: one fall in three is no proof', () => {
    const text = file('Period;Kommun;Verksamhet;Budget;Utfall', ['2025-01;1460;Hemtjänst;12000;1000', '2025-02;1460;Hemtjänst;12000;2000', '2025-03;1460;Hemtjänst;12000;2900', '2025-04;1460;Hemtjänst;12000;2800']);
    const r = parseText(text, spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5']);
    expect(budgetRecords(r)[3]).toMatchObject({ budgetYear: 12_000_000, actualYtd: 2_800_000, actualMonth: null });
  });
});

describe('monthly amounts that rise every month', () => {
  /** Mellerud's elderly care and LSS, January–April: monthly amounts, each a little above the last. */
  const rising = file('Period;Kommun;Verksamhet;Budget;Utfall', [
    '2025-01;1461;Äldreomsorg;15000;14600', '2025-01;1461;LSS;5800;5700',
    '2025-02;1461;Äldreomsorg;15000;14800', '2025-02;1461;LSS;5800;5750',
    '2025-03;1461;Äldreomsorg;15000;15200', '2025-03;1461;LSS;5800;5850',
    '2025-04;1461;Äldreomsorg;15000;15900', '2025-04;1461;LSS;5800;5900',
  ]);

  it('are read as monthly amounts: they never fall, but grow far less than totals to date would', () => {
    const r = parseText(rising, spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-monthly@1:5', 'budget-columns-monthly@1:4']);
    expect(r.findings.find((f) => f.code === 'budget-columns-monthly')!.message).toContain('in 2 of 2 lines spanning enough of a year (the last month at least twice the first) its amounts stay level instead of growing with the months as a total to date does (Äldreomsorg: 2025-04 is 1.09 times 2025-01, where a total to date would be about 4.0 times)');
    expect(budgetRecords(r)[6]).toMatchObject({ budgetYear: null, budgetMonth: 15_000_000, actualYtd: null, actualMonth: 15_900_000 });
  });

  it('under "Utfall ack" are kept as written, with a warning that they look monthly', () => {
    const r = parseText(rising.replace('Budget;Utfall', 'Budget helår;Utfall ack'), spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5']);
    expect(budgetRecords(r)[6]).toMatchObject({ budgetYear: 15_000_000, actualYtd: 15_900_000, actualMonth: null });
  });
});

describe('plain columns whose amounts do not tell', () => {
  it('two months a line that do not span enough of a year (February and March): kept as written, and said (budget-columns-unsure), not picked in silence', () => {
    const text = file('Period;Kommun;Verksamhet;Budget;Utfall', ['2025-02;1461;Äldreomsorg;15000;14600', '2025-03;1461;Äldreomsorg;15000;14800']);
    const r = parseText(text, spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5']);
    expect(r.findings.find((f) => f.code === 'budget-columns-unsure')!.message).toContain('no line spans enough of a year (its last month at least twice its first) to show whether its amounts grow');
    expect(budgetRecords(r)[1]).toMatchObject({ budgetYear: 15_000_000, actualYtd: 14_800_000 });
  });

  it('three months a line that do not span enough (October to December, totals to date): said with the rule, not as too few months', () => {
    const text = file('Period;Kommun;Verksamhet;Budget;Utfall', ['2025-10;1461;Äldreomsorg;180000;150000', '2025-11;1461;Äldreomsorg;180000;165000', '2025-12;1461;Äldreomsorg;180000;180000']);
    const r = parseText(text, spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5']);
    expect(r.findings.find((f) => f.code === 'budget-columns-unsure')!.message).toContain('no line spans enough of a year (its last month at least twice its first)');
  });

  it('growing half as fast as totals to date: kept as written, and said', () => {
    const text = file('Period;Kommun;Verksamhet;Budget;Utfall', ['2025-01;1461;Äldreomsorg;180000;30000', '2025-02;1461;Äldreomsorg;180000;40000', '2025-03;1461;Äldreomsorg;180000;50000', '2025-04;1461;Äldreomsorg;180000;60000']);
    const r = parseText(text, spec);
    expect(codes(r, 'warning')).toEqual(['budget-columns-unsure@1:5']);
    expect(r.findings.find((f) => f.code === 'budget-columns-unsure')!.message).toContain('neither stay level nor grow with the months as a total to date does in most of the 1 lines');
    expect(budgetRecords(r)[3]).toMatchObject({ budgetYear: 180_000_000, actualYtd: 60_000_000 });
  });

  it('one month a line (a year-to-date follow-up): nothing to compare, nothing said', () => {
    const r = parseText(file('Period;Kommun;Verksamhet;Budget;Utfall', ['2025-04;1461;Äldreomsorg;180000;60000', '2025-04;1461;LSS;70000;23000']), spec);
    expect(codes(r, 'warning')).toEqual([]);
  });
});

describe('two follow-ups a year (tertials: April and August)', () => {
  const tertials = (t2: (t1: number) => number) => file('Period;Kommun;Verksamhet;Budget;Utfall;Prognos', [
    `T1 2025;1460;Äldreomsorg;-224000;-75000;-226000`, `T2 2025;1460;Äldreomsorg;-224000;${t2(-75000)};-227000`,
    `T1 2025;1460;LSS;-66000;-22000;-66500`, `T2 2025;1460;LSS;-66000;${t2(-22000)};-66800`,
  ]);

  it('a plain "Utfall" that doubles from April to August is a total to date, read so without a finding', () => {
    const r = parseText(tertials((t1) => Math.round(t1 * 2.02)), spec);
    // Only that the tertials were read as months (April, August).
    expect(codes(r, 'warning')).toEqual(['period-tertial@1:-']);
    expect(budgetRecords(r)[1]).toMatchObject({ budgetYear: 224_000_000, actualYtd: 151_500_000, actualMonth: null });
  });

  it('a plain "Utfall" that stays level from April to August is no total to date: read as the follow-up\'s own amounts, and said', () => {
    const r = parseText(tertials((t1) => t1 - 1000), spec);
    expect(codes(r, 'warning')).toContain('budget-columns-monthly@1:5');
    expect(budgetRecords(r)[1]).toMatchObject({ actualYtd: null, actualMonth: 76_000_000 });
  });
});

describe('growthShare', () => {
  it('is 0 for level amounts, 1 for running totals, between for neither', () => {
    expect(growthShare(15_000, 15_000, 1, 4)).toBe(0);
    expect(growthShare(15_000, 60_000, 1, 4)).toBeCloseTo(1, 12);
    expect(growthShare(30_000, 60_000, 1, 4)).toBeCloseTo(0.5, 12);
  });
});
