import { describe, expect, it } from 'vitest';
import { createPartsMap, GroupIndex } from '../../src/ingest/groups.js';

describe('createPartsMap', () => {
  it('tells keys apart by their parts, not by their joined text', () => {
    const m = createPartsMap<number>();
    m.set(['1460', '2025-01', 'a|b'], 1);
    m.set(['1460', '2025-01|a', 'b'], 2);
    expect(m.get(['1460', '2025-01', 'a|b'])).toBe(1);
    expect(m.get(['1460', '2025-01|a', 'b'])).toBe(2);
    expect(m.get(['1460', '2025-02', 'a|b'])).toBeUndefined();
    m.set(['1460', '2025-01', 'a|b'], 3);
    expect(m.get(['1460', '2025-01', 'a|b'])).toBe(3);
  });
});

describe('GroupIndex', () => {
  it('gives one set of gender slots per group, the same on every call', () => {
    const g = new GroupIndex<string>();
    const slots = g.slots('municipality\u00001460', '2025', 'trygghet', 'Hemtjänst');
    slots[GroupIndex.slot('K')] = 'women';
    expect(g.slots('municipality\u00001460', '2025', 'trygghet', 'Hemtjänst')[GroupIndex.slot('K')]).toBe('women');
    expect(g.slots('municipality\u00001460', '2025', 'trygghet', 'Hemtjänst')[GroupIndex.slot('M')]).toBeUndefined();
    expect(g.slots('municipality\u00001461', '2025', 'trygghet', 'Hemtjänst')[GroupIndex.slot('K')]).toBeUndefined();
  });
  it('finds a group again after other areas and years came between', () => {
    const g = new GroupIndex<string>();
    const calls: [string, string][] = [['a', '2024'], ['a', '2025'], ['b', '2025'], ['b', '2024'], ['a', '2024'], ['a', '2025']];
    for (const [area, year] of calls) {
      const slots = g.slots(area, year, 'q', 's');
      slots[0] ??= `${area}${year}`;
      expect(slots[0]).toBe(`${area}${year}`);
    }
  });
});
