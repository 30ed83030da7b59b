import { finding, type Finding, type FindingInput } from '../model/findings.js';
import type { BudgetTable } from '../model/budget-table.js';
import type { QualityRecord } from '../model/records.js';
import { decode, decodeWindows1252, firstInvalidUtf8, type Encoding } from './decode.js';
import { createKoladaIngest, koladaJsonToRecords, looksLikeJson, looksLikeKolada, type KoladaResult } from './kolada-json.js';
import type { DecimalMark } from './number.js';
import type { ParsedInput, ParseOptions } from './parsed.js';
import { createCsvIngest, type ChunkHead, type CsvIngest, type PartState } from './stream.js';
import type { Delimiter } from './table.js';

export type { ParsedInput, ParseOptions, SourceFormat } from './parsed.js';

function fileFailure(file: string, f: FindingInput): ParsedInput {
  return { file, counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, records: [], rejects: [], findings: [finding(file, f)] };
}

/** Bytes seen before deciding how to read a file. */
const SNIFF_BYTES = 4096;

export interface Ingest {
  /** Feeds the next bytes; false means reading can stop. */
  write(chunk: Uint8Array): boolean;
  end(): ParsedInput;
  /** For a CSV read in parts: how a later part is to be read (see `CsvIngest`). */
  head(): ChunkHead | undefined;
  state(): PartState | undefined;
}

/**
 * Reads one input from a stream of byte chunks. The first bytes decide the way: UTF-16 files
 * (small by nature) are read whole; Kolada JSON and CSV stream in bounded memory.
 * Pure: the caller reads the file and names it.
 */
export function createIngest(opts: ParseOptions): Ingest {
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let way: CsvIngest | KoladaWay | 'whole' | undefined;

  function decide(): void {
    const bytes = Buffer.concat(head);
    const prefix = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      way = 'whole';
      return;
    }
    const text = prefix.replace(/^\u00ef\u00bb\u00bf/, '');
    if (looksLikeKolada(text)) {
      way = koladaWay(opts);
      head.length = 0;
      way.write(bytes);
      return;
    }
    if (looksLikeJson(text)) {
      way = { write: () => false, end: () => fileFailure(opts.file, { code: 'json-not-kolada' }) };
      head.length = 0;
      return;
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    way = createCsvIngest(opts, bom);
    head.length = 0;
    way.write(bom ? bytes.subarray(3) : bytes);
  }

  return {
    head: () => (typeof way === 'object' && 'head' in way ? way.head() : undefined),
    state: () => (typeof way === 'object' && 'state' in way ? way.state() : undefined),
    write(chunk) {
      if (way === undefined) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) decide();
        return true;
      }
      if (way === 'whole') {
        head.push(chunk);
        return true;
      }
      return way.write(chunk);
    },
    end() {
      if (way === undefined) {
        if (headBytes === 0) return fileFailure(opts.file, { code: 'file-empty' });
        decide();
      }
      return way === 'whole' ? parseWhole(Buffer.concat(head), opts) : way!.end();
    },
  };
}

/**
 * A file whose rows were all set aside on purpose (other genders, gaps, total rows) gives nothing
 * to report: an error finding says so, with the way to keep them when there is one.
 */
export function noteNothingUsable(input: ParsedInput): ParsedInput {
  const c = input.counts;
  if (c.read === 0 || c.used > 0 || input.findings.some((f) => f.severity === 'error')) return input;
  const genders = input.findings.some((f) => f.code === 'gender-filtered');
  const reason = genders
    ? `all ${c.ignored} row(s) are of a gender not read; --gender all (or --gender K/M) keeps them`
    : `all ${c.ignored} row(s) were set aside (gaps, total rows, flagged values); see the info findings`;
  input.findings.push(finding(input.file, { code: 'rows-none-usable', args: { reason } }));
  return input;
}

/**
 * Bytes of one input to records and findings (the same path as a stream, fed at once).
 * @internal Exported for its tests; no other module uses it.
 */
export function parseInput(bytes: Uint8Array, opts: ParseOptions): ParsedInput {
  const ingest = createIngest(opts);
  ingest.write(bytes);
  return ingest.end();
}

