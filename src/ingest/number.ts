import type { Dash, DecimalMark } from '../model/vocabulary.js';

export type { DecimalMark };

export type NumberCell =
  | { kind: 'value'; value: number }
  | { kind: 'missing' }
  | { kind: 'invalid' }
  /** A number past 2^53 in size: a double cannot hold it exactly (9007199254740993 reads as …992). */
  | { kind: 'inexact' };

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The plain cell a national file is made of: `-?digits` or `-?digits<mark>digits` with the file's
 * decimal mark; undefined for anything else. Up to 15 digits the value is the digits as a whole
 * number divided (or multiplied) by a power of ten: both are exact doubles, and one IEEE operation
 * is correctly rounded, so the result is the one `Number` gives (Clinger's fast path), without
 * building text. `scale` shifts the decimal point that many places first (tkr and mnkr to kronor):
 * `32,3` tkr is exactly 32 300 kr, where reading 32.3 and multiplying by 1000 rounds twice and gives
 * 32299.999999999996 (one one-decimal amount in sixty comes out not whole that way).
 * @example plainNumber('-8333,3', ',') // -8333.3
 * @example plainNumber('32,3', ',', 3) // 32300
 */
export function plainNumber(cell: string, decimal: DecimalMark, scale = 0): number | undefined {
  const n = cell.length;
  let i = cell.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n || n - i > 16) return undefined;
  const mark = decimal === ',' ? 44 : 46;
  let digits = 0;
  let value = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === mark && point < 0 && digits > 0 && i < n - 1) point = digits;
    else return undefined;
  }
  return scaled(value, digits, point, scale, cell.charCodeAt(0) === 45);
}
/**
 * `plainNumber` over a cell's bytes (`bytes[start..end)`), for the byte path: the same digits, the
 * same arithmetic, the same answer (a property test compares the two); any byte that is not an
 * ASCII digit, the mark or a leading minus gives undefined, as its character would.
 */
export function plainNumberBytes(bytes: Uint8Array, start: number, end: number, decimal: DecimalMark, scale = 0): number | undefined {
  const negative = bytes[start] === 45;
  let i = negative ? start + 1 : start;
  if (i >= end || end - i > 16) return undefined;
  const mark = decimal === ',' ? 44 : 46;
  let digits = 0;
  let value = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === mark && point < 0 && digits > 0 && i < end - 1) point = digits;
    else return undefined;
  }
  return scaled(value, digits, point, scale, negative);
}

/**
 * The number `plainNumber` and `plainNumberBytes` read: `digits` digits making `value`, `point` of
 * them before the mark (-1: none), times 10^`scale`; undefined past 15 digits (no longer exact).
 */
function scaled(value: number, digits: number, point: number, scale: number, negative: boolean): number | undefined {
  if (digits > 15) return undefined;
  const shift = scale - (point < 0 ? 0 : digits - point);
  const v = shift === 0 ? value : shift > 0 ? value * POWERS[shift]! : value / POWERS[-shift]!;
  return negative ? -v : v;
}
const MISSING = /^(?:\.{1,6}|na|n\/a|nan|null|×|x)$/i;
const SPACES = /[ \u00a0\u202f\u2009]/g;
const HAS_SPACE = /[ \u00a0\u202f\u2009]/;
/** Space-grouped digits: one to three, then groups of exactly three (`77 5000` and `2 5400` are typing slips, not numbers). */
const SPACE_GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;
/** A negative amount in brackets, or with its minus after it; the inside unsigned. */
const ACCOUNTING_NEGATIVE = /^\(([^()+\-−–]+)\)$|^([^+\-−–]+)[-−]$/;
const COMMA_DECIMAL = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const POINT_DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Whether a cell is a lone dash (`-`, `–` or `−`): Statistics Sweden's "nothing to report". */
export function isDash(cell: string): boolean {
  const s = cell.trim();
  return s === '-' || s === '–' || s === '−';
}

/**
 * Reads a number the way Swedish and international files write it. The decimal mark is the
 * file's, decided once: in a decimal-comma file `1,234` is 1.234, in a decimal-point file it is
 * 1234 (a grouping comma). Accepts thousands separators space, U+00A0, U+202F, the Unicode minus
 * U+2212 (space-grouped digits in groups of three: `77 5000` is no number), a leading `+`, a trailing `%`, and an accountant's negative: `(1 234,5)` or, as SAP writes
 * it, `1 234,5-`. Missing: empty, one to six dots, `NA`. A lone `-` is zero
 * (Statistics Sweden: "nothing to report") unless `dash` is `missing`. `scale`: the value times
 * ten to that power, correctly rounded (see `plainNumber`); infinite if that is past a double.
 * @example parseNumber('−1 234,5', ',') // { kind: 'value', value: -1234.5 }
 */
export function parseNumber(cell: string, decimal: DecimalMark, dash: Dash = 'zero', scale = 0): NumberCell {
  // The common cases first (a national file has millions of cells): a plain integer, or digits
  // with the file's own decimal mark, mean the same in every convention.
  const plain = plainNumber(cell, decimal, scale);
  if (plain !== undefined) return { kind: 'value', value: plain };
  let s = cell.trim();
  if (s === '' || MISSING.test(s)) return { kind: 'missing' };
  if (isDash(s)) return dash === 'zero' ? { kind: 'value', value: 0 } : { kind: 'missing' };
  const accounting = ACCOUNTING_NEGATIVE.exec(s);
  if (accounting !== null) s = `-${(accounting[1] ?? accounting[2]!).trim()}`;
  s = s.replace(/\s*%$/, '').replace(/^[−–]/, '-');
  if (HAS_SPACE.test(s) && !SPACE_GROUPED.test(s)) return { kind: 'invalid' };
  s = s.replace(SPACES, '');
  if (decimal === ',') {
    if (!COMMA_DECIMAL.test(s)) return { kind: 'invalid' };
    s = s.replace(/\./g, '').replace(',', '.');
  } else {
    if (!POINT_DECIMAL.test(s)) return { kind: 'invalid' };
    s = s.replace(/,/g, '');
  }
  const value = Number(s);
  // An exponent moves the decimal point before the one rounding. Scaled past what a double holds,
  // the value is infinite: a number, but out of any schema's range.
  const scaled = scale !== 0 && Number.isFinite(value) ? Number(`${s}e${scale}`) : value;
  if (Number.isFinite(scaled) && Math.abs(scaled) > Number.MAX_SAFE_INTEGER) return { kind: 'inexact' };
  if (scale !== 0 && Number.isFinite(value)) return { kind: 'value', value: scaled };
  return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'invalid' };
}

/**
 * Decides a file's decimal mark from sample cells: a cell like `12,5` (comma then one, two or
 * four-plus digits) is evidence for comma, `12.5` for point; `1,234` or `1.234` alone proves
 * nothing. Ties go to the delimiter's convention (`;` and tab files are Swedish-style).
 */
export function detectDecimal(cells: Iterable<string>, delimiter: string): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    const c = raw.replace(SPACES, '').replace(/%$/, '');
    if (/^[+\-−]?\d+,\d+$/.test(c) && !/^[+\-−]?\d{1,3},\d{3}$/.test(c)) comma++;
    else if (/^[+\-−]?\d+\.\d+$/.test(c) && !/^[+\-−]?\d{1,3}\.\d{3}$/.test(c)) point++;
    else if (/^[+\-−]?\d{1,3}(\.\d{3})+,\d+$/.test(c)) comma++;
    else if (/^[+\-−]?\d{1,3}(,\d{3})+\.\d+$/.test(c)) point++;
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return delimiter === ',' ? '.' : ',';
}
