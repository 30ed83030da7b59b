import { HIDDEN_SECONDARY, type ObservationColumns } from './observation-columns.js';

/** How many steps one search for counts adding up to another may take before it is taken to. */
const SEARCH_STEPS = 20_000;

/**
 * Counts of respondents given as indicators of their own ("Antal svarande") beside what they count,
 * after suppression:
 * - a share and the count it took its n from are one cell: either hidden hides both (a count of 20
 *   shown beside its hidden share was that share's n; a share shown has its n);
 * - a count that is the sum of two or more other counts of its place (file, area, period, service
 *   and gender) with a hidden one among them is hidden: a file's "Äldreomsorg totalt, antal
 *   svarande" 112 less "Hemtjänst, antal svarande" 100 gave "Särskilt boende"'s hidden 12, and its
 *   share with it (a helper's attack). Totals of services are left out before (`service-totals`);
 *   these are totals of indicators, which only their counts tell. Where the search for such sets
 *   runs out of steps beside a hidden count, the count is hidden too.
 * Repeated until nothing changes: hiding only ever hides more.
 */
export function protectCounts(obs: ObservationColumns, links: readonly (readonly [share: number, count: number])[]): void {
  const places = new Map<string, number[]>();
  for (let i = 0; i < obs.size; i++) {
    if (!obs.isCount(i)) continue;
    const key = `${obs.fileId(i)}\u0000${obs.areaId(i)}\u0000${obs.periodId(i)}\u0000${obs.serviceId(i)}\u0000${obs.genderId(i)}`;
    (places.get(key) ?? places.set(key, []).get(key)!).push(i);
  }
  const groups = [...places.values()].filter((g) => g.length >= 3);
  for (let changed = true; changed;) {
    changed = false;
    for (const [share, count] of links) {
      if (obs.isShown(share) === obs.isShown(count)) continue;
      obs.hidden[obs.isShown(share) ? share : count] = HIDDEN_SECONDARY;
      changed = true;
    }
    for (const group of groups) {
      if (group.every((i) => obs.isShown(i))) continue;
      for (const c of group) {
        if (!obs.isShown(c) || !sumsWithHidden(obs, c, group)) continue;
        obs.hidden[c] = HIDDEN_SECONDARY;
        changed = true;
      }
    }
  }
}

/** Whether count `c` is the sum of two or more others of `group` with a hidden one among them (or the search ran out). */
function sumsWithHidden(obs: ObservationColumns, c: number, group: readonly number[]): boolean {
  const target = obs.valueOf(c);
  const others = group.filter((i) => i !== c && obs.valueOf(i) > 0 && obs.valueOf(i) <= target).sort((a, b) => obs.valueOf(b) - obs.valueOf(a));
  const after = new Array<number>(others.length + 1).fill(0);
  for (let k = others.length - 1; k >= 0; k--) after[k] = after[k + 1]! + obs.valueOf(others[k]!);
  let steps = 0;
  let found = false;
  const search = (from: number, sum: number, parts: number, hidden: boolean): boolean => {
    if (++steps > SEARCH_STEPS) return false;
    if (sum === target && parts >= 2 && hidden) return !(found = true);
    for (let k = from; k < others.length; k++) {
      if (sum + after[k]! < target) break;
      const v = obs.valueOf(others[k]!);
      if (sum + v > target) continue;
      if (!search(k + 1, sum + v, parts + 1, hidden || !obs.isShown(others[k]!))) return false;
    }
    return true;
  };
  const done = search(0, 0, 0, false);
  return found || (!done && others.some((i) => !obs.isShown(i)));
}
