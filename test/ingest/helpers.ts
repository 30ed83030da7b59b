import { ingestOptions } from '../../src/ingest/resolve.js';
import { defaultConfig } from '../../src/config/parse.js';
import type { InputSpec } from '../../src/config/schema.js';
import { parseInput, type ParsedInput } from '../../src/ingest/parse-input.js';
import type { BudgetRecord } from '../../src/model/records.js';

/** Parses CSV text as `tillit validate` would with the default config and per-file overrides. */
export function parseText(text: string, spec: Partial<InputSpec> = {}, file = 'in.csv'): ParsedInput {
  const config = defaultConfig();
  return parseInput(new TextEncoder().encode(text), { ...ingestOptions(config, spec, {}), file });
}

/** `code@line:column` for each finding of the given severity: what tests assert. */
export function codes(input: ParsedInput, severity = 'error'): string[] {
  return input.findings.filter((f) => f.severity === severity).map((f) => `${f.code}@${f.line ?? '-'}:${f.column ?? '-'}`);
}

/** A budget file's rows as records (empty for other files). */
export function budgetRecords(input: ParsedInput): BudgetRecord[] {
  return input.budget?.records() ?? [];
}
