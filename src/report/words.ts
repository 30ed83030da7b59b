import type { Lang } from './format.js';

type Verdict = 'improving' | 'worsening' | 'increasing' | 'decreasing' | 'no-clear-trend' | 'too-few-points';
type Status = 'green' | 'yellow' | 'red';

/** Every word the renderers print, per language. Symbols carry meaning without colour. */
export const WORDS = {
  sv: {
    quality: 'Kvalitet och nyckeltal', budget: 'Ekonomi', allocation: 'Fördelning av gemensamma kostnader',
    indicator: 'Indikator', service: 'Verksamhet', latest: 'Senaste (95 % KI)', n: 'n', change: 'Förändring',
    trend: 'Trend', reference: 'Mot riket', statusHeader: 'Status', series: 'Serie', activity: 'Verksamhet',
    budgetYtd: 'Budget ack', actualYtd: 'Utfall ack', deviation: 'Avvikelse', deviationPct: 'Avv. %',
    pace: 'Förbrukat (riktvärde)', forecastDeviation: 'Prognos mot budget', member: 'Medlem', share: 'Andel',
    budgetYear: 'Budget helår', forecast: 'Prognos', perInhabitant: 'Kr/invånare', fairGap: 'Mot nyttjande',
    women: 'kvinnor', men: 'män', total: 'Totalt', optimistic: 'optimistisk?',
    suppressed: 'dold',
    incomplete: 'ofullständig (svar avvisade)',
    significantNote: (alpha: string) => `* statistiskt säkerställd skillnad (p < ${alpha}); KI = 95 % konfidensintervall (Wilson)`,
    verdict: {
      improving: '↗ förbättras', worsening: '↘ försämras', increasing: '↗ ökar', decreasing: '↘ minskar',
      'no-clear-trend': '→ ingen tydlig trend', 'too-few-points': '· för få år',
    } satisfies Record<Verdict, string>,
    status: { green: '✓ grön', yellow: '! gul', red: '✗ röd' } satisfies Record<Status, string>,
    qualityFor: 'kvalitet', budgetAfter: 'budget efter',
    others: 'övriga', commonMonth: 'senaste gemensamma månad', noCommonMonth: 'ingen gemensam månad – ingen summa',
    latestAvailable: 'senaste tillgängliga',
    missing: (period: string) => `saknas (senaste ${period})`,
    olderNote: (year: string, window: number) => `Där ${year} saknas visas senaste tillgängliga år (högst ${window} år tidigare), med året före värdet.`,
    droppedColumns: (heads: string) => `Fler kolumner med --wide: ${heads}`,
    foldedGenders: (rows: number, flagged: number) => `Rader per kön (${rows}) visas med --genders${flagged > 0 ? `; ${flagged} av dem är gula eller röda` : ''}.`,
  },
  en: {
    quality: 'Quality and key figures', budget: 'Budget', allocation: 'Allocation of shared costs',
    indicator: 'Indicator', service: 'Service', latest: 'Latest (95% CI)', n: 'n', change: 'Change',
    trend: 'Trend', reference: 'vs national', statusHeader: 'Status', series: 'Series', activity: 'Activity',
    budgetYtd: 'Budget YTD', actualYtd: 'Actual YTD', deviation: 'Deviation', deviationPct: 'Dev. %',
    pace: 'Spent (benchmark)', forecastDeviation: 'Forecast vs budget', member: 'Member', share: 'Share',
    budgetYear: 'Annual budget', forecast: 'Forecast', perInhabitant: 'SEK/inhabitant', fairGap: 'vs usage',
    women: 'women', men: 'men', total: 'Total', optimistic: 'optimistic?',
    suppressed: 'hidden',
    incomplete: 'incomplete (answers rejected)',
    significantNote: (alpha: string) => `* statistically significant difference (p < ${alpha}); CI = 95% confidence interval (Wilson)`,
    verdict: {
      improving: '↗ improving', worsening: '↘ worsening', increasing: '↗ increasing', decreasing: '↘ decreasing',
      'no-clear-trend': '→ no clear trend', 'too-few-points': '· too few years',
    } satisfies Record<Verdict, string>,
    status: { green: '✓ green', yellow: '! yellow', red: '✗ red' } satisfies Record<Status, string>,
    qualityFor: 'quality', budgetAfter: 'budget after',
    others: 'others', commonMonth: 'latest month all share', noCommonMonth: 'no month in common – no sum',
    latestAvailable: 'latest available',
    missing: (period: string) => `missing (latest ${period})`,
    olderNote: (year: string, window: number) => `Where ${year} has no figure, the latest available year is shown (at most ${window} year(s) earlier), its year before the value.`,
    droppedColumns: (heads: string) => `More columns with --wide: ${heads}`,
    foldedGenders: (rows: number, flagged: number) => `Rows by gender (${rows}) are shown with --genders${flagged > 0 ? `; ${flagged} of them are yellow or red` : ''}.`,
  },
} as const;

export function words(lang: Lang) {
  return WORDS[lang];
}
