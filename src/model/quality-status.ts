import type { QualityRow } from './report.js';
import type { Better } from './vocabulary.js';

/** Why a quality row is not green, as data; renderers word it. */
export type StatusReason = 'worsening-trend' | 'below-nation' | 'fell' | 'below-target';

/**
 * Quality status and its reason, in order: red when the trend is worsening or the value is
 * significantly below the reference (Riket); yellow when it fell significantly since the previous
 * period or is below its target; otherwise green. Suppressed cells, and indicators with no better
 * direction, have no status. Analysis sets the status from it; renderers say why from it.
 * @example qualityStatusWhy({ value: 88.3, … }, 90, 'higher') // { status: 'yellow', reason: 'below-target' }
 */
export function qualityStatusWhy(q: Pick<QualityRow, 'value' | 'trend' | 'reference' | 'change'>, target: number | null | undefined, better: Better): { status: QualityRow['status']; reason: StatusReason | null } {
  if (q.value === null || better === 'none') return { status: null, reason: null };
  const sign = better === 'lower' ? -1 : 1;
  if (q.trend?.verdict === 'worsening') return { status: 'red', reason: 'worsening-trend' };
  if (q.reference?.significant && sign * q.reference.differencePp < 0) return { status: 'red', reason: 'below-nation' };
  if (q.change?.significant && sign * q.change.differencePp < 0) return { status: 'yellow', reason: 'fell' };
  if (target !== undefined && target !== null && sign * (q.value - target) < 0) return { status: 'yellow', reason: 'below-target' };
  return { status: 'green', reason: null };
}
