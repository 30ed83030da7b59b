import { figuresAgree } from './round.js';
import { AREA, EXCLUDED, INDICATOR, OTHER, PERIOD, POSITIVE, REJECTED, SERVICE, GENDER, type AnswerTable } from '../model/answer-table.js';
import type { QualityInput } from '../model/input.js';
import type { QualityRecord } from '../model/records.js';
import type { AreaKind } from '../model/register.js';
import { periodYear } from '../model/period.js';
import { GENDER_INDEX } from '../model/words.js';
import { KeyNumbers } from '../model/row-index.js';
import { TextIndex } from '../model/text.js';
import { countingOrder, FROM_ANSWERS, FROM_COUNTS, grown, INCOMPLETE, IS_COUNT, IS_SHARE, POOLED, KIND_ID, ObservationColumns, type Source } from './observation-columns.js';
import { pooledShare, positiveShare } from './positive-share.js';
import type { Settings } from './settings.js';
import { dataUnits, type DataUnit } from './indicator-units.js';
import { countKey, respondentCounts, type RespondentCounts } from './respondent-counts.js';
import { isKoladaId, isRespondentShare } from '../model/kolada-kpis.js';
import type { Finding } from '../model/findings.js';

/** Two sources' figures for one cell that differ: `at` the one set aside, `kept` the one used. */
export interface Disagreement {
  obs: number; at: Source; atAnswers: boolean; keptFile: string; value: number; n: number | null; keptValue: number; keptN: number | null;
  /** One side is the organisation's members pooled (`poolKept`: that side is used), the other its own published row. */
  pooled?: { poolKept: boolean };
}

/** The observations of a report's quality records, before suppression. */
export interface Observed {
  obs: ObservationColumns;
  /** Sources that disagree on a cell: said once suppression has said whether the cell is shown. */
  disagreements: Disagreement[];
  /** Rejected answers per incomplete observation made from answers. */
  /** Indicators answered in surveys (shares of respondents: higher is better unless told). */
  surveyIndicators: Set<string>;
  /** Each period's year, by period id (a pooled range counts as its end year). */
  yearOf: string[];
  /** Units of value indicators the config and the catalogue leave open, as the data give them. */
  units: Map<string, DataUnit>;
  /** The members' and the organisation's area ids. */
  memberIds: number[];
  /** The members the organisation's figures are the sum of (`Settings.poolCodes`). */
  poolIds: number[];
  orgId: number;
  /** Cells some members have and others lack: the organisation has no pooled figure there (`poolOrganisation`). */
  organisationGaps: OrganisationGap[];
  /** Files whose shares took their n from a count indicator (`respondentCounts`). */
  countFindings: Finding[];
  /** Each share that took its n from a count indicator, with that count's observation: shown or hidden together. */
  countLinks: [share: number, count: number][];
}

/** The cells a member lacks (no figure with a number of respondents) where another member has one. */
export interface OrganisationGap {
  member: number;
  /** One observation of another member's per cell lacked: its indicator, service and period name the cell. */
  cells: number[];
}

/**
 * Observations from quality records (published shares, respondents' answers counted, indicator
 * values) and the organisation's pooled shares. Microdata and a published figure for the same cell:
 * the microdata is kept, the disagreement noted.
 */
