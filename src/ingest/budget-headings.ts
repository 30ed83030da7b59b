import type { BudgetTable } from '../model/budget-table.js';
import { truncate } from '../model/text.js';
import type { RecordsResult } from './record-options.js';

/**
 * Rows with no amount but an area or a period of their own (`emptyLines`, by line) were read as
 * lines: a month a line has no figures for. Those whose line (area and activity) has no amount in
 * any row are section headings after all, repeated per period by an export: set aside with a
 * finding and counted ignored, their lines added to `headings`. Returns the given deviations
 * (`given`, by row) renumbered for the rows left.
 */
export function settleEmptyLines(table: BudgetTable, emptyLines: ReadonlySet<number>, given: ReadonlyMap<number, number>, out: RecordsResult, headings: number[] = []): Map<number, number> {
  const width = table.activities.length;
  const filled = new Set<number>();
  for (let i = 0; i < table.length; i++) if (!emptyLines.has(table.line[i]!)) filled.add(table.area[i]! * width + table.activity[i]!);
  const kept = new Map<number, number>();
  let to = 0;
  table.retain((i) => {
    if (emptyLines.has(table.line[i]!) && !filled.has(table.area[i]! * width + table.activity[i]!)) {
      out.findings.push({ code: 'budget-heading', line: table.line[i]!, received: truncate(table.activities[table.activity[i]!]!) });
      headings.push(table.line[i]!);
      out.counts.used--;
      out.counts.ignored++;
      return false;
    }
    const g = given.get(i);
    if (g !== undefined) kept.set(to, g);
    to++;
    return true;
  });
  return kept;
}
