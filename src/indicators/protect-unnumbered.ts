import { MUNICIPALITIES, type AreaKind } from '../model/register.js';
import type { Contains } from './containers.js';
import { HIDDEN_SECONDARY, type ObservationColumns } from './observation-columns.js';

/**
 * A container's figure without a number of respondents (a region's, a kommunalförbund's, a group's,
 * the nation's or the organisation's own share from a file with no n column), beside the areas it
 * holds: it is no relation the suppression has (it counts no one), but where every area it holds is
 * in the data its share is theirs pooled, and with theirs shown it gives the hidden one's away: region
 * 09's 83,3 % beside Gotland's hidden 12 was Gotland's (a helper's attack); a kommunalförbund of two
 * at 67,7 % beside one member's 30 of 50 left the other's 12 all positive, or 14 of 15, 16 of 18.
 * Such a figure is hidden, in its gender, where each area it holds has a figure of the cell (none is
 * absent, whose unknown respondents would dilute it) and one of them is hidden or lacks that gender's
 * row. Repeated while hiding one (a kommunalförbund member of the organisation) hides another.
 */
export function protectUnnumbered(obs: ObservationColumns, containers: (code: string, kind: AreaKind) => Contains | undefined, orgId: number, poolIds: readonly number[]): void {
  const unnumbered: number[] = [];
  let anyHidden = false;
  for (let i = 0; i < obs.size; i++) {
    if (!obs.isShown(i)) anyHidden = true;
    else if (!obs.hasN(i) && obs.kindOf(i) !== 'municipality') unnumbered.push(i);
  }
  if (!anyHidden || unnumbered.length === 0) return;
  // Each place's rows (indicator, service, period; every gender) by area.
  const placeOf = (i: number) => `${obs.indicatorId(i)}\u0000${obs.serviceId(i)}\u0000${obs.periodId(i)}`;
  const wanted = new Set(unnumbered.map(placeOf));
  const rows = new Map<string, Map<number, number[]>>();
  for (let i = 0; i < obs.size; i++) {
    const place = placeOf(i);
    if (!wanted.has(place)) continue;
    const areas = rows.get(place) ?? rows.set(place, new Map()).get(place)!;
    (areas.get(obs.areaId(i)) ?? areas.set(obs.areaId(i), []).get(obs.areaId(i))!).push(i);
  }
  const ids = new Map(obs.areaCodes.values.map((code, id) => [code, id]));
  const held = new Map<number, number[] | undefined>();
  const heldOf = (i: number): number[] | undefined => {
    const area = obs.areaId(i);
    if (!held.has(area)) held.set(area, heldAreas(obs, i, containers, orgId, poolIds, ids));
    return held.get(area);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const i of unnumbered) {
      if (!obs.isShown(i)) continue;
      const inside = heldOf(i);
      const areas = rows.get(placeOf(i))!;
      if (inside === undefined || inside.length === 0) continue;
      let exposed = false;
      let absent = false;
      for (const a of inside) {
        const own = areas.get(a);
        if (own === undefined) {
          absent = true;
          break;
        }
        const same = own.find((j) => obs.genderId(j) === obs.genderId(i));
        if (same === undefined || !obs.isShown(same)) exposed = true;
      }
      if (absent || !exposed) continue;
      obs.hidden[i] = HIDDEN_SECONDARY;
      changed = true;
    }
  }
}

/** The areas (ids) a container's figure holds: its municipalities, listed members, or the organisation's; undefined where tillit does not know them. */
function heldAreas(
  obs: ObservationColumns, i: number, containers: (code: string, kind: AreaKind) => Contains | undefined, orgId: number, poolIds: readonly number[], ids: ReadonlyMap<string, number>,
): number[] | undefined {
  if (obs.areaId(i) === orgId) return [...poolIds];
  const contains = containers(obs.areaCode(i), obs.kindOf(i));
  if (contains === undefined) return undefined;
  const codes = contains.listed ?? [...MUNICIPALITIES.keys()].filter((c) => contains(c, 'municipality'));
  // An area absent from the report's data has no id: -1, absent from every place.
  return codes.map((c) => ids.get(c) ?? -1);
}
