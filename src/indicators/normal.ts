import { errorFunction } from 'simple-statistics';

/**
 * Standard normal cumulative distribution Φ(z) = (1 + erf(z/√2)) / 2, using simple-statistics'
 * error function (absolute error below 1.2e-7).
 * @example normalCdf(1.959964) // ≈ 0.975
 * @internal Exported for its tests; no other module uses it.
 */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Two-sided p-value of a standard normal statistic: 2·(1 − Φ(|z|)). */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

// Student t 0.975 quantiles for df 1–30 (standard tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Student t quantile for a two-sided 95 % interval with `df` degrees of freedom: the table for
 * df ≤ 30, beyond that the Cornish–Fisher expansion around z (error < 1e-4 for df > 30).
 * @example tQuantile975(8) // 2.306
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`df must be a positive integer, got ${df}`);
  if (df <= 30) return T975[df - 1]!;
  const z = Z95;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}
