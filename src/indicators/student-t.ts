import { gammaln, probit } from 'simple-statistics';

function checkDf(df: number): void {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`df must be a positive integer, got ${df}`);
}

/**
 * P(|T| ≤ |t|) for Student's t with an integer `df`, by the finite series of Abramowitz & Stegun
 * 26.7.3 (odd df) and 26.7.4 (even df) in θ = atan(|t|/√df). The terms shrink, so the sum stops
 * once they no longer change it.
 */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const cos = Math.cos(theta);
  const c2 = cos * cos;
  if (df % 2 === 1) {
    // (2/π)·(θ + sin θ·(cos θ + 2/3 cos³θ + 2·4/(3·5) cos⁵θ + … + cos^(df−2) θ))
    let sum = 0;
    if (df > 1) {
      let term = cos;
      sum = term;
      for (let k = 1; k <= (df - 3) / 2; k++) {
        term *= (c2 * 2 * k) / (2 * k + 1);
        if (term < sum * 1e-17) break;
        sum += term;
      }
    }
    return (2 / Math.PI) * (theta + Math.sin(theta) * sum);
  }
  // sin θ·(1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + … + cos^(df−2) θ)
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= (df - 2) / 2; k++) {
    term *= (c2 * (2 * k - 1)) / (2 * k);
    if (term < sum * 1e-17) break;
    sum += term;
  }
  return Math.sin(theta) * sum;
}

/**
 * Student's t cumulative distribution P(T ≤ t) with `df` (a positive integer) degrees of freedom,
 * exact to rounding in the body of the distribution for df up to ~100 (A&S 26.7.3/26.7.4: df/2
 * terms, whose rounding adds up to ~5e-14 at df 1000; far in a tail the absolute error of 1 − F
 * is that of F).
 * @example studentTCdf(2, 5) // 0.9490302605850709
 */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  const a = centralProbability(t, df);
  return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

/** Student's t density, for Newton's steps. */
function studentTPdf(t: number, df: number): number {
  return Math.exp(gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student's t quantile: the t with P(T ≤ t) = p for `df` (a positive integer) degrees of freedom.
 * Closed forms for df 1 (tan π(p − ½)) and 2 ((2p − 1)/√(2p(1 − p))); otherwise Newton's method on
 * `studentTCdf` from the Cornish–Fisher start, kept inside a bracket (bisection when a step
 * leaves it), to full double precision for p in the body of the distribution.
 * @example studentTQuantile(0.975, 3) // 3.182446305283708 (exact 3.1824463052837096…)
 * @example studentTQuantile(0.975, 8) // 2.306004135204166
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be between 0 and 1 (exclusive), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = probit(p);
  let t = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
  // The root lies above 0 (p > ½) and below the df = 1 quantile (heavier tails need larger t).
  let lo = 0;
  let hi = Math.tan(Math.PI * (p - 0.5));
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f === 0) return t;
    if (f < 0) lo = t;
    else hi = t;
    let next = t - f / studentTPdf(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 4 * Number.EPSILON * Math.abs(t)) return next;
    t = next;
  }
  return t;
}
