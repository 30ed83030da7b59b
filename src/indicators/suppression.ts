export type SuppressionReason = 'below-threshold' | 'secondary';

/** A linear relation between published cells: total = Σ parts (women + men = total; members = organisation). */
export interface CellGroup {
  total: string;
  parts: readonly string[];
}

/** A `CellGroup` over cell numbers; -1 stands for a cell that is not there. */
export interface IndexedGroup {
  total: number;
  parts: readonly number[];
}

/** `suppressCells`' answer: per cell 0 (shown), 1 (below the threshold) or 2 (secondary). */
export const SHOWN = 0;
export const BELOW = 1;
export const SECONDARY = 2;

/**
 * Primary and secondary suppression over cells numbered 0 … n.length − 1 (see `suppress`), without
 * a text or an array per cell and group: a national report suppresses 459 000 cells. `before(a, b)`
 * breaks ties in n (negative when cell a goes first); it is asked only when two counts are equal.
 * Returns each cell's reason and the secondary cells in the order they were hidden.
 */
export function suppressCells(
  n: ArrayLike<number>, groups: readonly IndexedGroup[], min: number, before: (a: number, b: number) => number,
): { reason: Uint8Array; secondary: number[] } {
  const reason = new Uint8Array(n.length);
  for (let i = 0; i < n.length; i++) if (n[i]! < min) reason[i] = BELOW;
  const secondary: number[] = [];
  let hiddenCount = 0;
  let next = -1;
  const visit = (id: number): void => {
    if (id < 0) return;
    if (reason[id] !== SHOWN) hiddenCount++;
    else if (next < 0 || n[id]! < n[next]! || (n[id] === n[next] && before(id, next) < 0)) next = id;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      hiddenCount = 0;
      next = -1;
      visit(g.total);
      for (const p of g.parts) visit(p);
      if (hiddenCount !== 1 || next < 0) continue;
      reason[next] = SECONDARY;
      secondary.push(next);
      changed = true;
    }
  }
  return { reason, secondary };
}

/**
 * Primary and secondary suppression. Primary: every cell with n below `min` is hidden. Secondary:
 * in a group where total = Σ parts, a single hidden member could be worked out from the others,
 * so while any group has exactly one hidden member, the shown member with the smallest n (then
 * the smallest id, for determinism) is hidden too. Repeats until stable, across groups.
 * Returns id → reason for hidden cells (primary ones first); cells absent from the map are publishable.
 * @example suppress(new Map([['T',50],['K',35],['M',15]]), [{total:'T',parts:['K','M']}], 30)
 * // Map { 'M' => 'below-threshold', 'K' => 'secondary' }
 * @internal Exported for its tests; no other module uses it.
 */
export function suppress(n: ReadonlyMap<string, number>, groups: readonly CellGroup[], min: number): Map<string, SuppressionReason> {
  const ids = [...n.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string) => index.get(id) ?? -1;
  const { reason, secondary } = suppressCells(
    [...n.values()],
    groups.map((g) => ({ total: at(g.total), parts: g.parts.map(at) })),
    min,
    (a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0),
  );
  const hidden = new Map<string, SuppressionReason>();
  reason.forEach((r, i) => r === BELOW && hidden.set(ids[i]!, 'below-threshold'));
  for (const i of secondary) hidden.set(ids[i]!, 'secondary');
  return hidden;
}
