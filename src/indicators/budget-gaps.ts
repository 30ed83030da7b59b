import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { finding, type Finding } from '../model/findings.js';
import type { BudgetYear } from './budget-balance.js';
import { readYears } from './budget-lines.js';

const ACTUAL_YTD = BUDGET_AMOUNTS.indexOf('actualYtd');
const ACTUAL_MONTH = BUDGET_AMOUNTS.indexOf('actualMonth');
/** A table-backed year's origin is its table's index × 2^32 + the row's line (see `BudgetYear.origin`). */
const LINES = 2 ** 32;

/**
 * The months 1…`upTo` of a line's year without an outcome (no row, or a row without its monthly
 * outcome), when the line is read month by month (its file has monthly outcomes): why its outcome
 * to date cannot be summed. Empty for a line of a year-to-date file or of one without outcomes,
 * where nothing was to be summed.
 */
export function monthsWithoutOutcome(y: BudgetYear, upTo: number, monthly: boolean): number[] {
  const out: number[] = [];
  if (monthly) for (let m = 1; m <= upTo; m++) if (!y.has(m) || y.get(m, ACTUAL_MONTH) === null) out.push(m);
  return out;
}

/** Whether a line's year has a monthly outcome in some month. */
export function hasMonthlyOutcome(y: BudgetYear): boolean {
  for (let m = 1; m <= 12; m++) if (y.has(m) && y.get(m, ACTUAL_MONTH) !== null) return true;
  return false;
}

/** `2025-03` for month 3 of 2025. */
export function monthText(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The `budget-months-missing` findings of budget tables over every year they hold: what a report
 * says of each line at its latest month, for a check of the files alone (`tillit validate`), so a
 * file that leaves a line without an outcome to date is not called clean there and warned about
 * only by `report`. A line of a file read month by month (one with a monthly outcome somewhere),
 * at its latest month of each year, without an outcome to date there and without a monthly
 * outcome in some month before it, is named with those months, at the line of its latest row.
 */
export function budgetMonthGaps(tables: readonly BudgetTable[]): Finding[] {
  const years = tables.flatMap((t) => t.months.map((m) => Number(m.slice(0, 4))));
  if (years.length === 0) return [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  // readYears' conflicts are budgetConflicts' to tell.
  const entries = readYears(tables, first, last, []);
  const monthly = new Set<string>();
  for (const e of entries.values()) if (e.years.some((y) => y !== undefined && hasMonthlyOutcome(y))) monthly.add(e.file);
  const findings: Finding[] = [];
  for (const e of entries.values()) {
    e.years.forEach((y, i) => {
      const month = y?.latest() ?? 0;
      if (y === undefined || month === 0 || y.get(month, ACTUAL_YTD) !== null) return;
      const gaps = monthsWithoutOutcome(y, month, monthly.has(e.file));
      if (gaps.length === 0) return;
      const year = last - i;
      // The line of its latest month's row: the figure to date that cannot be made.
      const line = y.origin(month) % LINES;
      findings.push(finding(e.file, { code: 'budget-months-missing', line, args: { area: e.area.code, activity: e.activity, months: gaps.map((m) => monthText(year, m)).join(', '), period: monthText(year, month) } }));
    });
  }
  return findings;
}
