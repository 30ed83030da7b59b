import fc from 'fast-check';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { defaultConfig } from '../../src/config/parse.js';
import type { InputSpec } from '../../src/config/schema.js';
import { createIngest, parseInput, type ParsedInput } from '../../src/ingest/parse-input.js';
import type { AnswerRecord, BudgetRecord } from '../../src/model/records.js';

/** Parses CSV text as `tillit validate` would with the default config and per-file overrides. */
export function parseText(text: string, spec: Partial<InputSpec> = {}, file = 'in.csv'): ParsedInput {
  const config = defaultConfig();
  return parseInput(new TextEncoder().encode(text), { ...ingestOptions(config, spec, {}), file });
}

/** `code@line:column` for each finding of the given severity: what tests assert. */
export function codes(input: ParsedInput, severity = 'error'): string[] {
  return input.findings.filter((f) => f.severity === severity).map((f) => `${f.code}@${f.line ?? '-'}:${f.column ?? '-'}`);
}

/**
 * A respondent-level file's answer groups as records (empty for other files), as one read of the
 * whole file gives them: a group that parts of the file each have is added up into the first.
 */
export function answerRecords(input: ParsedInput): AnswerRecord[] {
  const groups = new Map<string, AnswerRecord>();
  for (const r of (input.answers ?? []).flatMap((t) => t.records())) {
    const key = [r.area.kind, r.area.code, r.period, r.indicator, r.service, r.gender].join('\u0000');
    const g = groups.get(key);
    if (g === undefined) {
      groups.set(key, r);
      continue;
    }
    g.positive += r.positive;
    g.other += r.other;
    g.excluded += r.excluded;
    if (r.rejected !== undefined) g.rejected = (g.rejected ?? 0) + r.rejected;
    if (r.scores !== undefined) {
      const into = (g.scores ??= new Array<number>(r.scores.length).fill(0));
      r.scores.forEach((n, v) => (into[v]! += n));
    }
  }
  return [...groups.values()];
}

/** A budget file's rows as records (empty for other files). */
export function budgetRecords(input: ParsedInput): BudgetRecord[] {
  return input.budget?.records() ?? [];
}

/** How a test feeds a file: its line ends, block size, chunk size, encoding, and per-file overrides. */
export interface Feed {
  nl?: string;
  blockBytes: number;
  chunk: number;
  encoding?: 'utf8' | 'latin1';
  spec?: Partial<InputSpec>;
  file?: string;
}

/** Reads a text's bytes (UTF-8 or Windows-1252) in chunks through small blocks, as a stream reads a file. */
export function readStreamed(text: string, feed: Feed): ParsedInput {
  const bytes = Buffer.from(text, feed.encoding ?? 'utf8');
  const ingest = createIngest({ ...ingestOptions(defaultConfig(), feed.spec ?? {}, {}), file: feed.file ?? 'in.csv', blockBytes: feed.blockBytes });
  for (let at = 0; at < bytes.length; at += feed.chunk) ingest.write(bytes.subarray(at, at + feed.chunk));
  return ingest.end();
}

/**
 * A table read both ways: as written (its kind's quick and byte paths take the common rows) and
 * with an empty status column after the seventh (every row then goes the general way: the
 * reference). A one-cell blank row stays blank; the header gets `Status`.
 */
export function bothPaths(header: readonly string[], rows: readonly (readonly string[])[], feed: Feed): { quick: ParsedInput; general: ParsedInput } {
  const nl = feed.nl ?? '\n';
  const widen = (cells: readonly string[]) => (cells === header ? [...cells, 'Status'] : cells.length === 1 && cells[0] === '' ? cells : [...cells.slice(0, 7), '', ...cells.slice(7)]);
  const text = (lines: (readonly string[])[]) => `${lines.map((cells) => cells.join(';')).join(nl)}${nl}`;
  return { quick: readStreamed(text([header, ...rows]), feed), general: readStreamed(text([header, ...rows].map(widen)), feed) };
}

/** Ways to feed a file for the both-ways property tests: line ends, block and chunk sizes, encoding. */
export const feeds = fc.record({
  nl: fc.constantFrom('\n', '\r\n'),
  blockBytes: fc.integer({ min: 16, max: 600 }),
  chunk: fc.integer({ min: 1, max: 5000 }),
  encoding: fc.constantFrom('utf8' as const, 'latin1' as const),
});
