import { MUNICIPALITIES, type AreaKind } from '../model/register.js';
import type { Contains } from './containers.js';
import type { IndexedGroup } from './suppression.js';

/**
 * The most areas a cell may hold for the nation's relations to go to the solver too. The nation
 * links every area of a cell into one integer program, which yalps solves too slowly for a national
 * cell (290 municipalities: seconds a cell, a quarter of an hour a report); there only the regions
 * (a program each) are solved, and the nation is hidden wherever anything in the cell is
 * (`hideUnsolved`, suppress-observations.ts), so that what is published is what was solved.
 */
export const NATION_AREAS = 60;

/** What `containerRelations` reads of a cell's observations. */
export interface AreaRows {
  areaId(i: number): number;
  areaCode(i: number): string;
  kindOf(i: number): AreaKind;
  genderId(i: number): number;
}

/**
 * The relations the containers' figures add to one suppression cell, for the solver: per gender g
 * (total, women, men), container_g = Σ the areas in it, their g + what the areas absent from the
 * data hold (an unknown ≥ 0 of each gender, the total's at least the women's and men's:
 * absent_total = absent_women + absent_men + absent_no_gender). A region holds the municipalities
 * of its code; a kommunalförbund and a peer group the municipalities their config entries name; the
 * nation the regions in the data and the municipalities of regions that are not (a region in the
 * data stands for its municipalities: each respondent counted once, and nation less municipalities
 * follows). Exact for every reader who knows the register and the groups' members and nothing of
 * the areas absent from the data. The organisation's relations (members = organisation) are
 * `cellGroups`'; its own figures are in no container.
 *
 * An area without a gender's row still has that gender: inside its residual (its total less its
 * other gender: that gender and no gender), or inside its total (women, men and no gender, where it
 * has neither gender's row), or, without a total, its total is its genders and no gender. Each such
 * part is a free cell: never published, no target, at least 0, its size unknown to the solver too.
 *
 * Cells are numbered after `n`'s (observations, then residuals); free cells get n and positive 0,
 * which only the bound "at least min(1, n)" reads. `unsolved` are the containers whose relations
 * the solver does not have: a group whose members tillit does not know (a reader may), and the
 * nation of a cell of more than `nationAreas` areas. They must be hidden wherever anything in the
 * cell is (`hideUnsolved`, suppress-observations.ts); `fewer` hears of a container that counts
 * fewer respondents than the areas in it. `countsOnly` are the containers whose counts
 * add up but whose positive answers worked out from rounded shares do not: the solver has their
 * counts only, and the conservative rules ask the rest. Returns undefined, leaving the cell to the
 * conservative container rules (`protectContainers`), where it has no container or its counts do
 * not add up (a container holding fewer than its areas).
 */
