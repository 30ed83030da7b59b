import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addUp, budgetBalance, budgetStatus, BudgetYear, forecastAccuracy, tableLine, toDate, yearToDate } from '../../src/indicators/budget-balance.js';
import { BUDGET_AMOUNTS } from '../../src/model/budget-table.js';
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
/** A line's year from its records, in order (the last record of a month counts). */
function yearOf(records: readonly BudgetRecord[], year = '2025'): BudgetYear {
  const y = new BudgetYear();
  for (const r of records) if (r.period.startsWith(`${year}-`)) y.set(Number(r.period.slice(5)), BUDGET_AMOUNTS.map((k) => r[k] ?? Number.NaN));
  return y;
}

describe('budgetBalance', () => {
  it('sums monthly amounts (hand-worked: 8 months of 100 budget, 103.5 actual → −3.5 %)', () => {
    const b = budgetBalance(yearOf(months(8, () => ({ actualMonth: 103.5, forecast: 1240 }))), 8, t, 1);
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
  it('gives no percentage of a budget below one krona: 0,0000000001 kr to date is no base for −1e15 %', () => {
    const b = budgetBalance(yearOf(months(1, () => ({ budgetMonth: 0.0000000001, budgetYear: 0.0000000012, actualMonth: 100, forecast: 1200 }))), 1, t, 1);
    expect(b.deviation).toBeCloseTo(-100, 6);
    expect([b.deviationPct, b.pacePct, b.forecastDeviationPct, b.forecastOptimismPct, b.status]).toEqual([null, null, null, null, null]);
    // One krona is enough: the percentage is then what it is.
    expect(budgetBalance(yearOf(months(1, () => ({ budgetMonth: 1, budgetYear: 12, actualMonth: 2 }))), 1, t, 1).deviationPct).toBeCloseTo(-100, 9);
  });
  it('flags a forecast rosier than the pace by more than the margin', () => {
    const b = budgetBalance(yearOf(months(6, () => ({ actualMonth: 110, forecast: 1200 }))), 6, t, 1);
    expect(b.projection).toBeCloseTo(1320, 9);
    expect(b.forecastOptimismPct).toBeCloseTo(10, 9);
    expect(b.forecastOptimistic).toBe(true);
  });
  it('uses a YTD column when given, and pro-rates the annual budget when months are missing', () => {
    const ytd = budgetBalance(yearOf([rec({ period: '2025-04', budgetYtd: 410, actualYtd: 400, budgetMonth: null, actualMonth: null })]), 4, t, 1);
    expect(ytd.budgetYtdMethod).toBe('ytd-column');
    expect(ytd.deviationPct).toBeCloseTo((10 / 410) * 100, 9);
    expect(ytd.status).toBe('green');
    const gap = budgetBalance(yearOf([rec({ period: '2025-04', actualYtd: 420, budgetMonth: null, actualMonth: null })]), 4, t, 1);
    expect(gap.budgetYtdMethod).toBe('annual-pro-rata');
    expect(gap.budgetYtd).toBe(400);
    expect(gap.status).toBe('red');
  });
  it('degenerate: no record for the month gives nulls, not zeros', () => {
    const b = budgetBalance(new BudgetYear(), 3, t, 1);
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
    const acc = forecastAccuracy(yearOf(year));
    expect(acc).toHaveLength(12);
    expect(acc[7]).toMatchObject({ month: 8, forecast: 1208, outcome: 1212, error: -4 });
    expect(acc[7]!.errorPct).toBeCloseTo((-4 / 1212) * 100, 9);
    expect(forecastAccuracy(yearOf(year.slice(0, 10)))).toEqual([]);
  });
});

describe('projection follows the budget profile', () => {
  it('does not extrapolate a seasonal peak: on-budget spending projects to the budget (hand-worked)', () => {
    // Budget 1200 a year, 150 in each of the first 4 months (summer-heavy profile), spent exactly.
    const recs = months(4, () => ({ budgetMonth: 150, actualMonth: 150, forecast: 1200 }));
    const b = budgetBalance(yearOf(recs), 4, t, 1);
    expect(b.projection).toBeCloseTo(1200, 9);
    expect(b.forecastOptimistic).toBe(false);
    // Without a monthly profile the plain straight line is used: 600 / 4 × 12 = 1800.
    const flat = budgetBalance(yearOf([rec({ period: '2025-04', actualYtd: 600, budgetMonth: null, actualMonth: null })]), 4, t, 1);
    expect(flat.projection).toBeCloseTo(1800, 9);
    expect(flat.forecastOptimistic).toBe(true);
  });
});

describe('BudgetYear', () => {
  it('keeps the last record of a month (the same line in two files), and null for what is missing', () => {
    const y = yearOf([rec({ period: '2025-03', forecast: 1200 }), rec({ period: '2025-03', forecast: null, actualMonth: 90 })]);
    expect([y.has(3), y.get(3, 5), y.get(3, 4), y.get(4, 4)]).toEqual([true, null, 90, null]);
    expect(forecastAccuracy(yearOf(months(12, (m) => ({ actualMonth: 100, forecast: m === 3 ? 1250 : 1200 })).concat(rec({ period: '2025-03', forecast: 1300 }))))).toHaveLength(12);
  });

  it('tells a table-backed month\'s table and line apart again (tableLine)', () => {
    const tables = [0, 1, 2].map((t) => ({ amounts: new Float64Array(12 * BUDGET_AMOUNTS.length), line: Float64Array.from({ length: 12 }, (_, i) => 100 * t + i + 2) }));
    const [y] = BudgetYear.onTables(1, tables);
    y!.point(4, 2, 7);
    expect(tableLine(y!.origin(4))).toEqual({ table: 2, line: 209 });
  });
});

const amount = fc.option(fc.integer({ min: -1000, max: 100_000 }), { nil: null, freq: 4 });
const record = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  budgetYear: amount, budgetYtd: amount, budgetMonth: amount, actualYtd: amount, actualMonth: amount, forecast: amount,
});
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const line = fc.array(record, { maxLength: 14 }).map((rows) => yearOf(rows.map(({ month, ...a }) => rec({ ...a, period: `2025-${String(month).padStart(2, '0')}` }))));

