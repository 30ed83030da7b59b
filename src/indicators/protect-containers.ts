import type { AreaKind } from '../model/register.js';
import { sharedMunicipalities, type Contains } from './containers.js';
import { HIDDEN_SECONDARY, type ObservationColumns } from './observation-columns.js';
import { restByHalves } from './rest-halves.js';
import { atEnd } from './suppression.js';

/**
 * `protectContainers` for one report's observations, with the municipalities each pair of
 * overlapping containers shares worked out once (`sharedMunicipalities`).
 */
export function containerProtection(
  obs: ObservationColumns, min: number, containers: (code: string, kind: AreaKind) => Contains | undefined, memberIds: readonly number[], orgId: number,
): (list: readonly number[], solved?: ReadonlySet<number>) => void {
  const shared = new Map<string, string[]>();
  const extra = [...new Set(obs.areaCodes.values)];
  const sharedOf = (a: Box, b: Box): string[] => {
    // Two counties, or the nation and a county, share nothing to cancel: asked per cell, without a key.
    if (a.kind === 'region' ? b.kind === 'region' || b.kind === 'nation' : a.kind === 'nation' && b.kind === 'region') return [];
    const key = `${a.kind}|${a.code}|${b.kind}|${b.code}`;
    return shared.get(key) ?? shared.set(key, sharedMunicipalities(a, b, extra)).get(key)!;
  };
  return (list, solved = new Set()) => protectContainers(obs, list, min, containers, memberIds, orgId, sharedOf, solved);
}

/**
 * A region's, the nation's, a kommunalförbund's or a group's figure counts the respondents of the
 * areas in it, a relation the groups do not model: less the areas shown, it bounds those hidden,
 * alone or with any other relation. Such a figure is hidden, every gender, unless for each of its
 * genders the areas it holds leave out at least `min` respondents (areas absent from the data) or
 * none of them is hidden or lacks that gender's row: an attack that solved the relations jointly
 * found any narrower test wanting. It is hidden too where what it leaves all answered alike (at
 * 0 % or 100 %, or a mean at an end of the cell's: `alikeRest`), where what it leaves, positive
 * answers and the rest apart, or less a gender, bounds a small hidden part (`restByHalves`: an
 * unknown-gender residual among them), and where a container it overlaps
 * cancels what it leaves (`throughOverlap`). A member hidden so hides the organisation's figure too
 * (it is the members' sum). Repeated while hiding one changes another's test.
 */
function protectContainers(
  obs: ObservationColumns, list: readonly number[], min: number, containers: (code: string, kind: AreaKind) => Contains | undefined, memberIds: readonly number[], orgId: number,
  shared: (a: Box, b: Box) => string[], solved: ReadonlySet<number>,
): void {
  const rowsOf = new Map<number, number[]>();
  for (const i of list) (rowsOf.get(obs.areaId(i)) ?? rowsOf.set(obs.areaId(i), []).get(obs.areaId(i))!).push(i);
  const boxes: Box[] = [];
  for (const [area, rows] of rowsOf) {
    const contains = containers(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!));
    if (contains !== undefined) boxes.push({ area, code: obs.areaCode(rows[0]!), kind: obs.kindOf(rows[0]!), contains, rows });
  }
  const hide = (area: number) => {
    let any = false;
    for (const i of rowsOf.get(area) ?? []) if (obs.isShown(i)) (obs.hidden[i] = HIDDEN_SECONDARY), (any = true);
    return any;
  };
  // What each container holds is fixed for the cell; only what is shown changes as boxes are hidden.
  const insides = new Map<Box, (readonly number[])[]>();
  const insideOf = (box: Box) => insides.get(box)
    ?? insides.set(box, [...rowsOf.entries()].filter(([a, rows]) => a !== box.area && box.contains(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!))).map(([, rows]) => rows)).get(box)!;
  // A group whose members tillit does not know may hold any municipality of a region: a region at
  // 0 % or 100 % says each of the group's hidden figures is there too (asked of the rest alone).
  const guessed = boxes.filter((b) => b.contains.guessed === true).map((b) => b.rows);
  const alikeInside = (box: Box) => (box.kind === 'region' || box.kind === 'nation' ? [...insideOf(box), ...guessed] : insideOf(box));
  // The areas in a container not in another container in it (a region's municipalities give way
  // to the region): each respondent in it counted once.
  const tops = new Map<Box, (readonly number[])[]>();
  const topOf = (box: Box) => {
    let top = tops.get(box);
    if (top === undefined) {
      const inside = insideOf(box);
      const within = boxes.filter((b) => b !== box && inside.includes(b.rows));
      top = within.length === 0 ? inside : inside.filter((rows) => !within.some((b) => b.rows !== rows && b.contains(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!))));
      tops.set(box, top);
    }
    return top;
  };
  let byCode: Map<string, readonly number[]> | undefined;
  const ends = cellEnds(obs, list);
  const shownBox = (box: Box) => box.rows.some((i) => obs.isShown(i));
  const hideBox = (box: Box) => {
    if (!hide(box.area)) return false;
    if (memberIds.includes(box.area)) hide(orgId);
    return true;
  };
  // The overlap test asks a shown other container: one the other rules hide anyway gives nothing
  // away, so they run to their end before any overlap is judged, whatever order the rows came in.
  for (let changed = boxes.length > 0; changed;) {
    changed = false;
    for (const box of boxes) {
      if (!shownBox(box)) continue;
      const inside = insideOf(box);
      // A container whose relations the solver had: only what it does not check is asked here.
      if (solved.has(box.area)) {
        if (alikeRest(obs, box.rows, alikeInside(box), ends, topOf(box))) changed = hideBox(box) || changed;
        continue;
      }
      if (exposes(obs, box.rows, inside, topOf(box), min) || alikeRest(obs, box.rows, alikeInside(box), ends) || restByHalves(obs, box.rows, inside, min, ends.share)) changed = hideBox(box) || changed;
    }
    if (changed) continue;
    for (const box of boxes) {
      if (!shownBox(box) || solved.has(box.area)) continue;
      const overlaps = boxes.some((other) => other !== box && shared(box, other).length > 0
        && throughOverlap(obs, box, insideOf(box), other, insideOf(other), shared(box, other), (byCode ??= codesOf(obs, rowsOf)), min));
      // One at a time: hiding it may leave another rule something to hide first.
      if (overlaps && hideBox(box)) {
        changed = true;
        break;
      }
    }
  }
}

