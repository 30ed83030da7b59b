import type { QualityRow, Report } from '../model/report.js';
import { columnUnit, decimalsOf, formatAmount, formatDiff, formatMonthEnd, formatNumber, formatPct, formatPeriod, formatStamp, formatValue, monthName, type AmountUnit, type Lang } from './format.js';
import { keyMessages } from './messages.js';
import { findingNotes } from './finding-words.js';
import { phrases } from './phrases.js';
import type { BudgetRow } from '../model/report.js';
import { comparePeriods } from '../model/period.js';
import { followUpMonths, previousForecast } from './brief-budget.js';
import { areaName, attributionLines, isOrganisation, areaQuality, briefSources, budgetHeading, budgetLabel, budgetPeriodNote, fileName, indicatorName, indicatorUnit, latestQuality, olderPeriod, outdatedQuality, referenceAgainst, referenceHeading, resultRuns, statusWhy, type RenderOptions } from './view.js';
import { words } from './words.js';
import { historyView, milestoneView, milestoneMethod, qualitySparkline, seriesBreak } from './history.js';
import { peerRows, peerWords } from './peer-view.js';
import { besideSection } from './beside-view.js';
import { anyFinerDeviation, budgetStatusNote, deviationText } from './deviation-text.js';

/**
 * A brief's content as plain text, before any markup: the Markdown and the HTML brief are both
 * rendered from it, so they say the same thing. Every text is unescaped; each renderer escapes.
 */
export interface Brief {
  lang: Lang;
  area: string;
  title: string;
  /** The date the figures are as of (the committee asks first). */
  asOf: string | null;
  generated: string | null;
  messages: Section<string[]> | null;
  quality: Section<Table> | null;
  /** The area against its peer groups (totals). */
  peers: Section<Table> | null;
  budget: Section<Table> | null;
  /** The result against its target, as runs of text, some of them strong. */
  result: Cell[] | null;
  /** Each service's headline indicator beside the budget line that pays for it, and notes on both. */
  beside: (Section<Table> & { notes: string[] }) | null;
  allocation: Section<Table> | null;
  /** Years of balance: sentences on this year against the years before, the lines, the headline line's years. */
  history: Section<{ sentences: string[]; lines: Table; years: Table }> | null;
  /** Levels before and after each milestone, a sentence per milestone. */
  milestones: Section<string[]> | null;
  method: Section<string[]>;
}

export interface Section<T> {
  heading: string;
  body: T;
  /** A line under the body (what a mark in the table means). */
  note?: string;
}

/** A table cell: text, shown strong (a total line) or marked as statistically significant. */
export interface Cell {
  text: string;
  strong?: boolean;
  significant?: boolean;
}

export interface Table {
  head: string[];
  rows: Cell[][];
}

const cell = (text: string, more: Omit<Cell, 'text'> = {}): Cell => ({ text, ...more });

/** The brief for one area (a municipality or the organisation), in plain language. */
export function buildBrief(report: Report, area: string, opts: RenderOptions): Brief {
  const { lang } = opts;
  const w = words(lang);
  const name = areaName(report, area);
  const isOrg = isOrganisation(report, area);
  const quality = qualitySection(report, area, lang);
  const budget = budgetSection(report, area, opts);
  // The title names only what the brief has: no "kvalitet 2025" over a brief without a quality table.
  const when = [quality && report.period.survey && `${w.qualityFor} ${report.period.survey}`, budget && report.period.budget && `${w.budgetAfter} ${formatPeriod(report.period.budget, lang)}`].filter(Boolean).join(', ');
  const messages = keyMessages(report, area, opts);
  return {
    lang,
    area,
    title: `${isOrg ? name : `${name} (${area})`} – ${w.followUp}${when ? `: ${when}` : ''}`,
    asOf: asOf(report, area, lang),
    // Said as a date and time, not as the JSON's ISO text (a brief is read by politicians).
    generated: report.generatedAt ? `${w.generated} ${formatStamp(report.generatedAt, lang)}` : null,
    messages: messages.length > 0 ? { heading: w.keyMessages, body: messages } : null,
    quality,
    peers: peerSection(report, area, lang),
    budget,
    result: resultCells(report, area, lang, opts.briefUnit),
    beside: besideSection(report, area, lang),
    allocation: isOrg ? allocationSection(report, opts) : null,
    ...historySections(report, area, lang, opts.briefUnit),
    method: { heading: w.aboutFigures, body: [...methodNote(report, area, lang), ...milestoneMethod(report, lang), ...dataNotes(report, area, lang)] },
  };
}

