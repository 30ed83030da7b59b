import { finding, type FindingInput } from '../model/findings.js';
import { BlockDecoder } from './block-decoder.js';
import { BoundaryScanner } from './boundary-scanner.js';
import { bytesCutLikeText, eachByteLine, plainBytes, type ByteRowReader } from './byte-cells.js';
import type { ParsedInput, ParseOptions } from './parsed.js';
import type { HeaderPlan } from './header-plan.js';
import { createRecordBuilder, type RecordBuilder, type RecordsResult } from './records.js';
import { BlockTexts } from './block-texts.js';
import { collectRows, eachUnquoted, isBlankRow, parseBlock, readHead, type Delimiter, type Row } from './table.js';
import type { Kind } from '../config/schema.js';
import type { DecimalMark } from './number.js';
import { appendAll } from '../model/array.js';
import { visible } from '../model/text.js';
import type { ForcedEncoding } from '../model/vocabulary.js';

/**
 * Blocks of about this many bytes are decoded and parsed at a time while the first rows (2000 of
 * them) decide the table's shape; they are kept until then. Small enough that the rows of one
 * block die young instead of being promoted to the old generation.
 */
const BLOCK_BYTES = 1 << 16;
/**
 * Then blocks of 16-32 KiB: a decoded block that small is an ordinary young object, dead by the
 * next scavenge, where a large one goes to V8's large-object space and stays until a full GC.
 */
const STREAM_BLOCK_BYTES = 1 << 15;
/** The longest one record may be (its quoted line breaks included): far above any real row. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface CsvIngest {
  /** Feeds the next bytes; returns false when reading can stop (a fatal problem or the row limit). */
  write(chunk: Uint8Array): boolean;
  end(): ParsedInput;
  /** How this file is read, once its header and first rows are known: a later part is read alike. */
  head(): ChunkHead | undefined;
  /** Line breaks read, and whether anything could make a part read differently alone (all of it known after `end`). */
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
  /** The bytes fed end between records (outside quotes): a part cut there reads as the whole file would. */
  between: boolean;
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
 * boundaries (`BoundaryScanner`), each block is decoded (`BlockDecoder`) and parsed on its own, and
 * rows go to the record builder one at a time.
 */
export function createCsvIngest(opts: ParseOptions, bom: boolean, cont?: ChunkHead): CsvIngest {
  return new CsvReader(opts, bom, cont);
}

/** A block's findings and unreadable text, kept with its rows until the table is set up. */
interface EarlyBlock {
  findings: FindingInput[];
  unreadable: { line: number; text: string }[];
}

class CsvReader implements CsvIngest {
  private readonly blockBytes: number;
  private readonly streamBytes: number;
  private readonly maxRecord: number;
  private readonly scanner = new BoundaryScanner();
  private readonly decoder: BlockDecoder;
  private readonly texts = new BlockTexts();
  /** The line the next block starts at. */
  private nextLine = 1;
  private fatal: FindingInput | undefined;
  /** Reading stopped at the row limit. */
  private stopped = false;
  private fedBytes: number;
  private delimiter: Delimiter | undefined;
  private title: string | undefined;
  private builder: RecordBuilder | undefined;
  private truncatedAt: number | undefined;
  /** Line of the last data row read, whatever block it was in: where the row limit stopped reading. */
  private lastRowLine: number | undefined;
  private rowsSeen = 0;
  private readonly table: { headers?: string[]; headerLine?: number; blankLines: number } = { blankLines: 0 };
  /** The kind's byte path, once the table is set up (see `byteStream`), and its cells' bounds. */
  private byteRows: ByteRowReader | undefined;
  private bounds = new Int32Array(0);
  /** The first rows, kept until there are enough to decide how the table is read. */
  private readonly early: Row[] = [];
  private readonly earlyBlocks: EarlyBlock[] = [];
  /** Blocks' findings once the table is set up (the builder's come after). */
  private readonly blockFindings: FindingInput[] = [];

