import { periodYear } from '../model/period.js';
import type { BudgetRow, QualityRow, Report } from '../model/report.js';
import { formatAmount, formatNumber, formatValue, monthName } from './format.js';
import type { Lang } from '../model/vocabulary.js';
import { areaName, budgetLabel, indicatorTitle, indicatorUnit, latestQuality, seriesQuality, type RenderOptions } from './view.js';

/** Lower-case service in running Swedish/English text: "hemtjänsten", "home care". */
function serviceDefinite(service: string, lang: Lang): string {
  // A qualifier in brackets ("(endast Mellerud)") keeps its case and follows the inflected noun.
  const bracket = service.indexOf(' (');
  if (bracket > 0) return `${serviceDefinite(service.slice(0, bracket), lang)}${service.slice(bracket)}`;
  const s = service.toLowerCase();
  if (lang === 'en') return ({ hemtjänst: 'home care', 'särskilt boende': 'special housing', äldreomsorg: 'elderly care', lss: 'LSS', 'individ- och familjeomsorg': 'individual and family care' } as Record<string, string>)[s] ?? s;
  const special: Record<string, string> = { 'särskilt boende': 'det särskilda boendet', lss: 'LSS-verksamheten' };
  if (special[s]) return special[s];
  return s.endsWith('omsorg') || s.endsWith('tjänst') ? `${s}en` : s;
}

const pct = (v: number, lang: Lang) => (lang === 'sv' ? `${formatNumber(v, 0, lang)} %` : `${formatNumber(v, 0, lang)}%`);

/** How running text names an area: the municipality, or "the shared organisation". */
function nameInText(report: Report, area: string, lang: Lang): string {
  if (report.areas.find((a) => a.code === area)?.kind !== 'organisation') return areaName(report, area);
  return lang === 'sv' ? 'den gemensamma organisationen' : 'the shared organisation';
}

function qualityMessages(report: Report, area: string, opts: RenderOptions): { weight: number; text: string }[] {
  const { lang } = opts;
  const name = nameInText(report, area, lang);
  const out: { weight: number; text: string }[] = [];
  const rows = latestQuality(report, area).filter((q) => q.gender === 'T' && q.value !== null);
  for (const q of rows) {
    const title = indicatorTitle(report, q.indicator, lang).toLowerCase();
    const unit = indicatorUnit(report, q.indicator);
    const v = (x: number) => (unit === '%' ? pct(x, lang) : formatValue(x, unit, lang, 0));
    // "inom hemtjänsten i Mellerud", or just "i Mellerud" for an indicator with no service.
    const where = q.service === '' ? (lang === 'sv' ? `i ${name}` : `in ${name}`) : lang === 'sv' ? `inom ${serviceDefinite(q.service, lang)} i ${name}` : `in ${serviceDefinite(q.service, lang)} in ${name}`;
    const t = q.trend;
    if (t && (t.verdict === 'improving' || t.verdict === 'worsening')) {
      const first = seriesQuality(report, q.area, q.indicator, q.service, 'T').find((r) => periodYear(r.period) === t.from && r.value !== null);
      const from = first?.value ?? undefined;
      const good = t.verdict === 'improving';
      // The verb follows the numbers, the judgement follows the indicator's better direction.
      const up = from !== undefined ? q.value! > from : (t.theilSenSlope ?? 0) > 0;
      out.push({
        weight: 3,
        text: lang === 'sv'
          ? `${cap(title)} ${where} har ${up ? 'ökat' : 'minskat'}${from !== undefined ? ` från ${v(from)}` : ''} till ${v(q.value!)} sedan ${t.from} – en tydlig ${good ? 'förbättring' : 'försämring'}.`
          : `${cap(title)} ${where} has ${up ? 'risen' : 'fallen'}${from !== undefined ? ` from ${v(from)}` : ''} to ${v(q.value!)} since ${t.from} – a clear ${good ? 'improvement' : 'decline'}.`,
      });
    } else if (q.change?.significant) {
      const up = q.change.differencePp > 0;
      out.push({
        weight: 2,
        text: lang === 'sv'
          ? `${cap(title)} ${where} ${up ? 'steg' : 'sjönk'} från ${v(q.change.fromValue)} (${q.change.from}) till ${v(q.value!)} (${q.period}), en statistiskt säkerställd förändring.`
          : `${cap(title)} ${where} ${up ? 'rose' : 'fell'} from ${v(q.change.fromValue)} (${q.change.from}) to ${v(q.value!)} (${q.period}), a statistically significant change.`,
      });
    }
    if (q.reference?.significant && q.indicator === report.indicators[0]?.id) {
      const above = q.reference.differencePp > 0;
      out.push({
        weight: 1,
        text: lang === 'sv'
          ? `${cap(title)} ${where} (${v(q.value!)}) ligger ${above ? 'över' : 'under'} riket (${v(q.reference.value)}).`
          : `${cap(title)} ${where} (${v(q.value!)}) is ${above ? 'above' : 'below'} the national level (${v(q.reference.value)}).`,
      });
    }
  }
  return out;
}

