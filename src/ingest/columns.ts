import type { Kind, Role } from '../config/schema.js';
import { normalizeLabel } from '../model/text.js';
import type { AmountUnit } from '../model/vocabulary.js';
import { MONTHS } from './period.js';

/**
 * Header aliases per role, compared after `normalizeLabel` (case, accents, `_`/`-` folded) and
 * after a trailing unit such as `(tkr)` or `, mnkr` is cut off.
 */
export const ALIASES: Readonly<Record<Role, readonly string[]>> = {
  municipality: [
    'kommun', 'kommunkod', 'kommun kod', 'kommunnr', 'kommun id', 'municipality', 'municipality id',
    'municipality code', 'region', 'omrade', 'area', 'organisation', 'kommun namn',
    // Where a respondent lives, Kolada/DDF's `geo`, a county column: areas all the same.
    'boendekommun', 'hemkommun', 'geo', 'lan', 'county',
  ],
  municipalityName: ['kommunnamn', 'municipality name', 'namn'],
  period: ['ar', 'period', 'manad', 'year', 'month', 'tid', 'tidpunkt', 'undersokningsar', 'time', 'lasar'],
  service: [
    'verksamhet', 'service', 'verksamhetsomrade', 'boendeform', 'tjanst', 'activity', 'omsorgsform',
    'insats', 'verksamhetsgren',
  ],
  indicator: [
    'fraga', 'indikator', 'nyckeltal', 'kpi', 'question', 'indicator', 'kpi id', 'fragekod', 'matt',
    'tabellinnehall', 'contents',
  ],
  indicatorTitle: ['titel', 'title', 'kpi title', 'fragetext', 'benamning', 'indikatornamn'],
  answer: ['svar', 'answer', 'svarsalternativ', 'response'],
  respondent: [
    'respondent', 'respondent id', 'svarande', 'lopnummer', 'lopnr', 'id', 'person', 'svarsnummer', 'svarsnr', 'respondentnummer',
    'respondent nr', 'svarande id', 'enkat id', 'enkatnummer', 'formular id', 'lop nr',
  ],
  n: ['antal svarande', 'n', 'respondents', 'antal', 'antal svar', 'number of respondents', 'svarande antal'],
  positive: ['antal positiva', 'positiva', 'positive', 'positive count', 'antal positiva svar'],
  share: ['andel', 'andel positiva', 'share', 'positive share', 'andel positiva svar', 'procent', 'andel %', 'share positive', 'percent positive', 'share of positive answers'],
  value: ['varde', 'value', 'resultat', 'utfall varde'],
  gender: ['kon', 'gender', 'sex'],
  budgetYear: ['budget', 'budget helar', 'arsbudget', 'budget ar', 'annual budget', 'budget full year', 'budget year'],
  budgetYtd: ['budget ack', 'budget ackumulerat', 'budget hittills', 'budget ytd', 'ackumulerad budget', 'ack budget'],
  budgetMonth: ['budget manad', 'manadsbudget', 'budget period', 'periodbudget', 'monthly budget', 'budget month'],
  actualYtd: ['utfall', 'utfall ack', 'utfall ackumulerat', 'actual', 'actual ytd', 'ackumulerat utfall', 'ack utfall'],
  actualMonth: ['utfall manad', 'periodutfall', 'utfall period', 'manadsutfall', 'actual month', 'monthly actual'],
  forecast: ['prognos', 'prognos helar', 'prognos utfall', 'forecast', 'helarsprognos', 'arsprognos', 'prognos ar'],
  deviation: ['avvikelse', 'avvikelse bu prognos', 'avvikelse budget prognos', 'deviation', 'budgetavvikelse'],
  status: ['status', 'flagga', 'flag'],
};

const UNIT_IN_HEADER = /[\s,(]*(?:belopp i\s*)?\b(kr|tkr|mnkr|mkr|tusen kronor|miljoner kronor|kronor)\b\)?\s*$/;

export type { AmountUnit };

/** Swedish words for a respondent's weight, alone (`Vikt`) or ending a compound (`Kalibreringsvikt`). */
const WEIGHT_SV = /^(\p{L}*vikt(er)?|vikt(ning|ningsfaktor|faktor(er)?|tal|variabel))$/u;
/** Compounds ending in -vikt that are a body's weight, not a survey's: a health survey may ask them. */
const BODY_WEIGHT = new Set(['overvikt', 'undervikt', 'kroppsvikt', 'fodelsevikt', 'normalvikt', 'idealvikt']);
/** English and statistics packages' names: `weight`, `FinalWeight`, `calwgt`, `wt`. */
const WEIGHT_EN = /^(\p{L}*weights?|weight\p{L}*|\p{L}*wgt|wght|wt)$/u;

