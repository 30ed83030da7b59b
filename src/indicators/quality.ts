import type { Config } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import { indicatorCatalogue } from '../model/kolada-kpis.js';
import type { Gender, QualityRecord } from '../model/records.js';
import { gender as genders } from '../model/vocabulary.js';
import { QualityCell, type Comparison, type QualityRow } from '../model/report.js';
import { comparePeriods, periodPosition, periodYear } from '../model/period.js';
import type { AreaKind } from '../model/register.js';
import { createRowIndex, KeyNumbers } from '../model/row-index.js';
import { TextIndex } from '../model/text.js';
import { pooledShare, positiveShare } from './positive-share.js';
import { quartileClass, rank } from './rank.js';
import { cellGroups } from './cell-groups.js';
import { BELOW, SHOWN, suppressCells } from './suppression.js';
import { isCount, type Better } from '../model/vocabulary.js';
import { spansBreak, trend } from './trend.js';
import { twoProportionTest } from './two-proportion-test.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * The quality half of the report: observations (one per area × question × service × gender ×
 * period) as columns, suppressed, ranked and ordered, with the report's rows made from them on
 * demand, series by series. A national file gives 459 000 observations: as objects, with their
 * source lists, cell maps and the rows made from them, they held ~250 MB until the report was
 * written; as columns they are ~52 bytes each, and a JSON report writes each row as it is made.
 */
export interface QualityTable {
  /** The report's survey year: `--period`'s year, else the latest in the data. */
  surveyPeriod: string | null;
  /** Findings made while observations were put together (published figures that disagree). */
  findings: Finding[];
  /** Indicators answered in surveys (shares of respondents: higher is better unless told). */
  surveyIndicators: ReadonlySet<string>;
  /** Every indicator with an observation, and every area (with its kind), in no particular order. */
  indicators: ReadonlySet<string>;
  /** Every year with an observation, in no particular order. */
  years: ReadonlySet<string>;
  areas: ReadonlyMap<string, AreaKind>;
  /** Whether an input row (file, line) is a source of a hidden cell: findings on it must not be published as they are. */
  behindHidden(file: string, line: number): boolean;
  /** The report's rows in report order, made anew on each call; `filter` leaves out series or rows. */
  rows(filter?: RowFilter): Generator<QualityRow>;
}

export interface RowFilter {
  /** Whether a series (area, its kind, indicator, gender) is looked at at all. */
  series?: (area: string, kind: AreaKind, indicator: string, gender: Gender) => boolean;
  /** Whether a row of a series looked at is given (its series' other rows still count for changes and trends). */
  row?: (area: string, kind: AreaKind, period: string) => boolean;
}

export interface QualitySettings {
  /** `YYYY` or `YYYY-MM`: the report's period, when one is asked for. */
  period?: string | undefined;
}

const GENDERS: readonly Gender[] = genders.options;
const GENDER_ORDER: Record<Gender, number> = { T: 0, K: 1, M: 2 };
const KINDS: readonly AreaKind[] = ['municipality', 'organisation', 'region', 'group', 'nation', 'federation'];
/** An area kind as stored in a column: its place in KINDS. */
const KIND_ID = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<AreaKind, number>;
/** Report order of area kinds (members come before all of them). */
const KIND_ORDER: Record<AreaKind, number> = { municipality: 0, organisation: 1, region: 2, group: 3, nation: 4, federation: 5 };
/** One collator for Swedish order (å ä ö last); `localeCompare(x, 'sv')` would build one per call. */
export const SV = new Intl.Collator('sv');
/** Code-point order for codes and ids: fast, and the same on every machine whatever its locale. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const IS_SHARE = 1;
const FROM_ANSWERS = 2;
/** Some answers in the cell were rejected: the share would be wrong, so it is not published. */
const INCOMPLETE = 4;
/** `hidden` of an incomplete cell: kept out of everything published, like a suppressed one. */
const HIDDEN_INCOMPLETE = 3;
/**
 * Rows of areas outside the organisation have no peers: they share one empty list (an array each
 * was 15 MB of a 2M-answer report). Frozen, so nothing can add to it.
 */
