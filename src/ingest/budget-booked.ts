import { isBookedAhead } from '../model/activities.js';
import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import type { RowCounts } from '../model/input.js';
import { firstNamed, normalizeLabel } from '../model/text.js';

const W = BUDGET_AMOUNTS.length;
const BUDGET_MONTH = BUDGET_AMOUNTS.indexOf('budgetMonth');
const ACTUAL_YTD = BUDGET_AMOUNTS.indexOf('actualYtd');
const ACTUAL_MONTH = BUDGET_AMOUNTS.indexOf('actualMonth');

/**
 * Months not booked yet. Finance systems export the months ahead of the ledger with their budget
 * and an outcome of 0 (or, to date, the last month's carried forward), and as outcome those close
 * the year far under budget ("slutade 2025 32 % under budget" after August). Per area and year,
 * the rows after the area's last month with an outcome (other than 0, or than the month before's to
 * date) whose outcome is 0, carried forward or blank are set aside: the area's lines then end at
 * their last month booked, as a member a month behind does (labelled, `budget-behind`), and the
 * report's month is the latest with an outcome. A 0 beside a month's budget of 0 (a fee paid by the
 * quarter) is a month without costs. Lines booked ahead (tax revenue, grants, financial items) tell
 * which months are booked only in an area of nothing else. An area with no month booked that year
 * keeps its rows, its 0s read as blank. Said once per file (`outcome-not-booked`), per area.
 * Returns `totals` (the total rows' places) as they are after the rows set aside: kept as they were,
 * later total rows would have named lines' places (a "Totalt" read as a line, twice the sum).
 */
/** The places of `rows` once the rows in `gone` are taken out of a table of `length`. */
function placesAfter(length: number, gone: ReadonlySet<number>, rows: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (let i = 0, to = 0; i < length; i++) {
    if (gone.has(i)) continue;
    if (rows.has(i)) out.add(to);
    to++;
  }
  return out;
}

export function unbookedOutcomes(table: BudgetTable, out: { findings: FindingInput[]; counts: RowCounts }, headerLine: number, totals: ReadonlySet<number>): ReadonlySet<number> {
  const when = table.months.map(monthOf);
  const cal = calendar(table, when);
  const ahead = table.activities.map((a) => isBookedAhead(normalizeLabel(a)));
  const flat = carriedForward(table, when);
  const empty = (i: number) => emptyOutcome(table, i, flat);
  const booked = (i: number) => table.hasOutcome(i) && !empty(i);
  const last = lastBooked(table, cal, ahead, booked);
  const set = new Set<number>();
  // Per area: the first month set aside (an area with none booked: its year), and the months between left blank.
  const from = new Map<number, string>();
  const gaps = new Map<number, Set<string>>();
  const note = (area: number, text: string) => {
    if ((from.get(area) ?? '\uffff') > text) from.set(area, text);
  };
  // Per year: the latest month any area booked. An area that booked less far is behind the others:
  // its rows with no outcome after its own last month are set aside, so it is labelled behind.
  const latest = new Uint8Array(cal.span);
  for (let slot = 0; slot < last.length; slot++) latest[slot % cal.span] = Math.max(latest[slot % cal.span]!, last[slot]!);
  for (let i = 0; i < table.length; i++) {
    const slot = cal.slot[i]!;
    if (slot >= 0 && !table.hasOutcome(i) && last[slot] !== 0 && cal.month[i]! > last[slot]! && last[slot]! < latest[slot % cal.span]!) {
      set.add(i);
      note(table.area[i]!, `from ${table.months[table.month[i]!]!}`);
      continue;
    }
    if (slot < 0 || !empty(i)) continue;
    const month = cal.month[i]!;
    if (last[slot] !== 0 && month <= last[slot]!) continue;
    if (last[slot] === 0) {
      // No month booked that year: the rows stay, an outcome of 0 read as blank.
      zeroToBlank(table, i);
      note(table.area[i]!, `all of ${when[table.month[i]!]!.year}`);
      continue;
    }
    set.add(i);
    note(table.area[i]!, `from ${table.months[table.month[i]!]!}`);
  }
  blankMonthsBetween(table, cal, last, booked, (area, month) => (gaps.get(area) ?? gaps.set(area, new Set()).get(area)!).add(month));
  if (from.size === 0 && gaps.size === 0) return totals;
  const moved = set.size > 0 ? placesAfter(table.length, set, totals) : totals;
  if (set.size > 0) {
    table.retain((i) => !set.has(i));
    out.counts.used -= set.size;
    out.counts.ignored += set.size;
  }
  const areas = [...new Set([...from.keys(), ...gaps.keys()])].map((area) => {
    const parts = [...(from.has(area) ? [from.get(area)!] : []), ...[...(gaps.get(area) ?? [])].sort().map((m) => `${m} left blank`)];
    return `${table.areas[area]!.code} ${parts.join(', ')}`;
  }).sort();
  out.findings.push({ code: 'outcome-not-booked', line: headerLine, args: { areas: firstNamed(areas, 6), rows: set.size } });
  return moved;
}

