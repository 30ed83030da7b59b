import { median } from 'simple-statistics';

export interface Point {
  x: number;
  y: number;
}

/**
 * Theil–Sen slope: the median of the slopes (yj − yi)/(xj − xi) over all pairs with xi ≠ xj, so a
 * single outlying year cannot tilt it (breakdown point 29 %). Intercept (Conover; SciPy's default):
 * median(y) − slope · median(x).
 * Undefined with fewer than two distinct x.
 * @example theilSen([{x:2020,y:80},{x:2021,y:82},{x:2022,y:81},{x:2023,y:85}]).slope // 1.5833…
 */
export function theilSen(points: readonly Point[]): { slope: number; intercept: number } | undefined {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      if (a.x !== b.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  if (slopes.length === 0) return undefined;
  const slope = median(slopes);
  return { slope, intercept: median(points.map((p) => p.y)) - slope * median(points.map((p) => p.x)) };
}
