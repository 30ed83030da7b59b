/**
 * The first row seen with each key of three small whole numbers, numbered as they first appear: a
 * budget row's area code, month and activity; a quality observation's area and cell; an answer
 * group's area, period and question. While the three ranges are small the rows sit in one typed
 * array indexed by the key, the middle number outermost (a national budget file, month by month:
 * 290 codes × 132 months × 13 activities, 8 MB); past `MAX_SLOTS` they move to a map. A map from
 * the start took 95 ms of a national budget file's 1.1 s: half a million entries, each hashed.
 */
export interface RowIndex {
  /** The row first seen with this key; or, when none was, -1 after noting `row` as that first. */
  claim(code: number, month: number, activity: number, row: number): number;
  /** The row first seen with this key, or -1 when none was (nothing is noted). */
  find(code: number, month: number, activity: number): number;
}

/**
 * Distinct keys of three small whole numbers, numbered 0, 1, … in order of first appearance (as
 * `TextIndex` numbers texts); `size` is how many there are.
 */
export class KeyNumbers {
  private readonly index = createRowIndex();
  size = 0;

  id(a: number, b: number, c: number): number {
    const prior = this.index.claim(a, b, c, this.size);
    return prior >= 0 ? prior : this.size++;
  }
}

/** 4M slots (16 MB) at most in the typed array. */
const MAX_SLOTS = 1 << 22;

export function createRowIndex(maxSlots = MAX_SLOTS): RowIndex {
  // Capacities of the three ranges, powers of two, from one each (a range that stays one value,
  // as in a key of two numbers, costs nothing); row + 1 per slot, 0 for none.
  let codes = 1;
  let months = 1;
  let activities = 1;
  let slots: Int32Array | undefined = new Int32Array(codes * months * activities);
  let map: Map<string, number> | undefined;
  const at = (c: number, m: number, a: number) => (m * codes + c) * activities + a;

  /** Lays the slots out for larger ranges, or moves them to the map when that would be too many. */
  function grow(c: number, m: number, a: number): void {
    let [nc, nm, na] = [codes, months, activities];
    while (c >= nc) nc *= 2;
    while (m >= nm) nm *= 2;
    while (a >= na) na *= 2;
    const old = slots!;
    const place = (to: (c: number, m: number, a: number, row: number) => void) => {
      for (let om = 0; om < months; om++) {
        for (let oc = 0; oc < codes; oc++) {
          for (let oa = 0; oa < activities; oa++) {
            const v = old[at(oc, om, oa)]!;
            if (v !== 0) to(oc, om, oa, v - 1);
          }
        }
      }
    };
    if (nc * nm * na > maxSlots) {
      const m2 = new Map<string, number>();
      place((oc, om, oa, row) => m2.set(`${oc},${om},${oa}`, row));
      map = m2;
      slots = undefined;
      return;
    }
    const next = new Int32Array(nc * nm * na);
    // Months outermost: more months alone (a file read month by month) keep every slot where it is.
    if (nc === codes && na === activities) next.set(old);
    else {
      place((oc, om, oa, row) => {
        next[(om * nc + oc) * na + oa] = row + 1;
      });
    }
    [codes, months, activities, slots] = [nc, nm, na, next];
  }

  return {
    claim(c, m, a, row) {
      if (slots !== undefined && (c >= codes || m >= months || a >= activities)) grow(c, m, a);
      if (slots !== undefined) {
        const i = at(c, m, a);
        const prior = slots[i]!;
        if (prior !== 0) return prior - 1;
        slots[i] = row + 1;
        return -1;
      }
      const key = `${c},${m},${a}`;
      const prior = map!.get(key);
      if (prior !== undefined) return prior;
      map!.set(key, row);
      return -1;
    },
    find(c, m, a) {
      if (slots !== undefined) return c >= codes || m >= months || a >= activities ? -1 : slots[at(c, m, a)]! - 1;
      return map!.get(`${c},${m},${a}`) ?? -1;
    },
  };
}
