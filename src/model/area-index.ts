import type { Area } from './register.js';

/**
 * Distinct areas numbered 0, 1, … as they first come, for a table's rows to point into: an area
 * is found by its object first (a file's rows share them), else by kind and code (a worker's copy
 * of an area, or another file's).
 */
export class AreaIndex {
  readonly values: Area[] = [];
  private readonly ids = new Map<Area, number>();
  private readonly keys = new Map<string, number>();

  id(area: Area): number {
    let id = this.ids.get(area);
    if (id !== undefined) return id;
    const key = `${area.kind}\u0000${area.code}`;
    id = this.keys.get(key);
    if (id === undefined) {
      id = this.values.push(area) - 1;
      this.keys.set(key, id);
    }
    this.ids.set(area, id);
    return id;
  }
}
