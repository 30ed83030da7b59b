import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opt, round } from '../../src/indicators/round.js';

describe('round', () => {
  it('hand-worked values: to the decimals asked, never −0', () => {
    expect(round(2.34567, 2)).toBe(2.35);
    expect(round(81.24999, 1)).toBe(81.2);
    expect(round(0.0000125, 6)).toBe(0.000013);
    expect(round(1234.5, 0)).toBe(1235);
    expect(Object.is(round(-0.00001, 2), 0)).toBe(true);
  });
  it('the same number as scaling by 10 ** digits, for the decimals looked up and past them', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 12 }), (v, digits) => {
      expect(round(v, digits)).toBe(Math.round(v * 10 ** digits) / 10 ** digits + 0);
    }), { numRuns: 20_000 });
  });
  it('opt: a missing or non-finite figure is null, any other rounded to 4 decimals unless told', () => {
    expect(opt(undefined)).toBeNull();
    expect(opt(Number.NaN)).toBeNull();
    expect(opt(Infinity)).toBeNull();
    expect(opt(1.23456)).toBe(1.2346);
    expect(opt(1.23456, 1)).toBe(1.2);
  });
});
