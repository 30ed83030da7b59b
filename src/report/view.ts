import { comparePeriods, periodYear, withinWindow } from '../model/period.js';
import type { BudgetRow, QualityRow, Report } from '../model/report.js';
import { words } from './words.js';
import type { AmountUnit, Better, Lang, ValueUnit } from '../model/vocabulary.js';
import { qualityStatusWhy } from '../model/quality-status.js';
import { readerTitle } from './titles.js';
import { formatAmount, formatPct, formatPeriod, formatValue, NUMBER_MARKS } from './format.js';
import { PHRASES, phrases } from './phrases.js';
import { minMax } from '../model/array.js';
import { areaName as registerAreaName, NATION_CODE } from '../model/register.js';

/** Colour as an optional extra; the CLI decides and passes it in (identity when off). */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const NO_PAINT: Paint = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

export interface RenderOptions {
  lang: Lang;
  /** The table's unit for amounts (`--amount-unit`, else the config's `budget.displayUnit`). */
  unit: AmountUnit;
  /**
   * The unit `--amount-unit` sets for a brief's (md, html) amounts. Unset, a brief gives each
   * column of amounts one unit of its own (`columnUnit`) and its sentences mnkr, small amounts tkr.
   */
  briefUnit?: AmountUnit;
  paint: Paint;
}

interface QualityIndex {
  byArea: Map<string, QualityRow[]>;
  bySeries: Map<string, QualityRow[]>;
}
/** Each report's rows by area and by series, in report order, made once per rows array (never changed after analysis). */
const indices = new WeakMap<readonly QualityRow[], QualityIndex>();
const seriesKey = (area: string, indicator: string, service: string, gender: string) => `${area}\u0000${indicator}\u0000${service}\u0000${gender}`;

/**
 * The report's rows by area and by series. A renderer asks for an area's latest rows and each
 * row's series: a scan of all rows for each made a national report (459 000 rows, 290 areas) take
 * 160 s as a table and 52 s as Markdown.
 */
function qualityIndex(report: Report): QualityIndex {
  let index = indices.get(report.quality);
  if (index === undefined) {
    index = { byArea: new Map(), bySeries: new Map() };
    for (const q of report.quality) {
      const area = index.byArea.get(q.area);
      if (area) area.push(q);
      else index.byArea.set(q.area, [q]);
      const key = seriesKey(q.area, q.indicator, q.service, q.gender);
      const series = index.bySeries.get(key);
      if (series) series.push(q);
      else index.bySeries.set(key, [q]);
    }
    indices.set(report.quality, index);
  }
  return index;
}

/** An area's rows, in report order. */
export function areaQuality(report: Report, area: string): readonly QualityRow[] {
  return qualityIndex(report).byArea.get(area) ?? [];
}

/** The rows of one series (area × indicator × service × gender), in report order. */
export function seriesQuality(report: Report, area: string, indicator: string, service: string, gender: string): readonly QualityRow[] {
  return qualityIndex(report).bySeries.get(seriesKey(area, indicator, service, gender)) ?? [];
}

/**
 * Areas that get a section or a file: municipalities in the data (members first), then the
 * organisation. Regions and the nation are what municipalities are compared with; they get
 * sections of their own when the data (or `-m`) leaves no municipality: regions, else the nation.
 */
export function reportAreas(report: Report): Report['areas'] {
  const present = new Set([...report.quality.map((q) => q.area), ...report.budget.map((b) => b.area)]);
  // Municipalities in the data only as a peer group's members are comparisons, like the region.
  const peersOnly = new Set((report.peerGroups ?? []).flatMap((g) => g.members));
  const of = (keep: (a: Report['areas'][number]) => boolean) => report.areas.filter((a) => keep(a) && present.has(a.code) && (a.member || !peersOnly.has(a.code)));
  // Members of any kind (a region, a kommunalförbund) are the organisation's own, like its municipalities.
  const local = of((a) => a.member || a.kind === 'municipality' || a.kind === 'organisation');
  if (local.length > 0) return local;
  const regions = of((a) => a.kind === 'region');
  return regions.length > 0 ? regions : of((a) => a.kind === 'nation');
}

