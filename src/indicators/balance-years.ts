import type { Config } from '../config/schema.js';
import type { BudgetTable } from '../model/budget-table.js';
import type { Finding } from '../model/findings.js';
import type { Area, AreaKind } from '../model/register.js';
import type { BalanceHistory as BalanceHistoryRow, BudgetRow, Milestone } from '../model/report.js';
import { normalizeLabel } from '../model/text.js';
import { TOTAL_ACTIVITY } from '../model/vocabulary.js';
import { balanceHistory, yearEnd, type YearEnd } from './balance-history.js';
import { addUp, BudgetYear } from './budget-balance.js';
import { readYears, type LineEntry } from './budget-lines.js';
import { milestoneLevels } from './milestone-level.js';
import type { Trend } from './trend.js';
import { SV } from './collation.js';
import { opt } from './round.js';
import { settingsOf } from './settings.js';

/** A line over every year the inputs hold: its figures per year. */
interface YearsLine {
  area: string;
  kind: AreaKind;
  activity: string;
  total: boolean;
  years: (year: number) => BudgetYear | undefined;
  /** For a sum: its parts' names and years, to say which part lacks a year end. */
  parts?: { label: string; years: (year: number) => BudgetYear | undefined }[];
}

export interface BalanceYearsOptions {
  /** The report's budget year and the latest month it may be at (`--period`'s month, else 12). */
  year: number;
  upTo: number;
  /** The report year's budget rows: what this year is compared with the years before by. */
  rows: readonly BudgetRow[];
  alpha: number;
  /** Keys of the report year's revenue and financial lines (see `splitFinancing`): no activities, so no history. */
  financing?: ReadonlySet<string>;
}

export interface BalanceYears {
  history: BalanceHistoryRow[];
  /** Per milestone of the config, the lines' year-end deviation % before and after it. */
  milestones: Milestone['balance'][];
}

/**
 * The years of balance of every budget line, the organisation's sums over its members and each
 * area's total, when the inputs hold any year before the report's: each year's closing budget,
 * outcome and deviation (see `yearEnd`), their trend and the report year against the years before.
 * `lines` are the report year's lines as `readLines` read them (that year and the one before);
 * older years are read here, and their conflicts between files added to `findings`.
 */
