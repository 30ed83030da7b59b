export type BudgetStatus = 'green' | 'yellow' | 'red';

export interface StatusThresholds {
  /** Deviation % of budget below which status is yellow (e.g. 0: any overspend). */
  yellowBelow: number;
  /** Deviation % of budget below which status is red (e.g. −2). */
  redBelow: number;
}

/**
 * Traffic light on a deviation in % of budget (positive = better than budget): red below
 * `redBelow`, yellow below `yellowBelow`, otherwise green. The analysis colours lines by it; a
 * brief asks it of the figure it shows, so the figure cannot say another colour than the line has.
 * @example budgetStatus(-3.5, { yellowBelow: 0, redBelow: -2 }) // 'red'
 * @example budgetStatus(0, { yellowBelow: 0, redBelow: -2 }) // 'green'
 */
export function budgetStatus(deviationPct: number, t: StatusThresholds): BudgetStatus {
  if (deviationPct < t.redBelow) return 'red';
  if (deviationPct < t.yellowBelow) return 'yellow';
  return 'green';
}
