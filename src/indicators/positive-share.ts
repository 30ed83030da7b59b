export interface AnswerCounts {
  positive: number;
  /** Valid answers that are not positive (neutral and negative). */
  other: number;
  /** "Vet ej/Ingen åsikt" and blanks: left out of the denominator. */
  excluded: number;
}

export interface Share {
  /** Percent, 0–100. */
  share: number;
  /** Respondents in the denominator. */
  n: number;
  positive: number;
}

/**
 * Share of positive answers in percent: positive / (positive + other) × 100, with "Vet ej/Ingen
 * åsikt" and blanks excluded from the denominator (Socialstyrelsen's definition). Undefined when
 * nobody gave a valid answer (n = 0), e.g. all answers were "Vet ej".
 * @example positiveShare({ positive: 87, other: 13, excluded: 9 }) // { share: 87, n: 100, positive: 87 }
 */
export function positiveShare(counts: AnswerCounts): Share | undefined {
  const n = counts.positive + counts.other;
  if (n === 0) return undefined;
  return { share: (counts.positive / n) * 100, n, positive: counts.positive };
}

/**
 * Pooled share of several groups weighted by respondents: Σ positives / Σ n × 100, where a group's
 * positives are share × n / 100 when only the share was published. Undefined for Σ n = 0.
 * @example pooledShare([{ share: 80, n: 100 }, { share: 90, n: 300 }]) // { share: 87.5, n: 400, positive: 350 }
 */
export function pooledShare(groups: readonly { share: number; n: number }[]): Share | undefined {
  let n = 0;
  let positive = 0;
  for (const g of groups) {
    n += g.n;
    positive += (g.share * g.n) / 100;
  }
  return n > 0 ? { share: (positive / n) * 100, n, positive } : undefined;
}

/** The decimals a number is written with, at most six: 78.6 → 1. */
export function decimalsOf(x: number): number {
  let decimals = 0;
  while (decimals < 6 && Math.abs(x * 10 ** decimals - Math.round(x * 10 ** decimals)) > 1e-6) decimals++;
  return decimals;
}

/**
 * The whole numbers of positive answers out of `n` a share can be, read to `decimals` (by default
 * its own last decimal; a file's shares are read to the most any of them has: 78,0 beside 78,6).
 * @example countRange(78.6, 2600) // [2043, 2044]
 */
export function countRange(share: number, n: number, decimals = decimalsOf(share)): [number, number] {
  const half = 0.5 * 10 ** -decimals;
  const mid = Math.round((share * n) / 100);
  const lo = Math.max(0, Math.min(mid, Math.ceil((n * (share - half)) / 100 - 1e-9)));
  const hi = Math.min(n, Math.max(mid, Math.floor((n * (share + half)) / 100 + 1e-9)));
  return [lo, hi];
}
