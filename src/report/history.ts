import type { BalanceHistory, BalanceYear, Milestone, Report } from '../model/report.js';
import { formatAmount, formatDiff, formatNumber, formatPct, formatPeriod, sparkline, type AmountUnit, type Lang } from './format.js';
import { periodYear } from '../model/period.js';
import type { QualityRow } from '../model/report.js';
import { areaName, indicatorTitle, indicatorUnit, seriesQuality, seriesValues } from './view.js';
import { words } from './words.js';

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
  if (!/[1-9]/.test(s)) return lang === 'sv' ? 'i nivå med budget' : 'on budget';
  return lang === 'sv' ? `${s} ${v < 0 ? 'över' : 'under'} budget` : `${s} ${v < 0 ? 'over' : 'under'} budget`;
}

/** The years a line's history covers, as `2016–2024`. */
const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/** Where a series crosses a milestone: `|` before the milestone year's mark (only inside the series). */
export function markedSparkline(values: readonly (number | null)[], firstYear: number, milestones: readonly number[]): string {
  const line = sparkline(values);
  if (line === '') return line;
  const chars = [...line];
  for (const at of [...milestones].sort((a, b) => b - a)) {
    const i = at - firstYear;
    if (i > 0 && i < chars.length) chars.splice(i, 0, '|');
  }
  return chars.join('');
}

/** A quality row's sparkline, with the config's milestones marked (the plain sparkline when there are none). */
export function qualitySparkline(report: Report, q: QualityRow): string {
  const values = seriesValues(report, q);
  if (report.milestones.length === 0) return sparkline(values);
  const years = seriesQuality(report, q.area, q.indicator, q.service, q.gender).map((r) => periodYear(r.period));
  return markedSparkline(values, Math.min(...years), milestoneYears(report));
}

/** The years of the milestones in the config. */
export function milestoneYears(report: Report): number[] {
  return report.milestones.map((m) => Number(m.period));
}

/** How a year without figures is shown. */
function missingText(y: BalanceYear, report: Report, lang: Lang): string {
  const sv = lang === 'sv';
  if (y.missing === 'months-missing') {
    const months = y.missingMonths.map((m) => formatPeriod(`${y.year}-${String(m).padStart(2, '0')}`, lang).split(' ')[0]).join(', ');
    return sv ? `ofullständigt år: ${months} saknas` : `incomplete year: ${months} missing`;
  }
  if (y.missing === 'parts-missing') {
    const names = y.missingParts.map((p) => (/^\d{4}$/.test(p) ? areaName(report, p) : p)).join(sv ? ' och ' : ' and ');
    return sv ? `ofullständigt år: ${names} saknas` : `incomplete year: ${names} missing`;
  }
  const last = y.missingMonths[0] ?? 0;
  if (last === 0) return sv ? 'inga siffror' : 'no figures';
  const month = formatPeriod(`${y.year}-${String(last).padStart(2, '0')}`, lang);
  return sv ? `inte avslutat (siffror t.o.m. ${month})` : `not closed (figures up to ${month})`;
}

/** How the report year is named by what it rests on. */
function currentLabel(c: NonNullable<BalanceHistory['current']>, lang: Lang): string {
  const year = c.period.slice(0, 4);
  const basis = lang === 'sv' ? { outcome: 'utfall', forecast: 'prognos', 'year-to-date': 'hittills' } : { outcome: 'outcome', forecast: 'forecast', 'year-to-date': 'to date' };
  return `${year} (${basis[c.basis]})`;
}

/**
 * The sentence on how the report year compares with the years before, for the headline line: a
 * closed year by its outcome, a year under way by its forecast (else its year to date), against the
 * mean, range and count of deficits of the complete years before; then the trend, when it is clear.
 */
