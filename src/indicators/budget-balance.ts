import { BUDGET_AMOUNTS } from '../model/budget-table.js';
import { budgetStatus, type BudgetStatus, type StatusThresholds } from '../model/budget-status.js';

export { budgetStatus, type StatusThresholds };
export type Status = BudgetStatus;
export type YtdMethod = 'ytd-column' | 'sum-of-months' | 'annual-pro-rata' | 'summed';

/**
 * `part` as a percentage of a budget amount, or null when the budget is below one krona: a share of
 * almost nothing (a budget to date of 0,0000000001 kr) would be an absurd −1e15 %, not a signal.
 * @example percentOf(-50, 1000) // -5
 */
export function percentOf(part: number, budget: number | null): number | null {
  return budget !== null && Math.abs(budget) >= 1 ? (part / Math.abs(budget)) * 100 : null;
}

export interface BudgetBalance {
  /** The month the follow-up is made after, 1–12. */
  month: number;
  budgetYear: number | null;
  budgetYtd: number | null;
  budgetYtdMethod: YtdMethod | null;
  actualYtd: number | null;
  actualYtdMethod: 'ytd-column' | 'sum-of-months' | null;
  /** budget YTD − actual YTD in kr: positive = better than budget (costs below budget). */
  deviation: number | null;
  deviationPct: number | null;
  /** Actual YTD as % of the full-year budget; compare with `elapsedPct`. */
  pacePct: number | null;
  /** month / 12 × 100: the benchmark ("riktvärde"). */
  elapsedPct: number;
  forecast: number | null;
  /** Full-year budget − forecast: positive = the year is expected to end better than budget. */
  forecastDeviation: number | null;
  forecastDeviationPct: number | null;
  /**
   * Naive projection of the full year along the budget's own monthly profile:
   * actual YTD × full-year budget / budget YTD when the YTD budget is a real profile (a YTD column
   * or the monthly budgets), so summer peaks are not extrapolated; plain actual YTD / month × 12
   * otherwise.
   */
  projection: number | null;
  /** (projection − forecast) / full-year budget × 100: how much rosier the forecast is than the pace. */
  forecastOptimismPct: number | null;
  forecastOptimistic: boolean;
  status: Status | null;
}

const WIDTH = BUDGET_AMOUNTS.length;
/** Where each amount sits among a month's six (BUDGET_AMOUNTS order). */
const BUDGET_YEAR = 0;
const BUDGET_YTD = 1;
const BUDGET_MONTH = 2;
const ACTUAL_YTD = 3;
const ACTUAL_MONTH = 4;
const FORECAST = 5;

/** Budget tables' columns as a table-backed year reads them (see `BudgetYear.onTables`). */
export interface RowSource {
  readonly amounts: Float64Array;
  readonly line: Float64Array;
}

/** A table-backed month's row as one number: its table's index times this, plus the row. */
const ROWS = 2 ** 32;

/**
 * A table-backed year's `origin` taken apart: the index of the table the month's row is in and the
 * row's line in that file. The one place that knows how `origin` packs them.
 * @example tableLine(2 * 2 ** 32 + 7) // { table: 2, line: 7 }
 */
export function tableLine(origin: number): { table: number; line: number } {
  const table = Math.floor(origin / ROWS);
  return { table, line: origin - table * ROWS };
}

/**
 * One budget line's year: for each month 1–12 whether a record gives it, that record's amounts
 * (NaN where it gives none) in BUDGET_AMOUNTS order, all in kr with costs positive, and where the
 * record came from. Of several records for one month, the last one set counts: analysis checks
 * `same` first. A year made by `new` holds its amounts (`set`: a sum, a test); one made by
 * `onTables` points at its months' rows in the budget tables (`point`): 96 bytes a year instead of
 * 672, for the ~41 000 line-years (3 770 lines × 11 years) of a national file's balance history,
 * whose copies were 28 MB of fresh memory.
 */
export class BudgetYear {
  /** Months with a record: bit m − 1 for month m. */
  private months = 0;
  /** Table-backed: months whose amounts are made missing (`blank`). */
  private blanks = 0;

  constructor(
    private readonly amounts: Float64Array = new Float64Array(12 * WIDTH).fill(Number.NaN),
    /** Held amounts: where each month's record came from (−1 unknown); table-backed: each month's row (see ROWS). */
    private readonly origins: Float64Array = new Float64Array(12).fill(-1),
    /** Where this year's months sit in `origins` (and in `amounts`, times WIDTH). */
    private readonly at = 0,
    private readonly tables?: readonly RowSource[],
  ) {}

