export type DecimalMark = ',' | '.';

export type NumberCell =
  | { kind: 'value'; value: number }
  | { kind: 'missing' }
  | { kind: 'invalid' };

const PLAIN = /^-?\d+$/;
const PLAIN_COMMA = /^-?\d+,\d+$/;
const PLAIN_POINT = /^-?\d+\.\d+$/;
const MISSING = /^(?:\.{1,6}|na|n\/a|nan|null|×|x)$/i;
const SPACES = /[ \u00a0\u202f\u2009]/g;
const COMMA_DECIMAL = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const POINT_DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Reads a number the way Swedish and international files write it. The decimal mark is the
 * file's, decided once: in a decimal-comma file `1,234` is 1.234, in a decimal-point file it is
 * 1234 (a grouping comma). Accepts thousands separators space, U+00A0, U+202F, the Unicode minus
 * U+2212, a leading `+`, a trailing `%`. Missing: empty, one to six dots, `NA`. A lone `-` is zero
 * (Statistics Sweden: "nothing to report") unless `dash` is `missing`.
 * @example parseNumber('−1 234,5', ',') // { kind: 'value', value: -1234.5 }
 */
export function parseNumber(cell: string, decimal: DecimalMark, dash: 'zero' | 'missing' = 'zero'): NumberCell {
  // The common cases first (a national file has millions of cells): a plain integer, or digits
  // with the file's own decimal mark, mean the same in every convention.
  if (PLAIN.test(cell)) return { kind: 'value', value: Number(cell) };
  if ((decimal === ',' ? PLAIN_COMMA : PLAIN_POINT).test(cell)) return { kind: 'value', value: Number(decimal === ',' ? cell.replace(',', '.') : cell) };
  let s = cell.trim();
  if (s === '' || MISSING.test(s)) return { kind: 'missing' };
  if (s === '-' || s === '–' || s === '−') return dash === 'zero' ? { kind: 'value', value: 0 } : { kind: 'missing' };
  s = s.replace(/\s*%$/, '').replace(/^[−–]/, '-').replace(SPACES, '');
  if (decimal === ',') {
    if (!COMMA_DECIMAL.test(s)) return { kind: 'invalid' };
    s = s.replace(/\./g, '').replace(',', '.');
  } else {
    if (!POINT_DECIMAL.test(s)) return { kind: 'invalid' };
    s = s.replace(/,/g, '');
  }
  const value = Number(s);
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
