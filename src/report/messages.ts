import type { BudgetRow, QualityRow, Report } from '../model/report.js';
import type { StatusThresholds } from '../model/budget-status.js';
import type { Lang } from '../model/vocabulary.js';
import { decimalsOf, distinctValues, formatAmount, formatAmountIn, formatNumber, formatPct, formatValue, monthName, shownNumber } from './format.js';
import { phrases } from './phrases.js';
import { words } from './words.js';
import { areaName, briefSources, budgetLabel, isOrganisation, referenceKind, regionName, indicatorName, indicatorUnit, latestQuality, olderPeriod, seriesQuality, statusWhy, type RenderOptions } from './view.js';
import { followUpMonths, previousForecast } from './brief-budget.js';
import { signSense } from '../model/activities.js';
import { normalizeLabel } from '../model/text.js';
import { deviationDecimals } from './deviation-text.js';

/** Lower-case service in running Swedish/English text: "hemtjänsten", "home care". */
function serviceDefinite(service: string, lang: Lang): string {
  // A qualifier in brackets ("(endast Mellerud)") keeps its case and follows the inflected noun.
  const bracket = service.indexOf(' (');
  if (bracket > 0) return `${serviceDefinite(service.slice(0, bracket), lang)}${service.slice(bracket)}`;
  return phrases(lang).serviceDefinite(service);
}

/** How running text names an area: the municipality, or "the shared organisation". */
function nameInText(report: Report, area: string, lang: Lang): string {
  if (report.areas.find((a) => a.code === area)?.kind !== 'organisation') return areaName(report, area);
  return phrases(lang).sharedOrganisation;
}

function qualityMessages(report: Report, area: string, opts: RenderOptions): { weight: number; text: string }[] {
  const { lang } = opts;
  const p = phrases(lang);
  const name = nameInText(report, area, lang);
  const out: { weight: number; text: string }[] = [];
  const rows = latestQuality(report, area).filter((q) => q.gender === 'T' && q.value !== null);
  for (const q of rows) {
    const title = indicatorName(report, q.indicator, lang).toLowerCase();
    const unit = indicatorUnit(report, q.indicator);
    const v = (x: number) => formatValue(x, unit, lang, 0);
    // "inom hemtjänsten i Mellerud", or just "i Mellerud" for an indicator with no service.
    const where = q.service === '' ? p.inArea(name) : p.inServiceInArea(serviceDefinite(q.service, lang), name);
    // A row older than the report year is its latest available: said beside its value.
    const older = olderPeriod(report, q);
    const at = older === null ? '' : `${words(lang).latestAvailable}: ${older}`;
    const t = q.trend;
    if (t && (t.verdict === 'improving' || t.verdict === 'worsening')) {
      const first = seriesQuality(report, q.area, q.indicator, q.service, 'T').find((r) => r.period === t.from && r.value !== null);
      const from = first?.value ?? undefined;
      // The verb follows the numbers, the judgement follows the indicator's better direction.
      const up = from !== undefined ? q.value! > from : (t.theilSenSlope ?? 0) > 0;
      const [fromText, toText] = from === undefined ? [undefined, v(q.value!)] : distinctValues(from, q.value!, unit, lang, 0);
      out.push({ weight: 3, text: p.trendClear({ title, where, up, from: fromText, to: toText, at, since: t.from, good: t.verdict === 'improving' }) });
    } else if (q.change?.significant) {
      const [fromText, toText] = distinctValues(q.change.fromValue, q.value!, unit, lang, 0);
      out.push({ weight: 2, text: p.changeSignificant({ title, where, up: q.change.differencePp > 0, from: fromText, fromPeriod: q.change.from, to: toText, period: q.period }) });
    }
    // A status short of green where the committee set a target says why, and names the target.
    const spec = report.indicators.find((i) => i.id === q.indicator);
    const why = statusWhy(report, q, lang);
    if (spec?.target != null && q.status !== null && q.status !== 'green' && why !== null) {
      out.push({ weight: 2.2, text: p.statusMessage({ title, where, value: v(q.value!), status: words(lang).statusWord[q.status], why }) });
    }
    if (q.reference?.significant && q.indicator === report.indicators[0]?.id) {
      const [valueText, nationText] = distinctValues(q.value!, q.reference.value, unit, lang, 0);
      out.push({ weight: 1, text: p.versusNation({ title, where, value: valueText, at, nation: nationText, above: q.reference.differencePp > 0, ...(referenceKind(report, q) === 'region' ? { region: regionName(report, q.reference.area) } : {}) }) });
    }
  }
  return out;
}

