import type { Config } from '../config/schema.js';
import type { ParsedInput } from '../ingest/parse-input.js';
import { finding, type Finding } from '../model/findings.js';
import type { BudgetRecord, Gender, QualityRecord } from '../model/records.js';
import {
  QualityCell, REPORT_SCHEMA_VERSION, type AllocationResult, type BudgetRow, type Comparison, type QualityRow, type Report,
} from '../model/report.js';
import { KOLADA_KPIS } from '../model/kolada-kpis.js';
import { areaName, type Area, type AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { allocationWeights, largestRemainder } from './allocate.js';
import { budgetBalance, forecastAccuracy, yearToDate } from './budget-balance.js';
import { isRevenueLine } from '../model/activities.js';
import { financialResult } from './financial-result.js';
import { pooledShare, positiveShare } from './positive-share.js';
import { quartileClass, rank } from './rank.js';
import { BELOW, SHOWN, suppressCells, type IndexedGroup } from './suppression.js';
import { trend, type Better } from './trend.js';
import { twoProportionTest } from './two-proportion-test.js';
import { wilsonInterval } from './wilson-interval.js';

export interface AnalyseOptions {
  /** `YYYY` or `YYYY-MM`; default the latest period in the data. */
  period?: string;
  /** Keep only these municipality codes (plus references and the organisation). */
  municipalities?: string[];
  generatedAt?: string;
}

interface Observation {
  area: string;
  areaKind: AreaKind;
  indicator: string;
  service: string;
  gender: Gender;
  period: string;
  value: number;
  n: number | null;
  /** Whether the value is a share of respondents (tests and intervals apply). */
  isShare: boolean;
  sources: { file: string; line: number }[];
  fromAnswers: boolean;
  /** Set by suppression. */
  hidden: 'below-threshold' | 'secondary' | undefined;
  /** Respondent answers counted into this cell (microdata only; 0 otherwise). */
  positive: number;
  other: number;
  excluded: number;
}

const GENDER_ORDER: Record<Gender, number> = { T: 0, K: 1, M: 2 };
/** One collator for Swedish order (å ä ö last); `localeCompare(x, 'sv')` would build one per call. */
const SV = new Intl.Collator('sv');
/** Code-point order for codes and ids: fast, and the same on every machine whatever its locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const KIND_ORDER: Record<AreaKind, number> = { municipality: 0, organisation: 1, region: 2, group: 3, nation: 4 };
const DEFAULT_SERVICE_ACTIVITY: Record<string, string> = {
  hemtjanst: 'aldreomsorg',
  'sarskilt boende': 'aldreomsorg',
  'sarskilt boende for aldre': 'aldreomsorg',
  aldreomsorg: 'aldreomsorg',
  lss: 'lss',
  'individ och familjeomsorg': 'individ och familjeomsorg',
  ifo: 'individ och familjeomsorg',
};

/** One shape for every observation (V8 keeps such objects fast; spreads and late fields do not). */
function observation(
  area: string, areaKind: AreaKind, indicator: string, service: string, gender: Gender, period: string,
  value: number, n: number | null, isShare: boolean, sources: { file: string; line: number }[], fromAnswers: boolean,
): Observation {
  return { area, areaKind, indicator, service, gender, period, value, n, isShare, sources, fromAnswers, hidden: undefined, positive: 0, other: 0, excluded: 0 };
}

const ONLY_TOTAL: readonly Gender[] = ['T'];
const WITH_TOTAL: Record<Gender, readonly Gender[]> = { T: ['T'], K: ['T', 'K'], M: ['T', 'M'] };
/**
 * Rows of areas outside the organisation have no peers: they share one empty list (an array each
 * was 15 MB of a 2M-answer report). Frozen, so nothing can add to it.
 */
const NO_PEERS = Object.freeze([]) as unknown as Comparison[];
const seriesKey = (o: Pick<Observation, 'area' | 'indicator' | 'service' | 'gender'>) =>
  `${o.area}\u0000${o.indicator}\u0000${o.service}\u0000${o.gender}`;

/**
 * Turns parsed inputs into the report model: every indicator, comparison and finding. Pure.
 * Its loops over records, observations and rows go by index: this function runs once, partly
 * unoptimised (V8 compiles a hot loop on the fly and drops the code when the loop ends), where
 * `for … of` made an iterator result per element (2M answers: ~120 MB, ~0.1 s).
 */
export function analyse(inputs: readonly ParsedInput[], config: Config, opts: AnalyseOptions = {}): Report {
  const findings: Finding[] = inputs.flatMap((i) => i.findings);
  const records: QualityRecord[] = ([] as QualityRecord[]).concat(...inputs.map((i) => i.records));
  const tables = inputs.flatMap((i) => (i.budget ? [i.budget] : []));
  const catalogue = new Map([...KOLADA_KPIS, ...config.indicators].map((i) => [i.id, i]));
  const memberCodes = config.members.map((m) => m.code);
  const orgCode = config.organisation.code;
  const alpha = config.survey.alpha;
  const min = config.survey.minRespondents;
  const keepArea = (code: string, kind: AreaKind) =>
    kind !== 'municipality' || opts.municipalities === undefined || opts.municipalities.includes(code);

  // ---- periods ------------------------------------------------------------------------------
  // The latest survey year, and the latest budget month (within --period's year when one is given).
  let latestYear: string | null = null;
  let latestMonth: string | null = null;
  const inYear = opts.period?.length === 4 ? `${opts.period}-` : '';
  for (let ri = 0; ri < records.length; ri++) {
    const year = records[ri]!.period.slice(0, 4);
    if (latestYear === null || year > latestYear) latestYear = year;
  }
  for (const t of tables) {
    const used = new Uint8Array(t.months.length);
    for (let i = 0; i < t.length; i++) used[t.month[i]!] = 1;
    t.months.forEach((month, id) => {
      if (used[id] === 1 && month.startsWith(inYear) && (latestMonth === null || month > latestMonth)) latestMonth = month;
    });
  }
  const surveyPeriod = opts.period?.slice(0, 4) ?? latestYear;
  const budgetPeriod = opts.period?.length === 7 ? opts.period : latestMonth;

  // ---- observations -------------------------------------------------------------------------
  // Observations by cell (question → service → gender → period), each cell by area: a row finds
  // its reference, organisation and peers in its own cell without a key text per look-up.
  const obsIndex = new Map<string, Map<string, Map<Gender, Map<string, Map<string, Observation>>>>>();
  const cellOf = (o: Pick<Observation, 'indicator' | 'service' | 'gender' | 'period'>): Map<string, Observation> => {
    const byService = obsIndex.get(o.indicator) ?? obsIndex.set(o.indicator, new Map()).get(o.indicator)!;
    const byGender = byService.get(o.service) ?? byService.set(o.service, new Map()).get(o.service)!;
    const byPeriod = byGender.get(o.gender) ?? byGender.set(o.gender, new Map()).get(o.gender)!;
    return byPeriod.get(o.period) ?? byPeriod.set(o.period, new Map()).get(o.period)!;
  };
  /** Every observation, in order of first appearance; where each is, once one has been replaced. */
  const obs: Observation[] = [];
  let position: Map<Observation, number> | undefined;
  // Each series (area × indicator × service × gender) in order of its first observation.
  const series = new Map<string, Observation[]>();
  const put = (o: Observation, sKey = seriesKey(o)) => {
    const cell = cellOf(o);
    const prior = cell.get(o.area);
    if (!prior) {
      cell.set(o.area, o);
      position?.set(o, obs.length);
      obs.push(o);
      const list = series.get(sKey);
      if (list) list.push(o);
      else series.set(sKey, [o]);
      return;
    }
    // Microdata and a published aggregate for the same cell: keep the microdata, check agreement.
    const keep = prior.fromAnswers || !o.fromAnswers ? prior : o;
    const other = keep === prior ? o : prior;
    const agrees = Math.abs(keep.value - other.value) < 0.05 + 1e-9 && (keep.n === null || other.n === null || keep.n === other.n);
    if (!agrees) {
      const at = other.sources[0]!;
      findings.push(finding(at.file, {
        code: 'source-disagreement', line: at.line,
        args: { key: [o.area, o.indicator, o.service, o.gender, o.period].join(' / '), value: round(other.value, 2), n: other.n ?? '–', other: `${keep.sources[0]!.file}:${keep.sources[0]!.line}`, otherValue: round(keep.value, 2), otherN: keep.n ?? '–' },
      }));
    }
    keep.sources = [...keep.sources, ...other.sources];
    if (keep !== prior) {
      cell.set(o.area, keep);
      position ??= new Map(obs.map((x, i) => [x, i]));
      const slot = position.get(prior)!;
      obs[slot] = keep;
      position.set(keep, slot);
      const list = series.get(sKey)!;
      list[list.indexOf(prior)] = keep;
    }
  };
  // Answer groups arrive per respondent gender; the total (T) is their sum. Counted area →
  // indicator → service → gender → period, so each series' key is built once, not per group,
  // into the observation itself (its value is set once the counts are complete).
  const answerSeries: Observation[][] = [];
  const answerIndex = new Map<string, Map<string, Map<string, (Observation[] | undefined)[]>>>();
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if (r.kind === 'survey') {
      if (r.share === null) continue;
      put(observation(r.area.code, r.area.kind, r.indicator, r.service, r.gender, r.period, r.share, r.n, true, [r.source], false));
    } else if (r.kind === 'values') {
      const unit = catalogue.get(r.indicator)?.unit ?? '%';
      put(observation(r.area.code, r.area.kind, r.indicator, r.service, r.gender, r.period, r.value, r.n, unit === '%' && r.n !== null, [r.source], false));
    } else if (r.kind === 'answers') {
      const byIndicator = answerIndex.get(r.area.code) ?? answerIndex.set(r.area.code, new Map()).get(r.area.code)!;
      const byService = byIndicator.get(r.indicator) ?? byIndicator.set(r.indicator, new Map()).get(r.indicator)!;
      const byGender = byService.get(r.service) ?? byService.set(r.service, [undefined, undefined, undefined]).get(r.service)!;
      for (const gender of r.gender === 'T' ? ONLY_TOTAL : WITH_TOTAL[r.gender]) {
        // A series (T, K or M) holds one cell per year: a short search, not a map per series
        // (153 000 maps were 70 MB at 2M answers, all kept to the end of counting).
        let periods = byGender[GENDER_ORDER[gender]];
        if (periods === undefined) {
          periods = [];
          byGender[GENDER_ORDER[gender]] = periods;
          answerSeries.push(periods);
        }
        let c: Observation | undefined;
        for (let k = periods.length - 1; k >= 0; k--) {
          if (periods[k]!.period === r.period) {
            c = periods[k];
            break;
          }
        }
        if (c === undefined) {
          // NaN until counted: a double from the start, as every value will be.
          c = observation(r.area.code, r.area.kind, r.indicator, r.service, gender, r.period, Number.NaN, null, true, [r.source], true);
          periods.push(c);
        }
        c.positive += r.positive;
        c.other += r.other;
        c.excluded += r.excluded;
      }
    }
  }
  for (let si = 0; si < answerSeries.length; si++) {
    const periods = answerSeries[si]!;
    let sKey: string | undefined;
    for (let k = 0; k < periods.length; k++) {
      const c = periods[k]!;
      const share = positiveShare(c);
      sKey ??= seriesKey(c);
      if (share === undefined) continue;
      c.value = share.share;
      c.n = share.n;
      put(c, sKey);
    }
  }

  // Organisation totals: pooled over all members, only where every member has the cell with n.
  if (memberCodes.length > 0) {
    const cells = new Map<string, Observation[]>();
    for (let oi = 0; oi < obs.length; oi++) {
      const o = obs[oi]!;
      if (!memberCodes.includes(o.area) || !o.isShare || o.n === null) continue;
      const key = `${o.indicator}\u0000${o.service}\u0000${o.gender}\u0000${o.period}`;
      (cells.get(key) ?? cells.set(key, []).get(key)!).push(o);
    }
    for (const list of cells.values()) {
      if (list.length !== memberCodes.length) continue;
      const pooled = pooledShare(list.map((o) => ({ share: o.value, n: o.n! })));
      if (!pooled) continue;
      const first = list[0]!;
      put(observation(orgCode, 'organisation', first.indicator, first.service, first.gender, first.period, pooled.share, pooled.n, true, list.flatMap((o) => o.sources), false));
    }
  }

  // ---- suppression ----------------------------------------------------------------------------
  // Each cell (question × service × period, all areas and genders) is suppressed on its own, so
  // the order cells are taken in does not matter; within a cell, observations keep their order.
  const byCell = new Map<string, Map<string, Map<string, Observation[]>>>();
  const suppressionCells: Observation[][] = [];
  for (let oi = 0; oi < obs.length; oi++) {
    const o = obs[oi]!;
    if (!o.isShare || o.n === null) continue;
    const byService = byCell.get(o.indicator) ?? byCell.set(o.indicator, new Map()).get(o.indicator)!;
    const byPeriod = byService.get(o.service) ?? byService.set(o.service, new Map()).get(o.service)!;
    let list = byPeriod.get(o.period);
    if (list === undefined) {
      byPeriod.set(o.period, (list = []));
      suppressionCells.push(list);
    }
    list.push(o);
  }
  for (const list of suppressionCells) {
    // Cells numbered by their place in the list, each area's T, K and M found by area: no text
    // per cell (a tie in n, rare, is broken by the "area|gender" id as before).
    const n = new Array<number>(list.length);
    const slots = new Map<string, [number, number, number]>();
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      n[i] = o.n!;
      let slot = slots.get(o.area);
      if (slot === undefined) slots.set(o.area, (slot = [-1, -1, -1]));
      slot[GENDER_ORDER[o.gender]] = i;
    }
    const groups: IndexedGroup[] = [];
    for (const [t, k, m] of slots.values()) groups.push({ total: t, parts: [k, m] });
    if (memberCodes.length > 0) {
      for (const g of [0, 1, 2]) groups.push({ total: slots.get(orgCode)?.[g] ?? -1, parts: memberCodes.map((c) => slots.get(c)?.[g] ?? -1) });
    }
    const id = (i: number) => `${list[i]!.area}|${list[i]!.gender}`;
    const { reason } = suppressCells(n, groups, min, (a, b) => byCode(id(a), id(b)));
    for (let i = 0; i < list.length; i++) if (reason[i] !== SHOWN) list[i]!.hidden = reason[i] === BELOW ? 'below-threshold' : 'secondary';
  }

  // ---- series, trends, comparisons -----------------------------------------------------------
  const visible = (o: Observation | undefined) => (o !== undefined && o.hidden === undefined ? o : undefined);
  const surveyIndicators = new Set(records.filter((r) => r.kind === 'survey' || r.kind === 'answers').map((r) => (r as { indicator: string }).indicator));
  const compare = (a: Observation, b: Observation | undefined): Comparison | null => {
    const other = visible(b);
    if (!other) return null;
    const test = a.isShare && other.isShare && a.n && other.n ? twoProportionTest(a.value, a.n, other.value, other.n) : undefined;
    return {
      area: other.area, value: round(other.value, 4), differencePp: round(a.value - other.value, 4),
      p: test ? round(test.p, 6) : null, significant: test !== undefined && test.p < alpha,
    };
  };
  const catalogueIndex = new Map(config.indicators.map((s, i) => [s.id, i]));
  const indicatorOrder = (id: string) => catalogueIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  const areaOrder = (code: string, kind: AreaKind) => {
    const m = memberCodes.indexOf(code);
    return m >= 0 ? m : memberCodes.length + KIND_ORDER[kind] * 10_000;
  };
  // Rows come out series by series (members first, then by code, indicator, service, gender),
  // each series by period: sorting the series orders every row without sorting the rows.
  const ordered = [...series.values()];
  for (let li = 0; li < ordered.length; li++) {
    const list = ordered[li]!;
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }
  ordered.sort(([a], [b]) =>
    areaOrder(a!.area, a!.areaKind) - areaOrder(b!.area, b!.areaKind) || byCode(a!.area, b!.area) ||
    indicatorOrder(a!.indicator) - indicatorOrder(b!.indicator) || byCode(a!.indicator, b!.indicator) ||
    SV.compare(a!.service, b!.service) || byCode(a!.service, b!.service) || GENDER_ORDER[a!.gender] - GENDER_ORDER[b!.gender]);
  const quality: QualityRow[] = [];
  // Rank among the municipalities present, per cell (indicator × service × gender × period).
  const rankGroups = new Map<Map<string, Observation>, QualityRow[]>();
  for (let li = 0; li < ordered.length; li++) {
    const list = ordered[li]!;
    const spec = catalogue.get(list[0]!.indicator);
    const better: Better = spec?.better ?? (surveyIndicators.has(list[0]!.indicator) ? 'higher' : 'none');
    const shown = list.filter((o) => visible(o));
    const x = (p: string) => Number(p.slice(0, 4)) + (p.length > 4 ? (Number(p.slice(5, 7)) - 1) / 12 : 0);
    const reportRow = list.filter((p) => p.period.slice(0, 4) === surveyPeriod).at(-1);
    let shownBefore = 0;
    list.forEach((o) => {
      const reason = o.hidden ?? null;
      const ci = reason === null && o.isShare && o.n ? wilsonInterval(o.value / 100, o.n) : undefined;
      const prev = reason === null && shownBefore > 0 ? shown[shownBefore - 1] : undefined;
      if (reason === null) shownBefore++;
      let change: QualityRow['change'] = null;
      if (reason === null && prev) {
        const c = compare(o, prev)!;
        change = { from: prev.period, fromValue: c.value, differencePp: c.differencePp, p: c.p, significant: c.significant };
      }
      const isReportRow = o === reportRow;
      let trendOut: QualityRow['trend'] = null;
      const pts = isReportRow ? shown.filter((p) => p.period <= o.period).map((p) => ({ x: x(p.period), y: p.value })) : undefined;
      if (pts !== undefined && pts.length > 0) {
        const t = trend(pts, better, spec?.breaks ?? [], alpha);
        trendOut = {
          from: t.from, to: t.to, points: t.points, theilSenSlope: opt(t.theilSenSlope), mannKendallS: opt(t.mannKendall?.s),
          mannKendallP: opt(t.mannKendall?.p, 6), olsSlope: opt(t.ols?.slope), olsSlopeLow: opt(t.ols?.slopeLow),
          olsSlopeHigh: opt(t.ols?.slopeHigh), r2: opt(t.ols?.r2), verdict: t.verdict,
        };
      }
      const cell = cellOf(o);
      const reference = reason === null && o.areaKind !== 'nation' ? compare(o, cell.get('0000') ?? cell.get(o.area.slice(0, 2))) : null;
      const organisation = reason === null && memberCodes.includes(o.area) ? compare(o, cell.get(orgCode)) : null;
      const peers = reason === null && memberCodes.includes(o.area)
        ? memberCodes.filter((m) => m !== o.area).map((m) => compare(o, cell.get(m))).filter((c): c is Comparison => c !== null)
        : NO_PEERS;
      const row = new QualityCell(
        o.area, o.areaKind, o.indicator, o.service, o.gender, o.period,
        reason === null ? round(o.value, 4) : null,
        reason === null ? o.n : null,
        ci ? round(ci.low * 100, 4) : null,
        ci ? round(ci.high * 100, 4) : null,
        reason,
        change,
        trendOut,
        reference?.area === o.area ? null : reference,
        organisation,
        peers,
        null,
        null,
        o.sources,
      );
      quality.push(row);
      if (row.areaKind === 'municipality' && row.value !== null) (rankGroups.get(cell) ?? rankGroups.set(cell, []).get(cell)!).push(row);
    });
  }
  for (const group of rankGroups.values()) {
    const better = catalogue.get(group[0]!.indicator)?.better ?? 'higher';
    const ranks = rank(group.map((q) => q.value!), better);
    group.forEach((q, i) => {
      q.rank = { position: ranks[i]!, of: group.length, quartile: quartileClass(ranks[i]!, group.length) ?? null };
    });
  }
  for (let qi = 0; qi < quality.length; qi++) {
    const q = quality[qi]!;
    q.status = qualityStatus(q, catalogue.get(q.indicator)?.target, catalogue.get(q.indicator)?.better ?? 'higher');
  }

  // ---- budget -------------------------------------------------------------------------------
  const budget: BudgetRow[] = [];
  const thresholds = { yellowBelow: config.budget.yellowBelow, redBelow: config.budget.redBelow };
  // Every line an area has ever reported, with the records of the two years a row reads: the
  // report's year and the closed year before it (forecast accuracy). Older years make no figure.
  const thisYear = `${budgetPeriod?.slice(0, 4)}-`;
  const yearBefore = `${Number(budgetPeriod?.slice(0, 4)) - 1}-`;
  const reported = (month: string) => budgetPeriod !== null && (month.startsWith(thisYear) || month.startsWith(yearBefore));
  const activityGroups = new Map<string, { area: Area; recs: BudgetRecord[] }>();
  for (const t of tables) {
    // A table's rows name their area and activity by index: a group per pair, found by number
    // (in an array while areas × activities is small, 290 × 13 for a national file).
    const width = t.activities.length;
    const pairs = t.areas.length * width;
    const dense: (BudgetRecord[] | undefined)[] | undefined = pairs <= 1 << 20 ? new Array(pairs).fill(undefined) : undefined;
    const sparse = new Map<number, BudgetRecord[]>();
    const read = t.months.map(reported);
    for (let i = 0; i < t.length; i++) {
      const pair = t.area[i]! * width + t.activity[i]!;
      let recs = dense !== undefined ? dense[pair] : sparse.get(pair);
      if (recs === undefined) {
        const area = t.areas[t.area[i]!]!;
        const key = `${area.code}\u0000${t.activities[t.activity[i]!]}`;
        recs = (activityGroups.get(key) ?? activityGroups.set(key, { area, recs: [] }).get(key)!).recs;
        if (dense !== undefined) dense[pair] = recs;
        else sparse.set(pair, recs);
      }
      if (read[t.month[i]!]) recs.push(t.record(i));
    }
  }
  const budgetRow = (area: string, areaKind: AreaKind, activity: string, total: boolean, recs: BudgetRecord[]): BudgetRow | undefined => {
    if (budgetPeriod === null || !recs.some((r) => r.period === budgetPeriod)) return undefined;
    const b = budgetBalance(recs, budgetPeriod, thresholds, config.budget.forecastMargin);
    const year = Number(budgetPeriod.slice(0, 4));
    // The months so far this year, year to date: one pass (budgetBalance per month scanned the
    // line's records once for each; ~40 ms of a national budget report).
    const series = yearToDate(recs).filter((y) => y.period.startsWith(`${year}-`) && y.period <= budgetPeriod);
    return {
      area, areaKind, activity, total, members: area === orgCode && !total ? coverage.get(activity) ?? null : null, period: budgetPeriod,
      budgetYear: rnd(b.budgetYear), budgetYtd: rnd(b.budgetYtd), budgetYtdMethod: b.budgetYtdMethod, actualYtd: rnd(b.actualYtd),
      deviation: rnd(b.deviation), deviationPct: opt(b.deviationPct ?? undefined), pacePct: opt(b.pacePct ?? undefined), elapsedPct: round(b.elapsedPct, 4),
      forecast: rnd(b.forecast), forecastDeviation: rnd(b.forecastDeviation), forecastDeviationPct: opt(b.forecastDeviationPct ?? undefined),
      projection: rnd(b.projection), forecastOptimismPct: opt(b.forecastOptimismPct ?? undefined), forecastOptimistic: b.forecastOptimistic,
      forecastAccuracy: forecastAccuracy(recs, year - 1, thresholds).map((f) => ({ month: f.month, forecast: Math.round(f.forecast), outcome: Math.round(f.outcome), error: Math.round(f.error), errorPct: round(f.errorPct, 4) })),
      status: b.status,
      series: series.map((s) => ({ period: s.period, actualYtd: rnd(s.actualYtd), budgetYtd: rnd(s.budgetYtd) })),
    };
  };
  const byArea = new Map<string, { kind: AreaKind; groups: [string, BudgetRecord[]][] }>();
  for (const [key, { area, recs }] of activityGroups) {
    const entry = byArea.get(area.code) ?? byArea.set(area.code, { kind: area.kind, groups: [] }).get(area.code)!;
    entry.groups.push([key.split('\u0000')[1]!, recs]);
  }
  const totalLabel = config.organisation.language === 'sv' ? 'Totalt' : 'Total';
  // The organisation's own lines are its shared costs; its section adds each activity summed over
  // the members, so the total is the whole shared organisation.
  const sharedGroups = byArea.get(orgCode)?.groups ?? [];
  // Members' files may differ in shape (year-to-date columns in one, monthly amounts in the next),
  // so each member line is first made cumulative, month by month, and only then summed.
  const memberActivities = new Map<string, { members: Set<string>; recs: BudgetRecord[] }>();
  const coverage = new Map<string, string[]>();
  for (const [key, { area, recs }] of activityGroups) {
    if (!memberCodes.includes(area.code)) continue;
    const activity = key.split('\u0000')[1]!;
    const label = [...memberActivities.keys()].find((a) => normalizeLabel(a) === normalizeLabel(activity)) ?? activity;
    const entry = memberActivities.get(label) ?? memberActivities.set(label, { members: new Set(), recs: [] }).get(label)!;
    entry.members.add(area.code);
    entry.recs.push(...cumulativeRecords(recs));
  }
  if (memberActivities.size > 0) {
    const summed: [string, BudgetRecord[]][] = [...memberActivities].map(([activity, { members, recs }]) => {
      // Which members a line covers (in any year): an activity only some report is not passed off as the whole.
      const covered = memberCodes.filter((m) => members.has(m));
      coverage.set(activity, covered);
      return [activity, sumRecords(recs, orgCode, 'organisation', activity, covered.length)];
    });
    byArea.set(orgCode, { kind: 'organisation', groups: [...summed, ...sharedGroups] });
  }
  for (const [area, { kind, groups }] of byArea) {
    groups.sort(([a], [b]) => SV.compare(a, b));
    for (const [activity, recs] of groups) {
      const row = budgetRow(area, kind, activity, false, recs);
      if (row) budget.push(row);
    }
    if (groups.length > 1) {
      const row = budgetRow(area, kind, totalLabel, true, sumLines(groups, area, kind, totalLabel));
      if (row) budget.push(row);
    }
  }
  budget.sort((a, b) => areaOrder(a.area, a.areaKind) - areaOrder(b.area, b.areaKind) || byCode(a.area, b.area) || Number(a.total) - Number(b.total));

  // ---- result against tax revenue and general grants --------------------------------------------
  const results: Report['results'] = [];
  const target = config.budget.resultTarget;
  const revenueNames = config.budget.revenueActivities.map(normalizeLabel);
  const linesOf = new Map<string, BudgetRow[]>();
  for (const b of budget) {
    const lines = linesOf.get(b.area) ?? linesOf.set(b.area, []).get(b.area)!;
    if (!b.total) lines.push(b);
  }
  for (const [area, lines] of linesOf) {
    const revenue = lines.filter((b) => isRevenueLine(normalizeLabel(b.activity), revenueNames));
    if (revenue.length === 0) continue;
    const costs = lines.filter((b) => !revenue.includes(b));
    const total = (rows: BudgetRow[], f: 'actualYtd' | 'forecast') => (rows.every((r) => r[f] !== null) ? rows.reduce((a, r) => a + r[f]!, 0) : null);
    const revYtd = total(revenue, 'actualYtd');
    const costYtd = total(costs, 'actualYtd');
    const revFc = total(revenue, 'forecast');
    const costFc = total(costs, 'forecast');
    // Revenue is held as a negative cost internally (net convention); the result speaks of it as positive.
    const ytd = revYtd !== null && costYtd !== null ? financialResult(-revYtd, costYtd, target) : undefined;
    const fc = revFc !== null && costFc !== null ? financialResult(-revFc, costFc, target) : undefined;
    results.push({
      area, period: budgetPeriod ?? '', target,
      revenueYtd: rnd(ytd?.revenue ?? null), costsYtd: rnd(ytd?.costs ?? null), resultYtd: rnd(ytd?.result ?? null), resultYtdPct: opt(ytd?.resultPct ?? undefined),
      revenueForecast: rnd(fc?.revenue ?? null), costsForecast: rnd(fc?.costs ?? null), resultForecast: rnd(fc?.result ?? null), resultForecastPct: opt(fc?.resultPct ?? undefined),
      status: fc?.status ?? ytd?.status ?? null,
    });
  }

  // ---- shared costs -------------------------------------------------------------------------
  let allocation: AllocationResult | null = null;
  // Only the costs booked on the organisation itself are shared out.
  const sharedRecords = sharedGroups.flatMap(([, recs]) => recs);
  const orgTotal = budgetPeriod !== null && sharedRecords.some((r) => r.period === budgetPeriod)
    ? budgetBalance(sharedGroups.length > 1 ? sumLines(sharedGroups, orgCode, 'organisation', 'shared') : sharedRecords, budgetPeriod, thresholds, config.budget.forecastMargin)
    : undefined;
  if (orgTotal && budgetPeriod !== null && config.members.length > 0) {
    const year = budgetPeriod.slice(0, 4);
    const from = config.allocation.populationFrom === 'previous-year' ? String(Number(year) - 1) : year;
    // The key's year, else (a config with only this year's figures) the latest not after the report year.
    const popYear = (m: Config['members'][number]) =>
      Object.keys(m.population).filter((y) => y <= from).sort().at(-1) ?? Object.keys(m.population).filter((y) => y <= year).sort().at(-1);
    const populationYear = config.members.map(popYear).reduce<string | undefined>((a, b) => (a === undefined || (b !== undefined && b < a) ? b : a), popYear(config.members[0]!)) ?? null;
    const measure = config.allocation.method === 'usage' ? config.allocation.measure : Object.keys(config.members[0]!.usage).sort()[0];
    const usageOf = (m: Config['members'][number]) => {
      if (measure === undefined) return undefined;
      const series = m.usage[measure] ?? {};
      const y = Object.keys(series).filter((k) => k <= year).sort().at(-1);
      return y === undefined ? undefined : series[y];
    };
    const weightInput = config.members.map((m) => ({
      code: m.code,
      population: populationYear !== null ? m.population[populationYear] ?? 0 : 0,
      ...(config.allocation.method === 'fixed' ? { fixedShare: config.allocation.shares[m.code] } : {}),
      ...(usageOf(m) !== undefined ? { usage: usageOf(m) } : {}),
    }));
    const key = config.allocation.method === 'mixed' ? { method: 'mixed' as const, equalPercent: config.allocation.equalPercent } : { method: config.allocation.method };
    const weights = allocationWeights(key, weightInput as never);
    if (weights) {
      const split = (v: number | null) => (v === null ? null : largestRemainder(Math.round(v), weights)!);
      const actual = split(orgTotal.actualYtd);
      const bYear = split(orgTotal.budgetYear);
      const fc = split(orgTotal.forecast);
      const usageWeights = allocationWeights({ method: 'usage' }, weightInput);
      allocation = {
        method: config.allocation.method, period: budgetPeriod, populationYear,
        totals: { budgetYear: rnd(orgTotal.budgetYear), actualYtd: rnd(orgTotal.actualYtd), forecast: rnd(orgTotal.forecast) },
        members: config.members.map((m, i) => {
          const pop = weightInput[i]!.population;
          const a = actual?.[i] ?? null;
          return {
            area: m.code, weight: round(weights[i]!, 6), budgetYear: bYear?.[i] ?? null, actualYtd: a, forecast: fc?.[i] ?? null,
            population: pop > 0 ? pop : null, actualPerInhabitant: a !== null && pop > 0 ? round(a / pop, 2) : null,
            usageMeasure: usageWeights ? measure ?? null : null,
            fairShareGap: usageWeights && a !== null && orgTotal.actualYtd !== null ? Math.round(a - orgTotal.actualYtd * usageWeights[i]!) : null,
          };
        }),
      };
    } else {
      findings.push(finding('(config)', { code: 'allocation-impossible', args: { method: config.allocation.method } }));
    }
  }

  // ---- quality beside cost ------------------------------------------------------------------
  const headline = config.indicators[0]?.id ?? 'helhetssyn';
  const activityFor = (service: string) => {
    const custom = Object.entries(config.budget.serviceActivity).find(([s]) => normalizeLabel(s) === normalizeLabel(service))?.[1];
    return normalizeLabel(custom ?? DEFAULT_SERVICE_ACTIVITY[normalizeLabel(service)] ?? service);
  };
  const qualityBesideCost: Report['qualityBesideCost'] = [];
  for (let qi = 0; qi < quality.length; qi++) {
    const q = quality[qi]!;
    if (q.areaKind !== 'municipality' || q.indicator !== headline || q.gender !== 'T' || q.trend === null) continue;
    const activity = budget.find((b) => b.area === q.area && !b.total && normalizeLabel(b.activity) === activityFor(q.service));
    const member = config.members.find((m) => m.code === q.area);
    const popYear = member && budgetPeriod ? Object.keys(member.population).filter((y) => y <= budgetPeriod.slice(0, 4)).sort().at(-1) : undefined;
    const pop = member && popYear ? member.population[popYear] : undefined;
    qualityBesideCost.push({
      area: q.area, service: q.service, indicator: q.indicator, value: q.value, verdict: q.trend.verdict,
      activity: activity?.activity ?? null, deviationPct: activity?.deviationPct ?? null,
      actualPerInhabitant: activity?.actualYtd != null && pop ? round(activity.actualYtd / pop, 2) : null,
    });
  }

  // ---- areas, inputs, attribution -----------------------------------------------------------
  const areaSet = new Map<string, AreaKind>();
  // --municipality narrows what is shown; totals, ranks and allocation above used all the data.
  const shownQuality = quality.filter((q) => keepArea(q.area, q.areaKind));
  const shownBudget = budget.filter((b) => keepArea(b.area, b.areaKind));
  for (const code of memberCodes) areaSet.set(code, 'municipality');
  for (let qi = 0; qi < shownQuality.length; qi++) {
    const q = shownQuality[qi]!;
    areaSet.set(q.area, q.areaKind);
  }
  for (const b of shownBudget) areaSet.set(b.area, b.areaKind);
  const areas = [...areaSet]
    .sort(([a, ak], [b, bk]) => areaOrder(a, ak) - areaOrder(b, bk) || byCode(a, b))
    .filter(([code, kind]) => keepArea(code, kind) || memberCodes.includes(code))
    .map(([code, kind]) => ({
      code, kind, member: memberCodes.includes(code),
      name: config.members.find((m) => m.code === code)?.name ?? areaName({ code, kind }, config.organisation.name),
    }));
  const usedIndicators = [...new Set(quality.map((q) => q.indicator))].sort((a, b) => indicatorOrder(a) - indicatorOrder(b) || byCode(a, b));
  const titleFromData = new Map<string, string>();
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if ((r.kind === 'values' || r.kind === 'survey') && r.title && !titleFromData.has(r.indicator)) titleFromData.set(r.indicator, r.title);
  }
  const attribution = inputs.some((i) => i.format?.startsWith('kolada')) ? ['Källa: Kolada (RKA), CC BY 4.0'] : [];

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: opts.generatedAt ?? null,
    organisation: { name: config.organisation.name, code: orgCode, language: config.organisation.language, members: memberCodes },
    period: { survey: surveyPeriod, budget: budgetPeriod },
    settings: {
      minRespondents: min, alpha, interval: 'wilson-95', budgetThresholds: thresholds, forecastMargin: config.budget.forecastMargin,
      amountUnit: 'kr', signConvention: 'costs-positive; deviation positive = better than budget',
    },
    inputs: inputs.map((i) => ({
      file: i.file, format: i.format ?? null, kind: i.kind ?? null, encoding: i.encoding ?? null, unit: i.unit ?? null, sign: i.sign ?? null, rows: i.counts,
    })),
    attribution,
    areas,
    indicators: usedIndicators.map((id) => {
      const spec = catalogue.get(id);
      const t = titleFromData.get(id) ?? id;
      const fromSurvey = records.some((r) => (r.kind === 'survey' || r.kind === 'answers') && r.indicator === id);
      return { id, title: spec?.title ?? { sv: t, en: t }, better: spec?.better ?? (fromSurvey ? 'higher' : 'none'), unit: spec?.unit ?? (fromSurvey ? '%' : guessUnit(t)), target: spec?.target ?? null };
    }),
    quality: shownQuality,
    budget: shownBudget,
    allocation,
    results: results.filter((r) => keepArea(r.area, byArea.get(r.area)?.kind ?? 'municipality')),
    qualityBesideCost: qualityBesideCost.filter((q) => keepArea(q.area, 'municipality')),
    findings,
  };
}

