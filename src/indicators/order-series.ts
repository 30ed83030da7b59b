import { comparePeriods } from '../model/period.js';
import { byCode, SV } from './collation.js';
import { countingOrder, type ObservationColumns } from './observation-columns.js';
import type { Settings } from './settings.js';

/** The order rows come out in: series by series, each series by period. */
export interface SeriesOrder {
  /** Each period's place in time, by period id. */
  periodRank: Int32Array;
  /** Observations grouped by series, each series by period: series s holds `members[start[s]]` up to `members[start[s + 1]]`. */
  members: Int32Array;
  start: Int32Array;
  /** Series in report order: members first (the config's order), then areas by kind and code, indicator (the config's first), service, gender. */
  series: number[];
}

export function orderSeries(obs: ObservationColumns, settings: Pick<Settings, 'areaOrder' | 'indicatorOrder'>): SeriesOrder {
  const periodRank = new Int32Array(obs.periods.values.length);
  [...obs.periods.values.keys()].sort((a, b) => comparePeriods(obs.periods.values[a]!, obs.periods.values[b]!)).forEach((p, r) => {
    periodRank[p] = r;
  });
  const { order: members, start } = countingOrder(obs.series.subarray(0, obs.size), obs.seriesNumbers.size);
  for (let s = 0; s < obs.seriesNumbers.size; s++) sortByPeriod(members, start[s]!, start[s + 1]!, (i) => periodRank[obs.periodId(i)]!);
  const { areaOrder, indicatorOrder } = settings;
  const first = (s: number) => members[start[s]!]!;
  const series = Array.from({ length: obs.seriesNumbers.size }, (_, s) => s).sort((sa, sb) => {
    const a = first(sa);
    const b = first(sb);
    const aArea = obs.areaCode(a);
    const bArea = obs.areaCode(b);
    const aInd = obs.indicatorOf(a);
    const bInd = obs.indicatorOf(b);
    const aSvc = obs.serviceOf(a);
    const bSvc = obs.serviceOf(b);
    return areaOrder(aArea, obs.kindOf(a)) - areaOrder(bArea, obs.kindOf(b)) || byCode(aArea, bArea) ||
      indicatorOrder(aInd) - indicatorOrder(bInd) || byCode(aInd, bInd) ||
      SV.compare(aSvc, bSvc) || byCode(aSvc, bSvc) || obs.genderId(a) - obs.genderId(b);
  });
  return { periodRank, members, start, series };
}

/** Sorts `a[from…to)` by `rankOf`, stable: a series holds a few periods, so insertion sort. */
function sortByPeriod(a: Int32Array, from: number, to: number, rankOf: (i: number) => number): void {
  for (let k = from + 1; k < to; k++) {
    const v = a[k]!;
    let j = k - 1;
    while (j >= from && rankOf(a[j]!) > rankOf(v)) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
