import { both } from './phrasebook.js';

/**
 * The words of quality beside cost, Swedish beside English: the section's heading, columns, cells,
 * the note on how each service's headline was chosen and what the costs are, and the sentences of
 * its findings for a brief's method note.
 */

type HeadlineRule = 'marked' | 'first-listed' | 'tillit-catalogue' | 'first-by-id';
type Per = 'user' | 'hour';

type Head = { service: string; headline: string; value: string; trend: string; activity: string; deviationPct: string; perInhabitant: string; perVolume: string };
type Costs = (lines: { names: string; count: number }, perInhabitant: { populationYear: string | null; inBrief: boolean } | null, volume: { year: string; unit: string; counted: string } | null) => string;

/** `head: a; b.` of the clauses there are; empty when there are none. */
function sentence(head: string, ...clauses: (string | null | false | undefined | '')[]): string {
  const said = clauses.filter((c): c is string => typeof c === 'string' && c !== '');
  return said.length === 0 ? '' : `${head}: ${said.join('; ')}.`;
}

export const BESIDE_WORDS = {
  heading: both('Kvalitet bredvid kostnad', 'Quality beside cost'),
  head: both<Head>(
    { service: 'Verksamhet', headline: 'Ledande indikator', value: 'Värde', trend: 'Trend', activity: 'Budgetpost', deviationPct: 'Avv. %', perInhabitant: 'Kr/inv. (ack)', perVolume: 'Kr per brukare eller timme (helår)' },
    { service: 'Service', headline: 'Headline indicator', value: 'Value', trend: 'Trend', activity: 'Budget line', deviationPct: 'Dev. %', perInhabitant: 'SEK/inhab. (YTD)', perVolume: 'SEK per user or hour (full year)' },
  ),
  /** The heads a brief words otherwise, for readers who do not read "Avv." or "ack". */
  briefHead: both<Pick<Head, 'deviationPct' | 'perInhabitant'>>(
    { deviationPct: 'Avvikelse', perInhabitant: 'Kr per invånare hittills i år' },
    { deviationPct: 'Deviation', perInhabitant: 'SEK per inhabitant to date' },
  ),
  /** After a line's name in its cell when it pays for more than one service in the table (`Äldreomsorg (gemensam)`). */
  shared: both('gemensam', 'shared'),
  /** Under the table, of a line that pays for more than one service: its figures are the whole line's. */
  sharedNote: both(
    (line: string, services: string, amounts: boolean) => `${line} är en gemensam budgetpost för ${services}: ${amounts ? 'avvikelsen och beloppen gäller' : 'avvikelsen gäller'} hela posten, inte varje verksamhet för sig.`,
    (line, services, amounts) => `${line} is one budget line shared by ${services}: its deviation${amounts ? ' and amounts are' : ' is'} the whole line's, not each service's.`,
  ),
  /** A cell of a service without a budget line of its own. */
  noActivity: both('ingen budgetpost', 'no budget line'),
  /** The head of the cost per volume column when every row counts the same (`Kr per brukare (helår)`); cells then carry no unit. */
  perHead: both<Record<Per, string>>({ user: 'Kr per brukare (helår)', hour: 'Kr per timme (helår)' }, { user: 'SEK per user (full year)', hour: 'SEK per hour (full year)' }),
  /** A cell's unit when rows count users and hours both (`245 300 kr per brukare`), and the note's name for the measure. */
  per: both<Record<Per, string>>({ user: 'kr per brukare', hour: 'kr per timme' }, { user: 'SEK per user', hour: 'SEK per hour' }),
  /** What a cost per volume is divided by, in the note (`delad med antalet brukare 2025`). */
  counted: both<Record<Per, string>>({ user: 'antalet brukare', hour: 'antalet timmar' }, { user: 'the number of users', hour: 'the number of hours' }),
  countedEither: both('antalet brukare eller timmar', 'the number of users or hours'),
  /** How the headlines in the section were chosen: one sentence per rule, naming the services. */
  rule: both<Record<HeadlineRule, (services: string) => string>>(
    {
      marked: (s) => `Ledande indikator (${s}): markerad med "headline": true i konfigurationen.`,
      'first-listed': (s) => `Ledande indikator (${s}): den först listade i konfigurationen som har värden för verksamheten; "headline": true väljer en annan.`,
      'tillit-catalogue': (s) => `Ledande indikator (${s}): det först listade av de Kolada-nyckeltal tillit känner till för verksamheten; "headline": true väljer en annan.`,
      'first-by-id': (s) => `Ledande indikator (${s}): ingen är listad i konfigurationen, så den första efter id; "headline": true väljer en annan.`,
    },
    {
      marked: (s) => `Headline indicator (${s}): marked "headline": true in the config.`,
      'first-listed': (s) => `Headline indicator (${s}): the first listed in the config with values for the service; "headline": true chooses another.`,
      'tillit-catalogue': (s) => `Headline indicator (${s}): the first listed of the Kolada KPIs tillit knows for the service; "headline": true chooses another.`,
      'first-by-id': (s) => `Headline indicator (${s}): none is listed in the config, so the first by id; "headline": true chooses one.`,
    },
  ),
  /** The same, in a brief: without the config's keys, which a brief's reader does not edit. */
  ruleInBrief: both<Record<HeadlineRule, (services: string) => string>>(
    {
      marked: (s) => `Ledande indikator (${s}): vald i förväg för verksamheten.`,
      'first-listed': (s) => `Ledande indikator (${s}): den första av de valda indikatorerna som har värden för verksamheten.`,
      'tillit-catalogue': (s) => `Ledande indikator (${s}): det först listade av de Kolada-nyckeltal tillit känner till för verksamheten.`,
      'first-by-id': (s) => `Ledande indikator (${s}): ingen är vald i förväg, så den första i ordning efter indikatorns kod.`,
    },
    {
      marked: (s) => `Headline indicator (${s}): chosen beforehand for the service.`,
      'first-listed': (s) => `Headline indicator (${s}): the first of the chosen indicators with values for the service.`,
      'tillit-catalogue': (s) => `Headline indicator (${s}): the first listed of the Kolada KPIs tillit knows for the service.`,
      'first-by-id': (s) => `Headline indicator (${s}): none is chosen beforehand, so the first in the order of the indicators' codes.`,
    },
  ),
  /** What the cost columns shown are: the lines they are of, per inhabitant (with the population's year) where shown, per volume (with its year) where shown. */
  costs: both<Costs>(
    (lines, inh, vol) => sentence(
      `Belopp för ${lines.count > 1 ? 'budgetposterna' : 'budgetposten'} ${lines.names}`,
      inh && (inh.inBrief ? inh.populationYear && `kr per invånare räknas med befolkningen ${inh.populationYear}` : `kr/inv. är utfallet hittills i år per invånare${inh.populationYear ? ` (befolkning ${inh.populationYear})` : ''}`),
      vol && `${vol.unit} är helårets prognos (utfallet när december är bokförd) delad med ${vol.counted} ${vol.year}`,
    ),
    (lines, inh, vol) => sentence(
      `Amounts of the budget ${lines.count > 1 ? 'lines' : 'line'} ${lines.names}`,
      inh && (inh.inBrief ? inh.populationYear && `SEK per inhabitant is counted with the population of ${inh.populationYear}` : `SEK/inhab. is the outcome to date per inhabitant${inh.populationYear ? ` (population ${inh.populationYear})` : ''}`),
      vol && `${vol.unit} is the year's forecast (the outcome once December is booked) divided by ${vol.counted} in ${vol.year}`,
    ),
  ),
  /** Under the table, of a service the area has figures for but none for its headline: why it has no row. */
  leftOut: both(
    (service: string, indicator: string) => `${service} visas inte här: verksamhetens ledande indikator (${indicator}) saknar siffra för området under rapportens år.`,
    (service, indicator) => `${service} is not shown here: its headline indicator (${indicator}) has no figure for the area within the report's years.`,
  ),
  /** The cost per volume's unit when rows count users and hours both. */
  perEither: both('kr per brukare eller timme', 'SEK per user or hour'),
  and: both('och', 'and'),
};

