import { isCount } from '../model/vocabulary.js';
import type { Gender } from '../model/records.js';
import { QualityCell, type Comparison, type QualityRow } from '../model/report.js';
import type { IndicatorSpec } from '../model/indicator.js';
import { periodPosition, periodYear, withinWindow } from '../model/period.js';
import type { AreaKind } from '../model/register.js';
import type { Better } from '../model/vocabulary.js';
import { HIDDEN_INCOMPLETE, type ObservationColumns } from './observation-columns.js';
import type { Place } from './containers.js';
import type { SeriesOrder } from './order-series.js';
import { qualityStatusAndReasons } from './quality-status.js';
import type { StatusReason } from '../model/quality-status.js';
import { quartileClass } from './rank.js';
import type { Ranks } from './rank-observations.js';
import { opt, round } from './round.js';
import { spansBreak, trend } from './trend.js';
import { partProportionTest, twoProportionTest, type ProportionTest } from './two-proportion-test.js';
import { decimalsOf } from './positive-share.js';
import { wilsonInterval } from './wilson-interval.js';

export interface RowFilter {
  /** Whether a series (area, its kind, indicator, gender) is looked at at all. */
  series?: (area: string, kind: AreaKind, indicator: string, gender: Gender) => boolean;
  /** Whether a row of a series looked at is given (its series' other rows still count for changes and trends). */
  row?: (area: string, kind: AreaKind, period: string) => boolean;
}

/** What the rows are made with besides the observations, their order and ranks. */
export interface RowContext {
  catalogue: { get(id: string): IndicatorSpec | undefined };
  directionOf(indicator: string): Better;
  /** Years where an indicator's series is broken: the catalogue's, and where its answers changed scale. */
  breaksOf(indicator: string): readonly number[];
  alpha: number;
  /** Whether every respondent of `inner` is among `outer`'s (a municipality and its region, a member and the organisation). */
  holds(outer: Place, inner: Place): boolean;
  memberIds: readonly number[];
  /** The members the organisation's figures are pooled from (`Settings.poolCodes`). */
  poolIds: readonly number[];
  orgId: number;
  /** The report's survey year. */
  surveyPeriod: string | null;
  /** A series' latest row in the report year or up to this many years before it carries the series' trend. */
  window: number;
}

/** One series as its rows need it. */
interface Series {
  area: string;
  indicator: string;
  service: string;
  gender: Gender;
  spec: IndicatorSpec | undefined;
  better: Better;
  breaks: readonly number[];
  member: boolean;
  /** Its shown observations, by period. */
  shown: number[];
}

/**
 * Rows of areas outside the organisation have no peers: they share one empty list (an array each
 * was 15 MB of a 2M-answer report). Frozen, so nothing can add to it.
 */
const NO_PEERS = Object.freeze([]) as unknown as Comparison[];
const NO_REASONS = Object.freeze([]) as unknown as StatusReason[];

/**
 * The report's quality rows, made on demand from the suppressed, ranked and ordered observations:
 * each row with its change since the series' previous shown period, its comparisons (Riket or the
 * region, the organisation, the other members), its rank and status, and, in the report's year,
 * the series' trend.
 */
export class QualityRows {
  private readonly nationId: number;
  /** Each period's place in time, worked out once (a pooled range counts at its end year). */
  private readonly xOf: number[];
  /** A row's sources as published, one shared list per single file. */
  private readonly fileLists: { file: string }[][] = [];
  /** `nesting` of two areas, by their ids. */
  private readonly nested = new Map<number, number>();
  /** Half the last decimal of each file's published shares, by file id (-1: the organisation's); made when first asked. */
  private halves: Map<number, number> | undefined;

  constructor(
    private readonly obs: ObservationColumns,
    private readonly order: SeriesOrder,
    private readonly ranks: Ranks,
    private readonly ctx: RowContext,
  ) {
    this.nationId = obs.areaCodes.id('0000');
    this.xOf = obs.periods.values.map(periodPosition);
  }

