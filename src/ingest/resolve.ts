import { dirname, resolve } from 'node:path';
import { answerClassifier, DEFAULT_EXCLUDED, DEFAULT_POSITIVE } from './answers.js';
import type { ParseOptions } from './parse-input.js';
import type { Config, InputSpec } from '../config/schema.js';

/** Per-run overrides from the command line; they win over the config's per-file settings. */
export type IngestOverrides = Partial<Pick<InputSpec, 'kind' | 'delimiter' | 'decimal' | 'encoding' | 'unit' | 'sign' | 'period' | 'dash' | 'municipality' | 'indicator'>> & {
  gender?: 'T' | 'K' | 'M' | 'all';
  maxRows?: number;
  /** Period for files that have none in a column or their config entry (the report's --period). */
  fallbackPeriod?: string;
};

/** The options ingest needs for one file, from the config, the file's entry and the flags. */
export function ingestOptions(config: Config, spec: Partial<InputSpec>, overrides: IngestOverrides): Omit<ParseOptions, 'file'> {
  const merged = { ...spec, ...definedOnly(overrides) };
  const answerScale = {
    positive: config.survey.positive ?? DEFAULT_POSITIVE,
    excluded: config.survey.excluded ?? DEFAULT_EXCLUDED,
    other: config.survey.other,
    questions: config.survey.questions,
  };
  const out: Omit<ParseOptions, 'file'> = {
    organisation: { code: config.organisation.code, name: config.organisation.name, aliases: config.organisation.aliases },
    ...federations(config),
    classify: answerClassifier(answerScale),
    answerScale,
  };
  if (overrides.gender) out.gender = overrides.gender;
  if (overrides.maxRows) out.maxRows = overrides.maxRows;
  if (merged.kind) out.kind = merged.kind;
  if (merged.delimiter) out.delimiter = merged.delimiter;
  if (merged.decimal) out.decimal = merged.decimal;
  if (merged.encoding) out.encoding = merged.encoding;
  if (merged.unit) out.unit = merged.unit;
  const population = latestPopulation(config);
  if (population) out.population = population;
  if (merged.sign) out.sign = merged.sign;
  const period = merged.period ?? overrides.fallbackPeriod;
  if (period) out.period = period;
  if (merged.municipality) out.municipality = merged.municipality;
  if (merged.indicator) out.indicator = merged.indicator;
  if (merged.dash) out.dash = merged.dash;
  if (spec.columns) out.columns = spec.columns;
  return out;
}

/**
 * Each member's latest population, and the organisation's as their sum when every member has one:
 * what budget amounts are judged against (the order of magnitude is what matters, not the year).
 */
function latestPopulation(config: Config): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let sum = 0;
  for (const m of config.members) {
    const year = Object.keys(m.population).sort().at(-1);
    if (year === undefined) continue;
    out[m.code] = m.population[year]!;
    sum += m.population[year]!;
  }
  if (Object.keys(out).length === 0) return undefined;
  if (Object.keys(out).length === config.members.length) out[config.organisation.code] = sum;
  return out;
}

/** Kommunalförbund members, whose rows name them by the id or the names the config gives. */
function federations(config: Config): Pick<Omit<ParseOptions, 'file'>, 'federations'> {
  const list = config.members.filter((m) => m.kind === 'kommunalförbund').map((m) => ({ code: m.code, names: [...(m.name === undefined ? [] : [m.name]), ...m.aliases] }));
  return list.length > 0 ? { federations: list } : {};
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Input paths in a config are relative to the config file. */
export function configInputPath(configPath: string, input: InputSpec): string {
  return resolve(dirname(configPath), input.path);
}
