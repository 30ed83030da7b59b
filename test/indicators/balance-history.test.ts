import { describe, expect, it } from 'vitest';
import { balanceHistory, yearEnd, type YearEnd } from '../../src/indicators/balance-history.js';
import { BudgetYear } from '../../src/indicators/budget-balance.js';

const NA = Number.NaN;
/** A line's year from months given as [month, budgetYear, budgetYtd, budgetMonth, actualYtd, actualMonth, forecast] (NaN: not given). */
function year(months: readonly (readonly number[])[]): BudgetYear {
  const y = new BudgetYear();
  for (const [m, ...amounts] of months) y.set(m!, amounts);
  return y;
}
/** A year-end file's row: December only, full-year budget and outcome. */
const closing = (budget: number, outcome: number) => year([[12, budget, NA, NA, outcome, NA, NA]]);
/** Twelve months of monthly amounts only, without `skip`. */
const monthly = (budgetMonth: number, actualMonth: number, skip: readonly number[] = []) =>
  year(Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !skip.includes(m)).map((m) => [m, NA, NA, budgetMonth, NA, actualMonth, NA]));

/** Nine year ends 2016–2024 on a budget of 1 000: outcomes 1 030 … 980, deviations −3 … +2 %. */
const OUTCOMES = [1030, 1020, 1025, 1010, 1005, 995, 990, 985, 980];
const nine = (): YearEnd[] => OUTCOMES.map((o, i) => yearEnd(closing(1000, o), 2016 + i));

describe('yearEnd', () => {
  it('a year-end row: budget − outcome, in kr and in % of the budget (1 000 − 1 030 = −30, −3 %)', () => {
    expect(yearEnd(closing(1000, 1030), 2016)).toEqual({ year: 2016, budget: 1000, outcome: 1030, deviation: -30, deviationPct: -3, missing: null, missingMonths: [], missingParts: [] });
  });
  it('twelve months of monthly amounts: sums of months (12 × 100 budget, 12 × 98 outcome: +24, +2 %)', () => {
    const e = yearEnd(monthly(100, 98), 2019);
    expect([e.budget, e.outcome, e.deviation, e.deviationPct, e.missing]).toEqual([1200, 1176, 24, 2, null]);
  });
  it("takes December's full-year budget over the sum of the monthly budgets", () => {
    const y = monthly(100, 98);
    y.set(12, [1180, NA, 100, NA, 98, NA]);
    expect(yearEnd(y, 2019).budget).toBe(1180);
    expect(yearEnd(y, 2019).deviation).toBe(1180 - 1176);
  });
  it('a missing month makes a year of monthly amounts incomplete: no figures, and the month is named', () => {
    expect(yearEnd(monthly(100, 98, [5]), 2019)).toEqual({ year: 2019, budget: null, outcome: null, deviation: null, deviationPct: null, missing: 'months-missing', missingMonths: [5], missingParts: [] });
  });
  it('a missing month does not matter when December gives the year to date', () => {
    const y = monthly(100, 98, [5]);
    y.set(12, [1200, 1200, 100, 1180, 98, NA]);
    expect(yearEnd(y, 2019)).toMatchObject({ outcome: 1180, deviation: 20, missing: null });
  });
  it('a year without December is not closed: it says up to which month it goes, and nothing is extrapolated', () => {
    expect(yearEnd(monthly(100, 98, [12]), 2024)).toMatchObject({ budget: null, outcome: null, deviationPct: null, missing: 'not-closed', missingMonths: [11] });
  });
  it('a budget below one krona gives the deviation in kr but no percentage', () => {
    expect(yearEnd(closing(0, 50), 2020)).toMatchObject({ deviation: -50, deviationPct: null, missing: null });
  });
});

describe('balanceHistory', () => {
  it('nine years: the trend of the deviation % by the quality trends\' rules (hand-worked Mann–Kendall S = 34)', () => {
    const h = balanceHistory(nine(), 2025);
    expect(h.years.map((e) => e.deviationPct)).toEqual([-3, -2, -2.5, -1, -0.5, 0.5, 1, 1.5, 2]);
    // 36 pairs, one falling (−2 → −2.5): S = 35 − 1 = 34; Var S = 9·8·23/18 = 92; z = (34 − 1)/√92 = 3.4405.
    expect(h.trend?.mannKendall?.s).toBe(34);
    expect(h.trend?.mannKendall?.variance).toBe(92);
    expect(h.trend?.mannKendall?.p).toBeCloseTo(0.00058067, 6);
    expect([h.trend?.from, h.trend?.to, h.trend?.points, h.trend?.verdict]).toEqual([2016, 2024, 9, 'improving']);
  });
  it('compares the report year with the complete years before it: mean −4/9 %, −3 to +2 %, 5 of 9 over budget', () => {
    const p = balanceHistory(nine(), 2025).previous!;
    expect(p).toMatchObject({ from: 2016, to: 2024, years: 9, min: -3, max: 2, overBudget: 5 });
    expect(p.mean).toBeCloseTo(-4 / 9, 12);
    // A closed report year is not among its own previous years.
    expect(balanceHistory(nine(), 2024).previous).toMatchObject({ from: 2016, to: 2023, years: 8, overBudget: 5 });
  });
  it('one year: the year, no trend (too few points)', () => {
    const h = balanceHistory([yearEnd(closing(1000, 990), 2024)], 2025);
    expect(h.years).toHaveLength(1);
    expect([h.trend?.points, h.trend?.verdict]).toEqual([1, 'too-few-points']);
    expect(h.previous).toMatchObject({ from: 2024, to: 2024, years: 1, mean: 1, overBudget: 0 });
  });
  it('a gap year is shown as a year without figures, not skipped; the trend uses the years there are', () => {
    const h = balanceHistory(nine().filter((e) => e.year !== 2019), 2025);
    expect(h.years.map((e) => e.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(h.years[3]).toMatchObject({ year: 2019, deviationPct: null, missing: 'not-closed', missingMonths: [0] });
    expect(h.trend?.points).toBe(8);
    expect(h.previous?.years).toBe(8);
  });
  it('an incomplete year (a missing month) is left out of the trend and the comparison, never guessed', () => {
    const ends = nine();
    ends[4] = yearEnd(monthly(100, 98, [7]), 2020);
    const h = balanceHistory(ends, 2025);
    expect(h.years[4]).toMatchObject({ missing: 'months-missing', missingMonths: [7] });
    expect(h.trend?.points).toBe(8);
    expect(h.previous?.years).toBe(8);
  });
  it('no complete year: no trend at all (not one from year NaN to NaN), the year says why', () => {
    const h = balanceHistory([yearEnd(monthly(100, 98, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 2024)], 2025);
    expect(h.years).toEqual([expect.objectContaining({ year: 2024, deviationPct: null, missing: 'months-missing', missingMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })]);
    expect(h.trend).toBeNull();
    expect(h.previous).toBeUndefined();
  });
  it('four complete years give no verdict; five do', () => {
    expect(balanceHistory(nine().slice(0, 4), 2025).trend?.verdict).toBe('too-few-points');
    expect(balanceHistory(nine().slice(4), 2025).trend?.verdict).not.toBe('too-few-points');
  });
});
