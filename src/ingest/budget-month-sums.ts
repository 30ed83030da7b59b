import type { Role } from '../config/schema.js';
import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import type { Sign, SignAreas } from '../model/input.js';
import { truncate } from '../model/text.js';
import { amountText, withinRounding } from './budget-totals.js';

const W = BUDGET_AMOUNTS.length;

/** A measure a file may give both to date and by the month: the slots and roles of each. */
const PAIRS = [
  { measure: 'outcome', ytd: 'actualYtd', month: 'actualMonth' },
  { measure: 'budget', ytd: 'budgetYtd', month: 'budgetMonth' },
] as const satisfies readonly { measure: string; ytd: Role; month: Role }[];

/** The file's columns and how it writes costs and amounts, to name both figures as the file has them. */
export interface MonthSumColumns {
  roles: Partial<Record<Role, number>>;
  headers: readonly string[];
  /** Amounts in the table are kr × this per unit of the file (1000 for tkr). */
  factor: number;
  /** The most rows added into one line (a file of parts, `BudgetDetail`): each was rounded. */
  parts?: number;
  sign: Sign | undefined;
  signAreas: SignAreas | undefined;
}

/**
 * A file with a year-to-date column and a monthly column of one measure (`Utfall ack` beside
 * `Utfall månad`) says it twice: the year to date after month m is the sum of months 1…m. Where
 * they differ beyond rounding, one of them is wrong and tillit cannot tell which; the report reads
 * the year-to-date column (deviation, status, series), as it does in every file that has one, so the
 * monthly amounts are set aside in silence unless this says so. Per line (area and activity), year
 * and measure: one warning at the row of the first month that differs, with both figures and how
 * many months differ. Only a year whose months run from January without a gap is summed (a file
 * starting in March has no sum to compare); a line-year with two rows for one month is left to the
 * checks of repeated rows. `skip` are total and part rows. Runs on the settled sign and unit.
 * One pass over the rows into typed arrays: a national file's half a million rows make no object each.
 */
export function checkMonthSums(table: BudgetTable, cols: MonthSumColumns, skip: ReadonlySet<number>, findings: FindingInput[]): void {
  const pairs = PAIRS.filter((p) => cols.roles[p.ytd] !== undefined && cols.roles[p.month] !== undefined);
  if (pairs.length === 0) return;
  const years = lineYears(table, skip);
  if (years.count === 0) return;
  const flip = areaSigns(table, cols);
  for (let id = 0; id < years.count; id++) {
    if (years.repeated[id] === 1) continue;
    for (const p of pairs) {
      const d = firstDifference(table, years.rowAt, id, BUDGET_AMOUNTS.indexOf(p.ytd), BUDGET_AMOUNTS.indexOf(p.month), cols.factor, cols.parts ?? 1);
      if (d === undefined) continue;
      const i = d.row;
      const shown = (v: number) => amountText((v * flip[table.area[i]!]!) / cols.factor);
      const period = table.months[table.month[i]!]!;
      findings.push({
        code: 'budget-ytd-months-differ',
        line: table.line[i]!,
        column: cols.roles[p.ytd]! + 1,
        args: {
          area: table.areas[table.area[i]!]!.code, activity: truncate(table.activities[table.activity[i]!]!), measure: p.measure, period,
          ytdHeader: truncate(cols.headers[cols.roles[p.ytd]!]!), monthHeader: truncate(cols.headers[cols.roles[p.month]!]!),
          ytd: shown(d.ytd), sum: shown(d.sum), months: d.month === 1 ? period : `${period.slice(0, 5)}01 to ${period}`,
          differ: d.differ, compared: d.compared,
        },
      });
    }
  }
}

/** Each line-year's row of each month (`rowAt[id × 12 + month − 1]`, −1 for none), and line-years with a month twice. */
interface LineYears {
  count: number;
  rowAt: Int32Array;
  repeated: Uint8Array;
}

