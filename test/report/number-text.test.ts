import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round } from '../../src/indicators/round.js';
import { numberText } from '../../src/report/number-text.js';

describe('numberText writes a number as String does', () => {
  it('figures rounded to 0-6 decimals, of any sign and size', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -2e9, max: 2e9 }), fc.integer({ min: 0, max: 6 }), (v, digits) => {
      const r = round(v, digits);
      expect(numberText(r)).toBe(String(r));
    }), { numRuns: 20_000 });
  });
  it('figures of every magnitude rounded to 6 decimals, below and around the fast path\'s limits', () => {
    fc.assert(fc.property(fc.integer({ min: -30, max: 12 }), fc.double({ min: 1, max: 10, noNaN: true }), fc.boolean(), (exponent, mantissa, negative) => {
      const r = round((negative ? -1 : 1) * mantissa * 10 ** exponent, 6);
      expect(numberText(r)).toBe(String(r));
    }), { numRuns: 20_000 });
  });
  it('any double at all, whole numbers and the edges', () => {
    fc.assert(fc.property(fc.double(), (v) => {
      expect(numberText(v)).toBe(String(v));
    }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer(), (v) => {
      expect(numberText(v)).toBe(String(v));
    }));
    const edges = [0, -0, 1e-6, -1e-6, 1e-7, 0.000001, 0.1 + 0.2, 1 / 3, 999_999_999.999999, 1e9, 1e9 + 0.5, 2 ** 31, -(2 ** 31), 2 ** 31 - 0.5, 2 ** 53, 1e21, 123.4, 0.5, -0.5, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, NaN];
    for (const v of edges) expect(numberText(v)).toBe(String(v));
  });
});
