import type { BudgetRow, QualityRow, Report } from '../../model/report.js';
import { formatAmount, formatNumber, formatPeriod, formatValue, monthName, type Lang } from '../format.js';
import { areaName, indicatorName, indicatorUnit } from '../view.js';
import { both, inLang } from '../phrasebook.js';
import { phrases } from '../phrases.js';

/** One year of a chart: the area's value and interval, the nation, the peers. */
export interface YearPoint {
  year: number;
  value: number | null;
  low: number | null;
  high: number | null;
  nation: number | null;
  peers: { name: string; value: number }[];
}

/** The charts' words and alt-text sentences, Swedish beside English. */
export const CHART_WORDS = {
  budgetYtd: both('Budget ack.', 'Budget YTD'),
  actualYtd: both('Utfall ack.', 'Actual YTD'),
  budgetYear: both('Helårsbudget', 'Annual budget'),
  forecast: both('Prognos helår', 'Full-year forecast'),
  /** The budget chart's axis: millions of kronor. */
  millions: both('mnkr', 'MSEK'),
  months: both(['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'], ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']),
  heading: both('Diagram', 'Charts'),
  /** The legend's parts: the blue line, then each mark some chart of the brief draws, in this order. */
  legend: both(
    { line: 'Blå linje: värdet per år', band: 'med ljusblått band för osäkerheten (95 %)', nation: 'grå streckad: riket', peers: 'orange: jämförelsekommuner', target: 'grön prickad: målvärde', break: 'lodrät streckad: serieavbrott (värden före och efter jämförs inte)', milestone: 'lila: milstolpe (nivån före och efter)' },
    { line: 'Blue line: the value per year', band: 'with a light blue band for the uncertainty (95%)', nation: 'grey dashed: national level', peers: 'orange: peer municipalities', target: 'green dotted: target', break: 'vertical dashed: series break (values before and after are not compared)', milestone: 'purple: milestone (the level before and after)' },
  ),
  /** How the chart library writes numbers on axes. */
  numberLocale: both(
    { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' kr'] },
    { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' SEK'] },
  ),
  chart: both('Diagram', 'Chart'),
  fromTo: both((from: string, to: string) => `från ${from} till ${to}`, (from, to) => `from ${from} to ${to}`),
  uncertainty: both((range: string) => ` (osäkerhet ${range})`, (range) => ` (uncertainty ${range})`),
  nation: both((value: string) => `riket ${value}`, (value) => `national level ${value}`),
  between: both((before: number, after: number) => `mellan ${before} och ${after}`, (before, after) => `between ${before} and ${after}`),
  seriesBreak: both((when: string) => `serieavbrott ${when}`, (when) => `series break ${when}`),
  milestone: both((period: string, label: string) => `milstolpe ${period}: ${label}`, (period, label) => `milestone ${period}: ${label}`),
  actualAgainstBudget: both((actual: string, budget: string) => `utfall ${actual} mot budget ${budget}`, (actual, budget) => `actual ${actual} against budget ${budget}`),
  annualBudget: both((amount: string) => `helårsbudget ${amount}`, (amount) => `annual budget ${amount}`),
  fullYearForecast: both((amount: string) => `prognos helår ${amount}`, (amount) => `full-year forecast ${amount}`),
  budgetAlt: both(
    (who: string, months: string, parts: string) => `Diagram: ${who}, budget och utfall ackumulerat ${months}: ${parts}.`,
    (who, months, parts) => `Chart: ${who}, budget and actual year to date ${months}: ${parts}.`,
  ),
};

/** The marks of an indicator chart a legend explains, beside the blue line every one has. */
export type LegendMark = 'band' | 'nation' | 'peers' | 'target' | 'break' | 'milestone';

/**
 * The legend under a brief's indicator charts: what they draw and no more (a target, a series
 * break or a milestone only where some chart has one), e.g. "Blå linje: värdet per år, med
 * ljusblått band för osäkerheten (95 %); grå streckad: riket."
 */
