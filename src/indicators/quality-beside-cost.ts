import type { Member } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import { overlaps } from '../model/membership.js';
import { withinWindow } from '../model/period.js';
import type { BudgetRow, QualityRow, Report } from '../model/report.js';
import type { AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { byCode, SV } from './collation.js';
import type { QualityTable } from './quality.js';
import { round } from './round.js';
import { serviceHeadline, type Headline } from './service-headline.js';
import { directionOf as direction, type Settings } from './settings.js';

type BesideRow = Report['qualityBesideCost'][number];
type LeftOut = NonNullable<Report['qualityBesideCostLeftOut']>[number];

/** The budget activity a surveyed service is paid from, when the config does not say. */
const DEFAULT_SERVICE_ACTIVITY: Record<string, string> = {
  hemtjanst: 'Äldreomsorg',
  'sarskilt boende': 'Äldreomsorg',
  'sarskilt boende for aldre': 'Äldreomsorg',
  aldreomsorg: 'Äldreomsorg',
  lss: 'LSS',
  'individ och familjeomsorg': 'Individ- och familjeomsorg',
  ifo: 'Individ- och familjeomsorg',
};

/**
 * Per area and service, the service's headline indicator (`serviceHeadline`) at its latest period
 * within the window, with its trend, beside the budget line that pays for the service: its deviation
 * in percent, its costs year to date per inhabitant and, where the config names a volume for the line
 * (`budget.activityVolume`) and the area has it for the budget year, its full-year costs per user
 * or hour.
 *
 * The areas are the members, municipalities with budget lines and the organisation. A value's
 * service is its own (a survey's) or, when it has none (Kolada's), the one its catalogue entry
 * names; a value with neither belongs to no service. An area's service without a matching budget
 * line, without the volume the config asks for, or with a volume but no full-year figure (no
 * forecast before December), gets a finding (once budget figures exist). An area with figures for a
 * service but none for its headline has no row for it: `leftOut` names it, with a finding (once
 * budget figures exist), so a service does not vanish from an area's section unremarked.
 * Rows come area by area in report order, services in Swedish alphabetical order.
 */
export function qualityBesideCost(table: QualityTable, budget: readonly BudgetRow[], budgetPeriod: string | null, settings: Settings, findings: Finding[]): { rows: Report['qualityBesideCost']; leftOut: LeftOut[] } {
  const areas = areasBesideCost(budget, settings);
  const latest = latestByService(table, areas, settings);
  const year = budgetPeriod?.slice(0, 4) ?? null;
  const out: BesideRow[] = [];
  const said = new Set<string>();
  const note = (f: Finding) => {
    if (!said.has(f.message)) findings.push(f);
    said.add(f.message);
  };
  const leftOut: LeftOut[] = [];
  for (const { service, headline, rows, without } of headlines(latest, table, settings)) {
    for (const q of without) {
      if (!settings.keepArea(q.area, q.areaKind) || budget.length === 0) continue;
      leftOut.push({ area: q.area, service, indicator: headline.indicator });
      const to = Number(table.surveyPeriod);
      note(finding('(config)', { code: 'beside-cost-no-headline', args: { area: q.area, service, indicator: headline.indicator, from: to - settings.window, to } }));
    }
    for (const q of rows) {
      if (!settings.keepArea(q.area, q.areaKind)) continue;
      const activity = activityFor(service, q.area, budget, settings);
      if (activity === null && budget.length > 0) {
        note(finding('(config)', { code: 'beside-cost-no-activity', args: { area: q.area, service, activity: activityNames(service, settings).map((n) => `"${n}"`).join(' or ') } }));
      }
      const population = populationOf(q.area, q.areaKind, year, settings, activity?.members ?? undefined);
      const perInhabitant = activity?.actualYtd != null && population !== null && population.count > 0 ? round(activity.actualYtd / population.count, 2) : null;
      if (perInhabitant !== null && population!.year !== year) {
        const lacking = population!.lacking;
        note(finding('(config)', { code: 'beside-cost-population-year', args: { area: q.area, year: year!, used: population!.year, members: lacking.join(', '), count: lacking.length } }));
      }
      const volume = activity === null || year === null ? null : volumeOf(activity.activity, q.area, q.areaKind, year, settings, note, activity.members ?? undefined);
      const fullYear = activity === null ? null : activity.period.endsWith('-12') ? activity.actualYtd : activity.forecast;
      if (activity !== null && volume !== null && fullYear === null) {
        note(finding('(config)', { code: 'beside-cost-no-forecast', args: { area: q.area, activity: activity.activity, period: activity.period } }));
      }
      out.push({
        area: q.area, service, indicator: headline.indicator, headlineRule: headline.rule, period: q.period, value: q.value, suppressed: q.suppressed,
        verdict: q.trend?.verdict ?? null,
        activity: activity?.activity ?? null, deviationPct: activity?.deviationPct ?? null,
        actualPerInhabitant: perInhabitant,
        populationYear: population?.year ?? null,
        volume,
        costPerVolume: volume !== null && volume.amount > 0 && fullYear !== null ? round(fullYear / volume.amount, 2) : null,
      });
    }
  }
  findings.push(...unusedKeys(latest, budget, settings));
  const order = (a: { area: string; service: string }, b: { area: string; service: string }) => areaRank(a.area, table, settings) - areaRank(b.area, table, settings) || byCode(a.area, b.area) || SV.compare(a.service, b.service);
  return { rows: out.sort(order), leftOut: leftOut.sort(order) };
}

/**
 * `budget.activityVolume` keys that name no budget line, and `budget.serviceActivity` keys that name
 * no service with quality figures: each applies to nothing ("Äldreomsorgen" for the line
 * "Äldreomsorg" took the cost per user away without a word). Said only where there are lines, or
 * services, to name.
 */
function unusedKeys(latest: ReadonlyMap<string, unknown>, budget: readonly BudgetRow[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  const some = (names: Iterable<string>) => {
    const list = [...new Set(names)].sort(SV.compare);
    return ` (${list.slice(0, 6).map((n) => `"${n}"`).join(', ')}${list.length > 6 ? ', …' : ''})`;
  };
  const lines = budget.filter((b) => !b.total).map((b) => b.activity);
  const lineKeys = new Set(lines.map(normalizeLabel));
  if (lines.length > 0) {
    for (const activity of Object.keys(settings.budget.activityVolume)) {
      if (!lineKeys.has(normalizeLabel(activity))) out.push(finding('(config)', { code: 'config-entry-unused', args: { key: 'budget.activityVolume', id: activity, kind: 'budget line', hint: some(lines), effect: 'no cost per user or hour is worked out by it' } }));
    }
  }
  if (latest.size > 0) {
    for (const service of Object.keys(settings.budget.serviceActivity)) {
      if (!latest.has(normalizeLabel(service))) out.push(finding('(config)', { code: 'config-entry-unused', args: { key: 'budget.serviceActivity', id: service, kind: 'service with quality figures', hint: '', effect: 'the line it names is set beside nothing' } }));
    }
  }
  return out;
}

/** Members, municipalities with budget lines and the organisation: where quality sits beside cost. */
function areasBesideCost(budget: readonly BudgetRow[], settings: Settings): Set<string> {
  const areas = new Set<string>([...settings.memberCodes, settings.organisation.code]);
  for (const b of budget) if (b.areaKind === 'municipality') areas.add(b.area);
  return areas;
}

/** Each area's latest shown row (totals by gender) per indicator and service. */
function latestByService(table: QualityTable, areas: ReadonlySet<string>, settings: Settings): Map<string, Map<string, QualityRow>> {
  const byService = new Map<string, Map<string, QualityRow>>();
  const serviceOf = (q: QualityRow) => (q.service !== '' ? q.service : settings.catalogue.get(q.indicator)?.service);
  const rows = table.rows({
    series: (area, _kind, _indicator, gender) => gender === 'T' && areas.has(area),
    row: (_area, _kind, period) => withinWindow(period, table.surveyPeriod, settings.window),
  });
  for (const q of rows) {
    const service = serviceOf(q);
    if (service === undefined) continue;
    const key = normalizeLabel(service);
    let series = byService.get(key);
    if (!series) byService.set(key, (series = new Map()));
    // Rows come in period order: the last one of a series is its latest.
    series.set(`${q.indicator}\u0000${q.area}`, q);
  }
  return byService;
}

/**
 * Each service's headline and its rows, area by area, and a row of each area with figures for the
 * service but none for its headline (`without`); a service whose indicators have no better
 * direction has none.
 */
function* headlines(latest: Map<string, Map<string, QualityRow>>, table: QualityTable, settings: Settings): Generator<{ service: string; headline: Headline; rows: QualityRow[]; without: QualityRow[] }> {
  const directionOf = (id: string) => direction(settings, id, table.surveyIndicators.has(id));
  const catalogue = { get: settings.catalogue.get, indicatorOrder: settings.indicatorOrder, directionOf };
  for (const series of latest.values()) {
    const rows = [...series.values()];
    const service = rows[0]!.service !== '' ? rows[0]!.service : settings.catalogue.get(rows[0]!.indicator)!.service!;
    const headline = serviceHeadline(service, [...new Set(rows.map((q) => q.indicator))], catalogue);
    if (headline === null) continue;
    const headed = rows.filter((q) => q.indicator === headline.indicator);
    const withHeadline = new Set(headed.map((q) => q.area));
    const without = new Map<string, QualityRow>();
    for (const q of rows) if (!withHeadline.has(q.area) && !without.has(q.area)) without.set(q.area, q);
    yield { service, headline, rows: headed, without: [...without.values()] };
  }
}

/**
 * The names of the line a service may be paid from, in the order tried: the config's
 * `budget.serviceActivity`; else a line named like the service, then the built-in match (home care
 * from elderly care where the budget has no line of its own for it).
 */
function activityNames(service: string, settings: Settings): string[] {
  const custom = Object.entries(settings.budget.serviceActivity).find(([s]) => normalizeLabel(s) === normalizeLabel(service))?.[1];
  if (custom !== undefined) return [custom];
  const builtIn = DEFAULT_SERVICE_ACTIVITY[normalizeLabel(service)];
  return builtIn === undefined || normalizeLabel(builtIn) === normalizeLabel(service) ? [service] : [service, builtIn];
}

function activityFor(service: string, area: string, budget: readonly BudgetRow[], settings: Settings): BudgetRow | null {
  for (const name of activityNames(service, settings).map(normalizeLabel)) {
    const line = budget.find((b) => b.area === area && !b.total && normalizeLabel(b.activity) === name);
    if (line) return line;
  }
  return null;
}

/**
 * An area's population: a member's latest year in the config not after the budget year; the
 * organisation's, its members' summed at the latest year all have, when none contains another:
 * of the members its line covers (`covered`) when that is fewer than all (a line of one member's,
 * per inhabitant of both, halved its cost per inhabitant).
 * `lacking`: the members without a population for the budget year itself (a year before it is used).
 */
function populationOf(area: string, kind: AreaKind, year: string | null, settings: Settings, covered?: readonly string[]): { year: string; count: number; lacking: string[] } | null {
  if (year === null) return null;
  // A population of 0 is no figure, as for the allocation key: divided by, Mellerud's 0 doubled the
  // organisation's cost per inhabitant and blanked Mellerud's own without a word.
  const has = (m: Member, y: string) => (m.population[y] ?? 0) > 0;
  const latestOf = (m: Member) => Object.keys(m.population).filter((y) => y <= year && has(m, y)).sort().at(-1);
  if (kind === 'organisation') {
    const members = covered === undefined ? settings.members : settings.members.filter((m) => covered.includes(m.code));
    if (members.length === 0 || overlaps(members).length > 0) return null;
    const common = members.map(latestOf).reduce<string | undefined>((a, y) => (a === undefined || y === undefined ? undefined : y < a ? y : a), '9999');
    if (common === undefined || !members.every((m) => has(m, common))) return null;
    const lacking = members.filter((m) => !has(m, year)).map((m) => m.code);
    return { year: common, count: members.reduce((s, m) => s + m.population[common]!, 0), lacking };
  }
  const member = settings.members.find((m) => m.code === area);
  const y = member && latestOf(member);
  return member && y ? { year: y, count: member.population[y]!, lacking: [member.code] } : null;
}

/**
 * The volume the config names for an activity, for an area and year (the organisation: its members
 * summed, those its line covers (`covered`) when fewer than all, as for its population: a line of
 * one member's, per user of both, halved its cost per user); a finding when it is missing.
 */
function volumeOf(activity: string, area: string, kind: AreaKind, year: string, settings: Settings, note: (f: Finding) => void, covered?: readonly string[]): BesideRow['volume'] {
  const spec = Object.entries(settings.budget.activityVolume).find(([a]) => normalizeLabel(a) === normalizeLabel(activity))?.[1];
  if (spec === undefined) return null;
  const members = kind === 'organisation'
    ? covered === undefined ? settings.members : settings.members.filter((m) => covered.includes(m.code))
    : settings.members.filter((m) => m.code === area);
  const amounts = members.map((m) => m.usage[spec.usage]?.[year]);
  const missing = () => note(finding('(config)', { code: 'beside-cost-no-volume', args: { area, activity, usage: spec.usage, year } }));
  if (members.length === 0 || amounts.some((a) => a === undefined)) {
    missing();
    return null;
  }
  const amount = amounts.reduce((s: number, a) => s + a!, 0);
  // No users or hours: a cost per one is no number, and that is said rather than left blank.
  if (amount === 0) missing();
  return { usage: spec.usage, per: spec.per, year, amount };
}

/** Report order: members as the config lists them, then others by kind and code, the organisation last. */
function areaRank(area: string, table: QualityTable, settings: Settings): number {
  return settings.areaOrder(area, table.areas.get(area) ?? (area === settings.organisation.code ? 'organisation' : 'municipality'));
}