export function observe(inputs: readonly QualityInput[], settings: Settings): Observed {
  const observer = new Observer();
  const { obs } = observer;
  const counts = new AnswerCounts();
  // At most a slot per answer group and one more for a woman's or man's total, and an observation
  // per record or slot: made that long at once (untouched room costs no pages; growing copies).
  const room = inputs.reduce((n, i) => n + roomFor(i), 0);
  counts.reserve(room);
  obs.reserve(room);
  const units = dataUnits(inputs.map((i) => i.records), settings.catalogue);
  const unitOf = (indicator: string) => settings.catalogue.get(indicator)?.unit ?? units.get(indicator)?.unit;
  // Of Kolada's "andel (%)" only the survey's shares of respondents are (see `isRespondentShare`).
  const respondents = respondentCounts(inputs.map((i) => i.records), (id) => (isKoladaId(id) ? isRespondentShare(id) : unitOf(id) === '%'), settings.minRespondents);
  const seen: Seen = { surveyIndicators: new Set<string>(), yearOf: [], units, unitOf, counts: respondents, countAt: new Map(), countOf: [] };
  // Input by input, in order: areas, periods and texts are numbered as they first come.
  for (const input of inputs) {
    observeRecords(input.records, observer, seen, settings);
    for (const t of input.answers ?? []) countAnswers(t, obs, counts, seen);
  }
  putAnswerShares(counts, observer);
  const memberIds = settings.memberCodes.map((c) => obs.areaCodes.id(c));
  const poolIds = settings.poolCodes.map((c) => obs.areaCodes.id(c));
  const orgId = obs.areaCodes.id(settings.organisation.code);
  const organisationGaps = poolIds.length > 0 ? poolOrganisation(observer, poolIds, orgId) : [];
  const countLinks = seen.countOf.flatMap(([share, key]): [number, number][] => (seen.countAt.has(key) ? [[share, seen.countAt.get(key)!]] : []));
  return { obs, disagreements: observer.disagreements, surveyIndicators: seen.surveyIndicators, yearOf: seen.yearOf, units, memberIds, poolIds, orgId, organisationGaps, countFindings: respondents.findings, countLinks };
}

/** What `observe` gathers beside the observations: indicators answered in surveys, each period's year, the data's units. */
interface Seen {
  surveyIndicators: Set<string>;
  yearOf: string[];
  units: Map<string, DataUnit>;
  /** An indicator's unit: the config's, the catalogue's or the data's. */
  unitOf: (indicator: string) => string | undefined;
  /** Respondents of shares whose file gives them as an indicator of its own. */
  counts: RespondentCounts;
  /** Each count of respondents' observation, by `countKey`. */
  countAt: Map<string, number>;
  /** Each share whose n came from a count, with the count's `countKey`. */
  countOf: [number, string][];
}

/** An input's records and answer groups, and one more for each group of a woman's or a man's answers (their total). */
function roomFor({ records, answers }: QualityInput): number {
  let n = records.length;
  for (const t of answers ?? []) for (let i = 0; i < t.length; i++) n += t.key(i, GENDER) === 0 ? 1 : 2;
  return n;
}

/** Published shares and values, each put in its cell. */
function observeRecords(records: readonly QualityRecord[], observer: Observer, seen: Seen, settings: Settings): void {
  const { obs } = observer;
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    const period = periodId(obs, seen, r.period);
    if (r.kind === 'survey') {
      seen.surveyIndicators.add(r.indicator);
      if (r.share === null) continue;
      const exact = r.positive !== null && r.n !== null && r.n > 0 && (r.positive / r.n) * 100 === r.share;
      observer.put(obs.areaCodes.id(r.area.code), r.area.kind, obs.indicators.id(r.indicator), obs.services.id(r.service), GENDER_INDEX[r.gender], period, r.share, r.n, IS_SHARE | (exact ? FROM_COUNTS : 0), obs.files.id(r.source.file), r.source.line);
    } else {
      // A value with its n is a share of respondents only when its unit is known to be per cent.
      const share = seen.unitOf(r.indicator) === '%';
      // A share whose file counts respondents but not its own: its n cannot be checked (`n-count-missing`).
      if (share && seen.counts.unchecked(r)) continue;
      // A count of respondents is the n of what it counts: hidden as that cell would be.
      const count = !share && seen.counts.isCount(r);
      const n = r.n ?? (share ? seen.counts.nOf(r) : count ? r.value : null);
      const i = observer.put(obs.areaCodes.id(r.area.code), r.area.kind, obs.indicators.id(r.indicator), obs.services.id(r.service), GENDER_INDEX[r.gender], period, r.value, n, share && n !== null ? IS_SHARE : count ? IS_COUNT : 0, obs.files.id(r.source.file), r.source.line);
      if (count) seen.countAt.set(countKey(r.indicator, r), i);
      const of = share && r.n === null ? seen.counts.countKeyOf(r) : undefined;
      if (of !== undefined) seen.countOf.push([i, of]);
    }
  }
}

