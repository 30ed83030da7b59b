import { twoSidedP } from './normal.js';

export interface MannKendall {
  /** S = Σ_{i<j} sign(y_j − y_i) over the series in time order. */
  s: number;
  /** Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, t the sizes of groups of tied values. */
  variance: number;
  /** Continuity-corrected: (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, 0 for S = 0. */
  z: number;
  /** Two-sided p-value from the normal approximation. */
  p: number;
}

/**
 * Mann–Kendall trend test on values in time order (Kendall 1975; Hipel & McLeod 1994, eq. 23.2–23.5).
 * Undefined with fewer than 3 values. When every value is tied the variance is 0: S = 0, p = 1.
 * @example mannKendall([1, 2, 3, 4, 5]) // { s: 10, variance: 16.67, z: 2.2045…, p: 0.0275… }
 */
export function mannKendall(values: readonly number[]): MannKendall | undefined {
  const n = values.length;
  if (n < 3) return undefined;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(values[j]! - values[i]!);
  }
  const ties = new Map<number, number>();
  for (const v of values) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  if (variance <= 0) return { s, variance: 0, z: 0, p: 1 };
  const z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: twoSidedP(z) };
}
