import type { Delimiter } from '../model/input.js';
import { parse } from 'csv-parse/sync';
import type { FindingInput } from '../model/findings.js';
import { isKnownColumn } from './columns.js';

export type { Delimiter } from '../model/input.js';

export interface Row {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

export interface Table {
  delimiter: Delimiter;
  /** PX-Web web downloads put a quoted title and a blank line above the header. */
  title?: string;
  headerLine: number;
  headers: string[];
  rows: Row[];
  /** Blank lines between records: not data, counted for the record. */
  blankLines: number;
  findings: FindingInput[];
  /** Text that could not be parsed as records (csv-syntax findings), kept for --rejects. */
  unreadable: { line: number; text: string }[];
  /** True when reading stopped at the row limit. */
  truncated: boolean;
  /** The original text of a record (re-joined from its cells), without its line break. */
  rawText(row: Row): string;
}

export interface ReadTableOptions {
  delimiter?: Delimiter;
  /** Stop after this many data rows (the rest is not read); the caller reports it. */
  maxRows?: number;
}

/** Counts delimiter candidates outside quotes in one line. */
function countOutsideQuotes(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  return counts;
}

/**
 * Picks the delimiter from the header line: the candidate that occurs most often outside quotes.
 * Ties prefer `;`, then tab, then `,` (a Swedish header rarely holds a semicolon by accident).
 * @internal Exported for its tests; no other module uses it.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const c = countOutsideQuotes(headerLine);
  const order: Delimiter[] = [';', '\t', ','];
  return order.reduce((best, d) => (c[d] > c[best] ? d : best), order[0]!);
}

function isTitleLine(line: string): boolean {
  const c = countOutsideQuotes(line);
  return c[';'] + c[','] + c['\t'] === 0 && /^\s*".*"\s*$/.test(line);
}

/** Where the table starts in a file's first block: a PX-Web title skipped, the delimiter chosen. */
export interface Head {
  delimiter: Delimiter;
  title?: string;
  /** Characters before the header line (title and blank lines). */
  offset: number;
  /** Physical lines before the header line. */
  skippedLines: number;
}

/**
 * A report title above the table, as finance systems and spreadsheets write them: a quoted line
 * with no delimiter (PX-Web), or a line with at most one delimiter-like character where a line
 * below has at least two more (the table), and none of its words is a known column name.
 */
function isTitleAbove(line: string, below: readonly string[]): boolean {
  const table = below.find((l) => !isBlankLine(l));
  if (table === undefined) return false;
  if (isTitleLine(line)) return true;
  const widest = below.reduce((a, l) => (fieldCount(l) > fieldCount(a) ? l : a), table);
  const d = detectDelimiter(widest);
  const own = countOutsideQuotes(line)[d];
  const cells = line.split(d).map(unquote);
  if (cells.some(isKnownColumn)) return false;
  // Excel pads a title to the table's width (`Piteå kommun;;;;;;`): one text cell, the rest empty.
  const filled = (l: string) => l.split(d).filter((c) => unquote(c) !== '').length;
  const padded = filled(line) === 1 && below.some((l) => filled(l) >= 3);
  return padded || (own <= 1 && countOutsideQuotes(widest)[d] >= own + 2);
}

const unquote = (cell: string) => cell.trim().replace(/^"|"$/g, '').replace(/""/g, '"').trim();

/** An empty line, or one of only delimiters (an empty spreadsheet row saved as `;;;;;;`). */
function isBlankLine(line: string): boolean {
  return /^[\s;,\t"]*$/.test(line);
}

/** A title line's text: the quotes and the padding a spreadsheet adds taken off. */
function titleText(line: string): string {
  const d = detectDelimiter(line);
  const cells = line.split(d).map(unquote).filter((c) => c !== '');
  return cells.length === 1 ? cells[0]! : unquote(line);
}

function fieldCount(line: string): number {
  const c = countOutsideQuotes(line);
  return Math.max(c[';'], c[','], c['\t']);
}

export function readHead(text: string, forced?: Delimiter): Head {
  const lines = text.split(/\r\n|\n|\r/, 12);
  let headerIdx = 0;
  const titles: string[] = [];
  const skipBlank = () => {
    while (headerIdx < lines.length && isBlankLine(lines[headerIdx]!)) headerIdx++;
  };
  skipBlank();
  // Up to five title lines above the table (blank lines between are skipped).
  while (titles.length < 5 && headerIdx < lines.length - 1 && isTitleAbove(lines[headerIdx]!, lines.slice(headerIdx + 1))) {
    titles.push(titleText(lines[headerIdx]!));
    headerIdx++;
    skipBlank();
  }
  const title = titles.length > 0 ? titles.join(' – ') : undefined;
  let offset = 0;
  for (let i = 0; i < headerIdx; i++) {
    const m = /\r\n|\n|\r/.exec(text.slice(offset));
    offset += m ? m.index + m[0].length : text.length - offset;
  }
  const head: Head = { delimiter: forced ?? detectDelimiter(lines[headerIdx] ?? ''), offset, skippedLines: headerIdx };
  if (title !== undefined) head.title = title;
  return head;
}

const BREAK = /\r\n|\n|\r/g;
export function breaksIn(text: string): number {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return 0;
  return text.match(BREAK)?.length ?? 0;
}

/** Where each physical line of a text starts (CRLF, LF and CR each end a line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(BREAK)) starts.push(m.index + m[0].length);
  return starts;
}

export interface Block {
  /** Records in order, blank lines included as `['']`, each with its physical line. */
  records: Row[];
  findings: FindingInput[];
  unreadable: { line: number; text: string }[];
}

/**
 * Parses one block of complete records that starts at physical line `firstLine`. Never throws on
 * bad CSV: text csv-parse cannot read becomes a `csv-syntax` finding naming the lines it spans.
 * Line numbers come from the line breaks kept inside quoted cells (csv-parse's own `info` costs
 * two thirds more time and counts a quoted CRLF as two lines).
 */
export function parseBlock(text: string, delimiter: Delimiter, firstLine: number): Block {
  if (text.indexOf('"') < 0) return { records: splitUnquoted(text, delimiter, firstLine), findings: [], unreadable: [] };
  const quotedCells = splitQuotedCells(text, delimiter, firstLine);
  if (quotedCells !== undefined) return { records: quotedCells, findings: [], unreadable: [] };
  return parseCsv(text, delimiter, firstLine);
}

/**
 * `parseBlock` by csv-parse alone, whatever the text holds.
 * @internal Exported for its tests; no other module uses it.
 */
export function parseCsv(text: string, delimiter: Delimiter, firstLine: number): Block {
  const skipped: { lines: number; reason: string }[] = [];
  const raw = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    // Files edited on several systems mix CRLF, LF and CR; auto-detection would take the first only.
    record_delimiter: ['\r\n', '\n', '\r'],
    on_skip: (err) => {
      if (err) skipped.push({ lines: (err as { lines?: number }).lines ?? Number.POSITIVE_INFINITY, reason: err.message.replace(/: .*$/s, '') });
    },
  }) as string[][];
  const records: Row[] = [];
  let line = firstLine;
  for (const cells of raw) {
    records.push({ line, cells });
    let spanned = 1;
    for (const c of cells) spanned += breaksIn(c);
    line += spanned;
  }
  const block: Block = { records, findings: [], unreadable: [] };
  if (skipped.length > 0) {
    // Whatever follows the last readable record is what was lost (in practice an unterminated
    // quote, which runs to the end of the file).
    const all = text.split(/\r\n|\n|\r/);
    const lastLine = firstLine + all.length - 1 - (all.at(-1) === '' ? 1 : 0);
    const from = Math.min(line, lastLine);
    const lostText = all.slice(from - firstLine, lastLine - firstLine + 1).join('\n');
    const column = openQuoteColumn(all[from - firstLine] ?? '', delimiter);
    block.findings.push({ code: 'csv-syntax', line: from, ...(column === undefined ? {} : { column }), args: { reason: `${skipped[0]!.reason}; lines ${from}–${lastLine} not read` } });
    block.unreadable.push({ line: from, text: lostText });
  }
  return block;
}

