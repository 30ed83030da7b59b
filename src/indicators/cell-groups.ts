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
  n: Float64Array; positive: Float64Array; groups: IndexedGroup[]; residual: { flags: Uint8Array; owner: number[]; unknownGender: number };
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
    // has no row for a gender (a member has none), that gender's member cells stand in.
    // A member with no row for a gender the organisation's total must stand in for makes that
    // relation untrue (its women or men would count as none): the solver could not satisfy it and
    // hid the whole cell. Such a relation is left out; the members' totals still sum to the organisation's.
    if (org !== undefined && org[0] >= 0) {
      const parts: number[] = [];
      for (const g of [1, 2]) {
        if (org[g]! >= 0) parts.push(org[g]!);
        else for (const c of memberIds) parts.push(of(c, g));
      }
      for (const c of memberIds) parts.push(residualOf.get(c) ?? -1);
      const standsIn = [1, 2].filter((g) => org[g]! < 0).flatMap((g) => memberIds.map((c) => of(c, g)));
      if (standsIn.every((p) => p >= 0)) pushRelation(groups, org[0], parts);
    }
    const unknownGender = owner.length;
    for (const g of [0, 1, 2]) {
      const total = org?.[g] ?? -1;
      const parts = memberIds.map((c) => of(c, g));
      pushRelation(groups, total, total >= 0 && parts.some((p) => p < 0) ? withImplied(total, parts, counts, positives, owner) : parts);
    }
    return result(counts, positives, groups, list.length, owner, unknownGender);
  }
  return result(counts, positives, groups, list.length, owner, owner.length);
}

function result(counts: number[], positives: number[], groups: IndexedGroup[], published: number, owner: number[], unknownGender: number) {
  const flags = new Uint8Array(counts.length);
  flags.fill(1, published);
  return { n: Float64Array.from(counts), positive: Float64Array.from(positives), groups, residual: { flags, owner, unknownGender } };
}

/**
 * The parts of an organisation's figure for one gender where some members have no row for it (a
 * source held the cell back, or two rows for it were set aside): the organisation's own figure
 * still counts them, so what it has beyond the members shown is a cell of its own, never
 * published, protected like any other (a reader can subtract). It is added after the cells, owned
 * by the organisation's figure. None when the members shown account for the whole figure; when they
 * exceed it the figures contradict each other and the relation stays as written (the solver, unable
 * to satisfy it, hides the cell).
 */
function withImplied(total: number, parts: readonly number[], counts: number[], positives: number[], owner: number[]): number[] {
  const present = parts.filter((p) => p >= 0);
  const n = counts[total]! - present.reduce((s, p) => s + counts[p]!, 0);
  if (n < 0) return [...parts];
  if (n === 0) return present;
  owner.push(total);
  positives.push(Math.max(0, positives[total]! - present.reduce((s, p) => s + positives[p]!, 0)));
  return [...present, counts.push(n) - 1];
}

/**
 * A total and its parts, when any part is in the data: a total none of whose parts is (an area's
 * total without a women's or men's row) is no relation a reader can use. Read as "total = 0" it
 * made the cell unsolvable, and every figure in it was hidden.
 */
function pushRelation(groups: IndexedGroup[], total: number, parts: number[]): void {
  if (parts.some((p) => p >= 0)) groups.push({ total, parts });
}