describe('yearToDate', () => {
  it('gives, in one pass, what budgetBalance gives month by month (gaps, missing fields, YTD columns)', () => {
    fc.assert(fc.property(line, (y) => {
      const got = yearToDate(y);
      expect(got.map((g) => g.month)).toEqual(MONTHS.filter((m) => y.has(m)));
      for (const g of got) {
        const b = budgetBalance(y, g.month, t, 0);
        expect([g.budgetYear, g.budgetYtd, g.actualYtd, g.forecast]).toEqual([b.budgetYear, b.budgetYtd, b.actualYtd, b.forecast]);
      }
    }));
  });
  it('is empty for a year without records', () => {
    expect(yearToDate(new BudgetYear())).toEqual([]);
  });
});

describe('toDate', () => {
  it('gives the full-year budget and the budget and actual to date as budgetBalance makes them', () => {
    fc.assert(fc.property(line, fc.integer({ min: 1, max: 12 }), (y, month) => {
      const b = budgetBalance(y, month, t, 0);
      expect(toDate(y, month)).toEqual({ budgetYear: b.budgetYear, budgetYtd: b.budgetYtd, actualYtd: b.actualYtd });
    }));
  });
});

describe('addUp', () => {
  it('hand-worked: a monthly line and a year-to-date line add up year to date; a month only one has is not in the sum', () => {
    const monthly = yearOf(months(3, () => ({ budgetMonth: 100, actualMonth: 110, forecast: 1300 })));
    const ytd = yearOf([rec({ period: '2025-03', budgetYear: 2400, budgetYtd: 600, actualYtd: 570, budgetMonth: null, actualMonth: null, forecast: null })]);
    const sum = addUp([monthly, ytd], 2);
    expect([sum.get(3, 0), sum.get(3, 1), sum.get(3, 3), sum.get(3, 5), sum.get(3, 2), sum.get(3, 4)]).toEqual([3600, 900, 900, null, null, null]);
    expect([sum.has(1), sum.has(2), sum.has(3), sum.has(4), sum.latest()]).toEqual([false, false, true, false, 3]);
    // Three components, two lines: no month is whole.
    expect(addUp([monthly, ytd], 3).latest()).toBe(0);
  });
  it('sums each line as budgetBalance reads it month by month, and has only the months every component has', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2 }), (lines, missing) => {
      const components = lines.length + (missing === 2 ? 1 : 0);
      const sum = addUp(lines, components);
      for (let m = 1; m <= 12; m++) {
        const with_ = lines.filter((l) => l.has(m));
        const whole = with_.length === components;
        expect(sum.has(m)).toBe(whole);
        const total = (f: (b: ReturnType<typeof budgetBalance>) => number | null) => {
          if (!whole) return null;
          let s = 0;
          for (const l of with_) {
            const v = f(budgetBalance(l, m, t, 0));
            if (v === null) return null;
            s += v;
          }
          return s;
        };
        expect([sum.get(m, 0), sum.get(m, 1), sum.get(m, 2), sum.get(m, 3), sum.get(m, 4), sum.get(m, 5)])
          .toEqual([total((b) => b.budgetYear), total((b) => b.budgetYtd), null, total((b) => b.actualYtd), null, total((b) => b.forecast)]);
      }
    }));
  });
});

