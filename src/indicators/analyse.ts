import type { Config } from '../config/schema.js';
import type { BudgetTable } from '../model/budget-table.js';
import type { ParsedInput, QualityInput } from '../model/input.js';
import { finding, referredLine, withoutDetail, type Finding } from '../model/findings.js';
import { publishedFindings } from './published-findings.js';
import { budgetMonths, latestIn, outcomeFindings } from './budget-months.js';
import type { QualityRecord } from '../model/records.js';
import { REPORT_SCHEMA_VERSION, type BudgetRow, type QualityRow, type Report } from '../model/report.js';
import { areaName, type Area, type AreaKind } from '../model/register.js';
import { appendAll } from '../model/array.js';
import { readLines, type LineEntry } from './budget-lines.js';
import { contains, MEMBER_AREA_KIND } from '../model/membership.js';
import { peerGroups as peersOf } from './peers.js';
import { balanceYears } from './balance-years.js';
import { milestoneReport, qualityMilestones } from './milestones.js';
import { budgetRows, type BudgetRows } from './budget-rows.js';
import { byCode } from './collation.js';
import { qualityBesideCost } from './quality-beside-cost.js';
import { qualityTable, type QualityTable, type RowFilter } from './quality.js';
import { resultRows } from './result-rows.js';
import { splitFinancing } from './financing-lines.js';
import { periodHasData, periodRanges, type Coverage } from './selection.js';
import { directionOf, settingsOf, type AnalyseOptions, type Settings } from './settings.js';
import { negativeShares } from './share-direction.js';
import { allocateSharedCosts } from './shared-costs.js';

export type { AnalyseOptions } from './settings.js';

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
 * Its steps: periods, the quality table, budget lines, results, allocation, quality beside cost,
 * assemble; each reads the one `Settings` made from the config and the options. Loops over
 * records go by index: this runs once, partly unoptimised (V8 compiles a hot loop on the fly and
 * drops the code when the loop ends), where `for … of` made an iterator result per element (2M
 * answers: ~120 MB, ~0.1 s).
 */
export function analyseLazily(inputs: readonly ParsedInput[], config: Config, opts: AnalyseOptions = {}): LazyReport {
  // Questions worded for negative answers with no direction given get none (see `negativeShares`).
  const negative = negativeShares(inputs, settingsOf(config, opts));
  const settings: Settings = { ...settingsOf(config, opts), directionless: negative.questions };
  const findings: Finding[] = inputs.flatMap(publishedFindings);
  // One input's records as they are (a copy of 300 000 references is garbage), several joined.
  const records: readonly QualityRecord[] = inputs.length === 1 ? inputs[0]!.records : inputs.reduce((all, i) => appendAll(all, i.records), [] as QualityRecord[]);
  const tables = inputs.flatMap((i) => (i.budget ? [i.budget] : []));
  const months = budgetMonths(tables);
  // A `--period` month no budget file has: the section is at the latest month before it that year
  // (`period-budget-earlier` says so), not labelled with a month none of its figures are from; nor
  // at a month with budget or forecast only (the months ahead of the ledger), when any has an outcome.
  const booked = latestIn(months.booked, settings.period);
  const budgetPeriod = booked ?? latestIn(months.used, settings.period);
  const table = qualityTable(inputs, settings);
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    const refers = referredLine(f);
    if ((f.line !== undefined && table.behindHidden(f.file, f.line)) || (refers !== undefined && table.behindHidden(f.file, refers))) findings[k] = withoutDetail(f);
  }
  appendAll(findings, table.findings);
  const coverage = coverageOf(table, tables, months.used);
  if (settings.period !== undefined) findings.push(...periodFindings(settings.period, coverage, budgetPeriod));
  findings.push(...outcomeFindings(tables, months.used, budgetPeriod, booked !== null, settings.period));
  findings.push(...membersWithoutData(settings, table, tables), ...unreadAliases(config), ...negative.findings);
  const budget = budgetSection(tables, budgetPeriod, settings, findings);
  const results = resultRows([...budget.rows, ...budget.financing], settings, findings);
  const allocation = allocateSharedCosts(budget.shared, budget.year, budget.upTo, settings, findings);
  const besideCost = qualityBesideCost(table, budget.rows, budgetPeriod, settings, findings);
  const { balanceHistory, milestones } = yearsAndMilestones(tables, table, budget, settings, findings);
  const groupNames = groupNamesOf(inputs);
  const assembled = assemble({ inputs, records, table, budget, budgetPeriod, results, allocation, besideCost, findings, balanceHistory, milestones, groupNames }, settings);
  const peerGroups = peersOf(assembled, table, config, groupNames, findings);
  // Before the findings, as the contract lists it; absent when there are none.
  const report: Report = peerGroups.length === 0 ? assembled : (({ findings: all, ...rest }) => ({ ...rest, peerGroups, findings: all }))(assembled);
  const { keepArea } = settings;
  return { report, coverage, rows: (filter: RowFilter = {}) => table.rows({ ...filter, row: (code: string, kind: AreaKind, period: string) => keepArea(code, kind) && (filter.row?.(code, kind, period) ?? true) }) };
}

