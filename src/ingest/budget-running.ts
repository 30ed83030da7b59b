import type { Role } from '../config/schema.js';
import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import { truncate } from '../model/text.js';
import { splitHeader } from './columns.js';

const W = BUDGET_AMOUNTS.length;
const K = { budgetYear: 0, budgetYtd: 1, budgetMonth: 2, actualYtd: 3, actualMonth: 4 } as const;

/**
 * Header names that say only "budget" or "outcome", not over what time: `Utfall` is read as the
 * outcome to date and `Budget` as the full-year budget, but finance systems also write monthly
 * amounts under them. Only a column named so (and not mapped in the config) is read otherwise on
 * the evidence of its amounts.
 */
const PLAIN: Partial<Record<Role, readonly string[]>> = { actualYtd: ['utfall', 'actual'], budgetYear: ['budget'] };

/**
 * A budget is taken for a month's when it is closer to one month's outcome than to twelve months'
 * (on a log scale): below √12 ≈ 3.46 times the line's average monthly outcome.
 */
const MONTH_SIZED = Math.sqrt(12);

/** Falls a column's amounts must show before they are moved (fewer: said, kept as written). */
const MIN_FALLS = 3;

/** Where the columns are, as the file and the config name them. */
export interface RunningColumns {
  roles: Partial<Record<Role, number>>;
  headers: readonly string[];
  /** Roles the config maps to a column by name: taken at the config's word, never checked. */
  mapped: Partial<Record<Role, string>> | undefined;
  headerLine: number;
}

/** How often a column's amounts fall from one month to the next within a year. */
interface Falls {
  /** Lines with two consecutive months that both have the amount, and those of them where it falls. */
  lines: number;
  falling: number;
  /** Consecutive months compared, and how many times the amount falls. */
  pairs: number;
  falls: number;
}

/**
 * A month-by-month file's year-to-date columns should hold running totals, which grow month by
 * month (a cost to date falls only when a month books a net credit). When a year-to-date column's
 * amounts fall between consecutive months in most lines, and in at least one comparison in four,
 * they are monthly amounts: read as year to date, a month's outcome would be taken for the whole
 * year's so far. A column with a plain name (`Utfall`) is then read as monthly amounts, and a plain
 * `Budget` beside it too when it is a month's size; a column named year to date (`Utfall ack`) is
 * kept as written. Either way a warning says what the amounts look like. A column the config maps
 * is not checked: the mapping is the answer the warning asks for.
 * `skip` are total and part rows. Runs after the sign is settled, on amounts as read.
 */
export function checkRunningTotals(table: BudgetTable, cols: RunningColumns, skip: ReadonlySet<number>, findings: FindingInput[]): void {
  // A column the config maps is what the user says it is: not second-guessed.
  const checked = (['actualYtd', 'budgetYtd'] as const).filter((role) => cols.roles[role] !== undefined && cols.mapped?.[role] === undefined);
  if (checked.length === 0) return;
  const lines = lineRows(table, skip);
  const months = monthNumbers(table);
  let monthlyActual = false;
  for (const role of checked) {
    const f = falls(table, lines, months, K[role]);
    if (!(f.lines > 0 && f.falling * 2 > f.lines && f.falls * 4 >= f.pairs)) continue;
    const why = `in ${f.falling} of ${f.lines} lines its amounts fall from one month to the next (${f.falls} of ${f.pairs} times), as monthly amounts do and a total to date does not`;
    const to = role === 'actualYtd' ? 'actualMonth' : 'budgetMonth';
    // A credit month or two in a short file is no proof: amounts move only on MIN_FALLS falls or more.
    const moved = settle(table, cols, role, to, { not: 'a total to date', why, proven: f.falls >= MIN_FALLS }, findings);
    if (role === 'actualYtd') monthlyActual = moved;
  }
  // A full-year budget is only judged beside an outcome read as monthly: the scale it is set against.
  if (!monthlyActual || cols.roles.budgetYear === undefined || cols.mapped?.budgetYear !== undefined) return;
  const sized = monthSized(table, lines, K.actualMonth);
  if (!(sized.lines > 0 && sized.monthly * 2 > sized.lines)) return;
  const why = `in ${sized.monthly} of ${sized.lines} lines it is closer to one month's outcome than to twelve months' (below ${MONTH_SIZED.toFixed(2)} times the average monthly outcome beside it)`;
  settle(table, cols, 'budgetYear', 'budgetMonth', { not: 'the full-year budget', why, proven: true }, findings);
}

/**
 * Reads column `from` as monthly amounts (`to`) when its name is plain and `to` has no column of its own: its amounts move across, and a warning says so. Otherwise it
 * is kept as written, with a warning that it looks like monthly amounts. True when moved.
 */
