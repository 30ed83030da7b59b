import { KeyNumbers } from '../model/row-index.js';
import type { ObservationColumns } from './observation-columns.js';

/**
 * The observations of each suppression cell with respondents counted (shares, and values such as
 * a mean over n people: a total's n and sum give a hidden gender's mean alike), in order of first
 * appearance.
 */
export function suppressionCells(obs: ObservationColumns): number[][] {
  const numbers = new KeyNumbers();
  const cells: number[][] = [];
  for (let i = 0; i < obs.size; i++) {
    if (!obs.hasN(i)) continue;
    const c = numbers.id(obs.indicatorId(i), obs.serviceId(i), obs.periodId(i));
    if (c === cells.length) cells.push([i]);
    else cells[c]!.push(i);
  }
  return cells;
}
