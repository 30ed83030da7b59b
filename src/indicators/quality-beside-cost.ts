import type { Gender } from '../model/records.js';
import type { BudgetRow, Report } from '../model/report.js';
import type { AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import type { QualityTable } from './quality.js';
import { round } from './round.js';
import type { Settings } from './settings.js';

/** The budget activity a surveyed service is paid from, when the config does not say. */
const DEFAULT_SERVICE_ACTIVITY: Record<string, string> = {
  hemtjanst: 'aldreomsorg',
  'sarskilt boende': 'aldreomsorg',
  'sarskilt boende for aldre': 'aldreomsorg',
  aldreomsorg: 'aldreomsorg',
  lss: 'lss',
  'individ och familjeomsorg': 'individ och familjeomsorg',
  ifo: 'individ och familjeomsorg',
};

/**
 * Per municipality and service, the headline indicator's value and trend (its total, in the
 * report's year) beside the budget deviation of the activity that pays for the service and its
 * cost per inhabitant (the member's population of the latest year not after the budget's).
 */
export function qualityBesideCost(table: QualityTable, budget: readonly BudgetRow[], budgetPeriod: string | null, settings: Settings): Report['qualityBesideCost'] {
  const activityFor = (service: string) => {
    const custom = Object.entries(settings.budget.serviceActivity).find(([s]) => normalizeLabel(s) === normalizeLabel(service))?.[1];
    return normalizeLabel(custom ?? DEFAULT_SERVICE_ACTIVITY[normalizeLabel(service)] ?? service);
  };
  const out: Report['qualityBesideCost'] = [];
  const headlineSeries = { series: (_: string, kind: AreaKind, indicator: string, gender: Gender) => kind === 'municipality' && indicator === settings.headline && gender === 'T' };
  for (const q of table.rows(headlineSeries)) {
    if (q.areaKind !== 'municipality' || q.trend === null) continue;
    const activity = budget.find((b) => b.area === q.area && !b.total && normalizeLabel(b.activity) === activityFor(q.service));
    const member = settings.members.find((m) => m.code === q.area);
    const popYear = member && budgetPeriod ? Object.keys(member.population).filter((y) => y <= budgetPeriod.slice(0, 4)).sort().at(-1) : undefined;
    const pop = member && popYear ? member.population[popYear] : undefined;
    out.push({
      area: q.area, service: q.service, indicator: q.indicator, value: q.value, verdict: q.trend.verdict,
      activity: activity?.activity ?? null, deviationPct: activity?.deviationPct ?? null,
      actualPerInhabitant: activity?.actualYtd != null && pop ? round(activity.actualYtd / pop, 2) : null,
    });
  }
  return out;
}