/**
 * Quality status, in order: red when the trend is worsening or the value is significantly below
 * the reference (Riket); yellow when it fell significantly since the previous period or is below
 * its target; otherwise green. Suppressed cells have no status.
 */
export function qualityStatus(q: QualityRow, target: number | undefined, better: Better): QualityRow['status'] {
  if (q.value === null) return null;
  const sign = better === 'lower' ? -1 : 1;
  if (q.trend?.verdict === 'worsening') return 'red';
  if (q.reference?.significant && sign * q.reference.differencePp < 0 && better !== 'none') return 'red';
  if (q.change?.significant && sign * q.change.differencePp < 0 && better !== 'none') return 'yellow';
  if (target !== undefined && sign * (q.value - target) < 0) return 'yellow';
  return 'green';
}

/**
 * Sums budget records month by month into one line: an area's activities or the members' lines for
 * one activity (`components`: how many lines, in any year). A field is null for a month when any
 * component lacks it, so a total never silently covers only part of the whole.
 */
function sumRecords(recs: readonly BudgetRecord[], area: string, kind: AreaKind, activity: string, components: number): BudgetRecord[] {
  const byMonth = new Map<string, BudgetRecord[]>();
  for (const r of recs) (byMonth.get(r.period) ?? byMonth.set(r.period, []).get(r.period)!).push(r);
  const fields = ['budgetYear', 'budgetYtd', 'budgetMonth', 'actualYtd', 'actualMonth', 'forecast'] as const;
  return [...byMonth].map(([period, list]) => {
    const out: BudgetRecord = { kind: 'budget', area: { code: area, kind }, period, activity, budgetYear: null, budgetYtd: null, budgetMonth: null, actualYtd: null, actualMonth: null, forecast: null, source: list[0]!.source };
    for (const f of fields) {
      const values = list.map((r) => r[f]);
      out[f] = list.length === components && values.every((v) => v !== null) ? (values as number[]).reduce((a, b) => a + b, 0) : null;
    }
    return out;
  });
}