  /** The rows in report order, made anew on each call; `filter` leaves out series or rows. */
  *rows(filter: RowFilter = {}): Generator<QualityRow> {
    const { series, members, start } = this.order;
    for (let si = 0; si < series.length; si++) {
      const s = series[si]!;
      const from = start[s]!;
      const to = start[s + 1]!;
      const head = members[from]!;
      const kind = this.obs.kindOf(head);
      if (filter.series && !filter.series(this.obs.areaCode(head), kind, this.obs.indicatorOf(head), this.obs.genderOf(head))) continue;
      yield* this.seriesRows(this.series(head, from, to), from, to, filter);
    }
  }

  private series(head: number, from: number, to: number): Series {
    const { obs, ctx } = this;
    const indicator = obs.indicatorOf(head);
    const spec = ctx.catalogue.get(indicator);
    const shown: number[] = [];
    for (let k = from; k < to; k++) {
      const i = this.order.members[k]!;
      if (obs.isShown(i)) shown.push(i);
    }
    return {
      area: obs.areaCode(head), indicator, service: obs.serviceOf(head), gender: obs.genderOf(head), spec,
      better: ctx.directionOf(indicator), breaks: ctx.breaksOf(indicator), member: ctx.memberIds.includes(obs.areaId(head)), shown,
    };
  }

  private *seriesRows(s: Series, from: number, to: number, filter: RowFilter): Generator<QualityRow> {
    const { obs } = this;
    let reportRow = -1;
    for (let k = from; k < to; k++) {
      const i = this.order.members[k]!;
      if (withinWindow(obs.periodOf(i), this.ctx.surveyPeriod, this.ctx.window)) reportRow = i;
    }
    let shownBefore = 0;
    for (let k = from; k < to; k++) {
      const i = this.order.members[k]!;
      const isShown = obs.isShown(i);
      const prev = isShown && shownBefore > 0 ? s.shown[shownBefore - 1]! : -1;
      if (isShown) shownBefore++;
      const kind = obs.kindOf(i);
      const period = obs.periodOf(i);
      if (filter.row && !filter.row(s.area, kind, period)) continue;
      yield this.row(s, i, prev, i === reportRow);
    }
  }

  /** The row of observation `i`; `prev` is the series' shown observation before it, or -1; `latest` carries the trend. */
  private row(s: Series, i: number, prev: number, latest: boolean): QualityRow {
    const { obs } = this;
    const isShown = obs.isShown(i);
    const kind = obs.kindOf(i);
    const n = obs.nOf(i);
    const ci = isShown && obs.isShare(i) && n ? wilsonInterval(obs.valueOf(i) / 100, n) : undefined;
    const row = new QualityCell(
      s.area, kind, s.indicator, s.service, s.gender, obs.periodOf(i),
      isShown ? round(obs.valueOf(i), 4) : null,
      // A count of respondents is its own n: its value says it.
      isShown && !obs.isCount(i) ? n : null,
      ci ? round(ci.low * 100, 4) : null,
      ci ? round(ci.high * 100, 4) : null,
      !isShown && obs.hiddenAs(i) !== HIDDEN_INCOMPLETE,
      obs.hiddenAs(i) === HIDDEN_INCOMPLETE,
      prev >= 0 ? this.change(i, prev, s.breaks) : null,
      latest ? this.trend(i, s) : null,
      // A count's national figure is a sum over the whole country: no reference to compare with.
      isShown && kind !== 'nation' && !isCount(s.spec?.unit) ? this.reference(i, s.area) : null,
      isShown && s.member ? this.compare(i, obs.find(this.ctx.orgId, obs.cellId(i))) : null,
      isShown && s.member ? this.peers(i) : NO_PEERS,
      this.rank(i),
      null,
      NO_REASONS,
      this.publishedSources(i),
    );
    const judged = qualityStatusAndReasons(row, s.spec?.target, s.better);
    row.status = judged.status;
    if (judged.reasons.length > 0) row.statusReasons = judged.reasons;
    return row;
  }