/** A period's number, its year noted the first time (a pooled range, `2004-2007`, counts as its end year). */
function periodId(obs: ObservationColumns, seen: Seen, text: string): number {
  const period = obs.periods.id(text);
  seen.yearOf[period] ??= String(periodYear(text));
  return period;
}

/**
 * A table's answer groups counted, group by group: each text and area numbered the first time a
 * group names it (as records are, one by one).
 */
function countAnswers(t: AnswerTable, obs: ObservationColumns, counts: AnswerCounts, seen: Seen): void {
  const areaIds: number[] = [];
  const periods: number[] = [];
  const indicators: number[] = [];
  const services: number[] = [];
  const file = counts.files.id(t.file);
  for (let i = 0; i < t.length; i++) {
    const p = t.key(i, PERIOD);
    const period = (periods[p] ??= periodId(obs, seen, t.texts[p]!));
    const a = t.key(i, AREA);
    const area = (areaIds[a] ??= obs.areaCodes.id(t.areas[a]!.code));
    const q = t.key(i, INDICATOR);
    let indicator = indicators[q];
    if (indicator === undefined) {
      seen.surveyIndicators.add(t.texts[q]!);
      indicator = indicators[q] = obs.indicators.id(t.texts[q]!);
    }
    const sv = t.key(i, SERVICE);
    const service = (services[sv] ??= obs.services.id(t.texts[sv]!));
    const gender = GENDER_INDEX[t.gender(i)];
    // A woman's or a man's answers count in the total's slot too (made first, as the total comes first).
    if (gender !== 0) counts.add(area, t.areas[a]!.kind, indicator, service, period, 0, t, i, file);
    counts.add(area, t.areas[a]!.kind, indicator, service, period, gender, t, i, file);
  }
}

/** Puts observations in their cells: one per area and cell, sources that meet there merged. */
class Observer {
  readonly obs = new ObservationColumns();
  readonly disagreements: Disagreement[] = [];
  /** Set while the organisation's figures are pooled from its members' (`poolOrganisation`). */
  pooling = false;

  /** Puts one observation in its cell, or merges it with the one already there; returns its slot. */
  put(
    area: number, kind: AreaKind, indicator: number, service: number, gender: number, period: number,
    value: number, n: number | null, flags: number, file: number, line: number, list?: Source[],
  ): number {
    const o = this.obs;
    const cell = o.cells.id(indicator, service, period * 3 + gender);
    const prior = o.byCellArea.claim(cell, area, 0, o.size);
    if (prior >= 0) return this.merge(prior, kind, value, n, flags, file, line, list);
    const i = o.push();
    o.area[i] = area;
    o.kind[i] = KIND_ID[kind];
    o.indicator[i] = indicator;
    o.service[i] = service;
    o.gender[i] = gender;
    o.period[i] = period;
    o.cell[i] = cell;
    o.series[i] = o.seriesNumbers.id(area, indicator, service * 3 + gender);
    o.value[i] = value;
    o.n[i] = n ?? Number.NaN;
    o.flags[i] = flags;
    o.file[i] = file;
    o.line[i] = line;
    if (list !== undefined && list.length > 1) o.more.set(i, list);
    return i;
  }

