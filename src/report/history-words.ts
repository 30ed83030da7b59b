import type { Lang } from '../model/vocabulary.js';
import { both, inLang } from './phrasebook.js';

type Basis = 'outcome' | 'forecast' | 'year-to-date';

/**
 * The words and sentences of the years of balance and of milestones, Swedish beside English.
 * Arguments are formatted values; a sentence only arranges them.
 */
export const HISTORY_WORDS = {
  onBudget: both('i nivå med budget', 'on budget'),
  againstBudget: both((amount: string, over: boolean) => `${amount} ${over ? 'över' : 'under'} budget`, (amount, over) => `${amount} ${over ? 'over' : 'under'} budget`),
  monthsMissing: both((months: string) => `ofullständigt år: ${months} saknas`, (months) => `incomplete year: ${months} missing`),
  partsMissing: both((names: string) => `ofullständigt år: ${names} saknas`, (names) => `incomplete year: ${names} missing`),
  noFigures: both('inga siffror', 'no figures'),
  notClosed: both((month: string) => `inte avslutat (siffror t.o.m. ${month})`, (month) => `not closed (figures up to ${month})`),
  basis: both<Record<Basis, string>>({ outcome: 'utfall', forecast: 'prognos', 'year-to-date': 'hittills' }, { outcome: 'outcome', forecast: 'forecast', 'year-to-date': 'to date' }),
  /** "Verksamheterna i Bengtsfors": who a history sentence is about. */
  where: both((what: string, name: string) => `${what} i ${name}`, (what, name) => `${what} in ${name}`),
  ended: both(
    (where: string, year: string, against: string) => `${where} slutade ${year} ${against} (utfall för året)`,
    (where, year, against) => `${where} ended ${year} ${against} (outcome for the year)`,
  ),
  forecastToEnd: both(
    (a: { where: string; plural: boolean; year: string; against: string }) => `${a.where} väntas enligt prognosen sluta ${a.year} ${a.against}`,
    (a) => `${a.where} ${a.plural ? 'are' : 'is'} forecast to end ${a.year} ${a.against}`,
  ),
  soFar: both(
    (a: { where: string; plural: boolean; year: string; month: string; against: string }) => `${a.where} ligger hittills ${a.year} (efter ${a.month}) ${a.against}`,
    (a) => `${a.where} ${a.plural ? 'are' : 'is'} ${a.against} so far in ${a.year} (after ${a.month})`,
  ),
  range: both((worst: string, best: string) => ` (som sämst ${worst}, som bäst ${best})`, (worst, best) => ` (at worst ${worst}, at best ${best})`),
  overBudgetCount: both((over: number, years: number) => `; ${over} av ${years} år slutade över budget`, (over, years) => `; ${over} of ${years} years ended over budget`),
  yearsBefore: both(
    (a: { now: string; one: boolean; years: string; mean: string; range: string; count: string }) => `${a.now}. ${a.one ? `${a.years} slutade` : `Åren ${a.years} slutade i snitt`} ${a.mean}${a.range}${a.count}.`,
    (a) => `${a.now}. ${a.one ? `${a.years} ended` : `The years ${a.years} ended on average`} ${a.mean}${a.range}${a.count}.`,
  ),
  clearTrend: both(
    (good: boolean, span: string) => `Avvikelsen vid årets slut har ${good ? 'förbättrats' : 'försämrats'} över åren ${span}, en tydlig trend som knappast är en slump.`,
    (good, span) => `The year-end deviation has ${good ? 'improved' : 'worsened'} over ${span}, a clear trend that is hardly chance.`,
  ),
  noClearTrend: both((span: string) => `Avvikelsen vid årets slut visar ingen tydlig trend över åren ${span}.`, (span) => `The year-end deviation shows no clear trend over ${span}.`),
  incompleteYears: both(
    (years: readonly string[]) => `${years.join(', ')} saknar fullständiga siffror för helåret och räknas inte med i snitt och trend; inget år uppskattas.`,
    (years) => `${years.join(', ')} ${years.length === 1 ? 'has' : 'have'} no complete figures for the year and ${years.length === 1 ? 'is' : 'are'} left out of the mean and the trend; no year is estimated.`,
  ),
  of: both((n: number, of: number) => `${n} av ${of}`, (n, of) => `${n} of ${of}`),
  heading: both((span: string) => `Ekonomi över åren (helår ${span})`, (span) => `Budget over the years (full years ${span})`),
  linesHead: both(
    { years: 'År', mean: 'Snitt avv. %', range: 'Lägst – högst', overBudget: 'År över budget', thisYear: 'I år' },
    { years: 'Years', mean: 'Mean dev. %', range: 'Lowest – highest', overBudget: 'Years over budget', thisYear: 'This year' },
  ),
  yearsHead: both(
    { year: 'År', budgetYear: 'Budget helår', outcome: 'Utfall helår' },
    { year: 'Year', budgetYear: 'Annual budget', outcome: 'Outcome for the year' },
  ),
  milestonesHeading: both('Före och efter', 'Before and after'),
  notTested: both('ej prövad: inget antal svarande', 'not tested: no number of respondents'),
  significant: both('statistiskt säkerställd', 'statistically significant'),
  notSignificant: both('inte statistiskt säkerställd', 'not statistically significant'),
  /** "Nöjdhet (Hemtjänst) i snitt 80 % 2016–2019 och 85 % 2020–2025 (+5 p.e., …)". */
  beforeAfter: both(
    (a: { what: string; before: string; beforeSpan: string; after: string; afterSpan: string }) => `${a.what} i snitt ${a.before} ${a.beforeSpan} och ${a.after} ${a.afterSpan}`,
    (a) => `${a.what} averaged ${a.before} in ${a.beforeSpan} and ${a.after} in ${a.afterSpan}`,
  ),
  yearEndDeviation: both('budgetavvikelsen vid årets slut', 'the year-end budget deviation'),
  yearEndDeviationFor: both((activity: string) => `budgetavvikelsen vid årets slut för ${activity}`, (activity) => `the year-end budget deviation for ${activity}`),
  milestoneMethod: both(
    'Före och efter en milstolpe jämförs snittet av åren före med snittet av milstolpens år och åren efter; där alla år har antal svarande prövas om skillnaden är större än slumpen kan förklara. Milstolpen markeras med | i serierna och som linje i diagrammen. Den delar inte trenden, som ett seriebrott gör (när en fråga eller ett mått har ändrats).',
    'Before and after a milestone, the mean of the years before is compared with the mean of the milestone year and the years after; where every year has a number of respondents, it is tested whether the difference is larger than chance can explain. The milestone is marked | in the series and as a line in the charts. It does not cut the trend, as a series break does (when a question or a measure has changed).',
  ),
};

export function historyWords(lang: Lang) {
  return inLang(HISTORY_WORDS, lang);
}