export function containerRelations(
  list: readonly number[], obs: AreaRows, n: ArrayLike<number>, positive: Positives | undefined, groups: readonly IndexedGroup[],
  residualOwner: readonly number[], contains: (code: string, kind: AreaKind) => Contains | undefined, nationAreas = NATION_AREAS,
  fewer?: (area: number) => void,
): { free: number; groups: IndexedGroup[]; containers: Set<number>; unsolved: Set<number>; countsOnly: Set<number> } | undefined {
  const slots = areaSlots(list, obs);
  const boxes = [...slots.entries()].filter(([, s]) => s.kind !== 'municipality' && contains(s.code, s.kind) !== undefined);
  if (boxes.length === 0) return undefined;
  const residualOf = new Map<number, number>();
  residualOwner.forEach((t, r) => residualOf.set(t, n.length - residualOwner.length + r));
  let next = n.length;
  const free = () => next++;
  const added: IndexedGroup[] = [];
  const large = slots.size > nationAreas;
  addNamedAbsent(slots, boxes.map(([, s]) => contains(s.code, s.kind)!));
  const genders = areaGenders(slots, residualOf, free, added);
  const regions = boxes.filter(([, s]) => s.kind === 'region').map(([, r]) => contains(r.code, r.kind)!);
  const codes = new Set([...slots.values()].filter((s) => s.kind === 'municipality').map((s) => s.code));
  const containers = new Set<number>();
  const unsolved = new Set<number>();
  const countsOnly = new Set<number>();
  for (const [area, box] of boxes) {
    const holds = contains(box.code, box.kind)!;
    const inside = [...slots.entries()].filter(([a, s]) => a !== area && holds(s.code, s.kind) && isInside(box.kind, s, regions)).map(([a]) => genders.get(a)!);
    if (inside.length === 0) continue;
    if (holds.guessed === true || (box.kind === 'nation' && large)) {
      unsolved.add(area);
      continue;
    }
    const own = genders.get(area)!;
    // A container none of a gender (its total less the other gender is 0): its areas have none
    // either, a relation with no cell to carry it. Left to the conservative rules.
    if (own.includes(-1)) return undefined;
    if (!addsUp(own, inside, n, undefined)) {
      fewer?.(area);
      return undefined;
    }
    // Positive answers worked out from shares rounded to a decimal or two (a county's 2 600 at
    // 78,6 %: 2 043 to 2 044) need not add up where the counts do: the solver then has this
    // container's counts only, and the conservative rules ask the rest (`countsOnly`).
    const counts = positive !== undefined && !addsUp(own, inside, n, positive) ? ({ countsOnly: true } as const) : {};
    if (counts.countsOnly === true) countsOnly.add(area);
    // A reader who knows the register and the groups knows when no area of the container is absent:
    // then it is exactly the areas in it.
    const absent = isWhole(box.kind, holds, codes, regions) ? [-1, -1, -1] : [free(), free(), free()];
    if (absent[0]! >= 0) added.push({ total: absent[0]!, parts: [absent[1]!, absent[2]!, free()] });
    for (const g of [0, 1, 2]) added.push({ total: own[g]!, parts: [...inside.map((cells) => cells[g]!), absent[g]!], container: true, ...counts });
    containers.add(area);
  }
  // Without a container solved, the areas' free cells relate nothing: the cell's own groups stand.
  if (containers.size === 0) return unsolved.size === 0 ? undefined : { free: 0, groups: [...groups], containers, unsolved, countsOnly };
  return { free: next - n.length, groups: [...groups, ...added], containers, unsolved, countsOnly };
}

interface Slot {
  code: string;
  kind: AreaKind;
  /** The cell's place in `list` of the area's total, women and men; -1 for none. */
  rows: [number, number, number];
}

/** The cell's areas, the organisation's aside (its relations are the members'). */
function areaSlots(list: readonly number[], obs: AreaRows): Map<number, Slot> {
  const slots = new Map<number, Slot>();
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    const kind = obs.kindOf(i);
    if (kind === 'organisation') continue;
    let s = slots.get(obs.areaId(i));
    if (s === undefined) slots.set(obs.areaId(i), (s = { code: obs.areaCode(i), kind, rows: [-1, -1, -1] }));
    s.rows[obs.genderId(i)] = k;
  }
  return slots;
}

/**
 * The municipalities a kommunalförbund or group names that are not in the data, as areas of their
 * own (ids below 0, no rows: `areaGenders` gives them free cells). A reader who knows the members
 * knows that the same absent municipality is inside the group and inside its region: one unknown
 * in both relations, not an unknown rest in each (a region's rest would else cancel the group's).
 */
function addNamedAbsent(slots: Map<number, Slot>, holds: readonly Contains[]): void {
  const present = new Set([...slots.values()].map((s) => s.code));
  let id = -1;
  for (const h of holds) {
    for (const code of h.guessed === true ? [] : h.listed ?? []) {
      if (present.has(code)) continue;
      present.add(code);
      slots.set(id--, { code, kind: 'municipality', rows: [-1, -1, -1] });
    }
  }
}

/**
 * Whether an area a container holds is one of the parts of its relation: a region's, a
 * kommunalförbund's and a group's municipalities; the nation's regions and the municipalities of no
 * region in the data (each respondent counted once; a kommunalförbund's are its municipalities').
 */