/**
 * The column whose opening quote a line leaves open (a quote opens a cell only at its start, as
 * csv-parse reads them with `relax_quotes`): where an unterminated quote, which runs to the end of
 * the file, begins. Undefined when the line closes every quote it opens.
 */
function openQuoteColumn(line: string, delimiter: Delimiter): number | undefined {
  let quoted = false;
  let column = 1;
  let opened = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
    } else if (c === delimiter) column++;
    else if (c === '"' && (i === 0 || line[i - 1] === delimiter)) [quoted, opened] = [true, column];
  }
  return quoted ? opened : undefined;
}

/**
 * A block without a single quote character: every record is one line and every cell the text
 * between delimiters, so native string search gives what csv-parse would, about ten times faster
 * (csv-parse walks each character in JavaScript). Blank lines are `['']` records, as above.
 * @internal Exported for its tests; no other module uses it.
 */
export function splitUnquoted(text: string, delimiter: Delimiter, firstLine: number): Row[] {
  const records: Row[] = [];
  eachUnquoted(text, delimiter, firstLine, (line, cells) => {
    records.push({ line, cells });
    return true;
  });
  return records;
}

/**
 * A block whose quotes only wrap whole cells, as spreadsheet exports quote every cell
 * (`"0114";"Hemtjänst";"2025"`): each line is split as without quotes and each quoted cell
 * unwrapped, which is what csv-parse gives (a property test compares the two) in a fraction of its
 * time (a fully quoted 2M-row file read in ~2.9 instead of ~9.5 s). Undefined as soon as any cell is
 * something else (an escaped quote `""`, a quoted delimiter or line break, a quote inside a cell):
 * csv-parse reads that block.
 * @internal Exported for its tests; no other module uses it.
 */
