import type { Config } from '../config/schema.js';
import { periodYear } from '../model/period.js';
import type { AreaKind } from '../model/register.js';
import type { Milestone } from '../model/report.js';
import { milestoneLevels, type YearValue } from './milestone-level.js';
import { type QualityTable } from './quality.js';
import { opt } from './round.js';

/**
 * Each milestone's quality levels: for every series of a municipality or the organisation (both
 * genders together) with years on both sides up to the survey year, the mean before and from the
 * milestone on (see `milestoneLevels`), tested where every year has n. Suppressed and missing
 * years count on neither side. Empty when the config has no milestones.
 */
export function qualityMilestones(table: QualityTable, config: Config, keep: (code: string, kind: AreaKind) => boolean): Milestone['quality'][] {
  if (config.milestones.length === 0) return [];
  const until = table.surveyPeriod === null ? Infinity : periodYear(table.surveyPeriod);
  const series = new Map<string, { area: string; indicator: string; service: string; points: YearValue[] }>();
  const looked = { series: (area: string, kind: AreaKind, _: string, gender: string) => gender === 'T' && (kind === 'municipality' || kind === 'organisation') && keep(area, kind) };
  for (const q of table.rows(looked)) {
    const year = periodYear(q.period);
    if (q.value === null || year > until) continue;
    const key = `${q.area}\u0000${q.indicator}\u0000${q.service}`;
    const s = series.get(key) ?? series.set(key, { area: q.area, indicator: q.indicator, service: q.service, points: [] }).get(key)!;
    s.points.push({ year, value: q.value, n: q.n });
  }
  return config.milestones.map((m) => {
    const out: Milestone['quality'] = [];
    for (const s of series.values()) {
      const levels = milestoneLevels(s.points, Number(m.period), { test: true, alpha: config.survey.alpha, breaks: table.breaksOf(s.indicator) });
      if (levels === undefined) continue;
      const side = (l: typeof levels.before) => ({ from: String(l.from), to: String(l.to), years: l.years, mean: opt(l.mean)!, n: l.n });
      out.push({ area: s.area, indicator: s.indicator, service: s.service, before: side(levels.before), after: side(levels.after), difference: opt(levels.difference)!, p: opt(levels.p ?? undefined, 6), significant: levels.significant });
    }
    return out;
  });
}

/** The config's milestones with their quality and balance levels; balance lines only of `areas` (those shown). */
export function milestoneReport(config: Config, quality: readonly Milestone['quality'][], balance: readonly Milestone['balance'][], areas: ReadonlySet<string>): Milestone[] {
  return config.milestones.map((m, i) => ({ period: m.period, label: m.label, quality: quality[i] ?? [], balance: (balance[i] ?? []).filter((b) => areas.has(b.area)) }));
}