  /**
   * A second figure for a cell: the one from answers wins (else the one with an n, else the first), the sources join, and a
   * figure that differs from the one kept is noted.
   */
  private merge(prior: number, kind: AreaKind, value: number, n: number | null, flags: number, file: number, line: number, list?: Source[]): number {
    const o = this.obs;
    const mine = list ?? [{ file: o.files.values[file]!, line }];
    // Answers win; else the figure with its n (a copy without one, read first, showed a share of 20
    // respondents that the copy with its n hides), else the first.
    const keepPrior = o.isFromAnswers(prior) || ((flags & FROM_ANSWERS) === 0 && !(!o.hasN(prior) && n !== null));
    const theirs = { value: o.valueOf(prior), n: o.nOf(prior), sources: o.sourcesOf(prior) };
    const ours = { value, n, sources: mine };
    const keep = keepPrior ? theirs : ours;
    const other = keepPrior ? ours : theirs;
    const agrees = figuresAgree(keep.value, other.value) && (keep.n === null || other.n === null || keep.n === other.n);
    // An incomplete share is no figure to compare: the cell says why it is not published.
    if (!agrees && ((flags | o.flagsOf(prior)) & INCOMPLETE) === 0) {
      const fromAnswers = ((keepPrior ? flags : o.flagsOf(prior)) & FROM_ANSWERS) !== 0;
      this.disagreements.push({
        obs: prior, at: other.sources[0]!, atAnswers: fromAnswers, keptFile: keep.sources[0]!.file, value: other.value, n: other.n, keptValue: keep.value, keptN: keep.n,
        ...(this.pooling ? { pooled: { poolKept: !keepPrior } } : {}),
      });
    }
    const merged = [...keep.sources, ...other.sources];
    if (!keepPrior) {
      o.kind[prior] = KIND_ID[kind];
      o.value[prior] = value;
      o.n[prior] = n ?? Number.NaN;
      o.flags[prior] = flags;
    }
    o.file[prior] = o.files.id(merged[0]!.file);
    o.line[prior] = merged[0]!.line;
    o.more.set(prior, merged);
    return prior;
  }
}

/**
 * Respondents' answers counted per series and period. They arrive per respondent gender; the total
 * (T) is their sum. A count slot keeps its series, its first record's source and its counts in typed arrays
 * (no garbage: arrays of half a million values regrown were ~60 MB of a national report's analysis).
 */
class AnswerCounts {
  readonly slots = new KeyNumbers();
  readonly series = new KeyNumbers();
  slotSeries = new Int32Array(64);
  slotPeriod = new Int32Array(64);
  /** A slot's first record's source: its file (numbered in `files`) and line. */
  slotFile = new Int32Array(64);
  slotLine = new Int32Array(64);
  readonly files = new TextIndex();
  /**
   * Each series' area, indicator and service ids and its area's kind: its observations are put by
   * them without going back to the records (in series order, all over the heap) nor their texts.
   */
  readonly seriesIds: number[] = [];
  readonly seriesKind: AreaKind[] = [];
  slotGender = new Uint8Array(64);
  positive = new Float64Array(64);
  other = new Float64Array(64);
  excluded = new Float64Array(64);
  rejected = new Float64Array(64);

  /** Room for `length` slots (see `ObservationColumns.reserve`). */
  reserve(length: number): void {
    if (length <= this.slotSeries.length) return;
    this.slotSeries = grown(this.slotSeries, length);
    this.slotPeriod = grown(this.slotPeriod, length);
    this.slotFile = grown(this.slotFile, length);
    this.slotLine = grown(this.slotLine, length);
    this.slotGender = grown(this.slotGender, length);
    this.positive = grown(this.positive, length);
    this.other = grown(this.other, length);
    this.excluded = grown(this.excluded, length);
    this.rejected = grown(this.rejected, length);
  }

  /** Counts group `i` of table `t` in the slot of its series (area, indicator, service, `gender`) and period. */
  add(area: number, kind: AreaKind, indicator: number, service: number, period: number, gender: number, t: AnswerTable, i: number, file: number): void {
    const series = this.series.id(area, indicator, service * 3 + gender);
    if (series === this.seriesKind.length) {
      this.seriesIds.push(area, indicator, service);
      this.seriesKind.push(kind);
    }
    const slot = this.slot(series, period, gender, file, t.line[i]!);
    this.positive[slot]! += t.count(i, POSITIVE);
    this.other[slot]! += t.count(i, OTHER);
    this.excluded[slot]! += t.count(i, EXCLUDED);
    this.rejected[slot]! += t.count(i, REJECTED);
  }

  /** The slot of a series in a period, made (with its first group's source) when new. */
  private slot(series: number, period: number, gender: number, file: number, line: number): number {
    const before = this.slots.size;
    const slot = this.slots.id(series, period, 0);
    if (slot !== before) return slot;
    if (slot === this.slotSeries.length) this.reserve(2 * slot);
    this.slotSeries[slot] = series;
    this.slotPeriod[slot] = period;
    this.slotFile[slot] = file;
    this.slotLine[slot] = line;
    this.slotGender[slot] = gender;
    return slot;
  }
}