  constructor(private readonly opts: ParseOptions, private readonly bom: boolean, private readonly cont?: ChunkHead) {
    this.blockBytes = opts.blockBytes ?? BLOCK_BYTES;
    this.maxRecord = opts.maxRecordBytes ?? MAX_RECORD_BYTES;
    this.streamBytes = Math.min(this.blockBytes, STREAM_BLOCK_BYTES);
    this.fedBytes = bom ? 3 : 0;
    this.decoder = new BlockDecoder(opts.encoding, bom, cont);
    if (cont === undefined) return;
    // A later part of a split file: the header is known and nothing is sniffed again.
    this.delimiter = cont.delimiter;
    if (cont.title !== undefined) this.title = cont.title;
    this.table.headers = cont.headers;
    this.table.headerLine = cont.headerLine;
    this.builder = createRecordBuilder(
      { delimiter: cont.delimiter, headerLine: cont.headerLine, headers: cont.headers, findings: [], continued: true, plan: cont.plan, ...(cont.title !== undefined ? { title: cont.title } : {}) },
      [],
      { ...opts, decimal: cont.decimal, ...(cont.kind !== undefined ? { kind: cont.kind } : {}) },
      (row) => this.texts.rawText(row, this.delimiter!),
    );
    this.useBytes();
  }

  head(): ChunkHead | undefined {
    const { builder, delimiter, table } = this;
    if (builder === undefined || delimiter === undefined || table.headers === undefined) return undefined;
    const { encoding, sawMultibyte, switched } = this.decoder;
    const h: ChunkHead = {
      delimiter, headers: table.headers, headerLine: table.headerLine ?? 1, decimal: builder.decimal, kind: builder.kind, plan: builder.plan,
      encoding, sawMultibyte, switched, bom: this.bom,
    };
    if (this.title !== undefined) h.title = this.title;
    return h;
  }

  state(): PartState {
    return { lines: this.nextLine - 1, rows: this.rowsSeen, switched: this.decoder.switched, fatal: this.fatal !== undefined, truncated: this.truncatedAt !== undefined, between: !this.scanner.quoted };
  }

