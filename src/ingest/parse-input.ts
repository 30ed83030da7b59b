import type { Kind } from '../config/schema.js';
import { finding, type Finding, type FindingInput } from '../model/findings.js';
import type { DataRecord } from '../model/records.js';
import { decode, type Encoding } from './decode.js';
import { koladaJsonToRecords, looksLikeKolada } from './kolada-json.js';
import type { DecimalMark } from './number.js';
import { tableToRecords, type RecordOptions, type RejectedRow, type RowCounts, type Sign } from './records.js';
import { readTable, type Delimiter } from './table.js';

export type SourceFormat = 'csv' | 'px-web-csv' | 'kolada-json' | 'kolada-csv';

/** What ingest learned about one input: how it was read, what came out, what was wrong. */
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
  counts: RowCounts;
  records: DataRecord[];
  findings: Finding[];
  /** Every rejected row with its original text (for --rejects). */
  rejects: RejectedRow[];
}

export interface ParseOptions extends RecordOptions {
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: Delimiter;
}

function fileFailure(file: string, f: FindingInput): ParsedInput {
  return { file, counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, records: [], rejects: [], findings: [finding(file, f)] };
}

/**
 * Bytes of one input to records and findings. Pure: the caller read the bytes and names the file.
 * Dispatches on the content: Kolada JSON, PX-Web wide CSV, or a long CSV of one of the four kinds.
 */
export function parseInput(bytes: Uint8Array, opts: ParseOptions): ParsedInput {
  const { file } = opts;
  const decoded = decode(bytes, opts.encoding);
  if (!decoded.ok) {
    if (decoded.code === 'file-binary') return fileFailure(file, { code: 'file-binary', args: { offset: decoded.offset } });
    if (decoded.code === 'encoding-invalid') {
      return fileFailure(file, { code: 'encoding-invalid', line: decoded.line, column: decoded.column, args: { encoding: decoded.encoding } });
    }
    return fileFailure(file, { code: 'file-empty' });
  }
  const text = decoded.text;
  if (text.trim() === '') return fileFailure(file, { code: 'file-empty' });
  const info = { encoding: decoded.encoding, bom: decoded.bom };
  if (looksLikeKolada(text)) {
    const k = koladaJsonToRecords(text, { file, gender: opts.gender ?? 'T' });
    return {
      file, format: 'kolada-json', ...info, kind: 'values', counts: k.counts, records: k.records, rejects: k.rejects,
      findings: k.findings.map((f) => finding(file, f)),
      ...(k.version ? { title: `Kolada API ${k.version}` } : {}),
    };
  }
  const table = readTable(text, { ...(opts.delimiter ? { delimiter: opts.delimiter } : {}), ...(opts.maxRows ? { maxRows: opts.maxRows } : {}) });
  if (table.headers.length === 0) return { ...fileFailure(file, { code: 'file-empty' }), ...info };
  if (table.rows.length === 0 && table.findings.length === 0) {
    return { ...fileFailure(file, { code: 'file-header-only', line: table.headerLine }), ...info, delimiter: table.delimiter };
  }
  const result = tableToRecords(table, opts);
  const out: ParsedInput = {
    file,
    format: result.layout === 'wide' ? 'px-web-csv' : result.kolada ? 'kolada-csv' : 'csv',
    ...info,
    delimiter: table.delimiter,
    decimal: result.decimal,
    counts: result.counts,
    records: result.records,
    rejects: result.rejects,
    findings: result.findings.map((f) => finding(file, f)),
  };
  if (decoded.encoding === 'windows-1252' && opts.encoding === undefined) out.findings.unshift(finding(file, { code: 'encoding-detected', args: { encoding: 'windows-1252' } }));
  if (result.kind !== undefined) out.kind = result.kind;
  if (table.title !== undefined) out.title = table.title;
  if (result.unit !== undefined) out.unit = result.unit;
  if (result.sign !== undefined) out.sign = result.sign;
  return out;
}
