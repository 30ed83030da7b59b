import { describe, expect, it } from 'vitest';
import { appendAll, minMax } from '../../src/model/array.js';

describe('appendAll and minMax: any number of items', () => {
  it('appends 300 000 items in order (spreading them into push throws a RangeError)', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target.length).toBe(300_001);
    expect(target[1]).toBe(0);
    expect(target.at(-1)).toBe(299_999);
  });
  it('minMax over 300 000 numbers, and over none', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_001);
    expect(minMax(values)).toEqual({ min: 0, max: 300_000 });
    expect(minMax([])).toEqual({ min: Infinity, max: -Infinity });
  });
});
