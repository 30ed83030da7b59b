import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { finding, type Finding } from '../model/findings.js';
import type { Area } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { BudgetYear } from './budget-balance.js';

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

/** A record's origin as one number: the table's index and the row's line. */
const LINES = 2 ** 32;

/**
 * Every line an area has ever reported (an area code and an activity, spelled alike after
 * normalising), with its figures for the two years a row reads: `year` and the closed year before
 * it (forecast accuracy). Older years make no figure. The same line and month from two files must
 * agree: different amounts are an error naming both lines, and the month's figures are left
 * missing whichever file came first, so no order of arguments decides; the same amounts again are
 * read once (an info finding per pair of files).
 */
export function readLines(tables: readonly BudgetTable[], year: number, findings: Finding[]): Map<string, LineEntry> {
  const entries = new Map<string, LineEntry>();
  let spare: BudgetYear[] = [];
  const newYear = () => spare.pop() ?? (spare = BudgetYear.batch(256)).pop()!;
  const repeats = new Map<string, { count: number; line: number; other: string }>();
  tables.forEach((t, ti) => {
    // A table's rows name their area and activity by index: a line per pair, found by number
    // (in an array while areas × activities is small, 290 × 13 for a national file).
    const width = t.activities.length;
    const pairs = t.areas.length * width;
    const dense: (Line | undefined)[] | undefined = pairs <= 1 << 20 ? new Array(pairs).fill(undefined) : undefined;
    const sparse = new Map<number, Line>();
    // Where a month's amounts go: month m of the report year is m, of the year before −m; 0 unread.
    const slot = Int8Array.from(t.months, (m) => {
      const y = Number(m.slice(0, 4));
      return (y === year ? 1 : y === year - 1 ? -1 : 0) * Number(m.slice(5, 7));
    });
    const conflict = (y: BudgetYear, month: number, i: number) => {
      const o = y.origin(month);
      const other = `${tables[Math.floor(o / LINES)]!.file}:${o % LINES}`;
      if (y.same(month, t.amounts, i * BUDGET_AMOUNTS.length)) {
        const r = repeats.get(`${ti}\u0000${other.replace(/:\d+$/, '')}`);
        if (r) r.count++;
        else repeats.set(`${ti}\u0000${other.replace(/:\d+$/, '')}`, { count: 1, line: t.line[i]!, other });
        return;
      }
      y.blank(month);
      const area = t.areas[t.area[i]!]!;
      findings.push(finding(t.file, { code: 'budget-conflict', line: t.line[i]!, args: { other, key: `${area.code} / ${t.months[t.month[i]!]} / ${t.activities[t.activity[i]!]}` } }));
    };
    for (let i = 0; i < t.length; i++) {
      const pair = t.area[i]! * width + t.activity[i]!;
      let line = dense !== undefined ? dense[pair] : sparse.get(pair);
      if (line === undefined) {
        const area = t.areas[t.area[i]!]!;
        const activity = t.activities[t.activity[i]!]!;
        const key = `${area.code}\u0000${normalizeLabel(activity)}`;
        line = (entries.get(key) ?? entries.set(key, { area, activity, file: t.file, line: { current: newYear(), before: newYear() } }).get(key)!).line;
        if (dense !== undefined) dense[pair] = line;
        else sparse.set(pair, line);
      }
      const s = slot[t.month[i]!]!;
      if (s === 0) continue;
      const y = s > 0 ? line.current : line.before;
      const m = s > 0 ? s : -s;
      // Within a table a key is read once (ingest rejects a second row), so a month already
      // held came from an earlier table.
      if (y.has(m)) conflict(y, m, i);
      else y.set(m, t.amounts, i * BUDGET_AMOUNTS.length, ti * LINES + t.line[i]!);
    }
  });
  for (const [key, r] of repeats) {
    const file = tables[Number(key.split('\u0000')[0])]!.file;
    findings.push(finding(file, { code: 'budget-repeated', line: r.line, args: { count: r.count, other: r.other } }));
  }
  return entries;
}

/**
 * The `budget-conflict` findings among budget tables over every year they hold: what `readLines`
 * finds for a report's year, for a check of the files alone (`tillit validate`).
 */
export function budgetConflicts(tables: readonly BudgetTable[]): Finding[] {
  const years = new Set<number>();
  for (const t of tables) for (const m of t.months) years.add(Number(m.slice(0, 4)));
  const findings: Finding[] = [];
  // Each reading covers a year and the one before it.
  const latest = Math.max(...years);
  for (let y = latest; y >= Math.min(...years); y -= 2) {
    const found: Finding[] = [];
    readLines(tables, y, found);
    findings.push(...found.filter((f) => f.code === 'budget-conflict'));
  }
  return findings;
}
