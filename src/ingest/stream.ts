import { isUtf8 } from 'node:buffer';
import { finding, type FindingInput } from '../model/findings.js';
import { decodeWindows1252, firstInvalidUtf8, hasUtf8Sequences } from './decode.js';
import type { ParsedInput, ParseOptions } from './parsed.js';
import type { HeaderPlan } from './header-plan.js';
import { createRecordBuilder, type RecordBuilder } from './records.js';
import { breaksIn, collectRows, eachUnquoted, joinCells, lineStarts, parseBlock, readHead, type Delimiter, type Row } from './table.js';
import type { Kind } from '../config/schema.js';
import type { DecimalMark } from './number.js';
import { appendAll } from '../model/array.js';
import { visible } from '../model/text.js';
import type { ForcedEncoding } from '../model/vocabulary.js';

/**
 * Blocks of about this many bytes are decoded and parsed at a time while the first rows (2000 of
 * them) decide the table's shape; they are kept until then. The first megabytes read as one block
 * had kept ~37 000 rows of a national budget file alive through two young-generation collections
 * into the old one (~25 ms of collection; its report 5 % faster without).
 */
const BLOCK_BYTES = 1 << 16;
/**
 * Then blocks of 16-32 KiB: a decoded block that small is an ordinary young object, dead by the
 * next scavenge, where a 1 MiB one went to V8's large-object space and stayed until a full GC
 * (reading 20M answers on one thread: heap 117 instead of ~350 MB between full GCs; reading 2M
 * answers ~4 % faster).
 */
const STREAM_BLOCK_BYTES = 1 << 15;
/** The longest one record may be (its quoted line breaks included): far above any real row. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export interface CsvIngest {
  /** Feeds the next bytes; returns false when reading can stop (a fatal problem or the row limit). */
  write(chunk: Uint8Array): boolean;
  end(): ParsedInput;
  /** How this file is read, once its header and first rows are known: a later part is read alike. */
  head(): ChunkHead | undefined;
  /** After `end`: line breaks read, and whether anything could make a part read differently alone. */
  state(): PartState;
}

/** After reading a part: its line breaks and data rows, and what could make it read differently alone. */
export interface PartState {
  lines: number;
  rows: number;
  switched: boolean;
  fatal: boolean;
  /** Reading stopped at the row limit. */
  truncated: boolean;
}

/**
 * What a later part of a file needs to be read exactly as a whole-file read would read it: the
 * header and how the first rows were read. Its own line numbers then start at 1.
 */
export interface ChunkHead {
  delimiter: Delimiter;
  title?: string;
  headers: string[];
  headerLine: number;
  decimal: DecimalMark;
  kind: Kind | undefined;
  plan: HeaderPlan;
  encoding: ForcedEncoding;
  sawMultibyte: boolean;
  switched: boolean;
  bom: boolean;
}

/**
 * Reads a CSV file as a stream of byte chunks in bounded memory: bytes are cut into blocks at record
 * boundaries (a line break outside quotes, by quote parity), each block is decoded and parsed on its
 * own (a line break never falls inside a UTF-8 sequence), and rows go to the record builder one at
 * a time. Encoding follows `decode`: UTF-8 while the bytes are valid UTF-8; Windows-1252 when they
 * are not and no multi-byte UTF-8 sequence appears anywhere (the earlier blocks were then plain
 * ASCII, the same in both); otherwise the file is damaged UTF-8 and fails with the position.
 */
