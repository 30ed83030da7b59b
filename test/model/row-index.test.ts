import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRowIndex, KeyNumbers } from '../../src/model/row-index.js';

describe('createRowIndex', () => {
  it('property: claim and find give the first row of each key, as a map of key texts does, through growth and the move to a map', () => {
    // Keys drawn from a small pool, so they repeat, with ranges wide enough to grow every dimension.
    const key = fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100));
    fc.assert(
      fc.property(
        fc.array(key, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { maxLength: 300 }), fc.constantFrom(1 << 22, 1 << 14, 1 << 10, 1),
        (pool, picks, maxSlots) => {
          const index = createRowIndex(maxSlots);
          const oracle = new Map<string, number>();
          picks.forEach((pick, row) => {
            const [c, m, a] = pool[pick % pool.length]!;
            const first = oracle.get(`${c}|${m}|${a}`);
            expect(index.find(c, m, a)).toBe(first ?? -1);
            if (first === undefined) oracle.set(`${c}|${m}|${a}`, row);
            expect(index.claim(c, m, a, row)).toBe(first ?? -1);
            expect(index.find(c, m, a)).toBe(first ?? row);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('KeyNumbers numbers distinct keys 0, 1, … in order of first appearance, as a map of key texts does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)), { maxLength: 200 }), (keys) => {
        const numbers = new KeyNumbers();
        const oracle = new Map<string, number>();
        for (const [a, b, c] of keys) {
          const text = `${a}|${b}|${c}`;
          if (!oracle.has(text)) oracle.set(text, oracle.size);
          expect(numbers.id(a, b, c)).toBe(oracle.get(text));
        }
        expect(numbers.size).toBe(oracle.size);
      }),
    );
  });
});
