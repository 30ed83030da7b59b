import type { Better } from '../model/vocabulary.js';
import { mannKendall, type MannKendall } from './mann-kendall.js';
import { olsTrend, type OlsTrend } from './ols-trend.js';
import { theilSen, type Point } from './theil-sen.js';

export type Verdict = 'improving' | 'worsening' | 'increasing' | 'decreasing' | 'no-clear-trend' | 'too-few-points';

/** Fewer points than this give no verdict. */
export const MIN_TREND_POINTS = 5;

export interface Trend {
  /** First year of the segment the trend uses (after the latest declared series break). */
  from: number;
  to: number;
  points: number;
  theilSenSlope?: number;
  mannKendall?: MannKendall;
  ols?: OlsTrend;
  verdict: Verdict;
}

/**
 * The latest segment of a series: points from the last declared break year on (a break year
 * starts a new definition, so it belongs to the new segment). Gaps are allowed.
 * @example latestSegment([{x:2016,y:1},{x:2019,y:2}], [2018]) // [{x:2019,y:2}]
 * @internal Exported for its tests; no other module uses it.
 */
export function latestSegment(points: readonly Point[], breaks: readonly number[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const last = sorted.at(-1)?.x;
  const cut = Math.max(-Infinity, ...breaks.filter((b) => last !== undefined && b <= last));
  return sorted.filter((p) => p.x >= cut);
}

/**
 * Whether a change from year `from` to year `to` crosses a declared series break: a break year b
 * with from < b ≤ to starts a new definition, so the two values measure different things and
 * their difference is no change.
 * @example spansBreak(2024, 2025, [2025]) // true
 * @example spansBreak(2025, 2026, [2025]) // false (both on the new definition)
 */
export function spansBreak(from: number, to: number, breaks: readonly number[]): boolean {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return breaks.some((year) => year > a && year <= b);
}

/**
 * Trend of a yearly series: Theil–Sen slope, Mann–Kendall test and OLS line on the latest segment.
 * Verdict: `too-few-points` below 5 points; a direction only when Mann–Kendall's two-sided p is
 * below `alpha` — then improving/worsening by the indicator's better direction (increasing/
 * decreasing when it has none), otherwise `no-clear-trend`.
 */
export function trend(points: readonly Point[], better: Better, breaks: readonly number[] = [], alpha = 0.05): Trend {
  const seg = latestSegment(points, breaks);
  const out: Trend = { from: seg[0]?.x ?? NaN, to: seg.at(-1)?.x ?? NaN, points: seg.length, verdict: 'too-few-points' };
  const ts = theilSen(seg);
  if (ts) out.theilSenSlope = ts.slope;
  const mk = mannKendall(seg.map((p) => p.y));
  if (mk) out.mannKendall = mk;
  const ols = olsTrend(seg);
  if (ols) out.ols = ols;
  if (seg.length < MIN_TREND_POINTS || !mk) return out;
  if (mk.p >= alpha || mk.s === 0) {
    out.verdict = 'no-clear-trend';
    return out;
  }
  const up = mk.s > 0;
  out.verdict = better === 'none' ? (up ? 'increasing' : 'decreasing') : up === (better === 'higher') ? 'improving' : 'worsening';
  return out;
}
