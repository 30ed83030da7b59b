/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument and throws a RangeError once there are more than the stack holds (~100 000): rows,
 * findings and matches come from data and have no such bound.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Smallest and largest of the numbers, without spreading them into arguments (see `appendAll`). */
export function minMax(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