/**
 * Whether a header names a weight per respondent, as a word of it (`Vikt`, `Viktfaktor`,
 * `Kalibreringsvikt`, `weight`, `design_wgt`): tillit counts respondents unweighted, so a file
 * that carries weights is said (`column-weight`). `Viktigaste orsak` and `Övervikt` are no weight.
 * @example isWeightHeader('Kalibreringsvikt') // true
 * @example isWeightHeader('Viktigaste anledning') // false
 */
export function isWeightHeader(header: string): boolean {
  return normalizeLabel(header).split(/[^\p{L}\d]+/u).some((w) => (WEIGHT_SV.test(w) && !BODY_WEIGHT.has(w)) || WEIGHT_EN.test(w));
}

/** Splits `Budget helår (tkr)` into the label `budget helar` and the unit `tkr`. */
export function splitHeader(header: string): { label: string; unit?: AmountUnit } {
  const norm = normalizeLabel(header.replace(/[()[\]]/g, ' '));
  const m = UNIT_IN_HEADER.exec(norm);
  if (!m) return { label: norm.replace(/ %$/, '') };
  return { label: norm.slice(0, m.index).trim(), unit: unitOfWord(m[1]!) };
}

/** `tkr`, `tusen kronor` → tkr; `kr`, `kronor` → kr; `mnkr`, `mkr`, `miljoner kronor` → mnkr. */
function unitOfWord(word: string): AmountUnit {
  return word === 'tkr' || word === 'tusen kronor' ? 'tkr' : word === 'kr' || word === 'kronor' ? 'kr' : 'mnkr';
}

/**
 * A `Prognos …` header that names a difference (`Prognos +/-`, `Prognos avvikelse`, `Prognos mot
 * budget`) is no forecast (a forecast's deviation read as the forecast gave "+242 000 tkr mot
 * budget"). Left unused, it is said as such (`column-unused`).
 */
const DEVIATION_OF = /\+\s*\/?\s*-|-\s*\/\s*\+|±|\b(avvikelse\w*|diff|differens\w*|mot budget|jmf|j[aä]mf[oö]rt med)\b/iu;

/** Prefixes for finance headers that carry a month name, e.g. `Prognos apr`. */
const PREFIXES: readonly [string, Role][] = [
  ['prognos', 'forecast'],
  ['avvikelse', 'deviation'],
];

const LOOKUP = new Map<string, Role>();
for (const [role, names] of Object.entries(ALIASES) as [Role, readonly string[]][]) {
  for (const name of names) LOOKUP.set(name, role);
}

export interface ColumnMap {
  /** Role → 0-based column index. */
  roles: Partial<Record<Role, number>>;
  /** Amount unit found in a header, with the header it came from: the first such header. */
  unit?: { unit: AmountUnit; header: string };
  /** Every header naming a unit, by column index (a file may write one column in kr, another in tkr). */
  units: Map<number, AmountUnit>;
  /** Two headers for one role: the first is used, or `used` (the later of two month-named forecasts). */
  ambiguous: { role: Role; columns: string[]; used?: string }[];
  /** The year a full-year budget column names (`Budget 2025`), with its header. */
  budgetYearNamed?: { year: number; header: string; column: number };
  /** The years the forecast column names (`Prognos 2026`, `Prognos 2025/2026`), with its header. */
  forecastYearNamed?: { years: number[]; header: string; column: number };
}

/**
 * Maps header cells to roles. Explicit `overrides` (role → header text) win; otherwise each header
 * is matched against the alias table. When two headers claim a role, the first is used and the
 * ambiguity is reported.
 */
