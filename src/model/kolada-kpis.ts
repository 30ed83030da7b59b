import type { IndicatorSpec, KnownIndicator } from './indicator.js';
import { KOLADA_TITLES } from './kolada-titles.js';
import { normalizeLabel } from './text.js';
import type { Better, ValueUnit } from './vocabulary.js';

/**
 * Kolada KPIs tillit knows without a config. Nine have English titles, a better direction and, where
 * Kolada documents a definition change, series breaks (net cost deviation method 2019). Every other
 * KPI of Kolada's 2021 list is known by its Swedish title, with the unit its title ends in. The
 * user assessments and the wait for special housing name their service, so quality beside cost can
 * place Kolada's values (which carry none); in this list's order they head their service.
 * A config's `indicators` entry with the same id wins.
 */
export const KOLADA_KPIS: readonly KnownIndicator[] = [
  { id: 'U21468', title: { sv: 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)', en: 'User assessment, home care for the elderly – overall, share (%)' }, better: 'higher', unit: '%', breaks: [], service: 'Hemtjänst' },
  { id: 'U23471', title: { sv: 'Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)', en: 'User assessment, special housing for the elderly – overall, share (%)' }, better: 'higher', unit: '%', breaks: [], service: 'Särskilt boende' },
  { id: 'U23592', title: { sv: 'Brukarbedömning, antal svarande', en: 'User assessment, respondents' }, better: 'none', unit: 'count', breaks: [] },
  { id: 'U23593', title: { sv: 'Brukarbedömning, svarsfrekvens (%)', en: 'User assessment, response rate (%)' }, better: 'higher', unit: '%', breaks: [] },
  { id: 'U23401', title: { sv: 'Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum till särskilt boende, medelvärde', en: 'Waiting days to special housing, mean' }, better: 'lower', unit: 'days', breaks: [], service: 'Särskilt boende' },
  { id: 'N03001', title: { sv: 'Resultat före extraordinära poster, andel av skatteintäkter och generella statsbidrag (%)', en: 'Result before extraordinary items, % of tax revenue and general grants' }, better: 'higher', unit: '%', target: 2, breaks: [] },
  { id: 'N00097', title: { sv: 'Nettokostnadsavvikelse totalt (exkl. LSS), (%)', en: 'Net cost deviation total (excl. LSS), %' }, better: 'none', unit: '%', breaks: [2019] },
  { id: 'N20900', title: { sv: 'Nettokostnadsavvikelse äldreomsorg, (%)', en: 'Net cost deviation, elderly care, %' }, better: 'none', unit: '%', breaks: [2019] },
  { id: 'N20029', title: { sv: 'Nettokostnadsavvikelse äldreomsorg, mnkr', en: 'Net cost deviation, elderly care, MSEK' }, better: 'none', unit: 'mnkr', breaks: [2019] },
];

/**
 * Better directions for the elderly-care user survey's KPIs (home care U214xx, special housing
 * U234xx), read from each title: a share of users who are satisfied, feel safe, are treated well,
 * get enough time or have influence is better higher; a share bothered by loneliness or severe
 * anxiety is better lower. Descriptive shares (health, living with another adult, answered by
 * themselves) have no better direction and stay unknown, like every KPI not named here.
 */
const HIGHER = 'U21420 U21422 U21461 U21462 U21463 U21464 U21465 U21466 U21467 U21472 U21473 U21474 U21475 U21477 U21481 U21504 U21505 U23413 U23414 U23415 U23416 U23424 U23459 U23460 U23461 U23462 U23463 U23464 U23465 U23466 U23467 U23468 U23469 U23470 U23472 U23475 U23480 U23483 U23485 U23516 U23520 U23521';
const LOWER = 'U01421 U21449 U21478 U23450 U23481';
const DIRECTIONS = new Map<string, Better>([
  ...HIGHER.split(' ').map((id): [string, Better] => [id, 'higher']),
  ...LOWER.split(' ').map((id): [string, Better] => [id, 'lower']),
]);

/** A Kolada KPI id: N or U and five digits (Kolada's files and dumps write it in either case). */
export function isKoladaId(id: string): boolean {
  return /^[nu]\d{5}$/i.test(id);
}

/**
 * The unit a Kolada title ends in (", andel (%)", ", kr/inv", ", antal", ", dagar", ", mnkr"…), or
 * `number` when it names none tillit formats (an index, kg/inv, a rate per 1 000 inhabitants).
 * @example unitFromTitle('Personalkostnader, kr/inv') // 'kr/inv'
 */
export function unitFromTitle(title: string): ValueUnit {
  // Kolada notes the years a KPI was published in a trailing "(-2018)" or "(2015-)".
  const t = withoutYears(title).replace(/\.$/, '').trim().toLowerCase();
  if (/\(%\)$|andel \(%\)/.test(t)) return '%';
  const suffix = t.slice(t.lastIndexOf(',') + 1).trim();
  if (/^kr\/inv\b/.test(suffix)) return 'kr/inv';
  if (suffix === 'kr') return 'kr';
  if (suffix === 'mnkr' || suffix === 'miljoner kronor') return 'mnkr';
  if (suffix === 'antal') return 'count';
  if (suffix === 'dagar' || suffix === 'antal dagar') return 'days';
  if (/^timmar\b/.test(suffix)) return 'hours';
  return 'number';
}

/** The unit a free-text title names: shares say so, amounts name kronor, waits name days. */
export function unitInTitle(title: string): '%' | 'kr' | 'days' | 'number' {
  const t = normalizeLabel(title);
  if (/\bandel\b|procent|%|\bshare\b|percent/.test(title.toLowerCase()) || /\bandel\b/.test(t)) return '%';
  if (/\bkr\b|kronor|\bsek\b/.test(t)) return 'kr';
  if (/\bdagar\b|\bdays\b/.test(t)) return 'days';
  return 'number';
}

let byId: Map<string, KnownIndicator> | undefined;

/** Every known KPI by id, made on first use from the curated specs and the title list. */
function catalogue(): Map<string, KnownIndicator> {
  if (byId) return byId;
  byId = new Map();
  for (const line of KOLADA_TITLES.split('\n')) {
    const tab = line.indexOf('\t');
    const id = line.slice(0, tab);
    const title = line.slice(tab + 1);
    byId.set(id, { id, title: { sv: title, en: title }, better: DIRECTIONS.get(id) ?? 'none', unit: unitFromTitle(title), breaks: [] });
  }
  for (const spec of KOLADA_KPIS) byId.set(spec.id, spec);
  return byId;
}

/**
 * What tillit knows of a Kolada KPI (`u21468` or `U21468`), under the id as the data spell it;
 * undefined for an id Kolada's list does not have. A KPI with `better: 'none'` is one whose better
 * direction tillit does not know: it gets no status and no rank.
 */
export function koladaKpi(id: string): KnownIndicator | undefined {
  if (!isKoladaId(id)) return undefined;
  const spec = catalogue().get(id.toUpperCase());
  return spec && spec.id !== id ? { ...spec, id } : spec;
}

let byTitle: Map<string, string | null> | undefined;

/**
 * The Kolada KPI a title names, as Kolada writes it (`Brukarbedömning hemtjänst äldreomsorg -
 * helhetssyn, andel (%)`; case, accents and spacing aside, with or without its "(-2018)" years):
 * rKolada extracts and PX tables write the title where an id would be. Kolada's own titles and
 * tillit's for the KPIs it describes both count. A title as written wins over one matched without its
 * years (a discontinued KPI's title less "(-2013)" is often a current KPI's). Undefined for a
 * title no KPI has, or one two KPIs share.
 */
/** A Kolada KPI's title as Kolada writes it (in Swedish, the source's language), if tillit knows the KPI. */
export function koladaTitle(id: string): string | undefined {
  return koladaKpi(id)?.title.sv;
}

export function koladaIdOfTitle(title: string): string | undefined {
  byTitle ??= titleIndex();
  const key = normalizeLabel(title);
  return byTitle.get(key) ?? byTitle.get(key.replace(PX_DIMENSIONS, '')) ?? undefined;
}

/**
 * What PX-Web appends to a table's title: the dimensions it is "by" (`… andel (%) efter region och
 * år`, `… efter region, tabellinnehåll och år`), which no KPI's own title has.
 */
const PX_DIMENSIONS = /\s+efter\s+[\p{L}\s,]+\soch\s[\p{L}]+$/u;

function titleIndex(): Map<string, string | null> {
  const exact = new Map<string, string | null>();
  const stripped = new Map<string, string | null>();
  const add = (map: Map<string, string | null>, key: string, id: string) => {
    map.set(key, map.has(key) && map.get(key) !== id ? null : id);
  };
  const titles: [string, string][] = KOLADA_TITLES.split('\n').map((line) => [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)]);
  const keys = normalizedTitles();
  for (const kpi of KOLADA_KPIS) titles.push([kpi.id, kpi.title.sv]);
  titles.forEach(([id, title], i) => {
    const key = keys[i] ?? normalizeLabel(title);
    add(exact, key, id);
    // A title without years is in `exact` already, and `stripped` only fills keys `exact` lacks.
    const bare = withoutYears(title);
    if (bare !== title) add(stripped, normalizeLabel(bare), id);
  });
  for (const [key, id] of stripped) if (!exact.has(key)) exact.set(key, id);
  return exact;
}

