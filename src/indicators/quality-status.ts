import { qualityStatusWhy } from '../model/quality-status.js';
import type { QualityRow } from '../model/report.js';
import type { Better } from '../model/vocabulary.js';

/** Quality status (see `qualityStatusWhy`, where its rule and reasons are). */
export function qualityStatus(q: QualityRow, target: number | undefined, better: Better): QualityRow['status'] {
  return qualityStatusWhy(q, target, better).status;
}
