import type { QualityRow } from './report.js';
import type { Better, StatusReason } from './vocabulary.js';

export { STATUS_REASONS, type StatusReason } from './words.js';

/**
 * Quality status and every reason for it, in order: red when the trend is worsening or the value is
 * significantly worse than the reference; yellow when it fell significantly since the previous
 * period or misses its target; no status (null) when it is worse than the reference and the
 * difference could not be tested (no n on either side), since green must mean nothing known to be
 * wrong; otherwise green. The first reason decides the status; the later ones also hold. Suppressed
 * cells, and indicators with no better direction, have no status and no reason. An untested fall
 * since the previous period is not a reason: one year's move without n cannot be told from noise,
 * and a lasting fall shows as a worsening trend (Mann–Kendall needs no n); docs/method.md.
 * @example qualityStatusWhy({ value: 88.3, … }, 90, 'higher') // { status: 'yellow', reason: 'below-target', reasons: ['below-target'] }
 */
export function qualityStatusWhy(
  q: Pick<QualityRow, 'value' | 'trend' | 'reference' | 'change'>,
  target: number | null | undefined,
  better: Better,
): { status: QualityRow['status']; reason: StatusReason | null; reasons: StatusReason[] } {
  if (q.value === null || better === 'none') return { status: null, reason: null, reasons: [] };
  const sign = better === 'lower' ? -1 : 1;
  const reasons: StatusReason[] = [];
  const worseThanReference = q.reference !== null && sign * q.reference.differencePp < 0;
  if (q.trend?.verdict === 'worsening') reasons.push('worsening-trend');
  if (worseThanReference && q.reference!.significant) reasons.push('below-reference');
  if (q.change?.significant && sign * q.change.differencePp < 0) reasons.push('fell');
  if (target !== undefined && target !== null && sign * (q.value - target) < 0) reasons.push('below-target');
  if (worseThanReference && q.reference!.p === null) reasons.push('untested-below-reference');
  const reason = reasons[0] ?? null;
  const status = reason === null ? 'green' : reason === 'worsening-trend' || reason === 'below-reference' ? 'red' : reason === 'untested-below-reference' ? null : 'yellow';
  return { status, reason, reasons };
}
