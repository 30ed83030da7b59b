import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BELOW, SECONDARY, SHOWN, suppress, suppressCells, type CellGroup } from '../../src/indicators/suppression.js';

/** The rule as first written, texts and arrays throughout: the oracle for the indexed version. */
function suppressByText(n: ReadonlyMap<string, number>, groups: readonly CellGroup[], min: number): Map<string, string> {
  const hidden = new Map<string, string>();
  for (const [id, count] of n) if (count < min) hidden.set(id, 'below-threshold');
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const members = [g.total, ...g.parts].filter((id) => n.has(id));
      if (members.filter((id) => hidden.has(id)).length !== 1) continue;
      const next = members.filter((id) => !hidden.has(id)).sort((a, b) => n.get(a)! - n.get(b)! || (a < b ? -1 : a > b ? 1 : 0))[0];
      if (next !== undefined) {
        hidden.set(next, 'secondary');
        changed = true;
      }
    }
  }
  return hidden;
}

describe('suppressCells', () => {
  it('hides the smallest shown count, skips absent cells (-1) and breaks ties only between equal counts', () => {
    const asked: [number, number][] = [];
    // 0: total 60, 1: 20 (small), 2 and 3: 35 each; a group of cells that are not there.
    const { reason, secondary } = suppressCells([60, 20, 35, 35], [
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

describe('suppress', () => {
  it('gives exactly what the rule as first written gives, in the same order', () => {
    const id = fc.constantFrom('a|T', 'a|K', 'a|M', 'b|T', 'b|K', 'b|M', 'o|T', 'o|K', 'x', 'y');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, fc.integer({ min: 0, max: 60 })), { selector: ([k]) => k, maxLength: 10 }),
        fc.array(fc.record({ total: id, parts: fc.array(id, { maxLength: 4 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }),
        (cells, groups, min) => {
          const n = new Map(cells);
          expect([...suppress(n, groups, min)]).toEqual([...suppressByText(n, groups, min)]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
