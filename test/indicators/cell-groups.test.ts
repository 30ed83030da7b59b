import { describe, expect, it } from 'vitest';
import { cellGroups } from '../../src/indicators/cell-groups.js';
import { BELOW, SHOWN, suppressCells } from '../../src/indicators/suppression.js';

describe('cellGroups', () => {
  it('makes a cell of respondents with no gender and puts it in its area total and the organisation total', () => {
    // Areas 0 and 1 are members, 2 the organisation. Member 0: T 83 (K 35, M 45: 3 with no gender);
    // member 1: T 60 (K 40, M 20); the organisation: T 143 and M 65, no K row.
    const rows: [number, number, number, number][] = [[0, 0, 83, 50], [0, 1, 35, 20], [0, 2, 45, 40], [1, 0, 60, 50], [1, 1, 40, 50], [1, 2, 20, 25], [2, 0, 143, 50], [2, 2, 65, 40]];
    const o = {
      area: Int32Array.from(rows.map((r) => r[0])), gender: Uint8Array.from(rows.map((r) => r[1])),
      n: Float64Array.from(rows.map((r) => r[2])), value: Float64Array.from(rows.map((r) => r[3])),
    };
    const { n, positive, groups, residual } = cellGroups(rows.map((_, i) => i), o, [0, 1], 2);
    // The residual is cell 8: n 83 − 35 − 45 = 3, positive 41.5→42 − 7 − 18 = 17 (shares 50 %, 20 %, 40 %).
    expect([...n]).toEqual([83, 35, 45, 60, 40, 20, 143, 65, 3]);
    expect(positive[8]).toBe(Math.round(41.5) - 7 - 18);
    expect([...residual.flags]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(residual.owner).toEqual([0]);
    expect(groups).toEqual([
      { total: 0, parts: [1, 2, 8] },
      { total: 3, parts: [4, 5] },
      // The organisation's total: the members' women (it has no K row), its men and every member's no-gender cell.
      { total: 6, parts: [1, 4, 7, 8, -1], hideTotal: true },
      // Per gender, the organisation is its members: a relation of the config's, whose total goes first.
      { total: 6, parts: [0, 3], hideTotal: true },
      { total: -1, parts: [1, 4], hideTotal: true },
      { total: 7, parts: [2, 5], hideTotal: true },
    ]);
  });
  it('gives a total with no women\'s or men\'s row in the data no relation: read as "total = 0" it hid every figure of the cell', () => {
    // Members 0, 1, 2 with totals only (35, 2, 30); the organisation (3) pooled: 67.
    const rows: [number, number, number, number][] = [[0, 0, 35, 70], [1, 0, 2, 50], [2, 0, 30, 60], [3, 0, 67, 64]];
    const o = {
      area: Int32Array.from(rows.map((r) => r[0])), gender: Uint8Array.from(rows.map((r) => r[1])),
      n: Float64Array.from(rows.map((r) => r[2])), value: Float64Array.from(rows.map((r) => r[3])),
    };
    const { n, positive, groups } = cellGroups(rows.map((_, i) => i), o, [0, 1, 2], 3);
    expect(groups).toEqual([{ total: 3, parts: [0, 1, 2], hideTotal: true }]);
    const { reason } = suppressCells(n, groups, 5, (a, b) => a - b, undefined, positive);
    // The small member is hidden and one more cell with it (else 67 − 35 − 30 gives it away); not all four.
    expect(reason[1]).toBe(BELOW);
    expect([...reason].filter((r) => r !== SHOWN)).toHaveLength(2);
  });
  it('leaves out the organisation\'s total by gender when a member has no row for that gender (it would count none)', () => {
    // Member 0: T 100 (K 50, M 50); member 1: T 10 only; the organisation (2): T 110 pooled.
    const rows: [number, number, number, number][] = [[0, 0, 100, 80], [0, 1, 50, 80], [0, 2, 50, 80], [1, 0, 10, 70], [2, 0, 110, 79]];
    const o = {
      area: Int32Array.from(rows.map((r) => r[0])), gender: Uint8Array.from(rows.map((r) => r[1])),
      n: Float64Array.from(rows.map((r) => r[2])), value: Float64Array.from(rows.map((r) => r[3])),
    };
    const { n, positive, groups } = cellGroups(rows.map((_, i) => i), o, [0, 1], 2);
    expect(groups).toEqual([{ total: 0, parts: [1, 2] }, { total: 4, parts: [0, 3], hideTotal: true }, { total: -1, parts: [1, -1], hideTotal: true }, { total: -1, parts: [2, -1], hideTotal: true }]);
    const { reason } = suppressCells(n, groups, 30, (a, b) => a - b, undefined, positive);
    // Member 1 (10) hidden, and the organisation's 110 with it (110 − 100 would give it): a member's
    // figures stay as a report without the config shows them; not all five, as when the untrue relation stood.
    expect(reason[3]).toBe(BELOW);
    expect([...reason].map((r) => r !== SHOWN)).toEqual([false, false, false, true, true]);
  });
});