export function historySentences(report: Report, h: BalanceHistory, lang: Lang): string[] {
  const sv = lang === 'sv';
  const out: string[] = [];
  const what = h.total ? (sv ? 'Verksamheterna' : 'The services') : h.activity;
  const where = `${what} ${sv ? 'i' : 'in'} ${report.areas.find((a) => a.code === h.area)?.kind === 'organisation' ? (sv ? 'den gemensamma organisationen' : 'the shared organisation') : areaName(report, h.area)}`;
  const p = h.previous;
  const c = h.current;
  if (c !== null && c.deviationPct !== null) {
    const year = c.period.slice(0, 4);
    const now = c.basis === 'outcome'
      ? (sv ? `${where} slutade ${year} ${againstBudget(c.deviationPct, lang)} (utfall för året)` : `${where} ended ${year} ${againstBudget(c.deviationPct, lang)} (outcome for the year)`)
      : c.basis === 'forecast'
        ? (sv ? `${where} väntas enligt prognosen sluta ${year} ${againstBudget(c.deviationPct, lang)}` : `${where} ${h.total ? 'are' : 'is'} forecast to end ${year} ${againstBudget(c.deviationPct, lang)}`)
        : (sv ? `${where} ligger hittills ${year} (efter ${formatPeriod(c.period, lang)}) ${againstBudget(c.deviationPct, lang)}` : `${where} ${h.total ? 'are' : 'is'} ${againstBudget(c.deviationPct, lang)} so far in ${year} (after ${formatPeriod(c.period, lang)})`);
    if (p !== null) {
      const years = p.years === 1 ? p.from : span(p.from, p.to);
      const range = p.years === 1 ? '' : sv ? ` (som sämst ${againstBudget(p.min, lang)}, som bäst ${againstBudget(p.max, lang)})` : ` (at worst ${againstBudget(p.min, lang)}, at best ${againstBudget(p.max, lang)})`;
      const count = p.years === 1 ? '' : sv ? `; ${p.overBudget} av ${p.years} år slutade över budget` : `; ${p.overBudget} of ${p.years} years ended over budget`;
      out.push(sv
        ? `${now}. ${p.years === 1 ? `${years} slutade` : `Åren ${years} slutade i snitt`} ${againstBudget(p.mean, lang)}${range}${count}.`
        : `${now}. ${p.years === 1 ? `${years} ended` : `The years ${years} ended on average`} ${againstBudget(p.mean, lang)}${range}${count}.`);
    } else {
      out.push(`${now}.`);
    }
  }
  const t = h.trend;
  if (t.verdict === 'improving' || t.verdict === 'worsening') {
    const good = t.verdict === 'improving';
    out.push(sv
      ? `Avvikelsen vid årets slut har ${good ? 'förbättrats' : 'försämrats'} över åren ${t.from}–${t.to}, en tydlig trend (Mann–Kendall, minst fem år).`
      : `The year-end deviation has ${good ? 'improved' : 'worsened'} over ${t.from}–${t.to}, a clear trend (Mann–Kendall, at least five years).`);
  } else if (t.verdict === 'no-clear-trend') {
    out.push(sv ? `Avvikelsen vid årets slut visar ingen tydlig trend över åren ${t.from}–${t.to}.` : `The year-end deviation shows no clear trend over ${t.from}–${t.to}.`);
  }
  const incomplete = h.years.filter((y) => y.missing !== null).map((y) => y.year);
  if (incomplete.length > 0) {
    out.push(sv
      ? `${incomplete.join(', ')} saknar fullständiga siffror för helåret och räknas inte med i snitt och trend; inget år uppskattas.`
      : `${incomplete.join(', ')} ${incomplete.length === 1 ? 'has' : 'have'} no complete figures for the year and ${incomplete.length === 1 ? 'is' : 'are'} left out of the mean and the trend; no year is estimated.`);
  }
  return out;
}

/** An area's years of balance for a brief or the table; null when no line has two complete years. */
export function historyView(report: Report, area: string, lang: Lang, unit: AmountUnit): HistoryView | null {
  const lines = shownHistory(report, area);
  if (lines.length === 0) return null;
  const sv = lang === 'sv';
  const w = words(lang);
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
      { text: `${span(h.years[0]!.year, h.years.at(-1)!.year)}${done < h.years.length ? ` (${done} ${sv ? 'av' : 'of'} ${h.years.length})` : ''}` },
      { text: p === null ? '' : signedPct(p.mean, lang) },
      { text: p === null || p.years < 2 ? '' : `${signedPct(p.min, lang)} – ${signedPct(p.max, lang)}` },
      { text: p === null ? '' : `${p.overBudget} ${sv ? 'av' : 'of'} ${p.years}` },
      { text: h.current?.deviationPct == null ? '' : signedPct(h.current.deviationPct, lang) },
      { text: w.verdict[h.trend.verdict] },
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
    heading: sv ? `Ekonomi över åren (helår ${span(first, last)})` : `Budget over the years (full years ${span(first, last)})`,
    sentences: main ? historySentences(report, main, lang) : [],
    lines: {
      head: [
        w.activity, sv ? 'År' : 'Years', sv ? 'Snitt avv. %' : 'Mean dev. %', sv ? 'Lägst – högst' : 'Lowest – highest', sv ? 'År över budget' : 'Years over budget',
        current ? currentLabel(current, lang) : sv ? 'I år' : 'This year', w.trend, w.series,
      ].map((t, i) => (i >= 2 && i <= 4 && before ? `${t} ${span(before.from, before.to)}` : t)),
      rows,
    },
    years: {
      head: [sv ? 'År' : 'Year', sv ? 'Budget helår' : 'Annual budget', sv ? 'Utfall helår' : 'Outcome for the year', w.deviation, w.deviationPct].map((t, i) => (i === 0 && main ? `${t} (${main.total ? w.total.toLowerCase() : main.activity})` : t)),
      rows: years,
    },
  };
}

