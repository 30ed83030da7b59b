import type { AllocationMethod } from '../model/report.js';
import { TOTAL_ACTIVITY, type Lang } from '../model/words.js';
import { both, inLang } from './phrasebook.js';

type Verdict = 'improving' | 'worsening' | 'increasing' | 'decreasing' | 'no-clear-trend' | 'too-few-points';
type Status = 'green' | 'yellow' | 'red';

/**
 * Every word and heading the renderers print, Swedish beside English (sentences are in
 * phrases.ts). Symbols carry meaning without colour.
 */
export const WORDS = {
  quality: both('Kvalitet och nyckeltal', 'Quality and key figures'),
  budget: both('Ekonomi', 'Budget'),
  allocation: both('Fördelning av gemensamma kostnader', 'Allocation of shared costs'),
  indicator: both('Indikator', 'Indicator'),
  service: both('Verksamhet', 'Service'),
  latest: both('Senaste (95 % KI)', 'Latest (95% CI)'),
  uncertainty: both('Osäkerhet (95 %)', 'Uncertainty (95%)'),
  n: both('n', 'n'),
  change: both('Förändring', 'Change'),
  trend: both('Trend', 'Trend'),
  reference: both('Mot riket', 'vs national'),
  /** The reference column's heading by what it compares with (see `referenceHeading`). */
  referenceAgainst: both(
    { nation: 'Mot riket', region: 'Mot länet', both: 'Mot riket/länet' },
    { nation: 'vs national', region: 'vs county', both: 'vs national/county' },
  ),
  /** A quality row given no status: worse than a reference it cannot be tested against. */
  notAssessed: both('– ej bedömd', '– not assessed'),
  statusHeader: both('Status', 'Status'),
  series: both('Serie', 'Series'),
  activity: both('Verksamhet', 'Activity'),
  budgetYtd: both('Budget ack', 'Budget YTD'),
  actualYtd: both('Utfall ack', 'Actual YTD'),
  outcomeForYear: both('Utfall helår', 'Outcome for the year'),
  deviation: both('Avvikelse', 'Deviation'),
  deviationPct: both('Avv. %', 'Dev. %'),
  /** A brief's words for the same columns, for readers who do not read "ack" or "Avv.". */
  briefBudgetYtd: both('Budget hittills i år', 'Budget to date'),
  briefActualYtd: both('Utfall hittills i år', 'Actual to date'),
  briefDeviationPct: both('Avvikelse', 'Deviation'),
  pace: both('Förbrukat (riktvärde)', 'Spent (benchmark)'),
  forecastDeviation: both('Prognos mot budget', 'Forecast vs budget'),
  member: both('Medlem', 'Member'),
  share: both('Andel', 'Share'),
  budgetYear: both('Budget helår', 'Annual budget'),
  forecast: both('Prognos', 'Forecast'),
  forecastYear: both('Prognos helår', 'Full-year forecast'),
  forecastChange: both((month: string) => `Ändring sedan ${month}`, (month) => `Change since ${month}`),
  perInhabitant: both('Kr/invånare', 'SEK/inhabitant'),
  fairGap: both('Mot nyttjande', 'vs usage'),
  women: both('kvinnor', 'women'),
  men: both('män', 'men'),
  total: both(TOTAL_ACTIVITY.sv, TOTAL_ACTIVITY.en),
  optimistic: both('optimistisk?', 'optimistic?'),
  suppressed: both('dold', 'hidden'),
  incomplete: both('ofullständig (svar avvisade)', 'incomplete (answers rejected)'),
  /** The quality table's legend: the `*` where some difference was tested, the interval where some row shows one; empty where neither. */
  significantNote: both(
    (alpha: string | null, interval: boolean) => [alpha !== null && `* statistiskt säkerställd skillnad (p < ${alpha})`, interval && 'KI = 95 % konfidensintervall (Wilson)'].filter(Boolean).join('; '),
    (alpha, interval) => [alpha !== null && `* statistically significant difference (p < ${alpha})`, interval && 'CI = 95% confidence interval (Wilson)'].filter(Boolean).join('; '),
  ),
  verdict: both<Record<Verdict, string>>(
    {
      improving: '↗ förbättras', worsening: '↘ försämras', increasing: '↗ ökar', decreasing: '↘ minskar',
      'no-clear-trend': '→ ingen tydlig trend', 'too-few-points': '· för få år',
    },
    {
      improving: '↗ improving', worsening: '↘ worsening', increasing: '↗ increasing', decreasing: '↘ decreasing',
      'no-clear-trend': '→ no clear trend', 'too-few-points': '· too few years',
    },
  ),
  status: both<Record<Status, string>>({ green: '✓ grön', yellow: '! gul', red: '✗ röd' }, { green: '✓ green', yellow: '! yellow', red: '✗ red' }),
  /** A status in running text, without its symbol. */
  statusWord: both<Record<Status, string>>({ green: 'grön', yellow: 'gul', red: 'röd' }, { green: 'green', yellow: 'yellow', red: 'red' }),
  allocationKey: both<Record<AllocationMethod, string>>(
    { population: 'efter befolkning', fixed: 'fasta andelar', mixed: 'blandad nyckel', usage: 'efter nyttjande' },
    { population: 'by population', fixed: 'fixed shares', mixed: 'mixed key', usage: 'by usage' },
  ),
  population: both('befolkning', 'population'),
  qualityFor: both('kvalitet', 'quality'),
  budgetAfter: both('budget efter', 'budget after'),
  others: both('resten av rapporten', 'the rest of the report'),
  commonMonth: both('senaste gemensamma månad', 'latest month all share'),
  noCommonMonth: both('ingen gemensam månad – ingen summa', 'no month in common – no sum'),
  followUp: both('uppföljning', 'follow-up'),
  generated: both('Skapad', 'Generated'),
  keyMessages: both('Det viktigaste', 'Key messages'),
  aboutFigures: both('Om siffrorna', 'About the figures'),
  result: both('Resultat', 'Result'),
  toDate: both('hittills', 'to date'),
  outcomeOfYear: both('utfall för året', 'outcome for the year'),
  fullYearForecast: both('prognos helår', 'full-year forecast'),
  rulesMatched: both('Regler som slog till', 'Rules matched'),
  costsNegative: both('kostnader negativa', 'costs negative'),
  costsPositive: both('kostnader positiva', 'costs positive'),
  and: both(' och ', ' and '),
  only: both('endast', 'only'),
  latestAvailable: both('senaste tillgängliga', 'latest available'),
  missing: both((period: string) => `saknas (senaste ${period})`, (period) => `missing (latest ${period})`),
  olderNote: both(
    (year: string, window: number) => `Där ${year} saknas visas senaste tillgängliga år (högst ${window} år tidigare), med året före värdet.`,
    (year, window) => `Where ${year} has no figure, the latest available year is shown (at most ${window} year(s) earlier), its year before the value.`,
  ),
  droppedColumns: both((heads: string) => `Fler kolumner med --wide: ${heads}`, (heads) => `More columns with --wide: ${heads}`),
  foldedGenders: both(
    // One of them agrees in the singular: "1 av dem är gul eller röd", "1 of them is".
    (rows: number, flagged: number) => `Rader per kön (${rows}) visas med --genders${flagged === 1 ? '; 1 av dem är gul eller röd' : flagged > 0 ? `; ${flagged} av dem är gula eller röda` : ''}.`,
    (rows, flagged) => `Rows by gender (${rows}) are shown with --genders${flagged === 1 ? '; 1 of them is yellow or red' : flagged > 0 ? `; ${flagged} of them are yellow or red` : ''}.`,
  ),
};

export function words(lang: Lang) {
  return inLang(WORDS, lang);
}
