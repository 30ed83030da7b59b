import { describe, expect, it } from 'vitest';
import { MIN_SHARE_SPAN, yDomain } from '../../../src/report/charts/scale.js';

describe('yDomain', () => {
  it('pads a share by 2 pp, rounds out to fives and widens it about its middle to 20 pp', () => {
    // 82.9 -> 80, 95 -> 95: 15 pp, widened about 87.5 from 75.
    expect(yDomain([84.9, 88.4, 93], '%')).toEqual([75, 95]);
    // 48 -> 45, 62 -> 65: already 20 pp.
    expect(yDomain([50, 60], '%')).toEqual([45, 65]);
    // Wide data keeps its own span.
    expect(yDomain([40, 71.5], '%')).toEqual([35, 75]);
  });
  it('keeps a share inside 0–100 by shifting the window, not cutting it', () => {
    expect(yDomain([97, 99], '%')).toEqual([80, 100]);
    expect(yDomain([1, 2], '%')).toEqual([0, 20]);
    expect(yDomain([0, 100], '%')).toEqual([0, 100]);
  });
  it('never lets a 3 pp wobble fill more than 15 % of the height', () => {
    for (let lo = 0; lo <= 97; lo += 0.5) {
      const [from, to] = yDomain([lo, lo + 3], '%');
      expect(to - from).toBeGreaterThanOrEqual(MIN_SHARE_SPAN);
      expect(from).toBeLessThanOrEqual(lo);
      expect(to).toBeGreaterThanOrEqual(lo + 3);
    }
  });
  it('handles one value, no values and all-equal values', () => {
    expect(yDomain([88], '%')).toEqual([75, 95]);
    expect(yDomain([], '%')).toEqual([0, 100]);
    expect(yDomain([Number.NaN], 'days')).toEqual([0, 1]);
    expect(yDomain([0, 0], 'count')).toEqual([0, 1]);
  });
  it('starts amounts, days and counts at zero, up to a round step', () => {
    expect(yDomain([12, 30], 'days')).toEqual([0, 30]);
    // A tenth of 25 256 is 2 525.6, rounded up to a step of 5 000.
    expect(yDomain([25_256], 'kr')).toEqual([0, 30_000]);
  });
  it('widens a percentage that can be negative to 10 pp about its middle, rounded out to a tenth of its range', () => {
    // Range 7.3, widened to 10 about 0.45 (-4.55 to 5.45): step 1.
    expect(yDomain([-3.2, 4.1], '%')).toEqual([-5, 6]);
    // A result of -1.5 to 2.6 % of revenue: about 0.55, -4.45 to 5.55.
    expect(yDomain([-1.5, 0.3, 2.6], '%')).toEqual([-5, 6]);
    // Wider than 10 pp: its own range, step 5 for a range of 40.
    expect(yDomain([-12, 28], '%')).toEqual([-15, 30]);
    // Less than one unit: widened to one about -0.15 (-0.65 to 0.35), rounded out to tenths.
    expect(yDomain([-0.2, -0.1], 'number')).toEqual([-0.7, 0.4]);
  });
});