export function splitQuotedCells(text: string, delimiter: Delimiter, firstLine: number): Row[] | undefined {
  const records: Row[] = [];
  let plain = true;
  eachUnquoted(text, delimiter, firstLine, (line, cells) => {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const quote = cell.indexOf('"');
      if (quote < 0) continue;
      if (quote !== 0 || cell.length < 2 || cell.indexOf('"', 1) !== cell.length - 1) {
        plain = false;
        return false;
      }
      cells[i] = cell.slice(1, -1);
    }
    records.push({ line, cells });
    return true;
  });
  return plain ? records : undefined;
}

/**
 * `splitUnquoted` one record at a time, so a block's rows are not all alive at once (they would
 * outlive the young generation and fill the old one); `visit` returns false to stop.
 */
export function eachUnquoted(text: string, delimiter: Delimiter, firstLine: number, visit: (line: number, cells: string[]) => boolean): void {
  const firstCr = text.indexOf('\r');
  // Windows line ends (every CR before an LF) are cut like LFs, each line without its CR; any other
  // CR (old Mac line ends, a mix) takes the general split. A CRLF file so reads as fast as an LF
  // one (2M answers: ~2.1 s; ~2.8 s through the general split).
  const crlf = firstCr >= 0 && onlyCrLf(text, firstCr);
  if (firstCr >= 0 && !crlf) {
    const lines = text.split(/\r\n|\n|\r/);
    if (lines.at(-1) === '') lines.pop();
    for (let i = 0; i < lines.length; i++) if (!visit(firstLine + i, lines[i]!.split(delimiter))) return;
    return;
  }
  const n = text.length;
  let line = firstLine;
  for (let start = 0; start < n; line++) {
    const lf = text.indexOf('\n', start);
    const next = lf < 0 ? n : lf;
    const end = crlf && next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const cells: string[] = [];
    let from = start;
    for (;;) {
      const d = text.indexOf(delimiter, from);
      if (d < 0 || d >= end) break;
      cells.push(text.slice(from, d));
      from = d + 1;
    }
    cells.push(text.slice(from, end));
    if (!visit(line, cells)) return;
    start = next + 1;
  }
}

/** Whether every CR from `from` on is the first half of a CRLF. */
function onlyCrLf(text: string, from: number): boolean {
  for (let cr = from; cr >= 0; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== 10) return false;
  return true;
}

/** A row's text re-joined from its cells, quoted where needed. */
export function joinCells(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

/**
 * A record with no text in any cell: an empty line, or an empty spreadsheet row that Excel saved
 * as delimiters (`;;;;;`). Neither is a data row: both are skipped alike, as `readHead` skips them
 * above the header (a row of nothing has no activity, area or value to reject).
 */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Splits a block's records into the header (the first non-blank record, when `withHeader`) and
 * data rows, counting blank lines and stopping at the row limit.
 */
export function collectRows(records: readonly Row[], state: { headers?: string[]; headerLine?: number; blankLines: number }, rows: Row[], maxRows?: number): boolean {
  for (const r of records) {
    if (isBlankRow(r.cells)) {
      state.blankLines++;
      continue;
    }
    if (state.headers === undefined) {
      state.headers = r.cells.map((h) => h.trim());
      state.headerLine = r.line;
      continue;
    }
    if (maxRows !== undefined && rows.length >= maxRows) return true;
    rows.push(r);
  }
  return false;
}

/**
 * Whole text to header and rows (small files and tests; large files go through the stream).
 * @internal Exported for its tests; no other module uses it.
 */
export function readTable(text: string, options: ReadTableOptions = {}): Table {
  const head = readHead(text, options.delimiter);
  const block = parseBlock(head.offset === 0 ? text : text.slice(head.offset), head.delimiter, head.skippedLines + 1);
  const state: { headers?: string[]; headerLine?: number; blankLines: number } = { blankLines: 0 };
  const rows: Row[] = [];
  const truncated = collectRows(block.records, state, rows, options.maxRows);
  const table: Table = {
    delimiter: head.delimiter,
    headerLine: state.headerLine ?? head.skippedLines + 1,
    headers: state.headers ?? [],
    rows,
    blankLines: state.blankLines,
    findings: block.findings,
    unreadable: block.unreadable,
    truncated,
    rawText: (row) => joinCells(row.cells, head.delimiter),
  };
  if (head.title !== undefined) table.title = head.title;
  return table;
}