const NO_PEERS = Object.freeze([]) as unknown as Comparison[];

type Source = { file: string; line: number };
/** Two sources' figures for one cell that differ: `at` the one set aside, `kept` the one used. */
interface Disagreement { obs: number; at: Source; atAnswers: boolean; keptFile: string; value: number; n: number | null; keptValue: number; keptN: number | null }

/** Growable typed columns, one slot per observation. */
class Columns {
  size = 0;
  area = new Int32Array(64);
  kind = new Uint8Array(64);
  indicator = new Int32Array(64);
  service = new Int32Array(64);
  gender = new Uint8Array(64);
  period = new Int32Array(64);
  /** The cell (indicator × service × gender × period) and the series (area × indicator × service × gender). */
  cell = new Int32Array(64);
  series = new Int32Array(64);
  value = new Float64Array(64);
  /** NaN for none. */
  n = new Float64Array(64);
  flags = new Uint8Array(64);
  hidden = new Uint8Array(64);
  /** The first source; `more` holds the whole list where there are several. */
  file = new Int32Array(64);
  line = new Int32Array(64);
  more = new Map<number, Source[]>();

  /** A new slot, the columns grown (doubled) when full. */
  push(): number {
    if (this.size === this.area.length) {
      const grow = grown;
      this.area = grow(this.area);
      this.kind = grow(this.kind);
      this.indicator = grow(this.indicator);
      this.service = grow(this.service);
      this.gender = grow(this.gender);
      this.period = grow(this.period);
      this.cell = grow(this.cell);
      this.series = grow(this.series);
      this.value = grow(this.value);
      this.n = grow(this.n);
      this.flags = grow(this.flags);
      this.hidden = grow(this.hidden);
      this.file = grow(this.file);
      this.line = grow(this.line);
    }
    return this.size++;
  }
}

/**
 * Observations from quality records (published shares, respondents' answers counted, indicator
 * values) and the organisation's pooled shares; then suppression, ranks and the order of rows.
 * Microdata and a published figure for the same cell: the microdata is kept, disagreement reported.
 */
