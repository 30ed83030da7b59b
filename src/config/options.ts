import { z } from 'zod';
import { amountUnit, dash, decimalMark, delimiter, forcedEncoding, genderFilter, kind, sign } from '../model/vocabulary.js';

/** One setting of how an input file is read. */
export interface ReadOption<V extends z.ZodType = z.ZodType> {
  /** Its values; an enum's are the flag's choices. */
  value: V;
  /** The flag as commander writes it, and what `--help` says; none when only a config sets it. */
  flag?: { readonly name: string; readonly help: string; readonly words?: Readonly<Record<string, z.infer<V>>> };
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
  kind: { value: kind, flag: { name: '--kind <kind>', help: 'force the kind of data' }, config: { description: 'Override the detected kind of data.' } },
  encoding: { value: forcedEncoding, flag: { name: '--encoding <encoding>', help: 'force the encoding' }, config: {} },
  // A tab is hard to type on the command line: the flag takes its name.
  delimiter: { value: delimiter, flag: { name: '--delimiter <char>', help: 'force the delimiter', words: { tab: '\t' } }, config: {} },
  decimal: { value: decimalMark, flag: { name: '--decimal <mark>', help: 'force the decimal mark' }, config: {} },
  unit: { value: amountUnit, flag: { name: '--unit <unit>', help: 'amount unit of budget files' }, config: { description: 'Amount unit of budget files.' } },
  sign: {
    value: sign,
    flag: { name: '--sign <convention>', help: 'how budget files write costs' },
    config: { description: 'How the source writes costs; inferred when all budget amounts share one sign.' },
  },
  gender: { value: genderFilter, flag: { name: '--gender <g>', help: 'keep only this gender (T total, K women, M men)' } },
  period: {
    value: z.string(),
    flag: { name: '--input-period <period>', help: 'period for budget files that carry none, e.g. 2025-08' },
    config: { description: 'Period for files that carry none, e.g. "2025-08".' },
  },
  municipality: {
    value: z.string(),
    flag: { name: '--input-municipality <code>', help: 'municipality (code or name) for files without such a column' },
    config: { description: 'Municipality code or name (or the organisation code) for files without such a column.' },
  },
  indicator: {
    value: z.string().min(1),
    flag: { name: '--input-indicator <id>', help: 'indicator for files without such a column, e.g. U21468' },
    config: { description: 'Indicator (a Kolada id such as "U21468", or a name) for files without an indicator column.' },
  },
  dash: { value: dash, config: { description: 'What a lone "-" means (default zero).' } },
} as const satisfies Record<string, ReadOption>;

export type ReadKey = keyof typeof READ_OPTIONS;
export const READ_KEYS = Object.keys(READ_OPTIONS) as ReadKey[];

/** Settings of how one file is read, any of them given. */
export type ReadSettings = { [K in ReadKey]?: z.infer<(typeof READ_OPTIONS)[K]['value']> };

type ConfigKey = { [K in ReadKey]: (typeof READ_OPTIONS)[K] extends { config: object } ? K : never }[ReadKey];

/** The fields of a config's `inputs` entry that the table declares, each optional. */
export const readConfigFields = Object.fromEntries(
  READ_KEYS.flatMap((key) => {
    const { value, config }: ReadOption = READ_OPTIONS[key];
    if (config === undefined) return [];
    const field = value.optional();
    return [[key, config.description === undefined ? field : field.describe(config.description)]];
  }),
) as { [K in ConfigKey]: z.ZodOptional<(typeof READ_OPTIONS)[K]['value']> };

/** The values a flag accepts as typed: an enum's values, with the `words` said in their place. */
export function flagChoices(o: ReadOption): string[] | undefined {
  if (!(o.value instanceof z.ZodEnum)) return undefined;
  const words = Object.entries(o.flag?.words ?? {});
  return (o.value.options as string[]).map((v) => words.find(([, meant]) => meant === v)?.[0] ?? v);
}

/** What a flag's word means (`tab` is a tab). */
export function flagValue(o: ReadOption, word: string): unknown {
  return o.flag?.words?.[word] ?? word;
}