/**
 * A municipality's or region's `aliases` read as nothing: its rows are those that name its code or
 * its name as the register has it, and a cell written as an alias is an unknown area. Said, not
 * refused: a config that names its members as the register does works as it is.
 */
function unreadAliases(config: Config): Finding[] {
  return config.members.flatMap((m, i) => (m.kind === 'kommunalförbund' || (m.aliases ?? []).length === 0 ? [] : [finding('(config)', { code: 'member-aliases-unread', args: { key: `members[${i}].aliases`, member: m.code, kind: m.kind } })]));
}

/**
 * A member the inputs have no figures for is named: it has no section, and the organisation's
 * pooled survey figures, which need every member's cell, are not made (unless it is inside
 * another member, whose figures hold its respondents). A member with some figures
 * but not every cell another member has is named with what it lacks (`organisation-member-gap`).
 */
function membersWithoutData(settings: Settings, table: QualityTable, tables: readonly BudgetTable[]): Finding[] {
  const have = new Set(table.areas.keys());
  for (const t of tables) for (const a of t.areas) have.add(a.code);
  const none = settings.members.filter((m) => !have.has(m.code));
  // A member inside another (a municipality in a member region) is pooled through it, not itself.
  const holder = (code: string) => settings.members.find((o) => settings.poolCodes.includes(o.code) && contains(o, code))?.code;
  // A member with figures but no budget line beside members with some: the organisation's budget is theirs alone.
  const budgeted = new Set(tables.flatMap((t) => t.areas.map((a) => a.code)));
  const unbudgeted = settings.members.some((m) => budgeted.has(m.code)) ? settings.members.filter((m) => !budgeted.has(m.code) && !none.includes(m) && holder(m.code) === undefined) : [];
  return [
    ...none.map((m) => finding('(config)', { code: 'member-no-data', args: { member: m.name === undefined ? m.code : `${m.code} ${m.name}`, inside: holder(m.code) ?? '' } })),
    ...unbudgeted.map((m) => finding('(config)', { code: 'member-no-budget', args: { member: m.name === undefined ? m.code : `${m.code} ${m.name}` } })),
    ...table.organisationGaps.filter((g) => !none.some((m) => m.code === g.member)).map((g) => g.finding),
  ];
}

/** What the inputs hold, before `--municipality` and `--period` narrow it. */
function coverageOf(table: QualityTable, tables: readonly BudgetTable[], months: ReadonlySet<string>): Coverage {
  const municipalities = new Set<string>();
  for (const [code, kind] of table.areas) if (kind === 'municipality') municipalities.add(code);
  for (const t of tables) for (const a of t.areas) if (a.kind === 'municipality') municipalities.add(a.code);
  const regions = new Set<string>();
  for (const [code, kind] of table.areas) if (kind === 'region' || kind === 'nation' || kind === 'federation') regions.add(code);
  return { municipalities: [...municipalities].sort(byCode), regions: [...regions].sort(byCode), surveyYears: [...table.years].sort(byCode), budgetMonths: [...months].sort(byCode) };
}

/**
 * The budget rows of the report's year, up to `--period`'s month, in report order (members first,
 * each area's total last).
 */
