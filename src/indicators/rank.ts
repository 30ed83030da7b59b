import type { Better } from '../model/vocabulary.js';

export type Quartile = 'best-25' | 'middle-50' | 'worst-25';

/** Quartile classes are only given with at least this many municipalities. */
export const MIN_QUARTILE_GROUP = 8;

/**
 * Competition rank ("1224") of each value among all values, best first by the better direction
 * (higher or lower; `none` ranks higher first). Ties share the best rank of their group.
 * @example rank([90, 85, 90, 70], 'higher') // [1, 3, 1, 4]
 */
export function rank(values: readonly number[], better: Better): number[] {
  const sign = better === 'lower' ? 1 : -1;
  // Sorted best first, each rank is one more than the values before it, a tie's the first of its
  // group's (comparing every pair was 0.43 s of a national report's analysis, 290 areas a cell).
  // NaN is better than nothing and nothing is better than it: rank 1, as with every pair compared.
  const order = values.flatMap((v, i) => (Number.isNaN(v) ? [] : [i])).sort((a, b) => sign * (values[a]! - values[b]!));
  const ranks = new Array<number>(values.length).fill(1);
  for (let k = 1; k < order.length; k++) {
    const i = order[k]!;
    const before = order[k - 1]!;
    ranks[i] = sign * (values[before]! - values[i]!) < 0 ? k + 1 : ranks[before]!;
  }
  return ranks;
}

/**
 * Quartile class from a rank among `count` values: best 25 % (rank ≤ count/4), worst 25 %
 * (rank > 3·count/4), otherwise middle 50 %. Undefined for fewer than 8 values.
 * @example quartileClass(2, 8) // 'best-25'
 */
export function quartileClass(position: number, count: number): Quartile | undefined {
  if (count < MIN_QUARTILE_GROUP) return undefined;
  if (position <= count / 4) return 'best-25';
  if (position > (3 * count) / 4) return 'worst-25';
  return 'middle-50';
}
