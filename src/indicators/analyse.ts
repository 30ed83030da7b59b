import type { Config } from '../config/schema.js';
import type { ParsedInput } from '../model/input.js';
import { finding, withoutDetail, type Finding } from '../model/findings.js';
import type { Gender, QualityRecord } from '../model/records.js';
import { REPORT_SCHEMA_VERSION, type AllocationResult, type BudgetRow, type QualityRow, type Report } from '../model/report.js';
import { indicatorCatalogue } from '../model/kolada-kpis.js';
import { areaName, type Area, type AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';
import { allocationWeights, largestRemainder } from './allocate.js';
import { budgetBalance } from './budget-balance.js';
import { readLines } from './budget-lines.js';
import { budgetRows } from './budget-rows.js';
import { isRevenueLine } from '../model/activities.js';
import { financialResult } from './financial-result.js';
import { byCode, opt, qualityTable, reportOrder, round, type RowFilter } from './quality.js';
import { periodHasData, periodRanges, type Coverage } from './selection.js';
import { appendAll } from '../model/array.js';
import { MEMBER_AREA_KIND } from '../model/membership.js';
import { memberPopulations } from './member-population.js';
import { peerGroups as peersOf } from './peers.js';

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
  /** What the inputs hold before `municipalities` and `period` narrow it. */
  coverage: Coverage;
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
  const catalogue = indicatorCatalogue(config.indicators);
  const memberCodes = config.members.map((m) => m.code);
  const orgCode = config.organisation.code;
  const alpha = config.survey.alpha;
  const min = config.survey.minRespondents;
  const keepArea = (code: string, kind: AreaKind) =>
    (kind !== 'municipality' && kind !== 'region') || opts.municipalities === undefined || opts.municipalities.includes(code);
  const { areaOrder, indicatorOrder } = reportOrder(config);

  // ---- periods ------------------------------------------------------------------------------
  // The latest budget month (within --period's year when one is given); the survey year is the
  // quality table's.
  let latestMonth: string | null = null;
  const inYear = opts.period?.length === 4 ? `${opts.period}-` : '';
  const budgetMonths = new Set<string>();
  for (const t of tables) {
    const used = new Uint8Array(t.months.length);
    for (let i = 0; i < t.length; i++) used[t.month[i]!] = 1;
    t.months.forEach((month, id) => {
      if (used[id] === 1) budgetMonths.add(month);
      if (used[id] === 1 && month.startsWith(inYear) && (latestMonth === null || month > latestMonth)) latestMonth = month;
    });
  }
  const budgetPeriod = opts.period?.length === 7 ? opts.period : latestMonth;

  const table = qualityTable(records, config, { period: opts.period });
  const surveyPeriod = table.surveyPeriod;
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    if (f.line !== undefined && table.behindHidden(f.file, f.line)) findings[k] = withoutDetail(f);
  }
  appendAll(findings, table.findings);
  const municipalities = new Set<string>();
  for (const [code, kind] of table.areas) if (kind === 'municipality') municipalities.add(code);
  for (const t of tables) for (const a of t.areas) if (a.kind === 'municipality') municipalities.add(a.code);
  const regions = new Set<string>();
  for (const [code, kind] of table.areas) if (kind === 'region' || kind === 'nation') regions.add(code);
  const inputCoverage: Coverage = { municipalities: [...municipalities].sort(byCode), regions: [...regions].sort(byCode), surveyYears: [...table.years].sort(byCode), budgetMonths: [...budgetMonths].sort(byCode) };
  if (opts.period !== undefined) findings.push(...periodFindings(opts.period, inputCoverage));
  // ---- budget -------------------------------------------------------------------------------
  const year = budgetPeriod === null ? Number.NaN : Number(budgetPeriod.slice(0, 4));
  const upTo = opts.period?.length === 7 ? Number(opts.period.slice(5, 7)) : 12;
  const thresholds = { yellowBelow: config.budget.yellowBelow, redBelow: config.budget.redBelow };
  const lines = budgetPeriod === null ? new Map() : readLines(tables, year, findings);
  const made = budgetRows(lines, config, { year, upTo, period: budgetPeriod ?? '' });
  findings.push(...made.findings);
  const budget = made.rows;
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
    // Revenue and costs of different months make no result (the area's total says its months differ).
    if (revenue.length === 0 || lines.some((b) => b.period !== lines[0]!.period)) continue;
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
      area, period: lines[0]!.period, target,
      revenueYtd: rnd(ytd?.revenue ?? null), costsYtd: rnd(ytd?.costs ?? null), resultYtd: rnd(ytd?.result ?? null), resultYtdPct: opt(ytd?.resultPct ?? undefined),
      revenueForecast: rnd(fc?.revenue ?? null), costsForecast: rnd(fc?.costs ?? null), resultForecast: rnd(fc?.result ?? null), resultForecastPct: opt(fc?.resultPct ?? undefined),
      status: fc?.status ?? ytd?.status ?? null,
    });
  }

  // ---- shared costs -------------------------------------------------------------------------
  let allocation: AllocationResult | null = null;
  // Only the costs booked on the organisation itself are shared out, at their latest month.
  const sharedMonth = made.shared?.current.latest(upTo) ?? 0;
  const orgTotal = made.shared !== undefined && sharedMonth > 0
    ? budgetBalance(made.shared.current, sharedMonth, thresholds, config.budget.forecastMargin)
    : undefined;
  const allocationPeriod = `${year}-${String(sharedMonth).padStart(2, '0')}`;
  if (orgTotal && config.members.length > 0) {
    const year = allocationPeriod.slice(0, 4);
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
    const population = memberPopulations(config, populationYear, findings);
    const weightInput = config.members.map((m, i) => ({
      code: m.code,
      population: population[i]!,
      ...(config.allocation.method === 'fixed' ? { fixedShare: config.allocation.shares[m.code] } : {}),
      ...(usageOf(m) !== undefined ? { usage: usageOf(m) } : {}),
    }));
    const key = config.allocation.method === 'mixed' ? { method: 'mixed' as const, equalPercent: config.allocation.equalPercent } : { method: config.allocation.method };
    const weights = allocationWeights(key, weightInput as never);
    const agreed = config.allocation;
    if (weights && agreed.method === 'fixed') {
      // Shares are normalised to their sum; a key that does not add up to 100 % is said so.
      const sum = config.members.reduce((a, m) => a + (agreed.shares[m.code] ?? 0), 0);
      if (Math.abs(sum - 100) > 1e-9) findings.push(finding('(config)', { code: 'allocation-shares-normalised', args: { sum: round(sum, 4) } }));
    }
    if (weights) {
      const split = (v: number | null) => (v === null ? null : largestRemainder(Math.round(v), weights)!);
      const actual = split(orgTotal.actualYtd);
      const bYear = split(orgTotal.budgetYear);
      const fc = split(orgTotal.forecast);
      const usageWeights = allocationWeights({ method: 'usage' }, weightInput);
      // The usage shares are rounded as the allocation is, so the gaps sum to 0 as the two splits do.
      const fair = usageWeights && orgTotal.actualYtd !== null ? largestRemainder(Math.round(orgTotal.actualYtd), usageWeights)! : null;
      allocation = {
        method: config.allocation.method, period: allocationPeriod, populationYear,
        totals: { budgetYear: rnd(orgTotal.budgetYear), actualYtd: rnd(orgTotal.actualYtd), forecast: rnd(orgTotal.forecast) },
        members: config.members.map((m, i) => {
          const pop = weightInput[i]!.population;
          const a = actual?.[i] ?? null;
          return {
            area: m.code, weight: round(weights[i]!, 6), budgetYear: bYear?.[i] ?? null, actualYtd: a, forecast: fc?.[i] ?? null,
            population: pop > 0 ? pop : null, actualPerInhabitant: a !== null && pop > 0 ? round(a / pop, 2) : null,
            usageMeasure: usageWeights ? measure ?? null : null,
            fairShareGap: fair && a !== null ? a - fair[i]! + 0 : null,
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
  const titleFromData = new Map<string, string>();
  const groupNames = new Map<string, string>();
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if (r.area.name !== undefined) groupNames.set(r.area.code, r.area.name);
    if ((r.kind === 'values' || r.kind === 'survey') && r.title && !titleFromData.has(r.indicator)) titleFromData.set(r.indicator, r.title);
  }
  const areaSet = new Map<string, AreaKind>();
  // --municipality narrows what is shown; totals, ranks and allocation above used all the data.
  const shownBudget = budget.filter((b) => keepArea(b.area, b.areaKind));
  for (const m of config.members) areaSet.set(m.code, MEMBER_AREA_KIND[m.kind]);
  for (const [code, kind] of table.areas) if (keepArea(code, kind)) areaSet.set(code, kind);
  for (const b of shownBudget) areaSet.set(b.area, b.areaKind);
  const areas = [...areaSet]
    .sort(([a, ak], [b, bk]) => areaOrder(a, ak) - areaOrder(b, bk) || byCode(a, b))
    .filter(([code, kind]) => keepArea(code, kind) || memberCodes.includes(code))
    .map(([code, kind]) => ({
      code, kind, member: memberCodes.includes(code),
      name: config.members.find((m) => m.code === code)?.name ?? groupNames.get(code) ?? areaName({ code, kind }, config.organisation.name),
    }));
  const usedIndicators = [...table.indicators].sort((a, b) => indicatorOrder(a) - indicatorOrder(b) || byCode(a, b));
  const attribution = inputs.some((i) => i.format?.startsWith('kolada')) ? ['Källa: Kolada (RKA), CC BY 4.0'] : [];

  let report: Report = {
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
    results: results.filter((r) => keepArea(r.area, made.kinds.get(r.area) ?? 'municipality')),
    qualityBesideCost: qualityBesideCost.filter((q) => keepArea(q.area, 'municipality')),
    findings,
  };
  const peerGroups = peersOf(report, table, config, groupNames, findings);
  // Before the findings, as the contract lists it; absent when there are none.
  if (peerGroups.length > 0) report = (({ findings: all, ...rest }) => ({ ...rest, peerGroups, findings: all }))(report);
  return { report, coverage: inputCoverage, rows: (filter: RowFilter = {}) => table.rows({ ...filter, row: (code: string, kind: AreaKind, period: string) => keepArea(code, kind) && (filter.row?.(code, kind, period) ?? true) }) };
}

/**
 * Warnings for a `--period` that one kind of input has no figures for (when no kind has, the
 * report is not made at all): its section is empty, and the reader is told why.
 */
function periodFindings(period: string, coverage: Coverage): Finding[] {
  const has = periodHasData(period, coverage);
  const out: Finding[] = [];
  if (!has.survey && coverage.surveyYears.length > 0) {
    out.push(finding('--period', { code: 'period-no-survey-data', args: { period: period.slice(0, 4), have: periodRanges(coverage.surveyYears) } }));
  }
  if (!has.budget && coverage.budgetMonths.length > 0) {
    out.push(finding('--period', { code: 'period-no-budget-data', args: { period, have: periodRanges(coverage.budgetMonths) } }));
  }
  return out;
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