export function qualityTable(records: readonly QualityRecord[], config: Config, opts: QualitySettings): QualityTable {
  const catalogue = indicatorCatalogue(config.indicators);
  const memberCodes = config.members.map((m) => m.code);
  const orgCode = config.organisation.code;
  const alpha = config.survey.alpha;
  const min = config.survey.minRespondents;
  const findings: Finding[] = [];
  const disagreements: Disagreement[] = [];

  const areaCodes = new TextIndex();
  const indicators = new TextIndex();
  const services = new TextIndex();
  const periods = new TextIndex();
  const files = new TextIndex();
  const o = new Columns();
  const cells = new KeyNumbers();
  const byCellArea = createRowIndex();
  const seriesNumbers = new KeyNumbers();
  const surveyIndicators = new Set<string>();
  // Survey indicators are shares of positive answers: higher is better unless the config says otherwise.
  // Any other indicator without a known direction gets no rank and no status.
  const directionOf = (indicator: string): Better => catalogue.get(indicator)?.better ?? (surveyIndicators.has(indicator) ? 'higher' : 'none');

  const sourcesOf = (i: number): Source[] => o.more.get(i) ?? [{ file: files.values[o.file[i]!]!, line: o.line[i]! }];
  const nOf = (i: number): number | null => (Number.isNaN(o.n[i]!) ? null : o.n[i]!);
  /** A row's sources as published: each file once, no lines; one shared list per single file. */
  const fileLists: { file: string }[][] = [];
  const publishedSources = (i: number): QualityRow['sources'] => {
    const list = o.more.get(i);
    if (list === undefined) return (fileLists[o.file[i]!] ??= Object.freeze([Object.freeze({ file: files.values[o.file[i]!]! })]) as unknown as { file: string }[]);
    return [...new Set(list.map((s) => s.file))].map((file) => ({ file }));
  };

  /** Puts one observation in its cell, or merges it with the one already there. */
  const put = (
    area: number, kind: AreaKind, indicator: number, service: number, gender: number, period: number,
    value: number, n: number | null, flags: number, file: number, line: number, list?: Source[],
  ): number => {
    const cell = cells.id(indicator, service, period * 3 + gender);
    const prior = byCellArea.claim(area, cell, 0, o.size);
    if (prior < 0) {
      const i = o.push();
      const series = seriesNumbers.id(area, indicator, service * 3 + gender);
      o.area[i] = area;
      o.kind[i] = KIND_ID[kind];
      o.indicator[i] = indicator;
      o.service[i] = service;
      o.gender[i] = gender;
      o.period[i] = period;
      o.cell[i] = cell;
      o.series[i] = series;
      o.value[i] = value;
      o.n[i] = n ?? Number.NaN;
      o.flags[i] = flags;
      o.file[i] = file;
      o.line[i] = line;
      if (list !== undefined && list.length > 1) o.more.set(i, list);
      return i;
    }
    const mine = list ?? [{ file: files.values[file]!, line }];
    const keepPrior = (o.flags[prior]! & FROM_ANSWERS) !== 0 || (flags & FROM_ANSWERS) === 0;
    const keep = keepPrior ? { value: o.value[prior]!, n: nOf(prior), sources: sourcesOf(prior) } : { value, n, sources: mine };
    const other = keepPrior ? { value, n, sources: mine } : { value: o.value[prior]!, n: nOf(prior), sources: sourcesOf(prior) };
    const agrees = Math.abs(keep.value - other.value) < 0.05 + 1e-9 && (keep.n === null || other.n === null || keep.n === other.n);
    // An incomplete share is no figure to compare: the cell says why it is not published.
    if (!agrees && ((flags | o.flags[prior]!) & INCOMPLETE) === 0) {
      // Written once suppression has said whether the cell is shown (`disagreementFindings`).
      const fromAnswers = ((keepPrior ? flags : o.flags[prior]!) & FROM_ANSWERS) !== 0;
      disagreements.push({ obs: prior, at: other.sources[0]!, atAnswers: fromAnswers, keptFile: keep.sources[0]!.file, value: other.value, n: other.n, keptValue: keep.value, keptN: keep.n });
    }
    const merged = [...keep.sources, ...other.sources];
    if (!keepPrior) {
      o.kind[prior] = KIND_ID[kind];
      o.value[prior] = value;
      o.n[prior] = n ?? Number.NaN;
      o.flags[prior] = flags;
    }
    o.file[prior] = files.id(merged[0]!.file);
    o.line[prior] = merged[0]!.line;
    o.more.set(prior, merged);
    return prior;
  };

  // Respondents' answers arrive per respondent gender; the total (T) is their sum. Counted per
  // series and year, and put in the order each series was first met, its years as they came. A
  // count slot keeps its series, its first record and its counts, in typed arrays (no garbage:
  // arrays of half a million values regrown were ~60 MB of a national report's analysis).
  let slotSeries = new Int32Array(64);
  let slotRecord = new Int32Array(64);
  let slotGender = new Uint8Array(64);
  let positive = new Float64Array(64);
  let other = new Float64Array(64);
  let excluded = new Float64Array(64);
  let rejected = new Float64Array(64);
  const slots = new KeyNumbers();
  const answerSeries = new KeyNumbers();
  const yearOf: string[] = [];
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    const period = periods.id(r.period);
    // A pooled range (`2004-2007`) counts as its end year.
    yearOf[period] ??= String(periodYear(r.period));
    if (r.kind === 'survey') {
      surveyIndicators.add(r.indicator);
      if (r.share === null) continue;
      put(areaCodes.id(r.area.code), r.area.kind, indicators.id(r.indicator), services.id(r.service), GENDER_ORDER[r.gender], period, r.share, r.n, IS_SHARE, files.id(r.source.file), r.source.line);
    } else if (r.kind === 'values') {
      const unit = catalogue.get(r.indicator)?.unit ?? '%';
      put(areaCodes.id(r.area.code), r.area.kind, indicators.id(r.indicator), services.id(r.service), GENDER_ORDER[r.gender], period, r.value, r.n, unit === '%' && r.n !== null ? IS_SHARE : 0, files.id(r.source.file), r.source.line);
    } else {
      surveyIndicators.add(r.indicator);
      const area = areaCodes.id(r.area.code);
      const indicator = indicators.id(r.indicator);
      const service = services.id(r.service);
      const g = GENDER_ORDER[r.gender];
      for (let pass = 0; pass < (g === 0 ? 1 : 2); pass++) {
        const gender = pass === 0 ? 0 : g;
        const series = answerSeries.id(area, indicator, service * 3 + gender);
        const before = slots.size;
        const slot = slots.id(series, period, 0);
        if (slot === before) {
          if (slot === slotSeries.length) {
            slotSeries = grown(slotSeries);
            slotRecord = grown(slotRecord);
            slotGender = grown(slotGender);
            positive = grown(positive);
            other = grown(other);
            excluded = grown(excluded);
            rejected = grown(rejected);
          }
          slotSeries[slot] = series;
          slotRecord[slot] = ri;
          slotGender[slot] = gender;
        }
        positive[slot]! += r.positive;
        other[slot]! += r.other;
        excluded[slot]! += r.excluded;
        if (r.rejected !== undefined) rejected[slot]! += r.rejected;
      }
    }
  }
  /** Rejected answers per incomplete observation made from answers. */
  const rejectedIn = new Map<number, number>();
  const bySeries = countingOrder(slotSeries.subarray(0, slots.size), answerSeries.size).order;
  for (let k = 0; k < bySeries.length; k++) {
    const s = bySeries[k]!;
    const share = positiveShare({ positive: positive[s]!, other: other[s]!, excluded: excluded[s]! });
    if (share === undefined && rejected[s] === 0) continue;
    const r = records[slotRecord[s]!]!;
    const flags = IS_SHARE | FROM_ANSWERS | (rejected[s]! > 0 ? INCOMPLETE : 0);
    const at = put(areaCodes.id(r.area.code), r.area.kind, indicators.id(r.indicator), services.id(r.service), slotGender[s]!, periods.id(r.period), share?.share ?? 0, share?.n ?? 0, flags, files.id(r.source.file), r.source.line);
    if (rejected[s]! > 0) rejectedIn.set(at, rejected[s]!);
  }

  // Organisation totals: pooled over all members, only where every member has the cell with n.
  const memberIds = memberCodes.map((c) => areaCodes.id(c));
  const isMember = (area: number) => memberIds.includes(area);
  const orgId = areaCodes.id(orgCode);
  if (memberIds.length > 0) {
    const byCell = new Map<number, number[]>();
    for (let i = 0, size = o.size; i < size; i++) {
      if (!isMember(o.area[i]!) || (o.flags[i]! & IS_SHARE) === 0 || Number.isNaN(o.n[i]!)) continue;
      const list = byCell.get(o.cell[i]!);
      if (list) list.push(i);
      else byCell.set(o.cell[i]!, [i]);
    }
    for (const list of byCell.values()) {
      if (list.length !== memberIds.length) continue;
      const pooled = pooledShare(list.map((i) => ({ share: o.value[i]!, n: o.n[i]! })));
      // A member's incomplete cell leaves the organisation's incomplete too.
      const incomplete = list.some((i) => (o.flags[i]! & INCOMPLETE) !== 0);
      if (!pooled && !incomplete) continue;
      const f = list[0]!;
      const sources = list.flatMap(sourcesOf);
      put(orgId, 'organisation', o.indicator[f]!, o.service[f]!, o.gender[f]!, o.period[f]!, pooled?.share ?? 0, pooled?.n ?? 0, IS_SHARE | (incomplete ? INCOMPLETE : 0), files.id(sources[0]!.file), sources[0]!.line, sources);
    }
  }

  // ---- suppression ----------------------------------------------------------------------------
  // Each cell (question × service × period, all areas and genders) is suppressed on its own, so
  // the order cells are taken in does not matter; within a cell, observations keep their order.
  const suppressionNumbers = new KeyNumbers();
  const suppressionCells: number[][] = [];
  for (let i = 0; i < o.size; i++) {
    if ((o.flags[i]! & IS_SHARE) === 0 || Number.isNaN(o.n[i]!)) continue;
    const c = suppressionNumbers.id(o.indicator[i]!, o.service[i]!, o.period[i]!);
    if (c === suppressionCells.length) suppressionCells.push([i]);
    else suppressionCells[c]!.push(i);
  }
  const residualsByFile = new Map<number, number>();
  for (const list of suppressionCells) {
    const { n, positive, groups, residual } = cellGroups(list, o, memberIds, orgId);
    for (const k of residual.owner) residualsByFile.set(o.file[list[k]!]!, (residualsByFile.get(o.file[list[k]!]!) ?? 0) + 1);
    // Ties in n (rare) are broken by the "area|gender" id; a residual sorts after its area's cells.
    const id = (k: number) => (k < list.length ? `${areaCodes.values[o.area[list[k]!]!]}|${GENDERS[o.gender[list[k]!]!]}` : `${areaCodes.values[o.area[list[residual.owner[k - list.length]!]!]!]}|U`);
    const { reason } = suppressCells(n, groups, min, (a, b) => byCode(id(a), id(b)), residual.flags, positive);
    for (let k = 0; k < list.length; k++) if (reason[k] !== SHOWN) o.hidden[list[k]!] = reason[k] === BELOW ? 1 : 2;
  }
  const hiddenRows = new Set<string>();
  for (let i = 0; i < o.size; i++) {
    if (o.hidden[i] === 0 || o.area[i] === orgId) continue;
    for (const src of sourcesOf(i)) hiddenRows.add(`${src.line}|${src.file}`);
  }
  const behindHidden = (file: string, line: number) => hiddenRows.has(`${line}|${file}`);
  for (const d of disagreements) {
    const i = d.obs;
    const key = [areaCodes.values[o.area[i]!], indicators.values[o.indicator[i]!], services.values[o.service[i]!], GENDERS[o.gender[i]!], periods.values[o.period[i]!]].join(' / ');
    findings.push(disagreementFinding(d, key, o.hidden[i] !== 0, min));
  }
  for (const [file, cells] of residualsByFile) findings.push(finding(files.values[file]!, { code: 'gender-unknown-residual', args: { cells, min } }));

  markIncomplete();

  // ---- ranks ----------------------------------------------------------------------------------
  // Among the municipalities shown in a cell (indicator × service × gender × period), by the value
  // as the report gives it.
  const rankPosition = new Int32Array(o.size);
  const rankOf = new Int32Array(o.size);
  {
    const byCell: (number[] | undefined)[] = new Array(cells.size);
    for (let i = 0; i < o.size; i++) {
      if (o.kind[i] !== KIND_ID.municipality || o.hidden[i] !== 0) continue;
      (byCell[o.cell[i]!] ??= []).push(i);
    }
    for (const group of byCell) {
      if (group === undefined) continue;
      const better = directionOf(indicators.values[o.indicator[group[0]!]!]!);
      if (better === 'none') continue;
      const ranks = rank(group.map((i) => round(o.value[i]!, 4)), better);
      for (let k = 0; k < group.length; k++) {
        rankPosition[group[k]!] = ranks[k]!;
        rankOf[group[k]!] = group.length;
      }
    }
  }

  // ---- order ----------------------------------------------------------------------------------
  // Rows come out series by series (members first, then by code, indicator, service, gender),
  // each series by period.
  const periodRank = new Int32Array(periods.values.length);
  [...periods.values.keys()].sort((a, b) => comparePeriods(periods.values[a]!, periods.values[b]!)).forEach((p, r) => {
    periodRank[p] = r;
  });
  const { order: seriesObs, start: seriesStart } = countingOrder(o.series.subarray(0, o.size), seriesNumbers.size);
  for (let s = 0; s < seriesNumbers.size; s++) {
    // A series holds a few periods: insertion sort.
    for (let k = seriesStart[s]! + 1; k < seriesStart[s + 1]!; k++) {
      const v = seriesObs[k]!;
      let j = k - 1;
      while (j >= seriesStart[s]! && periodRank[o.period[seriesObs[j]!]!]! > periodRank[o.period[v]!]!) {
        seriesObs[j + 1] = seriesObs[j]!;
        j--;
      }
      seriesObs[j + 1] = v;
    }
  }
  const { areaOrder, indicatorOrder } = reportOrder(config);
  const first = (s: number) => seriesObs[seriesStart[s]!]!;
  const seriesOrder = Array.from({ length: seriesNumbers.size }, (_, s) => s).sort((sa, sb) => {
    const a = first(sa);
    const b = first(sb);
    const aArea = areaCodes.values[o.area[a]!]!;
    const bArea = areaCodes.values[o.area[b]!]!;
    const aInd = indicators.values[o.indicator[a]!]!;
    const bInd = indicators.values[o.indicator[b]!]!;
    const aSvc = services.values[o.service[a]!]!;
    const bSvc = services.values[o.service[b]!]!;
    return areaOrder(aArea, KINDS[o.kind[a]!]!) - areaOrder(bArea, KINDS[o.kind[b]!]!) || byCode(aArea, bArea) ||
      indicatorOrder(aInd) - indicatorOrder(bInd) || byCode(aInd, bInd) ||
      SV.compare(aSvc, bSvc) || byCode(aSvc, bSvc) || o.gender[a]! - o.gender[b]!;
  });

  // ---- rows -----------------------------------------------------------------------------------
  const nationId = areaCodes.id('0000');
  const compare = (a: number, b: number): Comparison | null => {
    if (b < 0 || o.hidden[b] !== 0) return null;
    const aN = o.n[a]!;
    const bN = o.n[b]!;
    const test = (o.flags[a]! & IS_SHARE) !== 0 && (o.flags[b]! & IS_SHARE) !== 0 && aN && bN ? twoProportionTest(o.value[a]!, aN, o.value[b]!, bN) : undefined;
    return {
      area: areaCodes.values[o.area[b]!]!, value: round(o.value[b]!, 4), differencePp: round(o.value[a]! - o.value[b]!, 4),
      p: test ? round(test.p, 6) : null, significant: test !== undefined && test.p < alpha,
    };
  };
  const find = (area: number, cell: number) => byCellArea.find(area, cell, 0);
  // Each period's place in time, worked out once (a pooled range counts at its end year).
  const xOf = periods.values.map(periodPosition);
  // The latest year with a figure: a year whose records give none (every answer "Vet ej") is not
  // the report's year by default.
  const years = new Set<string>();
  for (let i = 0; i < o.size; i++) years.add(yearOf[o.period[i]!] ?? String(periodYear(periods.values[o.period[i]!]!)));
  let latestYear: string | null = null;
  for (const y of years) if (latestYear === null || y > latestYear) latestYear = y;
  const surveyPeriod = opts.period?.slice(0, 4) ?? latestYear;

  function* rows(filter: RowFilter = {}): Generator<QualityRow> {
    for (let si = 0; si < seriesOrder.length; si++) {
      const s = seriesOrder[si]!;
      const start = seriesStart[s]!;
      const end = seriesStart[s + 1]!;
      const head = seriesObs[start]!;
      const area = areaCodes.values[o.area[head]!]!;
      const indicator = indicators.values[o.indicator[head]!]!;
      const service = services.values[o.service[head]!]!;
      const gender = GENDERS[o.gender[head]!]!;
      if (filter.series && !filter.series(area, KINDS[o.kind[head]!]!, indicator, gender)) continue;
      const spec = catalogue.get(indicator);
      const better = directionOf(indicator);
      const breaks = spec?.breaks ?? [];
      const member = isMember(o.area[head]!);
      const shown: number[] = [];
      let reportRow = -1;
      for (let k = start; k < end; k++) {
        const i = seriesObs[k]!;
        if (o.hidden[i] === 0) shown.push(i);
        if (String(periodYear(periods.values[o.period[i]!]!)) === surveyPeriod) reportRow = i;
      }
      let shownBefore = 0;
      for (let k = start; k < end; k++) {
        const i = seriesObs[k]!;
        const isShown = o.hidden[i] === 0;
        const prev = isShown && shownBefore > 0 ? shown[shownBefore - 1]! : -1;
        if (isShown) shownBefore++;
        const kind = KINDS[o.kind[i]!]!;
        const period = periods.values[o.period[i]!]!;
        if (filter.row && !filter.row(area, kind, period)) continue;
        const n = nOf(i);
        const incomplete = o.hidden[i] === HIDDEN_INCOMPLETE;
        const ci = isShown && (o.flags[i]! & IS_SHARE) !== 0 && n ? wilsonInterval(o.value[i]! / 100, n) : undefined;
        let change: QualityRow['change'] = null;
        // Across a declared break the two values follow different definitions: no change, no test.
        if (prev >= 0 && !spansBreak(periodYear(periods.values[o.period[prev]!]!), periodYear(period), breaks)) {
          const c = compare(i, prev)!;
          change = { from: periods.values[o.period[prev]!]!, fromValue: c.value, differencePp: c.differencePp, p: c.p, significant: c.significant };
        }
        let trendOut: QualityRow['trend'] = null;
        if (i === reportRow) {
          const pts: { x: number; y: number }[] = [];
          for (const p of shown) {
            const pp = o.period[p]!;
            if (periodRank[pp]! <= periodRank[o.period[i]!]!) pts.push({ x: xOf[pp]!, y: o.value[p]! });
          }
          if (pts.length > 0) {
            const t = trend(pts, better, breaks, alpha);
            trendOut = {
              from: t.from, to: t.to, points: t.points, theilSenSlope: opt(t.theilSenSlope), mannKendallS: opt(t.mannKendall?.s),
              mannKendallP: opt(t.mannKendall?.p, 6), olsSlope: opt(t.ols?.slope), olsSlopeLow: opt(t.ols?.slopeLow),
              olsSlopeHigh: opt(t.ols?.slopeHigh), r2: opt(t.ols?.r2), verdict: t.verdict,
            };
          }
        }
        const cell = o.cell[i]!;
        let reference: Comparison | null = null;
        // A count's national figure is a sum over the whole country: no reference to compare with.
        if (isShown && kind !== 'nation' && !isCount(spec?.unit)) {
          const national = find(nationId, cell);
          reference = compare(i, national >= 0 ? national : find(areaCodes.id(area.slice(0, 2)), cell));
          if (reference?.area === area) reference = null;
        }
        const organisation = isShown && member ? compare(i, find(orgId, cell)) : null;
        let peers = NO_PEERS;
        if (isShown && member) {
          peers = [];
          for (let m = 0; m < memberIds.length; m++) {
            if (memberIds[m] === o.area[i]) continue;
            const c = compare(i, find(memberIds[m]!, cell));
            if (c !== null) peers.push(c);
          }
        }
        const row = new QualityCell(
          area, kind, indicator, service, gender, period,
          isShown ? round(o.value[i]!, 4) : null,
          isShown ? n : null,
          ci ? round(ci.low * 100, 4) : null,
          ci ? round(ci.high * 100, 4) : null,
          !isShown && !incomplete,
          incomplete,
          change,
          trendOut,
          reference,
          organisation,
          peers,
          rankOf[i]! > 0 ? { position: rankPosition[i]!, of: rankOf[i]!, quartile: quartileClass(rankPosition[i]!, rankOf[i]!) ?? null } : null,
          null,
          publishedSources(i),
        );
        row.status = qualityStatus(row, spec?.target, better);
        yield row;
      }
    }
  }

  /**
   * Incomplete cells are kept out of everything published, whatever suppression decided (publishing
   * less never reveals more), with a finding each. Suppression saw their counted n: a cell hidden
   * as small says "incomplete" instead, which tells nothing about its n.
   */
  function markIncomplete(): void {
    for (let i = 0; i < o.size; i++) {
      if ((o.flags[i]! & INCOMPLETE) === 0) continue;
      o.hidden[i] = HIDDEN_INCOMPLETE;
      const key = [areaCodes.values[o.area[i]!], indicators.values[o.indicator[i]!], services.values[o.service[i]!], GENDERS[o.gender[i]!], periods.values[o.period[i]!]].join(' / ');
      const count = rejectedIn.get(i) ?? sumRejected(i);
      findings.push(finding(files.values[o.file[i]!]!, { code: 'cell-incomplete', line: o.line[i]!, args: { key, rejected: count } }));
    }
  }
  /** An organisation cell's rejected answers: its members'. */
  function sumRejected(i: number): number {
    let sum = 0;
    for (const m of memberIds) {
      const j = byCellArea.find(m, o.cell[i]!, 0);
      if (j >= 0) sum += rejectedIn.get(j) ?? 0;
    }
    return sum;
  }

  const usedIndicators = new Set<string>();
  const areas = new Map<string, AreaKind>();
  for (let i = 0; i < o.size; i++) {
    usedIndicators.add(indicators.values[o.indicator[i]!]!);
    areas.set(areaCodes.values[o.area[i]!]!, KINDS[o.kind[i]!]!);
  }
  return { surveyPeriod, findings, surveyIndicators, indicators: usedIndicators, areas, years, behindHidden, rows };
}