export function balanceYears(tables: readonly BudgetTable[], lines: ReadonlyMap<string, LineEntry>, config: Config, o: BalanceYearsOptions, findings: Finding[]): BalanceYears {
  const empty = { history: [], milestones: config.milestones.map(() => []) };
  const first = Math.min(...tables.flatMap((t) => t.months.map((m) => Number(m.slice(0, 4)))));
  if (!(first < o.year)) return empty;
  const byLine = yearsByLine(tables, lines, o.year, first, findings, o.financing ?? new Set());
  const shown = shownLines(byLine, config);
  const { areaOrder } = settingsOf(config);
  shown.sort((a, b) => areaOrder(a.area, a.kind) - areaOrder(b.area, b.kind) || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) || Number(a.total) - Number(b.total) || SV.compare(a.activity, b.activity));
  const history: BalanceHistoryRow[] = [];
  const milestones: Milestone['balance'][] = config.milestones.map(() => []);
  const rowOf = rowFinder(o.rows);
  for (const s of shown) {
    const ends: YearEnd[] = [];
    const closed = (s.years(o.year)?.latest(o.upTo) ?? 0) === 12;
    for (let y = first; y <= (closed ? o.year : o.year - 1); y++) {
      const years = s.years(y);
      const partsHave = s.parts?.some((p) => (p.years(y)?.latest() ?? 0) > 0) ?? false;
      if ((years === undefined || years.latest() === 0) && !partsHave) continue;
      const end = yearEnd(years ?? new BudgetYear(), y);
      const lacking = s.parts?.filter((p) => !(p.years(y)?.has(12) ?? false)).map((p) => p.label) ?? [];
      ends.push(end.missing === 'not-closed' && lacking.length > 0 && lacking.length < s.parts!.length ? { ...end, missing: 'parts-missing', missingMonths: [], missingParts: lacking } : end);
    }
    if (ends.length === 0) continue;
    const h = balanceHistory(ends, o.year, o.alpha);
    const row = rowOf(s.area, s.total, s.activity);
    history.push({
      area: s.area, areaKind: s.kind, activity: s.activity, total: s.total,
      years: h.years.map((e) => ({
        year: String(e.year), budget: rnd(e.budget), outcome: rnd(e.outcome), deviation: rnd(e.deviation), deviationPct: opt(e.deviationPct ?? undefined),
        missing: e.missing, missingMonths: e.missingMonths, missingParts: e.missingParts,
      })),
      trend: trendRow(h.trend),
      current: currentYear(h.years, row, o.year, closed),
      previous: h.previous === undefined ? null : { ...h.previous, from: String(h.previous.from), to: String(h.previous.to), mean: opt(h.previous.mean)!, min: opt(h.previous.min)!, max: opt(h.previous.max)! },
    });
    config.milestones.forEach((m, i) => {
      const points = h.years.filter((e) => e.deviationPct !== null).map((e) => ({ year: e.year, value: e.deviationPct! }));
      const levels = milestoneLevels(points, Number(m.period));
      if (levels === undefined) return;
      milestones[i]!.push({
        area: s.area, activity: s.activity, total: s.total,
        before: { ...levels.before, from: String(levels.before.from), to: String(levels.before.to), mean: opt(levels.before.mean)! },
        after: { ...levels.after, from: String(levels.after.from), to: String(levels.after.to), mean: opt(levels.after.mean)! },
        difference: opt(levels.difference)!,
      });
    });
  }
  return { history, milestones };
}

/** A line's trend as the report gives it; null when no year is complete (nothing was trended). */
function trendRow(t: Trend | null): BalanceHistoryRow['trend'] {
  if (t === null) return null;
  return {
    from: String(t.from), to: String(t.to), points: t.points, theilSenSlope: opt(t.theilSenSlope), mannKendallS: t.mannKendall?.s ?? null,
    mannKendallP: opt(t.mannKendall?.p, 6), verdict: t.verdict,
  };
}

/** How the report year stands: its outcome when closed, else its full-year forecast, else its year to date. */
function currentYear(years: readonly YearEnd[], row: BudgetRow | undefined, year: number, closed: boolean): BalanceHistoryRow['current'] {
  if (closed) {
    const end = years.find((e) => e.year === year);
    return { period: `${year}-12`, basis: 'outcome', deviationPct: opt(end?.deviationPct ?? undefined) };
  }
  if (row === undefined) return null;
  if (row.forecastDeviationPct !== null) return { period: row.period, basis: 'forecast', deviationPct: row.forecastDeviationPct };
  return { period: row.period, basis: 'year-to-date', deviationPct: row.deviationPct };
}

interface LineYears {
  area: string;
  kind: AreaKind;
  activity: string;
  years: Map<number, BudgetYear>;
}

/**
 * The first budget row of an area's total, or of an area's activity (by its normalised name): a
 * national file has 4 000 lines and as many rows, too many to search the rows once per line.
 */
function rowFinder(rows: readonly BudgetRow[]): (area: string, total: boolean, activity: string) => BudgetRow | undefined {
  // A dozen activity names, each normalised once (normalising is ~10 µs).
  const names = new Map<string, string>();
  const norm = (activity: string) => names.get(activity) ?? names.set(activity, normalizeLabel(activity)).get(activity)!;
  const key = (area: string, total: boolean, activity: string) => (total ? `${area}\u0000` : `${area}\u0001${norm(activity)}`);
  const first = new Map<string, BudgetRow>();
  for (const r of rows) {
    const k = key(r.area, r.total, r.activity);
    if (!first.has(k)) first.set(k, r);
  }
  return (area, total, activity) => first.get(key(area, total, activity));
}