function settle(table: BudgetTable, cols: RunningColumns, from: keyof typeof K, to: 'actualMonth' | 'budgetMonth', doubt: { not: string; why: string; proven: boolean }, findings: FindingInput[]): boolean {
  const idx = cols.roles[from]!;
  const header = cols.headers[idx]!;
  const plain = PLAIN[from]?.includes(splitHeader(header).label) === true;
  const free = cols.roles[to] === undefined;
  const args = { header: truncate(header), role: from, to, not: doubt.not, why: doubt.why };
  const at = { line: cols.headerLine, column: idx + 1 };
  if (!plain || !free || !doubt.proven) {
    findings.push({ code: 'budget-columns-unsure', ...at, args });
    return false;
  }
  moveAmounts(table, K[from], K[to]);
  cols.roles[to] = idx;
  delete cols.roles[from];
  findings.push({ code: 'budget-columns-monthly', ...at, args });
  return true;
}

/** Moves every row's amount from slot `from` to slot `to` (which is empty: its role has no column). */
function moveAmounts(table: BudgetTable, from: number, to: number): void {
  const a = table.amounts;
  for (let i = 0; i < table.length; i++) {
    a[i * W + to] = a[i * W + from]!;
    a[i * W + from] = Number.NaN;
  }
}

/** Each line's rows (area and activity), in month order; total and part rows left out. */
function lineRows(table: BudgetTable, skip: ReadonlySet<number>): number[][] {
  const byLine = new Map<number, number[]>();
  const width = table.activities.length;
  for (let i = 0; i < table.length; i++) {
    if (skip.has(i)) continue;
    const key = table.area[i]! * width + table.activity[i]!;
    (byLine.get(key) ?? byLine.set(key, []).get(key)!).push(i);
  }
  // Months ranked once by their text (`YYYY-MM` sorts as time), rows sorted by rank.
  const order = table.months.map((_, id) => id).sort((x, y) => (table.months[x]! < table.months[y]! ? -1 : 1));
  const rank = new Int32Array(table.months.length);
  order.forEach((id, r) => (rank[id] = r));
  return [...byLine.values()].map((rows) => rows.sort((x, y) => rank[table.month[x]!]! - rank[table.month[y]!]!));
}

/** Each month id's place in time, year × 12 + month (−1 for a year without a month). */
function monthNumbers(table: BudgetTable): Int32Array {
  return Int32Array.from(table.months, (m) => (m.length === 7 ? Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) : -1));
}

/** `2025-03` then `2025-04`: the next month of the same year (a year-to-date total starts anew in January). */
function consecutive(a: number, b: number): boolean {
  return a >= 0 && b === a + 1 && b % 12 !== 1;
}

/** How often slot `k`'s amounts fall (in size: revenue runs negative) between consecutive months of a line. */
function falls(table: BudgetTable, lines: readonly number[][], months: Int32Array, k: number): Falls {
  const out: Falls = { lines: 0, falling: 0, pairs: 0, falls: 0 };
  const a = table.amounts;
  for (const rows of lines) {
    let pairs = 0;
    let fell = false;
    for (let j = 1; j < rows.length; j++) {
      const [p, q] = [rows[j - 1]!, rows[j]!];
      if (!consecutive(months[table.month[p]!]!, months[table.month[q]!]!)) continue;
      const [before, after] = [Math.abs(a[p * W + k]!), Math.abs(a[q * W + k]!)];
      // NaN (missing) compares false either way: no pair.
      if (!(before >= 0 && after >= 0)) continue;
      pairs++;
      if (after < before) {
        out.falls++;
        fell = true;
      }
    }
    out.pairs += pairs;
    if (pairs > 0) out.lines++;
    if (fell) out.falling++;
  }
  return out;
}

/**
 * Lines whose full-year budget (at the line's latest month) is below `MONTH_SIZED` times its
 * average monthly outcome (slot `k`) in that year, of the lines that have both.
 */
function monthSized(table: BudgetTable, lines: readonly number[][], k: number): { lines: number; monthly: number } {
  const out = { lines: 0, monthly: 0 };
  const a = table.amounts;
  for (const rows of lines) {
    const last = rows.at(-1)!;
    const budget = Math.abs(a[last * W + K.budgetYear]!);
    const year = table.months[table.month[last]!]!.slice(0, 4);
    const outcomes = rows.filter((i) => table.months[table.month[i]!]!.startsWith(year)).map((i) => Math.abs(a[i * W + k]!)).filter((v) => v === v);
    if (!(budget === budget) || outcomes.length === 0) continue;
    const average = outcomes.reduce((x, y) => x + y, 0) / outcomes.length;
    out.lines++;
    if (budget < MONTH_SIZED * average) out.monthly++;
  }
  return out;
}
