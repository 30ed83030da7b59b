import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../src/indicators/mann-kendall.js';
import { normalCdf } from '../../src/indicators/normal.js';
import { olsTrend } from '../../src/indicators/ols-trend.js';
import { countRange, pooledShare, positiveShare } from '../../src/indicators/positive-share.js';
import { theilSen } from '../../src/indicators/theil-sen.js';
import { partProportionTest, twoProportionTest } from '../../src/indicators/two-proportion-test.js';
import { wilsonInterval } from '../../src/indicators/wilson-interval.js';

// Reference values below were computed independently with SciPy 1.17.1 / NumPy 2.4.6:
// stats.binomtest(k, n).proportion_ci(method='wilson'), stats.theilslopes, stats.linregress with
// stats.t.ppf(0.975, n-2), stats.kendalltau(method='asymptotic'), stats.norm.sf.
const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const series = [84.3, 86.1, 83.9, 87.2, 88.0, 86.5, 89.1, 90.2, 89.8, 91.4];
const points = years.map((x, i) => ({ x, y: series[i]! }));

describe('wilsonInterval', () => {
  it('matches SciPy binomtest wilson for 80/100', () => {
    const ci = wilsonInterval(0.8, 100)!;
    expect(ci.low).toBeCloseTo(0.711170834406841, 10);
    expect(ci.high).toBeCloseTo(0.8666330666689674, 10);
  });
  it('handles p = 0, p = 1 and n = 1 like SciPy', () => {
    expect(wilsonInterval(0, 30)!.low).toBe(0);
    expect(wilsonInterval(0, 30)!.high).toBeCloseTo(0.11351339317396875, 10);
    expect(wilsonInterval(1, 30)!.low).toBeCloseTo(0.8864866068260312, 10);
    expect(wilsonInterval(1, 30)!.high).toBe(1);
    expect(wilsonInterval(1, 1)!.low).toBeCloseTo(0.20654931437723745, 10);
  });
  it('is undefined for n = 0', () => {
    expect(wilsonInterval(0.5, 0)).toBeUndefined();
  });
  it('property: inside [0, 1] and contains the share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const p = k / n;
        const ci = wilsonInterval(p, n)!;
        return ci.low >= 0 && ci.high <= 1 && ci.low <= p + 1e-12 && ci.high >= p - 1e-12;
      }),
    );
  });
});

describe('positiveShare and pooledShare', () => {
  it('leaves "Vet ej" out of the denominator (hand-worked: 87 / (87 + 13))', () => {
    expect(positiveShare({ positive: 87, other: 13, excluded: 9 })).toEqual({ share: 87, n: 100, positive: 87 });
  });
  it('is undefined when every answer was "Vet ej" (n = 0)', () => {
    expect(positiveShare({ positive: 0, other: 0, excluded: 12 })).toBeUndefined();
  });
  it('pools by respondents (hand-worked: (80 + 270) / 400 = 87.5 %)', () => {
    expect(pooledShare([{ share: 80, n: 100 }, { share: 90, n: 300 }])).toEqual({ share: 87.5, n: 400, positive: 350 });
    expect(pooledShare([])).toBeUndefined();
  });
});

describe('twoProportionTest', () => {
  it('matches a pooled z-test computed with SciPy norm.sf', () => {
    const t = twoProportionTest((100 / 110) * 100, 110, (88 / 105) * 100, 105)!;
    expect(t.differencePp).toBeCloseTo(7.0995670995670945, 10);
    expect(t.z).toBeCloseTo(1.5702951289703233, 6);
    expect(t.p).toBeCloseTo(0.11634646688684033, 6);
    const u = twoProportionTest(90, 500, 86, 500)!;
    expect(u.z).toBeCloseTo(1.946247360403809, 6);
    expect(u.p).toBeCloseTo(0.051625033394238316, 6);
  });
  it('degenerate: n = 0 is undefined; identical 100 % shares give z = 0, p = 1', () => {
    expect(twoProportionTest(90, 0, 80, 10)).toBeUndefined();
    expect(twoProportionTest(100, 40, 100, 50)).toEqual({ differencePp: 0, z: 0, p: 1 });
  });
});

