import { visible } from './text.js';
/**
 * Findings are data: a code, a severity, a location and the arguments; the sentence is made by
 * `describe`. Errors reject a row (or a file), warnings and infos accompany used data.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  file: string;
  /** 1-based physical line where the record starts; absent for file-level findings. */
  line?: number;
  /** 1-based field number in the record (CSV column); absent when the whole row or file is meant. */
  column?: number;
  /** The offending text, truncated. */
  received?: string;
  message: string;
}

const MESSAGES = {
  'file-not-found': (a) => `file not found`,
  'file-unreadable': (a) => `cannot read file: ${a.reason}`,
  'file-empty': () => `file is empty`,
  'file-binary': (a) => `file looks binary (NUL byte at byte ${a.offset}); expected a CSV or JSON text file`,
  'file-header-only': () => `file has a header but no data rows`,
  'file-too-large': (a) => `file is ${a.size} bytes, above the limit of ${a.limit} bytes (--max-bytes)`,
  'encoding-invalid': (a) => `invalid ${a.encoding} byte sequence; use --encoding windows-1252 if the file is Latin-1`,
  'encoding-detected': (a) => `no valid UTF-8; read as ${a.encoding}`,
  'header-unrecognised': (a) =>
    `no known columns; found: ${a.found}; expected e.g. ${a.expected}`,
  'header-missing-column': (a) => `column for ${a.role} is missing (accepted names: ${a.expected}); found: ${a.found}`,
  'header-ambiguous-column': (a) => `columns ${a.columns} both mean ${a.role}; using the first`,
  'csv-syntax': (a) => `CSV syntax error: ${a.reason}`,
  'record-too-long': (a) => `one record runs past ${a.limit} bytes without ending (an unterminated quote, or not a CSV file)`,
  'row-column-count': (a) => `row has ${a.got} fields, header has ${a.expected}`,
  'row-repeated-header': () => `header line repeated inside the data`,
  'value-number-invalid': (a) => `${a.role}: not a number in this file's format (decimal mark '${a.decimal}')`,
  'value-required': (a) => `${a.role} is empty`,
  'value-out-of-range': (a) => `${a.role} must be ${a.range}`,
  'value-not-integer': (a) => `${a.role} must be a whole number`,
  'value-positive-exceeds-n': (a) => `positive answers (${a.positive}) exceed respondents (${a.n})`,
  'value-share-mismatch': (a) => `share ${a.share} disagrees with positive/n = ${a.computed}`,
  'period-invalid': (a) => `not a period: expected a year (2024) or a month (2025-03, mars 2025)`,
  'period-not-year': () => `survey results are per year: expected a year (2024), not a month`,
  'gender-invalid': () => `gender must be T/K/M, Totalt/Kvinnor/Män`,
  'area-unknown': () => `not a known municipality code or name, region, "Riket" or organisation`,
  'area-mismatch': (a) => `code ${a.code} is ${a.registered}, not ${a.name}`,
  'area-code-repaired': (a) => `municipality code ${a.from} lost its leading zero; read as ${a.to}`,
  'answer-unknown': (a) => `answer is not on a known scale; add it to survey.positive or survey.other in the config`,
  'duplicate-conflict': (a) => `same key as line ${a.first} (${a.key}) with a different value`,
  'duplicate-row': (a) => `repeats line ${a.first} (${a.key}); counted once`,
  'sign-inferred': (a) => `all budget amounts are ${a.sign}: costs read as written ${a.sign}`,
  'sign-mixed': (a) => `budget amounts have mixed signs; assumed costs written ${a.sign} (set "sign" for this file)`,
  'unit-from-header': (a) => `amount unit ${a.unit} taken from header "${a.header}"`,
  'unit-implausible': (a) => `amounts read as ${a.unit} reach ${a.amount}: ${a.hint} (set "unit" or --unit)`,
  'unit-from-title': (a) => `amount unit ${a.unit} taken from the title "${a.title}"`,
  'area-from-title': (a) => `municipality ${a.code} taken from the title "${a.title}" (the file has no municipality column)`,
  'period-from-title': (a) => `period ${a.period} taken from the title "${a.title}" (the file has no period column)`,
  'column-year-to-date': (a) => `"${a.header}" read as ${a.role} (year to date): the file has no period column, so it holds one follow-up, not months`,
  'deviation-mismatch': (a) => `given deviation ${a.given} differs from computed ${a.computed}`,
  'total-row': (a) => `total row recognised; not counted`,
  'total-mismatch': (a) => `total ${a.given} differs from the sum of its rows ${a.computed}`,
  'status-excluded': (a) => `value has status "${a.status}" (uncertain or confidential); excluded`,
  'value-deleted': () => `value is marked deleted (isdeleted); excluded`,
  'gender-filtered': (a) => `gender ${a.gender} skipped: reading gender ${a.selected} only (--gender all keeps every gender)`,
  'kind-unknown': (a) => `cannot tell what kind of data this is; found columns: ${a.found}`,
  'json-invalid': (a) => `not valid JSON: ${a.reason}`,
  'footnote': () => `footnote line under the table; kept out of the data`,
  'value-missing': () => `value missing (empty, "..", NA): a gap in the series, not an error`,
  'unit-assumed': () => `no amount unit in the config or a header; amounts read as kronor (set "unit")`,
  'source-disagreement': (a) =>
    `${a.key}: ${a.value} (n ${a.n}) here, ${a.otherValue} (n ${a.otherN}) at ${a.other}; the respondent-level figure is used`,
  'allocation-impossible': (a) => `shared costs cannot be allocated by ${a.method}: the key has no values (population, shares or usage) for the members`,
  'rows-limit': (a) => `more than ${a.limit} rows (--max-rows); the rest were not read`,
} as const satisfies Record<string, (a: Record<string, string | number>) => string>;

