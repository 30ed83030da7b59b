import type { Better } from '../model/vocabulary.js';
import { KIND_ID, type ObservationColumns } from './observation-columns.js';
import { rank } from './rank.js';
import { round } from './round.js';

/** Each observation's rank among its cell's municipalities: `position` of `of`; `of` 0 for unranked. */
export interface Ranks {
  position: Int32Array;
  of: Int32Array;
}

/**
 * Ranks the municipalities shown in a cell (indicator × service × gender × period) by the value as
 * the report gives it (four decimals), for indicators with a better direction only.
 */
export function rankObservations(obs: ObservationColumns, directionOf: (indicator: string) => Better): Ranks {
  const position = new Int32Array(obs.size);
  const of = new Int32Array(obs.size);
  const byCell: (number[] | undefined)[] = new Array(obs.cells.size);
  for (let i = 0; i < obs.size; i++) {
    if (obs.kindId(i) !== KIND_ID.municipality || !obs.isShown(i)) continue;
    (byCell[obs.cellId(i)] ??= []).push(i);
  }
  for (const group of byCell) {
    if (group === undefined) continue;
    const better = directionOf(obs.indicatorOf(group[0]!));
    if (better === 'none') continue;
    const ranks = rank(group.map((i) => round(obs.valueOf(i), 4)), better);
    for (let k = 0; k < group.length; k++) {
      position[group[k]!] = ranks[k]!;
      of[group[k]!] = group.length;
    }
  }
  return { position, of };
}