/** The model narrowed to one area (references it is compared with stay inside each row). */
export function scopeReport(report: Report, area: string): Report {
  return {
    ...report,
    areas: report.areas.filter((a) => a.code === area),
    quality: [...areaQuality(report, area)],
    budget: report.budget.filter((b) => b.area === area),
    allocation: isOrganisation(report, area) ? report.allocation : report.allocation && {
      ...report.allocation, members: report.allocation.members.filter((m) => m.area === area),
    },
    qualityBesideCost: report.qualityBesideCost.filter((q) => q.area === area),
    ...((report.qualityBesideCostLeftOut ?? []).some((q) => q.area === area) ? { qualityBesideCostLeftOut: report.qualityBesideCostLeftOut!.filter((q) => q.area === area) } : {}),
    failOn: report.failOn.filter((m) => m.area === area),
    balanceHistory: report.balanceHistory.filter((h) => h.area === area),
    milestones: report.milestones.map((m) => ({ ...m, quality: m.quality.filter((q) => q.area === area), balance: m.balance.filter((b) => b.area === area) })),
  };
}

/**
 * What tables and briefs show, one row per series: its latest in the report's survey year or up to
 * `settings.window` years before it (labelled with its year, `olderYear`).
 */
export function latestQuality(report: Report, area: string): QualityRow[] {
  const year = report.period.survey;
  const last = new Map<string, QualityRow>();
  for (const q of areaQuality(report, area)) {
    if (!withinWindow(q.period, year, report.settings.window)) continue;
    last.set(`${q.indicator}\u0000${q.service}\u0000${q.gender}`, q);
  }
  return [...last.values()];
}

/** Every area's shown rows (as `latestQuality` gives them), in report order. */
export function shownQuality(report: Report): QualityRow[] {
  const last = new Map<string, QualityRow>();
  for (const q of report.quality) {
    if (withinWindow(q.period, report.period.survey, report.settings.window)) last.set(seriesKey(q.area, q.indicator, q.service, q.gender), q);
  }
  return [...last.values()];
}

/**
 * An area's series with figures up to the report year, all older than the window: tables and
 * briefs list them as missing, with their latest row (a finding says so too).
 */
export function outdatedQuality(report: Report, area: string): QualityRow[] {
  const year = report.period.survey;
  if (year === null) return [];
  const shown = new Set<string>();
  const last = new Map<string, QualityRow>();
  for (const q of areaQuality(report, area)) {
    const key = seriesKey(q.area, q.indicator, q.service, q.gender);
    if (withinWindow(q.period, year, report.settings.window)) shown.add(key);
    else if (periodYear(q.period) < Number(year)) last.set(key, q);
  }
  return [...last].filter(([key]) => !shown.has(key)).map(([, q]) => q);
}

/** A shown row's period when it is older than the report's survey year (its latest available), else null. */
export function olderPeriod(report: Report, q: QualityRow): string | null {
  return report.period.survey !== null && String(periodYear(q.period)) !== report.period.survey ? q.period : null;
}

/** The values of a row's series in period order, with null for suppressed or missing years. */
export function seriesValues(report: Report, row: QualityRow): (number | null)[] {
  const rows = seriesQuality(report, row.area, row.indicator, row.service, row.gender).filter((q) => comparePeriods(q.period, row.period) <= 0);
  if (rows.length === 0) return [];
  const years = rows.map((q) => periodYear(q.period));
  const { min: from, max: to } = minMax(years);
  const byYear = new Map(rows.map((q) => [periodYear(q.period), q.value]));
  return Array.from({ length: to - from + 1 }, (_, i) => byYear.get(from + i) ?? null);
}

export function indicatorTitle(report: Report, id: string, lang: Lang): string {
  return report.indicators.find((i) => i.id === id)?.title[lang] ?? id;
}

/** Whether an area is the organisation (its brief has the shared costs' split and the members' sums). */
export function isOrganisation(report: Report, area: string): boolean {
  return report.areas.find((a) => a.code === area)?.kind === 'organisation';
}

export function areaName(report: Report, code: string): string {
  return report.areas.find((a) => a.code === code)?.name ?? code;
}

export function alphaText(report: Report, lang: Lang): string {
  return String(report.settings.alpha).replace('.', NUMBER_MARKS[lang].decimal);
}

/** The indicator's unit as the model states it. */
export function indicatorUnit(report: Report, id: string): ValueUnit {
  return (report.indicators.find((i) => i.id === id)?.unit ?? '%') as ValueUnit;
}

