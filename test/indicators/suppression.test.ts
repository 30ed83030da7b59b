import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atEnd, BELOW, SECONDARY, SHOWN, suppress, suppressCells, UNPUBLISHED, type CellGroup } from '../../src/indicators/suppression.js';

describe('suppressCells', () => {
  it('hides the smallest shown count, skips absent cells (-1) and breaks ties only between equal counts', () => {
    const asked: [number, number][] = [];
    // 0: total 90, 1: 20 (small), 2 and 3: 35 each; a group of cells that are not there.
    const { reason, secondary } = suppressCells([90, 20, 35, 35], [
      { total: 0, parts: [1, 2, 3] },
      { total: -1, parts: [0, -1] },
    ], 30, (a, b) => {
      asked.push([a, b]);
      return b - a; // later cells first
    });
    expect([...reason]).toEqual([SHOWN, BELOW, SHOWN, SECONDARY]);
    expect(secondary).toEqual([3]);
    expect(asked).toEqual([[3, 2]]);
  });
});

describe('suppressCells: what a shown total leaves for its hidden parts', () => {
  it('hides more when the hidden parts together are too few for any of them to reach the threshold', () => {
    // Total 60 shown, women 10 (small), men 45, unknown gender 5 (small): 60 − 45 = 15 left for
    // two hidden cells says both are under 30; hiding the men (the smallest shown) leaves 60.
    const { reason } = suppressCells([60, 10, 45, 5], [{ total: 0, parts: [1, 2, 3] }], 30, () => 0, [0, 0, 0, 1]);
    expect([...reason]).toEqual([SHOWN, BELOW, SECONDARY, BELOW]);
  });
  it('an unknown-gender residual below the threshold hides another cell of its group', () => {
    // 3 of 88 have no gender: 88 − 45 − 40 would give them away, so the smaller gender goes too.
    const { reason, secondary } = suppressCells([88, 45, 40, 3], [{ total: 0, parts: [1, 2, 3] }], 30, () => 0, [0, 0, 0, 1]);
    expect([...reason]).toEqual([SHOWN, SHOWN, SECONDARY, BELOW]);
    expect(secondary).toEqual([2]);
  });
  it('a residual of the threshold or more needs no protection and hides nothing', () => {
    const { reason } = suppressCells([120, 45, 40, 35], [{ total: 0, parts: [1, 2, 3] }], 30, () => 0, [0, 0, 0, 1]);
    expect([...reason]).toEqual([SHOWN, SHOWN, SHOWN, UNPUBLISHED]);
    // With a small gender cell beside it, the residual is the second unknown: nothing more is hidden.
    expect([...suppressCells([100, 20, 45, 35], [{ total: 0, parts: [1, 2, 3] }], 30, () => 0, [0, 0, 0, 1]).reason]).toEqual([SHOWN, BELOW, SHOWN, UNPUBLISHED]);
  });
});

describe('suppress', () => {
  it('on any cells and groups: every small cell hidden; no group pins a hidden cell or says a hidden part is small', () => {
    const id = fc.constantFrom('a|T', 'a|K', 'a|M', 'a|U', 'b|T', 'b|K', 'b|M', 'b|U', 'o|T', 'o|K', 'x', 'y');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, fc.integer({ min: 0, max: 60 })), { selector: ([k]) => k, maxLength: 10 }),
        fc.array(fc.record({ total: id, parts: fc.uniqueArray(id, { maxLength: 4 }) }).filter((g) => !g.parts.includes(g.total)), { maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.subarray(['a|U', 'b|U', 'x']),
        (cells, groups, min, residuals) => {
          const n = new Map(cells);
          const residual = new Set(residuals);
          const hidden = suppress(n, groups, min, residual);
          for (const [c, v] of n) if (v < min) expect(hidden.has(c)).toBe(true);
          // What a reader knows: shown cells, and residuals of min or more that a group gives away.
          const known = new Set([...n.keys()].filter((c) => !hidden.has(c) && !residual.has(c)));
          for (let again = true; again;) {
            again = false;
            for (const g of groups) {
              const unknown = [...new Set([g.total, ...g.parts])].filter((c) => n.has(c) && !known.has(c));
              if (unknown.length === 1 && residual.has(unknown[0]!) && !hidden.has(unknown[0]!)) (known.add(unknown[0]!), (again = true));
            }
          }
          for (const g of groups) {
            // A relation whose total is no cell (an organisation with no row for a gender) relates nothing.
            if (!n.has(g.total)) continue;
            const cellsOf = [g.total, ...g.parts].filter((c) => n.has(c));
            if (!cellsOf.some((c) => known.has(c) && !residual.has(c))) continue; // nothing left to hide
            const unknown = [...new Set(cellsOf)].filter((c) => !known.has(c));
            expect(unknown.length === 1 && hidden.has(unknown[0]!)).toBe(false);
            const hiddenParts = g.parts.filter((c) => n.has(c) && !known.has(c));
            if (!known.has(g.total) || hiddenParts.length === 0) continue;
            const left = n.get(g.total)! - g.parts.filter((c) => known.has(c)).reduce((a, c) => a + n.get(c)!, 0);
            expect(left - (hiddenParts.length - 1)).toBeGreaterThanOrEqual(min);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('suppressCells over means', () => {
  // An organisation of three members (40, 10, 45 respondents): the middle one is small, the first hidden to protect it.
  const n = [95, 40, 10, 45];
  const groups = [{ total: 0, parts: [1, 2, 3] }];
  const hiddenWith = (means: number[]) => [...suppressCells(n, groups, 30, () => 0, undefined, undefined, { sum: means.map((m, i) => m * n[i]!), lo: Math.min(...means), hi: Math.max(...means) }).reason];
  it('hidden parts averaging at the cell\'s highest or lowest mean each have it: the group is protected as one whose parts answered alike', () => {
    expect(hiddenWith([5, 5, 5, 5])).toEqual([SECONDARY, SECONDARY, BELOW, SECONDARY]);
    // 40 and 10 at the lowest mean, 1: the 45 beside them hidden too; then the total (1,95) says only its own.
    expect(hiddenWith([185 / 95, 1, 1, 3])).toEqual([SHOWN, SECONDARY, BELOW, SECONDARY]);
  });
  it('hidden parts averaging inside the cell\'s means say nothing of each: only n decides, as before', () => {
    expect(hiddenWith([4.2, 4, 5, 4.2])).toEqual([SHOWN, SECONDARY, BELOW, SHOWN]);
    expect([...suppressCells(n, groups, 30, () => 0).reason]).toEqual([SHOWN, SECONDARY, BELOW, SHOWN]);
  });
  it('atEnd: a sum at or beyond either end, with slack for decimal means', () => {
    expect([atEnd(250, 50, 1, 5), atEnd(50, 50, 1, 5), atEnd(0.1 * 3 * 10, 30, 0.1 * 3, 5), atEnd(249, 50, 1, 5), atEnd(0, 0, 1, 5)]).toEqual([true, true, true, false, false]);
  });
});
