import type { QualityRow } from '../model/report.js';
import type { Better } from '../model/vocabulary.js';

/**
 * Quality status, in order: red when the trend is worsening or the value is significantly below
 * the reference (Riket); yellow when it fell significantly since the previous period or is below
 * its target; otherwise green. Suppressed cells, and indicators with no better direction, have no status.
 */
export function qualityStatus(q: QualityRow, target: number | undefined, better: Better): QualityRow['status'] {
  if (q.value === null || better === 'none') return null;
  const sign = better === 'lower' ? -1 : 1;
  if (q.trend?.verdict === 'worsening') return 'red';
  if (q.reference?.significant && sign * q.reference.differencePp < 0) return 'red';
  if (q.change?.significant && sign * q.change.differencePp < 0) return 'yellow';
  if (target !== undefined && sign * (q.value - target) < 0) return 'yellow';
  return 'green';
}