/**
 * `normalizeLabel` of every title in the list, in its order, made over the whole list at once:
 * 5 000 calls took ~40 ms of every run that reads a title, one pass over the list a few. Tabs and
 * line feeds are kept apart from other whitespace so the lines and their ids stay where they were.
 * @internal Exported for its test, which holds it to `normalizeLabel` title by title.
 */
export function normalizedTitles(): string[] {
  const all = KOLADA_TITLES.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[_\-–./:]+/g, ' ').replace(/[^\S\t\n]+/g, ' ');
  return all.split('\n').map((line) => line.slice(line.indexOf('\t') + 1).trim());
}

/** A Kolada title without the years it was published in (a trailing "(-2018)" or "(2015-)"). */
function withoutYears(title: string): string {
  return title.replace(/(\s*\((?:-\d{4}|\d{4}-|\d{4}-\d{4})\))+\s*\.?$/, '').trim();
}

/**
 * Whether a Kolada KPI is a share of the user survey's respondents ("Brukarbedömning …, andel
 * (%)"): 0–100 by definition. Kolada calls many other figures "andel (%)" that are not (a cost
 * deviation, a self-financing ratio over 100 %), so only these are held to the range.
 */
export function isRespondentShare(id: string): boolean {
  const spec = koladaKpi(id);
  return spec !== undefined && spec.unit === '%' && /^brukarbedömning\b/i.test(spec.title.sv);
}

