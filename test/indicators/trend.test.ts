import { describe, expect, it } from 'vitest';
import { latestSegment, spansBreak } from '../../src/indicators/trend.js';

describe('spansBreak', () => {
  it('a break year belongs to the new definition: the change into it spans the break, the change after it does not', () => {
    expect(spansBreak(2024, 2025, [2025])).toBe(true);
    expect(spansBreak(2025, 2026, [2025])).toBe(false);
    expect(spansBreak(2023, 2024, [2025])).toBe(false);
  });
  it('a gap over the break spans it; order of the years does not matter; no breaks, no span', () => {
    expect(spansBreak(2022, 2026, [2025])).toBe(true);
    expect(spansBreak(2026, 2022, [2025])).toBe(true);
    expect(spansBreak(2024, 2025, [])).toBe(false);
    expect(spansBreak(2024, 2024, [2024])).toBe(false);
    expect(spansBreak(2016, 2019, [2010, 2018, 2030])).toBe(true);
  });
  it('agrees with latestSegment: two years span a break exactly when the later one starts a segment the earlier is not in', () => {
    const breaks = [2018, 2021];
    for (let a = 2015; a <= 2024; a++) {
      for (let b = a + 1; b <= 2024; b++) {
        const seg = latestSegment([{ x: a, y: 0 }, { x: b, y: 0 }], breaks);
        expect(spansBreak(a, b, breaks), `${a}–${b}`).toBe(seg.length === 1);
      }
    }
  });
});