/** The rows by line (area and activity), year and month; rows of a period that is no month, and `skip`, left out. */
function lineYears(table: BudgetTable, skip: ReadonlySet<number>): LineYears {
  const [year, month] = [new Int32Array(table.months.length), new Int8Array(table.months.length)];
  table.months.forEach((m, id) => {
    const parsed = /^(\d{4})-(\d{2})$/.exec(m);
    month[id] = parsed === null ? 0 : Number(parsed[2]);
    year[id] = parsed === null ? 0 : Number(parsed[1]);
  });
  // One id per line-year (area, activity and year), met in file order: no object per row. Keys are
  // counted from the first year; where they are few beside the rows (a national file's 41 000
  // line-years of 500 000 rows) they index an array, else a map (the check took ~45 ms of such a
  // file with both columns by a map, ~15–25 ms so).
  const dated = year.filter((_, id) => month[id] !== 0);
  const first = dated.length > 0 ? Math.min(...dated) : 0;
  const span = dated.length > 0 ? Math.max(...dated) - first + 1 : 1;
  const width = table.activities.length;
  const size = table.areas.length * width * span;
  const dense = size <= 8 * table.length + 1024 ? new Int32Array(size).fill(-1) : undefined;
  const sparse = new Map<number, number>();
  const idOf = new Int32Array(table.length).fill(-1);
  let count = 0;
  // The table's columns held in locals: loaded once, not twice per row.
  const [monthIds, areas, activities, n] = [table.month, table.area, table.activity, table.length];
  for (let i = 0; i < n; i++) {
    const m = monthIds[i]!;
    // Most files have no total row: no set looked up per row.
    if (month[m] === 0 || (skip.size > 0 && skip.has(i))) continue;
    const key = (areas[i]! * width + activities[i]!) * span + year[m]! - first;
    let id = dense === undefined ? sparse.get(key) ?? -1 : dense[key]!;
    if (id < 0) {
      id = count++;
      if (dense === undefined) sparse.set(key, id);
      else dense[key] = id;
    }
    idOf[i] = id;
  }
  const rowAt = new Int32Array(count * 12).fill(-1);
  const repeated = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    const id = idOf[i]!;
    if (id < 0) continue;
    const at = id * 12 + month[monthIds[i]!]! - 1;
    if (rowAt[at] !== -1) repeated[id] = 1;
    rowAt[at] = i;
  }
  return { count, rowAt, repeated };
}

/**
 * A line-year's first month whose amount to date (slot `ytd`) differs from the sum of its monthly
 * amounts (slot `month`) from January, beyond the rounding of the cells summed; with how many
 * months were compared and how many differ. The sum stops at the first month without a monthly amount.
 */
function firstDifference(table: BudgetTable, rowAt: Int32Array, id: number, ytd: number, month: number, factor: number, parts: number): { row: number; month: number; ytd: number; sum: number; differ: number; compared: number } | undefined {
  const a = table.amounts;
  let [sum, differ, compared] = [0, 0, 0];
  let first: { row: number; month: number; ytd: number; sum: number } | undefined;
  for (let m = 1; m <= 12; m++) {
    const i = rowAt[id * 12 + m - 1]!;
    if (i < 0) break;
    const v = a[i * W + month]!;
    if (v !== v) break;
    sum += v;
    const given = a[i * W + ytd]!;
    if (given !== given) continue;
    compared++;
    // The year to date and each of the m months summed are each rounded to the file's unit.
    if (withinRounding(given, sum, factor, (m + 1) * parts)) continue;
    differ++;
    first ??= { row: i, month: m, ytd: given, sum };
  }
  return first === undefined ? undefined : { ...first, differ, compared };
}

/** Each area's sign as the file writes costs (−1: negative), to give its figures back as written. */
function areaSigns(table: BudgetTable, cols: MonthSumColumns): Int8Array {
  const negative = new Set(cols.signAreas?.negative ?? []);
  return Int8Array.from(table.areas, (area) => ((cols.signAreas === undefined ? cols.sign === 'costs-negative' : negative.has(area.code)) ? -1 : 1));
}
