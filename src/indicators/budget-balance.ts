import type { BudgetRecord } from '../model/records.js';

export type Status = 'green' | 'yellow' | 'red';
export type YtdMethod = 'ytd-column' | 'sum-of-months' | 'annual-pro-rata';

export interface StatusThresholds {
  /** Deviation % of budget below which status is yellow (e.g. 0: any overspend). */
  yellowBelow: number;
  /** Deviation % of budget below which status is red (e.g. −2). */
  redBelow: number;
}

/**
 * Traffic light on the year-to-date deviation in % of budget (positive = better than budget):
 * red below `redBelow`, yellow below `yellowBelow`, otherwise green.
 * @example budgetStatus(-3.5, { yellowBelow: 0, redBelow: -2 }) // 'red'
 */
export function budgetStatus(deviationPct: number, t: StatusThresholds): Status {
  if (deviationPct < t.redBelow) return 'red';
  if (deviationPct < t.yellowBelow) return 'yellow';
  return 'green';
}

export interface BudgetBalance {
  /** `YYYY-MM`, the month the follow-up is made after. */
  period: string;
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

/** The month of a `YYYY-MM` period, 1–12. */
const monthOf = (period: string): number => (period.charCodeAt(5) - 48) * 10 + period.charCodeAt(6) - 48;

const sum = (values: (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);

/**
 * Balance of one activity after `month` of its year, from that year's records (monthly or YTD).
 * Year-to-date budget: the YTD column when present; else the sum of monthly budgets when every
 * month 1..m has one; else full-year budget × m/12 (method says which). Actual YTD likewise
 * from the column or the sum of monthly actuals. All amounts in kr with costs positive.
 */
export function budgetBalance(
  records: readonly BudgetRecord[],
  period: string,
  thresholds: StatusThresholds,
  forecastMargin: number,
): BudgetBalance {
  const month = monthOf(period);
  const year = period.slice(0, 4);
  // That year's records by month (the last one of a month when there are several).
  const byMonth: (BudgetRecord | undefined)[] = [];
  for (let m = 0; m <= 12; m++) byMonth.push(undefined);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.period.startsWith(year)) byMonth[monthOf(r.period)] = r;
  }
  const current = byMonth[month];
  const months = byMonth.slice(1, month + 1);
  const complete = months.every((r) => r !== undefined);
  const budgetYear = current?.budgetYear ?? null;

  let budgetYtd: number | null = null;
  let budgetYtdMethod: YtdMethod | null = null;
  const monthBudgets = complete ? sum(months.map((r) => r!.budgetMonth)) : null;
  if (current?.budgetYtd != null) [budgetYtd, budgetYtdMethod] = [current.budgetYtd, 'ytd-column'];
  else if (monthBudgets !== null) [budgetYtd, budgetYtdMethod] = [monthBudgets, 'sum-of-months'];
  else if (budgetYear !== null) [budgetYtd, budgetYtdMethod] = [(budgetYear * month) / 12, 'annual-pro-rata'];

  let actualYtd: number | null = null;
  let actualYtdMethod: BudgetBalance['actualYtdMethod'] = null;
  const monthActuals = complete ? sum(months.map((r) => r!.actualMonth)) : null;
  if (current?.actualYtd != null) [actualYtd, actualYtdMethod] = [current.actualYtd, 'ytd-column'];
  else if (monthActuals !== null) [actualYtd, actualYtdMethod] = [monthActuals, 'sum-of-months'];

  const deviation = budgetYtd !== null && actualYtd !== null ? budgetYtd - actualYtd : null;
  const deviationPct = deviation !== null && budgetYtd ? (deviation / Math.abs(budgetYtd)) * 100 : null;
  const forecast = current?.forecast ?? null;
  const forecastDeviation = budgetYear !== null && forecast !== null ? budgetYear - forecast : null;
  const profiled = budgetYtdMethod !== 'annual-pro-rata' && budgetYear !== null && budgetYtd !== null && budgetYtd !== 0;
  const projection = actualYtd === null ? null : profiled ? (actualYtd * budgetYear!) / budgetYtd! : (actualYtd / month) * 12;
  const optimism = projection !== null && forecast !== null && budgetYear ? ((projection - forecast) / Math.abs(budgetYear)) * 100 : null;
  return {
    period,
    month,
    budgetYear,
    budgetYtd,
    budgetYtdMethod,
    actualYtd,
    actualYtdMethod,
    deviation,
    deviationPct,
    pacePct: actualYtd !== null && budgetYear ? (actualYtd / budgetYear) * 100 : null,
    elapsedPct: (month / 12) * 100,
    forecast,
    forecastDeviation,
    forecastDeviationPct: forecastDeviation !== null && budgetYear ? (forecastDeviation / Math.abs(budgetYear)) * 100 : null,
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
export function forecastAccuracy(records: readonly BudgetRecord[], year: number, thresholds: StatusThresholds): ForecastAccuracy[] {
  const december = budgetBalance(records, `${year}-12`, thresholds, 0);
  const outcome = december.actualYtd;
  if (outcome === null || outcome === 0) return [];
  const prefix = `${year}-`;
  return records
    .filter((r) => r.period.startsWith(prefix) && r.forecast !== null)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((r) => ({
      month: Number(r.period.slice(5, 7)),
      forecast: r.forecast!,
      outcome,
      error: r.forecast! - outcome,
      errorPct: ((r.forecast! - outcome) / Math.abs(outcome)) * 100,
    }));
}

export interface YearToDate {
  period: string;
  budgetYear: number | null;
  budgetYtd: number | null;
  actualYtd: number | null;
  forecast: number | null;
  record: BudgetRecord;
}

/**
 * The year-to-date budget, actual and forecast after every month a line has records for: what
 * `budgetBalance` gives month by month, in one pass per year (same methods, same order of sums).
 */
export function yearToDate(records: readonly BudgetRecord[]): YearToDate[] {
  // In period order; of several records for one month, the last (a stable sort keeps their order).
  const sorted = records.slice().sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const out: YearToDate[] = [];
  let year = '';
  let previous = 0;
  let allPresent = true;
  let budgetSum: number | null = 0;
  let actualSum: number | null = 0;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    if (i + 1 < sorted.length && sorted[i + 1]!.period === r.period) continue;
    if (!r.period.startsWith(year) || year === '') {
      year = r.period.slice(0, 4);
      previous = 0;
      allPresent = true;
      budgetSum = 0;
      actualSum = 0;
    }
    const m = monthOf(r.period);
    // A month before this one without a record: sums of months no longer cover the year so far.
    if (m !== previous + 1) allPresent = false;
    previous = m;
    budgetSum = budgetSum === null || r.budgetMonth === null ? null : budgetSum + r.budgetMonth;
    actualSum = actualSum === null || r.actualMonth === null ? null : actualSum + r.actualMonth;
    const budgetYtd = r.budgetYtd ?? (allPresent ? budgetSum : null) ?? (r.budgetYear !== null ? (r.budgetYear * m) / 12 : null);
    out.push({ period: r.period, budgetYear: r.budgetYear, budgetYtd, actualYtd: r.actualYtd ?? (allPresent ? actualSum : null), forecast: r.forecast, record: r });
  }
  return out;
}