describe('partProportionTest', () => {
  it('tests a part against the rest of its whole (counts and z from SciPy norm.sf over the rest\'s own counts)', () => {
    // 70 of 100 inside a whole of 240 of 300: the rest is 170 of 200.
    const t = partProportionTest(70, 100, 80, 300)!;
    expect(t.differencePp).toBe(-10);
    expect(t.z).toBeCloseTo(-3.0618621784789735, 6);
    expect(t.p).toBeCloseTo(0.0021996470611130516, 6);
    // A municipality that is 40 % of its region: 600 of 1000 inside 1510 of 2500 (rest 910 of 1500).
    const big = partProportionTest(60, 1000, 60.4, 2500)!;
    expect(big.p).toBeCloseTo(0.7384539262565926, 6);
    // Taken as independent samples, the part's noise counted twice: p 0.827, a wider test than the data give.
    expect(twoProportionTest(60, 1000, 60.4, 2500)!.p).toBeCloseTo(0.8270536883508962, 6);
  });
  it('a whole of two parts: the part against the whole is the part against the other part', () => {
    const whole = (82.3 * 110 + 87.5 * 120) / 230;
    expect(partProportionTest(87.5, 120, whole, 230)!.p).toBeCloseTo(twoProportionTest(87.5, 120, 82.3, 110)!.p, 10);
  });
  it('degenerate: no rest (the same respondents, or a whole counting fewer) or n = 0 is untested; a rounded whole keeps the rest within 0–100 %', () => {
    expect(partProportionTest(80, 100, 80, 100)).toBeUndefined();
    expect(partProportionTest(80, 100, 79, 90)).toBeUndefined();
    expect(partProportionTest(80, 0, 79, 90)).toBeUndefined();
    // 50 of 50 inside 50 of 60, published as 83,3 %: the rest is 0 of 10, not −0,2 %.
    expect(partProportionTest(100, 50, 83.3, 60)!.p).toBe(twoProportionTest(100, 50, 0, 10)!.p);
    expect(partProportionTest(100, 50, 83.3, 60)!.differencePp).toBeCloseTo(16.7, 10);
  });
  it('rounded shares: tested at the part\'s value nearest the rest\'s range, which rounding widens by about N / (N − n) (a reviewer\'s case)', () => {
    // 80 % of 990 within 81 % of 1 090, whole percents: the rest is 90,9 % as written, but anywhere
    // from 80,5 % to 100 % as rounded; 80,5 % is within the part's 79,5–80,5 %: no difference shown.
    expect(partProportionTest(80, 990, 81, 1090)!.p).toBeLessThan(0.01);
    expect(partProportionTest(80, 990, 81, 1090, 0.5, 0.5)!.p).toBe(1);
    expect(partProportionTest(80, 990, 81, 1090, 0.5, 0.5)!.differencePp).toBe(-1);
    // 70 of 100 inside 80 % of 300, whole percents: the rest is at least (79,5 × 300 − 70,5 × 100) / 200
    // = 84,0 %, tested against 70,5 %: 70,5 against 84 as counts would be (hand-worked, as above).
    const rounded = partProportionTest(70, 100, 80, 300, 0.5, 0.5)!;
    expect(rounded.p).toBeCloseTo(twoProportionTest(70.5, 100, 84, 200)!.p, 12);
    expect(rounded.p).toBeGreaterThan(partProportionTest(70, 100, 80, 300)!.p);
    expect(rounded.p).toBeLessThan(0.01);
    // Exact shares (counted from answers): as without rounding.
    expect(partProportionTest(70, 100, 80, 300, 0, 0)).toEqual(partProportionTest(70, 100, 80, 300));
  });
});

describe('theilSen', () => {
  it('matches SciPy theilslopes', () => {
    const r = theilSen(points)!;
    expect(r.slope).toBeCloseTo(0.7333333333333343, 10);
    expect(r.intercept).toBeCloseTo(-1394.100000000002, 6);
    expect(theilSen([{ x: 2020, y: 80 }, { x: 2021, y: 82 }, { x: 2022, y: 81 }, { x: 2023, y: 85 }])!.slope).toBeCloseTo(1.5833333333333335, 10);
  });
  it('degenerate: one point or all x equal → undefined; all y equal → slope 0', () => {
    expect(theilSen([{ x: 2020, y: 1 }])).toBeUndefined();
    expect(theilSen([{ x: 2020, y: 1 }, { x: 2020, y: 2 }])).toBeUndefined();
    expect(theilSen(years.map((x) => ({ x, y: 85 })))!.slope).toBe(0);
  });
  it('property: adding a constant to y leaves the slope unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 15 }), fc.integer({ min: -500, max: 500 }), (ys, c) => {
        const pts = ys.map((y, i) => ({ x: 2010 + i, y }));
        const shifted = pts.map((p) => ({ x: p.x, y: p.y + c }));
        return Math.abs(theilSen(pts)!.slope - theilSen(shifted)!.slope) < 1e-9;
      }),
    );
  });
});