export function mapColumns(headers: readonly string[], overrides: Partial<Record<Role, string>> = {}): ColumnMap {
  const roles: Partial<Record<Role, number>> = {};
  const ambiguous: ColumnMap['ambiguous'] = [];
  let unit: ColumnMap['unit'];
  const units = new Map<number, AmountUnit>();
  const taken = new Set<number>();
  for (const [role, header] of Object.entries(overrides) as [Role, string][]) {
    const idx = headers.findIndex((h) => normalizeLabel(h) === normalizeLabel(header));
    if (idx >= 0) {
      roles[role] = idx;
      taken.add(idx);
    }
  }
  const yearBudgets: { idx: number; year: number }[] = [];
  headers.forEach((header, idx) => {
    const split = splitHeader(header);
    if (split.unit) units.set(idx, split.unit);
    if (taken.has(idx)) return;
    const year = YEAR_BUDGET.exec(split.label);
    if (year !== null) yearBudgets.push({ idx, year: Number(year[1]) });
    const prefixed = PREFIXES.find(([p]) => split.label.startsWith(`${p} `))?.[1];
    const role = LOOKUP.get(split.label) ?? (prefixed === 'forecast' && DEVIATION_OF.test(header) ? undefined : prefixed);
    if (split.unit && !unit) unit = { unit: split.unit, header };
    if (role === undefined || overrides[role] !== undefined) return;
    if (roles[role] === undefined) roles[role] = idx;
    // `Kommunkod;Kommun`: the second municipality column is the name, checked against the code.
    else if (role === 'municipality' && roles.municipalityName === undefined) roles.municipalityName = idx;
    else if (laterMonth(split.label, splitHeader(headers[roles[role]!]!).label)) {
      // `Prognos T1` and `Prognos aug`: the later forecast is the one a follow-up reports.
      ambiguous.push({ role, columns: [headers[roles[role]!]!, header], used: header });
      roles[role] = idx;
    } else ambiguous.push({ role, columns: [headers[roles[role]!]!, header] });
  });
  // `Budget 2025` is the year's budget; beside `Budget 2024` (last year's, for comparison) the latest is.
  const latest = yearBudgets.sort((a, b) => b.year - a.year)[0];
  const named = latest !== undefined && roles.budgetYear === undefined && overrides.budgetYear === undefined;
  if (named) roles.budgetYear = latest.idx;
  const out: ColumnMap = { roles, ambiguous, units };
  if (named) out.budgetYearNamed = { year: latest.year, header: headers[latest.idx]!, column: latest.idx + 1 };
  // `Prognos 2026`; `Prognos 2025/2026` names both years.
  const forecastYears = roles.forecast === undefined || overrides.forecast !== undefined ? [] : [...splitHeader(headers[roles.forecast]!).label.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => Number(m[1]));
  if (forecastYears.length > 0) out.forecastYearNamed = { years: forecastYears, header: headers[roles.forecast!]!, column: roles.forecast! + 1 };
  if (unit) out.unit = unit;
  return out;
}

/**
 * Whether a prefixed header (`prognos aug`, `avvikelse t2`) names a later month than another of the
 * same prefix: a month's name, or a tertial's (T1 April, T2 August, T3 December).
 */
function laterMonth(label: string, than: string): boolean {
  const [a, b] = [suffixMonth(label), suffixMonth(than)];
  return a !== undefined && b !== undefined && a > b;
}

function suffixMonth(label: string): number | undefined {
  const word = label.split(' ').at(-1) ?? '';
  const tertial = /^t([123])$/.exec(word);
  return tertial !== null ? 4 * Number(tertial[1]) : MONTHS[word];
}

/** A full-year budget named by its year (`Budget 2025`, `Årsbudget 2025`). */
const YEAR_BUDGET = /^(?:budget|arsbudget|budget helar) ((?:19|20)\d\d)$/;

/** Whether a cell's text is a column name tillit knows (what a title line never is). */
export function isKnownColumn(cell: string): boolean {
  const label = splitHeader(cell).label;
  return LOOKUP.has(label) || PREFIXES.some(([p]) => label.startsWith(`${p} `));
}

/**
 * The amount unit a title names (`Månadsuppföljning april 2025, belopp i tkr`): thousands or
 * millions of kronor, or kronor when the title says "belopp i kr".
 */
export function unitInTitle(title: string): AmountUnit | undefined {
  const m = /\b(?:belopp i\s+(kr|kronor)|(tkr|mnkr|mkr|tusen kronor|miljoner kronor))\b/.exec(normalizeLabel(title));
  return m ? unitOfWord(m[1] ?? m[2]!) : undefined;
}

const BUDGET_ROLES: readonly Role[] = ['budgetYear', 'budgetYtd', 'budgetMonth', 'actualYtd', 'actualMonth', 'forecast'];

/** Which kind of data a header describes, or undefined when it matches nothing known. */
export function detectKind(roles: Partial<Record<Role, number>>): Kind | undefined {
  const has = (r: Role) => roles[r] !== undefined;
  if (has('answer')) return 'answers';
  if (BUDGET_ROLES.some(has)) return 'budget';
  // A value beside its n (`Värde`, `Antal svarande`) is an indicator value, not a published share.
  if (has('positive') || (has('n') && (has('share') || !has('value'))) || (has('share') && has('service'))) return 'survey';
  if (has('value') || has('share')) return 'values';
  return undefined;
}

/** Roles a kind cannot do without (beyond the alternatives checked per kind). */
export const REQUIRED: Readonly<Record<Kind, readonly Role[]>> = {
  survey: ['municipality', 'period', 'indicator'],
  answers: ['municipality', 'period', 'indicator', 'answer'],
  budget: ['municipality', 'service'],
  values: ['municipality', 'period', 'indicator'],
};

export function expectedNames(role: Role): string {
  return ALIASES[role].slice(0, 4).join('/');
}