export function chartLegend(charts: readonly { marks: readonly LegendMark[] }[], lang: Lang): string {
  const w = inLang(CHART_WORDS, lang).legend;
  const drawn = new Set(charts.flatMap((c) => c.marks));
  const line = drawn.has('band') ? `${w.line}, ${w.band}` : w.line;
  const rest = (['nation', 'peers', 'target', 'break', 'milestone'] as const).filter((m) => drawn.has(m)).map((m) => w[m]);
  return `${[line, ...rest].join('; ')}.`;
}

export function chartWords(lang: Lang) {
  return inLang(CHART_WORDS, lang);
}

/**
 * Alt text for an indicator chart: what it shows, first and latest value, the latest interval, the
 * nation and any break, e.g. "Diagram: Nöjdhet totalt (helhetssyn), hemtjänst, Bengtsfors 2016–2025:
 * från 87,5 % till 93,0 % (osäkerhet 88–96 %); riket 88,7 %."
 */
export function qualityAlt(report: Report, row: QualityRow, points: readonly YearPoint[], breakAt: number | null, lang: Lang): string {
  const w = chartWords(lang);
  const unit = indicatorUnit(report, row.indicator);
  const v = (x: number) => formatValue(x, unit, lang);
  const shown = points.filter((p) => p.value !== null);
  const first = shown[0]!;
  const last = shown.at(-1)!;
  // The service as the brief's sentences name it: "home care" in English, not the data's "hemtjänst".
  const what = [indicatorName(report, row.indicator, lang), phrases(lang).serviceInList(row.service), areaName(report, row.area)].filter(Boolean).join(', ');
  const parts = [w.fromTo(`${v(first.value!)} (${first.year})`, `${v(last.value!)} (${last.year})`)];
  if (last.low !== null && last.high !== null) parts[0] += w.uncertainty(`${formatNumber(last.low, 0, lang)}–${formatValue(last.high, unit, lang, 0)}`);
  const nation = points.at(-1)?.nation;
  if (nation !== null && nation !== undefined) parts.push(w.nation(v(nation)));
  const peers = points.at(-1)?.peers ?? [];
  if (peers.length > 0) parts.push(peers.map((p) => `${p.name} ${v(p.value)}`).join(', '));
  if (breakAt !== null) {
    // With years missing before it, the break lies somewhere in the gap.
    const before = shown.filter((p) => p.year < breakAt).at(-1)?.year;
    const when = before === undefined || before === breakAt - 1 ? `${breakAt}` : w.between(before, breakAt);
    parts.push(w.seriesBreak(when));
  }
  for (const m of report.milestones) {
    const year = Number(m.period);
    if (year > points[0]!.year && year <= points.at(-1)!.year) parts.push(w.milestone(m.period, m.label));
  }
  return `${w.chart}: ${what} ${points[0]!.year}–${points.at(-1)!.year}: ${parts.join('; ')}.`;
}

/** Alt text for the budget chart: outcome against budget to date, the annual budget and the forecast. */
export function budgetAlt(report: Report, row: BudgetRow, lang: Lang): string {
  const w = chartWords(lang);
  const mn = (x: number | null) => (x === null ? '–' : formatAmount(x, 'mnkr', lang));
  const months = row.series.length > 1 ? `${monthName(row.series[0]!.period, lang)}–${formatPeriod(row.period, lang)}` : formatPeriod(row.period, lang);
  const parts = [w.actualAgainstBudget(mn(row.actualYtd), mn(row.budgetYtd))];
  if (row.budgetYear !== null) parts.push(w.annualBudget(mn(row.budgetYear)));
  if (row.forecast !== null) parts.push(w.fullYearForecast(mn(row.forecast)));
  const who = `${areaName(report, row.area)}${row.total ? '' : `, ${row.activity}`}`;
  return w.budgetAlt(who, months, parts.join('; '));
}