/**
 * The shares counted from answers, put in the order each series was first met, its periods as they
 * came. A cell with rejected answers is put too, marked incomplete.
 */
function putAnswerShares(counts: AnswerCounts, observer: Observer): void {
  const { obs } = observer;
  const { seriesIds } = counts;
  const bySeries = countingOrder(counts.slotSeries.subarray(0, counts.slots.size), counts.series.size).order;
  // Each file's id among the observations', given as the first observation from it is put (as before).
  const fileIds: number[] = [];
  for (let k = 0; k < bySeries.length; k++) {
    const s = bySeries[k]!;
    const rejected = counts.rejected[s]!;
    const share = positiveShare({ positive: counts.positive[s]!, other: counts.other[s]!, excluded: counts.excluded[s]! });
    if (share === undefined && rejected === 0) continue;
    const flags = IS_SHARE | FROM_ANSWERS | (rejected > 0 ? INCOMPLETE : 0);
    const series = counts.slotSeries[s]!;
    const file = (fileIds[counts.slotFile[s]!] ??= obs.files.id(counts.files.values[counts.slotFile[s]!]!));
    observer.put(seriesIds[series * 3]!, counts.seriesKind[series]!, seriesIds[series * 3 + 1]!, seriesIds[series * 3 + 2]!, counts.slotGender[s]!, counts.slotPeriod[s]!, share?.share ?? 0, share?.n ?? 0, flags, file, counts.slotLine[s]!);
  }
}

/**
 * Organisation totals: pooled over the members no other member contains (`poolIds`), only where
 * every one of them has the cell with n. A
 * member's incomplete cell leaves the organisation's incomplete too. Returns, per member, the cells
 * it lacks where another has one and the organisation has no figure of its own: no pooled figure is
 * made there, which shortens the organisation's series (a member's early years deleted leave its
 * trend "too few years") and must be said.
 */
function poolOrganisation(observer: Observer, memberIds: readonly number[], orgId: number): OrganisationGap[] {
  const { obs } = observer;
  observer.pooling = true;
  const byCell = new Map<number, number[]>();
  for (let i = 0, size = obs.size; i < size; i++) {
    if (!memberIds.includes(obs.areaId(i)) || !obs.isShare(i) || !obs.hasN(i)) continue;
    const list = byCell.get(obs.cellId(i));
    if (list) list.push(i);
    else byCell.set(obs.cellId(i), [i]);
  }
  const gaps = new Map<number, number[]>();
  for (const [cell, list] of byCell) {
    if (list.length !== memberIds.length) {
      if (obs.find(orgId, cell) >= 0) continue;
      for (const m of memberIds) if (!list.some((i) => obs.areaId(i) === m)) (gaps.get(m) ?? gaps.set(m, []).get(m)!).push(list[0]!);
      continue;
    }
    const pooled = pooledShare(list.map((i) => ({ share: obs.valueOf(i), n: obs.rawN(i) })));
    const incomplete = list.some((i) => obs.isIncomplete(i));
    if (!pooled && !incomplete) continue;
    const f = list[0]!;
    const sources = list.flatMap((i) => obs.sourcesOf(i));
    // Pooled from members' answers it is a figure from answers: it wins over a published one.
    const fromAnswers = list.every((i) => obs.isFromAnswers(i)) ? FROM_ANSWERS : 0;
    observer.put(orgId, 'organisation', obs.indicatorId(f), obs.serviceId(f), obs.genderId(f), obs.periodId(f), pooled?.share ?? 0, pooled?.n ?? 0, IS_SHARE | POOLED | fromAnswers | (incomplete ? INCOMPLETE : 0), obs.files.id(sources[0]!.file), sources[0]!.line, sources);
  }
  observer.pooling = false;
  return memberIds.flatMap((member) => (gaps.has(member) ? [{ member, cells: gaps.get(member)! }] : []));
}
