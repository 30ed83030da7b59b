import { firstExposed, type Disclosed, type IndexedGroup } from './disclosure.js';

export type { IndexedGroup } from './disclosure.js';

export type SuppressionReason = 'below-threshold' | 'secondary';

/**
 * A linear relation between cells: total = Σ parts (women + men + unknown gender = total;
 * members = organisation).
 */
export interface CellGroup {
  total: string;
  parts: readonly string[];
}


/**
 * The answers of cells of means: each cell's sum of answers (mean × n), and the lowest and highest
 * mean any cell of the suppression cell has. A reader who knows a scale's end (5 on 1–5) and sees
 * the hidden parts of a group average exactly there knows every hidden part's mean; tillit does not
 * know the scale, so the cell's own extremes stand in for its ends (an average at the highest mean
 * of the cell has every part there, whatever the scale).
 */
export interface MeanAnswers {
  sum: ArrayLike<number>;
  lo: number;
  hi: number;
}

/**
 * `suppressCells`' answer per cell: 0 shown, 1 below the threshold, 2 hidden to protect another,
 * 3 never published and needing no protection (an unknown-gender residual of `min` or more).
 */
export const SHOWN = 0;
export const BELOW = 1;
export const SECONDARY = 2;
export const UNPUBLISHED = 3;
/**
 * 4: a free cell (`residual[i]` = 2): what a reader cannot see and tillit does not know either,
 * such as the respondents of areas absent from the data or a gender an area has no row for. Never
 * published, never a target, at least 0; it only carries a relation.
 */
export const FREE = 4;

/**
 * Primary and secondary suppression over cells numbered 0 … n.length − 1 (see `suppress`), without
 * a text or an array per cell and group: a national report suppresses 459 000 cells. `before(a, b)`
 * breaks ties in n (negative when cell a goes first); it is asked only when two counts are equal.
 * `residual[i]` = 1 marks a cell that is never published (the respondents of unknown gender: total
 * − women − men): below `min` it is hidden like any small cell; from `min` on it needs no protection.
 * `positive[i]`, when given, is the cell's positive answers: a group whose hidden parts a reader can
 * tell all answered alike (none positive, or every one) gives their answers away, and is protected too.
 * Cells of means (`positive` undefined) have no answers to count: only their n is solved for, and,
 * with `means`, a group whose hidden parts average at the cell's lowest or highest mean (every one
 * of them has that mean) is protected as one whose parts all answered alike.
 * `positiveRange` gives, where a share was rounded, the least and most a shown cell's positive count can be.
 * Returns each cell's reason and the secondary cells in the order they were hidden.
 */
export function suppressCells(
  n: ArrayLike<number>, groups: readonly IndexedGroup[], min: number, before: (a: number, b: number) => number,
  residual?: ArrayLike<number>, positive?: ArrayLike<number>, means?: MeanAnswers, positiveRange?: Disclosed['positiveRange'],
): { reason: Uint8Array; secondary: number[] } {
  const reason = new Uint8Array(n.length);
  let unpublished = 0;
  for (let i = 0; i < n.length; i++) {
    if (residual !== undefined && residual[i] === 2) reason[i] = FREE;
    else if (n[i]! < min) reason[i] = BELOW;
    else if (residual !== undefined && residual[i] === 1) (reason[i] = UNPUBLISHED), unpublished++;
  }
  // known[i] = 1: a reader has the cell's n, shown or worked out (a residual whose groups give it).
  const known = new Uint8Array(n.length);
  const learn = (): void => {
    for (;;) {
      for (let i = 0; i < n.length; i++) known[i] = reason[i] === SHOWN ? 1 : 0;
      const shield = learnResiduals(groups, known, reason, unpublished);
      if (shield < 0) return;
      // A relation only the config makes would give a residual away, and through it a member's
      // figure a report without the config shows: one of the organisation's own goes instead.
      reason[shield] = SECONDARY;
      secondary.push(shield);
    }
  };
  // The groups each cell is the total of: a hidden total has at least as many respondents as its parts.
  const totalOf: number[][] = [];
  groups.forEach((g, k) => g.total >= 0 && (totalOf[g.total] ??= []).push(k));
  const least = (id: number, depth: number): number => {
    if (known[id] === 1) return n[id]!;
    if (reason[id] === FREE) return 0;
    let out = 1;
    if (depth < 3) {
      for (const k of totalOf[id] ?? []) {
        let parts = 0;
        for (const p of groups[k]!.parts) if (p >= 0 && p !== id) parts += least(p, depth + 1);
        if (parts > out) out = parts;
      }
    }
    return out;
  };
  const secondary: number[] = [];
  const shield = (g: IndexedGroup): number => shieldOf(g, groups, reason);
  const hide = (i: number): void => {
    reason[i] = SECONDARY;
    secondary.push(i);
    if (unpublished > 0) learn();
    else known[i] = 0;
  };
  // One group at a time first: cheap, and enough wherever groups do not share hidden cells.
  const spread = (): void => {
    for (let changed = true; changed;) {
      changed = false;
      for (const g of groups) {
        const next = exposedBy(g, n, reason, known, min, before, least, positive, means, shield);
        if (next >= 0) (hide(next), (changed = true));
      }
    }
  };
  learn();
  spread();
  // Then what a reader who combines groups can solve for, where groups share cells.
  for (const component of linkedComponents(groups, reason)) {
    for (;;) {
      const shown = Uint8Array.from(reason, (r) => (r === SHOWN ? 1 : 0));
      const exposed = firstExposed({ n, positive, groups: component, shown, ...(positiveRange === undefined ? {} : { positiveRange }) }, targetsOf(component, reason), min);
      if (exposed < 0) break;
      const next = neighbourToHide(exposed, component, n, reason, before);
      if (next < 0) break;
      hide(next);
      spread();
    }
  }
  return { reason, secondary };
}