function budgetMessage(report: Report, b: BudgetRow, name: string, opts: RenderOptions): string | undefined {
  const { lang } = opts;
  if (b.periodNote === 'no-common-month') {
    const what = b.total ? (lang === 'sv' ? 'Verksamheterna' : 'The services') : cap(serviceDefinite(budgetLabel(report, b, lang), lang));
    return lang === 'sv'
      ? `${what} i ${name} kan inte summeras: delarnas senaste månader skiljer sig och de har ingen gemensam månad i år.`
      : `${what} in ${name} cannot be summed: their parts' latest months differ and they share no month this year.`;
  }
  if (b.deviationPct === null) return undefined;
  const over = b.deviationPct < 0;
  const month = monthName(b.period, lang);
  const what = b.total ? (lang === 'sv' ? 'Verksamheterna' : 'The services') : cap(serviceDefinite(budgetLabel(report, b, lang), lang));
  const who = `${what} ${lang === 'sv' ? 'i' : 'in'} ${name}`;
  const dev = `${formatNumber(Math.abs(b.deviationPct), 1, lang)}${lang === 'sv' ? ' %' : '%'}`;
  let text = lang === 'sv'
    ? `${who} ligger ${dev} ${over ? 'över' : 'under'} budget efter ${month}`
    : `${who} ${b.total ? 'are' : 'is'} ${dev} ${over ? 'over' : 'under'} budget after ${month}`;
  // A sum at an earlier month than some of its parts says so (they do not share a later one).
  if (b.periodNote === 'common-month') text += lang === 'sv' ? ' (senaste månad som alla delar har)' : ' (the latest month all parts have)';
  if (b.forecastDeviation !== null && Math.abs(b.forecastDeviation) >= 500) {
    const amount = formatAmount(Math.abs(b.forecastDeviation), 'mnkr', lang);
    text += lang === 'sv'
      ? `; prognosen pekar på ${b.forecastDeviation < 0 ? 'ett underskott' : 'ett överskott'} på ${amount}`
      : `; the forecast points to a ${b.forecastDeviation < 0 ? 'deficit' : 'surplus'} of ${amount}`;
  }
  if (b.forecastOptimistic) text += lang === 'sv' ? ', men utfallstakten tyder på att prognosen är för optimistisk' : ', but the spending pace suggests the forecast is too optimistic';
  return `${text}.`;
}

/**
 * 3–6 key messages for a brief, most important first: clear trends, significant changes, the
 * budget total, red activities, differences from the national level. Only changes that pass the
 * significance test are called changes; when nothing does, the brief says so.
 */
export function keyMessages(report: Report, area: string, opts: RenderOptions): string[] {
  const { lang } = opts;
  const name = nameInText(report, area, lang);
  const budget = report.budget.filter((b) => b.area === area);
  const items = qualityMessages(report, area, opts);
  const total = budget.find((b) => b.total) ?? (budget.length === 1 ? budget[0] : undefined);
  if (total) {
    const text = budgetMessage(report, total, name, opts);
    if (text) items.push({ weight: 2.5, text });
  }
  for (const b of budget.filter((r) => !r.total && r.status === 'red').sort((a, b) => (a.deviationPct ?? 0) - (b.deviationPct ?? 0))) {
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
    out.push(text);
  }
  // A result left out because answers in it were rejected is said first: a reader must not take a
  // missing figure for a small one.
  const incomplete = latestQuality(report, area).filter((q) => q.incomplete).length;
  if (incomplete > 0) {
    out.unshift(lang === 'sv'
      ? `${incomplete} resultat redovisas inte eftersom en del svar i dem inte kunde läsas (svarsalternativ utanför kända skalor eller rader som inte gick att läsa); de skulle annars bli fel.`
      : `${incomplete} results are not shown because some answers in them could not be read (answer labels on no known scale, or rows that could not be read); they would otherwise be wrong.`);
  }
  const hidden = latestQuality(report, area).filter((q) => q.suppressed).length;
  if (out.length < 3 && hidden > 0) {
    out.push(lang === 'sv'
      ? `${hidden} resultat redovisas inte eftersom för få svarat (under ${report.settings.minRespondents}) eller för att de annars skulle gå att räkna fram.`
      : `${hidden} results are not shown because too few answered (under ${report.settings.minRespondents}) or because they could otherwise be worked out.`);
  }
  return out.slice(0, 6);
}