/**
 * The finding for two sources that disagree on a cell. It names the cell and the files; the
 * figures only when the cell is shown and neither side counts fewer than `min` respondents, and the
 * line of the figure set aside only then and when it is an aggregated row (a respondent-level
 * group's first line would tell where its rows start). A hidden cell's figures would undo hiding it.
 */
function disagreementFinding(d: Disagreement, key: string, hidden: boolean, min: number): Finding {
  const small = (d.n !== null && d.n < min) || (d.keptN !== null && d.keptN < min);
  if (hidden || small) return finding(d.at.file, { code: 'source-disagreement-hidden', args: { key, other: d.keptFile } });
  return finding(d.at.file, {
    code: 'source-disagreement', ...(d.atAnswers ? {} : { line: d.at.line }),
    args: { key, value: round(d.value, 2), n: d.n ?? '–', other: d.keptFile, otherValue: round(d.keptValue, 2), otherN: d.keptN ?? '–' },
  });
}

/** The same values in an array twice as long. */
function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(a.length * 2);
  next.set(a);
  return next;
}

/** How the report orders areas (members first, then by kind) and indicators (the config's first). */
export function reportOrder(config: Config): { areaOrder: (code: string, kind: AreaKind) => number; indicatorOrder: (id: string) => number } {
  const memberCodes = config.members.map((m) => m.code);
  const catalogueIndex = new Map(config.indicators.map((s, i) => [s.id, i]));
  return {
    indicatorOrder: (id) => catalogueIndex.get(id) ?? Number.MAX_SAFE_INTEGER,
    areaOrder: (code, kind) => {
      const m = memberCodes.indexOf(code);
      return m >= 0 ? m : memberCodes.length + KIND_ORDER[kind] * 10_000;
    },
  };
}

/**
 * Positions 0 … keys.length − 1 ordered by key (0 … count − 1), in their order within a key; key
 * k's positions are `order[start[k]]` up to `order[start[k + 1]]`.
 */
function countingOrder(keys: ArrayLike<number>, count: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, count);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]!]!++] = i;
  return { order, start };
}

/**
 * Quality status, in order: red when the trend is worsening or the value is significantly below
 * the reference (Riket); yellow when it fell significantly since the previous period or is below
 * its target; otherwise green. Suppressed cells, and indicators with no better direction, have no status.
 */
export function qualityStatus(q: QualityRow, target: number | undefined, better: Better): QualityRow['status'] {
  if (q.value === null || better === 'none') return null;
  const sign = better === 'lower' ? -1 : 1;
  if (q.trend?.verdict === 'worsening') return 'red';
  if (q.reference?.significant && sign * q.reference.differencePp < 0) return 'red';
  if (q.change?.significant && sign * q.change.differencePp < 0) return 'yellow';
  if (target !== undefined && sign * (q.value - target) < 0) return 'yellow';
  return 'green';
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f + 0;
}
export function opt(v: number | undefined, digits = 4): number | null {
  return v === undefined || !Number.isFinite(v) ? null : round(v, digits);
}