/** Several lines of one area as one: each made year-to-date first, so lines of different shape add up. */
function sumLines(lines: readonly (readonly [string, readonly BudgetRecord[]])[], area: string, kind: AreaKind, activity: string): BudgetRecord[] {
  return sumRecords(lines.flatMap(([, l]) => cumulativeRecords(l)), area, kind, activity, new Set(lines.map(([a]) => a)).size);
}

/**
 * One line's records as year-to-date figures for each month it has, whatever shape the source had
 * (year-to-date columns, monthly amounts or an annual budget), so lines from different files add up.
 */
function cumulativeRecords(recs: readonly BudgetRecord[]): BudgetRecord[] {
  return yearToDate(recs).map((y) => ({ ...y.record, budgetYear: y.budgetYear, budgetYtd: y.budgetYtd, budgetMonth: null, actualYtd: y.actualYtd, actualMonth: null, forecast: y.forecast }));
}

/** Unit of an indicator known only by its title: shares say so, amounts name kronor. */
function guessUnit(title: string): '%' | 'kr' | 'days' | 'number' {
  const t = normalizeLabel(title);
  if (/\bandel\b|procent|%|\bshare\b|percent/.test(title.toLowerCase()) || /\bandel\b/.test(t)) return '%';
  if (/\bkr\b|kronor|\bsek\b/.test(t)) return 'kr';
  if (/\bdagar\b|\bdays\b/.test(t)) return 'days';
  return 'number';
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f + 0;
}
function opt(v: number | undefined, digits = 4): number | null {
  return v === undefined || !Number.isFinite(v) ? null : round(v, digits);
}
function rnd(v: number | null): number | null {
  return v === null ? null : Math.round(v) + 0;
}
