import { isUtf8 } from 'node:buffer';
import type { FindingInput } from '../model/findings.js';
import type { ForcedEncoding } from '../model/vocabulary.js';
import { decodeWindows1252, firstInvalidUtf8, hasUtf8Sequences } from './decode.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** How far a decoder has come: what a later part of the same file starts from. */
export interface DecoderState {
  encoding: ForcedEncoding;
  sawMultibyte: boolean;
  switched: boolean;
}

/**
 * Decodes a file's blocks one at a time as `decode` decodes the whole file: UTF-8 while the bytes
 * are valid UTF-8; Windows-1252 from the first block that is not, when no multi-byte UTF-8
 * sequence appears anywhere (the earlier blocks were then plain ASCII, the same in both);
 * otherwise the file is damaged UTF-8 and `fatal` says where.
 */
export class BlockDecoder implements DecoderState {
  encoding: ForcedEncoding;
  sawMultibyte = false;
  switched = false;
  /** Set when the file cannot be decoded: reading stops. */
  fatal: FindingInput | undefined;
  /** Where the first byte that is not UTF-8 was, once the file switched. */
  private firstInvalid: { line: number; column: number } | undefined;

  /**
   * `forced` is the encoding asked for; a file with a byte-order mark is UTF-8 whatever follows;
   * `from` is the state a later part of a split file starts from.
   */
  constructor(private readonly forced: ForcedEncoding | undefined, private readonly bom: boolean, from?: DecoderState) {
    this.encoding = forced === 'windows-1252' ? 'windows-1252' : 'utf-8';
    if (from === undefined) return;
    this.encoding = from.encoding;
    this.sawMultibyte = from.sawMultibyte;
    this.switched = from.switched;
    if (this.switched) this.firstInvalid = { line: 0, column: 0 };
  }

  /**
   * Whether a block can be read from its bytes without decoding it whole (`text` decodes its
   * pieces): `decode` would decode it in the current encoding without a problem. False leaves the
   * block to `decode` (a switch of encoding, a damaged file).
   */
  readable(bytes: Uint8Array): boolean {
    if (this.encoding === 'windows-1252') return !(this.switched && hasUtf8Sequences(bytes));
    if (!isUtf8(bytes)) return false;
    if (!this.sawMultibyte) this.sawMultibyte = bytes.some((b) => b >= 0x80);
    return true;
  }

  /** A piece of a block `readable` said yes to, decoded as `decode` decodes the block. */
  readonly text = (bytes: Uint8Array): string => (this.encoding === 'utf-8' ? utf8.decode(bytes) : decodeWindows1252(bytes));

  /** A block's text; undefined when it cannot be decoded (see `fatal`). `line` is the block's first line. */
  decode(bytes: Uint8Array, line: number): string | undefined {
    if (this.encoding === 'utf-8') {
      if (isUtf8(bytes)) {
        if (!this.sawMultibyte) this.sawMultibyte = bytes.some((b) => b >= 0x80);
        return utf8.decode(bytes);
      }
      const bad = position(bytes, firstInvalidUtf8(bytes), line);
      if (this.forced === 'utf-8' || this.bom || this.sawMultibyte || hasUtf8Sequences(bytes)) {
        this.fatal = { code: 'encoding-invalid', line: bad.line, column: bad.column, args: { encoding: 'utf-8' } };
        return undefined;
      }
      this.encoding = 'windows-1252';
      this.switched = true;
      this.firstInvalid = bad;
    } else if (this.switched && hasUtf8Sequences(bytes)) {
      this.fatal = { code: 'encoding-invalid', line: this.firstInvalid!.line, column: this.firstInvalid!.column, args: { encoding: 'utf-8' } };
      return undefined;
    }
    return decodeWindows1252(bytes);
  }
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