function budgetSection(tables: readonly BudgetTable[], budgetPeriod: string | null, settings: Settings, findings: Finding[]): BudgetRows & { year: number; upTo: number; lines: ReadonlyMap<string, LineEntry>; financing: BudgetRow[]; financingKeys: ReadonlySet<string> } {
  const year = budgetPeriod === null ? Number.NaN : Number(budgetPeriod.slice(0, 4));
  // The section's month, not `--period`'s: a later month asked for has no outcome yet, or no rows.
  const upTo = budgetPeriod !== null ? Number(budgetPeriod.slice(5, 7)) : settings.period?.length === 7 ? Number(settings.period.slice(5, 7)) : 12;
  const all = budgetPeriod === null ? new Map<string, LineEntry>() : readLines(tables, year, findings);
  // Revenue and financial items pay for the activities: they make the result, not the activities' rows.
  const { activities: lines, financing, findings: parted } = splitFinancing(all, settings.revenueNames);
  const options = { year, upTo, period: budgetPeriod ?? '', files: tables.map((t) => t.file) };
  const made = budgetRows(lines, settings.config, options);
  const financed = budgetRows(financing, settings.config, { ...options, totals: false });
  findings.push(...parted, ...made.findings, ...financed.findings);
  const { areaOrder } = settings;
  made.rows.sort((a, b) => areaOrder(a.area, a.areaKind) - areaOrder(b.area, b.areaKind) || byCode(a.area, b.area) || Number(a.total) - Number(b.total));
  return { ...made, year, upTo, lines, financing: financed.rows, financingKeys: new Set(financing.keys()) };
}

/** What the steps made, put together by `assemble`. */
interface Parts {
  inputs: readonly ParsedInput[];
  records: readonly QualityRecord[];
  table: QualityTable;
  budget: BudgetRows;
  budgetPeriod: string | null;
  results: Report['results'];
  allocation: Report['allocation'];
  besideCost: ReturnType<typeof qualityBesideCost>;
  findings: Finding[];
  balanceHistory: Report['balanceHistory'];
  milestones: Report['milestones'];
  groupNames: ReadonlyMap<string, string>;
}

/** Years of balance before the report's year, and the levels on each side of each milestone. */
function yearsAndMilestones(
  tables: readonly BudgetTable[], table: QualityTable, budget: ReturnType<typeof budgetSection>, settings: Settings, findings: Finding[],
): { balanceHistory: Report['balanceHistory']; milestones: Report['milestones'] } {
  const { config, keepArea, alpha } = settings;
  const history = balanceYears(tables, budget.lines, config, { year: budget.year, upTo: budget.upTo, rows: budget.rows, alpha, financing: budget.financingKeys }, findings);
  const balanceHistory = history.history.filter((h) => keepArea(h.area, h.areaKind));
  const milestones = milestoneReport(config, qualityMilestones(table, config, keepArea), history.milestones, new Set(balanceHistory.map((h) => h.area)));
  // A milestone with no levels would leave no trace in the report: it is named instead.
  for (const m of milestones) {
    if (m.quality.length === 0 && m.balance.length === 0) findings.push(finding('(config)', { code: 'milestone-no-levels', args: { period: m.period, label: m.label } }));
  }
  return { balanceHistory, milestones };
}

/**
 * A file's row counts as a report publishes them: none for a file of respondents' answers with a
 * hidden cell. Its rows are answers, so its count bounds the respondents of every cell drawn from
 * it (a member's own file: exactly, with the organisation's total); `tillit validate` gives them.
 */
function publishedCounts(input: ParsedInput, table: QualityTable): ParsedInput['counts'] | null {
  return input.kind === 'answers' && table.hasHidden(input.file) ? null : input.counts;
}

/**
 * The report from its parts, its quality rows left out. `--municipality` narrows what is shown;
 * totals, ranks and allocation used all the data.
 */
function assemble(p: Parts, settings: Settings): Report {
  const { organisation, memberCodes, keepArea } = settings;
  const shownBudget = p.budget.rows.filter((b) => keepArea(b.area, b.areaKind));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: settings.generatedAt,
    organisation: { name: organisation.name, code: organisation.code, language: organisation.language, members: [...memberCodes] },
    period: { survey: p.table.surveyPeriod, budget: p.budgetPeriod },
    settings: {
      minRespondents: settings.minRespondents, alpha: settings.alpha, window: settings.window, interval: 'wilson-95', budgetThresholds: settings.thresholds, forecastMargin: settings.budget.forecastMargin,
      amountUnit: 'kr', signConvention: 'costs-positive; deviation positive = better than budget',
    },
    inputs: p.inputs.map((i) => ({
      file: i.file, format: i.format ?? null, kind: i.kind ?? null, encoding: i.encoding ?? null, unit: i.unit ?? null, sign: i.sign ?? null, ...(i.signAreas ? { signByArea: i.signAreas } : {}),
      areas: i.budget ? [...new Set(i.budget.areas.map((a) => a.code))] : null, rows: publishedCounts(i, p.table),
    })),
    attribution: p.inputs.some((i) => i.format?.startsWith('kolada')) ? ['Källa: Kolada (RKA), CC BY 4.0'] : [],
    areas: reportAreas(p.table, shownBudget, p.groupNames, settings),
    indicators: reportIndicators(p.table, p.records, settings),
    quality: [],
    budget: shownBudget,
    allocation: p.allocation,
    results: p.results.filter((r) => keepArea(r.area, p.budget.kinds.get(r.area) ?? 'municipality')),
    qualityBesideCost: p.besideCost.rows,
    // Absent when no service is left out, as the contract has it.
    ...(p.besideCost.leftOut.length > 0 ? { qualityBesideCostLeftOut: p.besideCost.leftOut } : {}),
    findings: p.findings,
    balanceHistory: p.balanceHistory,
    milestones: p.milestones,
    // Matches of --fail-on rules are the command line's to add: analysis knows no rules.
    failOn: [],
  };
}

