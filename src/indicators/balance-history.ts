import { percentOf, toDate, type BudgetYear } from './budget-balance.js';
import { trend, type Trend } from './trend.js';

/** Why a year has no year-end figures. */
export type YearEndMissing = 'not-closed' | 'months-missing' | 'parts-missing';

/** One year's closing balance. */
export interface YearEnd {
  year: number;
  /** The full-year budget as December's record gives it, else the year-to-date budget after December. */
  budget: number | null;
  /** The outcome for the year: actual year to date after December. */
  outcome: number | null;
  /** budget − outcome: positive = the year ended better than budget. */
  deviation: number | null;
  deviationPct: number | null;
  missing: YearEndMissing | null;
  /** `not-closed`: the last month with a record (0 none); `months-missing`: the months without figures. */
  missingMonths: number[];
  /** `parts-missing`: the parts of a sum without a year-end. */
  missingParts: string[];
}

/**
 * A line's closing balance for `year`: after December, the full-year budget (December's, else the
 * year-to-date budget after December) against the year-to-date outcome, made as `budgetBalance`
 * makes it (a year-to-date column, else the sum of the twelve months). A year without December is `not-closed`; a December whose
 * outcome cannot be made because months lack figures is `months-missing`, naming them. Nothing is
 * filled in or extrapolated: an incomplete year has no figures.
 * @example yearEnd(lineWithTwelveMonths(budget 100, actual 103), 2019) // { budget: 100, outcome: 103, deviation: -3, deviationPct: -3, missing: null, … }
 */
export function yearEnd(y: BudgetYear, year: number): YearEnd {
  const empty = { year, budget: null, outcome: null, deviation: null, deviationPct: null, missingMonths: [] as number[], missingParts: [] as string[] };
  if (!y.has(12)) return { ...empty, missing: 'not-closed', missingMonths: [y.latest()] };
  const b = toDate(y, 12);
  // The full-year budget as December's record gives it; else the year to date after December.
  const budget = b.budgetYear ?? b.budgetYtd;
  const deviation = budget !== null && b.actualYtd !== null ? budget - b.actualYtd : null;
  const deviationPct = deviation !== null ? percentOf(deviation, budget) : null;
  if (budget === null || b.actualYtd === null) {
    const gaps: number[] = [];
    // A month without a record, or whose record has no monthly amount to add up.
    for (let m = 1; m <= 12; m++) if (!y.has(m) || (b.actualYtd === null && y.get(m, 4) === null) || (budget === null && y.get(m, 2) === null)) gaps.push(m);
    return { ...empty, missing: 'months-missing', missingMonths: gaps };
  }
  return { year, budget, outcome: b.actualYtd, deviation, deviationPct, missing: null, missingMonths: [], missingParts: [] };
}

/** A comparison of one year with the complete years before it. */
export interface PreviousYears {
  from: number;
  to: number;
  years: number;
  mean: number;
  min: number;
  max: number;
  /** Years that ended over budget (deviation below 0). */
  overBudget: number;
}

export interface BalanceHistory {
  years: YearEnd[];
  /** Trend of the year-end deviation % over the complete years (better = higher); null when no year is complete. */
  trend: Trend | null;
  /** The complete years before `reportYear`; undefined when there are none. */
  previous: PreviousYears | undefined;
}

/**
 * A line's years of balance: the year ends given (one per year, any order), every year from the
 * first to the last present (a year without figures is a `not-closed` gap, not skipped in
 * silence), the trend of the deviation % over the complete years with the quality trends' rules
 * (at least five years, Mann–Kendall at `alpha`; an incomplete year is left out, never guessed),
 * and the complete years before `reportYear` summarised for comparison.
 */
export function balanceHistory(ends: readonly YearEnd[], reportYear: number, alpha = 0.05): BalanceHistory {
  const byYear = new Map(ends.map((e) => [e.year, e]));
  const first = Math.min(...byYear.keys());
  const last = Math.max(...byYear.keys());
  const years: YearEnd[] = [];
  for (let y = first; y <= last && Number.isFinite(first); y++) {
    years.push(byYear.get(y) ?? { year: y, budget: null, outcome: null, deviation: null, deviationPct: null, missing: 'not-closed', missingMonths: [0], missingParts: [] });
  }
  const complete = years.filter((e) => e.deviationPct !== null);
  // With no complete year there is nothing to trend, not a trend from year NaN to NaN.
  const t = complete.length === 0 ? null : trend(complete.map((e) => ({ x: e.year, y: e.deviationPct! })), 'higher', [], alpha);
  const before = complete.filter((e) => e.year < reportYear).map((e) => e.deviationPct!);
  const previous = before.length === 0 ? undefined : {
    from: complete.find((e) => e.year < reportYear)!.year,
    to: complete.filter((e) => e.year < reportYear).at(-1)!.year,
    years: before.length,
    mean: before.reduce((a, v) => a + v, 0) / before.length,
    min: Math.min(...before),
    max: Math.max(...before),
    overBudget: before.filter((v) => v < 0).length,
  };
  return { years, trend: t, previous };
}
