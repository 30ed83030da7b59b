import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { finding, type Finding } from '../model/findings.js';
import { budgetYearToDate, tableLine, type BudgetYear } from './budget-balance.js';
import { readYears } from './budget-lines.js';

const ACTUAL_YTD = BUDGET_AMOUNTS.indexOf('actualYtd');
const ACTUAL_MONTH = BUDGET_AMOUNTS.indexOf('actualMonth');
const BUDGET_MONTH = BUDGET_AMOUNTS.indexOf('budgetMonth');

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

/**
 * The months 1…`upTo` without a monthly budget, where the line gives monthly budgets for others:
 * why its budget to date is not their sum. Empty where it gives none (a year-to-date or annual file).
 */
export function monthsWithoutBudget(y: BudgetYear, upTo: number): number[] {
  const months = Array.from({ length: upTo }, (_, i) => i + 1);
  if (!months.some((m) => y.has(m) && y.get(m, BUDGET_MONTH) !== null)) return [];
  return months.filter((m) => !y.has(m) || y.get(m, BUDGET_MONTH) === null);
}

/** The `budget-ytd-even-pace` finding of an area's lines at one month whose budget to date is the full-year budget × m/12. */
export function evenPaceFinding(file: string, area: string, activities: readonly string[], period: string, missing: readonly string[], line?: number): Finding {
  const args = { area, lines: activities.join(', '), count: activities.length, period, months: Number(period.slice(5, 7)), missing: missing.join(', ') };
  return finding(file, { code: 'budget-ytd-even-pace', ...(line === undefined ? {} : { line }), args });
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
 * The `budget-months-missing` and `budget-ytd-even-pace` findings of budget tables: what a report says of each line at its
 * latest month, for a check of the files alone (`tillit validate`), so a file that leaves a line
 * without an outcome to date is not called clean there and warned about only by `report`. Only the
 * year a report judges is checked, the latest year the tables hold: a rolling export (May to April)
 * or last year's November and December beside this year's file leave earlier months of an older
 * year without rows, which no report adds up. A line of that year read month by month (a table
 * holding one of its months has a monthly outcome somewhere), without an outcome to date at its
 * latest month and without a monthly outcome in some month before it, is named with those months,
 * in the file and at the line of its latest row; each table's findings in order of line.
 */
export function budgetMonthGaps(tables: readonly BudgetTable[]): Finding[] {
  const years = tables.flatMap((t) => t.months.map((m) => Number(m.slice(0, 4))));
  if (years.length === 0) return [];
  const year = Math.max(...years);
  // readYears' conflicts are budgetConflicts' to tell.
  const entries = readYears(tables, year, year, []);
  const monthly = tables.map(hasMonthlyOutcomes);
  const byTable: Finding[][] = tables.map(() => []);
  for (const e of entries.values()) {
    const y = e.years[0];
    const month = y?.latest() ?? 0;
    if (y === undefined || month === 0) continue;
    // The row of its latest month: the figure to date that cannot be made, in the file it is in.
    const at = tableLine(y.origin(month));
    const file = tables[at.table]!.file;
    if (budgetYearToDate(y, month)[1] === 'annual-pro-rata') {
      byTable[at.table]!.push(evenPaceFinding(file, e.area.code, [e.activity], monthText(year, month), monthsWithoutBudget(y, month).map((m) => monthText(year, m)), at.line));
    }
    if (y.get(month, ACTUAL_YTD) !== null) continue;
    const gaps = monthsWithoutOutcome(y, month, readMonthByMonth(y, monthly));
    if (gaps.length === 0) continue;
    byTable[at.table]!.push(finding(file, { code: 'budget-months-missing', line: at.line, args: { area: e.area.code, activity: e.activity, months: gaps.map((m) => monthText(year, m)).join(', '), period: monthText(year, month) } }));
  }
  return byTable.flatMap((found) => found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

/** Whether some row of a table has a monthly outcome: its lines are read month by month. */
function hasMonthlyOutcomes(t: BudgetTable): boolean {
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t.amounts[i * BUDGET_AMOUNTS.length + ACTUAL_MONTH]!)) return true;
  return false;
}

/** Whether a table-backed year has a month from a table read month by month (`monthly`, by table index). */
function readMonthByMonth(y: BudgetYear, monthly: readonly boolean[]): boolean {
  for (let m = 1; m <= 12; m++) if (y.has(m) && monthly[tableLine(y.origin(m)).table] === true) return true;
  return false;
}