/**
 * A deviation in a sentence, unsigned (the sentence says over or under): as many decimals as the
 * budget table shows, so it says the colour's side of the threshold too; where no few decimals can
 * (a deviation of kronor), "drygt 2 %" as the table's "strax under −2 %".
 */
/** A deviation's size in words; null where it shows as zero (on budget, no side to say). */
function deviationWords(pct: number, status: BudgetRow['status'], t: StatusThresholds, lang: Lang): string | null {
  const decimals = status === null ? 1 : deviationDecimals(pct, status, t);
  if (decimals !== undefined) return shownNumber(Math.abs(pct), decimals) === 0 ? null : formatPct(Math.abs(pct), lang, decimals);
  const limit = status === 'red' ? t.redBelow : t.yellowBelow;
  return phrases(lang).nearLimit(limit === 0 ? null : formatPct(Math.abs(limit), lang, decimalsOf(limit)), pct < 0);
}

function budgetMessage(report: Report, b: BudgetRow, name: string, opts: RenderOptions): string | undefined {
  const { lang } = opts;
  const p = phrases(lang);
  const what = b.total ? p.theServices : cap(serviceDefinite(budgetLabel(report, b, lang), lang));
  if (b.periodNote === 'no-common-month') return p.cannotSum(what, name);
  // An income line (`Verksamhetens intäkter`) is better above budget: the words of costs ("under
  // budget") would say the opposite of its status; the table shows it.
  if (!b.total && signSense(normalizeLabel(b.activity)) === 'income') return undefined;
  if (b.deviationPct === null) return undefined;
  const over = b.deviationPct < 0;
  // A deviation that shows as zero is on budget: "0,0 % under budget" says a side it has not.
  const deviation = deviationWords(b.deviationPct, b.status, report.settings.budgetThresholds, lang);
  // After December the year is closed: its outcome is said, and no forecast.
  if (b.period.endsWith('-12') && b.periodNote === null) return p.closedYear({ what, name, deviation, over, year: b.period.slice(0, 4) });
  let text = p.budgetDeviation({ what, name, plural: b.total, deviation, over, month: monthName(b.period, lang) });
  // A sum at an earlier month than some of its parts says so (they do not share a later one).
  if (b.periodNote === 'common-month') text += p.atCommonMonth;
  if (b.forecastDeviation !== null && Math.abs(b.forecastDeviation) >= 500) {
    text += p.forecastPoints(b.forecastDeviation < 0, formatAmountIn(Math.abs(b.forecastDeviation), opts.briefUnit, lang));
    if (b.forecast !== null && b.budgetYear !== null) text += p.forecastLevel(formatAmount(b.forecast, opts.briefUnit ?? 'mnkr', lang), formatAmount(b.budgetYear, opts.briefUnit ?? 'mnkr', lang));
  }
  const before = previousForecast(b, followUpMonths(report.budget));
  if (before !== undefined) {
    // Moves that round to nothing even in tkr are no move to a reader.
    const by = before.forecast - b.forecast!;
    const shown = formatAmountIn(Math.abs(by), opts.briefUnit, lang);
    text += /[1-9]/.test(shown) ? p.forecastMoved(by > 0, shown, monthName(before.period, lang)) : p.forecastUnchanged(monthName(before.period, lang));
  }
  if (b.forecastOptimistic) text += p.forecastOptimistic;
  return `${text}.`;
}

/**
 * 3–6 key messages for a brief, most important first: clear trends, significant changes, the
 * budget total, red activities, differences from the national level. Only changes that pass the
 * significance test are called changes; when nothing does, the brief says so.
 */
