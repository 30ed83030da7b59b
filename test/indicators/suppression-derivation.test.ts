import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress, type CellGroup } from '../../src/indicators/suppression.js';

/** Rank of a matrix by Gaussian elimination (coefficients are small integers, so this is exact). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) m[i] = m[i]!.map((v, k) => v - f * m[r]![k]!);
    }
    r++;
  }
  return r;
}

/**
 * A hidden cell can be worked out exactly when its unit vector lies in the row space of the
 * published equations (total − Σ parts = 0) restricted to the hidden cells.
 */
function derivable(hidden: string[], groups: CellGroup[]): string[] {
  const index = new Map(hidden.map((id, i) => [id, i]));
  const equations = groups.map((g) => {
    const row = Array<number>(hidden.length).fill(0);
    if (index.has(g.total)) row[index.get(g.total)!] = 1;
    for (const p of g.parts) if (index.has(p)) row[index.get(p)!]! -= 1;
    return row;
  }).filter((row) => row.some((v) => v !== 0));
  const base = rank(equations);
  return hidden.filter((_, i) => {
    const unit = Array<number>(hidden.length).fill(0);
    unit[i] = 1;
    return equations.length > 0 && rank([...equations, unit]) === base;
  });
}

describe('suppression never lets a hidden cell be derived from shown cells and totals', () => {
  it('members × {women, men} with area totals and organisation totals, as the report builds them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 })), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 5, max: 40 }),
        (members, min) => {
          const n = new Map<string, number>();
          const codes = members.map((_, i) => `m${i}`);
          members.forEach(([k, m], i) => {
            n.set(`m${i}|K`, k);
            n.set(`m${i}|M`, m);
            n.set(`m${i}|T`, k + m);
          });
          for (const g of ['K', 'M', 'T']) n.set(`org|${g}`, codes.reduce((a, c) => a + n.get(`${c}|${g}`)!, 0));
          const groups: CellGroup[] = [...codes, 'org'].map((a) => ({ total: `${a}|T`, parts: [`${a}|K`, `${a}|M`] }));
          for (const g of ['K', 'M', 'T']) groups.push({ total: `org|${g}`, parts: codes.map((c) => `${c}|${g}`) });
          const hidden = suppress(n, groups, min);
          // Every small cell is hidden, and none of the hidden ones can be worked out.
          for (const [id, v] of n) if (v < min) expect(hidden.has(id)).toBe(true);
          expect(derivable([...hidden.keys()], groups)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('the check itself finds a derivable cell when only one is hidden', () => {
    expect(derivable(['a|M'], [{ total: 'a|T', parts: ['a|K', 'a|M'] }])).toEqual(['a|M']);
  });
});
