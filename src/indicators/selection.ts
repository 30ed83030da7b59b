import type { QualityRow, Report } from '../model/report.js';
import { withinWindow } from '../model/period.js';
import { MUNICIPALITIES, resolveArea, type AreaKind } from '../model/register.js';
import { firstNamed, normalizeLabel } from '../model/text.js';
import type { RowFilter } from './quality-rows.js';

/** What the inputs hold, before `--municipality` and `--period` narrow it. */
export interface Coverage {
  /** Municipalities with any figure (survey, indicator value or budget line), by code, sorted. */
  municipalities: string[];
  /** Regions, the nation and kommunalförbund with any figure, by code, sorted: `-m` may name them too. */
  regions?: string[];
  /** Years with a survey result or indicator value, sorted. */
  surveyYears: string[];
  /** Months with a budget record, sorted (`YYYY-MM`). */
  budgetMonths: string[];
}

/** The period after `p` (a year `YYYY` or a month `YYYY-MM`). */
function nextPeriod(p: string): string {
  const year = Number(p.slice(0, 4));
  if (p.length === 4) return String(year + 1);
  const month = Number(p.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Periods as a short text, runs of consecutive years or months joined by a dash; at most `max`
 * runs, then how many more.
 * @example periodRanges(['2019', '2020', '2022']) // '2019–2020, 2022'
 * @example periodRanges(['2024-11', '2024-12', '2025-01']) // '2024-11 – 2025-01'
 */
export function periodRanges(periods: readonly string[], max = 6): string {
  const sorted = [...new Set(periods)].sort();
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === nextPeriod(sorted[j]!)) j++;
    const dash = sorted[i]!.length === 4 ? '–' : ' – ';
    runs.push(i === j ? sorted[i]! : `${sorted[i]}${dash}${sorted[j]}`);
    i = j + 1;
  }
  if (runs.length === 0) return 'none';
  return firstNamed(runs, max);
}

/** Whether the inputs have figures of each kind at `period` (`YYYY`: any month of the year). */
export function periodHasData(period: string, coverage: Coverage): { survey: boolean; budget: boolean } {
  const year = period.slice(0, 4);
  return {
    survey: coverage.surveyYears.includes(year),
    budget: period.length === 4 ? coverage.budgetMonths.some((m) => m.startsWith(`${year}-`)) : coverage.budgetMonths.includes(period),
  };
}

/** What the inputs have, by kind, for a message: "survey years 2016–2025; budget months 2024-01 – 2025-10". */
export function coverageText(coverage: Coverage): string {
  const parts: string[] = [];
  if (coverage.surveyYears.length > 0) parts.push(`survey and indicator years ${periodRanges(coverage.surveyYears)}`);
  if (coverage.budgetMonths.length > 0) parts.push(`budget months ${periodRanges(coverage.budgetMonths)}`);
  return parts.length > 0 ? parts.join('; ') : 'no dated figures';
}

/** The sentence for a `--period` that matches no figure of any kind, or undefined when some match. */
export function periodProblem(period: string, coverage: Coverage): string | undefined {
  const has = periodHasData(period, coverage);
  if (has.survey || has.budget) return undefined;
  return `--period ${period}: the inputs have no figures for ${period}; they have ${coverageText(coverage)}`;
}

/**
 * The municipality code a `--municipality` value names: a code (`1460`, `680` for `0680`), a name
 * (`Mellerud`, `Melleruds kommun`) or both (`1460 Bengtsfors`); undefined when it names none.
 */
export function municipalityCode(text: string): string | undefined {
  const r = resolveArea(text);
  return r.ok && r.area.kind === 'municipality' ? r.area.code : undefined;
}

/** Levenshtein distance: the fewest single-character edits that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * The municipalities in the data nearest to what was asked for: by code distance for a code, by
 * spelling for a name; all of them when there are few.
 */
export function closestMunicipalities(text: string, available: readonly string[], names: (code: string) => string, count = 5): string[] {
  const label = (code: string) => `${code} ${names(code)}`;
  if (available.length <= count + 3) return available.map(label);
  const digits = /^\d+$/.test(text.trim());
  const wanted = normalizeLabel(text);
  const score = (code: string) => (digits ? Math.abs(Number(code) - Number(text)) : editDistance(wanted, normalizeLabel(names(code))));
  return [...available].sort((a, b) => score(a) - score(b) || (a < b ? -1 : 1)).slice(0, count).map(label);
}

