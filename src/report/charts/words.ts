import type { BudgetRow, QualityRow, Report } from '../../model/report.js';
import { formatAmount, formatNumber, formatPeriod, formatValue, monthName, type Lang } from '../format.js';
import { areaName, indicatorTitle, indicatorUnit } from '../view.js';

/** One year of a chart: the area's value and interval, the nation, the peers. */
export interface YearPoint {
  year: number;
  value: number | null;
  low: number | null;
  high: number | null;
  nation: number | null;
  peers: { name: string; value: number }[];
}

/** The charts' words, side by side per language. */
export const CHART_WORDS = {
  sv: {
    budgetYtd: 'Budget ack.', actualYtd: 'Utfall ack.', budgetYear: 'Helårsbudget', forecast: 'Prognos helår',
    months: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    heading: 'Diagram',
    legend: 'Blå linje: kommunens värde per år, med ljusblått band för osäkerheten (95 %); grå streckad: riket; orange: jämförelsekommuner; grön prickad: målvärde; lodrät streckad: serieavbrott (värden före och efter jämförs inte).',
  },
  en: {
    budgetYtd: 'Budget YTD', actualYtd: 'Actual YTD', budgetYear: 'Annual budget', forecast: 'Full-year forecast',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    heading: 'Charts',
    legend: 'Blue line: the value per year, with a light blue band for the uncertainty (95%); grey dashed: national level; orange: peer municipalities; green dotted: target; vertical dashed: series break (values before and after are not compared).',
  },
} as const;

/**
 * Alt text for an indicator chart: what it shows, first and latest value, the latest interval, the
 * nation and any break, e.g. "Diagram: Nöjdhet totalt (helhetssyn), hemtjänst, Bengtsfors 2016–2025:
 * från 87,5 % till 93,0 % (osäkerhet 88–96 %); riket 88,7 %."
 */
export function qualityAlt(report: Report, row: QualityRow, points: readonly YearPoint[], breakAt: number | null, lang: Lang): string {
  const sv = lang === 'sv';
  const unit = indicatorUnit(report, row.indicator);
  const v = (x: number) => formatValue(x, unit, lang);
  const shown = points.filter((p) => p.value !== null);
  const first = shown[0]!;
  const last = shown.at(-1)!;
  const what = [indicatorTitle(report, row.indicator, lang), row.service.toLowerCase(), areaName(report, row.area)].filter(Boolean).join(', ');
  const parts = [`${sv ? 'från' : 'from'} ${v(first.value!)} (${first.year}) ${sv ? 'till' : 'to'} ${v(last.value!)} (${last.year})`];
  if (last.low !== null && last.high !== null) parts[0] += ` (${sv ? 'osäkerhet' : 'uncertainty'} ${formatNumber(last.low, 0, lang)}–${formatValue(last.high, unit, lang, 0)})`;
  const nation = points.at(-1)?.nation;
  if (nation !== null && nation !== undefined) parts.push(`${sv ? 'riket' : 'national level'} ${v(nation)}`);
  const peers = points.at(-1)?.peers ?? [];
  if (peers.length > 0) parts.push(peers.map((p) => `${p.name} ${v(p.value)}`).join(', '));
  if (breakAt !== null) {
    // With years missing before it, the break lies somewhere in the gap.
    const before = shown.filter((p) => p.year < breakAt).at(-1)?.year;
    const when = before === undefined || before === breakAt - 1 ? `${breakAt}` : sv ? `mellan ${before} och ${breakAt}` : `between ${before} and ${breakAt}`;
    parts.push(sv ? `serieavbrott ${when}` : `series break ${when}`);
  }
  for (const m of report.milestones) {
    const year = Number(m.period);
    if (year > points[0]!.year && year <= points.at(-1)!.year) parts.push(`${sv ? 'milstolpe' : 'milestone'} ${m.period}: ${m.label}`);
  }
  return `${sv ? 'Diagram' : 'Chart'}: ${what} ${points[0]!.year}–${points.at(-1)!.year}: ${parts.join('; ')}.`;
}

/** Alt text for the budget chart: outcome against budget to date, the annual budget and the forecast. */
export function budgetAlt(report: Report, row: BudgetRow, lang: Lang): string {
  const sv = lang === 'sv';
  const mn = (x: number | null) => (x === null ? '–' : formatAmount(x, 'mnkr', lang));
  const months = row.series.length > 1 ? `${monthName(row.series[0]!.period, lang)}–${formatPeriod(row.period, lang)}` : formatPeriod(row.period, lang);
  const parts = [sv ? `utfall ${mn(row.actualYtd)} mot budget ${mn(row.budgetYtd)}` : `actual ${mn(row.actualYtd)} against budget ${mn(row.budgetYtd)}`];
  if (row.budgetYear !== null) parts.push(sv ? `helårsbudget ${mn(row.budgetYear)}` : `annual budget ${mn(row.budgetYear)}`);
  if (row.forecast !== null) parts.push(sv ? `prognos helår ${mn(row.forecast)}` : `full-year forecast ${mn(row.forecast)}`);
  const who = `${areaName(report, row.area)}${row.total ? '' : `, ${row.activity}`}`;
  return sv
    ? `Diagram: ${who}, budget och utfall ackumulerat ${months}: ${parts.join('; ')}.`
    : `Chart: ${who}, budget and actual year to date ${months}: ${parts.join('; ')}.`;
}