function isInside(kind: AreaKind, area: Slot, regions: readonly Contains[]): boolean {
  if (kind !== 'nation') return area.kind === 'municipality';
  return area.kind === 'region' || (area.kind === 'municipality' && !regions.some((holds) => holds(area.code, 'municipality')));
}

/** Whether every municipality a container holds is in the data (`codes`), or in a region that is (the nation). */
function isWhole(kind: AreaKind, holds: Contains, codes: ReadonlySet<string>, regions: readonly Contains[]): boolean {
  if (kind === 'federation' || kind === 'group') return holds.listed !== undefined && holds.listed.every((code) => codes.has(code));
  return [...MUNICIPALITIES.keys()].every((code) => !holds(code, 'municipality') || codes.has(code) || (kind === 'nation' && regions.some((r) => r(code, 'municipality'))));
}

/**
 * Each area's total, women and men as cells: its own rows, or free cells (`free`) inside what it
 * has, with the relations that put them there added to `added`; -1 is none (0).
 */
function areaGenders(
  slots: ReadonlyMap<number, Slot>, residualOf: ReadonlyMap<number, number>, free: () => number, added: IndexedGroup[],
): Map<number, [number, number, number]> {
  const genders = new Map<number, [number, number, number]>();
  for (const [area, { rows: [t, k, m] }] of slots) {
    if (t >= 0) {
      if (k < 0 && m < 0) {
        const parts = [free(), free(), free()];
        added.push({ total: t, parts });
        genders.set(area, [t, parts[0]!, parts[1]!]);
      } else if (k < 0 || m < 0) {
        const r = residualOf.get(t);
        let missing = -1;
        if (r !== undefined) {
          missing = free();
          added.push({ total: r, parts: [missing, free()] });
        }
        genders.set(area, [t, k < 0 ? missing : k, m < 0 ? missing : m]);
      } else {
        genders.set(area, [t, k, m]);
      }
    } else {
      const [kk, mm] = [k < 0 ? free() : k, m < 0 ? free() : m];
      const total = free();
      added.push({ total, parts: [kk, mm, free()] });
      genders.set(area, [total, kk, mm]);
    }
  }
  return genders;
}

/** Positive answers per cell as the solver reads them: the least and most each can be (rounded shares). */
export interface Positives {
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
}

/**
 * Whether a container's figures hold at least those of the areas in it, where all are published
 * (positive answers and the rest apart, and the total at least the women's and men's absent), for
 * some positive counts within each cell's range: else the relations have no solution, and the
 * solver would hide everything.
 */
function addsUp(own: readonly number[], inside: readonly (readonly number[])[], n: ArrayLike<number>, positive: Positives | undefined): boolean {
  // Per gender: the rest's n, and the least and most of its positive answers.
  const rest: ([number, number, number] | undefined)[] = [0, 1, 2].map((g) => {
    if (own[g]! < 0 || own[g]! >= n.length) return undefined;
    let a = n[own[g]!]!;
    let lo = positive?.lo[own[g]!] ?? 0;
    let hi = positive?.hi[own[g]!] ?? 0;
    for (const cells of inside) {
      const c = cells[g]!;
      if (c < 0) continue;
      if (c >= n.length) return undefined;
      a -= n[c]!;
      lo -= positive?.hi[c] ?? 0;
      hi -= positive?.lo[c] ?? 0;
    }
    return [a, Math.max(lo, 0), Math.min(hi, a)];
  });
  for (const r of rest) if (r !== undefined && (r[0] < 0 || r[1] > r[2])) return false;
  const [t, k, m] = rest;
  if (t !== undefined && k !== undefined && m !== undefined) {
    // Total ≥ women + men, in respondents, in positive answers and in the rest.
    if (t[0] < k[0] + m[0] || t[2] < k[1] + m[1] || t[0] - t[1] < k[0] - k[2] + m[0] - m[2]) return false;
  }
  return true;
}