/** Each row's area and year as one number (`slot`, −1 for a period that is no month) and its month: typed arrays, no map per row. */
interface Calendar {
  slot: Int32Array;
  month: Uint8Array;
  slots: number;
  /** Years from the first to the last: a slot's year is `slot % span` after the first. */
  span: number;
}

function calendar(table: BudgetTable, when: readonly (Month | undefined)[]): Calendar {
  const years = when.filter((m): m is Month => m !== undefined).map((m) => m.year);
  const first = years.length > 0 ? Math.min(...years) : 0;
  const span = years.length > 0 ? Math.max(...years) - first + 1 : 1;
  const slot = new Int32Array(table.length);
  const month = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const m = when[table.month[i]!];
    slot[i] = m === undefined ? -1 : table.area[i]! * span + (m.year - first);
    month[i] = m?.month ?? 0;
  }
  return { slot, month, slots: table.areas.length * span, span };
}

/**
 * Per area and year (a `Calendar` slot), the last month in which at least half the area's lines not
 * booked ahead have an outcome that says something was booked (`booked`); any line's in an area of
 * lines booked ahead only; 0 for none. One line invoiced ahead (rent for the quarter) then moves no
 * month: its neighbours' 0s after their last month are not costs of 0.
 */
function lastBooked(table: BudgetTable, cal: Calendar, ahead: readonly boolean[], booked: (i: number) => boolean): Uint8Array {
  const lines = new Int32Array(cal.slots * 13);
  const done = new Int32Array(cal.slots * 13);
  const any = new Uint8Array(cal.slots);
  const own = new Uint8Array(cal.slots);
  for (let i = 0; i < table.length; i++) {
    const slot = cal.slot[i]!;
    if (slot < 0) continue;
    const month = cal.month[i]!;
    const yes = booked(i);
    if (yes && any[slot]! < month) any[slot] = month;
    if (ahead[table.activity[i]!]) continue;
    own[slot] = 1;
    lines[slot * 13 + month]!++;
    if (yes) done[slot * 13 + month]!++;
  }
  const last = new Uint8Array(cal.slots);
  for (let slot = 0; slot < cal.slots; slot++) {
    if (own[slot] === 0) {
      last[slot] = any[slot]!;
      continue;
    }
    for (let month = 12; month >= 1; month--) {
      const d = done[slot * 13 + month]!;
      if (d > 0 && 2 * d >= lines[slot * 13 + month]!) {
        last[slot] = month;
        break;
      }
    }
  }
  return last;
}

/**
 * Whether a row gives an outcome that says nothing was booked: 0 (a month's beside a budget for
 * it) or carried forward to date. A blank outcome is no such claim: it stays, and a line missing a
 * month is said as such (`budget-months-missing`).
 */
