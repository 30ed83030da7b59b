import type { AnswerTable } from '../model/answer-table.js';
import type { Kind, Role } from '../config/schema.js';
import type { BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import type { RejectedRow, RowCounts, Sign, SignAreas } from '../model/input.js';
import type { QualityRecord } from '../model/records.js';
import type { Dash, GenderFilter } from '../model/vocabulary.js';
import type { AnswerScale, Classified } from './answers.js';
import type { AmountUnit } from './columns.js';
import type { HeaderPlan } from './header-plan.js';
import type { DecimalMark } from './number.js';
import type { AnswerSink, RespondentSet } from './respondents.js';
import type { Delimiter } from './table.js';

export interface RecordOptions {
  file: string;
  /** The file's size in bytes, when known: a budget file's columns are made large enough at once. */
  fileBytes?: number;
  kind?: Kind;
  decimal?: DecimalMark;
  dash?: Dash;
  unit?: AmountUnit;
  /** Inhabitants per area code (the members', the organisation's as their sum): how amounts are judged plausible. */
  population?: Readonly<Record<string, number>>;
  sign?: Sign;
  period?: string;
  /**
   * The report's `--period` month: the period of a finance export that names none in a column, its
   * title or its columns' names (`Utfall jan–aug` beside it keeps its month, in the report's year).
   */
  reportPeriod?: string;
  /** Area for files without a municipality column (a single committee's export). */
  municipality?: string;
  /** Indicator for files without an indicator column (`--input-indicator`, `"indicator"`). */
  indicator?: string;
  columns?: Partial<Record<Role, string>>;
  /**
   * The settings of `period`, `municipality` and `indicator` the file's config entry gives (not a
   * flag, which applies to every file named): one the file has a column for is not read, and said.
   */
  configured?: { period?: string; municipality?: string; indicator?: string };
  /** Keep only this gender; `all` keeps every row. */
  gender?: GenderFilter;
  /** A file of Kolada JSON read again because it counts respondents: its survey figures are read for every gender (see `RecordPlan.surveyGenders`). */
  surveyGenders?: boolean;
  /** Most data rows read from one file. */
  maxRows?: number;
  /** Bytes per parsed block when streaming (tests make it small to put boundaries everywhere). */
  blockBytes?: number;
  /** The longest one record may be (tests set it small; default `MAX_RECORD_BYTES`). */
  maxRecordBytes?: number;
  organisation: { code: string; name: string; aliases: readonly string[] };
  /** Members known by no register (kommunalförbund): their id and the texts that mean them. */
  federations?: readonly { code: string; names: readonly string[] }[];
  classify: (question: string, answer: string) => Classified;
  /** The data `classify` was built from, so a worker thread can build the same one. */
  answerScale?: AnswerScale;
  /** Where answers that name their respondent go when a file is re-read for the check for answers read twice (else into a `RespondentSet`). */
  answerSink?: AnswerSink;
}

export interface RecordsResult {
  rejects: RejectedRow[];
  kind?: Kind;
  layout: 'long' | 'wide';
  /** A flattened Kolada extract (kpi, municipality_id, value, status…), e.g. from rKolada. */
  kolada: boolean;
  decimal: DecimalMark;
  unit?: AmountUnit;
  sign?: Sign;
  signAreas?: SignAreas;
  /** A survey file's share column, as its header names it (`Andel missnöjda`: see `negativeShares`). */
  shareHeader?: string;
  records: QualityRecord[];
  /** A budget file's rows. */
  budget?: BudgetTable;
  /** A respondent-level file's answer groups. */
  answers?: AnswerTable[];
  /** The built-in positive labels a respondent-level file's answers hold, normalised (see `CellLookups.builtInPositives`). */
  builtInPositives?: string[];
  findings: FindingInput[];
  counts: RowCounts;
  /** Which questions each respondent of a respondent-level file answered, for the check for answers read twice. */
  respondents?: RespondentSet;
}

/** What a table's first block tells: how to read the rest. */
export interface TableHead {
  delimiter: Delimiter;
  title?: string;
  headerLine: number;
  headers: string[];
  findings: FindingInput[];
  /** A later part of a file split for parallel reading: the header's findings belong to the first part. */
  continued?: boolean;
  /** How the first part read the header (a later part has no sample to plan from). */
  plan?: HeaderPlan;
}
