import { describe, expect, it } from 'vitest';
import { milestoneLevels } from '../../src/indicators/milestone-level.js';

describe('milestoneLevels', () => {
  it('the mean of the years before, and of the milestone year and after (hand-worked: 81 → 88)', () => {
    expect(milestoneLevels([{ year: 2019, value: 80 }, { year: 2020, value: 82 }, { year: 2021, value: 88 }], 2021)).toEqual({
      before: { from: 2019, to: 2020, years: 2, mean: 81, n: null },
      after: { from: 2021, to: 2021, years: 1, mean: 88, n: null },
      difference: 7, p: null, significant: false,
    });
  });
  it('with n on every year: a two-proportion test of the pooled shares (162/200 against 178/200: z = 2.2404, p = 0.02506)', () => {
    const l = milestoneLevels([
      { year: 2019, value: 80, n: 100 }, { year: 2020, value: 82, n: 100 }, { year: 2021, value: 88, n: 100 }, { year: 2022, value: 90, n: 100 },
    ], 2021, { test: true, alpha: 0.05 })!;
    expect([l.before.n, l.after.n, l.difference]).toEqual([200, 200, 8]);
    // p̂ = 0.85; se = √(0.85 · 0.15 · (1/200 + 1/200)) = 0.035707; z = 0.08 / se.
    expect(l.p).toBeCloseTo(0.025062, 5);
    expect(l.significant).toBe(true);
    expect(milestoneLevels([{ year: 2020, value: 82, n: 100 }, { year: 2021, value: 88, n: 100 }], 2021, { test: true, alpha: 0.01 })!.significant).toBe(false);
  });
  it('weights the test by n but the level by year: 50 % of 10 and 90 % of 1 000 is a level of 70, a pooled share of 89,6', () => {
    const l = milestoneLevels([{ year: 2019, value: 50, n: 10 }, { year: 2020, value: 90, n: 1000 }, { year: 2021, value: 90, n: 1010 }], 2021, { test: true })!;
    expect(l.before.mean).toBe(70);
    expect(l.difference).toBe(20);
    // Pooled: 905/1010 = 89.6 % against 90 %: no real difference.
    expect(l.p).toBeGreaterThan(0.7);
    expect(l.significant).toBe(false);
  });
  it('no test when a year on either side has no n, or when not asked (a value that is no share)', () => {
    const points = [{ year: 2019, value: 80, n: 100 }, { year: 2020, value: 82, n: null }, { year: 2021, value: 88, n: 100 }];
    expect(milestoneLevels(points, 2021, { test: true })).toMatchObject({ p: null, significant: false, before: { n: null }, after: { n: 100 } });
    expect(milestoneLevels([{ year: 2020, value: 82, n: 100 }, { year: 2021, value: 88, n: 100 }], 2021)?.p).toBeNull();
  });
  it('no levels without a year on each side: a milestone at the first year, or after the last', () => {
    const points = [{ year: 2019, value: 80 }, { year: 2020, value: 82 }];
    expect(milestoneLevels(points, 2019)).toBeUndefined();
    expect(milestoneLevels(points, 2021)).toBeUndefined();
    expect(milestoneLevels([], 2021)).toBeUndefined();
  });
  it('keeps years of another definition (a declared break) out of both sides', () => {
    const points = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022].map((year) => ({ year, value: year < 2018 ? 50 : 80 + (year >= 2021 ? 5 : 0) }));
    // Break 2018, milestone 2021: before is 2018-2020 (80), not 2015-2020 (65).
    expect(milestoneLevels(points, 2021, { breaks: [2018] })).toMatchObject({ before: { from: 2018, to: 2020, mean: 80 }, after: { from: 2021, to: 2022, mean: 85 }, difference: 5 });
    expect(milestoneLevels(points, 2021)).toMatchObject({ before: { from: 2015, mean: 65 }, difference: 20 });
    // A break after the milestone ends the years after; one in the milestone's year leaves no year before.
    expect(milestoneLevels(points, 2017, { breaks: [2018] })).toMatchObject({ before: { from: 2015, to: 2016 }, after: { from: 2017, to: 2017, mean: 50 }, difference: 0 });
    expect(milestoneLevels(points, 2018, { breaks: [2018] })).toBeUndefined();
  });
  it('orders the years itself and counts a gap year on neither side', () => {
    expect(milestoneLevels([{ year: 2023, value: 90 }, { year: 2016, value: 70 }, { year: 2018, value: 74 }], 2021)).toMatchObject({
      before: { from: 2016, to: 2018, years: 2, mean: 72 }, after: { from: 2023, to: 2023, years: 1 }, difference: 18,
    });
  });
});