/**
 * The sentence for `--municipality` values that match no municipality in the data, or undefined
 * when each does. A municipality that exists but has no figures is named as such. A kommunalförbund
 * member (`federation` gives its code from its id or a name) with figures is taken too.
 */
export function municipalityProblem(
  requested: readonly string[], coverage: Coverage, names: (code: string) => string = (c) => MUNICIPALITIES.get(c) ?? c, federation: (text: string) => string | undefined = () => undefined,
): string | undefined {
  const problems: string[] = [];
  let suggest = '';
  for (const text of requested) {
    const code = municipalityCode(text);
    if (code !== undefined && coverage.municipalities.includes(code)) continue;
    const member = federation(text);
    if (member !== undefined && coverage.regions?.includes(member)) continue;
    const region = resolveArea(text);
    if (region.ok && region.area.kind !== 'municipality' && coverage.regions?.includes(region.area.code)) continue;
    problems.push(code === undefined
      ? `"${text}" is not a municipality code or name`
      : `${code} ${names(code)} has no figures in the inputs`);
    suggest ||= text;
  }
  if (problems.length === 0) return undefined;
  const valid = coverage.municipalities.length === 0
    ? 'the inputs have figures for no municipality'
    : `${coverage.municipalities.length <= 8 ? 'municipalities in the data' : 'closest in the data'}: ${closestMunicipalities(suggest, coverage.municipalities, names).join(', ')}`;
  return `--municipality: ${problems.join('; ')}; ${valid}`;
}

/**
 * Whether a report has nothing to show: no budget line, result or allocation, and no quality row
 * but cells whose answers were rejected (no figure: `incomplete`)
 * for a municipality or the organisation at the report's survey year or within the window before it (the sections every format
 * is made of). `rows` are the report's quality rows as `analyseLazily` gives them.
 */
export function isEmptyReport(report: Report, rows: (filter?: RowFilter) => Iterable<QualityRow>): boolean {
  if (report.budget.length > 0 || report.allocation !== null || report.results.length > 0) return false;
  const year = report.period.survey;
  if (year === null) return true;
  // Regions and the nation have sections of their own when no municipality is in the report.
  const local = report.areas.some((a) => a.kind === 'municipality' || a.kind === 'organisation');
  const shown = (_area: string, kind: AreaKind, period: string) =>
    (kind === 'municipality' || kind === 'organisation' || (!local && (kind === 'region' || kind === 'nation'))) && withinWindow(period, year, report.settings.window);
  // A cell whose answers were rejected has no figure: a report of nothing else is empty.
  for (const r of rows({ row: shown })) if (!r.incomplete) return false;
  return true;
}

/**
 * The regions and the nation `-m` names (`requested`, as codes) that tables and briefs give no
 * section: beside a member, a municipality or the organisation (its rows or its budget) they are
 * what those rows are compared with, and have sections of their own only where none is left.
 * So are municipalities in the data only as members of a peer group, always.
 */
export function sectionlessAreas(requested: readonly string[], report: Report, rows: (filter?: RowFilter) => Iterable<QualityRow>): Report['areas'] {
  // A municipality in the data only as a member of a peer group is never given a section (the
  // peer table compares the areas shown with it): named alone, the report showed something else.
  const inGroups = new Set((report.peerGroups ?? []).flatMap((g) => g.members));
  const peers = report.areas.filter((a) => requested.includes(a.code) && !a.member && a.kind === 'municipality' && inGroups.has(a.code));
  const asked = report.areas.filter((a) => requested.includes(a.code) && !a.member && (a.kind === 'region' || a.kind === 'nation'));
  if (asked.length === 0) return peers;
  if (report.budget.length > 0) return [...asked, ...peers];
  const members = new Set(report.areas.filter((a) => a.member).map((a) => a.code));
  for (const _ of rows({ row: (code, kind) => kind === 'municipality' || kind === 'organisation' || members.has(code) })) return [...asked, ...peers];
  return peers;
}
