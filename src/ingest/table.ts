import { parse } from 'csv-parse/sync';
import type { FindingInput } from '../model/findings.js';

export type Delimiter = ';' | ',' | '\t';

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
export function readTable(text: string, forced?: Delimiter): Table {
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
  // csv-parse reports a skipped record by the line it ended on; its start is known only once the
  // records around it are placed, so skips are collected here and merged in line order below.
  const skipped: { end: number; reason: string }[] = [];
  const records = parse(text.slice(offset), {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) skipped.push({ end: (err as { lines?: number }).lines ?? 0, reason: err.message.replace(/: .*$/s, '') });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];

  const rows: Row[] = [];
  let blankLines = 0;
  let headers: string[] | undefined;
  let headerLine = headerIdx + 1;
  let prevEnd = headerIdx;
  let nextSkip = 0;
  const flushSkips = (before: number) => {
    while (nextSkip < skipped.length && skipped[nextSkip]!.end + headerIdx < before) {
      const skip = skipped[nextSkip++]!;
      const end = Math.max(skip.end + headerIdx, prevEnd + 1);
      findings.push({
        code: 'csv-syntax',
        line: prevEnd + 1,
        args: { reason: `${skip.reason}; lines ${prevEnd + 1}–${end} not read` },
      });
      prevEnd = end;
    }
  };
  for (const { record, info } of records) {
    const end = info.lines + headerIdx;
    flushSkips(end);
    const line = prevEnd + 1;
    prevEnd = end;
    if (record.length === 1 && record[0]!.trim() === '') {
      blankLines++;
      continue;
    }
    if (headers === undefined) {
      headers = record.map((h) => h.trim());
      headerLine = line;
      continue;
    }
    rows.push({ line, cells: record });
  }
  flushSkips(Number.POSITIVE_INFINITY);
  const table: Table = { delimiter, headerLine, headers: headers ?? [], rows, blankLines, findings };
  if (title !== undefined) table.title = title;
  return table;
}
