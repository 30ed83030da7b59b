import type { AnswerTable } from './answer-table.js';
import type { BudgetTable } from './budget-table.js';
import type { Finding } from './findings.js';
import type { QualityRecord } from './records.js';
import type { DecimalMark, Delimiter, Encoding, Kind, Sign } from './vocabulary.js';

/**
 * What ingest hands on about one input, the contract between reading files and everything after
 * it (analysis, validation, the rejected-rows file): how the file was read, what came out, what
 * was wrong.
 */

export type SourceFormat = 'csv' | 'px-web-csv' | 'kolada-json' | 'kolada-csv';
export type { DecimalMark, Delimiter, Encoding, Sign };

export interface RowCounts {
  read: number;
  used: number;
  rejected: number;
  /** Rows read on purpose but not turned into records (total rows, other genders), each with an info finding. */
  ignored: number;
}

/** A rejected input row as it was written, for `--rejects`: nothing is lost. */
export interface RejectedRow {
  line: number;
  reason: string;
  text: string;
}

export interface ParsedInput {
  file: string;
  format?: SourceFormat;
  encoding?: Encoding;
  bom?: boolean;
  delimiter?: Delimiter;
  decimal?: DecimalMark;
  kind?: Kind;
  title?: string;
  unit?: string;
  sign?: Sign;
  /** A budget file whose areas write costs each their own way: the areas of each sign (`sign` is most areas'). */
  signAreas?: SignAreas;
  /** A survey file's share column, as its header names it. */
  shareHeader?: string;
  counts: RowCounts;
  records: QualityRecord[];
  /** A budget file's rows, as columns (see `BudgetTable`). */
  budget?: BudgetTable;
  /**
   * A respondent-level file's answer groups, as columns (see `AnswerTable`); its `records` are then
   * empty. One table per part the file was read in, in file order: a group with rows on both sides
   * of a cut is in two, and the analysis adds them up as it adds up a woman's and a man's answers.
   */
  answers?: AnswerTable[];
  /**
   * The built-in positive answer labels (`Ganska nöjd`, `Oftast`) among a respondent-level file's
   * answers, normalised and sorted: a config list that counts one of them otherwise is said only for
   * the labels the answers hold.
   */
  builtInPositives?: string[];
  /**
   * Per survey question, the years where its numeric answers start a new scale (see
   * `resolveScores`): series breaks the run found in the data, beside those the config declares.
   */
  scaleBreaks?: Readonly<Record<string, readonly number[]>>;
  findings: Finding[];
  /** Every rejected row with its original text (for --rejects). */
  rejects: RejectedRow[];
  /** A saved API response's pages: each page's links to the pages beside it. */
  pages?: PageLinks[];
}

/**
 * A saved page of a paged response: its links to the next and the previous page (Kolada v3
 * `next_url`, v2 `next_page`; null at an end), the response's `count` of values over all its
 * pages (null when not given), and the values on this page.
 */
export interface PageLinks {
  next: string | null;
  previous: string | null;
  count: number | null;
  entries: number;
}

/** The area codes of a budget file written costs negative and costs positive, when they differ by area. */
export interface SignAreas {
  negative: string[];
  positive: string[];
}

/** What the analysis reads of an input: its records, and a respondent-level file's answer groups. */
export type QualityInput = Pick<ParsedInput, 'records' | 'answers' | 'scaleBreaks'>;

/** How many records, budget rows and answer groups an input gave (a group read in two parts counts twice). */
export function keptOf(i: Pick<ParsedInput, 'records' | 'budget' | 'answers'>): number {
  return i.records.length + (i.budget?.length ?? 0) + (i.answers ?? []).reduce((n, t) => n + t.length, 0);
}
