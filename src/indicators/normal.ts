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
