import { comparePeriods } from '../model/period.js';
import { NUMERIC_SCALES, numericScale } from './answers.js';

/**
 * Why a question's numeric answers are read on no scale (see `valuesApart`, `pastShorterTop`):
 * the answers given (as ranges), the top ones that may be a code for no answer rather than an
 * answer, the scale the rest fit and the periods it was seen in.
 */
export interface ScaleDoubt {
  reason: 'apart' | 'past-top';
  /** The values answered, as ranges: `1–5 and 9`. */
  values: string;
  /** The highest values, which may be codes ("Vet ej" written 9): [9]. */
  codes: number[];
  /** The top of the scale the other answers fit (5 of 1–5). */
  fits: number;
  /** The values nobody gave that set the codes apart: `6–8` under 9, `7` over 6. */
  unused: string;
  periods: readonly string[];
}

/**
 * The first reason, in period order, not to read a question's numeric answers on the scale their
 * highest answer fits: values apart in one period's answers (every file and area), else a run of
 * periods read on one scale whose highest answer is one past a shorter scale's top. Per period, as
 * a 1–5 year with "Vet ej" written 9 would hide among 1–10 years; per run for the highest answer, as
 * one year of a 1–7 question with no 7 given is a sample. Undefined: the scale is read as decided.
 */
export function scaleDoubt(byPeriod: ReadonlyMap<string, ArrayLike<number>>, blocks: readonly { periods: readonly string[]; highest: number }[]): ScaleDoubt | undefined {
  for (const period of [...byPeriod.keys()].sort(comparePeriods)) {
    const counts = byPeriod.get(period)!;
    const apart = valuesApart(counts);
    if (apart !== undefined) return { reason: 'apart', values: valueRanges(counts), codes: apart.codes, fits: apart.fits, unused: rangeText(apart.below + 1, apart.codes[0]! - 1), periods: [period] };
  }
  for (const { periods, highest } of blocks) {
    const fits = pastShorterTop(highest);
    if (fits === undefined) continue;
    const counts = new Float64Array(highest + 1);
    for (const p of periods) for (let v = 1; v <= highest; v++) counts[v]! += byPeriod.get(p)![v] ?? 0;
    return { reason: 'past-top', values: valueRanges(counts), codes: [highest], fits, unused: rangeText(highest + 1, numericScale(highest).max), periods };
  }
  return undefined;
}

/**
 * Values answered that stand apart above the rest: a run of values nobody gave lies under the top
 * ones, and the values below that run all fit a scale shorter than the one the top ones would make
 * it. "Vet ej" written as 9 after a 1–5 scale looks so (1–5, none of 6–8, 9): read on 1–10, the
 * code would be the only positive answer. A rare low answer under the bulk (1, none of 2, then
 * 3–10) is not apart: the top run starts inside 1–5, the scale the 1 fits, so that gap needs no
 * longer scale; nor is one under a run of several (1, none of 2–5, 6–10). Counts by value, index
 * 1–10 (0 unused).
 * @example valuesApart([0, 16, 15, 9, 40, 28, 0, 0, 0, 12, 0]) // { codes: [9], fits: 5, below: 5 }
 * @example valuesApart([0, 1, 0, 4, 5, 6, 7, 9, 12, 8, 3]) // undefined
 */
export function valuesApart(counts: ArrayLike<number>): { codes: number[]; fits: number; below: number } | undefined {
  const used = (v: number) => (counts[v] ?? 0) > 0;
  let top = counts.length - 1;
  while (top > 0 && !used(top)) top--;
  let from = top;
  while (from > 1 && used(from - 1)) from--;
  let below = from - 2;
  while (below > 0 && !used(below)) below--;
  if (below <= 0) return undefined;
  // Codes are one or two values over a scale whose answers spread over it (three values at least):
  // 1, then 6–10, is a low answer under a 1–10 bulk, not a bulk under five codes (a helper's file).
  let spread = 0;
  for (let v = 1; v <= below; v++) if (used(v)) spread++;
  if (top - from > 1 || spread < 3) return undefined;
  const fits = numericScale(below).max;
  return fits < from ? { codes: range(from, top), fits, below } : undefined;
}

/**
 * The top of the shorter scale a highest answer is one past (5 for 6, 7 for 8), or undefined. No
 * one answered the top of the scale such an answer makes (7 of 1–7, 9 and 10 of 1–10), and one past
 * a scale's top is where a code for no answer follows it ("6 = Vet ej" after 1–5): as a 1–7 answer
 * it would be the only positive one. 9 is not such a highest answer: 1–10 with no 10 given is read
 * as 1–10 (`valuesApart` still finds a 9 above 1–7 with 8 unused).
 * @example pastShorterTop(6) // 5
 * @example pastShorterTop(9) // undefined
 */
export function pastShorterTop(highest: number): number | undefined {
  return NUMERIC_SCALES.slice(0, -1).find((s) => s.max + 1 === highest)?.max;
}

/**
 * The values with an answer, as ranges: `1–5 and 9`, `2, 4–10`.
 * @example valueRanges([0, 3, 2, 1, 1, 1, 0, 0, 0, 4, 0]) // '1–5 and 9'
 */
export function valueRanges(counts: ArrayLike<number>): string {
  const runs: string[] = [];
  for (let v = 1; v < counts.length; v++) {
    if (!((counts[v] ?? 0) > 0)) continue;
    let end = v;
    while (end + 1 < counts.length && (counts[end + 1] ?? 0) > 0) end++;
    runs.push(end === v ? String(v) : `${v}–${end}`);
    v = end;
  }
  return runs.length < 2 ? runs.join('') : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)!}`;
}

/** `6–8`, or `7` for one value. */
function rangeText(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