  /** The value of `a` against the shown value of `b` (none when `b` is -1 or hidden), tested where both are shares with n. */
  private compare(a: number, b: number): Comparison | null {
    const { obs } = this;
    if (b < 0 || !obs.isShown(b)) return null;
    const aN = obs.rawN(a);
    const bN = obs.rawN(b);
    const test = obs.isShare(a) && obs.isShare(b) && aN && bN ? this.test(a, aN, b, bN) : undefined;
    return {
      area: obs.areaCode(b), value: round(obs.valueOf(b), 4), differencePp: round(obs.valueOf(a) - obs.valueOf(b), 4),
      p: test ? round(test.p, 6) : null, significant: test !== undefined && test.p < this.ctx.alpha,
    };
  }

  /**
   * The two-proportion test of shares `a` and `b`: against the rest of `b` where `b` holds `a`'s
   * respondents (a municipality against its region or Riket, a member against the organisation),
   * of `a` where `a` holds `b`'s; else as independent samples (two areas apart, two periods).
   */
  private test(a: number, aN: number, b: number, bN: number): { p: number } | undefined {
    const { obs } = this;
    const [areaA, areaB] = [obs.areaId(a), obs.areaId(b)];
    const nesting = areaA === areaB ? 0 : this.nesting(areaA, obs.kindOf(a), areaB, obs.kindOf(b));
    if (nesting === 1) return this.partTest(a, aN, b, bN);
    if (nesting === -1) return this.partTest(b, bN, a, aN);
    return twoProportionTest(obs.valueOf(a), aN, obs.valueOf(b), bN);
  }

  /**
   * `part` against the rest of `whole`, each share as far from its count as its rounding allows;
   * against the organisation's figure pooled from the members' own, a member's rest is the others'
   * figures exactly (its rounding cancels), as the test against them gives.
   */
  private partTest(part: number, partN: number, whole: number, wholeN: number): ProportionTest | undefined {
    const { obs } = this;
    const exact = obs.isPooled(whole) && this.ctx.poolIds.includes(obs.areaId(part));
    return partProportionTest(obs.valueOf(part), partN, obs.valueOf(whole), wholeN, exact ? 0 : this.half(part), exact ? 0 : this.half(whole));
  }

  /**
   * How far a share may lie from the count it stands for: none from answers counted, half the last
   * decimal its file writes shares to when published (see `shareDecimals`), the most of any file for
   * the organisation's figure (pooled from its members' published ones, or its own).
   */
  private half(i: number): number {
    const { obs } = this;
    if (obs.isExact(i)) return 0;
    this.halves ??= roundingHalves(obs, this.ctx.orgId);
    return this.halves.get(obs.areaId(i) === this.ctx.orgId ? -1 : obs.fileId(i)) ?? 0;
  }

  /** 1 where area `b` holds area `a`'s respondents, -1 where `a` holds `b`'s, else 0; asked once a pair. */
  private nesting(a: number, aKind: AreaKind, b: number, bKind: AreaKind): number {
    const key = a * 2 ** 26 + b;
    let known = this.nested.get(key);
    if (known === undefined) {
      const [placeA, placeB] = [{ code: this.obs.areaCodes.values[a]!, kind: aKind }, { code: this.obs.areaCodes.values[b]!, kind: bKind }];
      known = this.ctx.holds(placeB, placeA) ? 1 : this.ctx.holds(placeA, placeB) ? -1 : 0;
      this.nested.set(key, known);
    }
    return known;
  }

  /** The change since the previous shown period; none across a declared break (two definitions). */
  private change(i: number, prev: number, breaks: readonly number[]): QualityRow['change'] {
    const { obs } = this;
    if (spansBreak(periodYear(obs.periodOf(prev)), periodYear(obs.periodOf(i)), breaks)) return null;
    const c = this.compare(i, prev)!;
    return { from: obs.periodOf(prev), fromValue: c.value, differencePp: c.differencePp, p: c.p, significant: c.significant };
  }

