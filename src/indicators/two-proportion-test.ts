import { twoSidedP } from './normal.js';

export interface ProportionTest {
  /** Difference p1 − p2 in percentage points. */
  differencePp: number;
  z: number;
  p: number;
}

/**
 * Two-proportion z-test with pooled variance: z = (p1 − p2) / √(p̂(1 − p̂)(1/n1 + 1/n2)), p̂ the
 * pooled proportion; two-sided p-value from the normal distribution. Shares in percent.
 * Undefined when either n is 0. When p̂ is 0 or 1 both groups are identical: z = 0, p = 1.
 * @example twoProportionTest(91, 110, 84, 105) // { differencePp: 7, z: 1.55…, p: 0.12… }
 */
export function twoProportionTest(share1: number, n1: number, share2: number, n2: number): ProportionTest | undefined {
  if (!(n1 > 0 && n2 > 0)) return undefined;
  const p1 = share1 / 100;
  const p2 = share2 / 100;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const differencePp = share1 - share2;
  if (se === 0) return { differencePp, z: 0, p: 1 };
  const z = (p1 - p2) / se;
  return { differencePp, z, p: twoSidedP(z) };
}
