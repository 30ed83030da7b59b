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

/** Which years of a line `growth` judges, as said in its findings. */
const SPANNING = 'spanning enough of a year (the last month at least twice the first)';

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
 * month in proportion to the months counted (a cost to date falls only when a month books a net
 * credit). Monthly amounts stay level: they fall about every other month, or rise a little. Two
 * signs tell them apart (see `readColumn`): how often the amounts fall between consecutive months,
 * and how much they grow over a year from a month to one at least twice as far into it. Read as year to date, a month's
 * outcome would be taken for the whole year's so far. A column with a plain name (`Utfall`) that
 * clearly holds monthly amounts is read so, and a plain `Budget` beside it too when it is a month's
 * size; a column named year to date (`Utfall ack`) is kept as written. Either way a warning says
 * what the amounts look like, and so does one when a plain column's amounts do not tell. A column
 * the config maps is not checked: the mapping is the answer the warning asks for.
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
    const plain = PLAIN[role]?.includes(splitHeader(cols.headers[cols.roles[role]!]!).label) === true;
    const doubt = readColumn(table, lines, months, K[role], plain);
    if (doubt === undefined) continue;
    const to = role === 'actualYtd' ? 'actualMonth' : 'budgetMonth';
    const moved = settle(table, cols, role, to, { not: 'a total to date', ...doubt }, findings);
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
 * What slot `k`'s amounts say a year-to-date column holds: undefined when they read as running
 * totals (or, for a column named year to date, when nothing says otherwise), else why they look
 * monthly or why they do not tell, and whether that is proof enough to read them as monthly.
 * Proof is amounts that, in most lines, stay level over enough of a year (see `growth`; growing less than a
 * third of the way, on a log scale, to what a running total grows), or that fall between
 * consecutive months in most lines, in at least one comparison in four and `MIN_FALLS` times at
 * least, in a file whose amounts do not grow as running totals. Anything between is said, not
 * picked: a plain column is kept as written with a warning whenever its lines have months to
 * compare and neither sign is clear.
 */
function readColumn(table: BudgetTable, lines: readonly number[][], months: Int32Array, k: number, plain: boolean): { why: string; proven: boolean } | undefined {
  const f = falls(table, lines, months, k);
  const g = growth(table, lines, months, k);
  const falling = f.lines > 0 && f.falling * 2 > f.lines && f.falls * 4 >= f.pairs;
  const level = g.lines > 0 && g.level * 2 > g.lines;
  const running = g.lines > 0 && g.running * 2 > g.lines;
  const fallWhy = `in ${f.falling} of ${f.lines} lines its amounts fall from one month to the next (${f.falls} of ${f.pairs} times), as monthly amounts do and a total to date does not`;
  const levelWhy = `in ${g.level} of ${g.lines} lines ${SPANNING} its amounts stay level instead of growing with the months as a total to date does (${g.example})`;
  if (falling) {
    const against = running ? `, though in ${g.running} of ${g.lines} lines they grow with the months as a total to date does` : '';
    // A credit month or two in a short file is no proof: amounts move only on MIN_FALLS falls or more.
    return { why: fallWhy + against, proven: level || (f.falls >= MIN_FALLS && !running) };
  }
  if (level) return { why: levelWhy, proven: true };
  if (running || !plain || g.series === 0) return undefined;
  const why = g.lines === 0
    ? `no line spans enough of a year (its last month at least twice its first) to show whether its amounts grow with the months, as a total to date does, or stay level, as monthly amounts do`
    : `its amounts neither stay level nor grow with the months as a total to date does in most of the ${g.lines} lines ${SPANNING}`;
  return { why, proven: false };
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

/** How a column's amounts grow over the months of a year, line by line. */
interface Growth {
  /** Lines with amounts in two months or more of a year: a series to judge. */
  series: number;
  /** Lines with a year judged (see `growth`), and those that stay level or grow as running totals do. */
  lines: number;
  level: number;
  running: number;
  /** How the first level line grew, to show what "level" means. */
  example: string;
}

/**
 * Where a series' growth lies between level amounts (0) and running totals (1), on a log scale:
 * ln(last / first) / ln(last month / first month). A total to date after month m is about m
 * months' amounts, so from month `m0` to `m1` it grows about m1 / m0 times; monthly amounts about
 * once. Below a third is level, above two thirds running; between, the series does not tell.
 * @example growthShare(14_600, 15_900, 1, 4) // 0.06: level
 */
export function growthShare(first: number, last: number, m0: number, m1: number): number {
  return Math.log(last / first) / Math.log(m1 / m0);
}

/**
 * Judges each line's amounts in slot `k` over each year it has (`growthShare` from its first
 * month with an amount to its last), and counts a line level or running by most of its years.
 * A year needs two months with amounts, the last month's number twice the first's at least
 * (January to March, not October to December: running totals grow too little there to tell), and
 * a first and last amount that are not zero. Two are enough: only the first and the last are
 * compared, and a file of two follow-ups a year (tertials, April and August) has no third.
 */
function growth(table: BudgetTable, lines: readonly number[][], months: Int32Array, k: number): Growth {
  const out: Growth = { series: 0, lines: 0, level: 0, running: 0, example: '' };
  const a = table.amounts;
  for (const rows of lines) {
    let [judged, level, running, series] = [0, 0, 0, false];
    for (const year of yearRuns(table, rows, months, k)) {
      if (year.length >= 2) series = true;
      const [p, q] = [year[0]!, year.at(-1)!];
      const [m0, m1] = [monthOfYear(months[table.month[p]!]!), monthOfYear(months[table.month[q]!]!)];
      const [first, last] = [Math.abs(a[p * W + k]!), Math.abs(a[q * W + k]!)];
      if (year.length < 2 || m1 < 2 * m0 || !(first > 0 && last > 0)) continue;
      const share = growthShare(first, last, m0, m1);
      judged++;
      if (share < 1 / 3) level++;
      else if (share > 2 / 3) running++;
      if (share < 1 / 3 && out.example === '') {
        const [from, to] = [table.months[table.month[p]!], table.months[table.month[q]!]];
        out.example = `${table.activities[table.activity[p]!]}: ${to} is ${(last / first).toFixed(2)} times ${from}, where a total to date would be about ${(m1 / m0).toFixed(1)} times`;
      }
    }
    if (series) out.series++;
    if (judged === 0) continue;
    out.lines++;
    if (level > running) out.level++;
    else if (running > level) out.running++;
  }
  return out;
}

/** A line's rows (in month order) split by year, keeping only those with an amount in slot `k`. */
function yearRuns(table: BudgetTable, rows: readonly number[], months: Int32Array, k: number): number[][] {
  const runs: number[][] = [];
  let year = Number.NaN;
  for (const i of rows) {
    const m = months[table.month[i]!]!;
    if (m < 0 || !(table.amounts[i * W + k]! === table.amounts[i * W + k]!)) continue;
    const y = Math.floor((m - 1) / 12);
    if (y !== year) runs.push([]);
    year = y;
    runs.at(-1)!.push(i);
  }
  return runs;
}

/** A month number from `monthNumbers` (year × 12 + month) as its month of the year, 1–12. */
function monthOfYear(m: number): number {
  return ((m - 1) % 12) + 1;
}