/** A cell's rows per area code. */
function codesOf(obs: ObservationColumns, rowsOf: ReadonlyMap<number, readonly number[]>): Map<string, readonly number[]> {
  return new Map([...rowsOf.values()].map((rows) => [obs.areaCode(rows[0]!), rows]));
}

/** A container in one suppression cell: its area, code, kind, what it holds and its rows. */
interface Box {
  area: number;
  code: string;
  kind: AreaKind;
  contains: Contains;
  rows: readonly number[];
}

/** What an answer of a cell can be: for shares each respondent 0 or 1 (counts), for means the lowest and highest mean of the cell. */
interface CellEnds {
  share: boolean;
  lo: number;
  hi: number;
}

function cellEnds(obs: ObservationColumns, list: readonly number[]): CellEnds {
  if (obs.isShare(list[0]!)) return { share: true, lo: 0, hi: 1 };
  // A count of respondents has no answers, so no end its rest could sit at.
  if (obs.isCount(list[0]!)) return { share: false, lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of list) {
    if (!(obs.rawN(i) > 0)) continue;
    lo = Math.min(lo, obs.valueOf(i));
    hi = Math.max(hi, obs.valueOf(i));
  }
  return { share: false, lo, hi };
}

/** A row's answers: positive answers of a share, the sum of a mean's (mean × n). */
function answersOf(obs: ObservationColumns, i: number, share: boolean): number {
  const n = obs.rawN(i) || 0;
  return share ? Math.round((obs.valueOf(i) * n) / 100) : obs.valueOf(i) * n;
}

/**
 * Whether a shown container figure, less the areas in it shown for its gender (one kind of area
 * at a time: the nation's municipalities, then its regions, then its regions with the municipalities outside them), leaves respondents who all answered
 * alike while an area in it is hidden or lacks that gender: every one of them positive or none, or
 * (a mean) averaging at the lowest or highest mean of the cell, which a scale's end would be. A
 * region at 100 % says each hidden municipality in it is at 100 %; counts and sizes the other rules
 * leave open do not hide that. For a mean, where the areas left unknown all have rows of that
 * gender (hidden ones), the rest must average exactly at the cell's end: one beyond it is no end.
 */
function alikeRest(obs: ObservationColumns, own: readonly number[], inside: readonly (readonly number[])[], ends: CellEnds, top: readonly (readonly number[])[] = inside): boolean {
  return own.some((box) => {
    if (!obs.isShown(box)) return false;
    const g = obs.genderId(box);
    const rowOf = (rows: readonly number[]) => rows.find((r) => obs.genderId(r) === g);
    const unknown = inside.filter((rows) => { const r = rowOf(rows); return r === undefined || !obs.isShown(r); });
    if (unknown.length === 0) return false;
    const lacking = unknown.some((rows) => rowOf(rows) === undefined);
    const kinds = new Set(inside.map((rows) => obs.kindOf(rows[0]!)));
    // Each kind of area apart, and (the nation) the regions with the municipalities outside them.
    const slices: (readonly (readonly number[])[])[] = [...kinds].map((kind) => inside.filter((rows) => obs.kindOf(rows[0]!) === kind));
    if (kinds.size > 1) slices.push(top);
    for (const slice of slices) {
      let mass = obs.rawN(box) || 0;
      let sum = answersOf(obs, box, ends.share);
      for (const rows of slice) {
        const r = rowOf(rows);
        if (r === undefined || !obs.isShown(r)) continue;
        mass -= obs.rawN(r) || 0;
        sum -= answersOf(obs, r, ends.share);
      }
      if (!(mass > 0) || !atEnd(sum, mass, ends.share ? 0 : ends.lo, ends.share ? 1 : ends.hi)) continue;
      if (ends.share || lacking || near(sum, mass, ends.lo) || near(sum, mass, ends.hi)) return true;
    }
    return false;
  });
}

