/**
 * The words every layer shares, each spelled once, as plain lists: the command line offers them as
 * its flags' choices without loading zod (`tillit --version` and `--help` stay fast);
 * `vocabulary.ts` makes the schemas' enums of the same lists.
 */

/** Units an indicator's value can have: a share in percent, kronor, kronor per inhabitant, millions of kronor, days, hours, a count, a plain number. */
export const VALUE_UNITS = ['%', 'kr', 'kr/inv', 'mnkr', 'days', 'hours', 'count', 'number'] as const;
export type ValueUnit = (typeof VALUE_UNITS)[number];

/** Which direction of an indicator is better; `none` gives no status, no rank and no judgement. */
export const BETTER = ['higher', 'lower', 'none'] as const;
export type Better = (typeof BETTER)[number];
/**
 * Why a quality row is not green, in the order they are judged (`qualityStatusWhy`); renderers
 * word them. The reference is the nation (Riket), else the area's region.
 */
export const STATUS_REASONS = ['worsening-trend', 'below-reference', 'fell', 'below-target', 'untested-below-reference'] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

/** Kinds of input data: aggregated survey results, respondent-level answers, budget follow-up, indicator values. */
export const KINDS = ['survey', 'answers', 'budget', 'values'] as const;
export type Kind = (typeof KINDS)[number];

/** Languages a report is written in. */
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The activity name of an area's budget total in the report model (`total: true`), in the
 * organisation's language: data, as the JSON report carries it, not a label of one rendering.
 */
export const TOTAL_ACTIVITY = { sv: 'Totalt', en: 'Total' } as const satisfies Record<Lang, string>;

/** Units amounts are written or shown in: kronor, thousands, millions. */
export const AMOUNT_UNITS = ['kr', 'tkr', 'mnkr'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** Decimal marks of numbers in input files. */
export const DECIMAL_MARKS = [',', '.'] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/** Cell delimiters of CSV input files. */
export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Encodings a person may force; the UTF-16 ones are only ever detected (by their byte-order mark). */
export const FORCED_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type ForcedEncoding = (typeof FORCED_ENCODINGS)[number];
export const ENCODINGS = [...FORCED_ENCODINGS, 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How a budget source writes costs. */
export const SIGNS = ['costs-positive', 'costs-negative'] as const;
export type Sign = (typeof SIGNS)[number];

/** Respondent gender in the data: total, women (kvinnor), men (män). */
export const GENDERS = ['T', 'K', 'M'] as const;
export type Gender = (typeof GENDERS)[number];
/** A gender's place in `GENDERS`: where slots and columns kept per gender hold it. */
export const GENDER_INDEX: Readonly<Record<Gender, number>> = { T: 0, K: 1, M: 2 };

/** Which gender's rows are read: one of them, or all. */
export const GENDER_FILTERS = [...GENDERS, 'all'] as const;
export type GenderFilter = (typeof GENDER_FILTERS)[number];

/** What a lone "-" in a number cell means. */
export const DASHES = ['zero', 'missing'] as const;
export type Dash = (typeof DASHES)[number];

/** Flavours of CSV output: RFC 4180, or what Excel in Swedish opens (semicolons, decimal commas). */
export const CSV_DIALECTS = ['rfc4180', 'excel-sv'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];