export function createCsvIngest(opts: ParseOptions, bom: boolean, cont?: ChunkHead): CsvIngest {
  const { file } = opts;
  const blockBytes = opts.blockBytes ?? BLOCK_BYTES;
  const maxRecord = opts.maxRecordBytes ?? MAX_RECORD_BYTES;
  const streamBytes = Math.min(blockBytes, STREAM_BLOCK_BYTES);
  // Bytes not yet in a block: the first `pending.length` bytes of `store`, which doubles when a
  // record runs on (a 20 MB quoted cell was copied once per 32 KiB slice: quadratic, 2.9 s).
  let store: Buffer = Buffer.alloc(0);
  let pending: Buffer = store;
  let scanPos = 0;
  let inQuotes = false;
  let boundary = 0;
  let breaks = 0;
  let breaksAtBoundary = 0;
  let nextLine = 1;
  let encoding: ForcedEncoding = opts.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  let sawMultibyte = false;
  let switched = false;
  let firstInvalid: { line: number; column: number } | undefined;
  let fatal: FindingInput | undefined;
  let stopped = false;
  let fedBytes = bom ? 3 : 0;

  let delimiter: Delimiter | undefined;
  let title: string | undefined;
  let builder: RecordBuilder | undefined;
  let truncatedAt: number | undefined;
  /** Line of the last data row read, whatever block it was in: where the row limit stopped reading. */
  let lastRowLine: number | undefined;
  let rowsSeen = 0;
  const state: { headers?: string[]; headerLine?: number; blankLines: number } = { blankLines: 0 };
  const early: Row[] = [];
  const earlyBlocks: { findings: FindingInput[]; unreadable: { line: number; text: string }[] }[] = [];
  if (cont !== undefined) {
    // A later part of a split file: the header is known and nothing is sniffed again.
    delimiter = cont.delimiter;
    if (cont.title !== undefined) title = cont.title;
    state.headers = cont.headers;
    state.headerLine = cont.headerLine;
    encoding = cont.encoding;
    sawMultibyte = cont.sawMultibyte;
    switched = cont.switched;
    if (switched) firstInvalid = { line: 0, column: 0 };
    builder = createRecordBuilder(
      { delimiter, headerLine: cont.headerLine, headers: cont.headers, findings: [], continued: true, plan: cont.plan, ...(title !== undefined ? { title } : {}) },
      [],
      { ...opts, decimal: cont.decimal, ...(cont.kind !== undefined ? { kind: cont.kind } : {}) },
      (row) => rawText(row),
    );
  }

  /** Line and column of a byte offset inside a block that starts at `line`. */
  function position(bytes: Uint8Array, offset: number, line: number): { line: number; column: number } {
    let l = line;
    let start = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
        l++;
        start = i + 1;
      }
    }
    return { line: l, column: offset - start + 1 };
  }

  function decodeBlock(bytes: Uint8Array, line: number): string | undefined {
    if (encoding === 'utf-8') {
      if (isUtf8(bytes)) {
        if (!sawMultibyte) sawMultibyte = bytes.some((b) => b >= 0x80);
        return utf8.decode(bytes);
      }
      const bad = position(bytes, firstInvalidUtf8(bytes), line);
      if (opts.encoding === 'utf-8' || bom || sawMultibyte || hasUtf8Sequences(bytes)) {
        fatal = { code: 'encoding-invalid', line: bad.line, column: bad.column, args: { encoding: 'utf-8' } };
        return undefined;
      }
      encoding = 'windows-1252';
      switched = true;
      firstInvalid = bad;
    } else if (switched && hasUtf8Sequences(bytes)) {
      fatal = { code: 'encoding-invalid', line: firstInvalid!.line, column: firstInvalid!.column, args: { encoding: 'utf-8' } };
      return undefined;
    }
    return decodeWindows1252(bytes);
  }

  function startTable(rows: Row[]): void {
    builder = createRecordBuilder(
      { delimiter: delimiter!, headerLine: state.headerLine ?? 1, headers: state.headers ?? [], findings: [], ...(title !== undefined ? { title } : {}) },
      rows,
      opts,
      rawText,
    );
  }

  /**
   * The texts of the blocks whose rows are being read (the early blocks until the table is set
   * up, then the current one): a rejected row's original text is cut from them, quotes and all.
   * Nothing is done per row until a row is rejected.
   */
  let sources: { first: number; text: string; starts?: number[] }[] = [];
  function rawText(row: Row): string {
    let src: (typeof sources)[number] | undefined;
    for (const s of sources) if (s.first <= row.line) src = s;
    const joined = joinCells(row.cells, delimiter!);
    if (src === undefined) return joined;
    const starts = (src.starts ??= lineStarts(src.text));
    const at = row.line - src.first;
    // A record spans one line more than the line breaks inside its cells.
    let span = 1;
    for (const cell of row.cells) span += breaksIn(cell);
    if (at >= starts.length) return joined;
    const end = at + span < starts.length ? starts[at + span]! : src.text.length;
    return src.text.slice(starts[at]!, end).replace(/(\r\n|\n|\r)$/, '');
  }

  function feedRows(rows: Row[]): void {
    for (const row of rows) builder!.row(row);
  }

  function processBlock(bytes: Uint8Array, line: number, lineCount: number): void {
    let text = decodeBlock(bytes, line);
    if (text === undefined) return;
    let first = line;
    if (delimiter === undefined) {
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const head = readHead(text, opts.delimiter);
      delimiter = head.delimiter;
      if (head.title !== undefined) title = visible(head.title);
      text = text.slice(head.offset);
      first += head.skippedLines;
    }
    if (builder === undefined) sources.push({ first, text });
    else sources = [{ first, text }];
    if (builder !== undefined && state.headers !== undefined && text.indexOf('"') < 0) {
      streamRows(text, first, line);
      nextLine = line + lineCount;
      return;
    }
    const block = parseBlock(text, delimiter, first);
    const rows: Row[] = [];
    const limit = opts.maxRows !== undefined ? opts.maxRows - rowsSeen : undefined;
    const truncated = collectRows(block.records, state, rows, limit);
    rowsSeen += rows.length;
    lastRowLine = rows.at(-1)?.line ?? lastRowLine;
    if (truncated) {
      truncatedAt = lastRowLine ?? line;
      stopped = true;
    }
    if (builder === undefined) {
      // The first rows are kept until there are 2000 (or the file ends): they decide the decimal mark.
      appendAll(early, rows);
      earlyBlocks.push(block);
      if (early.length >= 2000 || stopped) flushEarly();
    } else {
      for (const u of block.unreadable) builder.unreadable(u);
      feedRows(rows);
      appendAll(pendingFindings, block.findings);
    }
    nextLine = line + lineCount;
  }

  /** A block with no quote, once the table is set up: rows go to the builder as they are cut. */
  function streamRows(text: string, first: number, blockLine: number): void {
    eachUnquoted(text, delimiter!, first, (line, cells) => {
      // A blank line is no record (nothing counts them in a stream).
      if (cells.length === 1 && cells[0]!.trim() === '') return true;
      if (opts.maxRows !== undefined && rowsSeen >= opts.maxRows) {
        truncatedAt = lastRowLine ?? blockLine;
        stopped = true;
        return false;
      }
      rowsSeen++;
      lastRowLine = line;
      builder!.row({ line, cells });
      return true;
    });
  }

  const pendingFindings: FindingInput[] = [];
  function flushEarly(): void {
    if (builder !== undefined || delimiter === undefined) return;
    startTable(early);
    for (const b of earlyBlocks) {
      appendAll(pendingFindings, b.findings);
      for (const u of b.unreadable) builder!.unreadable(u);
    }
    feedRows(early);
    early.length = 0;
  }

  /** Whether every CR in `buf` from `i` on is followed by an LF in `buf` (a CR at the end waits for the next bytes). */
  function noLoneCr(buf: Buffer, i: number): boolean {
    for (let cr = buf.indexOf(0x0d, i); cr >= 0; cr = buf.indexOf(0x0d, cr + 1)) if (buf[cr + 1] !== 0x0a) return false;
    return true;
  }

  /** Scans new bytes for record boundaries: a line break outside quotes. */
  function scan(final: boolean): void {
    const buf = pending;
    const n = buf.length;
    let i = scanPos;
    if (!inQuotes && buf.indexOf(0x22, i) < 0 && noLoneCr(buf, i)) {
      // No quote and no CR but in CRLF ahead (most chunks of most files): every line feed is a
      // boundary, found by native search instead of a byte-by-byte loop.
      for (let lf = buf.indexOf(0x0a, i); lf >= 0; lf = buf.indexOf(0x0a, lf + 1)) {
        breaks++;
        boundary = lf + 1;
        breaksAtBoundary = breaks;
      }
      scanPos = n;
      return;
    }
    for (; i < n; i++) {
      const b = buf[i]!;
      if (b === 0x22) inQuotes = !inQuotes;
      else if (b === 0x0a) {
        breaks++;
        if (!inQuotes) {
          boundary = i + 1;
          breaksAtBoundary = breaks;
        }
      } else if (b === 0x0d) {
        if (i + 1 >= n && !final) break;
        if (buf[i + 1] === 0x0a) continue;
        breaks++;
        if (!inQuotes) {
          boundary = i + 1;
          breaksAtBoundary = breaks;
        }
      }
    }
    scanPos = i;
  }

  /** Hands complete blocks to the parser: at about BLOCK_BYTES (STREAM_BLOCK_BYTES once set up), or everything at the end. */
  function cut(final: boolean): void {
    while (!stopped && fatal === undefined) {
      let end: number;
      let lineCount: number;
      if (boundary > 0 && (final || boundary >= (builder === undefined ? blockBytes : streamBytes / 2))) {
        end = boundary;
        lineCount = breaksAtBoundary;
      } else if (final && pending.length > 0) {
        // The last record without a line break, or an unterminated quote running to the end.
        end = pending.length;
        lineCount = breaks + 1;
      } else return;
      const line = nextLine;
      scanPos -= end;
      breaks -= end === boundary ? breaksAtBoundary : breaks;
      boundary = 0;
      breaksAtBoundary = 0;
      processBlock(pending.subarray(0, end), line, lineCount);
      // The rest moves to the front once the block is read; a store grown by a long record is let go.
      const rest = pending.length - end;
      if (store.length > 1 << 22) store = Buffer.from(pending.subarray(end));
      else store.copyWithin(0, end, pending.length);
      pending = store.subarray(0, rest);
    }
  }

  /** Adds bytes after the pending ones. */
  function append(piece: Uint8Array): void {
    const length = pending.length;
    if (length + piece.length > store.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * store.length, length + piece.length));
      larger.set(pending);
      store = larger;
    }
    store.set(piece, length);
    pending = store.subarray(0, length + piece.length);
  }

  return {
    head() {
      if (builder === undefined || delimiter === undefined || state.headers === undefined) return undefined;
      const h: ChunkHead = {
        delimiter, headers: state.headers, headerLine: state.headerLine ?? 1, decimal: builder.decimal, kind: builder.kind, plan: builder.plan,
        encoding, sawMultibyte, switched, bom,
      };
      if (title !== undefined) h.title = title;
      return h;
    },
    state() {
      return { lines: nextLine - 1, rows: rowsSeen, switched, fatal: fatal !== undefined, truncated: truncatedAt !== undefined };
    },
    write(chunk) {
      if (stopped || fatal !== undefined) return false;
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        fatal = { code: 'file-binary', args: { offset: fedBytes + nul } };
        return false;
      }
      fedBytes += chunk.length;
      // The bytes go in slices, so blocks stay small (BLOCK_BYTES, then STREAM_BLOCK_BYTES).
      for (let off = 0; off < chunk.length && !stopped && fatal === undefined;) {
        const piece = chunk.subarray(off, off + (builder === undefined ? blockBytes : streamBytes));
        off += piece.length;
        append(piece);
        scan(false);
        cut(false);
        // No line end for this long: an unterminated quote, or not a CSV file. Bounded, not held.
        if (pending.length - boundary > maxRecord) fatal = { code: 'record-too-long', line: nextLine, args: { limit: maxRecord } };
      }
      return !stopped && fatal === undefined;
    },
    end() {
      if (fatal === undefined && !stopped) {
        scan(true);
        cut(true);
      }
      const empty = { file, counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, records: [], rejects: [] };
      if (fatal !== undefined) return { ...empty, findings: [finding(file, fatal)] };
      flushEarly();
      if (state.headers === undefined) return { ...empty, findings: [finding(file, { code: 'file-empty' })], encoding, bom };
      if (builder === undefined) startTable([]);
      const result = builder!.finish(truncatedAt);
      if (cont === undefined && result.counts.read === 0 && result.rejects.length === 0) {
        return { ...empty, findings: [finding(file, { code: 'file-header-only', line: state.headerLine! })], encoding, bom, delimiter: delimiter! };
      }
      const out: ParsedInput = {
        file,
        format: result.layout === 'wide' ? 'px-web-csv' : result.kolada ? 'kolada-csv' : 'csv',
        encoding,
        bom,
        delimiter: delimiter!,
        decimal: result.decimal,
        counts: result.counts,
        records: result.records,
        ...(result.budget ? { budget: result.budget } : {}),
        ...(result.respondents ? { respondents: result.respondents } : {}),
        rejects: [...result.rejects].sort((a, b) => a.line - b.line),
        // Line order, file-level findings first: the same whatever block a finding came from.
        findings: [...pendingFindings, ...result.findings].map((f) => finding(file, f)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      };
      if (switched && opts.encoding === undefined) out.findings.unshift(finding(file, { code: 'encoding-detected', args: { encoding: 'windows-1252' } }));
      if (result.kind !== undefined) out.kind = result.kind;
      if (title !== undefined) out.title = title;
      if (result.unit !== undefined) out.unit = result.unit;
      if (result.sign !== undefined) out.sign = result.sign;
      return out;
    },
  };
}
