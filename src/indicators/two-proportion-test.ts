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

/**
 * A part against a whole that holds it (a municipality against its region or Riket, a member
 * against the organisation's pooled figure): the part's respondents are among the whole's, so the
 * two are not independent samples, and the test above would take the part's own noise as the
 * whole's too. Tested instead against the rest of the whole, (whole × N − part × n) / (N − n), the
 * respondents outside the part: the part differs from the whole exactly when it differs from the
 * rest (part − whole = (1 − n/N) × (part − rest)). `differencePp` stays part − whole. Undefined
 * when either n is 0 or the whole counts no one besides the part (the same respondents, or a whole
 * that counts fewer: no rest to test against). The rest is kept within 0–100 %.
 * Published shares are rounded: `partHalf` and `wholeHalf` are how far each may lie from the count
 * it stands for (0,5 for whole percents). The rest magnifies that by about N / (N − n), so the part
 * is tested at the point of its range nearest the rest's range: a difference rounding can make is
 * no difference (80 % of 990 within 81 % of 1 090: the rest is anywhere from 80,5 to 100 %).
 * @example partProportionTest(70, 100, 80, 300) // rest 85 % of 200: z −3.06…, p 0.0022…
 */
export function partProportionTest(partShare: number, n: number, wholeShare: number, wholeN: number, partHalf = 0, wholeHalf = 0): ProportionTest | undefined {
  const restN = wholeN - n;
  if (!(n > 0 && restN > 0)) return undefined;
  const rest = (whole: number, part: number) => Math.min(100, Math.max(0, (whole * wholeN - part * n) / restN));
  const [low, high] = [rest(wholeShare - wholeHalf, partShare + partHalf), rest(wholeShare + wholeHalf, partShare - partHalf)];
  const [partLow, partHigh] = [partShare - partHalf, partShare + partHalf];
  const [part, restShare] = high < partLow ? [partLow, high] : low > partHigh ? [partHigh, low] : [partShare, partShare];
  const test = twoProportionTest(part, n, restShare, restN)!;
  return { ...test, differencePp: partShare - wholeShare };
}