/** The sentences of quality beside cost's findings, for `FINDING_WORDS`. */
export const BESIDE_FINDING_WORDS = {
  'beside-cost-no-activity': {
    // A brief's reader does not edit the config: the key that fixes this is in the warning's message (stderr, JSON).
    sv: 'En verksamhet med kvalitetsresultat har ingen budgetpost i underlaget att ställas bredvid.',
    en: 'A service with quality figures has no budget line in the inputs to be set beside.',
  },
  'beside-cost-no-volume': {
    sv: 'Volymen (brukare eller timmar) som konfigurationen anger för en budgetpost saknas eller är 0 för året, så kostnad per brukare eller timme visas inte.',
    en: 'The volume (users or hours) the config names for a budget line is missing or 0 for the year, so no cost per user or hour is shown.',
  },
  'beside-cost-no-headline': {
    sv: 'En verksamhet med kvalitetsresultat saknar siffra för sin ledande indikator för ett område under rapportens år och visas inte i Kvalitet bredvid kostnad för det området (noten under tabellen säger vilken).',
    en: 'A service with quality figures has no figure of its headline indicator for an area within the report\'s years and is not shown in Quality beside cost for that area (the note under the table says which).',
  },
  'beside-cost-population-year': {
    sv: 'Befolkningen för budgetåret saknas för en medlem; kostnaden per invånare är delad med befolkningen ett tidigare år (året står i noten under tabellen).',
    en: 'The population of the budget year is missing for a member; the cost per inhabitant is divided by the population of an earlier year (the year is in the note under the table).',
  },
  'beside-cost-no-forecast': {
    sv: 'En budgetpost saknar helårsprognos, så kostnad per brukare eller timme visas inte förrän året är bokfört.',
    en: 'A budget line has no full-year forecast, so no cost per user or hour is shown until the year is booked.',
  },
} as const;
