import { periodYear, pooledRange } from '../model/period.js';
import type { AreaKind } from '../model/register.js';
import type { Contains } from './containers.js';
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
export function protectPooled(obs: ObservationColumns, containers: (code: string, kind: AreaKind) => Contains | undefined): void {
  const ranges = obs.periods.values.map((text) => pooledRange(text) ?? { from: periodYear(text), to: periodYear(text) });
  if (!ranges.some((r) => r.to > r.from)) return;
  hideAroundSmallRests(obs, ranges);
  const cell = (i: number) => `${obs.indicatorId(i)}|${obs.serviceId(i)}`;
  const series = (i: number) => `${cell(i)}|${obs.areaId(i)}|${obs.genderId(i)}`;
  const yearsOf = new Map<string, Set<number>>();
  for (let i = 0; i < obs.size; i++) {
    const r = ranges[obs.periodId(i)]!;
    if (r.to === r.from) (yearsOf.get(series(i)) ?? yearsOf.set(series(i), new Set()).get(series(i))!).add(r.from);
  }
  // A window some series has part of, not all: the years it lacks are hidden from the window's view.
  const partly = (years: Set<number> | undefined, r: Range) => {
    if (years === undefined) return false;
    let held = 0;
    for (let y = r.from; y <= r.to; y++) if (years.has(y)) held++;
    return held > 0 && held < r.to - r.from + 1;
  };
  // A window adds up years, an area's years its parts' (a region's its municipalities', a
  // kommunalförbund's its members', a total's its genders'): any area inside or around the window's,
  // in any gender, holding part of the window's years gives the rest away too (region 09's
  // 2016-2019 less Gotland's 2017–2019 was Gotland's 2016, its n left blank; a total's window less
  // the men's window and the women's years bounded the women's blanked year).
  const related = relatedAreas(obs, containers);
  const genders = new Set<number>();
  for (let i = 0; i < obs.size; i++) genders.add(obs.genderId(i));
  const partial = (i: number, r: Range) => [obs.areaId(i), ...(related.get(obs.areaId(i)) ?? [])].some((a) => [...genders].some((g) => partly(yearsOf.get(`${cell(i)}|${a}|${g}`), r)));
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

type Range = { from: number; to: number };

/**
 * Two windows shown one inside the other (2016-2019 and 2017-2019) give the years the outer has and
 * the inner lacks as their difference (2016: 130 − 110 = 20 respondents, 104 − 94 = 10 positive),
 * though no row holds those years; and with a third (2014-2016, 2016-2018 and 2014-2018 give 2016),
 * or across genders (a total's 2014-2018 less the women's and men's 2015-2018), the combinations are
 * many. A window with another window of its question and service shown strictly inside it, in any
 * area and gender, is hidden in every area and gender; the inner one stays. Windows that overlap
 * without one holding the other (rolling 2015-2017, 2016-2018) differ by two groups, never one.
 */
function hideAroundSmallRests(obs: ObservationColumns, ranges: readonly Range[]): void {
  const cell = (i: number) => `${obs.indicatorId(i)}|${obs.serviceId(i)}`;
  const shown = new Map<string, Set<number>>();
  for (let i = 0; i < obs.size; i++) {
    const r = ranges[obs.periodId(i)]!;
    if (r.to === r.from || !obs.isShown(i) || !obs.hasN(i)) continue;
    (shown.get(cell(i)) ?? shown.set(cell(i), new Set()).get(cell(i))!).add(obs.periodId(i));
  }
  const outer = new Set<string>();
  for (const [c, periods] of shown) {
    for (const p of periods) {
      const r = ranges[p]!;
      const holds = [...periods].some((q) => q !== p && ranges[q]!.from >= r.from && ranges[q]!.to <= r.to && (ranges[q]!.from > r.from || ranges[q]!.to < r.to));
      if (holds) outer.add(`${c}|${p}`);
    }
  }
  if (outer.size === 0) return;
  for (let i = 0; i < obs.size; i++) if (obs.isShown(i) && outer.has(`${cell(i)}|${obs.periodId(i)}`)) obs.hidden[i] = HIDDEN_SECONDARY;
}

/** Per area of the observations: the areas inside it and those it is inside (by `containers`: regions, Riket, kommunalförbund, groups). */
function relatedAreas(obs: ObservationColumns, containers: (code: string, kind: AreaKind) => Contains | undefined): Map<number, Set<number>> {
  const areas = new Map<number, { code: string; kind: AreaKind }>();
  for (let i = 0; i < obs.size; i++) if (!areas.has(obs.areaId(i))) areas.set(obs.areaId(i), { code: obs.areaCode(i), kind: obs.kindOf(i) });
  const out = new Map<number, Set<number>>();
  const link = (a: number, b: number) => (out.get(a) ?? out.set(a, new Set()).get(a)!).add(b);
  for (const [id, a] of areas) {
    const holds = containers(a.code, a.kind);
    if (holds === undefined) continue;
    for (const [other, b] of areas) {
      if (other === id || !holds(b.code, b.kind)) continue;
      link(id, other);
      link(other, id);
    }
  }
  return out;
}
