import { qualityStatusWhy, type StatusReason } from '../model/quality-status.js';
import type { QualityRow } from '../model/report.js';
import type { Better } from '../model/vocabulary.js';

/** Quality status and every reason for it, in order (see `qualityStatusWhy`, where the rule is). */
export function qualityStatusAndReasons(q: QualityRow, target: number | undefined, better: Better): { status: QualityRow['status']; reasons: StatusReason[] } {
  const { status, reasons } = qualityStatusWhy(q, target, better);
  return { status, reasons };
}
