import type { Status } from './budget-balance.js';

export interface FinancialResult {
  /** Tax revenue, general grants and equalisation (positive). */
  revenue: number;
  /** Net costs of the activities (positive = cost). */
  costs: number;
  /** revenue − costs. */
  result: number;
  /** result / revenue × 100: the "good financial management" measure. */
  resultPct: number | null;
  status: Status | null;
}

/**
 * Result against tax revenue and general state grants: result = revenue − net costs, and result as
 * % of revenue, against the target for good financial management (commonly 2 %). Status green at
 * or above the target, yellow between 0 and the target, red for a deficit (the balance requirement
 * is broken). Without positive revenue (0, or a sign mistake upstream) there is no percentage
 * and no status: a share of negative revenue means nothing.
 * @example financialResult(1000, 975, 2) // { revenue: 1000, costs: 975, result: 25, resultPct: 2.5, status: 'green' }
 */
export function financialResult(revenue: number, costs: number, target: number): FinancialResult {
  const result = revenue - costs;
  if (!(revenue > 0)) return { revenue, costs, result, resultPct: null, status: null };
  const resultPct = (result / revenue) * 100;
  const status: Status = resultPct >= target ? 'green' : resultPct >= 0 ? 'yellow' : 'red';
  return { revenue, costs, result, resultPct, status };
}
