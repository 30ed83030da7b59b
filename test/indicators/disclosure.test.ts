import { describe, expect, it } from 'vitest';
import { firstExposed, hiddenRanges, type Disclosed } from '../../src/indicators/disclosure.js';
import { BELOW, SECONDARY, SHOWN, suppressCells } from '../../src/indicators/suppression.js';

const INF = Number.POSITIVE_INFINITY;

describe('hiddenRanges: what a reader can narrow a hidden cell to', () => {
  it('total − shown part pins the one hidden part (n 10 − 6 = 4, positive 7 − 5 = 2)', () => {
    // cells: 0 total, 1 women, 2 men
    const d: Disclosed = { n: [10, 6, 4], positive: [7, 5, 2], groups: [{ total: 0, parts: [1, 2] }], shown: [1, 1, 0] };
    expect(hiddenRanges(d, [2])).toEqual([{ n: [4, 4], positive: [2, 2] }]);
  });

  it('two hidden parts share what the total leaves: each 1 … leftover − 1, positive 0 … min(leftover positive, n)', () => {
    // total 20 (12 positive) = women 9 (6) + men (hidden) + no gender (hidden): men + no gender = 11, 6 positive.
    const d: Disclosed = { n: [20, 9, 7, 4], positive: [12, 6, 4, 2], groups: [{ total: 0, parts: [1, 2, 3] }], shown: [1, 1, 0, 0] };
    expect(hiddenRanges(d, [2, 3])).toEqual([{ n: [1, 10], positive: [0, 6] }, { n: [1, 10], positive: [0, 6] }]);
  });

  it('a hidden total with nothing shown below it is unbounded above', () => {
    const d: Disclosed = { n: [20, 9, 11], positive: [12, 6, 6], groups: [{ total: 0, parts: [1, 2] }], shown: [0, 0, 0] };
    expect(hiddenRanges(d, [0, 1])).toEqual([{ n: [2, INF], positive: [0, INF] }, { n: [1, INF], positive: [0, INF] }]);
  });

  it('combining groups: organisation total − a member − organisation men pins two positive counts at 0', () => {
    // Members A, B, C; genders women, men, no gender (A has no women's row; B no one without gender).
    //  0 A total  8 (4)   1 A men   6 (4)                    9 A no gender 2 (0)
    //  2 B total 71 (60)  3 B women 1 (0)   4 B men 70 (60)
    //  5 C total 108 (52) 6 C women 52 (49) 7 C men 52 (3)    10 C no gender 4 (0)
    //  8 org total 187 (116)                11 org men 128 (67)
    // Shown: C total, C men, org total, org men. C women + C no gender = 56 with 49 positive, and
    // org total − org men = 59 with 49 positive = B women + C women + A and C no gender.
    const n = [8, 6, 71, 1, 70, 108, 52, 52, 187, 2, 4, 128];
    const positive = [4, 4, 60, 0, 60, 52, 49, 3, 116, 0, 0, 67];
    const groups = [
      { total: 0, parts: [1, 9] }, { total: 2, parts: [3, 4] }, { total: 5, parts: [6, 7, 10] },
      { total: 8, parts: [3, 6, 11, 9, 10] }, { total: 8, parts: [0, 2, 5] }, { total: 11, parts: [1, 4, 7] },
    ];
    const shown = n.map((_, i) => ([5, 7, 8, 11].includes(i) ? 1 : 0));
    const [bWomen, aNoGender] = hiddenRanges({ n, positive, groups, shown }, [3, 9]);
    expect(bWomen!.positive).toEqual([0, 0]);
    expect(aNoGender!.positive).toEqual([0, 0]);
    expect(bWomen!.n).toEqual([1, 2]);
    expect(firstExposed({ n, positive, groups, shown }, [3, 9], 10)).toBe(3);
  });

  it('a cell every answer of which was rejected may hold none that count', () => {
    const d: Disclosed = { n: [10, 10, 0], positive: [5, 5, 0], groups: [{ total: 0, parts: [1, 2] }], shown: [1, 0, 0] };
    expect(hiddenRanges(d, [1, 2])).toEqual([{ n: [1, 10], positive: [0, 5] }, { n: [0, 9], positive: [0, 5] }]);
  });
});

describe('firstExposed', () => {
  const group = [{ total: 0, parts: [1, 2, 3] }];
  it('-1 when every hidden cell can still be anything from 1 to at least the threshold, and its positive count can vary', () => {
    expect(firstExposed({ n: [40, 20, 12, 8], positive: [20, 10, 6, 4], groups: group, shown: [1, 1, 0, 0] }, [2, 3], 10)).toBe(-1);
  });
  it('a small hidden cell whose largest possible n is below the threshold', () => {
    // women 20 + men + no gender = 28: men at most 7, below 10 (though not one value).
    expect(firstExposed({ n: [28, 20, 5, 3], positive: [14, 10, 2, 2], groups: group, shown: [1, 1, 0, 0] }, [2, 3], 10)).toBe(2);
  });
});

describe('suppressCells with positive counts: checked against a reader who combines groups', () => {
  it('hides one more cell where one group at a time let the table above through', () => {
    const n = [8, 6, 71, 1, 70, 108, 52, 52, 187, 2, 4, 128];
    const positive = [4, 4, 60, 0, 60, 52, 49, 3, 116, 0, 0, 67];
    const groups = [
      { total: 0, parts: [-1, 1, 9] }, { total: 2, parts: [3, 4] }, { total: 5, parts: [6, 7, 10] },
      { total: 8, parts: [-1, 3, 6, 11, 9, 10] }, { total: 8, parts: [0, 2, 5] }, { total: -1, parts: [-1, 3, 6] }, { total: 11, parts: [1, 4, 7] },
    ];
    const residual = n.map((_, i) => (i === 9 || i === 10 ? 1 : 0));
    const byId = (a: number, b: number) => a - b;
    // One group at a time shows 5, 7, 8 and 11; combined, 11 pins a hidden n: it is hidden too, on the
    // counts alone as for means (no positive counts), and with the positive counts as for shares.
    const combined = suppressCells(n, groups, 10, byId, residual, positive);
    const means = suppressCells(n, groups, 10, byId, residual);
    const shown = (r: Uint8Array) => [...r.keys()].filter((i) => r[i] === SHOWN);
    expect([shown(combined.reason), shown(means.reason)]).toEqual([[5, 7, 8], [5, 7, 8]]);
    expect(combined.reason[3]).toBe(BELOW);
    const hidden = combined.reason.map((r) => (r === SHOWN ? 1 : 0));
    const targets = [...combined.reason.keys()].filter((i) => combined.reason[i] === BELOW || combined.reason[i] === SECONDARY);
    expect(firstExposed({ n, positive, groups, shown: hidden }, targets, 10)).toBe(-1);
    expect(firstExposed({ n, groups, shown: hidden }, targets, 10)).toBe(-1);
    // Before the combined check, 11 shown gives a hidden cell's n away, on the counts alone.
    expect(firstExposed({ n, groups, shown: hidden.map((h, i) => (i === 11 ? 1 : h)) }, targets, 10)).toBeGreaterThanOrEqual(0);
  });
});
