import { linearRegression, linearRegressionLine, rSquared } from 'simple-statistics';
import { studentTQuantile } from './student-t.js';
import type { Point } from './theil-sen.js';

export interface OlsTrend {
  slope: number;
  intercept: number;
  /** 95 % interval of the slope, t with n − 2 df; absent for n < 3. */
  slopeLow?: number;
  slopeHigh?: number;
  /** Coefficient of determination; 1 when the line fits exactly, undefined when y does not vary. */
  r2?: number;
}

/**
 * Ordinary least squares line y = a + b·x with the slope's 95 % confidence interval
 * b ± t(0.975, n−2) · √(SSE/(n−2) / Σ(x − x̄)²) and R². Undefined when fewer than two distinct x
 * (simple-statistics' linearRegression would divide by zero).
 * @example olsTrend([{x:1,y:1},{x:2,y:3},{x:3,y:2},{x:4,y:4}]) // slope 0.8, low −1.02546…, high 2.62546…, r2 0.64
 */
export function olsTrend(points: readonly Point[]): OlsTrend | undefined {
  const xs = new Set(points.map((p) => p.x));
  if (xs.size < 2) return undefined;
  const pairs = points.map((p) => [p.x, p.y] as [number, number]);
  const { m: slope, b: intercept } = linearRegression(pairs);
  const out: OlsTrend = { slope, intercept };
  const yMean = points.reduce((a, p) => a + p.y, 0) / points.length;
  if (points.some((p) => p.y !== yMean)) out.r2 = rSquared(pairs, linearRegressionLine({ m: slope, b: intercept }));
  const n = points.length;
  if (n >= 3) {
    const xMean = points.reduce((a, p) => a + p.x, 0) / n;
    const sxx = points.reduce((a, p) => a + (p.x - xMean) ** 2, 0);
    const sse = points.reduce((a, p) => a + (p.y - (intercept + slope * p.x)) ** 2, 0);
    const half = studentTQuantile(0.975, n - 2) * Math.sqrt(sse / (n - 2) / sxx);
    out.slopeLow = slope - half;
    out.slopeHigh = slope + half;
  }
  return out;
}