/**
 * An area's budget heading period: its latest row's month, and the report's when the area is behind
 * (`okt 2025` or `sep 2025; resten av rapporten okt 2025`: a member's brief has no others).
 */
export function budgetHeading(report: Report, rows: readonly BudgetRow[], lang: Lang): string {
  const latest = rows.reduce((a, b) => (b.period > a ? b.period : a), rows[0]!.period);
  const all = report.period.budget;
  return all !== null && latest < all ? `${formatPeriod(latest, lang)}; ${words(lang).others} ${formatPeriod(all, lang)}` : formatPeriod(latest, lang);
}

/**
 * What a budget row's label adds when its month is not its section's (` (sep 2025)`), or when it is
 * a sum at the latest month its parts share, or of parts that share none; '' otherwise.
 */
export function budgetPeriodNote(b: BudgetRow, rows: readonly BudgetRow[], lang: Lang): string {
  const w = words(lang);
  if (b.periodNote === 'no-common-month') return ` (${w.noCommonMonth})`;
  if (b.periodNote === 'common-month') return ` (${formatPeriod(b.period, lang)}, ${w.commonMonth})`;
  const latest = rows.reduce((a, r) => (r.period > a ? r.period : a), b.period);
  return b.period < latest ? ` (${formatPeriod(b.period, lang)})` : '';
}

/**
 * How a budget line is named for readers: the total in the report's language, and an organisation
 * line that covers only some members with whom it covers ("Individ- och familjeomsorg (endast Mellerud)").
 */
export function budgetLabel(report: Report, b: BudgetRow, lang: Lang): string {
  if (b.total) return words(lang).total;
  if (b.members === null || b.members.length >= report.organisation.members.length) return b.activity;
  const w = words(lang);
  return `${b.activity} (${w.only} ${b.members.map((m) => areaName(report, m)).join(w.and)})`;
}

/** A run of a line of text: plain, strong (a label), or a status word a renderer may colour. */
export interface Run {
  text: string;
  strong?: boolean;
  status?: 'green' | 'yellow' | 'red';
}

/**
 * The result against its target as runs, for the terminal and the briefs alike:
 * `Resultat: hittills +12,3 mnkr = 2,1 % av skatteintäkter och generella statsbidrag (mål 2 %) ✓ grön`.
 */
export function resultRuns(report: Report, area: string, lang: Lang, unit: AmountUnit = 'mnkr'): Run[] | undefined {
  const r = report.results.find((x) => x.area === area);
  if (!r) return undefined;
  const w = words(lang);
  const part = (result: number | null, pct: number | null, label: string) =>
    result === null ? undefined : `${label} ${formatAmount(result, unit, lang, true)}${pct === null ? '' : ` = ${formatPct(pct, lang)}`}`;
  // After December the year is closed: its outcome, and no forecast.
  const parts = (r.period.endsWith('-12')
    ? [part(r.resultYtd, r.resultYtdPct, w.outcomeOfYear)]
    : [part(r.resultYtd, r.resultYtdPct, w.toDate), part(r.resultForecast, r.resultForecastPct, w.fullYearForecast)]).filter(Boolean);
  const runs: Run[] = [{ text: w.result, strong: true }, { text: `: ${parts.join('; ')} ${phrases(lang).ofRevenue(formatPct(r.target, lang, 0))} ` }];
  if (r.status !== null) runs.push({ text: w.status[r.status], status: r.status });
  return runs;
}

/** The report's credit lines in the reader's language: the report records them as the source's licence words them, in Swedish. */
export function attributionLines(report: Report, lang: Lang): string[] {
  const kolada: readonly string[] = Object.values(PHRASES.koladaCredit);
  return report.attribution.map((a) => (kolada.includes(a) ? phrases(lang).koladaCredit : a));
}

/** One sentence on how budget figures are signed, and how each source wrote them. */
export function signNote(report: Report, lang: Lang): string {
  const w = words(lang);
  const files = report.inputs.filter((i) => i.sign !== null);
  const how = (i: (typeof files)[number]) => (i.signByArea
    ? `${w.costsNegative} (${i.signByArea.negative.join(', ')}), ${w.costsPositive} (${i.signByArea.positive.join(', ')})`
    : i.sign === 'costs-negative' ? w.costsNegative : w.costsPositive);
  return phrases(lang).signNote(files.map((i) => `${i.file}: ${how(i)}`).join('; '));
}

