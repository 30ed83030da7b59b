import { AMOUNT_UNITS, DASHES, DECIMAL_MARKS, DELIMITERS, FORCED_ENCODINGS, GENDER_FILTERS, KINDS, SIGNS } from '../model/words.js';

/** What a read option takes: one of these words, or text (`name`: text that is not empty). */
export type ReadValue = readonly string[] | 'text' | 'name';
/** The value a `ReadValue` describes. */
export type ValueOf<V extends ReadValue> = V extends readonly (infer W extends string)[] ? W : string;

/**
 * One setting of how an input file is read. The table stays free of zod, so that the command line
 * builds its flags without loading it; `schema.ts` makes a config entry's fields of it.
 */
export interface ReadOption<V extends ReadValue = ReadValue> {
  /** Its values; a list of words is the flag's choices. */
  value: V;
  /** The flag as commander writes it, and what `--help` says; none when only a config sets it. */
  flag?: { readonly name: string; readonly help: string; readonly words?: Readonly<Record<string, ValueOf<V>>> };
  /** Whether a config's `inputs` entry may set it (under the same key), and what its JSON Schema says. */
  config?: { readonly description?: string };
}

/**
 * The settings of how an input file is read, each declared once: commander's flags (in this order
 * under their heading in `--help`), a config's `inputs` entry (in this order in its JSON Schema),
 * the type of the command line's overrides and their merge over a config entry
 * (`ingest/resolve.ts`) all come from here. The keys are those of the config entry and of ingest's
 * options. A flag wins over the config entry for the files it reads.
 */
export const READ_OPTIONS = {
  kind: { value: KINDS, flag: { name: '--kind <kind>', help: 'force the kind of data' }, config: { description: 'Override the detected kind of data.' } },
  encoding: { value: FORCED_ENCODINGS, flag: { name: '--encoding <encoding>', help: 'force the encoding' }, config: {} },
  // A tab is hard to type on the command line: the flag takes its name.
  delimiter: { value: DELIMITERS, flag: { name: '--delimiter <char>', help: 'force the delimiter', words: { tab: '\t' } }, config: {} },
  decimal: { value: DECIMAL_MARKS, flag: { name: '--decimal <mark>', help: 'force the decimal mark' }, config: {} },
  unit: { value: AMOUNT_UNITS, flag: { name: '--unit <unit>', help: 'amount unit of budget files' }, config: { description: 'Amount unit of budget files.' } },
  sign: {
    value: SIGNS,
    flag: { name: '--sign <convention>', help: 'how budget files write costs' },
    config: { description: 'How the source writes costs; inferred when all budget amounts share one sign.' },
  },
  gender: { value: GENDER_FILTERS, flag: { name: '--gender <g>', help: 'keep only this gender from indicator values (T total, K women, M men); answers and survey counts are read for every gender' } },
  period: {
    value: 'text',
    flag: { name: '--input-period <period>', help: 'period for budget files that carry none, e.g. 2025-08' },
    config: { description: 'Period for files that carry none, e.g. "2025-08".' },
  },
  municipality: {
    value: 'text',
    flag: { name: '--input-municipality <code>', help: 'municipality (code or name) for files without such a column' },
    config: { description: 'Municipality code or name (or the organisation code) for files without such a column.' },
  },
  indicator: {
    value: 'name',
    flag: { name: '--input-indicator <id>', help: 'indicator for files without such a column, e.g. U21468' },
    config: { description: 'Indicator (a Kolada id such as "U21468", or a name) for files without an indicator column.' },
  },
  dash: { value: DASHES, config: { description: 'What a lone "-" means (default zero).' } },
} as const satisfies Record<string, ReadOption>;

export type ReadKey = keyof typeof READ_OPTIONS;
export const READ_KEYS = Object.keys(READ_OPTIONS) as ReadKey[];

/** Settings of how one file is read, any of them given. */
export type ReadSettings = { [K in ReadKey]?: ValueOf<(typeof READ_OPTIONS)[K]['value']> };

/** The options a config's `inputs` entry may set. */
export type ConfigKey = { [K in ReadKey]: (typeof READ_OPTIONS)[K] extends { config: object } ? K : never }[ReadKey];

/** The values a flag accepts as typed: a list's words, with the flag's `words` said in their place. */
export function flagChoices(o: ReadOption): string[] | undefined {
  if (typeof o.value === 'string') return undefined;
  const words = Object.entries(o.flag?.words ?? {});
  return o.value.map((v) => words.find(([, meant]) => meant === v)?.[0] ?? v);
}

/** What a flag's word means (`tab` is a tab). */
export function flagValue(o: ReadOption, word: string): unknown {
  return o.flag?.words?.[word] ?? word;
}
