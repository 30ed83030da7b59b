import { keptOf } from '../model/input.js';
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigError, defaultConfig, parseConfig } from '../config/parse.js';
import { configInputPath, droppedPositiveFindings, ingestOptions, type IngestOverrides } from './resolve.js';
import type { Config, InputSpec } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import type { ParsedInput, ParseOptions } from './parse-input.js';
import { DEFAULT_MAX_BYTES, displayPath, readInput, readText } from './read.js';
import { stopWarmWorkers, type ThreadOptions } from './reading-workers.js';
import { repeatedAnswers } from './respondents.js';
import { sameFiles } from './same-file.js';
import { sameAnswers } from './same-answers.js';
import { resolveScores } from './scores.js';
import { notePagesMissing } from './kolada-pages.js';
import { parsePeriod } from './period.js';
import { resolveArea } from '../model/register.js';
import { normalizeLabel, truncate } from '../model/text.js';

export const CONFIG_FILE = 'tillit.config.json';

export interface LoadedConfig {
  config: Config;
  /** Path of the config file, absent when running on defaults. */
  path?: string;
}

/**
 * The config named by `--config`, else `tillit.config.json` in the working directory, else the
 * defaults (a run on plain files needs no config).
 */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const path = explicit ?? (existsSync(resolve(cwd, CONFIG_FILE)) ? resolve(cwd, CONFIG_FILE) : undefined);
  if (path === undefined) return { config: defaultConfig() };
  let text: string;
  try {
    text = await readText(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ConfigError(`${displayPath(path)}: cannot read config (${code === 'ENOENT' ? 'file not found' : code})`, { cause });
  }
  return { config: parseConfig(text, displayPath(path)), path };
}

export interface LoadOptions {
  files: string[];
  /** With FILES given: add them to the config's inputs instead of replacing them. */
  addToConfig?: boolean;
  overrides: IngestOverrides;
  maxBytes?: number;
  threads?: ThreadOptions;
  /** Read config inputs outside the config's folder (`--allow-outside`). */
  allowOutside?: boolean;
}

/** A path as the file system has it (links followed), or as written when it does not exist yet. */
async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * A config names its inputs relative to its own folder, and only there: a shared or downloaded
 * config must not read (and put into findings) files from elsewhere on the machine. An input
 * outside (`../`, an absolute path, a link that leads out) is a config error unless
 * `--allow-outside`; files named on the command line are the user's own choice and always read.
 */
export async function refuseOutside(configPath: string, inputs: readonly InputSpec[]): Promise<void> {
  const folder = await real(dirname(configPath));
  for (const [i, spec] of inputs.entries()) {
    const file = await real(configInputPath(configPath, spec));
    const rel = relative(folder, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new ConfigError(`${displayPath(configPath)}: inputs[${i}].path: "${spec.path}" is outside the config's folder (${displayPath(folder)}); a config's inputs are read only below it: move the file there, name it on the command line, or pass --allow-outside`);
    }
  }
}

/**
 * A config input's `period` or `municipality` is the person's words, not the file's, as the
 * flags `--input-period` and `--input-municipality` are: one that cannot be read is a config error
 * naming the key, not a rejection of every row at column 1 of the file (exit 0 with a report
 * without the file, or exit 3 with nothing).
 */
function refuseUnreadableSettings(configPath: string, config: Config): void {
  const own = [config.organisation.code, config.organisation.name, ...config.organisation.aliases, ...config.members.flatMap((m) => [m.code, ...(m.name === undefined ? [] : [m.name]), ...m.aliases])].map(normalizeLabel);
  config.inputs.forEach((spec, i) => {
    const at = `${displayPath(configPath)}: inputs[${i}]`;
    if (spec.period !== undefined && parsePeriod(spec.period) === undefined) {
      throw new ConfigError(`${at}.period: not a period: "${truncate(spec.period)}" (expected a year, 2025, a month, 2025-08 or augusti 2025, or a tertial, T2 2025)`);
    }
    if (spec.municipality !== undefined && !resolveArea(spec.municipality).ok && !own.includes(normalizeLabel(spec.municipality))) {
      throw new ConfigError(`${at}.municipality: not a known municipality code or name, region, "Riket", member or the organisation: "${truncate(spec.municipality)}"`);
    }
  });
}

/**
 * The same file named twice (one path, two spellings or links, or a copy with identical bytes) is
 * refused before anything is read: its answers would count twice. A usage error (exit 2): the
 * list of inputs is wrong, not a file in it.
 */
async function refuseSameFile(files: readonly string[], config?: { path: string; inputs: number }): Promise<void> {
  const same = await sameFiles(files);
  if (same === undefined) return;
  const how = same.how === 'path' ? 'the same file' : 'files with identical content';
  // Which entries name them: a config's keys, or the command line.
  const first = files.indexOf(same.first);
  const second = files.findIndex((f, i) => i > first && f === same.second);
  const named = (i: number) => (config !== undefined && i < config.inputs ? `inputs[${i}].path` : 'the command line');
  const where = config === undefined || (first >= config.inputs && second >= config.inputs) ? '' : ` (${named(first)} and ${named(second)} in ${displayPath(config.path)})`;
  throw new ConfigError(`${displayPath(same.first)} and ${displayPath(same.second)} are ${how}, named twice as inputs${where}; each is read once or its rows would count twice: name it once`);
}

