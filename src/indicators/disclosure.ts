import { solve, type Constraint, type Model } from 'yalps';

/** A `CellGroup` (suppression.ts) over cell numbers: total = Σ parts; -1 stands for a cell that is not there. */
export interface IndexedGroup {
  total: number;
  parts: readonly number[];
  /** A container's relation (region or nation = the areas in it + those absent): where it gives a part away, the container is what is hidden. */
  container?: boolean;
  /**
   * A relation only the config makes (the organisation = Σ its members): where it gives a part away,
   * its total is what is hidden, so each member's figure is shown or hidden as a report of the same
   * files without the config shows it (else the two reports together would give the part away).
   */
  hideTotal?: boolean;
  /** A relation of counts only: the positive answers, worked out from rounded shares, need not add up. */
  countsOnly?: boolean;
}

/**
 * What a reader of a report knows about one suppression cell's counts: every shown cell's n and
 * positive count, that every other cell there holds at least one respondent, that no cell holds
 * more positive answers than respondents, and that each group adds up (total = Σ parts). Cells
 * are numbered 0 … n.length − 1 as in `suppressCells`.
 */
export interface Disclosed {
  n: ArrayLike<number>;
  /** Positive counts; undefined where cells hold no counts of answers (a mean over n people): only n is solved. */
  positive?: ArrayLike<number>;
  groups: readonly IndexedGroup[];
  /**
   * Where a shown cell's positive count is not one number (its share rounded: 78,6 % of 2 600 is
   * 2 043 or 2 044), the least and most it can be; absent where every count is exact.
   */
  positiveRange?: { lo: ArrayLike<number>; hi: ArrayLike<number> };
  /** 1 where a reader has the cell's n and positive count. */
  shown: ArrayLike<number>;
}

/**
 * The range a reader can narrow one hidden cell to: smallest and largest n, smallest and largest
 * positive count, over every whole-number table that agrees with what is published. Only cells
 * in `groups` are in the program: a hidden cell in no group is bounded by nothing but n ≥ 1.
 */
export interface Range {
  n: [number, number];
  positive: [number, number];
}

/**
 * How far a reader who combines every group can narrow each hidden cell in `targets`, solved
 * exactly as integer programs (yalps, branch and bound). Looking at one group at a time misses
 * what two groups say together (organisation total − a member − the organisation's men), so this
 * is the check suppression answers to. Bounds a reader cannot have are ±Infinity.
 */
export function hiddenRanges(d: Disclosed, targets: readonly number[]): Range[] {
  const model = readerModel(d);
  return targets.map((t) => ({
    n: [bound(model, `n${t}`, 'minimize'), bound(model, `n${t}`, 'maximize')],
    positive: [bound(model, `p${t}`, 'minimize'), bound(model, `p${t}`, 'maximize')],
  }));
}

/**
 * The first of `targets` a reader can pin down: its n or its positive count to one value, or (for
 * a cell holding fewer than `min`) its n to below `min`. -1 when every target is safe.
 *
 * Cheaper than `hiddenRanges`: a cell is safe once two tables a reader cannot rule out give it
 * different values (and, for a small cell, one gives it `min` or more). The true table is one such
 * table, and every solution found is another for every cell at once, so most cells need no solve
 * of their own; a bound is solved only where no table at hand shows the cell can vary.
 */
export function firstExposed(d: Disclosed, targets: readonly number[], min: number): number {
  const model = readerModel(d);
  const tables: Map<string, number>[] = [];
  const truth = (key: string) => (key[0] === 'n' ? d.n : d.positive!)[Number(key.slice(1))]!;
  // With rounded shares tillit does not know a hidden cell's positive count either: only tables
  // the solver found witness that it can vary.
  const witness = (key: string) => key[0] === 'n' || d.positiveRange === undefined;
  const kinds = d.positive === undefined ? (['n'] as const) : (['n', 'p'] as const);
  const seen = (key: string, ok: (v: number) => boolean) => (witness(key) && ok(truth(key))) || tables.some((t) => ok(t.get(key) ?? 0));
  const extreme = (keys: string | string[], direction: 'minimize' | 'maximize'): number => {
    const { value, table } = optimum(model, keys, direction);
    if (table !== undefined) tables.push(table);
    return value;
  };
  // Tables that move many cells at once (the sum of those not yet seen to vary, up, then down)
  // usually show most cells can vary with a few solves; what is left is solved one cell at a time.
  const open = (kind: string, ok: (key: string) => boolean) => targets.map((t) => `${kind}${t}`).filter((key) => !ok(key));
  const varies = (key: string) => (witness(key) ? seen(key, (v) => v !== truth(key)) : new Set(tables.map((t) => t.get(key) ?? 0)).size > 1);
  const reachesMin = (key: string) => d.n[Number(key.slice(1))]! >= min || seen(key, (v) => v >= min);
  for (const [kind, ok] of [['n', reachesMin], ['n', varies], ...(d.positive === undefined ? [] : [['p', varies]] as const)] as const) {
    for (const direction of ['maximize', 'minimize'] as const) {
      if (ok === reachesMin && direction === 'minimize') continue;
      for (let keys = open(kind, ok), before = Infinity; keys.length > 1 && keys.length < before; keys = open(kind, ok)) {
        before = keys.length;
        extreme(keys, direction);
      }
    }
  }
  // Whether a reader can narrow `key` to its true value; NaN (no answer within the cap) counts as pinned.
  const pinned = (key: string): boolean => {
    if (varies(key)) return false;
    if (!witness(key)) return !(extreme(key, 'maximize') > extreme(key, 'minimize'));
    if (extreme(key, 'maximize') > truth(key)) return false;
    return !(extreme(key, 'minimize') < truth(key));
  };
  // A cell whose every respondent answered positively: a reader who can tell none of them did not
  // (n − positive pinned at 0) knows each one's answer, whatever its n.
  const allPositive = (t: number): boolean => {
    if (d.positive === undefined || !(d.n[t]! > 0) || d.positive[t] !== d.n[t]) return false;
    if (tables.some((table) => (table.get(`n${t}`) ?? 0) > (table.get(`p${t}`) ?? 0))) return false;
    const { value, table } = optimum(model, [`n${t}`, [`p${t}`, -1]], 'maximize');
    if (table !== undefined) tables.push(table);
    return !(value > 0);
  };
  for (const t of targets) {
    const n = `n${t}`;
    if (d.n[t]! < min && !seen(n, (v) => v >= min) && !(extreme(n, 'maximize') >= min)) return t;
    if (kinds.some((kind) => pinned(`${kind}${t}`))) return t;
    if (allPositive(t)) return t;
  }
  return -1;
}

