import { monthBefore } from '../model/period.js';
import type { BudgetRow } from '../model/report.js';

/**
 * The full-year forecast made the month before a line's latest, where the inputs have both (a
 * forecast column filled month by month): how the forecast moved is what a committee asks next.
 * Only the month just before, of the same year: a line without it (a month missing, January after
 * another year's December) has no change to show, not one since an earlier month put under its name.
 */
export function previousForecast(b: BudgetRow): { period: string; forecast: number } | undefined {
  const last = b.series.at(-1);
  const before = b.series.at(-2);
  if (!last || !before || last.period !== b.period || b.forecast === null || before.forecast === null) return undefined;
  if (before.period !== monthBefore(last.period)) return undefined;
  return { period: before.period, forecast: before.forecast };
}