/** An indicator's name as readers know it (see `readerTitle`). */
export function indicatorName(report: Report, id: string, lang: Lang, max?: number): string {
  return readerTitle(id, indicatorTitle(report, id, lang), lang, max);
}

/** What a row's reference is: the nation, or (where the nation lacks the cell) the area's region. */
export type ReferenceKind = 'nation' | 'region';

/** What `q` is compared with in `reference` (analysis takes the nation, `0000`, else the region); null without one. */
export function referenceKind(report: Report, q: QualityRow): ReferenceKind | null {
  return q.reference === null ? null : q.reference.area === NATION_CODE ? 'nation' : 'region';
}

/** A region's name: the report's, else the register's (a report for one municipality lists no region). */
export function regionName(report: Report, code: string): string {
  return report.areas.find((a) => a.code === code)?.name ?? registerAreaName({ code, kind: 'region' });
}

/**
 * What a table's reference column compares with, over its rows: the nation, a region, or both
 * (some rows have no national figure); the regions by name, each once, in row order.
 */
export function referenceAgainst(report: Report, rows: readonly QualityRow[]): { kind: ReferenceKind | 'both'; regions: string[] } {
  const regions: string[] = [];
  let nation = false;
  for (const q of rows) {
    const kind = referenceKind(report, q);
    if (kind === 'nation') nation = true;
    else if (kind === 'region') {
      const name = regionName(report, q.reference!.area);
      if (!regions.includes(name)) regions.push(name);
    }
  }
  return { kind: regions.length === 0 ? 'nation' : nation ? 'both' : 'region', regions };
}

/** The reference column's heading, naming what it compares with (`Mot riket`, `Mot länet`), and a note when that is not the nation alone. */
export function referenceHeading(report: Report, rows: readonly QualityRow[], lang: Lang): { head: string; note: string | null } {
  const { kind, regions } = referenceAgainst(report, rows);
  const head = words(lang).referenceAgainst[kind];
  return { head, note: kind === 'nation' ? null : phrases(lang).referenceNote(head, regions.join(', '), kind === 'both') };
}

/**
 * Why a quality row has its status, in words, every reason in order, and the committee's target
 * where one is set and not already named: `under nämndens mål på 90 %`, `försämras över tid (mål
 * 90 %)`, `försämras över tid; under nämndens mål på 90 %`, `mål 90 %` (green); null with neither.
 * A row with no status says why only when it was withheld (worse than an untested reference).
 */
export function statusWhy(report: Report, q: QualityRow, lang: Lang): string | null {
  const spec = report.indicators.find((i) => i.id === q.indicator);
  if (!spec) return null;
  const { status, reasons } = qualityStatusWhy(q, spec.target, spec.better as Better);
  if (status === null && reasons.length === 0) return null;
  const target = spec.target === null ? null : formatValue(spec.target, indicatorUnit(report, q.indicator), lang, 0);
  const p = phrases(lang);
  const against = referenceKind(report, q) ?? 'nation';
  const why = reasons.map((reason) => {
    if (reason === 'below-target') return p.offTarget(spec.better === 'lower', target!);
    if (reason === 'fell') return p.statusFell(q.change?.from ?? '');
    if (reason === 'worsening-trend') return p.statusWorsening;
    return p.statusReference(against, reason === 'below-reference' ? 'tested' : q.n === null ? 'own' : 'reference');
  });
  if (why.length === 0) return target === null ? null : p.target(target);
  return target === null || reasons.includes('below-target') ? why.join('; ') : `${why.join('; ')} (${p.target(target)})`;
}

/** The files an area's brief draws on, by name (no folder), in the report's order of inputs. */
export function briefSources(report: Report, area: string): string[] {
  const files = new Set<string>();
  for (const q of areaQuality(report, area)) for (const s of q.sources) files.add(s.file);
  const covered = isOrganisation(report, area) ? new Set([area, ...report.organisation.members]) : new Set([area]);
  const hasBudget = report.budget.some((b) => b.area === area);
  for (const i of report.inputs) if (hasBudget && i.areas?.some((a) => covered.has(a))) files.add(i.file);
  return report.inputs.map((i) => i.file).filter((f) => files.has(f));
}

/** A file's name without its folder. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
