import { Z95 } from './normal.js';

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion p observed in n trials:
 * centre = (p + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
 * Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and is sensible at p = 0 or 1 and small n.
 * Returns undefined when n = 0 (no information).
 * @example wilsonInterval(0.8, 100) // { low: 0.7112…, high: 0.8666… }
 */
export function wilsonInterval(p: number, n: number, z = Z95): Interval | undefined {
  if (!(n > 0) || !(p >= 0 && p <= 1)) return undefined;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 (p = 1) the lower (upper) bound is exactly 0 (1); say so instead of 1 − 1e-16.
  return { low: p === 0 ? 0 : Math.max(0, centre - half), high: p === 1 ? 1 : Math.min(1, centre + half) };
}