/** Hidden cells a reader must not narrow down: every cell held back, less residuals of `min` or more. */
function targetsOf(groups: readonly IndexedGroup[], reason: Uint8Array): number[] {
  const out = new Set<number>();
  for (const g of groups) for (const id of [g.total, ...g.parts]) if (id >= 0 && (reason[id] === BELOW || reason[id] === SECONDARY)) out.add(id);
  return [...out].sort((a, b) => a - b);
}

/**
 * The groups that share cells with another group, split into sets a reader can combine (connected
 * through shared cells), each holding a hidden cell. A lone group is left to `exposedBy`, which
 * answers it exactly; a national report without an organisation has no linked groups at all.
 */
function linkedComponents(all: readonly IndexedGroup[], reason: Uint8Array): IndexedGroup[][] {
  // A group without its total (no organisation row for a gender) relates nothing.
  const groups = all.filter((g) => g.total >= 0);
  if (!sharesCells(groups, reason.length)) return [];
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const cellsOf = (g: IndexedGroup) => [g.total, ...g.parts].filter((id) => id >= 0);
  for (const g of groups) {
    const cells = cellsOf(g);
    for (const id of cells) if (!parent.has(id)) parent.set(id, id);
    for (const id of cells.slice(1)) parent.set(find(id), find(cells[0]!));
  }
  const byRoot = new Map<number, IndexedGroup[]>();
  for (const g of groups) {
    const cells = cellsOf(g);
    if (cells.length > 0) byRoot.set(find(cells[0]!), [...(byRoot.get(find(cells[0]!)) ?? []), g]);
  }
  return [...byRoot.values()].filter((c) => c.length > 1 && c.some((g) => cellsOf(g).some((id) => reason[id] !== SHOWN)));
}

/** Whether any cell is in two groups: the common case of a national report is no (one pass, no objects). */
function sharesCells(groups: readonly IndexedGroup[], cells: number): boolean {
  const seen = new Uint8Array(cells);
  for (const g of groups) {
    for (let k = -1; k < g.parts.length; k++) {
      const id = k < 0 ? g.total : g.parts[k]!;
      if (id < 0) continue;
      if (seen[id] === 1) return true;
      seen[id] = 1;
    }
  }
  return false;
}

/**
 * The cell to hide when a reader can narrow `exposed` down: the shown cell with the smallest n
 * among those sharing a group with it, else in the whole component (ties by `before`); -1 when
 * nothing is shown.
 */