describe('BudgetYear bookkeeping', () => {
  const six = [1, 2, Number.NaN, 4, 5, 6];
  it('knows its latest month up to a bound, whether a month holds given amounts, and where a month came from', () => {
    const y = new BudgetYear();
    const other = new BudgetYear();
    y.set(2, six, 0, 7).set(5, six, 0, 9);
    expect([y.latest(), y.latest(4), y.latest(1), other.latest()]).toEqual([5, 2, 0, 0]);
    expect([y.origin(2), y.origin(5), y.origin(3), other.origin(2)]).toEqual([7, 9, -1, -1]);
    // Missing amounts are alike; any other difference is not.
    expect([y.same(2, six), y.same(2, [1, 2, 3, 4, 5, 6]), y.same(2, [1, 2, Number.NaN, 4, 5, 7])]).toEqual([true, false, false]);
    y.blank(2);
    expect([y.has(2), y.get(2, 0), y.get(5, 0)]).toEqual([true, null, 1]);
  });
  it('points at table rows as a held year keeps copies: same amounts, months, origins and blanks', () => {
    // Two tables: row 1 of the second is `six`, row 0 of the first another six amounts.
    const tables = [
      { amounts: Float64Array.from([9, 8, 7, 6, 5, 4]), line: Float64Array.from([3]) },
      { amounts: Float64Array.from([0, 0, 0, 0, 0, 0, ...six]), line: Float64Array.from([2, 11]) },
    ];
    const [y, other] = BudgetYear.onTables(2, tables);
    y!.point(2, 1, 1);
    y!.point(5, 0, 0);
    other!.point(3, 0, 0);
    expect([y!.latest(), y!.latest(4), other!.latest(), y!.has(3), other!.has(2)]).toEqual([5, 2, 3, false, false]);
    expect([y!.get(2, 0), y!.get(2, 2), y!.get(2, 5), y!.get(5, 0), y!.get(3, 0), other!.get(3, 5)]).toEqual([1, null, 6, 9, null, 4]);
    expect([y!.origin(2), y!.origin(5), y!.origin(3), other!.origin(2)]).toEqual([2 ** 32 + 11, 3, -1, -1]);
    expect([y!.same(2, six), y!.same(5, six), y!.same(2, [1, 2, 3, 4, 5, 6])]).toEqual([true, false, false]);
    y!.blank(2);
    expect([y!.has(2), y!.get(2, 0), y!.get(2, 5), y!.get(5, 0), y!.latest()]).toEqual([true, null, null, 9, 5]);
    // The table is left as it was; only the year's month is missing.
    expect(tables[1]!.amounts[6]).toBe(1);
    expect(() => y!.set(1, six)).toThrow(/point/);
  });
});
