import type { IngestOverrides } from '../config/resolve.js';
import type { ParsedInput } from '../ingest/parse-input.js';
import { formatFinding } from '../model/findings.js';
import { UsageError } from './errors.js';
import { defaultThreads, type ThreadOptions } from '../ingest/read.js';

export interface IngestFlags {
  config?: string;
  kind?: 'survey' | 'answers' | 'budget' | 'values';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ';' | ',' | 'tab';
  decimal?: ',' | '.';
  unit?: 'kr' | 'tkr' | 'mnkr';
  sign?: 'costs-positive' | 'costs-negative';
  gender?: 'T' | 'K' | 'M' | 'all';
  inputPeriod?: string;
  inputMunicipality?: string;
  inputIndicator?: string;
  maxBytes?: number;
  maxRows?: number;
  rejects?: string;
  threads?: number;
}

/**
 * Threads for reading one large file: `--threads`, else the machine's cores; files below
 * TILLIT_PARALLEL_MIN_BYTES (default 32 MiB) are read on one thread.
 */
export function threadOptions(f: IngestFlags, env: NodeJS.ProcessEnv = process.env): ThreadOptions {
  const defaults = defaultThreads();
  const min = Number(env.TILLIT_PARALLEL_MIN_BYTES);
  return { threads: f.threads ?? defaults.threads, minBytes: Number.isInteger(min) && min > 0 ? min : defaults.minBytes };
}

/** Command-line ingest flags as overrides over each file's config entry. */
export function ingestOverrides(f: IngestFlags): IngestOverrides {
  const o: IngestOverrides = {};
  if (f.kind) o.kind = f.kind;
  if (f.encoding) o.encoding = f.encoding;
  if (f.delimiter) o.delimiter = f.delimiter === 'tab' ? '\t' : f.delimiter;
  if (f.decimal) o.decimal = f.decimal;
  if (f.unit) o.unit = f.unit;
  if (f.sign) o.sign = f.sign;
  if (f.gender) o.gender = f.gender;
  if (f.inputPeriod) o.period = f.inputPeriod;
  if (f.inputMunicipality) o.municipality = f.inputMunicipality;
  if (f.inputIndicator) o.indicator = f.inputIndicator;
  o.maxRows = f.maxRows ?? DEFAULT_MAX_ROWS;
  return o;
}

/** `--kind budget` (or a config's `"kind"`) on a file with no amount column: a usage error (exit 2). */
export function checkForcedKind(inputs: readonly ParsedInput[]): void {
  const bad = inputs.flatMap((i) => i.findings.filter((f) => f.code === 'kind-no-amounts'));
  if (bad.length > 0) throw new UsageError(bad.map(formatFinding).join('\n'));
}

/** Default ceiling on data rows per file: far above any survey, well below what exhausts memory. */
export const DEFAULT_MAX_ROWS = 50_000_000;
