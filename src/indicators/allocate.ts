/**
 * Largest-remainder rounding: splits an integer `total` in proportion to `weights` so the parts
 * are integers that sum exactly to the total. Each part gets floor(total·w/Σw); the units left
 * over go to the largest remainders (ties: the earlier index). Negative totals are split as
 * −split(−total). Undefined when the weights sum to 0.
 * @example largestRemainder(100, [1, 1, 1]) // [34, 33, 33]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] | undefined {
  if (!Number.isInteger(total)) throw new RangeError(`total must be an integer, got ${total}`);
  if (weights.some((w) => !(w >= 0))) throw new RangeError('weights must be non-negative numbers');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return undefined;
  if (total < 0) return largestRemainder(-total, weights)!.map((v) => -v + 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

export interface MemberWeightInput {
  code: string;
  population: number;
  fixedShare?: number;
  usage?: number;
}

export type AllocationKey =
  | { method: 'population' }
  | { method: 'fixed' }
  | { method: 'mixed'; equalPercent: number }
  | { method: 'usage' };

/**
 * Allocation weights per member under a cost-sharing key (shares of 1):
 * population: pop_i/Σpop; fixed: the agreed shares normalised; usage: use_i/Σuse;
 * mixed: e/100 · 1/k + (1 − e/100) · pop_i/Σpop, e the percent split equally among k members.
 * Undefined when the key has nothing to go on (Σ = 0 or a missing value).
 * @example allocationWeights({method:'mixed', equalPercent:30}, [{code:'a',population:3000},{code:'b',population:1000}]) // [0.675, 0.325]
 */
export function allocationWeights(key: AllocationKey, members: readonly MemberWeightInput[]): number[] | undefined {
  const k = members.length;
  if (k === 0) return undefined;
  const norm = (values: readonly (number | undefined)[]) => {
    if (values.some((v) => v === undefined)) return undefined;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    return sum > 0 ? (values as number[]).map((v) => v / sum) : undefined;
  };
  switch (key.method) {
    case 'population':
      return norm(members.map((m) => m.population));
    case 'fixed':
      return norm(members.map((m) => m.fixedShare));
    case 'usage':
      return norm(members.map((m) => m.usage));
    case 'mixed': {
      // Wholly equal, the population plays no part.
      if (key.equalPercent >= 100) return members.map(() => 1 / k);
      const pop = norm(members.map((m) => m.population));
      if (pop === undefined) return undefined;
      const e = key.equalPercent / 100;
      return pop.map((p) => e / k + (1 - e) * p);
    }
  }
}
