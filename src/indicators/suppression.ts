export type SuppressionReason = 'below-threshold' | 'secondary';

/** A linear relation between published cells: total = Σ parts (women + men = total; members = organisation). */
export interface CellGroup {
  total: string;
  parts: readonly string[];
}

/**
 * Primary and secondary suppression. Primary: every cell with n below `min` is hidden. Secondary:
 * in a group where total = Σ parts, a single hidden member could be worked out from the others,
 * so while any group has exactly one hidden member, the shown member with the smallest n (then
 * the smallest id, for determinism) is hidden too. Repeats until stable, across groups.
 * Returns id → reason for hidden cells; cells absent from the map are publishable.
 * @example suppress(new Map([['T',50],['K',35],['M',15]]), [{total:'T',parts:['K','M']}], 30)
 * // Map { 'M' => 'below-threshold', 'K' => 'secondary' }
 */
export function suppress(n: ReadonlyMap<string, number>, groups: readonly CellGroup[], min: number): Map<string, SuppressionReason> {
  const hidden = new Map<string, SuppressionReason>();
  for (const [id, count] of n) if (count < min) hidden.set(id, 'below-threshold');
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const members = [g.total, ...g.parts].filter((id) => n.has(id));
      const hiddenCount = members.filter((id) => hidden.has(id)).length;
      if (hiddenCount !== 1) continue;
      const next = members
        .filter((id) => !hidden.has(id))
        .sort((a, b) => n.get(a)! - n.get(b)! || (a < b ? -1 : a > b ? 1 : 0))[0];
      if (next !== undefined) {
        hidden.set(next, 'secondary');
        changed = true;
      }
    }
  }
  return hidden;
}
