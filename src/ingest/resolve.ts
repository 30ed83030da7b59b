import { dirname, resolve } from 'node:path';
import { answerClassifier, DEFAULT_EXCLUDED, DEFAULT_POSITIVE } from './answers.js';
import type { ParseOptions } from './parse-input.js';
import { READ_KEYS, type ReadSettings } from '../config/options.js';
import type { Config, InputSpec } from '../config/schema.js';

/**
 * Per-run overrides from the command line (`config/options.ts` declares them); they win over the
 * config's per-file settings.
 */
export type IngestOverrides = ReadSettings & {
  maxRows?: number;
  /** Period for files that have none in a column or their config entry (the report's --period). */
  fallbackPeriod?: string;
};

/** The options ingest needs for one file, from the config, the file's entry and the flags. */
export function ingestOptions(config: Config, spec: Partial<InputSpec>, overrides: IngestOverrides): Omit<ParseOptions, 'file'> {
  const answerScale = {
    positive: config.survey.positive ?? DEFAULT_POSITIVE,
    excluded: config.survey.excluded ?? DEFAULT_EXCLUDED,
    other: config.survey.other,
    questions: config.survey.questions,
  };
  const population = latestPopulation(config);
  return {
    organisation: { code: config.organisation.code, name: config.organisation.name, aliases: config.organisation.aliases },
    ...federations(config),
    classify: answerClassifier(answerScale),
    answerScale,
    ...readSettings(spec, overrides),
    ...(overrides.maxRows ? { maxRows: overrides.maxRows } : {}),
    ...(population ? { population } : {}),
    ...(spec.columns ? { columns: spec.columns } : {}),
  };
}

/** Each setting of how the file is read: the flag's, else the config entry's; one left empty is not set. */
function readSettings(spec: ReadSettings, overrides: IngestOverrides): ReadSettings {
  return Object.fromEntries(READ_KEYS.flatMap((key) => {
    // A finance export without a period anywhere is read as of the report's month.
    const value = overrides[key] ?? spec[key] ?? (key === 'period' ? overrides.fallbackPeriod : undefined);
    return value ? [[key, value]] : [];
  }));
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

/** Input paths in a config are relative to the config file. */
export function configInputPath(configPath: string, input: InputSpec): string {
  return resolve(dirname(configPath), input.path);
}
