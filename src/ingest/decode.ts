import type { Encoding, ForcedEncoding } from '../model/vocabulary.js';

export type { Encoding };

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export type DecodeResult =
  | ({ ok: true } & Decoded)
  | { ok: false; code: 'file-empty' }
  | { ok: false; code: 'file-binary'; offset: number }
  | { ok: false; code: 'encoding-invalid'; encoding: Encoding; line: number; column: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Node 20.18.3+ decodes 'windows-1252' as Latin-1, turning 0x80–0x9F into C1 controls instead of
// € ‚ ƒ „ … – — ’ ” ™ (nodejs/node#60888). Windows-1252 is Latin-1 plus this fixed block (WHATWG
// Encoding Standard, index-windows-1252), so it is decoded here without TextDecoder.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** Windows-1252 bytes to text (Latin-1 plus the 0x80–0x9F block). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
const cp1252 = { decode: decodeWindows1252 };
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

/**
 * Bytes to text. UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Windows-1252 (a superset of ISO-8859-1 for printable text). Never yields U+FFFD silently:
 * a file forced to UTF-8 that is not valid UTF-8 fails with the position of the first bad byte.
 */
export function decode(bytes: Uint8Array, forced?: ForcedEncoding): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'file-empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: utf16.decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  // Its byte-order mark says UTF-16BE (Excel's and some Mac tools' "Unicode text"): not binary.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, code: 'file-binary', offset: nul + (bom ? 3 : 0) };
  if (body.length === 0) return { ok: false, code: 'file-empty' };
  if (forced === 'windows-1252') return { ok: true, text: cp1252.decode(body), encoding: 'windows-1252', bom };
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    // Valid multi-byte UTF-8 (å as C3 A5) next to an invalid byte is a damaged UTF-8 file; reading it
    // as Windows-1252 would turn every å into "Ã¥" without a word. Latin-1 files have no such pairs.
    if (forced === 'utf-8' || bom || hasUtf8Sequences(body)) {
      const at = firstInvalidUtf8(body);
      const { line, column } = position(body, at);
      return { ok: false, code: 'encoding-invalid', encoding: 'utf-8', line, column };
    }
    return { ok: true, text: cp1252.decode(body), encoding: 'windows-1252', bom: false };
  }
}

/** Whether the bytes contain at least one valid two- to four-byte UTF-8 sequence. */
export function hasUtf8Sequences(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const len = b <= 0xdf ? 2 : b <= 0xef ? 3 : 4;
    let ok = i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return bytes.length;
}

function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
