import { parse } from 'csv-parse/sync';
import type { FindingInput } from '../model/findings.js';

export type Delimiter = ';' | ',' | '\t';

export interface Row {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
  /** Byte range of the record in the table body, for quoting a rejected row exactly. */
  start: number;
  end: number;
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
  /** The original text of a record, without its line break. */
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

/**
 * Text to header and rows, each row with the line it starts on. Never throws on bad CSV: a
 * record that cannot be parsed becomes a `csv-syntax` finding naming the lines it spans.
 */
export function readTable(text: string, options: ReadTableOptions = {}): Table {
  const forced = options.delimiter;
  const lines = text.split(/\r\n|\n|\r/, 8);
  let headerIdx = 0;
  let title: string | undefined;
  while (headerIdx < lines.length && lines[headerIdx]!.trim() === '') headerIdx++;
  if (headerIdx < lines.length - 1 && isTitleLine(lines[headerIdx]!)) {
    title = lines[headerIdx]!.trim().replace(/^"|"$/g, '').replace(/""/g, '"');
    headerIdx++;
    while (headerIdx < lines.length && lines[headerIdx]!.trim() === '') headerIdx++;
  }
  const headerText = lines[headerIdx] ?? '';
  const delimiter = forced ?? detectDelimiter(headerText);
  // Skip the title block by offset so every line number stays the physical one.
  let offset = 0;
  for (let i = 0; i < headerIdx; i++) {
    const m = /\r\n|\n|\r/.exec(text.slice(offset));
    offset += m ? m.index + m[0].length : text.length - offset;
  }
  const findings: FindingInput[] = [];
  const skipped: { lines: number; reason: string }[] = [];
  const body = Buffer.from(offset === 0 ? text : text.slice(offset), 'utf8');
  const records = parse(body, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    // Files edited on several systems mix CRLF, LF and CR; auto-detection would take the first only.
    record_delimiter: ['\r\n', '\n', '\r'],
    ...(options.maxRows !== undefined ? { to: options.maxRows + 2 } : {}),
    on_skip: (err) => {
      if (err) skipped.push({ lines: (err as { lines?: number }).lines ?? Number.POSITIVE_INFINITY, reason: err.message.replace(/: .*$/s, '') });
    },
  }) as unknown as { record: string[]; info: { lines: number; bytes: number } }[];

  // csv-parse counts a CRLF inside quotes as two lines, so physical lines come from byte offsets:
  // a record starts where the previous one ended (`info.bytes`).
  const starts = lineStarts(body);
  const lineAt = (byte: number) => headerIdx + upperBound(starts, byte);
  const lastLine = headerIdx + starts.length - (body.length > 0 && (body[body.length - 1] === 0x0a || body[body.length - 1] === 0x0d) ? 1 : 0);
  const rows: Row[] = [];
  let blankLines = 0;
  let headers: string[] | undefined;
  let headerLine = headerIdx + 1;
  let prevBytes = 0;
  let nextSkip = 0;
  const unreadable: Table['unreadable'] = [];
  const flushSkips = (beforeLines: number, nextStart: number) => {
    while (nextSkip < skipped.length && skipped[nextSkip]!.lines < beforeLines) {
      const skip = skipped[nextSkip++]!;
      const from = lineAt(prevBytes);
      const to = Math.max(from, Math.min(lastLine, nextStart > prevBytes ? lineAt(nextStart) - 1 : lastLine));
      findings.push({ code: 'csv-syntax', line: from, args: { reason: `${skip.reason}; lines ${from}–${to} not read` } });
      unreadable.push({ line: from, text: body.subarray(prevBytes, nextStart > prevBytes ? nextStart : body.length).toString('utf8').replace(/\r?\n$/, '') });
    }
  };
  for (const { record, info } of records) {
    flushSkips(info.lines, info.bytes);
    const line = lineAt(prevBytes);
    const start = prevBytes;
    prevBytes = info.bytes;
    if (record.length === 1 && record[0]!.trim() === '') {
      blankLines++;
      continue;
    }
    if (headers === undefined) {
      headers = record.map((h) => h.trim());
      headerLine = line;
      continue;
    }
    rows.push({ line, cells: record, start, end: info.bytes });
  }
  flushSkips(Number.POSITIVE_INFINITY, prevBytes);
  const truncated = options.maxRows !== undefined && rows.length > options.maxRows;
  if (truncated) rows.length = options.maxRows!;
  const table: Table = {
    delimiter, headerLine, headers: headers ?? [], rows, blankLines, findings, unreadable, truncated,
    rawText: (row) => body.subarray(row.start, row.end).toString('utf8').replace(/(\r\n|\n|\r)$/, ''),
  };
  if (title !== undefined) table.title = title;
  return table;
}

/** Byte offsets where each line starts; `\r\n`, `\n` and a lone `\r` each end a line. */
function lineStarts(buf: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x0a) starts.push(i + 1);
    else if (b === 0x0d) {
      if (buf[i + 1] === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Number of entries ≤ value in a sorted array: the 1-based line of a byte offset. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
