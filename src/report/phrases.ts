import type { AllocationMethod } from '../model/report.js';
import type { Lang } from '../model/vocabulary.js';
import { both, inLang } from './phrasebook.js';

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** How a service is named in running text ("hemtjänsten", "home care"); brackets are the caller's. */
const SERVICE_IN_TEXT: Record<string, string> = { hemtjänst: 'home care', 'särskilt boende': 'special housing', äldreomsorg: 'elderly care', lss: 'LSS', 'individ- och familjeomsorg': 'individual and family care' };
/** A name's entry in a list of known service words, whatever its case (only the list's own keys). */
const known = (list: Record<string, string>, name: string): string | undefined => (Object.hasOwn(list, name.toLowerCase()) ? list[name.toLowerCase()] : undefined);

/**
 * The known service words in their Swedish definite form. Any other name (a budget line's own:
 * "Samskapad digital tjänst", a proper name) is used as written: its grammar cannot be guessed.
 */
const SV_SERVICE_DEFINITE: Record<string, string> = {
  hemtjänst: 'hemtjänsten', äldreomsorg: 'äldreomsorgen', 'individ- och familjeomsorg': 'individ- och familjeomsorgen', socialtjänst: 'socialtjänsten',
  färdtjänst: 'färdtjänsten', funktionshinderomsorg: 'funktionshinderomsorgen', handikappomsorg: 'handikappomsorgen', 'särskilt boende': 'det särskilda boendet', lss: 'LSS-verksamheten',
};

/**
 * Every sentence of the reports and briefs, Swedish beside English. Arguments are formatted values
 * (numbers, amounts and periods already in the report's language); a sentence only arranges them.
 */