  write(chunk: Uint8Array): boolean {
    if (this.stopped || this.fatal !== undefined) return false;
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      this.fatal = { code: 'file-binary', args: { offset: this.fedBytes + nul } };
      return false;
    }
    this.fedBytes += chunk.length;
    // The bytes go in slices, so blocks stay small (BLOCK_BYTES, then STREAM_BLOCK_BYTES).
    for (let off = 0; off < chunk.length && !this.stopped && this.fatal === undefined;) {
      const piece = chunk.subarray(off, off + (this.builder === undefined ? this.blockBytes : this.streamBytes));
      off += piece.length;
      this.scanner.append(piece);
      this.scanner.scan(false);
      this.cut(false);
      // No line end for this long: an unterminated quote, or not a CSV file. Bounded, not held.
      if (this.scanner.unfinished > this.maxRecord) this.fatal = { code: 'record-too-long', line: this.nextLine, args: { limit: this.maxRecord } };
    }
    return !this.stopped && this.fatal === undefined;
  }

  end(): ParsedInput {
    if (this.fatal === undefined && !this.stopped) {
      this.scanner.scan(true);
      this.cut(true);
    }
    const { file } = this.opts;
    const { encoding } = this.decoder;
    const bom = this.bom;
    const empty = { file, counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, records: [], rejects: [] };
    if (this.fatal !== undefined) return { ...empty, findings: [finding(file, this.fatal)] };
    this.flushEarly();
    if (this.table.headers === undefined) return { ...empty, findings: [finding(file, { code: 'file-empty' })], encoding, bom };
    if (this.builder === undefined) this.startTable([]);
    const result = this.builder!.finish(this.truncatedAt);
    if (this.cont === undefined && result.counts.read === 0 && result.rejects.length === 0) {
      return { ...empty, findings: [finding(file, { code: 'file-header-only', line: this.table.headerLine! })], encoding, bom, delimiter: this.delimiter! };
    }
    return this.parsed(result);
  }

  private parsed(result: RecordsResult): ParsedInput {
    const { file } = this.opts;
    const out: ParsedInput = {
      file,
      format: result.layout === 'wide' ? 'px-web-csv' : result.kolada ? 'kolada-csv' : 'csv',
      encoding: this.decoder.encoding,
      bom: this.bom,
      delimiter: this.delimiter!,
      decimal: result.decimal,
      counts: result.counts,
      records: result.records,
      ...(result.budget ? { budget: result.budget } : {}),
      ...(result.answers ? { answers: result.answers } : {}),
      ...(result.respondents ? { respondents: result.respondents } : {}),
      rejects: [...result.rejects].sort((a, b) => a.line - b.line),
      // Line order, file-level findings first: the same whatever block a finding came from.
      findings: [...this.blockFindings, ...result.findings].map((f) => finding(file, f)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    };
    // Said once per file: by its first part (a later part starts from the first one's decoder).
    if (this.decoder.switched && this.opts.encoding === undefined && this.cont === undefined) out.findings.unshift(finding(file, { code: 'encoding-detected', args: { encoding: 'windows-1252' } }));
    if (result.kind !== undefined) out.kind = result.kind;
    if (this.title !== undefined) out.title = this.title;
    if (result.unit !== undefined) out.unit = result.unit;
    if (result.sign !== undefined) out.sign = result.sign;
    if (result.signAreas !== undefined) out.signAreas = result.signAreas;
    if (result.shareHeader !== undefined) out.shareHeader = result.shareHeader;
    if (result.builtInPositives !== undefined) out.builtInPositives = result.builtInPositives;
    return out;
  }

  /** Hands complete blocks on: at about BLOCK_BYTES (STREAM_BLOCK_BYTES once set up), or everything at the end. */
  private cut(final: boolean): void {
    while (!this.stopped && this.fatal === undefined) {
      const block = this.scanner.take(final, this.builder === undefined ? this.blockBytes : this.streamBytes / 2);
      if (block === undefined) return;
      this.readBlock(block.bytes, this.nextLine, block.lines);
      this.scanner.release();
    }
  }

  private readBlock(bytes: Uint8Array, line: number, lineCount: number): void {
    if (this.byteRows !== undefined && bytesCutLikeText(bytes) && this.decoder.readable(bytes)) {
      this.byteStream(plainBytes(bytes), line, this.byteRows);
      this.nextLine = line + lineCount;
      return;
    }
    let text = this.decoder.decode(bytes, line);
    if (text === undefined) {
      this.fatal = this.decoder.fatal;
      return;
    }
    let first = line;
    if (this.delimiter === undefined) {
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const head = readHead(text, this.opts.delimiter);
      this.delimiter = head.delimiter;
      if (head.title !== undefined) this.title = visible(head.title);
      text = text.slice(head.offset);
      first += head.skippedLines;
    }
    if (this.builder === undefined) this.texts.add(first, text);
    else this.texts.only(first, text);
    if (this.builder !== undefined && this.table.headers !== undefined && text.indexOf('"') < 0) this.streamRows(text, first, line);
    else this.parseRows(text, first, line);
    this.nextLine = line + lineCount;
  }

  /** A block with quotes, or one before the table is set up: parsed whole, its rows then handed on. */
  private parseRows(text: string, first: number, blockLine: number): void {
    const block = parseBlock(text, this.delimiter!, first);
    const rows: Row[] = [];
    const limit = this.opts.maxRows !== undefined ? this.opts.maxRows - this.rowsSeen : undefined;
    const truncated = collectRows(block.records, this.table, rows, limit);
    this.rowsSeen += rows.length;
    this.lastRowLine = rows.at(-1)?.line ?? this.lastRowLine;
    if (truncated) {
      this.truncatedAt = this.lastRowLine ?? blockLine;
      this.stopped = true;
    }
    if (this.builder === undefined) {
      // The first rows are kept until there are 2000 (or the file ends): they decide the decimal mark.
      appendAll(this.early, rows);
      this.earlyBlocks.push(block);
      if (this.early.length >= 2000 || this.stopped) this.flushEarly();
    } else {
      for (const u of block.unreadable) this.builder.unreadable(u);
      for (const row of rows) this.builder.row(row);
      appendAll(this.blockFindings, block.findings);
    }
  }

  /** A block with no quote, once the table is set up: rows go to the builder as they are cut. */
  private streamRows(text: string, first: number, blockLine: number): void {
    const builder = this.builder!;
    const maxRows = this.opts.maxRows;
    eachUnquoted(text, this.delimiter!, first, (line, cells) => {
      // A blank line (or one of only delimiters) is no record (nothing counts them in a stream).
      if (isBlankRow(cells)) return true;
      if (maxRows !== undefined && this.rowsSeen >= maxRows) {
        this.truncatedAt = this.lastRowLine ?? blockLine;
        this.stopped = true;
        return false;
      }
      this.rowsSeen++;
      this.lastRowLine = line;
      builder.row({ line, cells });
      return true;
    });
  }

  /**
   * A block read from its bytes (see `byte-cells.ts`), once the table is set up: a row of the
   * header's width goes to the kind's byte path; any other row, or one it refuses, is decoded and
   * goes the text path's way, as in `streamRows`.
   */
  private byteStream(bytes: Uint8Array, first: number, read: ByteRowReader): void {
    const builder = this.builder!;
    const maxRows = this.opts.maxRows;
    const width = this.table.headers!.length;
    const delimiter = this.delimiter!;
    eachByteLine(bytes, delimiter.charCodeAt(0), first, this.bounds, (line, start, end, cells) => {
      if (cells === width) {
        if (maxRows !== undefined && this.rowsSeen >= maxRows) return this.stopAt(first);
        if (read(bytes, this.bounds, line)) {
          this.rowsSeen++;
          this.lastRowLine = line;
          return true;
        }
      }
      const text = this.decoder.text(bytes.subarray(start, end));
      const row = text.split(delimiter);
      if (isBlankRow(row)) return true;
      if (maxRows !== undefined && this.rowsSeen >= maxRows) return this.stopAt(first);
      this.rowsSeen++;
      this.lastRowLine = line;
      this.texts.only(line, text);
      builder.row({ line, cells: row });
      return true;
    });
  }

  /** Stops reading at the row limit, in a block that starts at `blockLine`. */
  private stopAt(blockLine: number): false {
    this.truncatedAt = this.lastRowLine ?? blockLine;
    this.stopped = true;
    return false;
  }

  /** Sets the table up from the first rows and hands them on. */
  private flushEarly(): void {
    if (this.builder !== undefined || this.delimiter === undefined) return;
    const builder = this.startTable(this.early);
    for (const b of this.earlyBlocks) {
      appendAll(this.blockFindings, b.findings);
      for (const u of b.unreadable) builder.unreadable(u);
    }
    for (const row of this.early) builder.row(row);
    this.early.length = 0;
  }

  private startTable(rows: Row[]): RecordBuilder {
    const { table, title } = this;
    this.builder = createRecordBuilder(
      { delimiter: this.delimiter!, headerLine: table.headerLine ?? 1, headers: table.headers ?? [], findings: [], ...(title !== undefined ? { title } : {}) },
      rows,
      this.opts,
      (row) => this.texts.rawText(row, this.delimiter!),
    );
    this.useBytes();
    return this.builder;
  }

  /** Reads the rest from bytes when the kind can (a header of two or more cells: no data row is then blank). */
  private useBytes(): void {
    const width = this.table.headers?.length ?? 0;
    if (width < 2 || this.delimiter!.length !== 1 || this.delimiter!.charCodeAt(0) >= 0x80) return;
    this.byteRows = this.builder!.byteRows(this.decoder.text);
    this.bounds = new Int32Array(2 * width);
  }
}
