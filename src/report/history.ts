import type { BalanceHistory, BalanceYear, Milestone, Report } from '../model/report.js';
import { formatAmount, formatDiff, formatNumber, formatPct, formatPeriod, shownDifference, sparkline, type AmountUnit, type Lang } from './format.js';
import { comparePeriods, periodYear } from '../model/period.js';
import type { QualityRow } from '../model/report.js';
import { areaName, indicatorName, isOrganisation, indicatorUnit, seriesQuality, seriesValues } from './view.js';
import { words } from './words.js';
import { historyWords } from './history-words.js';
import { phrases } from './phrases.js';

/** A cell and a table as the brief has them (the same shape; the brief imports this module). */
interface Cell {
  text: string;
  strong?: boolean;
}
interface Table {
  head: string[];
  rows: Cell[][];
}

/** An area's years of balance as a brief and the table show them: sentences first, then the lines and the headline line's years. */
export interface HistoryView {
  heading: string;
  sentences: string[];
  lines: Table;
  years: Table;
}

/** Fewer complete years than this make no history section: one closed year is last year, not a history. */
const MIN_SHOWN_YEARS = 2;

const complete = (h: BalanceHistory) => h.years.filter((y) => y.deviationPct !== null).length;

/** The area's lines with at least two complete years, in report order. */
export function shownHistory(report: Report, area: string): BalanceHistory[] {
  return report.balanceHistory.filter((h) => h.area === area && complete(h) >= MIN_SHOWN_YEARS);
}

/** The line a brief speaks of: the area's total, else its only line. */
function headline(lines: readonly BalanceHistory[]): BalanceHistory | undefined {
  return lines.find((h) => h.total) ?? (lines.length === 1 ? lines[0] : undefined);
}

/** `+1,2 %` (better than budget) or `-0,4 %`, as the budget table writes a deviation. */
function signedPct(v: number, lang: Lang): string {
  const s = formatPct(v, lang);
  return v > 0 && /[1-9]/.test(s) ? `+${s}` : s;
}

/** "1,2 % under budget", "0,4 % över budget", "i nivå med budget". */
function againstBudget(v: number, lang: Lang): string {
  const s = formatPct(Math.abs(v), lang);
  const w = historyWords(lang);
  return /[1-9]/.test(s) ? w.againstBudget(s, v < 0) : w.onBudget;
}

/** The years a line's history covers, as `2016–2024`. */
const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/** What stands between two years a sparkline must not join: a series break (a new question, scale or definition). A no-break space, so a table never wraps the line there. */
export const BREAK_GAP = '\u00A0';

/**
 * Where a series crosses a milestone: `|` before the milestone year's mark; where it breaks (a new
 * definition from that year, `breaks`), a gap: the years before and after measure different
 * things, so the line is not drawn through. Both only inside the series.
 * @example markedSparkline([1, 2, 3, 4], 2019, [2021]) // '▁▃|▆█'
 * @example markedSparkline([1, 2, 3, 4], 2019, [], [2021]) // '▁▃ ▆█' (a no-break space)
 */
export function markedSparkline(values: readonly (number | null)[], firstYear: number, milestones: readonly number[], breaks: readonly number[] = []): string {
  const line = sparkline(values);
  if (line === '') return line;
  const chars = [...line];
  const marks = [...milestones.map((year) => ({ year, mark: '|' })), ...breaks.map((year) => ({ year, mark: BREAK_GAP }))];
  for (const { year, mark } of marks.sort((a, b) => b.year - a.year)) {
    const i = year - firstYear;
    if (i > 0 && i < chars.length) chars.splice(i, 0, mark);
  }
  return chars.join('');
}

/**
 * The year a row's series starts anew, as far as the report shows it: its trend is of the segment
 * after the latest break (a declared one, or a question's new answer scale), so a trend starting
 * after the series' first shown year means a break there. Earlier breaks are not in the report.
 */
export function seriesBreak(report: Report, q: QualityRow): number | null {
  if (q.trend === null) return null;
  const shown = seriesQuality(report, q.area, q.indicator, q.service, q.gender).filter((r) => r.value !== null && comparePeriods(r.period, q.period) <= 0);
  const first = shown.length === 0 ? undefined : Math.min(...shown.map((r) => periodYear(r.period)));
  const from = periodYear(q.trend.from);
  return first !== undefined && from > first ? from : null;
}

/**
 * A quality row's sparkline: a gap at its series break, and the config's milestones marked
 * (`milestones: false` for a series no longer current, as the tables list it).
 */
