import { formatFinding, type Finding, type FindingCode } from '../model/findings.js';
import type { Report } from '../model/report.js';

/**
 * Findings about budget figures a reader could otherwise take at face value: months that differ
 * between lines or sources, sources that disagree, and amounts whose unit was not believed.
 * Rejected rows are summarised separately.
 */
const BUDGET_NOTICES: ReadonlySet<FindingCode> = new Set<FindingCode>(['budget-conflict', 'budget-behind', 'budget-not-this-year', 'budget-months-differ', 'budget-months-missing', 'budget-sum-incomplete', 'unit-inferred', 'unit-implausible']);

/** The report's budget notices as `file:line: severity code: message` lines, in report order. */
export function budgetNotices(report: Report): string[] {
  // The report's findings are the model's, as its schema types them (a code is any text there).
  return report.findings.filter((f) => BUDGET_NOTICES.has(f.code as FindingCode)).map((f) => formatFinding(f as Finding));
}
