import type { Gender } from '../model/records.js';
import { detach } from '../model/text.js';
import { GENDER_INDEX } from '../model/words.js';


/** Copies of key texts (see `detach`), one per distinct text: a look-up instead of a copy each time. */
function textPool(): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    let copy = pool.get(text);
    if (copy === undefined) pool.set((copy = detach(text)), copy);
    return copy;
  };
}

/**
 * Answer groups (area × period × question × service × gender) found through nested maps, so a
 * national file's millions of rows build no key text each: the area key and period are texts the
 * reader shares between rows, and a map remembers a text's hash. Service comes before question:
 * a respondent's run of rows shares area, period and service, and only the question is looked up.
 */
export class GroupIndex<T> {
  private readonly index = new Map<string, Map<string, Map<string, Map<string, (T | undefined)[]>>>>();
  private lastArea: string | undefined;
  private lastPeriod: string | undefined;
  private lastService: string | undefined;
  private lastQuestions: Map<string, (T | undefined)[]> = new Map();
  private readonly own = textPool();

  /**
   * The gender slots (T, K, M) of the group with these other parts, created when missing; index
   * with `slot`. Parts become keys as copies (`detach`): a cell cut from a block would keep the
   * whole block alive (2M rows: 130 MB of blocks held until the end of reading).
   */
  slots(area: string, period: string, indicator: string, service: string): (T | undefined)[] {
    let byQuestion = this.lastQuestions;
    if (area !== this.lastArea || period !== this.lastPeriod || service !== this.lastService) {
      const byPeriod = this.index.get(area) ?? this.index.set(this.own(area), new Map()).get(area)!;
      const byService = byPeriod.get(period) ?? byPeriod.set(this.own(period), new Map()).get(period)!;
      byQuestion = byService.get(service) ?? byService.set(this.own(service), new Map()).get(service)!;
      // Kept as the pooled copies: a cell cut from a block would keep the block alive.
      this.lastArea = this.own(area);
      this.lastPeriod = this.own(period);
      this.lastService = this.own(service);
      this.lastQuestions = byQuestion;
    }
    return byQuestion.get(indicator) ?? byQuestion.set(this.own(indicator), []).get(indicator)!;
  }

  /** Forgets every group (the texts kept as keys stay pooled). */
  clear(): void {
    this.index.clear();
    this.lastArea = undefined;
    this.lastPeriod = undefined;
    this.lastService = undefined;
    this.lastQuestions = new Map();
  }

  static slot(gender: Gender): number {
    return GENDER_INDEX[gender];
  }
}

/**
 * A map keyed by a list of texts, in nested maps like `GroupIndex`: a national budget file's half
 * a million rows build no key text each for the duplicate check. Every key has the same length.
 */
export function createPartsMap<V>(): { get(parts: readonly string[]): V | undefined; set(parts: readonly string[], value: V): void } {
  type Level = Map<string, Level | V>;
  const root: Level = new Map();
  // Key parts are kept as copies (see `GroupIndex.slots`).
  const own = textPool();
  return {
    get(parts) {
      let at: Level | V | undefined = root;
      for (let i = 0; i < parts.length; i++) {
        at = (at as Level).get(parts[i]!);
        if (at === undefined) return undefined;
      }
      return at as V;
    },
    set(parts, value) {
      let at = root;
      for (let i = 0; i < parts.length - 1; i++) {
        let next = at.get(parts[i]!) as Level | undefined;
        if (next === undefined) at.set(own(parts[i]!), (next = new Map()));
        at = next;
      }
      at.set(own(parts.at(-1)!), value);
    },
  };
}