function neighbourToHide(
  exposed: number, component: readonly IndexedGroup[], n: ArrayLike<number>, reason: Uint8Array, before: (a: number, b: number) => number,
): number {
  const smallest = (groups: readonly IndexedGroup[]): number => {
    let next = -1;
    for (const g of groups) {
      for (const id of [g.total, ...g.parts]) {
        if (id < 0 || reason[id] !== SHOWN) continue;
        if (next < 0 || n[id]! < n[next]! || (n[id] === n[next] && before(id, next) < 0)) next = id;
      }
    }
    return next;
  };
  const holding = component.filter((g) => g.total === exposed || g.parts.includes(exposed));
  // Where containers' relations reach it (through its area's figures, and up through containers
  // hidden already), the smallest shown container goes first: the areas in it stay. The
  // organisation is a container here too (see `IndexedGroup.hideTotal`).
  const reach = new Set<number>([exposed]);
  for (const g of holding) for (const id of [g.total, ...g.parts]) if (id >= 0) reach.add(id);
  let box = -1;
  for (let grew = true; grew;) {
    grew = false;
    for (const g of component) {
      if ((g.container !== true && g.hideTotal !== true) || g.total < 0 || !g.parts.some((p) => reach.has(p))) continue;
      if (reason[g.total] === SHOWN) {
        if (box < 0 || n[g.total]! < n[box]! || (n[g.total] === n[box] && before(g.total, box) < 0)) box = g.total;
      } else if (!reach.has(g.total)) (reach.add(g.total), (grew = true));
    }
  }
  if (box >= 0) return box;
  const near = smallest(holding);
  return near >= 0 ? near : smallest(component);
}

/**
 * Marks the residuals a reader works out (a group's lone unknown), group after group. Returns -1, or
 * the organisation's figure to hide first where a relation only the config makes (`hideTotal`)
 * would give one away and one of the organisation's shown figures in it is no sum of shown members.
 */
function learnResiduals(groups: readonly IndexedGroup[], known: Uint8Array, reason: Uint8Array, unpublished: number): number {
  for (let again = unpublished > 0; again;) {
    again = false;
    for (const g of groups) {
      const lone = loneUnknown(g, known);
      if (lone < 0 || reason[lone] !== UNPUBLISHED) continue;
      const shield = g.hideTotal === true ? shieldOf(g, groups, reason) : -1;
      if (shield >= 0) return shield;
      known[lone] = 1;
      again = true;
    }
  }
  return -1;
}

/** A shown cell of `g` that is the total of another config relation with a part not shown (a figure of the organisation no reader can add up), or -1. */
function shieldOf(g: IndexedGroup, groups: readonly IndexedGroup[], reason: Uint8Array): number {
  for (const id of [g.total, ...g.parts]) {
    if (id < 0 || reason[id] !== SHOWN) continue;
    if (groups.some((h) => h !== g && h.hideTotal === true && h.total === id && h.parts.some((p) => p < 0 || reason[p] !== SHOWN))) return id;
  }
  return -1;
}

/** The one cell of a group a reader does not know, or -1 when there are none or several. */
function loneUnknown(g: IndexedGroup, known: Uint8Array): number {
  let lone = -1;
  for (let k = -1; k < g.parts.length; k++) {
    const id = k < 0 ? g.total : g.parts[k]!;
    if (id < 0 || known[id] === 1 || id === lone) continue;
    if (lone >= 0) return -1;
    lone = id;
  }
  return lone;
}

/**
 * The cell to hide next in a group, or -1 when the group gives nothing away. A group gives a hidden
 * cell away when it is the group's only cell a reader does not know (total − the others pins it),
 * unless it is a residual that needs no protection; or when the total is known and what the known
 * cells leave for the others, less the least each other one must hold (1, or its parts' least when
 * it is a total), is below `min`, so a reader would know a hidden part is small. The cell to hide is
 * the group's shown cell with the smallest n (ties by `before`).
 */