/** Whether `mass` respondents whose answers sum to `sum` average `mean`, within `atEnd`'s slack. */
function near(sum: number, mass: number, mean: number): boolean {
  return Math.abs(sum - mean * mass) <= 1e-9 * mass * Math.max(1, Math.abs(mean));
}

/**
 * Whether container `box`, less `other` (a container overlapping it, neither holding the other),
 * could narrow a hidden area of `box`'s: the two cancel what they share, the municipalities they
 * both hold that have no shown row, so what protects an area in `box` only is what `box` leaves
 * out less what `other` leaves out (all of `other` when it is a group of unknown members). The
 * same test as `exposes`, on that smaller rest, for each gender both show.
 */
function throughOverlap(
  obs: ObservationColumns, box: Box, inside: readonly (readonly number[])[], other: Box, otherInside: readonly (readonly number[])[],
  shared: readonly string[], byCode: ReadonlyMap<string, readonly number[]>, min: number,
): boolean {
  if (shared.length === 0) return false;
  return box.rows.some((b) => {
    if (!obs.isShown(b)) return false;
    const g = obs.genderId(b);
    const c = other.rows.find((r) => obs.genderId(r) === g);
    if (c === undefined || !obs.isShown(c)) return false;
    const shownOf = (rows: readonly number[] | undefined) => rows?.find((r) => obs.genderId(r) === g && obs.isShown(r));
    // Nothing cancels where every municipality both hold is shown for this gender.
    if (shared.every((code) => shownOf(byCode.get(code)) !== undefined)) return false;
    // Areas of `box` to protect that `other` does not surely hold too (those cancel with it).
    const alone = inside.some((rows) => shownOf(rows) === undefined && (other.contains.guessed === true || !other.contains(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!))));
    if (!alone) return false;
    let held = 0;
    for (const rows of inside) {
      const part = heldBy(obs, rows, g);
      if (part === undefined) return true;
      held += part.n;
    }
    let otherHeld = 0;
    if (other.contains.guessed !== true) {
      for (const rows of otherInside) if (obs.kindOf(rows[0]!) === 'municipality') otherHeld += obs.rawN(shownOf(rows) ?? -1) || 0;
    }
    return (obs.rawN(b) || 0) - held - ((obs.rawN(c) || 0) - otherHeld) < min;
  });
}

/**
 * Whether a container's figures (`own`) less the areas in it (`inside`, each its rows) could narrow
 * a hidden one. The nation holds its municipalities and, again, its regions: less both at once it
 * would leave less than nothing whatever is hidden. So it is asked of each kind of area apart, and
 * of `top`, the areas in it not in another container in it (the regions in the data and the
 * municipalities outside them: less a region and the municipalities of regions absent from the
 * data, the nation bounds those hidden among the latter).
 */
function exposes(obs: ObservationColumns, own: readonly number[], inside: readonly (readonly number[])[], top: readonly (readonly number[])[], min: number): boolean {
  const kinds = new Set(inside.map((rows) => obs.kindId(rows[0]!)));
  if (kinds.size === 1) return exposesBy(obs, own, inside, min);
  for (const kind of kinds) if (exposesBy(obs, own, inside.filter((rows) => obs.kindId(rows[0]!) === kind), min)) return true;
  return exposesBy(obs, own, top, min);
}

/** `exposes` for areas of one kind. */
function exposesBy(obs: ObservationColumns, own: readonly number[], inside: readonly (readonly number[])[], min: number): boolean {
  const hidden = inside.some((rows) => rows.some((i) => !obs.isShown(i)));
  return own.some((box) => {
    let held = 0;
    let lacking = false;
    for (const rows of inside) {
      const part = heldBy(obs, rows, obs.genderId(box));
      if (part === undefined) return true;
      held += part.n;
      lacking ||= part.lacking;
    }
    return (obs.rawN(box) || 0) - held < min && (hidden || lacking);
  });
}

/**
 * The most of a container's figure for gender `g` an area in it can hold, from its rows: its own
 * figure for `g`; without one, its women and men (for the total) or its total less the other gender
 * (for women or men: they and those of no gender), `lacking` then. Undefined when its rows cannot
 * bound it: the whole rest could be that area's.
 */
function heldBy(obs: ObservationColumns, rows: readonly number[], g: number): { n: number; lacking: boolean } | undefined {
  const of = (gender: number) => {
    const i = rows.find((r) => obs.genderId(r) === gender);
    return i === undefined ? undefined : obs.rawN(i) || 0;
  };
  const own = of(g);
  if (own !== undefined) return { n: own, lacking: false };
  const [total, women, men] = [of(0), of(1), of(2)];
  if (g === 0) return women !== undefined && men !== undefined ? { n: women + men, lacking: true } : undefined;
  const other = g === 1 ? men : women;
  return total !== undefined && other !== undefined ? { n: total - other, lacking: true } : undefined;
}