/** The areas shown, in report order: every member, then those with figures that `--municipality` keeps. */
function reportAreas(table: QualityTable, shownBudget: readonly BudgetRow[], groupNames: ReadonlyMap<string, string>, settings: Settings): Report['areas'] {
  const { memberCodes, keepArea, areaOrder } = settings;
  const areaSet = new Map<string, AreaKind>();
  for (const m of settings.members) areaSet.set(m.code, MEMBER_AREA_KIND[m.kind]);
  for (const [code, kind] of table.areas) if (keepArea(code, kind)) areaSet.set(code, kind);
  for (const b of shownBudget) areaSet.set(b.area, b.areaKind);
  return [...areaSet]
    .sort(([a, ak], [b, bk]) => areaOrder(a, ak) - areaOrder(b, bk) || byCode(a, b))
    .filter(([code, kind]) => keepArea(code, kind) || memberCodes.includes(code))
    .map(([code, kind]) => ({
      code, kind, member: memberCodes.includes(code),
      name: settings.members.find((m) => m.code === code)?.name ?? groupNames.get(code) ?? areaName({ code, kind }, settings.organisation.name),
    }));
}

/** The names the data give areas (a Kolada group's "Större stad"), by code. */
function groupNamesOf(inputs: readonly QualityInput[]): Map<string, string> {
  const names = new Map<string, string>();
  const name = (area: Area) => area.name !== undefined && names.set(area.code, area.name);
  for (const { records, answers } of inputs) {
    for (let ri = 0; ri < records.length; ri++) name(records[ri]!.area);
    for (const t of answers ?? []) t.areas.forEach(name);
  }
  return names;
}

/**
 * The indicators with a figure, the config's first: title, direction and unit from the catalogue,
 * else from the data (a survey's question is a share where higher is better; a value's unit is
 * what its column or title says, see `dataUnits`).
 */
function reportIndicators(table: QualityTable, records: readonly QualityRecord[], settings: Settings): Report['indicators'] {
  const { indicatorOrder, catalogue } = settings;
  const titleFromData = new Map<string, string>();
  for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if ((r.kind === 'values' || r.kind === 'survey') && r.title && !titleFromData.has(r.indicator)) titleFromData.set(r.indicator, r.title);
  }
  return [...table.indicators].sort((a, b) => indicatorOrder(a) - indicatorOrder(b) || byCode(a, b)).map((id) => {
    const spec = catalogue.get(id);
    const t = titleFromData.get(id) ?? id;
    const fromSurvey = table.surveyIndicators.has(id);
    return { id, title: spec?.title ?? { sv: t, en: t }, better: directionOf(settings, id, fromSurvey), unit: spec?.unit ?? (fromSurvey ? '%' : table.units.get(id)?.unit ?? 'number'), target: spec?.target ?? null };
  });
}

/**
 * Warnings for a `--period` that one kind of input has no figures for (when no kind has, the
 * report is not made at all): its section is empty, and the reader is told why.
 */
function periodFindings(period: string, coverage: Coverage, budgetPeriod: string | null): Finding[] {
  const has = periodHasData(period, coverage);
  const out: Finding[] = [];
  if (!has.survey && coverage.surveyYears.length > 0) {
    out.push(finding('--period', { code: 'period-no-survey-data', args: { period: period.slice(0, 4), have: periodRanges(coverage.surveyYears) } }));
  }
  if (!has.budget && coverage.budgetMonths.length > 0) {
    const have = periodRanges(coverage.budgetMonths);
    out.push(finding('--period', budgetPeriod === null ? { code: 'period-no-budget-data', args: { period, have } } : { code: 'period-budget-earlier', args: { period, have, shown: budgetPeriod } }));
  }
  return out;
}
