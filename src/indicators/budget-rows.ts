import type { Config } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import type { BudgetRow } from '../model/report.js';
import type { AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { TOTAL_ACTIVITY } from '../model/vocabulary.js';
import { evenPaceFinding, hasMonthlyOutcome, monthsWithoutBudget, monthsWithoutOutcome, monthText } from './budget-gaps.js';
import { addUp, budgetBalance, forecastAccuracy, tableLine, yearToDate, type BudgetYear } from './budget-balance.js';
import type { Line, LineEntry } from './budget-lines.js';
import { SV } from './collation.js';
import { opt, round } from './round.js';

/** A line shown in an area's section: a line as read, or a sum of `parts` (named by `labels`). */
interface Shown {
  activity: string;
  line: Line;
  parts?: { labels: string[]; lines: Line[] };
  /** The file the line came from, for a finding about it. */
  file?: string;
}

export interface BudgetRows {
  rows: BudgetRow[];
  findings: Finding[];
  /** The organisation's own lines (its shared costs) as one, when it has any. */
  shared: Line | undefined;
  kinds: Map<string, AreaKind>;
}

export interface BudgetRowOptions {
  year: number;
  /** The latest month a row may be at: `--period`'s month, else 12. */
  upTo: number;
  /** The report's budget period: the latest month any line has, or `--period`. */
  period: string;
  /** Whether an area of several lines gets a total (not for financing lines: they are no activities to add up). */
  totals?: boolean;
  /** The budget tables' files by index: a line's missing months are said in the file of its latest row. */
  files?: readonly string[];
}

/**
 * The budget rows of every area: each line at its own latest month (up to `upTo`), labelled when
 * that is earlier than the report's period; the organisation's activities summed over the members
 * and each area's total, at the latest month all their parts share, labelled when the parts go
 * further. Nothing with figures in the year is left out: a sum whose parts share no month is a row
 * without figures that says so.
 */
export function budgetRows(entries: ReadonlyMap<string, LineEntry>, config: Config, o: BudgetRowOptions): BudgetRows {
  const memberCodes = config.members.map((m) => m.code);
  const orgCode = config.organisation.code;
  const findings: Finding[] = [];
  const byArea = new Map<string, { kind: AreaKind; shown: Shown[] }>();
  for (const e of entries.values()) {
    const area = byArea.get(e.area.code) ?? byArea.set(e.area.code, { kind: e.area.kind, shown: [] }).get(e.area.code)!;
    area.shown.push({ activity: e.activity, line: e.line, file: e.file });
  }
  const sharedShown = byArea.get(orgCode)?.shown ?? [];
  const coverage = new Map<string, string[]>();
  const summed = memberSums(entries, memberCodes, coverage);
  if (summed.length > 0) byArea.set(orgCode, { kind: 'organisation', shown: [...summed, ...sharedShown] });

  const rows: BudgetRow[] = [];
  const make = makeRow(config, o, coverage, orgCode);
  const behind = new Map<string, { file: string; period: string; lines: string[] }>();
  const evenPace = new Map<string, EvenPace>();
  /** Per file, area and period: lines whose forecast is of an earlier month (see `noteEarlierForecast`). */
  const earlierForecast = new Map<string, { file: string; area: string; period: string; lines: string[]; months: Set<string> }>();
  /** Per area: its own lines (no sums), and its total's row when the area has one. */
  const areaLines = new Map<string, { count: number; total?: BudgetRow }>();
  // Files read month by month: a line of theirs without an outcome some month is named.
  const monthly = new Set<string>();
  for (const e of entries.values()) if (hasMonthlyOutcome(e.line.current)) monthly.add(e.file);
  for (const [area, { kind, shown: lines }] of byArea) {
    // A copy: the organisation's own lines are also what its shared costs are made of.
    const shown = [...lines].sort((a, b) => SV.compare(a.activity, b.activity));
    const withTotal = shown.length > 1 && o.totals !== false;
    if (withTotal) shown.push({ activity: TOTAL_ACTIVITY[config.organisation.language], line: sumOf(shown), parts: { labels: shown.map((s) => s.activity), lines: shown.map((s) => s.line) } });
    const own = { count: shown.filter((s) => s.parts === undefined).length } as { count: number; total?: BudgetRow };
    areaLines.set(area, own);
    for (const s of shown) {
      const row = make(area, kind, s, withTotal && s === shown.at(-1));
      if (row === undefined) continue;
      rows.push(row);
      if (row.total) own.total = row;
      const gaps = s.parts === undefined && row.actualYtd === null ? monthsWithoutOutcome(s.line.current, monthOf(row.period), s.file !== undefined && monthly.has(s.file)) : [];
      if (gaps.length > 0) findings.push(finding(fileOfRow(s, monthOf(row.period), o.files) ?? '(budget)', { code: 'budget-months-missing', args: { area, activity: row.activity, months: gaps.map((m) => monthText(o.year, m)).join(', '), period: row.period } }));
      const lacking = s.parts !== undefined && row.deviation === null && row.periodNote !== 'no-common-month' ? partsWithoutFigures(s.parts, monthOf(row.period)) : [];
      if (lacking.length > 0) findings.push(finding('(budget)', { code: 'budget-sum-incomplete', args: { area, activity: row.activity, parts: lacking.join(', '), period: row.period } }));
      if (s.parts === undefined && row.budgetYtdMethod === 'annual-pro-rata') noteEvenPace(evenPace, area, s, row, o);
      if (s.parts === undefined && row.forecast === null) noteEarlierForecast(earlierForecast, area, s, row, o);
      if (row.periodNote === 'behind' && s.parts === undefined && s.file !== undefined) {
        const key = `${area}\u0000${row.period}`;
        const at = behind.get(key) ?? behind.set(key, { file: s.file, period: row.period, lines: [] }).get(key)!;
        at.lines.push(row.activity);
      }
      if (row.periodNote === 'common-month' || row.periodNote === 'no-common-month') {
        const at = (m: number) => (m === 0 ? `none in ${o.year}` : monthText(o.year, m));
        const parts = s.parts!.lines.map((l, i) => `${s.parts!.labels[i]} ${at(l.current.latest(o.upTo))}`).join(', ');
        findings.push(finding('(budget)', { code: 'budget-months-differ', args: { area, activity: row.activity, parts, period: row.periodNote === 'common-month' ? row.period : '' } }));
      }
    }
  }
  // A line with figures only in the year before has no row: said, so an area does not vanish unremarked.
  const stale = new Map<string, { file: string; period: string }>();
  for (const e of entries.values()) {
    const before = e.line.before.latest();
    if (e.line.current.latest(o.upTo) === 0 && before > 0) stale.set(e.area.code, { file: e.file, period: monthText(o.year - 1, before) });
  }
  for (const [area, b] of stale) findings.push(finding(b.file, { code: 'budget-not-this-year', args: { area, year: o.year, period: b.period } }));
  for (const [key, b] of behind) {
    const area = key.split('\u0000')[0]!;
    findings.push(finding(b.file, { code: 'budget-behind', args: { area, period: b.period, latest: o.period, ...behindLines(b.lines, areaLines.get(area)) } }));
  }
  for (const e of evenPace.values()) {
    findings.push(evenPaceFinding(e.file, e.area, e.lines, e.period, e.missing.sort()));
  }
  for (const e of earlierForecast.values()) {
    findings.push(finding(e.file, { code: 'budget-forecast-earlier', args: { area: e.area, lines: e.lines.join(', '), period: e.period, forecast: [...e.months].sort().join(', ') } }));
  }
  const shared = sharedShown.length > 1 ? sumOf(sharedShown) : sharedShown[0]?.line;
  return { rows, findings, shared, kinds: new Map([...byArea].map(([a, { kind }]) => [a, kind])) };
}

/**
 * What `budget-behind` says of an area's lines behind at one month: nothing more when they are all
 * its lines (the whole area is behind); else which lines they are and, when the area's total is held
 * to the latest month all its lines share, that month: a total of year-to-date figures is of one
 * month, never of each line's own.
 */
function behindLines(lines: readonly string[], area: { count: number; total?: BudgetRow } | undefined): { lines: string; count: number; total: string } | Record<string, never> {
  if (area === undefined || lines.length >= area.count) return {};
  const total = area.total?.periodNote === 'common-month' ? area.total.period : '';
  return { lines: lines.join(', '), count: lines.length, total };
}

/**
 * A line with no forecast at its month that had one earlier in the year: finance systems forecast
 * after February, April, August and October, and a September report of such a file showed no
 * forecast (and no optimism check) with nothing said. The August forecast is not carried into
 * September (it is of another month's knowledge); the warning names it and its month.
 */
function noteEarlierForecast(notes: Map<string, { file: string; area: string; period: string; lines: string[]; months: Set<string> }>, area: string, s: Shown, row: BudgetRow, o: BudgetRowOptions): void {
  const earlier = row.series.filter((y) => y.forecast !== null && y.period < row.period).at(-1);
  if (earlier === undefined) return;
  const file = fileOfRow(s, monthOf(row.period), o.files) ?? '(budget)';
  const key = `${file}\u0000${area}\u0000${row.period}`;
  const e = notes.get(key) ?? notes.set(key, { file, area, period: row.period, lines: [], months: new Set() }).get(key)!;
  e.lines.push(row.activity);
  e.months.add(earlier.period);
}

/** An area's lines in one file whose budget to date is the full-year budget × m/12, at one month. */
interface EvenPace {
  file: string;
  area: string;
  period: string;
  lines: string[];
  /** Months without a monthly budget, where the file gives monthly budgets for others. */
  missing: string[];
}

/**
 * A line whose budget to date is the full-year budget × m/12 (no year-to-date budget, and not every
 * month's budget): an even pace, which a seasonal budget (summer staffing, a December peak) is not.
 * Its deviation rests on that, so it is said (`budget-ytd-even-pace`), per file, area and month.
 */
function noteEvenPace(evenPace: Map<string, EvenPace>, area: string, s: Shown, row: BudgetRow, o: BudgetRowOptions): void {
  const file = fileOfRow(s, monthOf(row.period), o.files) ?? '(budget)';
  const key = `${file}\u0000${area}\u0000${row.period}`;
  const e = evenPace.get(key) ?? evenPace.set(key, { file, area, period: row.period, lines: [], missing: [] }).get(key)!;
  e.lines.push(row.activity);
  for (const m of monthsWithoutBudget(s.line.current, monthOf(row.period))) if (!e.missing.includes(monthText(o.year, m))) e.missing.push(monthText(o.year, m));
}

/** The members' lines summed per activity (spelled alike after normalising); `coverage` learns which members each covers. */
function memberSums(entries: ReadonlyMap<string, LineEntry>, memberCodes: readonly string[], coverage: Map<string, string[]>): Shown[] {
  const byActivity = new Map<string, { activity: string; members: string[]; lines: Line[] }>();
  for (const e of entries.values()) {
    if (!memberCodes.includes(e.area.code)) continue;
    const key = normalizeLabel(e.activity);
    const entry = byActivity.get(key) ?? byActivity.set(key, { activity: e.activity, members: [], lines: [] }).get(key)!;
    entry.members.push(e.area.code);
    entry.lines.push(e.line);
  }
  return [...byActivity.values()].map(({ activity, members, lines }) => {
    // Which members a line covers (in any year): an activity only some report is not passed off as the whole.
    coverage.set(activity, memberCodes.filter((m) => members.includes(m)));
    return { activity, line: addUpLines(lines, lines.length), parts: { labels: members, lines } };
  });
}

/** A row for one shown line, or none when neither it nor its parts have a month in the year up to `upTo`. */
function makeRow(config: Config, o: BudgetRowOptions, coverage: ReadonlyMap<string, string[]>, orgCode: string) {
  const thresholds = { yellowBelow: config.budget.yellowBelow, redBelow: config.budget.redBelow };
  return (area: string, areaKind: AreaKind, s: Shown, total: boolean): BudgetRow | undefined => {
    const month = s.line.current.latest(o.upTo);
    const partsLatest = s.parts ? Math.max(0, ...s.parts.lines.map((l) => l.current.latest(o.upTo))) : month;
    if (partsLatest === 0) return undefined;
    const period = monthText(o.year, month === 0 ? partsLatest : month);
    const periodNote = month === 0 ? 'no-common-month' : month < partsLatest ? 'common-month' : period < o.period ? 'behind' : null;
    const members = area === orgCode && !total ? coverage.get(s.activity) ?? null : null;
    // Rows are built whole, one shape each (spreading a shared part into each row made them slow to build).
    if (month === 0) {
      return {
        area, areaKind, activity: s.activity, total, members, period, periodNote,
        budgetYear: null, budgetYtd: null, budgetYtdMethod: null, actualYtd: null, deviation: null, deviationPct: null, pacePct: null, elapsedPct: round((partsLatest / 12) * 100, 4),
        forecast: null, forecastDeviation: null, forecastDeviationPct: null, projection: null, forecastOptimismPct: null, forecastOptimistic: false,
        forecastAccuracy: [], status: null, series: [],
      };
    }
    const b = budgetBalance(s.line.current, month, thresholds, config.budget.forecastMargin);
    // The months so far this year, year to date: one pass (budgetBalance per month scanned the
    // line once for each; ~40 ms of a national budget report).
    const series = yearToDate(s.line.current).filter((y) => y.month <= month);
    return {
      area, areaKind, activity: s.activity, total, members, period, periodNote,
      budgetYear: rnd(b.budgetYear), budgetYtd: rnd(b.budgetYtd), budgetYtdMethod: s.parts && b.budgetYtdMethod !== null ? 'summed' : b.budgetYtdMethod, actualYtd: rnd(b.actualYtd),
      deviation: rnd(b.deviation), deviationPct: opt(b.deviationPct ?? undefined), pacePct: opt(b.pacePct ?? undefined), elapsedPct: round(b.elapsedPct, 4),
      forecast: rnd(b.forecast), forecastDeviation: rnd(b.forecastDeviation), forecastDeviationPct: opt(b.forecastDeviationPct ?? undefined),
      projection: rnd(b.projection), forecastOptimismPct: opt(b.forecastOptimismPct ?? undefined), forecastOptimistic: b.forecastOptimistic,
      forecastAccuracy: forecastAccuracy(s.line.before).map((f) => ({ period: monthText(o.year - 1, f.month), forecast: Math.round(f.forecast), outcome: Math.round(f.outcome), error: Math.round(f.error), errorPct: round(f.errorPct, 4) })),
      status: b.status,
      series: series.map((y) => ({ period: monthText(o.year, y.month), actualYtd: rnd(y.actualYtd), budgetYtd: rnd(y.budgetYtd), forecast: rnd(y.forecast) })),
    };
  };
}

/** Lines summed year by year (see `addUp`; `components`: how many lines the whole has). */
export function addUpLines(lines: readonly Line[], components: number): Line {
  const years = (f: (l: Line) => BudgetYear) => addUp(lines.map(f), components);
  return { current: years((l) => l.current), before: years((l) => l.before) };
}

/** An area's lines as one: each activity is a component. */
function sumOf(shown: readonly Shown[]): Line {
  return addUpLines(shown.map((s) => s.line), shown.length);
}

/**
 * The parts of a sum without a budget or an outcome to date at `month`, which leave the sum
 * without a deviation: named when some parts have both (when none has, no line has figures to miss).
 */
function partsWithoutFigures(parts: NonNullable<Shown['parts']>, month: number): string[] {
  const lacking = parts.lines.flatMap((l, i) => {
    const at = yearToDate(l.current).find((y) => y.month === month);
    return at === undefined || at.budgetYtd === null || at.actualYtd === null ? [parts.labels[i]!] : [];
  });
  return lacking.length < parts.lines.length ? lacking : [];
}

/** The month (1–12) of a `YYYY-MM` period. */
const monthOf = (period: string): number => Number(period.slice(5, 7));

/**
 * The file of a line's row at `month`: a line read from several files (last year's November and
 * December beside this year's) has its rows in another file than the one it was first read from.
 * The line's own file when its year points at no table row.
 */
function fileOfRow(s: Shown, month: number, files: readonly string[] | undefined): string | undefined {
  const origin = s.parts === undefined && files !== undefined ? s.line.current.origin(month) : -1;
  return origin < 0 ? s.file : files?.[tableLine(origin).table] ?? s.file;
}

function rnd(v: number | null): number | null {
  return v === null ? null : Math.round(v) + 0;
}
