import type { Config } from '../config/schema.js';
import type { ParsedInput } from '../ingest/parse-input.js';
import { finding, type Finding } from '../model/findings.js';
import type { Gender, QualityRecord } from '../model/records.js';
import { BUDGET_AMOUNTS } from '../model/budget-table.js';
import { REPORT_SCHEMA_VERSION, type AllocationResult, type BudgetRow, type QualityRow, type Report } from '../model/report.js';
import { KOLADA_KPIS } from '../model/kolada-kpis.js';
import { areaName, type Area, type AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { allocationWeights, largestRemainder } from './allocate.js';
import { addUp, budgetBalance, BudgetYear, forecastAccuracy, yearToDate } from './budget-balance.js';
import { isRevenueLine } from '../model/activities.js';
import { financialResult } from './financial-result.js';
import { byCode, opt, qualityTable, reportOrder, round, SV, type RowFilter } from './quality.js';
import { appendAll } from '../model/array.js';

export interface AnalyseOptions {
  /** `YYYY` or `YYYY-MM`; default the latest period in the data. */
  period?: string;
  /** Keep only these municipality codes (plus references and the organisation). */
  municipalities?: string[];
  generatedAt?: string;
}

const DEFAULT_SERVICE_ACTIVITY: Record<string, string> = {
  hemtjanst: 'aldreomsorg',
  'sarskilt boende': 'aldreomsorg',
  'sarskilt boende for aldre': 'aldreomsorg',
  aldreomsorg: 'aldreomsorg',
  lss: 'lss',
  'individ och familjeomsorg': 'individ och familjeomsorg',
  ifo: 'individ och familjeomsorg',
};

/** A report whose quality rows are made on demand: `quality` in `report` is empty; `rows()` gives them. */
export interface LazyReport {
  report: Report;
  /** The report's quality rows, in order, made anew on each call; `filter` narrows them. */
  rows(filter?: RowFilter): Generator<QualityRow>;
}

/** Turns parsed inputs into the report model: every indicator, comparison and finding. Pure. */
export function analyse(inputs: readonly ParsedInput[], config: Config, opts: AnalyseOptions = {}): Report {
  const { report, rows } = analyseLazily(inputs, config, opts);
  return { ...report, quality: [...rows()] };
}

/**
 * The report with its quality rows left to be made while they are written: a national file has
 * 459 000 of them, ~200 bytes each with their comparisons, and a JSON report needs each once.
 * Its loops over records go by index: this function runs once, partly unoptimised (V8 compiles a
 * hot loop on the fly and drops the code when the loop ends), where `for … of` made an iterator
 * result per element (2M answers: ~120 MB, ~0.1 s).
 */
export function analyseLazily(inputs: readonly ParsedInput[], config: Config, opts: AnalyseOptions = {}): LazyReport {
  const findings: Finding[] = inputs.flatMap((i) => i.findings);
  // One input's records as they are (a copy of 300 000 references is garbage), several joined.
  const records: readonly QualityRecord[] = inputs.length === 1 ? inputs[0]!.records : inputs.reduce((all, i) => appendAll(all, i.records), [] as QualityRecord[]);
  const tables = inputs.flatMap((i) => (i.budget ? [i.budget] : []));
  const catalogue = new Map([...KOLADA_KPIS, ...config.indicators].map((i) => [i.id, i]));
  const memberCodes = config.members.map((m) => m.code);
  const orgCode = config.organisation.code;
  const alpha = config.survey.alpha;
  const min = config.survey.minRespondents;
  const keepArea = (code: string, kind: AreaKind) =>
    kind !== 'municipality' || opts.municipalities === undefined || opts.municipalities.includes(code);
  const { areaOrder, indicatorOrder } = reportOrder(config);

  // ---- periods ------------------------------------------------------------------------------
  // The latest budget month (within --period's year when one is given); the survey year is the
  // quality table's.
  let latestMonth: string | null = null;
  const inYear = opts.period?.length === 4 ? `${opts.period}-` : '';
  for (const t of tables) {
    const used = new Uint8Array(t.months.length);
    for (let i = 0; i < t.length; i++) used[t.month[i]!] = 1;
    t.months.forEach((month, id) => {
      if (used[id] === 1 && month.startsWith(inYear) && (latestMonth === null || month > latestMonth)) latestMonth = month;
    });
  }
  const budgetPeriod = opts.period?.length === 7 ? opts.period : latestMonth;

  const table = qualityTable(records, config, { period: opts.period });
  const surveyPeriod = table.surveyPeriod;
  appendAll(findings, table.findings);
  // ---- budget -------------------------------------------------------------------------------
  const budget: BudgetRow[] = [];
  const thresholds = { yellowBelow: config.budget.yellowBelow, redBelow: config.budget.redBelow };
  const year = budgetPeriod === null ? Number.NaN : Number(budgetPeriod.slice(0, 4));
  const month = budgetPeriod === null ? 0 : Number(budgetPeriod.slice(5, 7));
  // Every line an area has ever reported, with its figures for the two years a row reads: the
  // report's year and the closed year before it (forecast accuracy). Older years make no figure.
  const activityGroups = new Map<string, { area: Area; line: Line }>();
  let spare: BudgetYear[] = [];
  const newYear = () => spare.pop() ?? (spare = BudgetYear.batch(256)).pop()!;
  for (const t of tables) {
    // A table's rows name their area and activity by index: a line per pair, found by number
    // (in an array while areas × activities is small, 290 × 13 for a national file).
    const width = t.activities.length;
    const pairs = t.areas.length * width;
    const dense: (Line | undefined)[] | undefined = pairs <= 1 << 20 ? new Array(pairs).fill(undefined) : undefined;
    const sparse = new Map<number, Line>();
    // Where a month's amounts go: month m of the report year is m, of the year before −m; 0 unread.
    const slot = Int8Array.from(t.months, (m) => {
      const y = Number(m.slice(0, 4));
      return (y === year ? 1 : y === year - 1 ? -1 : 0) * Number(m.slice(5, 7));
    });
    for (let i = 0; i < t.length; i++) {
      const pair = t.area[i]! * width + t.activity[i]!;
      let line = dense !== undefined ? dense[pair] : sparse.get(pair);
      if (line === undefined) {
        const area = t.areas[t.area[i]!]!;
        const key = `${area.code}\u0000${t.activities[t.activity[i]!]}`;
        line = (activityGroups.get(key) ?? activityGroups.set(key, { area, line: { current: newYear(), before: newYear() } }).get(key)!).line;
        if (dense !== undefined) dense[pair] = line;
        else sparse.set(pair, line);
      }
      const s = slot[t.month[i]!]!;
      if (s > 0) line.current.set(s, t.amounts, i * BUDGET_AMOUNTS.length);
      else if (s < 0) line.before.set(-s, t.amounts, i * BUDGET_AMOUNTS.length);
    }
  }
  // The report year's months as text, for a row's series.
  const periods = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  const budgetRow = (area: string, areaKind: AreaKind, activity: string, total: boolean, line: Line): BudgetRow | undefined => {
    if (budgetPeriod === null || !line.current.has(month)) return undefined;
    const b = budgetBalance(line.current, month, thresholds, config.budget.forecastMargin);
    // The months so far this year, year to date: one pass (budgetBalance per month scanned the
    // line once for each; ~40 ms of a national budget report).
    const series = yearToDate(line.current).filter((y) => y.month <= month);
    return {
      area, areaKind, activity, total, members: area === orgCode && !total ? coverage.get(activity) ?? null : null, period: budgetPeriod,
      budgetYear: rnd(b.budgetYear), budgetYtd: rnd(b.budgetYtd), budgetYtdMethod: b.budgetYtdMethod, actualYtd: rnd(b.actualYtd),
      deviation: rnd(b.deviation), deviationPct: opt(b.deviationPct ?? undefined), pacePct: opt(b.pacePct ?? undefined), elapsedPct: round(b.elapsedPct, 4),
      forecast: rnd(b.forecast), forecastDeviation: rnd(b.forecastDeviation), forecastDeviationPct: opt(b.forecastDeviationPct ?? undefined),
      projection: rnd(b.projection), forecastOptimismPct: opt(b.forecastOptimismPct ?? undefined), forecastOptimistic: b.forecastOptimistic,
      forecastAccuracy: forecastAccuracy(line.before).map((f) => ({ month: f.month, forecast: Math.round(f.forecast), outcome: Math.round(f.outcome), error: Math.round(f.error), errorPct: round(f.errorPct, 4) })),
      status: b.status,
      series: series.map((s) => ({ period: periods[s.month - 1]!, actualYtd: rnd(s.actualYtd), budgetYtd: rnd(s.budgetYtd) })),
    };
  };
  const byArea = new Map<string, { kind: AreaKind; groups: [string, Line][] }>();
  for (const [key, { area, line }] of activityGroups) {
    const entry = byArea.get(area.code) ?? byArea.set(area.code, { kind: area.kind, groups: [] }).get(area.code)!;
    entry.groups.push([key.split('\u0000')[1]!, line]);
  }
  const totalLabel = config.organisation.language === 'sv' ? 'Totalt' : 'Total';
  // The organisation's own lines are its shared costs; its section adds each activity summed over
  // the members, so the total is the whole shared organisation.
  const sharedGroups = byArea.get(orgCode)?.groups ?? [];
  // Members' files may differ in shape (year-to-date columns in one, monthly amounts in the next),
  // so each member line is made cumulative, month by month, before they are summed.
  const memberActivities = new Map<string, { members: Set<string>; lines: Line[] }>();
  const coverage = new Map<string, string[]>();
  for (const [key, { area, line }] of activityGroups) {
    if (!memberCodes.includes(area.code)) continue;
    const activity = key.split('\u0000')[1]!;
    const label = [...memberActivities.keys()].find((a) => normalizeLabel(a) === normalizeLabel(activity)) ?? activity;
    const entry = memberActivities.get(label) ?? memberActivities.set(label, { members: new Set(), lines: [] }).get(label)!;
    entry.members.add(area.code);
    entry.lines.push(line);
  }
  if (memberActivities.size > 0) {
    const summed: [string, Line][] = [...memberActivities].map(([activity, { members, lines }]) => {
      // Which members a line covers (in any year): an activity only some report is not passed off as the whole.
      const covered = memberCodes.filter((m) => members.has(m));
      coverage.set(activity, covered);
      return [activity, addUpLines(lines, covered.length)];
    });
    byArea.set(orgCode, { kind: 'organisation', groups: [...summed, ...sharedGroups] });
  }
  for (const [area, { kind, groups }] of byArea) {
    groups.sort(([a], [b]) => SV.compare(a, b));
    for (const [activity, line] of groups) {
      const row = budgetRow(area, kind, activity, false, line);
      if (row) budget.push(row);
    }
    if (groups.length > 1) {
      const row = budgetRow(area, kind, totalLabel, true, sumLines(groups));
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
  const shared = sharedGroups.length > 1 ? sumLines(sharedGroups) : sharedGroups[0]?.[1];
  const orgTotal = budgetPeriod !== null && shared !== undefined && shared.current.has(month)
    ? budgetBalance(shared.current, month, thresholds, config.budget.forecastMargin)
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
  const headlineSeries = { series: (_: string, kind: AreaKind, indicator: string, gender: Gender) => kind === 'municipality' && indicator === headline && gender === 'T' };
  for (const q of table.rows(headlineSeries)) {
    if (q.areaKind !== 'municipality' || q.trend === null) continue;
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
  const shownBudget = budget.filter((b) => keepArea(b.area, b.areaKind));
  for (const code of memberCodes) areaSet.set(code, 'municipality');
  for (const [code, kind] of table.areas) if (keepArea(code, kind)) areaSet.set(code, kind);
  for (const b of shownBudget) areaSet.set(b.area, b.areaKind);
  const areas = [...areaSet]
    .sort(([a, ak], [b, bk]) => areaOrder(a, ak) - areaOrder(b, bk) || byCode(a, b))
    .filter(([code, kind]) => keepArea(code, kind) || memberCodes.includes(code))
    .map(([code, kind]) => ({
      code, kind, member: memberCodes.includes(code),
      name: config.members.find((m) => m.code === code)?.name ?? areaName({ code, kind }, config.organisation.name),
    }));
  const usedIndicators = [...table.indicators].sort((a, b) => indicatorOrder(a) - indicatorOrder(b) || byCode(a, b));
  const titleFromData = new Map<string, string>();
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if ((r.kind === 'values' || r.kind === 'survey') && r.title && !titleFromData.has(r.indicator)) titleFromData.set(r.indicator, r.title);
  }
  const attribution = inputs.some((i) => i.format?.startsWith('kolada')) ? ['Källa: Kolada (RKA), CC BY 4.0'] : [];

  const report: Report = {
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
      const fromSurvey = table.surveyIndicators.has(id);
      return { id, title: spec?.title ?? { sv: t, en: t }, better: spec?.better ?? (fromSurvey ? 'higher' : 'none'), unit: spec?.unit ?? (fromSurvey ? '%' : guessUnit(t)), target: spec?.target ?? null };
    }),
    quality: [],
    budget: shownBudget,
    allocation,
    results: results.filter((r) => keepArea(r.area, byArea.get(r.area)?.kind ?? 'municipality')),
    qualityBesideCost: qualityBesideCost.filter((q) => keepArea(q.area, 'municipality')),
    findings,
  };
  return { report, rows: (filter: RowFilter = {}) => table.rows({ ...filter, row: (code: string, kind: AreaKind, period: string) => keepArea(code, kind) && (filter.row?.(code, kind, period) ?? true) }) };
}

/** A budget line's figures: the report's year and the year before it. */
interface Line {
  current: BudgetYear;
  before: BudgetYear;
}

/** Lines summed year by year (see `addUp`; `components`: how many lines the whole has, in any year). */
function addUpLines(lines: readonly Line[], components: number): Line {
  return { current: addUp(lines.map((l) => l.current), components), before: addUp(lines.map((l) => l.before), components) };
}

/** An area's lines as one: each activity is a component. */
function sumLines(groups: readonly (readonly [string, Line])[]): Line {
  return addUpLines(groups.map(([, line]) => line), new Set(groups.map(([a]) => a)).size);
}

/** Unit of an indicator known only by its title: shares say so, amounts name kronor. */
function guessUnit(title: string): '%' | 'kr' | 'days' | 'number' {
  const t = normalizeLabel(title);
  if (/\bandel\b|procent|%|\bshare\b|percent/.test(title.toLowerCase()) || /\bandel\b/.test(t)) return '%';
  if (/\bkr\b|kronor|\bsek\b/.test(t)) return 'kr';
  if (/\bdagar\b|\bdays\b/.test(t)) return 'days';
  return 'number';
}

function rnd(v: number | null): number | null {
  return v === null ? null : Math.round(v) + 0;
}
