import type { Kind, Role } from '../config/schema.js';
import type { FindingInput } from '../model/findings.js';
import { pooledRange } from '../model/period.js';
import { countsRespondentsTitle } from '../model/kolada-kpis.js';
import { municipalityInText } from '../model/register.js';
import { normalizeLabel, truncate } from '../model/text.js';
import { BUDGET_AMOUNTS } from '../model/budget-table.js';
import type { GenderFilter } from '../model/vocabulary.js';
import { detectKind, isWeightHeader, REQUIRED, unitInTitle, type AmountUnit } from './columns.js';
import { planHeader, type HeaderPlan } from './header-plan.js';
import { missingRoleArgs } from './missing-roles.js';
import { detectDecimal, type DecimalMark } from './number.js';
import { periodInText } from './period.js';
import type { RecordOptions, TableHead } from './record-options.js';
import type { Row } from './table.js';

/** Why every row of a file is rejected: its header cannot be read as any kind of data. */
export type HeaderFailure = 'header-unrecognised' | 'kind-no-amounts' | 'header-missing-column' | 'answers-n-repeated';

/** Roles to the columns that play them (see `ColumnMap`). */
export type Roles = Partial<Record<Role, number>>;

/**
 * How every row of one table is read, decided once from its header, its title, the options and
 * the first rows, with the header's findings in the order they are reported.
 */
export interface RecordPlan {
  header: HeaderPlan;
  /** The kind the result names: none when the header names nothing readable. */
  kind: Kind | undefined;
  layout: 'long' | 'wide';
  roles: Roles;
  decimal: DecimalMark;
  /** A flattened Kolada extract (kpi, municipality_id, value, status…). */
  kolada: boolean;
  genderFilter: GenderFilter;
  findings: FindingInput[];
  /** Set when the header cannot be read: every row is rejected with this reason. */
  failed?: HeaderFailure;
  /** A pooled range (`2004-2007`) among a wide table's period columns, said once per file. */
  pooled?: string;
  /** The period of every row when no column holds it, read from the title or a column's name. */
  titlePeriod?: string;
  /** The area of every row when no column or option gives it, read from the title. */
  titleArea?: string;
  /** What a budget file's title names that its columns give too (checked against the rows when read: `titleAside`). */
  titleAside?: { area?: string; period?: string; title: string };
  /** The indicator of every row when no column holds it. */
  fileIndicator?: string;
  /**
   * A file of values read for one gender that counts respondents among its indicators ("Antal
   * svarande", Kolada's "…, antal svar"): its survey figures, the counts and the shares beside them
   * (`surveyFigureTitle`), are read for every gender, its other indicators for the one asked.
   */
  surveyGenders?: boolean;
  /**
   * A file of answers giving each answer's share of its question's respondents beside their number
   * on every answer (`Svarsalternativ;Andel (%);Antal svarande`): how many gave an answer is the share
   * of that number (see `AnswerRows.respondentsOf`).
   */
  answerShares?: boolean;
  /** A budget file's amount unit and whether it was only assumed. */
  unit: AmountUnit;
  unitAssumed: boolean;
  /** Amount columns whose own header names another unit than `unit` (`Budget månad (kr)` beside `Budget helår (tkr)`), by role. */
  columnUnits: Partial<Record<Role, AmountUnit>>;
}

/** Rows the decimal mark is judged from. */
const DECIMAL_SAMPLE = 2000;

/**
 * Plans how to read a table's rows. A header that names no kind, forces budget on a file without
 * amounts, or lacks a column its kind needs gives a plan with `failed` set.
 */