// A deterministic cap on branch and bound (a timeout would make the answer depend on the machine);
// a problem that hits it is answered as if the reader could pin the cell, which hides more, never less.
const OPTIONS = { maxIterations: 20_000, includeZeroVariables: true } as const;

interface ReaderModel {
  constraints: Map<string, Constraint>;
  variables: Map<string, Map<string, number>>;
}

function bound(m: ReaderModel, variable: string, direction: 'minimize' | 'maximize'): number {
  return optimum(m, variable, direction).value;
}

/**
 * The extreme of one unknown (or of the sum of several), and a whole table that reaches it (when
 * one was found).
 */
function optimum(m: ReaderModel, variables: string | (string | [string, number])[], direction: 'minimize' | 'maximize'): { value: number; table?: Map<string, number> } {
  const all = (typeof variables === 'string' ? [variables] : variables).map((v) => (typeof v === 'string' ? ([v, 1] as const) : v));
  const coefficients = all.map(([v]) => m.variables.get(v));
  // A shown cell's value is a constant; it is never a target, but keep the answer exact.
  if (coefficients.some((c) => c === undefined)) return { value: Number.NaN };
  coefficients.forEach((c, k) => c!.set('objective', all[k]![1]));
  const model: Model<string, string> = { direction, objective: 'objective', constraints: m.constraints, variables: m.variables, integers: true };
  const solution = solve(model, OPTIONS);
  for (const c of coefficients) c!.delete('objective');
  if (solution.status === 'unbounded') return { value: direction === 'maximize' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY };
  if (solution.status !== 'optimal') return { value: Number.NaN };
  const table = new Map(solution.variables.map(([k, v]) => [k, Math.round(v)]));
  return { value: Math.round(solution.result) + 0, table }; // + 0: never -0
}

/**
 * The integer program over a reader's unknowns: per hidden cell an n and a positive count (shown
 * cells enter as constants, but for a positive count its rounded share leaves a range: then an
 * unknown within it), at least one respondent per hidden cell (none where it has none), positive ≤ n, and each group
 * adding up in n and in positive counts.
 */
function readerModel(d: Disclosed): ReaderModel {
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Map<string, number>>();
  const unknown = (i: number) => d.shown[i] !== 1;
  const range = d.positiveRange;
  // A shown cell's positive count is an unknown too where its rounded share leaves it a range.
  const rounded = (i: number) => !unknown(i) && range !== undefined && range.lo[i]! < range.hi[i]!;
  const unknownOf = (kind: 'n' | 'p', i: number) => unknown(i) || (kind === 'p' && rounded(i));
  const cells = new Set<number>();
  for (const g of d.groups) {
    for (const id of [g.total, ...g.parts]) {
      if (id < 0 || !(unknown(id) || (d.positive !== undefined && g.countsOnly !== true && rounded(id)))) continue;
      cells.add(id);
    }
  }
  for (const i of [...cells].sort((a, b) => a - b)) {
    if (!unknown(i)) {
      variables.set(`p${i}`, new Map([[`range${i}`, 1]]));
      constraints.set(`range${i}`, { min: range!.lo[i]!, max: range!.hi[i]! });
      continue;
    }
    // A cell whose every answer was rejected holds none that count (it is published as incomplete).
    constraints.set(`least${i}`, { min: Math.min(1, d.n[i]!) });
    if (d.positive === undefined) {
      variables.set(`n${i}`, new Map([[`least${i}`, 1]]));
      continue;
    }
    variables.set(`n${i}`, new Map([[`least${i}`, 1], [`within${i}`, -1]]));
    variables.set(`p${i}`, new Map([[`within${i}`, 1]]));
    constraints.set(`within${i}`, { max: 0 });
  }
  d.groups.forEach((g, k) => {
    // A group whose total is not there (no organisation row for a gender) says nothing.
    if (g.total < 0) return;
    for (const kind of d.positive === undefined || g.countsOnly === true ? (['n'] as const) : (['n', 'p'] as const)) {
      const value = kind === 'n' ? d.n : d.positive!;
      // total = Σ parts, as Σ unknown parts − unknown total = known total − Σ known parts.
      let rest = 0;
      let terms = 0;
      for (let j = -1; j < g.parts.length; j++) {
        const id = j < 0 ? g.total : g.parts[j]!;
        if (id < 0) continue;
        const sign = j < 0 ? -1 : 1;
        if (unknownOf(kind, id)) {
          variables.get(`${kind}${id}`)!.set(`${kind}group${k}`, sign);
          terms++;
        } else {
          rest -= sign * value[id]!;
        }
      }
      if (terms > 0) constraints.set(`${kind}group${k}`, { equal: rest });
    }
  });
  return { constraints, variables };
}
