import { twoProportionTest } from './two-proportion-test.js';

/** A yearly value, with its number of respondents where the source gives one. */
export interface YearValue {
  year: number;
  value: number;
  n?: number | null;
}

/** A series' level on one side of a milestone. */
export interface SideLevel {
  from: number;
  to: number;
  years: number;
  /** Unweighted mean of the side's yearly values: each year counts once, as in the table. */
  mean: number;
  /** Respondents summed over the side's years; null when any of them has no n. */
  n: number | null;
}

export interface MilestoneLevels {
  before: SideLevel;
  after: SideLevel;
  /** after.mean − before.mean, in the series' unit. */
  difference: number;
  /** Two-proportion z-test of the pooled shares (Σ positives / Σ n) on each side; null without n on every year. */
  p: number | null;
  significant: boolean;
}

/**
 * The level of a yearly series before a milestone (the years before `at`) and after it (`at` and
 * later: the change is in place from its year on), as the unweighted mean of the years on each
 * side. Where every year on both sides has n, the values are shares in percent and `test` is set,
 * the pooled shares are compared with a two-proportion z-test; a difference is significant when
 * p < `alpha`. Unlike a series break, the series is not cut: a milestone compares, it does not
 * redefine; but a declared break (`breaks`) keeps the years of another definition out of both
 * sides. Undefined when either side has no year.
 * @example milestoneLevels([{year: 2019, value: 80}, {year: 2020, value: 82}, {year: 2021, value: 88}], 2021)
 * // { before: { from: 2019, to: 2020, years: 2, mean: 81, n: null }, after: { from: 2021, to: 2021, years: 1, mean: 88, n: null }, difference: 7, p: null, significant: false }
 */
export function milestoneLevels(points: readonly YearValue[], at: number, opts: { test?: boolean; alpha?: number; breaks?: readonly number[] } = {}): MilestoneLevels | undefined {
  // Only years of the definition in use at the milestone compare: a declared break (a new
  // definition from its year) before it starts the years before, one after it ends the years after.
  const breaks = opts.breaks ?? [];
  const from = Math.max(-Infinity, ...breaks.filter((b) => b <= at));
  const to = Math.min(Infinity, ...breaks.filter((b) => b > at));
  const sorted = [...points].filter((p) => Number.isFinite(p.value) && p.year >= from && p.year < to).sort((a, b) => a.year - b.year);
  const before = side(sorted.filter((p) => p.year < at));
  const after = side(sorted.filter((p) => p.year >= at));
  if (before === undefined || after === undefined) return undefined;
  let p: number | null = null;
  if (opts.test === true && before.level.n !== null && after.level.n !== null) {
    const t = twoProportionTest(after.share, after.level.n, before.share, before.level.n);
    p = t?.p ?? null;
  }
  return { before: before.level, after: after.level, difference: after.level.mean - before.level.mean, p, significant: p !== null && p < (opts.alpha ?? 0.05) };
}

/** One side's level, and its pooled share in percent (Σ value·n / Σ n) where every year has n. */
function side(points: readonly YearValue[]): { level: SideLevel; share: number } | undefined {
  if (points.length === 0) return undefined;
  const mean = points.reduce((a, p) => a + p.value, 0) / points.length;
  const counted = points.every((p) => typeof p.n === 'number' && p.n > 0);
  const n = counted ? points.reduce((a, p) => a + p.n!, 0) : null;
  const share = n !== null ? points.reduce((a, p) => a + p.value * p.n!, 0) / n : Number.NaN;
  return { level: { from: points[0]!.year, to: points.at(-1)!.year, years: points.length, mean, n }, share };
}