  /** `n` empty years whose months point at rows of `tables`, sharing one array. */
  static onTables(n: number, tables: readonly RowSource[]): BudgetYear[] {
    const rows = new Float64Array(n * 12);
    return Array.from({ length: n }, (_, i) => new BudgetYear(NO_AMOUNTS, rows, i * 12, tables));
  }

  /** Gives month `month` (1–12) the six amounts in `source` from `from` (NaN: not given), read from `origin`. */
  set(month: number, source: ArrayLike<number>, from = 0, origin = -1): this {
    if (this.tables !== undefined) throw new Error('BudgetYear.set: this year points at table rows (use point)');
    const to = (this.at + month - 1) * WIDTH;
    for (let k = 0; k < WIDTH; k++) this.amounts[to + k] = source[from + k]!;
    this.origins[this.at + month - 1] = origin;
    this.months |= 1 << (month - 1);
    return this;
  }

  /** Table-backed: month `month` (1–12) is row `row` of table `table`. */
  point(month: number, table: number, row: number): void {
    this.origins[this.at + month - 1] = table * ROWS + row;
    this.months |= 1 << (month - 1);
  }

  /** Amount `k` of month `month` as kept: NaN when the month or the amount is missing. */
  private raw(month: number, k: number): number {
    const tables = this.tables;
    if (tables === undefined) return this.amounts[(this.at + month - 1) * WIDTH + k]!;
    const bit = 1 << (month - 1);
    if ((this.months & bit) === 0 || (this.blanks & bit) !== 0) return Number.NaN;
    const ref = this.origins[this.at + month - 1]!;
    const t = Math.floor(ref / ROWS);
    return tables[t]!.amounts[(ref - t * ROWS) * WIDTH + k]!;
  }

  /** Whether month `month` already holds exactly the six amounts in `source` from `from` (missing alike). */
  same(month: number, source: ArrayLike<number>, from = 0): boolean {
    for (let k = 0; k < WIDTH; k++) {
      const a = this.raw(month, k);
      const b = source[from + k]!;
      if (a !== b && !(a !== a && b !== b)) return false;
    }
    return true;
  }

  /** Makes month `month`'s amounts missing; the month keeps its record (two sources disagreed on it). */
  blank(month: number): void {
    if (this.tables !== undefined) this.blanks |= 1 << (month - 1);
    else this.amounts.fill(Number.NaN, (this.at + month - 1) * WIDTH, (this.at + month) * WIDTH);
  }

  /** Where month `month`'s record came from: as given to `set`, or table-backed its table's index × 2^32 + its line; −1 when not told. */
  origin(month: number): number {
    const ref = this.origins[this.at + month - 1]!;
    if (this.tables === undefined) return ref;
    if (!this.has(month)) return -1;
    const t = Math.floor(ref / ROWS);
    return t * ROWS + this.tables[t]!.line[ref - t * ROWS]!;
  }

  /** Whether month `month` (1–12) has a record. */
  has(month: number): boolean {
    return (this.months & (1 << (month - 1))) !== 0;
  }

  /** The latest month 1…`upTo` with a record; 0 when none. */
  latest(upTo = 12): number {
    const mask = this.months & ((1 << upTo) - 1);
    return mask === 0 ? 0 : 32 - Math.clz32(mask);
  }

  /** Amount `k` (BUDGET_AMOUNTS order) of month `month`; null when the month or the amount is missing. */
  get(month: number, k: number): number | null {
    const v = this.raw(month, k);
    return Number.isNaN(v) ? null : v;
  }
}

/** What a table-backed year holds of its own: nothing. */
const NO_AMOUNTS = new Float64Array(0);