/**
 * Every line's figures per year, `first` to `year`: the report year and the one before from
 * `lines`, older years from one reading of the tables (`readYears`).
 */
function yearsByLine(tables: readonly BudgetTable[], lines: ReadonlyMap<string, LineEntry>, year: number, first: number, findings: Finding[], financing: ReadonlySet<string>): Map<string, LineYears> {
  const out = new Map<string, LineYears>();
  const add = (key: string, e: { area: Area; activity: string }, y: number, figures: BudgetYear | undefined) => {
    if (y < first || figures === undefined || figures.latest() === 0 || financing.has(key)) return;
    const line = out.get(key) ?? out.set(key, { area: e.area.code, kind: e.area.kind, activity: e.activity, years: new Map() }).get(key)!;
    line.years.set(y, figures);
  };
  for (const [key, e] of lines) {
    add(key, e, year, e.line.current);
    add(key, e, year - 1, e.line.before);
  }
  const older = readYears(tables, first, year - 2, findings);
  // Lines in the order of reading two years at a time (a sum adds its parts in this order).
  for (let y = year - 2; y >= first; y -= 2) {
    for (const [key, e] of older) {
      add(key, e, y, e.years[year - 2 - y]);
      add(key, e, y - 1, e.years[year - 1 - y]);
    }
  }
  return out;
}

/** The lines a history is shown for: each area's own, the organisation's sums over its members, and each area's total. */
function shownLines(byLine: ReadonlyMap<string, LineYears>, config: Config): YearsLine[] {
  const memberCodes = config.members.map((m) => m.code);
  const orgCode = config.organisation.code;
  const byArea = new Map<string, { kind: AreaKind; lines: YearsLine[] }>();
  const own = (l: LineYears): YearsLine => ({ area: l.area, kind: l.kind, activity: l.activity, total: false, years: (y) => l.years.get(y) });
  for (const l of byLine.values()) (byArea.get(l.area) ?? byArea.set(l.area, { kind: l.kind, lines: [] }).get(l.area)!).lines.push(own(l));
  // The members' lines per activity, summed: a member that reports the activity in any year is a part.
  const byActivity = new Map<string, LineYears[]>();
  for (const l of byLine.values()) {
    if (!memberCodes.includes(l.area)) continue;
    const key = normalizeLabel(l.activity);
    (byActivity.get(key) ?? byActivity.set(key, []).get(key)!).push(l);
  }
  const sums: YearsLine[] = [...byActivity.values()].map((parts) => sumLine(orgCode, 'organisation', parts[0]!.activity, false, parts.map(own), (p) => p.area));
  if (sums.length > 0) byArea.set(orgCode, { kind: 'organisation', lines: [...sums, ...(byArea.get(orgCode)?.lines ?? [])] });
  const totalName = TOTAL_ACTIVITY[config.organisation.language];
  const out: YearsLine[] = [];
  for (const [area, { kind, lines }] of byArea) {
    out.push(...lines);
    if (lines.length > 1) out.push(sumLine(area, kind, totalName, true, lines, (p) => p.activity));
  }
  return out;
}

/** Lines summed year by year (`addUp`: a month only where every part has it); its parts named by `label`. */
function sumLine(area: string, kind: AreaKind, activity: string, total: boolean, parts: readonly YearsLine[], label: (p: YearsLine) => string): YearsLine {
  const cache = new Map<number, BudgetYear>();
  const years = (y: number) => {
    let sum = cache.get(y);
    if (sum === undefined) {
      sum = addUp(parts.flatMap((p) => p.years(y) ?? []), parts.length);
      cache.set(y, sum);
    }
    return sum;
  };
  return { area, kind, activity, total, years, parts: parts.map((p) => ({ label: label(p), years: p.years })) };
}

function rnd(v: number | null): number | null {
  return v === null ? null : Math.round(v) + 0;
}