/** Kolada JSON and UTF-16 text: decoded and parsed as a whole. */
function parseWhole(bytes: Uint8Array, opts: ParseOptions): ParsedInput {
  const { file } = opts;
  const decoded = decode(bytes, opts.encoding);
  if (!decoded.ok) {
    if (decoded.code === 'file-binary') return fileFailure(file, { code: 'file-binary', args: { offset: decoded.offset } });
    if (decoded.code === 'encoding-invalid') {
      return fileFailure(file, { code: 'encoding-invalid', line: decoded.line, column: decoded.column, args: { encoding: decoded.encoding } });
    }
    return fileFailure(file, { code: 'file-empty' });
  }
  const info = { encoding: decoded.encoding, bom: decoded.bom };
  if (looksLikeKolada(decoded.text)) return koladaInput(opts, koladaJsonToRecords(decoded.text, { file, gender: opts.gender ?? 'T', ...(opts.surveyGenders ? { surveyGenders: true } : {}) }), info);
  if (looksLikeJson(decoded.text)) return fileFailure(file, { code: 'json-not-kolada' });
  // UTF-16 text that is not JSON: hand its UTF-8 form to the CSV reader.
  const csv = createCsvIngest({ ...opts, encoding: 'utf-8' }, false);
  csv.write(Buffer.from(decoded.text, 'utf8'));
  return { ...csv.end(), encoding: decoded.encoding, bom: decoded.bom };
}

function koladaInput(opts: ParseOptions, k: KoladaResult, info: { encoding: Encoding; bom: boolean }): ParsedInput {
  const { file } = opts;
  return {
    file, format: 'kolada-json', ...info, kind: 'values', counts: k.counts, records: k.records, rejects: k.rejects,
    findings: [...csvSettingsUnused(opts), ...k.findings].map((f) => finding(file, f)),
    ...(k.version ? { title: `Kolada API ${k.version}` } : {}),
    ...(k.pages.length > 0 ? { pages: k.pages } : {}),
  };
}

/**
 * Settings of how a CSV file's text is read (`columns`, `delimiter`, `decimal`, `dash`), given for a
 * file of Kolada JSON: its fields are named and its numbers JSON's, so none applies; said, as a
 * mapping written for the file was otherwise dropped without a word.
 */
function csvSettingsUnused(opts: ParseOptions): FindingInput[] {
  const given = [...(opts.columns && Object.keys(opts.columns).length > 0 ? ['columns'] : []), ...(['delimiter', 'decimal', 'dash'] as const).filter((k) => opts[k] !== undefined)];
  return given.map((key) => ({ code: 'setting-not-json', args: { key } }));
}

interface KoladaWay {
  write(chunk: Uint8Array): boolean;
  end(): ParsedInput;
}

/**
 * Kolada JSON read as it streams in. JSON is UTF-8 (RFC 8259): bytes that are not fail the file
 * at the first bad byte, unless Windows-1252 was asked for.
 */
function koladaWay(opts: ParseOptions): KoladaWay {
  const { file } = opts;
  const k = createKoladaIngest({ file, gender: opts.gender ?? 'T', ...(opts.surveyGenders ? { surveyGenders: true } : {}) });
  const cp1252 = opts.encoding === 'windows-1252';
  const check = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bom: boolean | undefined;
  let bad: FindingInput | undefined;
  let line = 1;
  let lineStart = 0;
  let seen = 0;
  return {
    write(chunk) {
      bom ??= chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      if (bad !== undefined) return false;
      if (cp1252) {
        k.write(Buffer.from(decodeWindows1252(chunk), 'utf8'));
        return true;
      }
      try {
        check.decode(chunk, { stream: true });
      } catch {
        const at = firstInvalidUtf8(chunk);
        for (let i = 0; i < at; i++) if (chunk[i] === 0x0a) [line, lineStart] = [line + 1, seen + i + 1];
        bad = { code: 'encoding-invalid', line, column: seen + at - lineStart + 1, args: { encoding: 'utf-8' } };
        return false;
      }
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) [line, lineStart] = [line + 1, seen + i + 1];
      seen += chunk.length;
      k.write(chunk);
      return true;
    },
    end() {
      if (bad !== undefined) return fileFailure(file, bad);
      return koladaInput(opts, k.end(), { encoding: cp1252 ? 'windows-1252' : 'utf-8', bom: bom ?? false });
    },
  };
}
