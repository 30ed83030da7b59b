import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';

const W = BUDGET_AMOUNTS.length;

/**
 * The lines a total row may sum (indices into the table): `all` lines of its area and month, and,
 * when the total closes a section short of the whole, the lines of that `section`, since the
 * heading or the total or subtotal row above it.
 */
export interface TotalParts {
  all: readonly number[];
  section?: readonly number[];
}

/**
 * Each total row's parts. A finance report sums its sections (`Summa vård och omsorg` under the
 * heading `Vård och omsorg`) and then the whole (`Totalt`): a section's sum checked against every
 * line would warn on every correct subtotal. Walking each area's month in file order, a section
 * starts at the top, at a heading (`headings`, by line, sorted) or after a total or subtotal row,
 * and a total row closes it. Parts of a line (`varav …`) are neither lines nor boundaries.
 * `kind` is a row's sum kind (see `sumKind`; '' for a line).
 */
export function totalParts(table: BudgetTable, kind: (row: number) => string, headings: readonly number[]): Map<number, TotalParts> {
  const groups = new Map<string, { all: number[]; section: number[]; from: number }>();
  const out = new Map<number, TotalParts>();
  const sections = new Map<number, number[]>();
  for (let i = 0; i < table.length; i++) {
    const key = `${table.area[i]!}|${table.month[i]!}`;
    const g = groups.get(key) ?? groups.set(key, { all: [], section: [], from: 0 }).get(key)!;
    const line = table.line[i]!;
    const heading = headingAbove(headings, line);
    if (heading > g.from) [g.section, g.from] = [[], heading];
    const k = kind(i);
    if (k === 'part') continue;
    if (k === '') {
      g.all.push(i);
      g.section.push(i);
      continue;
    }
    if (k === 'total') {
      out.set(i, { all: g.all });
      sections.set(i, g.section);
    }
    [g.section, g.from] = [[], line];
  }
  // Only now is each group's `all` complete: a section as long as it is no section of its own.
  for (const [i, parts] of out) {
    const section = sections.get(i)!;
    if (section.length > 0 && section.length < parts.all.length) out.set(i, { ...parts, section });
  }
  return out;
}

/** The last heading line above `line` (0 when none). */
function headingAbove(headings: readonly number[], line: number): number {
  let [lo, hi] = [0, headings.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? headings[lo - 1]! : 0;
}

/**
 * A total row's amounts against the sum of its parts. A total that closes a section may be the
 * section's sum or the whole's (`Totalt` under the last heading, with no section sums): it is
 * right when it is either, and when it is neither the warning gives both sums. Otherwise the first
 * amount that differs from the sum of all lines is reported. Amounts are compared as read (`flip`
 * and `factor` turn them back to the file's sign and unit for the message).
 */
export function checkTotal(table: BudgetTable, i: number, parts: TotalParts, flip: number, factor: number, findings: FindingInput[]): void {
  const whole = firstDifference(table, i, parts.all, factor);
  const section = parts.section === undefined ? undefined : firstDifference(table, i, parts.section, factor);
  if (whole === undefined || (parts.section !== undefined && section === undefined)) return;
  const shown = (v: number) => amountText((v * flip) / factor);
  const at = { code: 'total-mismatch', line: table.line[i]! } as const;
  if (parts.section === undefined || section === undefined) {
    findings.push({ ...at, args: { amount: BUDGET_AMOUNTS[whole.k]!, given: shown(whole.given), computed: shown(whole.sum) } });
    return;
  }
  const lines = parts.section.map((r) => table.line[r]!);
  findings.push({
    ...at,
    args: { amount: BUDGET_AMOUNTS[section.k]!, given: shown(section.given), computed: shown(section.sum), rows: lines.length, lines: `${lines[0]}–${lines.at(-1)}`, whole: shown(sumAt(table, parts.all, section.k)) },
  });
}

/** The first amount (slot `k`) of row `i` that differs from the sum of `rows` by more than half a unit per row; undefined when none does. */
function firstDifference(table: BudgetTable, i: number, rows: readonly number[], factor: number): { k: number; given: number; sum: number } | undefined {
  for (let k = 0; k < W; k++) {
    const given = table.amount(i, k);
    const parts = rows.map((s) => table.amount(s, k)).filter((v): v is number => v !== null);
    if (given === null || parts.length === 0) continue;
    const sum = parts.reduce((x, y) => x + y, 0);
    if (!withinRounding(given, sum, factor, parts.length)) return { k, given, sum };
  }
  return undefined;
}

/**
 * Whether a figure and a sum its file also gives agree to the rounding of the `cells` summed: each
 * cell, written in the file's unit (`factor` kr), may be off by half a unit.
 * @example withinRounding(11_900_000, 11_100_000, 1000, 4) // false: 800 tkr apart, 2 tkr allowed
 */
export function withinRounding(given: number, sum: number, factor: number, cells: number): boolean {
  return Math.abs(sum - given) <= 0.5 * factor * cells;
}

/** The sum of slot `k` over `rows` (missing amounts left out). */
function sumAt(table: BudgetTable, rows: readonly number[], k: number): number {
  let sum = 0;
  for (const r of rows) sum += table.amount(r, k) ?? 0;
  return sum;
}

/** An amount in a message: as a plain number, to two decimals at most. */
export function amountText(v: number): string {
  return String(Math.round(v * 100) / 100);
}
