import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetBalance, budgetStatus, forecastAccuracy, yearToDate } from '../../src/indicators/budget-balance.js';
import type { BudgetRecord } from '../../src/model/records.js';

const t = { yellowBelow: 0, redBelow: -2 };
function rec(over: Partial<BudgetRecord>): BudgetRecord {
  return {
    kind: 'budget', area: { code: '1460', kind: 'municipality' }, period: '2025-01', activity: 'Äldreomsorg',
    budgetYear: 1200, budgetYtd: null, budgetMonth: 100, actualYtd: null, actualMonth: 100, forecast: 1200,
    source: { file: 'f.csv', line: 2 }, ...over,
  };
}
const months = (n: number, f: (m: number) => Partial<BudgetRecord>) =>
  Array.from({ length: n }, (_, i) => rec({ period: `2025-${String(i + 1).padStart(2, '0')}`, ...f(i + 1) }));

describe('budgetBalance', () => {
  it('sums monthly amounts (hand-worked: 8 months of 100 budget, 103.5 actual → −3.5 %)', () => {
    const b = budgetBalance(months(8, () => ({ actualMonth: 103.5, forecast: 1240 })), '2025-08', t, 1);
    expect(b.budgetYtdMethod).toBe('sum-of-months');
    expect(b.budgetYtd).toBe(800);
    expect(b.actualYtd).toBeCloseTo(828, 9);
    expect(b.deviation).toBeCloseTo(-28, 9);
    expect(b.deviationPct).toBeCloseTo(-3.5, 9);
    expect(b.elapsedPct).toBeCloseTo(66.6667, 3);
    expect(b.pacePct).toBeCloseTo(69, 9);
    expect(b.forecastDeviation).toBe(-40);
    expect(b.projection).toBeCloseTo(1242, 9);
    expect(b.forecastOptimismPct).toBeCloseTo((2 / 1200) * 100, 9);
    expect(b.forecastOptimistic).toBe(false);
    expect(b.status).toBe('red');
  });
  it('flags a forecast rosier than the pace by more than the margin', () => {
    const b = budgetBalance(months(6, () => ({ actualMonth: 110, forecast: 1200 })), '2025-06', t, 1);
    expect(b.projection).toBeCloseTo(1320, 9);
    expect(b.forecastOptimismPct).toBeCloseTo(10, 9);
    expect(b.forecastOptimistic).toBe(true);
  });
  it('uses a YTD column when given, and pro-rates the annual budget when months are missing', () => {
    const ytd = budgetBalance([rec({ period: '2025-04', budgetYtd: 410, actualYtd: 400, budgetMonth: null, actualMonth: null })], '2025-04', t, 1);
    expect(ytd.budgetYtdMethod).toBe('ytd-column');
    expect(ytd.deviationPct).toBeCloseTo((10 / 410) * 100, 9);
    expect(ytd.status).toBe('green');
    const gap = budgetBalance([rec({ period: '2025-04', actualYtd: 420, budgetMonth: null, actualMonth: null })], '2025-04', t, 1);
    expect(gap.budgetYtdMethod).toBe('annual-pro-rata');
    expect(gap.budgetYtd).toBe(400);
    expect(gap.status).toBe('red');
  });
  it('degenerate: no record for the month gives nulls, not zeros', () => {
    const b = budgetBalance([], '2025-03', t, 1);
    expect(b).toMatchObject({ budgetYtd: null, actualYtd: null, deviation: null, status: null, forecastOptimistic: false });
  });
});

describe('budgetStatus', () => {
  it('thresholds are strict: exactly −2 % is yellow, below is red', () => {
    expect(budgetStatus(0, t)).toBe('green');
    expect(budgetStatus(-0.1, t)).toBe('yellow');
    expect(budgetStatus(-2, t)).toBe('yellow');
    expect(budgetStatus(-2.01, t)).toBe('red');
  });
});

describe('forecastAccuracy', () => {
  it('compares each month’s forecast with the year-end outcome once the year is closed', () => {
    const year = months(12, (m) => ({ actualMonth: 101, forecast: 1200 + m }));
    const acc = forecastAccuracy(year, 2025, t);
    expect(acc).toHaveLength(12);
    expect(acc[7]).toMatchObject({ month: 8, forecast: 1208, outcome: 1212, error: -4 });
    expect(acc[7]!.errorPct).toBeCloseTo((-4 / 1212) * 100, 9);
    expect(forecastAccuracy(year.slice(0, 10), 2025, t)).toEqual([]);
  });
});

describe('projection follows the budget profile', () => {
  it('does not extrapolate a seasonal peak: on-budget spending projects to the budget (hand-worked)', () => {
    // Budget 1200 a year, 150 in each of the first 4 months (summer-heavy profile), spent exactly.
    const recs = months(4, () => ({ budgetMonth: 150, actualMonth: 150, forecast: 1200 }));
    const b = budgetBalance(recs, '2025-04', t, 1);
    expect(b.projection).toBeCloseTo(1200, 9);
    expect(b.forecastOptimistic).toBe(false);
    // Without a monthly profile the plain straight line is used: 600 / 4 × 12 = 1800.
    const flat = budgetBalance([rec({ period: '2025-04', actualYtd: 600, budgetMonth: null, actualMonth: null })], '2025-04', t, 1);
    expect(flat.projection).toBeCloseTo(1800, 9);
    expect(flat.forecastOptimistic).toBe(true);
  });
});

describe('yearToDate', () => {
  it('gives, in one pass, what budgetBalance gives month by month (gaps, missing fields, YTD columns, two years)', () => {
    const amount = fc.option(fc.integer({ min: -1000, max: 100_000 }), { nil: null, freq: 4 });
    const record = fc.record({
      year: fc.constantFrom('2024', '2025'), month: fc.integer({ min: 1, max: 12 }),
      budgetYear: amount, budgetYtd: amount, budgetMonth: amount, actualYtd: amount, actualMonth: amount, forecast: amount,
    });
    // Months may repeat (two files with the same line): the last record of a month counts, in both.
    fc.assert(fc.property(fc.array(record, { maxLength: 30 }), (rows) => {
      const recs = rows.map(({ year, month, ...a }) => rec({ ...a, period: `${year}-${String(month).padStart(2, '0')}` }));
      const got = yearToDate(recs);
      expect(got.map((g) => g.period)).toEqual([...new Set(recs.map((r) => r.period))].sort());
      for (const g of got) {
        const b = budgetBalance(recs, g.period, t, 0);
        expect([g.budgetYear, g.budgetYtd, g.actualYtd, g.forecast]).toEqual([b.budgetYear, b.budgetYtd, b.actualYtd, b.forecast]);
      }
    }));
  });
  it('is empty for no records', () => {
    expect(yearToDate([])).toEqual([]);
  });
});
