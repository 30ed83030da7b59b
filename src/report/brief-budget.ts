import { followUpBefore } from '../model/period.js';
import type { BudgetRow } from '../model/report.js';

/** `followUpMonths`' answer per report budget: a brief asks for it once per area and line. */
const FOLLOW_UPS = new WeakMap<readonly BudgetRow[], readonly string[]>();

/**
 * The months some line of a report's budget has figures for (its series): the follow-ups its
 * files were made after. A month here that a line lacks is one the line missed, not one that was
 * never followed up.
 */
export function followUpMonths(budget: readonly BudgetRow[]): readonly string[] {
  let months = FOLLOW_UPS.get(budget);
  if (months === undefined) {
    months = [...new Set(budget.flatMap((b) => b.series.map((s) => s.period)))];
    FOLLOW_UPS.set(budget, months);
  }
  return months;
}

/**
 * The full-year forecast made at the follow-up before a line's latest, where the inputs have both
 * (a forecast column filled at each follow-up): how the forecast moved is what a committee asks
 * next. The follow-up before is the latest earlier month of the same year that the budget's lines
 * have (`followUps`, see `followUpMonths`): March after April in a monthly file, April after
 * August in one of tertials. A line without that month (it missed it, or January after another
 * year's December) has no change to show, not one since an earlier month put under its name.
 */
export function previousForecast(b: BudgetRow, followUps: readonly string[]): { period: string; forecast: number } | undefined {
  const last = b.series.at(-1);
  if (!last || last.period !== b.period || b.forecast === null) return undefined;
  const period = followUpBefore(last.period, followUps);
  const before = period === undefined ? undefined : b.series.find((s) => s.period === period);
  if (before === undefined || before.forecast === null) return undefined;
  return { period: before.period, forecast: before.forecast };
}
