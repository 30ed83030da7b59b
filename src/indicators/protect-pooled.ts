import { periodYear, pooledRange } from '../model/period.js';
import { HIDDEN_SECONDARY, type ObservationColumns } from './observation-columns.js';

/**
 * A pooled period (`2016-2018`) counts the respondents of the periods it covers: beside them, less
 * those shown it gives those hidden (2018's 10 = 100 − 40 − 50), and likewise a window inside it
 * (2016-2017 = 2016-2018 − 2018). A window is shown only where, for its question and service, no
 * period inside it is hidden and every series that has any of its years has them all (a year set
 * aside, its n blank, is one a reader would get back); else it is hidden in every area and gender:
 * a narrower rule would leave the organisation's and the genders' totals to solve with. Repeated,
 * as a window hidden so is itself inside a larger one. Heavy-handed, and rare: data mixing pooled
 * periods with the years they cover.
 */
export function protectPooled(obs: ObservationColumns): void {
  const ranges = obs.periods.values.map((text) => pooledRange(text) ?? { from: periodYear(text), to: periodYear(text) });
  if (!ranges.some((r) => r.to > r.from)) return;
  const cell = (i: number) => `${obs.indicatorId(i)}|${obs.serviceId(i)}`;
  const series = (i: number) => `${cell(i)}|${obs.areaId(i)}|${obs.genderId(i)}`;
  const yearsOf = new Map<string, Set<number>>();
  for (let i = 0; i < obs.size; i++) {
    const r = ranges[obs.periodId(i)]!;
    if (r.to === r.from) (yearsOf.get(series(i)) ?? yearsOf.set(series(i), new Set()).get(series(i))!).add(r.from);
  }
  // A window some series has part of, not all: the years it lacks are hidden from the window's view.
  const partial = (i: number, r: { from: number; to: number }) => {
    const years = yearsOf.get(series(i));
    if (years === undefined) return false;
    let held = 0;
    for (let y = r.from; y <= r.to; y++) if (years.has(y)) held++;
    return held > 0 && held < r.to - r.from + 1;
  };
  for (let changed = true; changed;) {
    changed = false;
    const hidden = new Map<string, { from: number; to: number }[]>();
    for (let i = 0; i < obs.size; i++) {
      const r = ranges[obs.periodId(i)]!;
      if (obs.isShown(i) && !obs.isIncomplete(i) && !(r.to > r.from && partial(i, r))) continue;
      (hidden.get(cell(i)) ?? hidden.set(cell(i), []).get(cell(i))!).push(r);
    }
    for (let i = 0; i < obs.size; i++) {
      const r = ranges[obs.periodId(i)]!;
      if (r.to === r.from || !obs.isShown(i)) continue;
      const inside = (hidden.get(cell(i)) ?? []).some((h) => h.from >= r.from && h.to <= r.to);
      if (inside) (obs.hidden[i] = HIDDEN_SECONDARY), (changed = true);
    }
  }
}