/** Two respondent-level files with the same answers (a copy in another encoding): refused as the same file named twice is. */
function refuseSameAnswers(inputs: readonly ParsedInput[]): void {
  const same = sameAnswers(inputs);
  if (same === undefined) return;
  throw new ConfigError(`${displayPath(same[0])} and ${displayPath(same[1])} hold the same answers (every group and count alike, a copy saved in another encoding or with other line endings?), named twice as inputs; each is read once or its answers would count twice: name it once`);
}

/** The paths a run reads, config inputs (unless replaced by FILES) first. */
export function inputPaths(loaded: LoadedConfig, files: readonly string[], addToConfig = false): string[] {
  const fromConfig = loaded.path !== undefined && (files.length === 0 || addToConfig) ? loaded.config.inputs.map((spec) => configInputPath(loaded.path!, spec)) : [];
  return [...fromConfig, ...files];
}

/** Reads every input of a run, in order: the config's inputs (unless replaced) and then FILES. */
export async function loadInputs(loaded: LoadedConfig, opts: LoadOptions): Promise<ParsedInput[]> {
  const { config, path } = loaded;
  const useConfig = path !== undefined && (opts.files.length === 0 || opts.addToConfig);
  if (useConfig && !opts.allowOutside) await refuseOutside(path, config.inputs);
  if (useConfig) refuseUnreadableSettings(path, config);
  const fromConfig = useConfig
    ? config.inputs.map((spec) => ({ file: configInputPath(path, spec), spec }))
    : [];
  const fromArgs = opts.files.map((file) => ({ file, spec: config.inputs.find((s) => path !== undefined && configInputPath(path, s) === resolve(file)) ?? {} }));
  const all = [...fromConfig, ...fromArgs];
  await refuseSameFile(all.map((a) => a.file), useConfig ? { path: path!, inputs: fromConfig.length } : undefined);
  const read = (k: number, more: Partial<ParseOptions> = {}, threads = opts.threads) =>
    readInput(all[k]!.file, { ...ingestOptions(config, all[k]!.spec, opts.overrides), ...more }, opts.maxBytes ?? DEFAULT_MAX_BYTES, threads);
  // One file at a time: a thousand inputs never hold a thousand descriptors (EMFILE), and one
  // large file already has the threads it can use.
  const inputs: ParsedInput[] = [];
  try {
    for (let k = 0; k < all.length; k++) inputs.push(await read(k));
  } finally {
    // Workers warmed for a file that was not cut (or not named) hold a heap each: gone before analysis.
    stopWarmWorkers();
  }
  // A config's input not found is a wrong path in the config: the key that names it is said.
  for (let k = 0; k < fromConfig.length; k++) {
    inputs[k]!.findings = inputs[k]!.findings.map((f) => (f.code === 'file-not-found' ? finding(inputs[k]!.file, { code: 'file-not-found', args: { key: `inputs[${k}].path`, config: displayPath(path!) } }) : f));
  }
  const breaks = resolveScores(inputs);
  // The breaks are the run's (a question's years in several files): each answers file carries them all.
  if (breaks.size > 0) for (const input of inputs) if (input.answers !== undefined) input.scaleBreaks = Object.fromEntries(breaks);
  notePagesMissing(inputs);
  refuseSameAnswers(inputs);
  // Respondents' answers are what the config's answer lists classify (a file of shares has none);
  // the lists are the run's, so each is said once, on the first file whose answers it changes.
  const dropped = droppedPositiveFindings(config, inputs);
  for (const { input, finding } of [...dropped].reverse()) inputs[input]!.findings = [finding, ...inputs[input]!.findings];
  // Only when a respondent is suspected of a repeat: each such file read again, on one thread, in order.
  const repeated = await repeatedAnswers(inputs, async (k, sink) => void (await read(k, { answerSink: sink }, { threads: 1, minBytes: Infinity })));
  inputs.forEach((input, k) => {
    if (repeated[k]!.length > 0) input.findings = [...input.findings, ...repeated[k]!].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    // Checked: what each respondent answered goes before analysis.
    delete input.respondents;
  });
  return inputs;
}

/**
 * Why each input that gave nothing could not be read (missing, a directory, binary, invalid
 * bytes, no known columns …): its first error. Such a file fails the run, it is not left out.
 */
export function unreadableInputs(inputs: readonly ParsedInput[]): Finding[] {
  const out: Finding[] = [];
  for (const i of inputs) {
    if (i.counts.read > 0 || keptOf(i) > 0) continue;
    const error = i.findings.find((f) => f.severity === 'error');
    if (error !== undefined) out.push(error);
  }
  return out;
}
