import type { IndexedGroup } from './suppression.js';

/** What `cellGroups` reads of the quality table's observation columns. */
export interface Observations {
  area: Int32Array;
  /** 0 total, 1 women, 2 men. */
  gender: Uint8Array;
  n: Float64Array;
  /** Share of positive answers in percent. */
  value: Float64Array;
}

/**
 * The additivity groups of one suppression cell (question × service × period), over the cell's
 * observations numbered by their place in `list`: per area total = women + men + unknown gender,
 * per gender organisation = Σ members, and the organisation's total = its women and men (or the
 * members' where it has no such row) + every member's unknown gender. Respondents of unknown
 * gender (total − women − men, when the total and a gender are there and it is positive) are
 * counted in the total only: they are a cell of their own, numbered after the observations, never
 * published (`residual.flags`), with `residual.owner` giving each one's total in `list`.
 */
export function cellGroups(list: readonly number[], o: Observations, memberIds: readonly number[], orgId: number): {
  n: Float64Array; positive: Float64Array; groups: IndexedGroup[]; residual: { flags: Uint8Array; owner: number[] }; irregular: boolean;
} {
  const slotsByArea = new Map<number, [number, number, number]>();
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    let slot = slotsByArea.get(o.area[i]!);
    if (slot === undefined) slotsByArea.set(o.area[i]!, (slot = [-1, -1, -1]));
    slot[o.gender[i]!] = k;
  }
  const counts: number[] = [];
  const positives: number[] = [];
  for (let k = 0; k < list.length; k++) {
    counts.push(o.n[list[k]!]!);
    positives.push(Math.round((o.value[list[k]!]! * o.n[list[k]!]!) / 100));
  }
  const owner: number[] = [];
  const groups: IndexedGroup[] = [];
  const residualOf = new Map<number, number>();
  for (const [area, [t, k, m]] of slotsByArea) {
    if (area === orgId && memberIds.length > 0) continue;
    const unknown = t < 0 || (k < 0 && m < 0) ? 0 : counts[t]! - (k >= 0 ? counts[k]! : 0) - (m >= 0 ? counts[m]! : 0);
    if (unknown > 0) {
      owner.push(t);
      positives.push(positives[t]! - (k >= 0 ? positives[k]! : 0) - (m >= 0 ? positives[m]! : 0));
      residualOf.set(area, counts.push(unknown) - 1);
      groups.push({ total: t, parts: [k, m, counts.length - 1] });
    } else {
      pushRelation(groups, t, [k, m]);
    }
  }
  if (memberIds.length > 0) {
    const org = slotsByArea.get(orgId);
    const of = (area: number, g: number) => slotsByArea.get(area)?.[g] ?? -1;
    // The organisation's total is every member's women, men and no-gender respondents: where it
    // has no row for a gender (a member has none), that gender's member cells stand in. A member
    // with a total only has no cell to stand in: its total is in the organisation's by the members'
    // relation below, and this one, read with its women and men as none, would be untrue (the
    // solver, unable to satisfy it, hid the whole cell): left out. A member missing one gender
    // beside the other has it in its residual (total less the other), so the relation holds.
    if (org !== undefined && org[0] >= 0) {
      const parts: number[] = [];
      for (const g of [1, 2]) {
        if (org[g]! >= 0) parts.push(org[g]!);
        else for (const c of memberIds) parts.push(of(c, g));
      }
      for (const c of memberIds) parts.push(residualOf.get(c) ?? -1);
      const totalOnly = memberIds.some((c) => of(c, 1) < 0 && of(c, 2) < 0);
      if (!totalOnly) pushRelation(groups, org[0], parts, true);
    }
    // Its figure is the config's: where members give a hidden one away, the organisation's is hidden.
    for (const g of [0, 1, 2]) pushRelation(groups, org?.[g] ?? -1, memberIds.map((c) => of(c, g)), true);
    return result(counts, positives, groups, list.length, owner, irregular(org, memberIds, of));
  }
  return result(counts, positives, groups, list.length, owner, false);
}

function result(counts: number[], positives: number[], groups: IndexedGroup[], published: number, owner: number[], irregular: boolean) {
  const flags = new Uint8Array(counts.length);
  flags.fill(1, published);
  return { n: Float64Array.from(counts), positive: Float64Array.from(positives), groups, residual: { flags, owner }, irregular };
}

/**
 * Whether the organisation has its own figure for a gender some member has no row for (its source
 * held the cell back, or two rows for it were set aside). The organisation's figure still counts
 * that member's respondents, and how they are tied to the member's other figures (its total, its
 * residual) is more than these relations model: subtracting could bound or pin them (a review
 * found both). The whole cell is hidden instead (`irregular`).
 */
function irregular(org: readonly number[] | undefined, memberIds: readonly number[], of: (area: number, g: number) => number): boolean {
  if (org === undefined) return false;
  return [0, 1, 2].some((g) => org[g]! >= 0 && memberIds.some((c) => of(c, g) < 0));
}

/**
 * A total and its parts, when any part is in the data: a total none of whose parts is (an area's
 * total without a women's or men's row) is no relation a reader can use. Read as "total = 0" it
 * made the cell unsolvable, and every figure in it was hidden.
 */
function pushRelation(groups: IndexedGroup[], total: number, parts: number[], hideTotal = false): void {
  if (parts.some((p) => p >= 0)) groups.push(hideTotal ? { total, parts, hideTotal } : { total, parts });
}