function exposedBy(
  g: IndexedGroup, n: ArrayLike<number>, reason: Uint8Array, known: Uint8Array, min: number,
  before: (a: number, b: number) => number, least: (id: number, depth: number) => number, positive: ArrayLike<number> | undefined,
  means: MeanAnswers | undefined, shield: (g: IndexedGroup) => number,
): number {
  // A relation without its total (the organisation has no row for a gender) gives no part away:
  // hiding a member's cell for it hid what a report without the config shows (a helper's attack).
  if (g.total < 0) return -1;
  let hidden = 0;
  let lone = -1;
  let next = -1;
  let hiddenParts = 0;
  let hiddenMass = g.total >= 0 ? n[g.total]! : 0;
  let hiddenPositive = g.total >= 0 && positive !== undefined ? positive[g.total]! : 0;
  let hiddenSum = g.total >= 0 && means !== undefined ? means.sum[g.total]! : 0;
  let hiddenLeast = 0;
  let hiddenLeastMin = Number.POSITIVE_INFINITY;
  // k = -1 is the total; a loop, not a closure per group (a national report has ~10⁶ group visits).
  for (let k = -1; k < g.parts.length; k++) {
    const id = k < 0 ? g.total : g.parts[k]!;
    if (id < 0) continue;
    if (known[id] !== 1) {
      hidden++;
      lone = id;
      if (k >= 0) {
        const l = least(id, 0);
        hiddenLeast += l;
        // A free part (absent areas) is no secret of its own: it only gives the others room.
        if (reason[id] !== FREE) {
          hiddenParts++;
          if (l < hiddenLeastMin) hiddenLeastMin = l;
        }
      }
      continue;
    }
    if (k >= 0) {
      hiddenMass -= n[id]!;
      if (positive !== undefined) hiddenPositive -= positive[id]!;
      if (means !== undefined) hiddenSum -= means.sum[id]!;
    }
    if (reason[id] === SHOWN && (next < 0 || n[id]! < n[next]! || (n[id] === n[next] && before(id, next) < 0))) next = id;
  }
  if (next < 0) return -1;
  // A container's relation that gives a part away: the container goes, not an area in it; so does
  // the organisation's (a figure only the config makes): first one of its figures no reader can
  // add up from shown members (its total may be their sum, and hiding it would hide nothing).
  if (g.container === true && reason[g.total] === SHOWN) next = g.total;
  if (g.hideTotal === true) {
    const own = shield(g);
    if (own >= 0) next = own;
    else if (reason[g.total] === SHOWN) next = g.total;
  }
  if (hidden === 1 && reason[lone] !== UNPUBLISHED && reason[lone] !== FREE) return next;
  const totalKnown = g.total >= 0 && known[g.total] === 1;
  // The largest a hidden part can be: what is left less the least the other hidden parts hold
  // (the part that must hold the least is the one left with the least room).
  if (totalKnown && hiddenParts > 0 && hiddenMass - (hiddenLeast - hiddenLeastMin) < min) return next;
  // A container's rest of means at an end is `alikeRest`'s (protect-containers.ts): the areas absent
  // from it may average beyond the cell's ends. Shares have real ends (none positive, or all).
  if (g.container === true && positive === undefined) return -1;
  // Hidden parts known to have answered all alike (none positive, or all) would say how each answered.
  if (totalKnown && hiddenParts > 0 && positive !== undefined && (hiddenPositive <= 0 || hiddenPositive >= hiddenMass)) return next;
  if (totalKnown && hiddenParts > 0 && means !== undefined && atEnd(hiddenSum, hiddenMass, means.lo, means.hi)) return next;
  return -1;
}

/**
 * Whether `mass` respondents whose answers sum to `sum` average at `lo` or `hi` (or beyond), the
 * ends their means lie within: then each of them is there. Sums of decimal means are not exact in
 * binary; a relative slack far below any published rounding absorbs that.
 * @example atEnd(250, 50, 1, 5) // true: 50 respondents averaging 5 on 1–5
 */
export function atEnd(sum: number, mass: number, lo: number, hi: number): boolean {
  if (!(mass > 0)) return false;
  const slack = 1e-9 * mass * Math.max(1, Math.abs(lo), Math.abs(hi));
  return sum <= lo * mass + slack || sum >= hi * mass - slack;
}

/**
 * Primary and secondary suppression. Primary: every cell with n below `min` is hidden. Secondary:
 * in a group where total = Σ parts, a single hidden member could be worked out from the others, and
 * a shown total with little left over for its hidden parts says they are small; so while a group
 * does either, its shown member with the smallest n (then the smallest id, for determinism) is
 * hidden too. Repeats until stable, across groups. Cells in `residual` are never published (see
 * `suppressCells`). Returns id → reason for hidden cells (primary ones first); cells absent from the
 * map are publishable.
 * @example suppress(new Map([['T',50],['K',35],['M',15]]), [{total:'T',parts:['K','M']}], 30)
 * // Map { 'M' => 'below-threshold', 'K' => 'secondary' }
 * @internal Exported for its tests; no other module uses it.
 */
export function suppress(
  n: ReadonlyMap<string, number>, groups: readonly CellGroup[], min: number, residual: ReadonlySet<string> = new Set(),
): Map<string, SuppressionReason> {
  const ids = [...n.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string) => index.get(id) ?? -1;
  const { reason, secondary } = suppressCells(
    [...n.values()],
    groups.map((g) => ({ total: at(g.total), parts: g.parts.map(at) })),
    min,
    (a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0),
    ids.map((id) => (residual.has(id) ? 1 : 0)),
  );
  const hidden = new Map<string, SuppressionReason>();
  reason.forEach((r, i) => r === BELOW && hidden.set(ids[i]!, 'below-threshold'));
  for (const i of secondary) hidden.set(ids[i]!, 'secondary');
  return hidden;
}
