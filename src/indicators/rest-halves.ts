import type { ObservationColumns } from './observation-columns.js';

/**
 * The figures a container's rows give a reader, as the elementary parts they count (1 women, 2 men,
 * 4 unknown gender) and the rows (gender 0 total, 1 women, 2 men; sign) that make them: its total,
 * women and men, and what its total less a gender leaves (women and no gender, men and no gender,
 * no gender alone). A region showing its total and men says its women and no-gender respondents
 * together, and those add up over its municipalities like any gender does.
 */
const FIGURES: readonly { parts: number; rows: readonly (readonly [number, number])[] }[] = [
  { parts: 7, rows: [[0, 1]] },
  { parts: 1, rows: [[1, 1]] },
  { parts: 2, rows: [[2, 1]] },
  { parts: 5, rows: [[0, 1], [2, -1]] },
  { parts: 6, rows: [[0, 1], [1, -1]] },
  { parts: 4, rows: [[0, 1], [1, -1], [2, -1]] },
];

/** Respondents as two halves that add up apart: positive and not (shares), or n and nothing (means). */
type Halves = readonly [number, number];

/**
 * Whether a container's figure (`own`, its rows), less the areas in it (`inside`), bounds a small
 * hidden part of one of them below `min`: a hidden women's or men's cell, or an unknown-gender
 * residual. Every figure adds up in positive answers and in the rest apart, so the rest a container
 * leaves (the areas absent from the data) protects a part only half by half: where the rest holds
 * few negative answers, a part holds at most those beyond its own, and its positive ones at most
 * what its area's total leaves for them. A region of 31 respondents left over, 2 of them negative,
 * beside a municipality whose total leaves 26 positive for its hidden men and no-gender ones, puts
 * its 1 no-gender respondent at 28 or fewer. Taken, as `exposes` takes it, as if the other hidden
 * parts were known: the part's bound is then its own halves plus the rest's, each no more than its
 * area leaves. For the figures a total less a gender gives too (`FIGURES`), which is how a residual
 * inside a container is reached. Means count n only (one half).
 */
export function restByHalves(obs: ObservationColumns, own: readonly number[], inside: readonly (readonly number[])[], min: number, share: boolean): boolean {
  const halves = (i: number): Halves => {
    const n = obs.rawN(i) || 0;
    if (!share) return [n, 0];
    const positive = Math.round((obs.valueOf(i) * n) / 100);
    return [positive, n - positive];
  };
  const rowOf = (rows: readonly number[], g: number) => rows.find((r) => obs.genderId(r) === g) ?? -1;
  const figure = (rows: readonly number[], rowsOfFigure: readonly (readonly [number, number])[]) => {
    let a = 0;
    let b = 0;
    let known = true;
    for (const [g, sign] of rowsOfFigure) {
      const r = rowOf(rows, g);
      if (r < 0) return undefined;
      const [x, y] = halves(r);
      a += sign * x;
      b += sign * y;
      known &&= obs.isShown(r);
    }
    return { a, b, known };
  };
  // One kind of area at a time: the nation holds its municipalities and, again, its regions.
  const kinds = new Set(inside.map((rows) => obs.kindOf(rows[0]!)));
  for (const f of FIGURES) for (const kind of kinds) {
    const box = figure(own, f.rows);
    if (box === undefined || !box.known) continue;
    // What the areas in the data leave of the figure: the areas absent from it, in each half.
    let restA = box.a;
    let restB = box.b;
    const open: (readonly number[])[] = [];
    let whole = true;
    for (const rows of inside) {
      if (obs.kindOf(rows[0]!) !== kind) continue;
      const held = figure(rows, f.rows);
      // An area without a row the figure needs: what it holds is `exposes`' question.
      if (held === undefined) (whole = false);
      else {
        restA -= held.a;
        restB -= held.b;
        if (!held.known) open.push(rows);
      }
    }
    if (!whole) continue;
    for (const rows of open) {
      for (const part of [1, 2, 4]) {
        if ((f.parts & part) === 0) continue;
        const x = smallPart(obs, rows, part, min, halves, rowOf);
        if (x === undefined) continue;
        const most = Math.min(x.room[0], x.own[0] + restA) + Math.min(x.room[1], x.own[1] + restB);
        if (most < min) return true;
      }
    }
  }
  return false;
}

/**
 * A hidden part of an area below `min` (1 women, 2 men, 4 the unknown-gender residual): its halves,
 * and the most its area's shown total leaves for it less its shown other genders (unbounded without
 * a shown total). Undefined when the part is shown, absent, empty, or `min` or more.
 */
function smallPart(
  obs: ObservationColumns, rows: readonly number[], part: number, min: number, halves: (i: number) => Halves,
  rowOf: (rows: readonly number[], g: number) => number,
): { own: Halves; room: Halves } | undefined {
  const [t, k, m] = [rowOf(rows, 0), rowOf(rows, 1), rowOf(rows, 2)];
  let own: Halves;
  if (part === 4) {
    if (t < 0 || k < 0 || m < 0 || (obs.isShown(t) && obs.isShown(k) && obs.isShown(m))) return undefined;
    const [ht, hk, hm] = [halves(t), halves(k), halves(m)];
    own = [ht[0] - hk[0] - hm[0], ht[1] - hk[1] - hm[1]];
  } else {
    const r = part === 1 ? k : m;
    if (r < 0 || obs.isShown(r)) return undefined;
    own = halves(r);
  }
  const n = own[0] + own[1];
  if (!(n > 0 && n < min)) return undefined;
  if (t < 0 || !obs.isShown(t)) return { own, room: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] };
  const room = [...halves(t)];
  for (const [g, r] of [[1, k], [2, m]] as const) {
    if (g === part || r < 0 || !obs.isShown(r)) continue;
    const h = halves(r);
    room[0]! -= h[0];
    room[1]! -= h[1];
  }
  return { own, room: [room[0]!, room[1]!] };
}
