import { isFinancialLine, isRevenueLine } from '../model/activities.js';
import { finding, type Finding } from '../model/findings.js';
import type { BudgetRow, Report } from '../model/report.js';
import { normalizeLabel } from '../model/text.js';
import { financialResult } from './financial-result.js';
import { opt } from './round.js';
import type { Settings } from './settings.js';
import { rnd } from './shared-costs.js';

/**
 * Tax revenue and general grants cover a municipality's net costs, give or take a few per cent: a
 * file whose revenue lines cover under half its costs holds no whole result statement (a committee's
 * one grant line, read as the revenue, made a result of -1 950 %).
 */
const PART_OF_COSTS = 0.5;

/**
 * The result against tax revenue and general grants, per area whose lines include revenue: so far
 * this year and as forecast. Revenue and costs of different months make no result (the area's
 * total says its months differ); a side with a missing figure makes none either. `budget` holds
 * the activities and the financing lines (see `splitFinancing`): costs are every line not revenue,
 * financial items with them (financial income as a negative cost), as the result counts them.
 */
export function resultRows(budget: readonly BudgetRow[], settings: Settings, findings: Finding[]): Report['results'] {
  const results: Report['results'] = [];
  const target = settings.budget.resultTarget;
  const linesOf = new Map<string, BudgetRow[]>();
  for (const b of budget) {
    const lines = linesOf.get(b.area) ?? linesOf.set(b.area, []).get(b.area)!;
    if (!b.total) lines.push(b);
  }
  for (const [area, lines] of linesOf) {
    const revenue = lines.filter((b) => isRevenueLine(normalizeLabel(b.activity), settings.revenueNames));
    if (revenue.length === 0 || lines.some((b) => b.period !== lines[0]!.period)) continue;
    const costs = lines.filter((b) => !revenue.includes(b));
    const total = (rows: BudgetRow[], f: 'actualYtd' | 'forecast') => (rows.every((r) => r[f] !== null) ? rows.reduce((a, r) => a + r[f]!, 0) : null);
    const revYtd = total(revenue, 'actualYtd');
    const costYtd = total(costs, 'actualYtd');
    const revFc = total(revenue, 'forecast');
    const costFc = total(costs, 'forecast');
    // Revenue is held as a negative cost internally (net convention); the result speaks of it as positive.
    const ytd = revYtd !== null && costYtd !== null ? financialResult(-revYtd, costYtd, target) : undefined;
    const fc = revFc !== null && costFc !== null ? financialResult(-revFc, costFc, target) : undefined;
    // Judged by the full year where there is a forecast: tax booked by the quarter is small to date.
    const partial = [fc ?? ytd].find((r) => r !== undefined && r.revenue < PART_OF_COSTS * r.costs);
    if (partial !== undefined) {
      findings.push(finding('(budget)', { code: 'result-revenue-partial', args: { area, lines: revenue.map((b) => b.activity).join(', '), share: Math.round((100 * partial.revenue) / partial.costs) } }));
      continue;
    }
    results.push({
      area, period: lines[0]!.period, target,
      revenueLines: revenue.map((b) => b.activity), financialLines: costs.filter((b) => isFinancialLine(normalizeLabel(b.activity))).map((b) => b.activity),
      revenueYtd: rnd(ytd?.revenue ?? null), costsYtd: rnd(ytd?.costs ?? null), resultYtd: rnd(ytd?.result ?? null), resultYtdPct: opt(ytd?.resultPct ?? undefined),
      revenueForecast: rnd(fc?.revenue ?? null), costsForecast: rnd(fc?.costs ?? null), resultForecast: rnd(fc?.result ?? null), resultForecastPct: opt(fc?.resultPct ?? undefined),
      // A closed year (after December) is judged by its outcome, not by a forecast.
      status: (lines[0]!.period.endsWith('-12') ? ytd?.status : fc?.status ?? ytd?.status) ?? null,
    });
  }
  return results;
}