  /** The series' trend over its shown periods up to observation `i`'s. */
  private trend(i: number, s: Series): QualityRow['trend'] {
    const { obs } = this;
    const { periodRank } = this.order;
    const pts: { x: number; y: number }[] = [];
    const ptsPeriods: string[] = [];
    for (const p of s.shown) {
      const pp = obs.periodId(p);
      if (periodRank[pp]! <= periodRank[obs.periodId(i)]!) {
        pts.push({ x: this.xOf[pp]!, y: obs.valueOf(p) });
        ptsPeriods.push(obs.periodOf(p));
      }
    }
    if (pts.length === 0) return null;
    const t = trend(pts, s.better, s.breaks, this.ctx.alpha);
    // The segment's ends as the periods they are (`2004-2007` stays a range), not their positions.
    const label = (x: number) => ptsPeriods[pts.findIndex((pt) => pt.x === x)]!;
    return {
      from: label(t.from), to: label(t.to), points: t.points, theilSenSlope: opt(t.theilSenSlope), mannKendallS: opt(t.mannKendall?.s),
      mannKendallP: opt(t.mannKendall?.p, 6), olsSlope: opt(t.ols?.slope), olsSlopeLow: opt(t.ols?.slopeLow),
      olsSlopeHigh: opt(t.ols?.slopeHigh), r2: opt(t.ols?.r2), verdict: t.verdict,
    };
  }

  /** Riket, else the area's region (the first two digits of its code); never the area itself. */
  private reference(i: number, area: string): Comparison | null {
    const { obs } = this;
    const cell = obs.cellId(i);
    const national = obs.find(this.nationId, cell);
    const reference = this.compare(i, national >= 0 ? national : obs.find(obs.areaCodes.id(area.slice(0, 2)), cell));
    return reference?.area === area ? null : reference;
  }

  /** The other members' shown values in the cell, in the config's order. */
  private peers(i: number): Comparison[] {
    const { obs } = this;
    const { memberIds } = this.ctx;
    const peers: Comparison[] = [];
    for (let m = 0; m < memberIds.length; m++) {
      if (memberIds[m] === obs.areaId(i)) continue;
      const c = this.compare(i, obs.find(memberIds[m]!, obs.cellId(i)));
      if (c !== null) peers.push(c);
    }
    return peers;
  }

  private rank(i: number): QualityRow['rank'] {
    const of = this.ranks.of[i]!;
    if (of === 0) return null;
    const position = this.ranks.position[i]!;
    return { position, of, quartile: quartileClass(position, of) ?? null };
  }

  /** A row's sources as published: each file once, no lines. */
  private publishedSources(i: number): QualityRow['sources'] {
    const { obs } = this;
    const list = obs.more.get(i);
    if (list === undefined) return (this.fileLists[obs.fileId(i)] ??= Object.freeze([Object.freeze({ file: obs.fileOf(i) })]) as unknown as { file: string }[]);
    return [...new Set(list.map((src) => src.file))].map((file) => ({ file }));
  }
}

/**
 * Half the last decimal each file writes its rounded shares to (78,0 beside 78,6 is read to a
 * tenth too), by file id; under -1 the largest, for the organisation's figure.
 */
function roundingHalves(obs: ObservationColumns, orgId: number): Map<number, number> {
  const places = new Map<number, number>();
  for (let i = 0; i < obs.size; i++) {
    if (!obs.isShare(i) || obs.isExact(i) || obs.areaId(i) === orgId) continue;
    const d = decimalsOf(obs.valueOf(i));
    if (d > (places.get(obs.fileId(i)) ?? -1)) places.set(obs.fileId(i), d);
  }
  const halves = new Map([...places].map(([file, d]) => [file, 0.5 * 10 ** -d]));
  halves.set(-1, Math.max(0, ...halves.values()));
  return halves;
}