export function keyMessages(report: Report, area: string, opts: RenderOptions): string[] {
  const { lang } = opts;
  const p = phrases(lang);
  const name = nameInText(report, area, lang);
  const budget = report.budget.filter((b) => b.area === area);
  const items = qualityMessages(report, area, opts);
  const total = budget.find((b) => b.total) ?? (budget.length === 1 ? budget[0] : undefined);
  if (total) {
    const text = budgetMessage(report, total, name, opts);
    if (text) items.push({ weight: 2.5, text });
  }
  // An area's only line stands for its total above: not said twice.
  for (const b of budget.filter((r) => !r.total && r !== total && r.status === 'red').sort((a, b) => (a.deviationPct ?? 0) - (b.deviationPct ?? 0))) {
    const text = budgetMessage(report, b, name, opts);
    if (text) items.push({ weight: 2.4, text });
  }
  items.sort((a, b) => b.weight - a.weight);
  const out = items.slice(0, 6).map((i) => i.text);
  const shown = latestQuality(report, area).filter((q) => q.value !== null);
  if (shown.length > 0 && !items.some((i) => i.weight === 3 || i.weight === 2)) out.push(noChangeMessage(shown, name, lang));
  // Fewer than three signals: say plainly where things stand, never inventing a change.
  for (const text of factualMessages(report, area, opts)) {
    if (out.length >= 3) break;
    // An area's only line is also its total: said once.
    if (out.includes(text)) continue;
    out.push(text);
  }
  // A result left out because answers in it were rejected is said first: a reader must not take a
  // missing figure for a small one.
  const incomplete = latestQuality(report, area).filter((q) => q.incomplete).length;
  if (incomplete > 0) out.unshift(p.incompleteResults(incomplete));
  // Amounts implausible in the unit they were read in (`unit-implausible`) are said first too: each
  // could be a thousand times off, and a reader takes a key message at face value.
  if (budget.length > 0 && unitDoubted(report, area)) out.unshift(p.unitDoubted);
  const hidden = latestQuality(report, area).filter((q) => q.suppressed).length;
  if (out.length < 3 && hidden > 0) out.push(p.hiddenResults(hidden, report.settings.minRespondents));
  return out.slice(0, 6);
}

/** Whether a budget file the area's brief draws on has amounts implausible in their unit. */
function unitDoubted(report: Report, area: string): boolean {
  const doubted = report.findings.filter((f) => f.code === 'unit-implausible').map((f) => f.file);
  return doubted.length > 0 && briefSources(report, area).some((f) => doubted.includes(f));
}

/**
 * What a brief may say when nothing changed significantly: that differences lie within random
 * uncertainty only where a test was made (a change has a p-value only where both years have n);
 * where the source gives no n, that it gives no uncertainty, so no change could be tested.
 */
function noChangeMessage(shown: readonly QualityRow[], name: string, lang: Lang): string {
  const p = phrases(lang);
  const untested = shown.filter((q) => q.change !== null && q.change.p === null).length;
  const noneTested = shown.every((q) => q.n === null && (q.change === null || q.change.p === null));
  if (untested === 0 && !noneTested) return p.noChange(name);
  const trends = shown.filter((q) => q.trend !== null && q.trend.verdict !== 'too-few-points').length;
  if (noneTested) return p.noneTestable(name, trends > 0);
  return p.someUntested(name, untested);
}

/** Neutral facts for a thin brief: the shared-cost split, activities within limits, then headline levels with their uncertainty. */
function factualMessages(report: Report, area: string, opts: RenderOptions): string[] {
  const { lang } = opts;
  const p = phrases(lang);
  const out: string[] = [];
  const a = report.allocation;
  if (a && isOrganisation(report, area) && a.totals.actualYtd !== null) {
    const split = a.members.map((m) => `${formatPct(m.sharePct, lang, 0)} ${areaName(report, m.area)}`).join(words(lang).and);
    out.push(p.sharedCosts(formatAmount(a.totals.actualYtd, opts.briefUnit ?? 'mnkr', lang), split));
  }
  const name = nameInText(report, area, lang);
  // Activities within budget limits, largest deviation first (red ones are already key messages).
  const lines = report.budget.filter((b) => b.area === area && !b.total && b.status !== 'red' && b.deviationPct !== null);
  for (const b of lines.sort((x, y) => Math.abs(y.deviationPct!) - Math.abs(x.deviationPct!))) {
    const text = budgetMessage(report, b, name, opts);
    if (text) out.push(text);
  }
  const headline = report.indicators[0]?.id;
  for (const q of latestQuality(report, area)) {
    if (q.indicator !== headline || q.gender !== 'T' || q.value === null || q.low === null || q.high === null) continue;
    const title = indicatorName(report, q.indicator, lang).toLowerCase();
    out.push(p.headlineLevel({ title, service: serviceDefinite(q.service, lang), name, value: formatPct(q.value, lang, 0), low: formatNumber(q.low, 0, lang), high: formatPct(q.high, lang, 0), period: q.period }));
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
