import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quartileClass, rank } from '../../src/indicators/rank.js';
import type { Better } from '../../src/model/vocabulary.js';

/** The definition: one more than the number of values strictly better. */
const byDefinition = (values: readonly number[], better: Better) => {
  const sign = better === 'lower' ? 1 : -1;
  return values.map((v) => 1 + values.filter((w) => sign * (w - v) < 0).length);
};

describe('rank: competition ranks ("1224")', () => {
  it('hand-worked: ties share the best rank of their group, the next rank skips', () => {
    expect(rank([90, 85, 90, 70], 'higher')).toEqual([1, 3, 1, 4]);
    expect(rank([90, 85, 90, 70], 'lower')).toEqual([3, 2, 3, 1]);
    expect(rank([5, 5, 5], 'higher')).toEqual([1, 1, 1]);
    expect(rank([], 'higher')).toEqual([]);
    expect(rank([42], 'none')).toEqual([1]);
  });
  it('the same as counting the values strictly better, with ties, −0, infinities and NaN', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }).map((v) => v / 2), fc.constantFrom(0, -0, Infinity, -Infinity, Number.NaN), fc.double());
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), fc.constantFrom<Better>('higher', 'lower', 'none'), (values, better) => {
      expect(rank(values, better)).toEqual(byDefinition(values, better));
    }), { numRuns: 5_000 });
  });
});

describe('quartileClass', () => {
  it('best quarter, worst quarter, the middle; nothing under eight values', () => {
    expect([quartileClass(2, 8), quartileClass(3, 8), quartileClass(6, 8), quartileClass(7, 8)]).toEqual(['best-25', 'middle-50', 'middle-50', 'worst-25']);
    expect(quartileClass(1, 7)).toBeUndefined();
  });
});
