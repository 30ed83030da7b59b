import type { ValueUnit } from '../../model/vocabulary.js';

/** The narrowest share axis, in percentage points: a 3 pp wobble fills at most 15 % of a chart's height. */
export const MIN_SHARE_SPAN = 20;
/** The narrowest axis for a percentage that is not a share (it can be negative, e.g. a result or a cost deviation). */
export const MIN_PERCENT_SPAN = 10;
const SHARE_STEP = 5;
const SHARE_PAD = 2;

/**
 * The y axis of a yearly chart, from everything it draws (values, interval ends, the nation,
 * peers, the target), so that the picture does not exaggerate small differences:
 * - shares (`%` within 0–100): the data padded by 2 pp, rounded out to multiples of 5, widened
 *   about its middle to at least 20 pp, and kept inside 0–100 (shifted, not cut);
 * - counts, amounts and days that are never negative: from zero (lengths compare honestly);
 * - anything else (a `%` that can be negative, e.g. a net cost deviation): the data, widened
 *   about its middle to at least 10 percentage points (one unit when not a percentage), rounded
 *   out to a step of about a tenth of that.
 * @example yDomain([84.9, 88.4, 93], '%') // [75, 95]
 * @example yDomain([12, 30], 'days') // [0, 30]
 */
export function yDomain(values: readonly number[], unit: ValueUnit): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return unit === '%' ? [0, 100] : [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (unit === '%' && lo >= 0 && hi <= 100) return shareDomain(lo, hi);
  if (lo >= 0) return [0, hi === 0 ? 1 : niceCeil(hi, niceStep(hi))];
  const least = unit === '%' ? MIN_PERCENT_SPAN : 1;
  const step = niceStep(Math.max(hi - lo, least));
  const middle = (lo + hi) / 2;
  const from = niceFloor(Math.min(lo, middle - least / 2), step);
  const to = niceCeil(Math.max(hi, middle + least / 2), step);
  return [round(from), round(to)];
}

function shareDomain(lo: number, hi: number): [number, number] {
  let from = Math.floor((lo - SHARE_PAD) / SHARE_STEP) * SHARE_STEP;
  let to = Math.ceil((hi + SHARE_PAD) / SHARE_STEP) * SHARE_STEP;
  if (to - from < MIN_SHARE_SPAN) {
    const middle = (from + to) / 2;
    from = Math.floor((middle - MIN_SHARE_SPAN / 2) / SHARE_STEP) * SHARE_STEP;
    to = from + MIN_SHARE_SPAN;
  }
  if (from < 0) [from, to] = [0, to - from];
  if (to > 100) [from, to] = [from - (to - 100), 100];
  return [Math.max(0, from), Math.min(100, to)];
}

/** 1, 2 or 5 times a power of ten, about a tenth of `span`. */
function niceStep(span: number): number {
  const raw = span / 10;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Drops binary noise from steps like 0.1 (-0.7000000000000001 -> -0.7). */
const round = (v: number): number => Number(v.toFixed(10));
const niceCeil = (v: number, step: number): number => Math.ceil(v / step - 1e-9) * step;
const niceFloor = (v: number, step: number): number => Math.floor(v / step + 1e-9) * step;