function emptyOutcome(table: BudgetTable, i: number, flat: Uint8Array): boolean {
  const a = table.amounts;
  const month = a[i * W + ACTUAL_MONTH]!;
  const ytd = a[i * W + ACTUAL_YTD]!;
  if (!table.hasOutcome(i)) return false;
  const monthEmpty = month !== month || (month === 0 && a[i * W + BUDGET_MONTH] !== 0);
  const ytdEmpty = ytd !== ytd || ytd === 0 || flat[i] === 1;
  return monthEmpty && ytdEmpty;
}

/** Rows whose outcome to date is the same line's of the month before, with no month's outcome beside it. */
function carriedForward(table: BudgetTable, when: readonly (Month | undefined)[]): Uint8Array {
  const flat = new Uint8Array(table.length);
  const a = table.amounts;
  // Rows with an outcome to date and none for the month: in a file of monthly outcomes, none.
  const toDate = (i: number) => a[i * W + ACTUAL_MONTH] !== a[i * W + ACTUAL_MONTH] && a[i * W + ACTUAL_YTD] === a[i * W + ACTUAL_YTD];
  let any = false;
  for (let i = 0; i < table.length && !any; i++) any = toDate(i);
  if (!any) return flat;
  const at = new Map<number, number>();
  const key = (i: number, m: Month) => ((table.area[i]! * 100_000 + table.activity[i]!) * 1_000 + (m.year % 1_000)) * 13 + m.month;
  for (let i = 0; i < table.length; i++) {
    const m = when[table.month[i]!];
    if (m !== undefined && toDate(i)) at.set(key(i, m), i);
  }
  for (let i = 0; i < table.length; i++) {
    const m = when[table.month[i]!];
    if (m === undefined || m.month === 1 || !toDate(i)) continue;
    const before = at.get(key(i, { year: m.year, month: m.month - 1 }));
    if (before !== undefined && a[i * W + ACTUAL_YTD] === a[before * W + ACTUAL_YTD]) flat[i] = 1;
  }
  return flat;
}

/**
 * A month before an area's last booked one in which every line's outcome is 0 (beside a budget) or
 * carried forward: no month without costs but one not booked (or exported) in time. Read as blank,
 * as a month left empty is, so the lines say they miss it (`budget-months-missing`).
 */
function blankMonthsBetween(table: BudgetTable, cal: Calendar, last: Uint8Array, booked: (i: number) => boolean, note: (area: number, month: string) => void): void {
  const before = (i: number) => cal.slot[i]! >= 0 && cal.month[i]! < last[cal.slot[i]!]!;
  const at = (i: number) => cal.slot[i]! * 13 + cal.month[i]!;
  const full = new Uint8Array(cal.slots * 13);
  for (let i = 0; i < table.length; i++) if (before(i) && booked(i)) full[at(i)] = 1;
  // Only months with no line booked are gone through again: in most files, none.
  const zeroed = new Uint8Array(cal.slots * 13);
  let some = false;
  for (let i = 0; i < table.length; i++) {
    if (!before(i) || full[at(i)] === 1 || !hasZero(table, i)) continue;
    zeroed[at(i)] = 1;
    some = true;
  }
  if (!some) return;
  for (let i = 0; i < table.length; i++) {
    if (!before(i) || zeroed[at(i)] !== 1) continue;
    zeroToBlank(table, i);
    note(table.area[i]!, table.months[table.month[i]!]!);
  }
}

function hasZero(table: BudgetTable, i: number): boolean {
  return table.amounts[i * W + ACTUAL_MONTH] === 0 || table.amounts[i * W + ACTUAL_YTD] === 0;
}

function zeroToBlank(table: BudgetTable, i: number): void {
  for (const k of [ACTUAL_MONTH, ACTUAL_YTD]) if (table.amounts[i * W + k] === 0) table.amounts[i * W + k] = Number.NaN;
}

interface Month {
  year: number;
  month: number;
}

/** `2025-08` or a year-dated `2025` (its figures are after December) as numbers. */
function monthOf(text: string): Month | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  return m === null ? undefined : { year: Number(m[1]), month: m[2] === undefined ? 12 : Number(m[2]) };
}