export function qualitySparkline(report: Report, q: QualityRow, milestones = true): string {
  const values = seriesValues(report, q);
  const at = seriesBreak(report, q);
  const marks = milestones ? milestoneYears(report) : [];
  if (marks.length === 0 && at === null) return sparkline(values);
  const years = seriesQuality(report, q.area, q.indicator, q.service, q.gender).filter((r) => comparePeriods(r.period, q.period) <= 0).map((r) => periodYear(r.period));
  return markedSparkline(values, Math.min(...years), marks, at === null ? [] : [at]);
}

/** The years of the milestones in the config. */
export function milestoneYears(report: Report): number[] {
  return report.milestones.map((m) => Number(m.period));
}

/** How a year without figures is shown. */
function missingText(y: BalanceYear, report: Report, lang: Lang): string {
  const w = historyWords(lang);
  if (y.missing === 'months-missing') {
    return w.monthsMissing(y.missingMonths.map((m) => formatPeriod(`${y.year}-${String(m).padStart(2, '0')}`, lang).split(' ')[0]).join(', '));
  }
  if (y.missing === 'parts-missing') return w.partsMissing(y.missingParts.map((p) => (/^\d{4}$/.test(p) ? areaName(report, p) : p)).join(words(lang).and));
  const last = y.missingMonths[0] ?? 0;
  if (last === 0) return w.noFigures;
  return w.notClosed(formatPeriod(`${y.year}-${String(last).padStart(2, '0')}`, lang));
}

/** How the report year is named by what it rests on. */
function currentLabel(c: NonNullable<BalanceHistory['current']>, lang: Lang): string {
  const year = c.period.slice(0, 4);
  return `${year} (${historyWords(lang).basis[c.basis]})`;
}

/**
 * The sentence on how the report year compares with the years before, for the headline line: a
 * closed year by its outcome, a year under way by its forecast (else its year to date), against the
 * mean, range and count of deficits of the complete years before; then the trend, when it is clear.
 */
export function historySentences(report: Report, h: BalanceHistory, lang: Lang): string[] {
  const w = historyWords(lang);
  const out: string[] = [];
  const what = h.total ? phrases(lang).theServices : h.activity;
  const where = w.where(what, isOrganisation(report, h.area) ? phrases(lang).sharedOrganisation : areaName(report, h.area));
  const p = h.previous;
  const c = h.current;
  if (c !== null && c.deviationPct !== null) {
    const year = c.period.slice(0, 4);
    const against = againstBudget(c.deviationPct, lang);
    const now = c.basis === 'outcome'
      ? w.ended(where, year, against)
      : c.basis === 'forecast'
        ? w.forecastToEnd({ where, plural: h.total, year, against })
        : w.soFar({ where, plural: h.total, year, month: formatPeriod(c.period, lang), against });
    if (p !== null) {
      const one = p.years === 1;
      out.push(w.yearsBefore({
        now, one, years: one ? p.from : span(p.from, p.to), mean: againstBudget(p.mean, lang),
        range: one ? '' : w.range(againstBudget(p.min, lang), againstBudget(p.max, lang)),
        count: one ? '' : w.overBudgetCount(p.overBudget, p.years),
      }));
    } else {
      out.push(`${now}.`);
    }
  }
  // A line with no complete year has no trend to word: the incomplete years are named below.
  const t = h.trend;
  if (t?.verdict === 'improving' || t?.verdict === 'worsening') out.push(w.clearTrend(t.verdict === 'improving', `${t.from}–${t.to}`));
  else if (t?.verdict === 'no-clear-trend') out.push(w.noClearTrend(`${t.from}–${t.to}`));
  const incomplete = h.years.filter((y) => y.missing !== null).map((y) => y.year);
  if (incomplete.length > 0) out.push(w.incompleteYears(incomplete));
  return out;
}

