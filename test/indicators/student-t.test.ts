import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/indicators/student-t.js';

// Exact values: mpmath at 40 digits (the regularised incomplete beta, root found to 1e-40),
// cut to the nearest double; SciPy's t.ppf agrees to the last digit or two.
const QUANTILES: [p: number, df: number, t: number][] = [
  [0.975, 1, 12.706204736174704646],
  [0.975, 2, 4.302652729749463852],
  [0.975, 3, 3.182446305283709593],
  [0.975, 4, 2.776445105197793490],
  [0.975, 5, 2.570581835636314783],
  [0.975, 8, 2.306004135204166683],
  [0.975, 10, 2.228138851986274225],
  [0.975, 30, 2.042272456301238310],
  [0.975, 100, 1.983971518523551895],
  [0.975, 1000, 1.962339080826408104],
  [0.995, 5, 4.032142983555227179],
  [0.6, 7, 0.263166861352022812],
];

describe('studentTQuantile', () => {
  it('is the exact quantile to ~1e-15 relative up to df 100 (checked against 40-digit values)', () => {
    for (const [p, df, t] of QUANTILES) {
      // The series has df/2 terms: its rounding grows with df (df 1000: ~5e-14).
      expect(Math.abs(studentTQuantile(p, df) - t) / t, `p ${p}, df ${df}`).toBeLessThan(df <= 100 ? 4e-15 : 1e-13);
    }
  });
  it('t(0.975, 3) and t(0.975, 8), the values OLS intervals of 5 and 10 years use', () => {
    // R's qt gives 3.182446305284263 for df 3, 5.5e-13 from the exact 3.18244630528370959…
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.1824463052837096, 14);
    expect(studentTQuantile(0.975, 8)).toBeCloseTo(2.306004135204166, 14);
  });
  it('is symmetric, 0 at the median, and far in the tail still right to 1e-9', () => {
    expect(studentTQuantile(0.025, 3)).toBe(-studentTQuantile(0.975, 3));
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.9999999, 3)).toBeCloseTo(222.57159094719873, 6);
  });
  it('inverts the cdf', () => {
    for (const df of [3, 4, 9, 17, 60]) {
      for (const p of [0.55, 0.8, 0.9, 0.95, 0.975, 0.99]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 15);
    }
  });
  it('refuses a df that is not a positive integer and a p outside (0, 1)', () => {
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 2.5)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches exact values (closed forms for df 1 and 4, 40-digit values otherwise)', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 15);
    // df 4: F(t) = ½ + t(t² + 6) / (4 (t² + 4)^{3/2}); at −1.5: 0.104
    expect(studentTCdf(-1.5, 4)).toBeCloseTo(0.104, 15);
    expect(studentTCdf(2, 5)).toBeCloseTo(0.94903026058507082188, 15);
    expect(studentTCdf(0.7, 6)).toBeCloseTo(0.744928309524620282, 15);
    expect(studentTCdf(0, 9)).toBe(0.5);
  });
});
