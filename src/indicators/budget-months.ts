import type { BudgetTable } from '../model/budget-table.js';
import { finding, type Finding } from '../model/findings.js';
import { isBookedAhead } from '../model/activities.js';
import { firstNamed, normalizeLabel } from '../model/text.js';
import { periodRanges } from './selection.js';

/*
 * Which month a report's budget section is after: the latest with an outcome (months ahead of the
 * ledger, with budget or forecast only, date nothing), within `--period`; and what that leaves out.
 */

/**
 * The months with a budget figure, and those with an outcome (a row whose outcome to date or month
 * is given) on a line not booked ahead (tax revenue, grants and financial items are booked by the
 * month in advance; they date the section only where no other line has an outcome).
 */
export function budgetMonths(tables: readonly BudgetTable[]): { used: Set<string>; booked: Set<string> } {
  const used = new Set<string>();
  const booked = new Set<string>();
  const ahead = new Set<string>();
  for (const t of tables) {
    const early = t.activities.map((a) => isBookedAhead(normalizeLabel(a)));
    // Bits: 1 a row, 2 an outcome on a line booked ahead, 4 an outcome on another line.
    const has = new Uint8Array(t.months.length);
    for (let i = 0; i < t.length; i++) {
      const m = t.month[i]!;
      has[m] = has[m]! | 1 | (t.hasOutcome(i) ? (early[t.activity[i]!] ? 2 : 4) : 0);
    }
    t.months.forEach((month, id) => {
      if (has[id] !== 0) used.add(month);
      if ((has[id]! & 4) !== 0) booked.add(month);
      if ((has[id]! & 2) !== 0) ahead.add(month);
    });
  }
  return { used, booked: booked.size > 0 ? booked : ahead };
}

/**
 * The latest of `months` the report may be at: any, in `--period`'s year when it is a year, or in
 * its year up to it when it is a month; null when there is none.
 */
export function latestIn(months: ReadonlySet<string>, period: string | undefined): string | null {
  let latest: string | null = null;
  const fits = (m: string) => period === undefined || (m.slice(0, 4) === period.slice(0, 4) && (period.length === 4 || m <= period));
  for (const m of months) if (fits(m) && (latest === null || m > latest)) latest = m;
  return latest;
}

/**
 * What the budget section's month leaves out: months with budget or forecast only after it (an
 * info when the report found its month itself, a warning when `--period` asked for a later one), or
 * no outcome at all up to it.
 */
export function outcomeFindings(tables: readonly BudgetTable[], used: ReadonlySet<string>, budgetPeriod: string | null, booked: boolean, period: string | undefined): Finding[] {
  if (budgetPeriod === null) return [];
  if (!booked) return [finding('(budget)', { code: 'budget-no-outcome', args: { files: firstNamed(tables.map((t) => t.file), 3), shown: budgetPeriod } })];
  // Months after the section's, of any year a `--period` year or month leaves in.
  const ahead = [...used].filter((m) => m > budgetPeriod && (period === undefined || (period.length === 4 ? m.startsWith(period) : m <= period))).sort();
  if (ahead.length === 0) return [];
  if (period?.length === 7) return [finding('--period', { code: 'period-budget-unbooked', args: { period, shown: budgetPeriod } })];
  return [finding('(budget)', { code: 'budget-outcome-ends', args: { months: periodRanges(ahead), shown: budgetPeriod } })];
}