/** An area's years of balance for a brief or the table; null when no line has two complete years. */
export function historyView(report: Report, area: string, lang: Lang, unit: AmountUnit): HistoryView | null {
  const lines = shownHistory(report, area);
  if (lines.length === 0) return null;
  const w = words(lang);
  const hw = historyWords(lang);
  const marks = milestoneYears(report);
  const first = lines.reduce((a, h) => (h.years[0]!.year < a ? h.years[0]!.year : a), lines[0]!.years[0]!.year);
  const last = lines.reduce((a, h) => (h.years.at(-1)!.year > a ? h.years.at(-1)!.year : a), lines[0]!.years.at(-1)!.year);
  const current = lines.find((h) => h.current !== null)?.current;
  const main = headline(lines);
  const rows: Cell[][] = lines.map((h) => {
    const p = h.previous;
    const done = complete(h);
    const strong = h.total;
    return [
      { text: h.total ? w.total : h.activity, strong },
      { text: `${span(h.years[0]!.year, h.years.at(-1)!.year)}${done < h.years.length ? ` (${hw.of(done, h.years.length)})` : ''}` },
      { text: p === null ? '' : signedPct(p.mean, lang) },
      { text: p === null || p.years < 2 ? '' : `${signedPct(p.min, lang)} – ${signedPct(p.max, lang)}` },
      { text: p === null ? '' : hw.of(p.overBudget, p.years) },
      { text: h.current?.deviationPct == null ? '' : signedPct(h.current.deviationPct, lang) },
      { text: h.trend === null ? '' : w.verdict[h.trend.verdict] },
      { text: markedSparkline(h.years.map((y) => y.deviationPct), Number(h.years[0]!.year), marks) },
    ];
  });
  const years: Cell[][] = (main?.years ?? []).map((y) => y.missing !== null
    ? [{ text: y.year }, { text: missingText(y, report, lang) }, { text: '' }, { text: '' }, { text: '' }]
    : [
      { text: y.year },
      { text: y.budget === null ? '' : formatAmount(y.budget, unit, lang) },
      { text: y.outcome === null ? '' : formatAmount(y.outcome, unit, lang) },
      { text: y.deviation === null ? '' : formatAmount(y.deviation, unit, lang, true) },
      { text: y.deviationPct === null ? '' : signedPct(y.deviationPct, lang) },
    ]);
  const before = lines.find((h) => h.previous !== null)?.previous;
  return {
    heading: hw.heading(span(first, last)),
    sentences: main ? historySentences(report, main, lang) : [],
    lines: {
      head: [
        w.activity, hw.linesHead.years, hw.linesHead.mean, hw.linesHead.range, hw.linesHead.overBudget,
        current ? currentLabel(current, lang) : hw.linesHead.thisYear, w.trend, w.series,
      ].map((t, i) => (i >= 2 && i <= 4 && before ? `${t} ${span(before.from, before.to)}` : t)),
      rows,
    },
    years: {
      head: [hw.yearsHead.year, hw.yearsHead.budgetYear, hw.yearsHead.outcome, w.deviation, w.deviationPct].map((t, i) => (i === 0 && main ? `${t} (${main.total ? w.total.toLowerCase() : main.activity})` : t)),
      rows: years,
    },
  };
}

/** What a brief says of each milestone for one area: the level before and after, quality and balance. */
export function milestoneView(report: Report, area: string, lang: Lang): { heading: string; body: string[] } | null {
  const body: string[] = [];
  for (const m of report.milestones) {
    const lines = [...qualityLines(report, m, area, lang), ...balanceLines(report, m, area, lang)];
    if (lines.length === 0) continue;
    body.push(`${m.label} (${m.period}): ${lines.join('; ')}.`);
  }
  if (body.length === 0) return null;
  return { heading: historyWords(lang).milestonesHeading, body };
}

function qualityLines(report: Report, m: Milestone, area: string, lang: Lang): string[] {
  const w = historyWords(lang);
  return m.quality.filter((q) => q.area === area).map((q) => {
    const unit = indicatorUnit(report, q.indicator);
    const decimals = unit === '%' ? 0 : 1;
    const v = (x: number) => (unit === '%' ? formatPct(x, lang, decimals) : formatNumber(x, decimals, lang));
    const title = `${indicatorName(report, q.indicator, lang)}${q.service ? ` (${q.service})` : ''}`;
    const test = q.p === null ? w.notTested : q.significant ? w.significant : w.notSignificant;
    const level = w.beforeAfter({ what: title, before: v(q.before.mean), beforeSpan: span(q.before.from, q.before.to), after: v(q.after.mean), afterSpan: span(q.after.from, q.after.to) });
    // The difference of the two means as shown, so the three figures add up (the JSON keeps the exact one).
    return `${level} (${formatDiff(shownDifference(q.after.mean, q.before.mean, decimals), unit, lang, decimals)}, ${test})`;
  });
}

function balanceLines(report: Report, m: Milestone, area: string, lang: Lang): string[] {
  const w = historyWords(lang);
  const mine = m.balance.filter((b) => b.area === area);
  const shown = mine.find((b) => b.total) ?? (mine.length === 1 ? mine[0] : undefined);
  if (shown === undefined) return [];
  const what = shown.total ? w.yearEndDeviation : w.yearEndDeviationFor(shown.activity);
  return [w.beforeAfter({ what, before: signedPct(shown.before.mean, lang), beforeSpan: span(shown.before.from, shown.before.to), after: signedPct(shown.after.mean, lang), afterSpan: span(shown.after.from, shown.after.to) })];
}

/** The milestone sentence a method note carries: what a milestone is, when the config has any. */
export function milestoneMethod(report: Report, lang: Lang): string[] {
  if (report.milestones.length === 0) return [];
  return [historyWords(lang).milestoneMethod];
}