/** Amount `k` summed over months 1…`month`, from 0 in month order; null when a month lacks it. */
function sumOfMonths(y: BudgetYear, month: number, k: number): number | null {
  let sum = 0;
  for (let m = 1; m <= month; m++) {
    const v = y.get(m, k);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Whether every month 1…`month` has a record. */
function complete(y: BudgetYear, month: number): boolean {
  for (let m = 1; m <= month; m++) if (!y.has(m)) return false;
  return true;
}

/** Actual year to date after `month`: the YTD column when given, else the sum of monthly actuals when every month has one. */
function actualYearToDate(y: BudgetYear, month: number): [number | null, BudgetBalance['actualYtdMethod']] {
  const column = y.get(month, ACTUAL_YTD);
  if (column !== null) return [column, 'ytd-column'];
  const months = complete(y, month) ? sumOfMonths(y, month, ACTUAL_MONTH) : null;
  return months !== null ? [months, 'sum-of-months'] : [null, null];
}

/**
 * Budget year to date after `month`: the YTD column when given, else the sum of monthly budgets when
 * every month has one, else the full-year budget × month/12 (an even pace, which is said:
 * `budget-ytd-even-pace`).
 */
export function budgetYearToDate(y: BudgetYear, month: number): [number | null, YtdMethod | null] {
  const column = y.get(month, BUDGET_YTD);
  if (column !== null) return [column, 'ytd-column'];
  const monthBudgets = complete(y, month) ? sumOfMonths(y, month, BUDGET_MONTH) : null;
  if (monthBudgets !== null) return [monthBudgets, 'sum-of-months'];
  const budgetYear = y.get(month, BUDGET_YEAR);
  return budgetYear !== null ? [(budgetYear * month) / 12, 'annual-pro-rata'] : [null, null];
}

/**
 * The full-year budget as month `month`'s record gives it, and the budget and the actual to date
 * after it, made as `budgetBalance` makes them: what a year end is judged by, without the rest of a
 * balance (a national file's history judges ~40 000 line-years).
 */
export function toDate(y: BudgetYear, month: number): { budgetYear: number | null; budgetYtd: number | null; actualYtd: number | null } {
  return { budgetYear: y.get(month, BUDGET_YEAR), budgetYtd: budgetYearToDate(y, month)[0], actualYtd: actualYearToDate(y, month)[0] };
}

/**
 * Balance of one line after `month` (1–12) of its year.
 * Year-to-date budget: the YTD column when present; else the sum of monthly budgets when every
 * month 1..m has one; else full-year budget × m/12 (method says which). Actual YTD likewise
 * from the column or the sum of monthly actuals. All amounts in kr with costs positive.
 */
export function budgetBalance(y: BudgetYear, month: number, thresholds: StatusThresholds, forecastMargin: number): BudgetBalance {
  const budgetYear = y.get(month, BUDGET_YEAR);
  const [budgetYtd, budgetYtdMethod] = budgetYearToDate(y, month);
  const [actualYtd, actualYtdMethod] = actualYearToDate(y, month);

  const deviation = budgetYtd !== null && actualYtd !== null ? budgetYtd - actualYtd : null;
  const deviationPct = deviation !== null ? percentOf(deviation, budgetYtd) : null;
  const forecast = y.get(month, FORECAST);
  const forecastDeviation = budgetYear !== null && forecast !== null ? budgetYear - forecast : null;
  const profiled = budgetYtdMethod !== 'annual-pro-rata' && budgetYear !== null && budgetYtd !== null && budgetYtd !== 0;
  const projection = actualYtd === null ? null : profiled ? (actualYtd * budgetYear!) / budgetYtd! : (actualYtd / month) * 12;
  const optimism = projection !== null && forecast !== null ? percentOf(projection - forecast, budgetYear) : null;
  return {
    month,
    budgetYear,
    budgetYtd,
    budgetYtdMethod,
    actualYtd,
    actualYtdMethod,
    deviation,
    deviationPct,
    pacePct: actualYtd !== null && budgetYear !== null && Math.abs(budgetYear) >= 1 ? (actualYtd / budgetYear) * 100 : null,
    elapsedPct: (month / 12) * 100,
    forecast,
    forecastDeviation,
    forecastDeviationPct: forecastDeviation !== null ? percentOf(forecastDeviation, budgetYear) : null,
    projection,
    forecastOptimismPct: optimism,
    forecastOptimistic: optimism !== null && optimism > forecastMargin,
    status: deviationPct !== null ? budgetStatus(deviationPct, thresholds) : null,
  };
}

export interface ForecastAccuracy {
  month: number;
  forecast: number;
  outcome: number;
  /** forecast − outcome in kr: positive = the forecast expected higher costs than came. */
  error: number;
  errorPct: number;
}

/**
 * Forecast accuracy (prognossäkerhet) of a closed year: each month's full-year forecast against the
 * year-end outcome (actual YTD after December). Empty when the year is not closed.
 */
export function forecastAccuracy(y: BudgetYear): ForecastAccuracy[] {
  const [outcome] = actualYearToDate(y, 12);
  if (outcome === null || outcome === 0) return [];
  const out: ForecastAccuracy[] = [];
  for (let m = 1; m <= 12; m++) {
    const forecast = y.get(m, FORECAST);
    if (forecast !== null) out.push({ month: m, forecast, outcome, error: forecast - outcome, errorPct: ((forecast - outcome) / Math.abs(outcome)) * 100 });
  }
  return out;
}

export interface YearToDate {
  month: number;
  budgetYear: number | null;
  budgetYtd: number | null;
  actualYtd: number | null;
  forecast: number | null;
}

/**
 * The year-to-date budget, actual and forecast after every month a line has a record for: what
 * `budgetBalance` gives month by month, in one pass (same methods, same order of sums).
 */
export function yearToDate(y: BudgetYear): YearToDate[] {
  const out: YearToDate[] = [];
  eachYearToDate(y, (month, budgetYear, budgetYtd, actualYtd, forecast) => out.push({ month, budgetYear, budgetYtd, actualYtd, forecast }));
  return out;
}

/** `yearToDate`'s figures handed to `visit` month by month, without an object a month: `addUp` sums ~40 000 line-years of a national file. */
function eachYearToDate(y: BudgetYear, visit: (month: number, budgetYear: number | null, budgetYtd: number | null, actualYtd: number | null, forecast: number | null) => void): void {
  // Sums of months hold only while no month before is missing.
  let allPresent = true;
  let budgetSum: number | null = 0;
  let actualSum: number | null = 0;
  for (let m = 1; m <= 12; m++) {
    if (!y.has(m)) {
      allPresent = false;
      continue;
    }
    const budgetMonth = y.get(m, BUDGET_MONTH);
    const actualMonth = y.get(m, ACTUAL_MONTH);
    budgetSum = budgetSum === null || budgetMonth === null ? null : budgetSum + budgetMonth;
    actualSum = actualSum === null || actualMonth === null ? null : actualSum + actualMonth;
    const budgetYear = y.get(m, BUDGET_YEAR);
    const budgetYtd = y.get(m, BUDGET_YTD) ?? (allPresent ? budgetSum : null) ?? (budgetYear !== null ? (budgetYear * m) / 12 : null);
    visit(m, budgetYear, budgetYtd, y.get(m, ACTUAL_YTD) ?? (allPresent ? actualSum : null), y.get(m, FORECAST));
  }
}

/**
 * Several lines' years as one (an area's activities, or the members' lines for one activity), each
 * made year-to-date first, whatever shape its source had (year-to-date columns, monthly amounts or
 * an annual budget), so lines from different files add up. A month is there only when all
 * `components` lines have it (how many the whole has, in any year): a total never covers only part
 * of the whole, and its latest month is the latest its parts share. Its amounts are summed in the
 * lines' order, from 0, missing when a line lacks one. Monthly amounts are missing in the sum: its
 * figures are year to date.
 */
export function addUp(lines: readonly BudgetYear[], components: number): BudgetYear {
  const sums = new Float64Array(12 * WIDTH);
  const parts = new Uint32Array(13);
  // A missing amount is NaN, and so is any sum it enters; monthly amounts are missing in a sum.
  const add = (month: number, budgetYear: number | null, budgetYtd: number | null, actualYtd: number | null, forecast: number | null) => {
    const at = (month - 1) * WIDTH;
    parts[month]!++;
    sums[at + BUDGET_YEAR] = sums[at + BUDGET_YEAR]! + (budgetYear ?? Number.NaN);
    sums[at + BUDGET_YTD] = sums[at + BUDGET_YTD]! + (budgetYtd ?? Number.NaN);
    sums[at + BUDGET_MONTH] = Number.NaN;
    sums[at + ACTUAL_YTD] = sums[at + ACTUAL_YTD]! + (actualYtd ?? Number.NaN);
    sums[at + ACTUAL_MONTH] = Number.NaN;
    sums[at + FORECAST] = sums[at + FORECAST]! + (forecast ?? Number.NaN);
  };
  for (const line of lines) eachYearToDate(line, add);
  const out = new BudgetYear();
  for (let m = 1; m <= 12; m++) if (components > 0 && parts[m] === components) out.set(m, sums, (m - 1) * WIDTH);
  return out;
}