/**
 * What a brief may say when nothing changed significantly: that differences lie within random
 * uncertainty only where a test was made (a change has a p-value only where both years have n);
 * where the source gives no n, that it gives no uncertainty, so no change could be tested.
 */
function noChangeMessage(shown: readonly QualityRow[], name: string, lang: Lang): string {
  const untested = shown.filter((q) => q.change !== null && q.change.p === null).length;
  const noneTested = shown.every((q) => q.n === null && (q.change === null || q.change.p === null));
  if (untested === 0 && !noneTested) {
    return lang === 'sv'
      ? `Ingen av kvalitetsindikatorerna i ${name} visar en statistiskt säkerställd förändring eller trend; skillnader mellan åren ligger inom den slumpmässiga osäkerheten.`
      : `None of the quality indicators in ${name} shows a statistically significant change or trend; year-to-year differences are within random uncertainty.`;
  }
  const trends = shown.filter((q) => q.trend !== null && q.trend.verdict !== 'too-few-points').length;
  if (noneTested) {
    const trendPart = trends === 0 ? '' : lang === 'sv'
      ? '; ingen av serierna som är långa nog för ett trendtest (minst fem år) visar en statistiskt säkerställd trend'
      : '; none of the series long enough for a trend test (five years or more) shows a statistically significant trend';
    return lang === 'sv'
      ? `Källan anger ingen osäkerhet för kvalitetsindikatorerna i ${name} (inget antal svarande), så förändringar mellan åren kan inte prövas statistiskt${trendPart}.`
      : `The source gives no uncertainty for the quality indicators in ${name} (no number of respondents), so year-to-year changes cannot be tested${trendPart}.`;
  }
  return lang === 'sv'
    ? `Ingen av de kvalitetsindikatorer i ${name} som kan prövas visar en statistiskt säkerställd förändring eller trend; för ${untested} av dem anger källan ingen osäkerhet (inget antal svarande), så deras förändringar mellan åren har inte prövats.`
    : `None of the quality indicators in ${name} that can be tested shows a statistically significant change or trend; for ${untested} of them the source gives no uncertainty (no number of respondents), so their year-to-year changes were not tested.`;
}

/** Neutral facts for a thin brief: the shared-cost split, activities within limits, then headline levels with their uncertainty. */
function factualMessages(report: Report, area: string, opts: RenderOptions): string[] {
  const { lang } = opts;
  const out: string[] = [];
  const a = report.allocation;
  if (a && report.areas.find((x) => x.code === area)?.kind === 'organisation' && a.totals.actualYtd !== null) {
    const split = a.members.map((m) => `${formatNumber(m.weight * 100, 0, lang)} % ${areaName(report, m.area)}`).join(lang === 'sv' ? ' och ' : ' and ');
    out.push(lang === 'sv'
      ? `De gemensamma kostnaderna, ${formatAmount(a.totals.actualYtd, 'mnkr', lang)} hittills i år, fördelas med ${split}.`
      : `The shared costs, ${formatAmount(a.totals.actualYtd, 'mnkr', lang)} so far this year, are split ${split.replace(/ %/g, '%')}.`);
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
    const title = indicatorTitle(report, q.indicator, lang).toLowerCase();
    out.push(lang === 'sv'
      ? `${cap(title)} inom ${serviceDefinite(q.service, lang)} i ${name} är ${pct(q.value, lang)} ${q.period} (osäkerhet ${formatNumber(q.low, 0, lang)}–${pct(q.high, lang)}).`
      : `${cap(title)} in ${serviceDefinite(q.service, lang)} in ${name} is ${pct(q.value, lang)} in ${q.period} (uncertainty ${formatNumber(q.low, 0, lang)}–${pct(q.high, lang)}).`);
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