export const PHRASES = {
  /** A known service in its definite form, lower case ("hemtjänsten", "det särskilda boendet", "home care"); any other name as written. */
  serviceDefinite: both(
    (s: string) => known(SV_SERVICE_DEFINITE, s) ?? s,
    (s) => known(SERVICE_IN_TEXT, s) ?? s,
  ),
  /** A service named in a list, lower case: "hemtjänst"; in English a known one in English ("home care"). */
  serviceInList: both(
    (s: string) => s.toLowerCase(),
    (s) => known(SERVICE_IN_TEXT, s) ?? s.toLowerCase(),
  ),
  sharedOrganisation: both('den gemensamma organisationen', 'the shared organisation'),
  inArea: both((name: string) => `i ${name}`, (name) => `in ${name}`),
  inServiceInArea: both((service: string, name: string) => `inom ${service} i ${name}`, (service, name) => `in ${service} in ${name}`),
  trendClear: both(
    (a: { title: string; where: string; up: boolean; from: string | undefined; to: string; at: string; since: string; good: boolean }) =>
      `${cap(a.title)} ${a.where} har ${a.up ? 'ökat' : 'minskat'}${a.from !== undefined ? ` från ${a.from}` : ''} till ${a.to}${a.at && ` (${a.at})`} sedan ${a.since} – en tydlig ${a.good ? 'förbättring' : 'försämring'}.`,
    (a) => `${cap(a.title)} ${a.where} has ${a.up ? 'risen' : 'fallen'}${a.from !== undefined ? ` from ${a.from}` : ''} to ${a.to}${a.at && ` (${a.at})`} since ${a.since} – a clear ${a.good ? 'improvement' : 'decline'}.`,
  ),
  changeSignificant: both(
    (a: { title: string; where: string; up: boolean; from: string; fromPeriod: string; to: string; period: string }) =>
      `${cap(a.title)} ${a.where} ${a.up ? 'steg' : 'sjönk'} från ${a.from} (${a.fromPeriod}) till ${a.to} (${a.period}), en statistiskt säkerställd förändring.`,
    (a) => `${cap(a.title)} ${a.where} ${a.up ? 'rose' : 'fell'} from ${a.from} (${a.fromPeriod}) to ${a.to} (${a.period}), a statistically significant change.`,
  ),
  allocationKeyNote: both(
    (a: { method: AllocationMethod; equalPercent: string | null; usageYear: string | null; measure: string | null; populationYear: string | null; perInhabitant: boolean }) => {
      const pop = a.populationYear ? `befolkningen ${a.populationYear}` : 'befolkningen';
      const key = { population: `efter ${pop}`, fixed: 'efter avtalets fasta andelar', mixed: `${a.equalPercent ?? ''} % lika, resten efter ${pop}`, usage: `efter nyttjandet${a.measure ? ` (${a.measure})` : ''}${a.usageYear ? ` ${a.usageYear}` : ''}` }[a.method];
      return `Kostnaderna fördelas ${key}.${a.perInhabitant && a.method !== 'population' && a.method !== 'mixed' && a.populationYear ? ` Per invånare med ${pop}.` : ''}`;
    },
    (a) => {
      const pop = a.populationYear ? `the population of ${a.populationYear}` : 'population';
      const key = { population: `by ${pop}`, fixed: "by the agreement's fixed shares", mixed: `${a.equalPercent ?? ''}% equally, the rest by ${pop}`, usage: `by usage${a.measure ? ` (${a.measure})` : ''}${a.usageYear ? ` in ${a.usageYear}` : ''}` }[a.method];
      return `The costs are split ${key}.${a.perInhabitant && a.method !== 'population' && a.method !== 'mixed' && a.populationYear ? ` Per inhabitant by ${pop}.` : ''}`;
    },
  ),
  versusNation: both(
    (a: { title: string; where: string; value: string; at: string; nation: string; above: boolean; region?: string }) =>
      `${cap(a.title)} ${a.where} (${a.value}${a.at && `, ${a.at}`}) ligger ${a.above ? 'över' : 'under'} ${a.region ?? 'riket'} (${a.nation}).`,
    (a) => `${cap(a.title)} ${a.where} (${a.value}${a.at && `, ${a.at}`}) is ${a.above ? 'above' : 'below'} ${a.region ?? 'the national level'} (${a.nation}).`,
  ),
  theServices: both('Verksamheterna', 'The services'),
  cannotSum: both(
    (what: string, name: string) => `${what} i ${name} kan inte summeras: delarnas senaste månader skiljer sig och de har ingen gemensam månad i år.`,
    (what, name) => `${what} in ${name} cannot be summed: their parts' latest months differ and they share no month this year.`,
  ),
  /**
   * A deviation too close to a threshold for a figure of a few decimals to keep its colour's side
   * (a few kronor), as the budget table's "strax under −2 %" says it: `limit` the threshold unsigned
   * (null at 0 %), `over` whether costs are over budget ("drygt 2 %" over, "knappt 0,5 %" under).
   */
  nearLimit: both(
    (limit: string | null, over: boolean) => (limit === null ? 'strax' : `${over ? 'drygt' : 'knappt'} ${limit}`),
    (limit, over) => (limit === null ? 'just' : `just ${over ? 'over' : 'under'} ${limit}`),
  ),
  /**
   * "Äldreomsorgen i Bengtsfors ligger 3,4 % över budget efter oktober" (no full stop: more may
   * follow); `deviation` null: on budget as shown (`0,0 %` would read "0,0 % under budget").
   */
  budgetDeviation: both(
    (a: { what: string; name: string; plural: boolean; deviation: string | null; over: boolean; month: string }) =>
      `${a.what} i ${a.name} ligger ${a.deviation === null ? 'i nivå med' : `${a.deviation} ${a.over ? 'över' : 'under'}`} budget efter ${a.month}`,
    (a) => `${a.what} in ${a.name} ${a.plural ? 'are' : 'is'} ${a.deviation === null ? 'on' : `${a.deviation} ${a.over ? 'over' : 'under'}`} budget after ${a.month}`,
  ),
  /** A closed year's line: its outcome for the year against the budget. */
  closedYear: both(
    (a: { what: string; name: string; deviation: string | null; over: boolean; year: string }) => `${a.what} i ${a.name} slutade ${a.year} ${a.deviation === null ? 'i nivå med' : `${a.deviation} ${a.over ? 'över' : 'under'}`} budget (utfall för året).`,
    (a) => `${a.what} in ${a.name} ended ${a.year} ${a.deviation === null ? 'on' : `${a.deviation} ${a.over ? 'over' : 'under'}`} budget (outcome for the year).`,
  ),
  atCommonMonth: both(' (senaste månad som alla delar har)', ' (the latest month all parts have)'),
  forecastPoints: both(
    (deficit: boolean, amount: string) => `; prognosen pekar på ${deficit ? 'ett underskott' : 'ett överskott'} på ${amount}`,
    (deficit, amount) => `; the forecast points to a ${deficit ? 'deficit' : 'surplus'} of ${amount}`,
  ),
  forecastOptimistic: both(', men utfallstakten tyder på att prognosen är för optimistisk', ', but the spending pace suggests the forecast is too optimistic'),
  unitDoubted: both(
    'Beloppen nedan är osäkra: i den enhet underlaget anger är de orimligt stora eller små för verksamheten, så enheten är troligen fel och varje belopp kan vara fel med en faktor 1 000.',
    'The amounts below are in doubt: in the unit the source gives they are implausibly large or small for the activity, so the unit is probably wrong and every amount may be off by a factor of 1,000.',
  ),
  incompleteResults: both(
    (count: number) => `${count} resultat redovisas inte eftersom en del svar i dem inte kunde läsas (svarsalternativ utanför kända skalor eller rader som inte gick att läsa); de skulle annars bli fel.`,
    (count) => `${count} results are not shown because some answers in them could not be read (answer labels on no known scale, or rows that could not be read); they would otherwise be wrong.`,
  ),
  hiddenResults: both(
    (count: number, min: number) => `${count} resultat redovisas inte eftersom för få svarat (under ${min}) eller för att de annars skulle gå att räkna fram.`,
    (count, min) => `${count} results are not shown because too few answered (under ${min}) or because they could otherwise be worked out.`,
  ),
  noChange: both(
    (name: string) => `Ingen av kvalitetsindikatorerna i ${name} visar en statistiskt säkerställd förändring eller trend; skillnader mellan åren ligger inom den slumpmässiga osäkerheten.`,
    (name) => `None of the quality indicators in ${name} shows a statistically significant change or trend; year-to-year differences are within random uncertainty.`,
  ),
  noneTestable: both(
    (name: string, trends: boolean) =>
      `Källan anger ingen osäkerhet för kvalitetsindikatorerna i ${name} (inget antal svarande), så förändringar mellan åren kan inte prövas statistiskt${trends ? '; ingen av serierna som är långa nog för ett trendtest (minst fem år) visar en statistiskt säkerställd trend' : ''}.`,
    (name, trends) =>
      `The source gives no uncertainty for the quality indicators in ${name} (no number of respondents), so year-to-year changes cannot be tested${trends ? '; none of the series long enough for a trend test (five years or more) shows a statistically significant trend' : ''}.`,
  ),
  someUntested: both(
    (name: string, untested: number) => `Ingen av de kvalitetsindikatorer i ${name} som kan prövas visar en statistiskt säkerställd förändring eller trend; för ${untested} av dem anger källan ingen osäkerhet (inget antal svarande), så deras förändringar mellan åren har inte prövats.`,
    (name, untested) => `None of the quality indicators in ${name} that can be tested shows a statistically significant change or trend; for ${untested} of them the source gives no uncertainty (no number of respondents), so their year-to-year changes were not tested.`,
  ),
  sharedCosts: both(
    (amount: string, split: string) => `De gemensamma kostnaderna, ${amount} hittills i år, fördelas med ${split}.`,
    (amount, split) => `The shared costs, ${amount} so far this year, are split ${split}.`,
  ),
  headlineLevel: both(
    (a: { title: string; service: string; name: string; value: string; low: string; high: string; period: string }) =>
      `${cap(a.title)} inom ${a.service} i ${a.name} är ${a.value} ${a.period} (osäkerhet ${a.low}–${a.high}).`,
    (a) => `${cap(a.title)} in ${a.service} in ${a.name} is ${a.value} in ${a.period} (uncertainty ${a.low}–${a.high}).`,
  ),
  methodShares: both(
    (min: number) => `Andel positiva svar räknas utan "Vet ej/Ingen åsikt". Resultat med färre än ${min} svarande visas inte, och inte heller resultat som annars skulle gå att räkna fram ur andra (till exempel totalen minus kvinnor och män, där de som inte angett kön är en egen grupp). Alla sådana står som "dold", utan skäl: skälet skulle säga ungefär hur många som svarat.`,
    (min) => `Share of positive answers excludes "Don't know". Results with fewer than ${min} respondents are not shown, nor results that could otherwise be worked out from others (for example the total less women and men, where those who gave no gender are a group of their own). All of them read "hidden", with no reason: the reason would tell roughly how many answered.`,
  ),
  /** The interval and what "statistiskt säkerställd" means, without the method's names (docs/method.md has them); `inHundred` is the significance level per hundred (`5`). */
  methodUncertainty: both(
    (inHundred: string) => `Osäkerhet är det spann som det verkliga värdet med 95 procents säkerhet ligger inom, med tanke på hur många som svarat: ju färre svar, desto bredare spann. En skillnad mot förra mätningen räknas som säkerställd bara när den är så stor att den av en slump skulle uppstå i färre än ${inHundred} fall av 100 om inget egentligen hade ändrats; andra skillnader kan vara slump.`,
    (inHundred) => `Uncertainty is the range the true value lies within with 95 per cent certainty, given how many answered: the fewer answers, the wider the range. A difference from the previous survey only counts as significant when it is so large that it would arise by chance in fewer than ${inHundred} cases in 100 if nothing had really changed; other differences may be chance.`,
  ),
  methodTrend: both(
    'En trend (förbättras eller försämras) kräver minst fem år där värdena rört sig åt samma håll så tydligt att det knappast är en slump; annars står det "ingen tydlig trend".',
    'A trend (improving or worsening) needs at least five years in which the values moved the same way so clearly that it is hardly chance; otherwise it reads "no clear trend".',
  ),
  /** Where a brief's sparkline has a gap for a series break (`history.ts`, `BREAK_GAP`). */
  seriesBreakNote: both(
    'Ett mellanrum i en serie markerar ett seriebrott: frågan, svarsskalan eller måttet ändrades det året, så åren före och efter jämförs inte med varandra.',
    'A gap in a series marks a series break: the question, the answer scale or the measure changed that year, so the years before and after are not compared with each other.',
  ),
  /** What a deviation's sign means, and whose the forecast is where the brief shows one (a closed year has none). */
  deviationMeaning: both(
    (forecast: boolean) => `Avvikelse mot budget: plus betyder lägre kostnader än budgeterat, minus högre.${forecast ? ' Prognosen är verksamhetens egen för helåret.' : ''}`,
    (forecast) => `Deviation from budget: plus means lower costs than budgeted, minus higher.${forecast ? ' The forecast is the service\'s own for the full year.' : ''}`,
  ),
  /** What the quality table's marks mean: `*` where a test was made, that unmarked differences are chance only where every one was tested, and p.e. where a difference is in them; empty where none applies. */
  significanceLegend: both(
    (tested: boolean, allTested: boolean, pp: boolean) =>
      [tested && `* statistiskt säkerställd skillnad, större än slumpen kan förklara${allTested ? '; skillnader utan * ligger inom den slumpmässiga osäkerheten' : ''}.`, pp && 'p.e. = procentenheter.'].filter(Boolean).join(' '),
    (tested, allTested, pp) =>
      [tested && `* statistically significant difference, larger than chance can explain${allTested ? '; differences without * are within random uncertainty' : ''}.`, pp && 'pp = percentage points.'].filter(Boolean).join(' '),
  ),
  /**
   * What the quality table's status colours mean (`qualityStatusWhy`'s rule), in words: the reference
   * as the table compares with it, and the committee's target only where one is set.
   */
  qualityStatusLegend: both(
    (against: 'nation' | 'region' | 'both', targets: boolean) =>
      `Status: röd när värdet försämras över tid eller är statistiskt säkerställt sämre än ${against === 'nation' ? 'riket' : against === 'region' ? 'länet' : 'riket (eller länet)'}; gul när det har försämrats statistiskt säkerställt sedan förra mätningen${targets ? ' eller ligger under nämndens mål' : ''}; grön annars.`,
    (against, targets) =>
      `Status: red when the value is worsening over time or significantly worse than the ${against === 'nation' ? 'national' : against === 'region' ? 'county' : 'national (or county)'} level; yellow when it worsened significantly since the previous survey${targets ? ' or is below the committee\'s target' : ''}; green otherwise.`,
  ),
  /** Where a brief's sparkline has a year without a figure (`sparkline`'s `·`). */
  seriesGapNote: both('En punkt (·) i serien är ett år utan redovisat värde (saknas eller dolt).', 'A dot (·) in a series is a year with no figure shown (missing or hidden).'),
  /** "Siffrorna gäller ekonomin till och med 31 oktober 2025 och kvaliteten 2025." */
  asOf: both(
    (budget: string | null, survey: string | null) => `Siffrorna gäller ${[budget && `ekonomin till och med ${budget}`, survey && `kvaliteten ${survey}`].filter(Boolean).join(' och ')}.`,
    (budget, survey) => `Figures as of ${[budget && `${budget} for the budget`, survey && `${survey} for quality`].filter(Boolean).join(' and ')}.`,
  ),
  forecastLevel: both(
    (forecast: string, budget: string) => ` (prognos ${forecast} mot budget ${budget} för helåret)`,
    (forecast, budget) => ` (forecast ${forecast} against a full-year budget of ${budget})`,
  ),
  forecastMoved: both(
    (better: boolean, amount: string, month: string) => `; prognosen har ${better ? 'förbättrats' : 'försämrats'} med ${amount} sedan ${month}`,
    (better, amount, month) => `; the forecast has ${better ? 'improved' : 'worsened'} by ${amount} since ${month}`,
  ),
  forecastUnchanged: both((month: string) => `; prognosen är oförändrad sedan ${month}`, (month) => `; the forecast is unchanged since ${month}`),
  /** A quality status that is not green, and why: where the committee set a target, it is named. */
  statusMessage: both(
    (a: { title: string; where: string; value: string; status: string; why: string }) => `${cap(a.title)} ${a.where} (${a.value}) har status ${a.status}: ${a.why}.`,
    (a) => `${cap(a.title)} ${a.where} (${a.value}) is ${a.status}: ${a.why}.`,
  ),
  statusWorsening: both('försämras över tid', 'worsening over time'),
  /**
   * Worse than the reference, the nation or the region: tested and significant, or not testable;
   * `untested` says whose number of respondents is missing: the row's own, or only the reference's.
   */
  statusReference: both(
    (against: 'nation' | 'region', untested: 'tested' | 'own' | 'reference') => {
      const whole = against === 'nation' ? 'riket' : 'länet';
      if (untested === 'tested') return `statistiskt säkerställt sämre än ${whole}`;
      return untested === 'own' ? `sämre än ${whole}; utan antal svarande kan skillnaden inte prövas` : `sämre än ${whole}; källan anger inget antal svarande för ${whole}, så skillnaden kan inte prövas`;
    },
    (against, untested) => {
      const whole = against === 'nation' ? 'national' : 'county';
      if (untested === 'tested') return `significantly worse than the ${whole} level`;
      return untested === 'own' ? `worse than the ${whole} level; without respondent counts the difference cannot be tested` : `worse than the ${whole} level; the source gives no respondent count for the ${whole} level, so the difference cannot be tested`;
    },
  ),
  /** Under a table whose reference column is not the nation alone: what it compares with. */
  referenceNote: both(
    (head: string, regions: string, both: boolean) =>
      both ? `${head}: jämfört med riket, och med ${regions} där källan saknar värde för riket.` : `${head}: jämfört med ${regions}, eftersom källan saknar värde för riket.`,
    (head, regions, both) =>
      both ? `${head}: compared with the nation, and with ${regions} where the source has no national value.` : `${head}: compared with ${regions}, as the source has no national value.`,
  ),
  statusFell: both((since: string) => `statistiskt säkerställd försämring sedan ${since}`, (since) => `significantly worse than in ${since}`),
  offTarget: both(
    (lowerBetter: boolean, target: string) => `${lowerBetter ? 'över' : 'under'} nämndens mål på ${target}`,
    (lowerBetter, target) => `${lowerBetter ? 'above' : 'below'} the committee's target of ${target}`,
  ),
  target: both((target: string) => `mål ${target}`, (target) => `target ${target}`),
  sources: both((list: string) => `Källor: ${list}.`, (list) => `Sources: ${list}.`),
  noUncertaintyWithoutN: both(
    'För värden utan antal svarande anger källan ingen osäkerhet: de visas utan intervall, och deras förändringar mellan åren prövas inte statistiskt.',
    'For values without a number of respondents the source gives no uncertainty: they are shown without an interval, and their year-to-year changes are not tested.',
  ),
  signNote: both(
    (list: string) => `Avvikelse = budget − utfall: positiv är bättre än budget, oavsett källans teckenkonvention${list ? ` (${list})` : ''}.`,
    (list) => `Deviation = budget − actual: positive is better than budget, whatever the source's sign convention${list ? ` (${list})` : ''}.`,
  ),
  /** The credit Kolada's licence asks for, as the report records it (in Swedish) and as each language prints it. */
  koladaCredit: both('Källa: Kolada (RKA), CC BY 4.0', 'Source: Kolada (RKA), CC BY 4.0'),
  /** Which lines the result counts that are not activities (`lines` already joined). */
  financingApart: both(
    (lines: string) => `${lines} är skatteintäkter, statsbidrag eller finansiella poster, inte verksamheter: de ingår inte i verksamheternas total utan räknas i resultatet.`,
    (lines) => `${lines} are tax revenue, grants or financial items, not activities: they are not in the activities' total but counted in the result.`,
  ),
  ofRevenue: both(
    (target: string) => `av skatteintäkter och generella statsbidrag (mål ${target})`,
    (target) => `of tax revenue and general grants (target ${target})`,
  ),
};

export function phrases(lang: Lang) {
  return inLang(PHRASES, lang);
}