function qualitySection(report: Report, area: string, lang: Lang): Section<Table> | null {
  const w = words(lang);
  const quality = latestQuality(report, area).filter((q) => q.gender === 'T');
  const missing = outdatedQuality(report, area).filter((q) => q.gender === 'T');
  if (quality.length === 0 && missing.length === 0) return null;
  // Only differences a test was made for can be called chance; a source without n gives none.
  const comparisons = quality.flatMap((q) => [q.change, q.reference]).filter((c) => c !== null);
  const tested = comparisons.filter((c) => c.p !== null).length;
  // p.e. is explained only where a difference is printed in it (a share's).
  const pp = quality.some((q) => (q.change !== null || q.reference !== null) && indicatorUnit(report, q.indicator) === '%');
  const legend = phrases(lang).significanceLegend(tested > 0, tested === comparisons.length, pp);
  const reference = referenceHeading(report, quality, lang);
  const sparklines = quality.map((q) => qualitySparkline(report, q)).concat(missing.map((q) => qualitySparkline(report, q, false)));
  const notes = [legend || null, reference.note, ...marksExplained(report, quality, sparklines, lang)].filter((t) => t !== null);
  return {
    heading: w.quality,
    body: {
      head: [w.indicator, w.service, `${report.period.survey}`, w.uncertainty, w.change, w.trend, reference.head, w.statusHeader, w.series],
      rows: quality.map((q, k) => {
        const unit = indicatorUnit(report, q.indicator);
        const why = statusWhy(report, q, lang);
        return [
          cell(indicatorName(report, q.indicator, lang)),
          cell(q.service),
          cell(withYear(olderPeriod(report, q), q.suppressed ? w.suppressed : q.incomplete ? w.incomplete : q.value === null ? '' : formatValue(q.value, unit, lang, 0))),
          cell(q.low !== null && q.high !== null ? `${formatNumber(q.low, 0, lang)}–${formatNumber(q.high, 0, lang)}` : ''),
          q.change ? cell(formatDiff(q.change.differencePp, unit, lang, 0), { significant: q.change.significant }) : cell(''),
          cell(q.trend ? w.verdict[q.trend.verdict] : ''),
          q.reference ? cell(formatDiff(q.reference.differencePp, unit, lang, 0), { significant: q.reference.significant }) : cell(''),
          cell(q.status === null ? (why === null ? '' : `${w.notAssessed}: ${why}`) : `${w.status[q.status]}${why === null ? '' : q.status === 'green' ? ` (${why})` : `: ${why}`}`),
          cell(sparklines[k]!),
        ];
      }).concat(missing.map((q, k) => [
        cell(indicatorName(report, q.indicator, lang)), cell(q.service), cell(w.missing(q.period)), cell(''), cell(''), cell(''), cell(''), cell(''), cell(sparklines[quality.length + k]!),
      ])),
    },
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/** What the status colours and a series' dots mean, where the table has them. */
function marksExplained(report: Report, quality: readonly QualityRow[], sparklines: readonly string[], lang: Lang): string[] {
  const p = phrases(lang);
  const out: string[] = [];
  if (quality.some((q) => q.status !== null)) {
    const targets = quality.some((q) => q.status !== null && (report.indicators.find((i) => i.id === q.indicator)?.target ?? null) !== null);
    out.push(p.qualityStatusLegend(referenceAgainst(report, quality).kind, targets));
  }
  if (sparklines.some((s) => s.includes('·'))) out.push(p.seriesGapNote);
  return out;
}

function peerSection(report: Report, area: string, lang: Lang): Section<Table> | null {
  // Rounded as the brief's quality table rounds (81 %, -3 p.e.), not as the terminal's (80,6 %).
  const rows = peerRows(report, area, lang, 0);
  return rows.length === 0 ? null : { heading: peerWords(lang).heading, body: { head: [...peerWords(lang).head], rows: rows.map((r) => r.map((t) => cell(t))) } };
}

/** A value of a row older than the report year starts with its year: "2024: 81 %". */
function withYear(older: string | null, text: string): string {
  return older === null || text === '' ? text : `${older}: ${text}`;
}

function budgetSection(report: Report, area: string, opts: RenderOptions): Section<Table> | null {
  const { lang } = opts;
  const w = words(lang);
  const budget = report.budget.filter((b) => b.area === area);
  if (budget.length === 0) return null;
  // Each column in one unit: `--amount-unit`'s, else its own (tkr where mnkr would show a small amount as nothing).
  const column = (pick: (b: BudgetRow) => number | null, signed = false) => {
    const values = budget.map(pick);
    const unit = opts.briefUnit ?? columnUnit(values);
    return values.map((v) => (v === null ? '' : formatAmount(v, unit, lang, signed)));
  };
  // After December the year is closed: the year's budget and outcome, and no forecast columns.
  const closed = budget.every((b) => b.period.endsWith('-12'));
  // How the forecast moved since the follow-up before, as its deviation moves (plus is better).
  const followUps = followUpMonths(report.budget);
  const moved = (b: BudgetRow) => {
    const before = previousForecast(b, followUps);
    return before === undefined ? null : { period: before.period, by: before.forecast - b.forecast! };
  };
  // The column is named by the follow-up before the latest lines' month (lines behind come last).
  const latestFirst = [...budget].sort((x, y) => comparePeriods(y.period, x.period));
  const since = closed ? undefined : latestFirst.map(moved).find((m) => m !== null)?.period;
  // A line behind the others moved since an earlier month than the column names: not shown under it.
  const movedSince = (b: BudgetRow) => {
    const m = moved(b);
    return m !== null && m.period === since ? m.by : null;
  };
  const forecastCells = <T>(cells: T[]) => (closed ? [] : cells);
  const [budgetYtd, actualYtd, budgetYear, forecast] = [column((b) => b.budgetYtd), column((b) => b.actualYtd), column((b) => b.budgetYear), column((b) => b.forecast)];
  const [forecastDeviation, change] = [column((b) => b.forecastDeviation, true), column(movedSince, true)];
  const thresholds = report.settings.budgetThresholds;
  // What the colours mean, with the config's thresholds: a reader cannot tell why -0,3 % is yellow.
  const note = budget.some((b) => b.status !== null) ? budgetStatusNote(thresholds, lang, closed, anyFinerDeviation(budget, thresholds)) : undefined;
  return {
    heading: `${w.budget} (${budgetHeading(report, budget, lang)})`,
    body: {
      head: [
        w.activity, closed ? w.budgetYear : w.briefBudgetYtd, closed ? w.outcomeForYear : w.briefActualYtd, w.briefDeviationPct,
        ...forecastCells([w.budgetYear, w.forecastYear, w.forecastDeviation, ...(since ? [w.forecastChange(monthName(since, lang))] : [])]), w.statusHeader,
      ],
      rows: budget.map((b, i) => [
        cell(budgetLabel(report, b, lang) + budgetPeriodNote(b, budget, lang), { strong: b.total }),
        cell(budgetYtd[i]!),
        cell(actualYtd[i]!),
        cell(b.deviationPct === null ? '' : deviationText(b.deviationPct, thresholds, lang, b.status ?? undefined)),
        ...forecastCells([cell(budgetYear[i]!), cell(forecast[i]!), cell(forecastDeviation[i]!), ...(since ? [cell(change[i]!)] : [])]),
        cell(b.status ? w.status[b.status] : ''),
      ]),
    },
    ...(note === undefined ? {} : { note }),
  };
}

/** "Siffrorna gäller ekonomin till och med 31 oktober 2025 och kvaliteten 2025." */
function asOf(report: Report, area: string, lang: Lang): string | null {
  const budget = report.budget.filter((b) => b.area === area);
  const latest = budget.reduce<string | null>((a, b) => (a === null || b.period > a ? b.period : a), null);
  const survey = latestQuality(report, area).length > 0 ? report.period.survey : null;
  if (latest === null && survey === null) return null;
  return phrases(lang).asOf(latest === null ? null : formatMonthEnd(latest, lang), survey);
}

/** The result line's runs as cells: the label strong, the rest one plain cell. */
function resultCells(report: Report, area: string, lang: Lang, unit: AmountUnit | undefined): Cell[] | null {
  const runs = resultRuns(report, area, lang, unit);
  if (!runs) return null;
  const out: Cell[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (run.strong) out.push(cell(run.text, { strong: true }));
    else if (last && !last.strong) last.text += run.text;
    else out.push(cell(run.text));
  }
  return out;
}

function allocationSection(report: Report, { lang, briefUnit }: RenderOptions): Section<Table> | null {
  const w = words(lang);
  const a = report.allocation;
  if (!a) return null;
  const unit = briefUnit ?? columnUnit(a.members.map((m) => m.actualYtd));
  return {
    // Its month said where it is not the brief's (the shared costs' file behind the others').
    heading: a.period === report.period.budget ? w.allocation : `${w.allocation} (${formatPeriod(a.period, lang)})`,
    body: {
      head: [w.member, w.share, w.briefActualYtd, w.perInhabitant],
      rows: a.members.map((m) => [
        cell(areaName(report, m.area)),
        cell(formatPct(m.sharePct, lang)),
        cell(m.actualYtd === null ? '' : formatAmount(m.actualYtd, unit, lang)),
        cell(m.actualPerInhabitant === null ? '' : formatNumber(m.actualPerInhabitant, 0, lang)),
      ]),
    },
    note: phrases(lang).allocationKeyNote({
      method: a.method, equalPercent: a.equalPercent === null ? null : formatNumber(a.equalPercent, decimalsOf(a.equalPercent), lang),
      usageYear: a.usageYear, measure: a.members.find((m) => m.usageMeasure !== null)?.usageMeasure ?? null,
      populationYear: a.populationYear, perInhabitant: a.members.some((m) => m.actualPerInhabitant !== null),
    }),
  };
}

/**
 * The short method note every brief ends with, saying only what applies to this brief: how survey
 * results are hidden (where it has survey results), what the uncertainty and a trend are (where it
 * shows them), what a budget deviation's sign means (where it has a budget), and its sources by
 * file name.
 */
export function methodNote(report: Report, area: string, lang: Lang): string[] {
  const p = phrases(lang);
  const rows = areaQuality(report, area);
  const latest = latestQuality(report, area);
  const sources = briefSources(report, area);
  const budget = report.budget.filter((b) => b.area === area);
  const kolada = report.inputs.some((i) => sources.includes(i.file) && i.format?.startsWith('kolada'));
  return [
    ...(rows.some((q) => q.n !== null || q.suppressed || q.incomplete) ? [p.methodShares(report.settings.minRespondents)] : []),
    ...(latest.some((q) => q.n !== null) ? [p.methodUncertainty(formatNumber(report.settings.alpha * 100, decimalsOf(report.settings.alpha * 100), lang))] : []),
    ...(latest.some((q) => q.trend !== null) ? [p.methodTrend] : []),
    ...([...latest, ...outdatedQuality(report, area)].some((q) => q.gender === 'T' && seriesBreak(report, q) !== null) ? [p.seriesBreakNote] : []),
    ...(budget.length > 0 ? [p.deviationMeaning(budget.some((b) => !b.period.endsWith('-12') && b.forecast !== null))] : []),
    ...financingNote(report, area, lang),
    ...(sources.length > 0 ? [p.sources(sources.map(fileName).join(', '))] : []),
    ...(kolada ? attributionLines(report, lang) : []),
  ];
}

/** The lines a result counts that are no activities, named: the activities' total leaves them out. */
function financingNote(report: Report, area: string, lang: Lang): string[] {
  const r = report.results.find((x) => x.area === area);
  // A report read back from an older JSON has no lists.
  const lines = [...(r?.revenueLines ?? []), ...(r?.financialLines ?? [])];
  return lines.length === 0 ? [] : [phrases(lang).financingApart(lines.join(', '))];
}

/**
 * What the method note says about these data: that values given without n carry no uncertainty
 * (so no interval and no test), and every warning and every kind of row left out, in plain words:
 * those of this brief's files and of files no brief draws on, each file by its name.
 */
export function dataNotes(report: Report, area: string, lang: Lang): string[] {
  const out: string[] = [];
  const year = report.period.survey;
  if (year !== null && latestQuality(report, area).some((q) => olderPeriod(report, q) !== null)) out.push(words(lang).olderNote(year, report.settings.window));
  if (areaQuality(report, area).some((q) => q.value !== null && q.n === null)) out.push(phrases(lang).noUncertaintyWithoutN);
  const own = new Set(briefSources(report, area));
  const others = feedingFiles(report);
  // The shared costs' split is the organisation's section: what its key assumed is said there only.
  const isOrg = isOrganisation(report, area);
  // A service left out of quality beside cost is named under that area's table: only its brief
  // says so (the finding, of the config, names no file another brief could be told apart by).
  const leftOutHere = (report.qualityBesideCostLeftOut ?? []).some((q) => q.area === area);
  const sectionElsewhere = (code: string) => (code.startsWith('allocation-') && !isOrg) || (code === 'beside-cost-no-headline' && !leftOutHere);
  const findings = report.findings.filter((f) => (own.has(f.file) || !others.has(f.file)) && !sectionElsewhere(f.code)).map((f) => ({ ...f, file: fileName(f.file) }));
  return [...out, ...findingNotes(findings, lang)];
}

const feeding = new WeakMap<Report, Set<string>>();

/** Every file some brief draws on (quality rows' sources, budget files with lines). */
function feedingFiles(report: Report): Set<string> {
  let files = feeding.get(report);
  if (files === undefined) {
    files = new Set(report.inputs.filter((i) => (i.areas?.length ?? 0) > 0).map((i) => i.file));
    for (const q of report.quality) for (const s of q.sources) files.add(s.file);
    feeding.set(report, files);
  }
  return files;
}

/** The brief's years of balance and milestones, both in their own modules' words. */
function historySections(report: Report, area: string, lang: Lang, unit: AmountUnit | undefined): Pick<Brief, 'history' | 'milestones'> {
  const h = historyView(report, area, lang, unit ?? 'mnkr');
  return { history: h && { heading: h.heading, body: { sentences: h.sentences, lines: h.lines, years: h.years } }, milestones: milestoneView(report, area, lang) };
}
