import { formatFinding, type FindingLike } from '../model/findings.js';

/** Findings of one severity grouped by code, in order of first appearance. */
export function groupByCode<F extends FindingLike>(findings: readonly F[], severity: FindingLike['severity']): F[][] {
  const groups = new Map<string, F[]>();
  for (const f of findings) {
    if (f.severity !== severity) continue;
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  return [...groups.values()];
}

/**
 * The warnings of a report as lines for stderr: one line per kind (whatever kinds there are),
 * its count and its first case in full. Empty when there are none.
 * @example warningLines([unitAssumed]) // ['tillit: 1 warning (…):', '  ×1 budget.csv: warning unit-assumed: …']
 */
export function warningLines(findings: readonly FindingLike[]): string[] {
  const groups = groupByCode(findings, 'warning');
  if (groups.length === 0) return [];
  const total = groups.reduce((a, g) => a + g.length, 0);
  const out = [`tillit: ${total} warning${total === 1 ? '' : 's'} (listed in the JSON report's findings and named in the method note of each brief drawing on the file):`];
  for (const list of groups) {
    const more = list.length > 1 ? ` (and ${list.length - 1} more like it)` : '';
    out.push(`  ×${list.length} ${formatFinding(list[0]!)}${more}`);
  }
  return out;
}
