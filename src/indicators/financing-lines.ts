import { isFinancialLine, isRevenueLine } from '../model/activities.js';
import { finding, type Finding } from '../model/findings.js';
import { normalizeLabel } from '../model/text.js';
import type { LineEntry } from './budget-lines.js';

/** An area's budget lines parted: its activities, and the lines that finance them. */
export interface FinancingSplit {
  activities: Map<string, LineEntry>;
  /** Tax revenue, general grants and equalisation, and financial items: the result's, no activity's. */
  financing: Map<string, LineEntry>;
  findings: Finding[];
}

/**
 * Parts each area's lines into activities and financing. Tax revenue, general grants and
 * equalisation (and `revenueNames`) pay for the activities: added to them they would cancel the
 * costs they pay for, and a total of costs minus revenue read as a deviation says "under budget"
 * of committees that are over it. Financial items (finansnetto, financial income and costs) are
 * neither: they count in the year's result. An area without revenue lines has no result to count
 * its financial items in: there they stay activities, so no figure vanishes. Each area whose lines
 * are parted is named with them (`budget-financing-lines`).
 */
export function splitFinancing(entries: ReadonlyMap<string, LineEntry>, revenueNames: readonly string[]): FinancingSplit {
  const revenueAreas = new Set<string>();
  for (const e of entries.values()) if (isRevenueLine(normalizeLabel(e.activity), revenueNames)) revenueAreas.add(e.area.code);
  const activities = new Map<string, LineEntry>();
  const financing = new Map<string, LineEntry>();
  const named = new Map<string, LineEntry[]>();
  for (const [key, e] of entries) {
    const label = normalizeLabel(e.activity);
    const financed = revenueAreas.has(e.area.code) && (isRevenueLine(label, revenueNames) || isFinancialLine(label));
    if (!financed) {
      activities.set(key, e);
      continue;
    }
    financing.set(key, e);
    (named.get(e.area.code) ?? named.set(e.area.code, []).get(e.area.code)!).push(e);
  }
  const findings = [...named].map(([area, lines]) =>
    finding(lines[0]!.file, { code: 'budget-financing-lines', args: { area, lines: lines.map((l) => l.activity).join(', '), count: lines.length } }));
  return { activities, financing, findings };
}