export function planRecords(table: TableHead, sample: readonly Row[], opts: RecordOptions): RecordPlan {
  const findings: FindingInput[] = [...table.findings];
  const header = table.plan ?? planHeader(table.headers, sample, {
    headerLine: table.headerLine,
    ...(opts.columns ? { columns: opts.columns } : {}), ...(opts.indicator !== undefined ? { indicator: opts.indicator } : {}),
    ...(opts.kind ? { kind: opts.kind } : {}), ...(table.title !== undefined ? { title: table.title } : {}),
  });
  const { map, wide, layout } = header;
  for (const a of map.ambiguous) {
    findings.push({ code: 'header-ambiguous-column', line: table.headerLine, args: { role: a.role, columns: a.columns.join(', '), used: a.used === undefined ? 'the first' : `"${a.used}", the later month` } });
  }
  findings.push(...header.findings);
  const kind = opts.kind ?? (layout === 'wide' ? 'values' : detectKind(map.roles));
  const decimal = opts.decimal ?? detectDecimal(valueCells(sample, layout === 'wide' ? wide.map((w) => w.idx) : Object.values(map.roles)), table.delimiter);
  const kolada = isKoladaExtract(table.headers);
  const plan: RecordPlan = {
    header, kind: undefined, layout, roles: map.roles, decimal, kolada,
    genderFilter: genderFilterOf(kind, map.roles.n !== undefined, kolada, opts.gender),
    findings, unit: 'kr', unitAssumed: true, columnUnits: {},
  };
  if (plan.genderFilter !== 'all' && countsRespondents(header.indicator, map.roles.indicator, sample)) plan.surveyGenders = true;
  if (opts.gender !== undefined && opts.gender !== 'all' && (plan.genderFilter === 'all' || plan.surveyGenders)) findings.push({ code: 'gender-not-applied', line: table.headerLine, args: { gender: opts.gender } });
  const pooled = wide.find((w) => pooledRange(w.period) !== undefined)?.period;
  if (pooled !== undefined) plan.pooled = pooled;
  const found = columnList(table.headers);
  // A column the config maps that the file does not have: the role is not read at all (the
  // column tillit would have found for it is passed over), so an `n` column was silently lost.
  const unmapped = mappedMissing(table.headers, opts.columns);
  if (unmapped.length > 0) return fail(plan, 'header-missing-column', { ...missingRoleArgs(table.headers, map.roles, [], found), missing: unmapped.join('; ') }, table.headerLine);
  if (kind === undefined) return fail(plan, 'header-unrecognised', missingRoleArgs(table.headers, map.roles, ['value'], found), table.headerLine);
  if (opts.kind === 'budget' && !BUDGET_AMOUNTS.some((r) => map.roles[r] !== undefined)) {
    // Forcing the kind cannot make amounts of other columns: a usage error, not rows of nothing.
    return fail(plan, 'kind-no-amounts', missingRoleArgs(table.headers, map.roles, ['budgetYear', 'budgetYtd', 'actualYtd'], found), table.headerLine);
  }
  plan.kind = kind;
  if (kind === 'answers' && map.roles.respondent === undefined && repeatsN(map.roles, sample)) {
    const idx = map.roles.n!;
    if (map.roles.share === undefined) return fail(plan, 'answers-n-repeated', { header: truncate(table.headers[idx]!) }, table.headerLine);
    plan.answerShares = true;
    findings.push({ code: 'answer-shares', line: table.headerLine, column: map.roles.share + 1, args: { share: truncate(table.headers[map.roles.share]!), n: truncate(table.headers[idx]!) } });
  }
  for (const [key, value] of Object.entries(opts.configured ?? {})) {
    // The column wins: a setting the user wrote for this file that changes nothing is said.
    const idx = plan.roles[key as 'period' | 'municipality' | 'indicator'];
    if (idx !== undefined) findings.push({ code: 'setting-unused', line: table.headerLine, column: idx + 1, args: { key, value: truncate(value, 40), header: truncate(table.headers[idx] ?? '', 30) } });
  }
  fillFromTitle(plan, table, opts, sample);
  const missing = missingRoles(plan, opts);
  if (missing.length > 0) return fail(plan, 'header-missing-column', missingRoleArgs(table.headers, map.roles, missing, found), table.headerLine);
  if (kind === 'budget' && plan.roles.period === undefined) moveYearToDate(plan, table, opts);
  chooseUnit(plan, table, opts);
  if (table.continued) findings.length = 0;
  return plan;
}

