import { describe, expect, it } from 'vitest';
import { AreaIndex } from '../../src/model/area-index.js';

describe('AreaIndex', () => {
  it('numbers areas as they first come: the same object, or another with the same kind and code, gets the same number', () => {
    const index = new AreaIndex();
    const a = { code: '1460', kind: 'municipality' as const };
    expect(index.id(a)).toBe(0);
    expect(index.id({ code: '14', kind: 'region' })).toBe(1);
    expect(index.id({ code: '1460', kind: 'municipality', name: 'Bengtsfors' })).toBe(0);
    expect(index.id({ code: '1460', kind: 'group' })).toBe(2);
    expect(index.id(a)).toBe(0);
    // The first object of each area is the one kept.
    expect(index.values[0]).toBe(a);
    expect(index.values.map((v) => `${v.kind}:${v.code}`)).toEqual(['municipality:1460', 'region:14', 'group:1460']);
  });
});
