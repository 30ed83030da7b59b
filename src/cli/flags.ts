import { Option } from 'commander';
import { flagValue, READ_KEYS, READ_OPTIONS, type ReadKey, type ReadOption } from '../config/options.js';
import type { IngestOverrides } from '../ingest/resolve.js';
import type { ParsedInput } from '../ingest/parse-input.js';
import { formatFinding } from '../model/findings.js';
import { MAX_THREADS, type ThreadOptions } from '../ingest/reading-workers.js';
import { parsePeriod } from '../ingest/period.js';
import { resolveArea } from '../model/register.js';
import { normalizeLabel, truncate } from '../model/text.js';
import { UsageError } from './errors.js';
import { threadsWanted } from './warm.js';
import type { Io } from './io.js';

/** `--input-period <period>` → `inputPeriod`: the name commander gives a flag's value. */
type Attribute<Flag extends string> = Flag extends `--${infer Name} <${string}>` ? Camel<Name> : never;
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type FlagKey = { [K in ReadKey]: (typeof READ_OPTIONS)[K] extends { flag: object } ? K : never }[ReadKey];

/** The words given to the flags of `READ_OPTIONS`, as commander parsed them (its choices checked). */
export type ReadFlags = { [K in FlagKey as Attribute<(typeof READ_OPTIONS)[K]['flag']['name']>]?: string };

export interface IngestFlags extends ReadFlags {
  config?: string;
  maxBytes?: number;
  maxRows?: number;
  rejects?: string;
  threads?: number;
  allowOutside?: boolean;
}

/**
 * Threads for reading one large file (see `threadsWanted`); a request above MAX_THREADS (each
 * thread holds its own heap) is lowered, and said so on stderr.
 */
export function threadOptions(f: IngestFlags, io: Pick<Io, 'env' | 'stderr'>): ThreadOptions {
  if (f.threads !== undefined && f.threads > MAX_THREADS) io.stderr.write(`tillit: --threads ${f.threads} lowered to ${MAX_THREADS}, the most one file is read on\n`);
  return threadsWanted(f.threads, io.env);
}

/** Command-line ingest flags as overrides over each file's config entry. */
export function ingestOverrides(f: IngestFlags): IngestOverrides {
  const given = new Map<string, unknown>(Object.entries(f));
  const read = Object.fromEntries(READ_KEYS.flatMap((key) => {
    const o: ReadOption = READ_OPTIONS[key];
    const word = o.flag && given.get(new Option(o.flag.name).attributeName());
    return typeof word === 'string' && word !== '' ? [[key, flagValue(o, word)]] : [];
  }));
  return { ...read, maxRows: f.maxRows ?? DEFAULT_MAX_ROWS };
}

/** `--kind budget` (or a config's `"kind"`) on a file with no amount column: a usage error (exit 2). */
export function checkForcedKind(inputs: readonly ParsedInput[]): void {
  const bad = inputs.flatMap((i) => i.findings.filter((f) => f.code === 'kind-no-amounts'));
  if (bad.length > 0) throw new UsageError(bad.map(formatFinding).join('\n'));
}

/** Default ceiling on data rows per file: far above any survey, well below what exhausts memory. */
export const DEFAULT_MAX_ROWS = 50_000_000;

/**
 * `--input-period` and `--input-municipality` are the person's words, not the file's: one that
 * cannot be read is a usage error (exit 2), not a rejection of every row (exit 3).
 */
export function checkIngestFlags(f: IngestFlags, organisation: { code: string; name: string; aliases: readonly string[] }): void {
  if (f.inputPeriod !== undefined && parsePeriod(f.inputPeriod) === undefined) {
    throw new UsageError(`--input-period: not a period: "${truncate(f.inputPeriod)}" (expected a year, 2025, or a month, 2025-08)`);
  }
  if (f.inputMunicipality !== undefined) {
    const own = [organisation.code, organisation.name, ...organisation.aliases].map(normalizeLabel);
    if (!resolveArea(f.inputMunicipality).ok && !own.includes(normalizeLabel(f.inputMunicipality))) {
      throw new UsageError(`--input-municipality: not a known municipality code or name, region, "Riket" or the organisation: "${truncate(f.inputMunicipality)}"`);
    }
  }
}

/**
 * A path option given empty (`--summary "$GITHUB_STEP_SUMMARY"` where the variable is not set) is a
 * usage error: `--summary` and `--rejects` were skipped without a word, `--out` named the working
 * directory ("cannot write …: EISDIR").
 */
export function checkPathFlags(paths: Record<string, string | undefined>): void {
  for (const [flag, path] of Object.entries(paths)) {
    if (path !== undefined && path.trim() === '') throw new UsageError(`${flag}: the path is empty (${flag === '--summary' ? '$GITHUB_STEP_SUMMARY outside GitHub Actions, or another unset variable?' : 'an unset variable?'})`);
  }
}