describe('mannKendall', () => {
  it('matches the S and variance behind SciPy kendalltau (no ties) and the continuity-corrected p', () => {
    const r = mannKendall(series)!;
    expect(r.s).toBe(35);
    expect(r.variance).toBe(125);
    // SciPy kendalltau asymptotic p (no continuity correction) = 2·sf(S/√var):
    expect(2 * (1 - normalCdf(r.s / Math.sqrt(r.variance)))).toBeCloseTo(0.001745118699528905, 6);
    expect(r.p).toBeCloseTo(0.00235752759579549, 6);
  });
  it('corrects the variance for ties (SciPy kendalltau agrees on S/√var)', () => {
    const r = mannKendall([80, 82, 82, 85, 85, 85, 84, 88])!;
    expect(r.s).toBe(18);
    expect(r.variance).toBeCloseTo(60.666666666666664, 10);
    expect(2 * (1 - normalCdf(r.s / Math.sqrt(r.variance)))).toBeCloseTo(0.020833591769524398, 6);
    expect(r.p).toBeCloseTo(0.029065389483076957, 6);
  });
  it('degenerate: fewer than 3 values → undefined; all equal → S = 0, p = 1', () => {
    expect(mannKendall([1, 2])).toBeUndefined();
    expect(mannKendall([5, 5, 5, 5, 5])).toEqual({ s: 0, variance: 0, z: 0, p: 1 });
    expect(mannKendall([1, 2, 3, 4, 5])!.p).toBeCloseTo(0.02748633611151033, 6);
  });
  it('property: reversing the series flips the sign of S', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 20 }), (ys) => {
        return mannKendall([...ys].reverse())!.s === -mannKendall(ys)!.s;
      }),
    );
  });
});

describe('olsTrend', () => {
  it('matches SciPy linregress with the exact t(0.975, n − 2) slope interval', () => {
    const r = olsTrend(points)!;
    expect(r.slope).toBeCloseTo(0.760606060606061, 10);
    expect(r.intercept).toBeCloseTo(-1449.154545454546, 6);
    expect(r.r2).toBeCloseTo(0.8428791223493215, 10);
    expect(r.slopeLow).toBeCloseTo(0.49286858167869224, 12);
    expect(r.slopeHigh).toBeCloseTo(1.0283435395334297, 12);
    const s = olsTrend([{ x: 1, y: 1 }, { x: 2, y: 3 }, { x: 3, y: 2 }, { x: 4, y: 4 }])!;
    expect(s.slope).toBeCloseTo(0.8, 12);
    expect(s.r2).toBeCloseTo(0.64, 12);
    expect(s.slopeLow).toBeCloseTo(-1.0254609533779921, 12);
  });
  it('degenerate: all x equal → undefined; two points → no interval; flat series → no R²', () => {
    expect(olsTrend([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toBeUndefined();
    const two = olsTrend([{ x: 1, y: 1 }, { x: 2, y: 3 }])!;
    expect(two.slope).toBeCloseTo(2, 12);
    expect(two.slopeLow).toBeUndefined();
    const flat = olsTrend(years.map((x) => ({ x, y: 3 })))!;
    expect(flat.slope).toBe(0);
    expect(flat.r2).toBeUndefined();
    expect(flat.slopeLow).toBe(0);
  });
});

describe('countRange', () => {
  it('the positive counts a share rounded as written can stand for', () => {
    // 78,6 % of 2 600: 78,55–78,65 % is 2 042,3–2 044,9, so 2 043 or 2 044.
    expect(countRange(78.6, 2600)).toEqual([2043, 2044]);
    // Whole per cent: 68 % of 1 264 is 67,5–68,5 %, 853,2–865,8.
    expect(countRange(68, 1264)).toEqual([854, 865]);
    // Small cells and shares written in full are one count; the ends stay within 0 and n.
    expect(countRange(80, 40)).toEqual([32, 32]);
    expect(countRange(62.425447, 503)).toEqual([314, 314]);
    expect(countRange(100, 250)).toEqual([249, 250]);
    expect(countRange(0, 250)).toEqual([0, 1]);
    // 78 in a file that writes tenths (78,6 elsewhere) is 78,0: 77,95–78,05 % of 2 600.
    expect(countRange(78, 2600, 1)).toEqual([2027, 2029]);
    expect(countRange(78, 2600)).toEqual([2015, 2041]);
  });
  it('holds the share\'s own rounded count, whatever the share and n', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 3 }), (n, p0, d) => {
      const p = p0 % (n + 1);
      const share = Number(((100 * p) / n).toFixed(d));
      const [lo, hi] = countRange(share, n);
      expect(lo).toBeLessThanOrEqual(p);
      expect(hi).toBeGreaterThanOrEqual(p);
      expect([lo >= 0, hi <= n]).toEqual([true, true]);
    }));
  });
});
