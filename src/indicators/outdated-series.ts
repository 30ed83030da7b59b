import { finding, type Finding } from '../model/findings.js';
import { firstNamed } from '../model/text.js';
import { periodYear, withinWindow } from '../model/period.js';
import type { ObservationColumns } from './observation-columns.js';
import type { SeriesOrder } from './order-series.js';

/** Area codes named in a finding before "and N more". */
const NAMED = 3;

/**
 * Series whose latest figure up to the report year is older than the window: tables and briefs
 * show none of their rows, so each indicator with such series is said once, naming its areas
 * (the first few) and the latest year any of them has. Nothing is said without a report year.
 */
export function outdatedSeries(obs: ObservationColumns, order: SeriesOrder, year: string | null, window: number): Finding[] {
  if (year === null) return [];
  const byIndicator = new Map<number, { areas: Set<string>; latest: number; file: string }>();
  for (const s of order.series) {
    const latest = latestUpTo(obs, order, s, Number(year));
    if (latest < 0 || withinWindow(obs.periodOf(latest), year, window)) continue;
    const indicator = obs.indicatorId(latest);
    const entry = byIndicator.get(indicator) ?? { areas: new Set<string>(), latest: 0, file: obs.fileOf(latest) };
    byIndicator.set(indicator, entry);
    entry.areas.add(obs.areaCode(latest));
    entry.latest = Math.max(entry.latest, periodYear(obs.periodOf(latest)));
  }
  return [...byIndicator].map(([indicator, e]) => {
    const codes = [...e.areas];
    const areas = firstNamed(codes, NAMED);
    return finding(e.file, { code: 'series-outdated', args: { indicator: obs.indicators.values[indicator]!, areas, latest: e.latest, window, year } });
  });
}

/** A series' last observation whose year is not after `year`, or -1. */
function latestUpTo(obs: ObservationColumns, order: SeriesOrder, s: number, year: number): number {
  let latest = -1;
  for (let k = order.start[s]!; k < order.start[s + 1]!; k++) {
    const i = order.members[k]!;
    if (periodYear(obs.periodOf(i)) <= year) latest = i;
  }
  return latest;
}
