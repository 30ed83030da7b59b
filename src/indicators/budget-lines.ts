import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { finding, type Finding } from '../model/findings.js';
import type { Area } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { BudgetYear, tableLine } from './budget-balance.js';

/** A budget line's figures: the report's year and the year before it. */
export interface Line {
  current: BudgetYear;
  before: BudgetYear;
}

/** One area's line for one activity (its first spelling), and the file it was first read from. */
export interface LineEntry {
  area: Area;
  activity: string;
  line: Line;
  file: string;
}

/** A line as `readRows` reads it: its figures per year read (by the year's slot), made as rows come. */
interface RowsEntry {
  area: Area;
  activity: string;
  file: string;
  years: (BudgetYear | undefined)[];
}

/** A month two tables give different amounts for, and the slot of its year. */
interface Conflict {
  slot: number;
  finding: Finding;
}

/**
 * Every line of `tables` (an area code and an activity, spelled alike after normalising) in order
 * of first appearance, with the figures of each year `slotOf` gives a slot (−1: not read). Lines
 * are found by number (in an array while areas × activities is small, 290 × 13 for a national
 * file); years are made for the rows there are, pointing at the rows (see `BudgetYear.onTables`).
 * A month read before from an earlier table is a conflict (different amounts: the month is left
 * without figures) or a repeat (counted per pair of files).
 */
function readRows(tables: readonly BudgetTable[], slots: number, slotOf: (year: number) => number) {
  const entries = new Map<string, RowsEntry>();
  const conflicts: Conflict[] = [];
  const repeats = new Map<string, { count: number; line: number; other: string }>();
  let spare: BudgetYear[] = [];
  const newYear = () => spare.pop() ?? (spare = BudgetYear.onTables(256, tables)).pop()!;
  tables.forEach((t, ti) => {
    const width = t.activities.length;
    const pairs = t.areas.length * width;
    const dense: (RowsEntry | undefined)[] | undefined = pairs <= 1 << 20 ? new Array(pairs).fill(undefined) : undefined;
    const sparse = new Map<number, RowsEntry>();
    // Each month's year slot (−1 unread) and month number.
    const monthOf = Int8Array.from(t.months, (m) => Number(m.slice(5, 7)));
    const slotOfMonth = Int32Array.from(t.months, (m, i) => (monthOf[i]! >= 1 && monthOf[i]! <= 12 ? slotOf(Number(m.slice(0, 4))) : -1));
    const conflict = (y: BudgetYear, slot: number, month: number, i: number) => {
      const o = tableLine(y.origin(month));
      const other = `${tables[o.table]!.file}:${o.line}`;
      if (y.same(month, t.amounts, i * BUDGET_AMOUNTS.length)) {
        const pair = `${ti}\u0000${other.replace(/:\d+$/, '')}`;
        const r = repeats.get(pair);
        if (r) r.count++;
        else repeats.set(pair, { count: 1, line: t.line[i]!, other });
        return;
      }
      y.blank(month);
      const area = t.areas[t.area[i]!]!;
      conflicts.push({ slot, finding: finding(t.file, { code: 'budget-conflict', line: t.line[i]!, args: { other, key: `${area.code} / ${t.months[t.month[i]!]} / ${t.activities[t.activity[i]!]}` } }) });
    };
    for (let i = 0; i < t.length; i++) {
      const pair = t.area[i]! * width + t.activity[i]!;
      let entry = dense !== undefined ? dense[pair] : sparse.get(pair);
      if (entry === undefined) {
        const area = t.areas[t.area[i]!]!;
        const activity = t.activities[t.activity[i]!]!;
        const key = `${area.code}\u0000${normalizeLabel(activity)}`;
        entry = entries.get(key) ?? entries.set(key, { area, activity, file: t.file, years: new Array<BudgetYear | undefined>(slots).fill(undefined) }).get(key)!;
        if (dense !== undefined) dense[pair] = entry;
        else sparse.set(pair, entry);
      }
      const slot = slotOfMonth[t.month[i]!]!;
      if (slot < 0) continue;
      const y = (entry.years[slot] ??= newYear());
      const m = monthOf[t.month[i]!]!;
      // Within a table a key is read once (ingest rejects a second row), so a month already
      // held came from an earlier table.
      if (y.has(m)) conflict(y, slot, m, i);
      else y.point(m, ti, i);
    }
  });
  return { entries, conflicts, repeats, newYear };
}

/**
 * Every line an area has ever reported, with its figures for the two years a row reads: `year`
 * and the closed year before it (forecast accuracy). Older years make no figure. The same line
 * and month from two files must agree: different amounts are an error naming both lines, and the
 * month's figures are left missing whichever file came first, so no order of arguments decides;
 * the same amounts again are read once (an info finding per pair of files).
 */
export function readLines(tables: readonly BudgetTable[], year: number, findings: Finding[]): Map<string, LineEntry> {
  const { entries, conflicts, repeats, newYear } = readRows(tables, 2, (y) => (y === year ? 0 : y === year - 1 ? 1 : -1));
  for (const c of conflicts) findings.push(c.finding);
  for (const [key, r] of repeats) {
    const file = tables[Number(key.split('\u0000')[0])]!.file;
    findings.push(finding(file, { code: 'budget-repeated', line: r.line, args: { count: r.count, other: r.other } }));
  }
  const lines = new Map<string, LineEntry>();
  for (const [key, e] of entries) lines.set(key, { area: e.area, activity: e.activity, file: e.file, line: { current: e.years[0] ?? newYear(), before: e.years[1] ?? newYear() } });
  return lines;
}

/** A line's figures for the years before a report's two, as `readYears` reads them. */
export interface YearsEntry {
  area: Area;
  activity: string;
  /** The file the line was first read from. */
  file: string;
  /** The figures of year `last - i` at `i`; undefined where the line has no row that year. */
  years: readonly (BudgetYear | undefined)[];
}

/**
 * Every line's figures for each year `first` … `last`, in one reading: what `readLines` reads two
 * years at a time (`last` and the year before, then the two before those, …), in its order of
 * lines. Its conflicts are added to `findings` in the order those readings find them; repeats are
 * left to the reading of the report's year, which tells of them once per pair of files.
 */
export function readYears(tables: readonly BudgetTable[], first: number, last: number, findings: Finding[]): Map<string, YearsEntry> {
  const { entries, conflicts } = readRows(tables, Math.max(0, last - first + 1), (y) => (y >= first && y <= last ? last - y : -1));
  // A two-year reading per pair of slots; a stable sort keeps the rows' order within one.
  conflicts.sort((a, b) => (a.slot >> 1) - (b.slot >> 1));
  for (const c of conflicts) findings.push(c.finding);
  return entries;
}

/**
 * The `budget-conflict` findings among budget tables over every year they hold: what `readLines`
 * finds for a report's year, for a check of the files alone (`tillit validate`).
 */
export function budgetConflicts(tables: readonly BudgetTable[]): Finding[] {
  const years = tables.flatMap((t) => t.months.map((m) => Number(m.slice(0, 4))));
  const findings: Finding[] = [];
  readYears(tables, Math.min(...years), Math.max(...years), findings);
  return findings;
}