export type FindingCode = keyof typeof MESSAGES;

export interface FindingInput {
  code: FindingCode;
  severity?: Severity;
  line?: number;
  column?: number;
  received?: string;
  args?: Record<string, string | number>;
}

const DEFAULT_SEVERITY: Partial<Record<FindingCode, Severity>> = {
  'encoding-detected': 'info',
  'area-code-repaired': 'warning',
  'duplicate-row': 'warning',
  'sign-inferred': 'info',
  'sign-mixed': 'warning',
  'unit-from-header': 'info',
  'column-year-to-date': 'info',
  'unit-from-title': 'info',
  'unit-implausible': 'warning',
  'period-from-title': 'info',
  'area-from-title': 'info',
  'deviation-mismatch': 'warning',
  'total-row': 'info',
  'total-mismatch': 'warning',
  'status-excluded': 'warning',
  'value-deleted': 'warning',
  'gender-filtered': 'info',
  'header-ambiguous-column': 'warning',
  'value-share-mismatch': 'warning',
  'rows-limit': 'error',
  'source-disagreement': 'warning',
  'allocation-impossible': 'warning',
  'value-missing': 'info',
  'footnote': 'info',
  'unit-assumed': 'warning',
};

/** Builds a finding with its message; `file` is attached by the one module that reads files. */
export function finding(file: string, input: FindingInput): Finding {
  const args = input.args ?? {};
  const out: Finding = {
    code: input.code,
    severity: input.severity ?? DEFAULT_SEVERITY[input.code] ?? 'error',
    file: visible(file),
    // Arguments quote data (header names, titles): no control character reaches a terminal.
    message: visible(MESSAGES[input.code](args as never)),
  };
  if (input.line !== undefined) out.line = input.line;
  if (input.column !== undefined) out.column = input.column;
  if (input.received !== undefined) out.received = visible(input.received);
  return out;
}

/** `file:line:col: severity code: message (received "x")` — the one sentence form. */
export function formatFinding(f: Finding): string {
  const where = [f.file, f.line, f.column].filter((p) => p !== undefined).join(':');
  const got = f.received !== undefined ? ` (received "${f.received}")` : '';
  return `${where}: ${f.severity} ${f.code}: ${f.message}${got}`;
}