/**
 * Whether a file of answers' count column repeats one number on every answer of a question (the
 * question's respondents beside each answer's share, `Svarsalternativ;Andel (%);Antal svarande`),
 * as the first rows show: each row's count is then no count of its answer, and counted as such,
 * the question's 150 respondents became 900. Judged by the questions with two answers or more in
 * the sample (one of three or more, or two questions): every one repeats its number.
 */
function repeatsN(roles: Roles, sample: readonly Row[]): boolean {
  const n = roles.n;
  if (n === undefined) return false;
  const keyRoles = (['municipality', 'period', 'indicator', 'service', 'gender'] as const).map((r) => roles[r]).filter((i): i is number => i !== undefined);
  const groups = new Map<string, Set<string>>();
  const sizes = new Map<string, number>();
  for (const row of sample) {
    const key = keyRoles.map((i) => (row.cells[i] ?? '').trim()).join('\u0000');
    (groups.get(key) ?? groups.set(key, new Set()).get(key)!).add((row.cells[n] ?? '').trim());
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const judged = [...groups].filter(([key]) => sizes.get(key)! >= 2);
  // Two answers may share a count by chance: one question of two answers alone decides nothing.
  const enough = judged.length >= 2 || judged.some(([key]) => sizes.get(key)! >= 3);
  return enough && judged.every(([, counts]) => counts.size === 1);
}

/**
 * Which gender's rows a file gives. Kolada rows exist per gender; like Kolada's own views, the
 * total is kept unless told otherwise. A file with respondent counts (answers, survey counts,
 * values with an `n`) is read for every gender whatever is asked: a report of one gender's
 * respondents suppresses other cells than the full one, and two such runs together gave away a
 * cell of three respondents.
 */
function genderFilterOf(kind: string | undefined, counted: boolean, kolada: boolean, asked: GenderFilter | undefined): GenderFilter {
  if (kind === 'answers' || kind === 'survey' || counted) return 'all';
  return asked ?? (kolada ? 'T' : 'all');
}

/** Each role the config's `columns` maps to a header no column of the file has, as a message names it. */
function mappedMissing(headers: readonly string[], columns: RecordOptions['columns']): string[] {
  const names = new Set(headers.map(normalizeLabel));
  return Object.entries(columns ?? {})
    .filter(([, header]) => header !== undefined && !names.has(normalizeLabel(header)))
    .map(([role, header]) => `${role} (the config's "columns" maps it to "${truncate(header!, 40)}", which is no column of the file)`);
}

/**
 * Whether a file of values counts respondents as an indicator of its own ("Antal svarande", Kolada's
 * "…, antal svar"), its file's indicator or one its first rows name: its shares take their n from it,
 * so its survey figures are read for every gender (a run of `--gender K` showed the women's 88 that
 * the full run hides to protect the men's 12); its registry figures keep the gender asked.
 */
function countsRespondents(indicator: string | undefined, column: number | undefined, sample: readonly Row[]): boolean {
  if (indicator !== undefined && countsRespondentsTitle(indicator)) return true;
  if (column === undefined) return false;
  const seen = new Set<string>();
  for (const row of sample) {
    const text = row.cells[column] ?? '';
    if (seen.has(text)) continue;
    seen.add(text);
    if (countsRespondentsTitle(text)) return true;
  }
  return false;
}

function fail(plan: RecordPlan, code: HeaderFailure, args: Record<string, string>, headerLine: number): RecordPlan {
  plan.findings.push({ code, line: headerLine, args });
  plan.failed = code;
  return plan;
}

/** The first rows' cells in the columns that hold numbers: what the decimal mark is judged from. */
function* valueCells(sample: readonly Row[], columns: Iterable<number>): Generator<string> {
  const idx = new Set(columns);
  for (const row of sample.slice(0, DECIMAL_SAMPLE)) for (const i of idx) yield row.cells[i] ?? '';
}

function isKoladaExtract(headers: readonly string[]): boolean {
  const norm = headers.map(normalizeLabel);
  return norm.includes('kpi') && norm.includes('value') && (norm.includes('municipality id') || norm.includes('municipality'));
}

/** The columns as a message names them: a file with 100,000 columns must not give a 100,000-name message. */
function columnList(headers: readonly string[]): string {
  return headers.slice(0, 12).map((h) => truncate(h, 30)).join(', ') + (headers.length > 12 ? ` … (${headers.length} columns)` : '');
}

/** What the title (or a column's name) says that no column does: period, area, indicator; and a budget file's unread columns. */
function fillFromTitle(plan: RecordPlan, table: TableHead, opts: RecordOptions, sample: readonly Row[]): void {
  const { header, kind, roles, findings } = plan;
  const title = table.title;
  const line = table.headerLine;
  const undated = kind === 'budget' && roles.period === undefined && opts.period === undefined;
  // A finance export with one follow-up often names its month only in the title above the table.
  const titlePeriod = undated && title !== undefined ? periodInText(title) : undefined;
  if (titlePeriod !== undefined) {
    plan.titlePeriod = titlePeriod;
    findings.push({ code: 'period-from-title', line, args: { period: titlePeriod, title: truncate(title!) } });
  } else if (undated && header.ytdMonth !== undefined) {
    // `Utfall jan–aug` dates the file when a year is written beside it (in its name or the title),
    // else the report's year.
    const y = /\b(19|20)\d{2}\b/.exec(header.ytdMonth.header)?.[0] ?? (title !== undefined ? /\b(19|20)\d{2}\b/.exec(title)?.[0] : undefined) ?? opts.reportPeriod?.slice(0, 4);
    if (y !== undefined) {
      plan.titlePeriod = `${y}-${String(header.ytdMonth.month).padStart(2, '0')}`;
      findings.push({ code: 'period-from-header', line, args: { period: plan.titlePeriod, header: truncate(header.ytdMonth.header) } });
    }
  } else if (undated && opts.reportPeriod !== undefined) {
    // A finance export without a period anywhere is read as of the report's month, and says so.
    plan.titlePeriod = opts.reportPeriod;
    findings.push({ code: 'period-from-report', line, args: { period: opts.reportPeriod } });
  }
  // An unread amount column leaves the file unclean; a text column (a comment) is only named. In a
  // wide table a column of numbers headed by a year it could not read (`2024 prel.`) is lost data;
  // a code column beside the names (`regionkod`) is not. In a file of survey results a column of
  // numbers no role takes that counts people is a figure of the survey left unread: those asked
  // (`Antal tillfrågade`, read as no n, left a share of 27 respondents shown), a response rate, a
  // share of another year (`Andel positiva 2024 (%)`). A code (`Länskod`, `Frågenr`), an interval or
  // the nation's share beside it changes no figure.
  for (const idx of header.unused) {
    const numeric = header.numeric.includes(idx);
    const named = table.headers[idx]!;
    const yearly = numeric && (header.layout === 'wide' || kind === 'survey') && /\b(19|20)\d\d\b/.test(named);
    if (kind !== 'budget' && !yearly && !(kind === 'survey' && numeric && RESPONDENTS_HEADER.test(named))) continue;
    // A budget file's percentage (`Utfall_proc`, `Avvikelse %`) is worked out from its amounts: no amount lost.
    if (kind === 'budget' && PERCENT_HEADER.test(table.headers[idx]!)) {
      findings.push({ code: 'column-percent', line, column: idx + 1, args: { header: truncate(table.headers[idx]!) } });
      continue;
    }
    findings.push({ code: 'column-unused', severity: numeric ? 'warning' : 'info', line, column: idx + 1, args: { header: truncate(table.headers[idx]!) } });
  }
  if (kind === 'answers') noteWeights(plan, table, sample);
  // A file of answers with a count column is a distribution, a row per answer given by that many
  // (see `AnswerRows.respondentsOf`): said, as the rows are no longer respondents.
  if (kind === 'answers' && roles.n !== undefined && roles.respondent === undefined && !plan.answerShares) findings.push({ code: 'answer-counts', line, column: roles.n + 1, args: { header: truncate(table.headers[roles.n]!) } });
  if (kind === 'budget' && title !== undefined) noteTitleAside(plan, title, opts);
  const titleArea = roles.municipality === undefined && opts.municipality === undefined && title !== undefined ? municipalityInText(title) : undefined;
  if (titleArea !== undefined) {
    plan.titleArea = titleArea;
    findings.push({ code: 'area-from-title', line, args: { code: titleArea, title: truncate(title!) } });
  }
  // A table of one measure with no indicator column or setting is named after its title, else its
  // file, and says so.
  const fileIndicator = header.indicator ?? (roles.indicator === undefined && (plan.layout === 'wide' || kind === 'values') ? title ?? fileStem(opts.file) : undefined);
  if (fileIndicator === undefined) return;
  plan.fileIndicator = fileIndicator;
  if (header.indicator === undefined && (plan.layout === 'long' || title === undefined)) {
    // A name taken from the file's name is a guess the reader sees on every row: said on stderr.
    const source = title !== undefined ? 'title' : 'name';
    findings.push({ code: 'indicator-from-file', line, ...(source === 'name' ? { severity: 'warning' as const } : {}), args: { indicator: truncate(fileIndicator), source } });
  }
}

/**
 * Weights in a respondent file, said once for the file: tillit counts each respondent once, so a
 * weighted survey's published shares can differ from its own (66,7 % unweighted where the weights
 * give 39,1 %), and nothing else would show the column was there.
 */
function noteWeights(plan: RecordPlan, table: TableHead, sample: readonly Row[]): void {
  // A weight the same for every respondent of the first rows (an export's column of 1s) weighs nothing.
  const varies = (idx: number) => sample.length < 2 || new Set(sample.map((r) => (r.cells[idx] ?? '').trim())).size > 1;
  const weights = plan.header.unused.filter((idx) => isWeightHeader(table.headers[idx]!) && varies(idx));
  if (weights.length === 0) return;
  const named = weights.map((idx) => `${idx + 1} "${truncate(table.headers[idx]!)}"`);
  const columns = `${named.length === 1 ? 'column' : 'columns'} ${named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`}`;
  plan.findings.push({ code: 'column-weight', line: table.headerLine, column: weights[0]! + 1, args: { columns, count: weights.length } });
}

/** The area and period a budget file's title names where a column gives them: the rows are read by the column, and checked against the title once read. */
function noteTitleAside(plan: RecordPlan, title: string, opts: RecordOptions): void {
  const area = plan.roles.municipality !== undefined && opts.municipality === undefined ? municipalityInText(title) : undefined;
  const period = plan.roles.period !== undefined && opts.period === undefined ? periodInText(title) : undefined;
  if (area !== undefined || period !== undefined) plan.titleAside = { ...(area !== undefined ? { area } : {}), ...(period !== undefined ? { period } : {}), title };
}

/** The roles the plan's kind needs that neither a column, an option nor the title gives. */
function missingRoles(plan: RecordPlan, opts: RecordOptions): Role[] {
  const { kind, roles } = plan;
  const supplied = (r: Role) =>
    (r === 'period' && (opts.period !== undefined || plan.titlePeriod !== undefined || plan.layout === 'wide')) ||
    (r === 'municipality' && (opts.municipality !== undefined || plan.titleArea !== undefined)) ||
    (r === 'indicator' && plan.fileIndicator !== undefined) ||
    (r === 'service' && kind === 'budget' && roles.indicator !== undefined);
  const missing = REQUIRED[kind!].filter((r) => roles[r] === undefined && !supplied(r));
  if (kind === 'budget' && roles.period === undefined && opts.period === undefined && plan.titlePeriod === undefined) missing.push('period');
  if (kind === 'survey' && roles.share === undefined && roles.positive === undefined) missing.push('share');
  return missing;
}

/**
 * "Periodutfall" in a file with no period column is one follow-up's outcome so far this year
 * (as "Utfall_proc" beside it shows), not a month's amount.
 */
function moveYearToDate(plan: RecordPlan, table: TableHead, opts: RecordOptions): void {
  const roles = plan.roles;
  for (const [from, to] of [['actualMonth', 'actualYtd'], ['budgetMonth', 'budgetYtd']] as const) {
    const idx = roles[from];
    if (idx === undefined || roles[to] !== undefined || opts.columns?.[from] !== undefined) continue;
    roles[to] = idx;
    delete roles[from];
    plan.findings.push({ code: 'column-year-to-date', line: table.headerLine, column: idx + 1, args: { header: table.headers[idx]!, role: to === 'actualYtd' ? 'utfall ack' : 'budget ack' } });
  }
}

/** A budget file's unit: the option, a column's name, the title, else kronor (assumed, and said). */
function chooseUnit(plan: RecordPlan, table: TableHead, opts: RecordOptions): void {
  const map = plan.header.map;
  const titleUnit = table.title !== undefined ? unitInTitle(table.title) : undefined;
  plan.unitAssumed = opts.unit === undefined && map.unit === undefined && titleUnit === undefined;
  plan.unit = opts.unit ?? map.unit?.unit ?? titleUnit ?? 'kr';
  if (plan.kind !== 'budget') return;
  const line = table.headerLine;
  if (opts.unit === undefined && map.unit) {
    plan.findings.push({ code: 'unit-from-header', line, args: { unit: map.unit.unit, header: map.unit.header } });
    if (titleUnit !== undefined && titleUnit !== map.unit.unit) plan.findings.push({ code: 'unit-title-differs', line, args: { titleUnit, title: truncate(table.title!), unit: map.unit.unit, header: truncate(map.unit.header) } });
  } else if (opts.unit === undefined && titleUnit !== undefined) {
    plan.findings.push({ code: 'unit-from-title', line, args: { unit: titleUnit, title: truncate(table.title!) } });
  } else if (opts.unit === undefined) plan.findings.push({ code: 'unit-assumed', line });
  if (opts.unit === undefined) unitsPerColumn(plan, table);
  else unitsAgainstHeaders(plan, table, opts.unit);
}

/** A unit set for the file (config, `--unit`) that an amount column's header contradicts: kept, and said. */
function unitsAgainstHeaders(plan: RecordPlan, table: TableHead, unit: AmountUnit): void {
  const { units } = plan.header.map;
  const against = [...BUDGET_AMOUNTS, 'deviation' as const].flatMap((role) => {
    const idx = plan.roles[role];
    const named = idx === undefined ? undefined : units.get(idx);
    return named !== undefined && named !== unit ? [`"${table.headers[idx!]!}"`] : [];
  });
  if (against.length > 0) plan.findings.push({ code: 'unit-header-differs', line: table.headerLine, args: { unit, columns: against.join(', ') } });
}

/**
 * Amount columns that name different units are each read in their own (a column naming none in the
 * file's, the first one named), said with a warning: one unit for all made `Budget månad (kr)`
 * beside `Budget helår (tkr)` a thousand times too large.
 */
function unitsPerColumn(plan: RecordPlan, table: TableHead): void {
  const { units } = plan.header.map;
  const named: string[] = [];
  const unnamed: string[] = [];
  for (const role of [...BUDGET_AMOUNTS, 'deviation'] as const) {
    const idx = plan.roles[role];
    if (idx === undefined) continue;
    const unit = units.get(idx);
    if (unit === undefined) unnamed.push(table.headers[idx]!);
    else named.push(`"${table.headers[idx]!}" in ${unit}`);
    if (unit !== undefined && unit !== plan.unit) plan.columnUnits[role] = unit;
  }
  if (Object.keys(plan.columnUnits).length === 0) return;
  const rest = unnamed.length === 0 ? '' : `; ${unnamed.map((h) => `"${h}"`).join(', ')}, naming none, in ${plan.unit} as the first named`;
  plan.findings.push({ code: 'unit-per-column', line: table.headerLine, args: { columns: named.join(', '), rest } });
}

/** `dir/pxweb-andel-65plus.csv` → `pxweb-andel-65plus`: a name for a table with no title. */
function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** A budget column of percentages: `%`, or `proc`/`procent` as a word of its name. */
const PERCENT_HEADER = /%|(?:^|[\s_.-])(?:proc|procent|pct)(?:$|[\s_.-])/i;
/** A survey column that counts people or how many of them answered: those asked, a response rate, a drop-out. */
const RESPONDENTS_HEADER = /antal|tillfr|svarsfrekv|frekvens|svarande|respond|urval|bortfall|\bn\b/i;