/** The range a respondent share is held to, as a finding names it. */
export const SHARE_RANGE = 'between 0 and 100 (a share of the survey\'s respondents)';

/**
 * The config's indicators over what tillit knows of Kolada's KPIs: a key the config's entry leaves
 * out (`better`, `unit`, `breaks`, `service`, `target`) is the catalogue's, so a title given for a
 * KPI does not lose its unit or direction; with no catalogue entry it stays unknown.
 */
export function indicatorCatalogue(own: readonly IndicatorSpec[]): { get(id: string): IndicatorSpec | undefined } {
  const entries = new Map(own.map((i) => [i.id, i]));
  const known = new Map<string, IndicatorSpec | undefined>();
  return {
    get(id) {
      if (!known.has(id)) known.set(id, overCatalogue(entries.get(id), koladaKpi(id)));
      return known.get(id);
    },
  };
}

/** A config entry laid over the catalogue's: only the keys the config states replace the catalogue's. */
function overCatalogue(entry: IndicatorSpec | undefined, kpi: KnownIndicator | undefined): IndicatorSpec | undefined {
  if (entry === undefined || kpi === undefined) return entry ?? kpi;
  const stated = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
  return { ...kpi, ...stated };
}

/**
 * A title that names a count of respondents: PX-Web's `tabellinnehåll` "Antal svarande" beside
 * "Andel positiva", Kolada's "Brukarbedömning …, antal svar". A response rate ("svarsfrekvens") or
 * a count of anything else is not one.
 */
export const RESPONDENT_COUNT_TITLE = /(^|[\s,;:(-])antal\s+(svar|svarande|besvarade(\s+enkäter)?|respondenter)(?=$|[\s,;:)])|\bnumber of respondents\b/iu;

/** Whether an indicator (a Kolada id, known by its title, or a title) counts respondents. */
export function countsRespondentsTitle(indicator: string): boolean {
  return RESPONDENT_COUNT_TITLE.test(koladaTitle(indicator.toUpperCase()) ?? indicator);
}

/**
 * A title of a share a survey's respondents give ("Andel positiva", "nöjda", "Brukarbedömning …"):
 * what a count of respondents that names no survey is lent to. A file's other per-cent figures (a
 * population share, sick leave) are no answers of those respondents.
 */
export const SURVEY_SHARE_TITLE = /positiv|nöjd|instämm|brukarbedömning|helhetssyn|bemötande|trygg|förtroende|inflytande|svar|gott|bra\b/iu;

/**
 * Whether an indicator is a survey's figure, a share its respondents give or a count of them: what
 * a file with counts of respondents reads for every gender (see `RecordPlan.surveyGenders`).
 */
export function surveyFigureTitle(indicator: string): boolean {
  const title = koladaTitle(indicator.toUpperCase()) ?? indicator;
  return RESPONDENT_COUNT_TITLE.test(title) || SURVEY_SHARE_TITLE.test(title);
}