/** What a brief says of each milestone for one area: the level before and after, quality and balance. */
export function milestoneView(report: Report, area: string, lang: Lang): { heading: string; body: string[] } | null {
  const sv = lang === 'sv';
  const body: string[] = [];
  for (const m of report.milestones) {
    const lines = [...qualityLines(report, m, area, lang), ...balanceLines(report, m, area, lang)];
    if (lines.length === 0) continue;
    body.push(`${m.label} (${m.period}): ${lines.join('; ')}.`);
  }
  if (body.length === 0) return null;
  return { heading: sv ? 'Före och efter' : 'Before and after', body };
}

function qualityLines(report: Report, m: Milestone, area: string, lang: Lang): string[] {
  const sv = lang === 'sv';
  return m.quality.filter((q) => q.area === area).map((q) => {
    const unit = indicatorUnit(report, q.indicator);
    const v = (x: number) => (unit === '%' ? formatPct(x, lang, 0) : formatNumber(x, 1, lang));
    const title = `${indicatorTitle(report, q.indicator, lang)}${q.service ? ` (${q.service})` : ''}`;
    const test = q.p === null ? (sv ? 'ej prövad: inget antal svarande' : 'not tested: no number of respondents') : q.significant ? (sv ? 'statistiskt säkerställd' : 'statistically significant') : (sv ? 'inte statistiskt säkerställd' : 'not statistically significant');
    return sv
      ? `${title} i snitt ${v(q.before.mean)} ${span(q.before.from, q.before.to)} och ${v(q.after.mean)} ${span(q.after.from, q.after.to)} (${formatDiff(q.difference, unit, lang, unit === '%' ? 0 : 1)}, ${test})`
      : `${title} averaged ${v(q.before.mean)} in ${span(q.before.from, q.before.to)} and ${v(q.after.mean)} in ${span(q.after.from, q.after.to)} (${formatDiff(q.difference, unit, lang, unit === '%' ? 0 : 1)}, ${test})`;
  });
}

function balanceLines(report: Report, m: Milestone, area: string, lang: Lang): string[] {
  const sv = lang === 'sv';
  const mine = m.balance.filter((b) => b.area === area);
  const shown = mine.find((b) => b.total) ?? (mine.length === 1 ? mine[0] : undefined);
  if (shown === undefined) return [];
  const what = shown.total ? (sv ? 'budgetavvikelsen vid årets slut' : 'the year-end budget deviation') : sv ? `budgetavvikelsen vid årets slut för ${shown.activity}` : `the year-end budget deviation for ${shown.activity}`;
  return [sv
    ? `${what} i snitt ${signedPct(shown.before.mean, lang)} ${span(shown.before.from, shown.before.to)} och ${signedPct(shown.after.mean, lang)} ${span(shown.after.from, shown.after.to)}`
    : `${what} averaged ${signedPct(shown.before.mean, lang)} in ${span(shown.before.from, shown.before.to)} and ${signedPct(shown.after.mean, lang)} in ${span(shown.after.from, shown.after.to)}`];
}

/** The milestone sentence a method note carries: what a milestone is, when the config has any. */
export function milestoneMethod(report: Report, lang: Lang): string[] {
  if (report.milestones.length === 0) return [];
  return lang === 'sv'
    ? ['Före och efter en milstolpe jämförs snittet av åren före med snittet av milstolpens år och åren efter; där alla år har antal svarande prövas skillnaden med ett tvåproportionstest. Milstolpen markeras med | i serierna och som linje i diagrammen; till skillnad från ett seriebrott delar den inte trenden.']
    : ['Before and after a milestone, the mean of the years before is compared with the mean of the milestone year and the years after; where every year has a number of respondents, the difference is tested with a two-proportion test. The milestone is marked | in the series and as a line in the charts; unlike a series break, it does not cut the trend.'];
}
