import { dirname, resolve } from 'node:path';
import { answerClassifier, droppedPositives, type AnswerScale } from './answers.js';
import { finding, type Finding } from '../model/findings.js';
import type { ParsedInput, ParseOptions } from './parse-input.js';
import { normalizeLabel } from '../model/text.js';
import { federationsOf } from '../model/membership.js';
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
  const answerScale = answerScaleOf(config);
  const population = latestPopulation(config);
  return {
    organisation: { code: config.organisation.code, name: config.organisation.name, aliases: config.organisation.aliases },
    ...federations(config),
    classify: answerClassifier(answerScale),
    answerScale,
    ...readSettings(spec, overrides),
    ...configuredSettings(spec, overrides),
    ...(overrides.maxRows ? { maxRows: overrides.maxRows } : {}),
    ...(overrides.fallbackPeriod !== undefined ? { reportPeriod: overrides.fallbackPeriod } : {}),
    ...(population ? { population } : {}),
    ...(spec.columns ? { columns: spec.columns } : {}),
  };
}

/** The config's answer lists, which the classifier lays over the built-in scales (see `AnswerScale`). */
export function answerScaleOf(config: Config): AnswerScale {
  const { positive = [], excluded = [], other, questions } = config.survey;
  return { positive, excluded, other, questions };
}

/**
 * The config's answer lists said where they turn a built-in positive answer into a not-positive one
 * (see `droppedPositives`), as file-level warnings: its shares differ from the usual ones, however
 * deliberate the config. Only labels the answers read hold are named (`builtInPositives` of each
 * input), each warning on the first input that holds one of its labels: a list that leaves out a
 * label no respondent gave changes no share.
 */
export function droppedPositiveFindings(config: Config, inputs: readonly Pick<ParsedInput, 'file' | 'builtInPositives'>[]): { input: number; finding: Finding }[] {
  const quote = (labels: readonly string[]) => labels.map((l) => `"${l}"`).join(', ');
  const held = inputs.map((i) => new Set(i.builtInPositives ?? []));
  return droppedPositives(answerScaleOf(config)).flatMap((d) => {
    const labels = d.labels.filter((l) => held.some((h) => h.has(normalizeLabel(l))));
    const input = held.findIndex((h) => labels.some((l) => h.has(normalizeLabel(l))));
    if (input < 0) return [];
    return [{
      input,
      finding: finding(inputs[input]!.file, {
        code: 'answer-positive-dropped',
        args: { labels: quote(labels), them: quote(labels), count: labels.length, scale: d.scale, list: d.list, named: quote(d.named), reason: d.reason, as: d.as },
      }),
    }];
  });
}

/** The config entry's own `period`, `municipality` and `indicator`, where no flag replaces them. */
function configuredSettings(spec: Partial<InputSpec>, overrides: IngestOverrides): Pick<Omit<ParseOptions, 'file'>, 'configured'> {
  const keys = (['period', 'municipality', 'indicator'] as const).filter((k) => spec[k] && overrides[k] === undefined);
  return keys.length === 0 ? {} : { configured: Object.fromEntries(keys.map((k) => [k, spec[k]!])) };
}

/** Each setting of how the file is read: the flag's, else the config entry's; one left empty is not set. */
function readSettings(spec: ReadSettings, overrides: IngestOverrides): ReadSettings {
  return Object.fromEntries(READ_KEYS.flatMap((key) => {
    const value = overrides[key] ?? spec[key];
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
  const list = federationsOf(config.members);
  return list.length > 0 ? { federations: list } : {};
}

/** Input paths in a config are relative to the config file. */
export function configInputPath(configPath: string, input: InputSpec): string {
  return resolve(dirname(configPath), input.path);
}
