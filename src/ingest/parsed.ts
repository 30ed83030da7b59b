import type { ParsedInput as InputContract } from '../model/input.js';
import type { Delimiter } from '../model/input.js';
import type { ForcedEncoding } from '../model/vocabulary.js';
import type { RecordOptions } from './records.js';
import type { RespondentSet } from './respondents.js';

export type { SourceFormat } from '../model/input.js';

/**
 * One input as ingest holds it: the contract every later stage reads (`model/input`), and what
 * each respondent answered, kept only until the check for answers read twice has run.
 */
export interface ParsedInput extends InputContract {
  respondents?: RespondentSet;
}

export interface ParseOptions extends RecordOptions {
  encoding?: ForcedEncoding;
  delimiter?: Delimiter;
}
