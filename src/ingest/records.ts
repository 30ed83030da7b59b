import type { RejectedRow, RowCounts, Sign } from '../model/input.js';
import type { Kind, Role } from '../config/schema.js';
import type { FindingInput } from '../model/findings.js';
import {
  budgetRecordSchema, surveyRecordSchema, valueRecordSchema,
  type AnswerRecord, type BudgetRecord, type Gender, type QualityRecord,
} from '../model/records.js';
import { municipalityInText, NATION_CODE, resolveArea, type Area, type AreaResolution } from '../model/register.js';
import { detach, normalizeLabel, TextIndex, truncate, visibleLabel } from '../model/text.js';
import type { AnswerClass, AnswerScale, Classified } from './answers.js';
import { ALIASES, detectKind, expectedNames, mapColumns, REQUIRED, unitInTitle, type AmountUnit } from './columns.js';
import { planHeader, type HeaderPlan } from './header-plan.js';
import { missingRoleArgs } from './missing-roles.js';
import { detectDecimal, parseNumber, plainNumber, type DecimalMark } from './number.js';
import { parsePeriod, periodInText } from './period.js';
import { pooledRange } from '../model/period.js';
import { isRevenueLine } from '../model/activities.js';
import { BUDGET_AMOUNTS, BudgetTable } from '../model/budget-table.js';
import { createPartsMap, GroupIndex } from './groups.js';
import { RespondentSet, type AnswerSink } from './respondents.js';
import { BudgetGrain } from './budget-grain.js';
import { checkUnit, yearlyTotals } from './budget-unit.js';
import { createRowIndex } from '../model/row-index.js';
import { joinCells, type Delimiter, type Row } from './table.js';
import { appendAll } from '../model/array.js';
import type { Dash, GenderFilter } from '../model/vocabulary.js';

export type { RejectedRow, RowCounts, Sign } from '../model/input.js';

export interface RecordOptions {
  file: string;
  /** The file's size in bytes, when known: a budget file's columns are made large enough at once. */
  fileBytes?: number;
  kind?: Kind;
  decimal?: DecimalMark;
  dash?: Dash;
  unit?: AmountUnit;
  /** Inhabitants per area code (the members', the organisation's as their sum): how amounts are judged plausible. */
  population?: Readonly<Record<string, number>>;
  sign?: Sign;
  period?: string;
  /** Area for files without a municipality column (a single committee's export). */
  municipality?: string;
  /** Indicator for files without an indicator column (`--input-indicator`, `"indicator"`). */
  indicator?: string;
  columns?: Partial<Record<Role, string>>;
  /** Keep only this gender; `all` keeps every row. */
  gender?: GenderFilter;
  /** Most data rows read from one file. */
  maxRows?: number;
  /** Bytes per parsed block when streaming (tests make it small to put boundaries everywhere). */
  blockBytes?: number;
  /** The longest one record may be (tests set it small; default `MAX_RECORD_BYTES`). */
  maxRecordBytes?: number;
  organisation: { code: string; name: string; aliases: readonly string[] };
  /** Members known by no register (kommunalförbund): their id and the texts that mean them. */
  federations?: readonly { code: string; names: readonly string[] }[];
  classify: (question: string, answer: string) => Classified;
  /** The data `classify` was built from, so a worker thread can build the same one. */
  answerScale?: AnswerScale;
  /** Where answers that name their respondent go when a file is re-read for the check for answers read twice (else into a `RespondentSet`). */
  answerSink?: AnswerSink;
}

export interface RecordsResult {
  rejects: RejectedRow[];
  kind?: Kind;
  layout: 'long' | 'wide';
  /** A flattened Kolada extract (kpi, municipality_id, value, status…), e.g. from rKolada. */
  kolada: boolean;
  decimal: DecimalMark;
  unit?: AmountUnit;
  sign?: Sign;
  records: QualityRecord[];
  /** A budget file's rows. */
  budget?: BudgetTable;
  findings: FindingInput[];
  counts: RowCounts;
  /** Which questions each respondent of a respondent-level file answered, for the check for answers read twice. */
  respondents?: RespondentSet;
}

/** Amounts are read in kronor: the unit's decimal places are moved before the one rounding. */
const UNIT_SCALE: Record<AmountUnit, number> = { kr: 0, tkr: 3, mnkr: 6 };
const unitFactor = (unit: AmountUnit): number => 10 ** UNIT_SCALE[unit];

/**
 * Caches a function of one cell's text. A national file repeats the same few hundred municipality,
 * period, gender and answer texts millions of times; each is worked out once per file.
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  // Each entry keeps its own copy of the text: kept texts are detached from the block they were
  // cut from (see `detach`), and so is the last text remembered below.
  const cache = new Map<string, { text: string; value: T }>();
  // Rows come in runs (a respondent's twelve answers share area, year, service and gender): the
  // last text is compared before the map is asked (which hashes the text anew each row).
  let last: { text: string; value: T } | undefined;
  return (text) => {
    if (last !== undefined && text === last.text) return last.value;
    let entry = cache.get(text);
    if (entry === undefined) {
      const v = fn(text);
      entry = { text: detach(text), value: typeof v === 'string' ? (detach(v) as T) : v };
      if (cache.size < 100_000) cache.set(entry.text, entry);
    }
    last = entry;
    return entry.value;
  };
}
/** A kept text, one copy per distinct text, shown as it may be shown anywhere (see `visible`). */
const keptText = () => memo((text) => visibleLabel(text));
const GENDERS: Record<string, Gender> = {
  t: 'T', totalt: 'T', total: 'T', alla: 'T', 'bada konen': 'T', 'samtliga': 'T', all: 'T', both: 'T', 'both sexes': 'T',
  k: 'K', kvinnor: 'K', kvinna: 'K', women: 'K', female: 'K', f: 'K', w: 'K',
  m: 'M', man: 'M', 'man ': 'M', men: 'M', male: 'M', 'maen': 'M',
};
/**
 * Whether a budget line's text names a sum, not an activity: a total (`Summa`, `Totalt`, `Totalt
 * kommunen`), checked against the lines beside it, or a subtotal (`Delsumma …`), left out without
 * that check (it sums only some of them). `Totalt stöd och service` is an activity: "Totalt" with
 * words after it is a total only when they name the whole (the municipality, the committee…).
 */
export function sumKind(activity: string): 'total' | 'subtotal' | undefined {
  const t = activity.trim().toLowerCase();
  if (/^(delsumma|delsummor|delsum|subtotal)\b/.test(t)) return 'subtotal';
  if (/^(summa|sum)\b/.test(t)) return 'total';
  if (/^(totalt?|total)\s*[:.–-]?\s*$/.test(t)) return 'total';
  if (/^(totalt?|total)\s+(för\s+)?(hela\s+)?(kommunen|nämnden|förvaltningen|organisationen|verksamhet(en|erna)?|alla( verksamheter)?|samtliga( verksamheter)?)\b/.test(t)) return 'total';
  return undefined;
}
const NATION: AreaResolution = { ok: true, area: { code: NATION_CODE, kind: 'nation' } };

/** What a table's first block tells: how to read the rest. */
export interface TableHead {
  delimiter: Delimiter;
  title?: string;
  headerLine: number;
  headers: string[];
  findings: FindingInput[];
  /** A later part of a file split for parallel reading: the header's findings belong to the first part. */
  continued?: boolean;
  /** How the first part read the header (a later part has no sample to plan from). */
  plan?: HeaderPlan;
}

/** Takes a file's rows one at a time, so a national file never has to be held in memory. */
export interface RecordBuilder {
  row(row: Row): void;
  /** Text csv-parse could not read as records (an unterminated quote). */
  unreadable(u: { line: number; text: string }): void;
  /** Finishes the file; `truncatedAt` is the last line read when the row limit stopped reading. */
  finish(truncatedAt?: number): RecordsResult;
  /** How the rows are read: what a later part of the same file needs to read them alike. */
  readonly kind: Kind | undefined;
  readonly decimal: DecimalMark;
  readonly plan: HeaderPlan;
}

/**
 * Builds records row by row. `sample` (the first rows) decides the decimal mark; rows are then
 * pushed in file order. Every row ends as a record, a rejection (an error finding) or an ignored
 * row (an info finding).
 */
export function createRecordBuilder(table: TableHead, sample: readonly Row[], opts: RecordOptions, rawText?: (row: Row) => string): RecordBuilder {
  const findings: FindingInput[] = [...table.findings];
  const counts: RowCounts = { read: 0, used: 0, rejected: 0, ignored: 0 };
  const rejects: RejectedRow[] = [];
  let failed: string | undefined;
  /** Counts a row as rejected and keeps its original text. */
  // A one-cell row's text is its cell, a view into the block (see `detach`).
  const rowText = (row: Row) => detach(rawText ? rawText(row) : joinCells(row.cells, table.delimiter));
  const reject = (row: Row, reason: string) => {
    counts.rejected++;
    rejects.push({ line: row.line, reason, text: rowText(row) });
  };
  const plan = table.plan ?? planHeader(table.headers, sample, {
    headerLine: table.headerLine,
    ...(opts.columns ? { columns: opts.columns } : {}), ...(opts.indicator !== undefined ? { indicator: opts.indicator } : {}),
    ...(opts.kind ? { kind: opts.kind } : {}), ...(table.title !== undefined ? { title: table.title } : {}),
  });
  const { map, wide, layout } = plan;
  for (const a of map.ambiguous) {
    findings.push({ code: 'header-ambiguous-column', line: table.headerLine, args: { role: a.role, columns: a.columns.join(', ') } });
  }
  findings.push(...plan.findings);
  const kind = opts.kind ?? (layout === 'wide' ? 'values' : detectKind(map.roles));
  const valueIdx = new Set(layout === 'wide' ? wide.map((w) => w.idx) : Object.values(map.roles));
  const sampleCells = function* () {
    for (const row of sample.slice(0, 2000)) for (const i of valueIdx) yield row.cells[i] ?? '';
  };
  const decimal = opts.decimal ?? detectDecimal(sampleCells(), table.delimiter);
  const normHeaders = table.headers.map(normalizeLabel);
  const kolada = normHeaders.includes('kpi') && normHeaders.includes('value') && (normHeaders.includes('municipality id') || normHeaders.includes('municipality'));
  // Kolada rows exist per gender; like Kolada's own views, keep the total unless told otherwise.
  const genderFilter = opts.gender ?? (kolada ? 'T' : 'all');
  const base: RecordsResult = { rejects, layout, kolada, decimal, records: [], findings, counts };
  // A pooled range (`2004-2007`) is said once per file: the report trends it on its end year.
  let pooled = wide.find((w) => pooledRange(w.period) !== undefined)?.period;
  // Respondent rows are counted per group, not kept: memory follows groups, not rows. Groups are
  // found area → period → question → service → gender (nested maps: no key text built per row).
  // Each group is its record from the start (counts added as rows come; the source is its first row).
  const answerGroups: AnswerRecord[] = [];
  const groupIndex = new GroupIndex<AnswerRecord>();
  const respondents: AnswerSink | undefined = kind === 'answers' && map.roles.respondent !== undefined ? (opts.answerSink ?? new RespondentSet()) : undefined;
  // Each cell's part of the respondent key, worked out once (found by the cell's gender slots).
  const cellHashes = new Map<object, unknown>();
  /** Counts an answer in its group; returns the group's gender slots, which stand for its cell. */
  const countAnswer = (area: Area, areaKey: string, period: string, indicator: string, service: string, gender: Gender, answerClass: NonNullable<Classified> | 'rejected', line: number): object => {
    const slots = groupIndex.slots(areaKey, period, indicator, service);
    const g = GroupIndex.slot(gender);
    let group = slots[g];
    if (group === undefined) {
      group = { kind: 'answers', area, period, indicator: kept(indicator), service: kept(service), gender, positive: 0, other: 0, excluded: 0, source: { file: opts.file, line } };
      slots[g] = group;
      answerGroups.push(group);
    }
    if (typeof answerClass === 'number') (group.scores ??= new Array<number>(11).fill(0))[answerClass]!++;
    else if (answerClass === 'rejected') group.rejected = (group.rejected ?? 0) + 1;
    else group[answerClass]++;
    return slots;
  };
  // A file with 100,000 columns must not produce a 100,000-name message.
  const found = table.headers.slice(0, 12).map((h) => truncate(h, 30)).join(', ') + (table.headers.length > 12 ? ` … (${table.headers.length} columns)` : '');
  if (kind === undefined) {
    findings.push({ code: 'header-unrecognised', line: table.headerLine, args: missingRoleArgs(table.headers, map.roles, ['value'], found) });
    failed = 'header-unrecognised';
    return builder();
  }
  base.kind = kind;
  if (opts.kind === 'budget' && !BUDGET_AMOUNTS.some((r) => map.roles[r] !== undefined)) {
    // Forcing the kind cannot make amounts of other columns: a usage error, not rows of nothing.
    findings.push({ code: 'kind-no-amounts', line: table.headerLine, args: missingRoleArgs(table.headers, map.roles, ['budgetYear', 'budgetYtd', 'actualYtd'], found) });
    failed = 'kind-no-amounts';
    return builder();
  }
  // A finance export with one follow-up often names its month only in the title above the table.
  let titlePeriod = kind === 'budget' && map.roles.period === undefined && opts.period === undefined && table.title !== undefined ? periodInText(table.title) : undefined;
  if (titlePeriod !== undefined) findings.push({ code: 'period-from-title', line: table.headerLine, args: { period: titlePeriod, title: truncate(table.title!) } });
  else if (kind === 'budget' && map.roles.period === undefined && opts.period === undefined && plan.ytdMonth !== undefined) {
    // `Utfall jan–aug` dates the file when a year is written beside it (in its name or the title).
    const y = /\b(19|20)\d{2}\b/.exec(plan.ytdMonth.header) ?? (table.title !== undefined ? /\b(19|20)\d{2}\b/.exec(table.title) : null);
    if (y !== null) {
      titlePeriod = `${y[0]}-${String(plan.ytdMonth.month).padStart(2, '0')}`;
      findings.push({ code: 'period-from-header', line: table.headerLine, args: { period: titlePeriod, header: truncate(plan.ytdMonth.header) } });
    }
  }
  if (kind === 'budget') {
    // An unread amount column leaves the file unclean; a text column (a comment) is only named.
    for (const idx of plan.unused) {
      findings.push({ code: 'column-unused', severity: plan.numeric.includes(idx) ? 'warning' : 'info', line: table.headerLine, column: idx + 1, args: { header: truncate(table.headers[idx]!) } });
    }
  }
  const titleArea = map.roles.municipality === undefined && opts.municipality === undefined && table.title !== undefined ? municipalityInText(table.title) : undefined;
  if (titleArea !== undefined) findings.push({ code: 'area-from-title', line: table.headerLine, args: { code: titleArea, title: truncate(table.title!) } });
  // A table of one measure with no indicator column or setting is named after its title, else its
  // file (what a PX-Web table without a title always was), and says so.
  const fileIndicator = plan.indicator ?? (map.roles.indicator === undefined && (layout === 'wide' || kind === 'values') ? table.title ?? fileStem(opts.file) : undefined);
  if (fileIndicator !== undefined && plan.indicator === undefined && layout === 'long') {
    findings.push({ code: 'indicator-from-file', line: table.headerLine, args: { indicator: truncate(fileIndicator), source: table.title !== undefined ? 'title' : 'name' } });
  }
  const supplied = (r: Role) =>
    (r === 'period' && (opts.period !== undefined || titlePeriod !== undefined || layout === 'wide')) ||
    (r === 'municipality' && (opts.municipality !== undefined || titleArea !== undefined)) ||
    (r === 'indicator' && fileIndicator !== undefined) ||
    (r === 'service' && kind === 'budget' && map.roles.indicator !== undefined);
  const missing = REQUIRED[kind].filter((r) => map.roles[r] === undefined && !supplied(r));
  if (kind === 'budget' && map.roles.period === undefined && opts.period === undefined && titlePeriod === undefined) missing.push('period');
  if (kind === 'survey' && map.roles.share === undefined && map.roles.positive === undefined) missing.push('share');
  if (missing.length > 0) {
    findings.push({ code: 'header-missing-column', line: table.headerLine, args: missingRoleArgs(table.headers, map.roles, missing, found) });
    failed = 'header-missing-column';
    return builder();
  }

  const roles = map.roles;
  /** Keeps the key of an answer that names its respondent (a blank respondent number names no one). */
  const keepRespondent = (cell: object, areaKey: string, period: string, service: string, indicator: string, cells: readonly string[], line: number): void => {
    const id = (cells[roles.respondent!] ?? '').trim();
    if (id === '') return;
    let hash = cellHashes.get(cell);
    if (hash === undefined) cellHashes.set(cell, (hash = respondents!.cell(areaKey, period, service, indicator)));
    respondents!.add(hash, id, line);
  };
  // "Periodutfall" in a file with no period column is one follow-up's outcome so far this year
  // (as "Utfall_proc" beside it shows), not a month's amount.
  if (kind === 'budget' && roles.period === undefined) {
    for (const [from, to] of [['actualMonth', 'actualYtd'], ['budgetMonth', 'budgetYtd']] as const) {
      const idx = roles[from];
      if (idx === undefined || roles[to] !== undefined || opts.columns?.[from] !== undefined) continue;
      roles[to] = idx;
      delete roles[from];
      findings.push({ code: 'column-year-to-date', line: table.headerLine, column: idx + 1, args: { header: table.headers[idx]!, role: to === 'actualYtd' ? 'utfall ack' : 'budget ack' } });
    }
  }
  // Stub columns tillit has no role for (age band, housing form…) still distinguish rows; a column
  // the sample shows constant does only where a row differs from it (see `HeaderPlan`).
  const stubs = kind === 'values' || kind === 'survey' ? plan.stubs : [];
  const quietStubs = kind === 'values' || kind === 'survey' ? plan.quiet.filter((q) => q.value !== undefined) : [];
  const splitsSeries = stubs.length > 0 || quietStubs.length > 0;
  const stubParts = (cells: readonly string[], service: string | undefined): string => {
    const parts = service === undefined || service === '' ? [] : [service];
    for (const i of stubs) {
      const v = (cells[i] ?? '').trim();
      if (v !== '') parts.push(v);
    }
    for (const q of quietStubs) {
      const v = (cells[q.idx] ?? '').trim();
      if (v !== q.value && v !== '') parts.push(v);
    }
    return parts.join(' / ');
  };
  const headerKey = table.headers.map(normalizeLabel).join('\u0000');
  const orgAliases = new Set([opts.organisation.code, opts.organisation.name, ...opts.organisation.aliases].map(normalizeLabel));
  const isOrganisation = memo((text) => orgAliases.has(normalizeLabel(text)));
  // Kolada's dumps write Riket `0` among four-digit codes.
  const resolve = federationAware(opts.federations);
  const area$ = memo(plan.zeroIsNation ? (text: string) => (/^\s*0{1,2}\s*$/.test(text) ? NATION : resolve(text)) : resolve);
  const period$ = memo((text: string) => {
    const p = parsePeriod(text);
    if (pooled === undefined && p !== undefined && p.length > 7) pooled = pooledRange(p) === undefined ? undefined : p;
    return p;
  });
  const gender$ = memo((text) => GENDERS[normalizeLabel(text)]);
  const activityKey = memo(normalizeLabel);
  const kept = keptText();
  const classify$ = new Map<string, (answer: string) => ReturnType<RecordOptions['classify']>>();
  const classify = (question: string, answer: string) => {
    let f = classify$.get(question);
    if (!f) {
      const q = detach(question);
      classify$.set(q, (f = memo((a) => opts.classify(q, a))));
    }
    return f(answer);
  };
  const firstHeader = normalizeLabel(table.headers[0] ?? '');
  // Cheap pre-check per row: normalising changes case and accents, never the trimmed length.
  const firstHeaderLength = (table.headers[0] ?? '').length;
  /** A repeated header starts with the header's first name; only then compare the whole row. */
  const isHeaderRow = (cells: string[]) => normalizeLabel(cells[0] ?? '') === firstHeader && cells.map((c) => normalizeLabel(c)).join('\u0000') === headerKey;
  const repeatsHeader = (cells: string[]) => cells[0]!.trim().length === firstHeaderLength && isHeaderRow(cells);
  /** A row of the header's width that does not repeat the header: what the quick paths take. */
  const ordinary = (cells: string[]) => cells.length === table.headers.length && !repeatsHeader(cells);
  const titleUnit = table.title !== undefined ? unitInTitle(table.title) : undefined;
  const unitAssumed = opts.unit === undefined && map.unit === undefined && titleUnit === undefined;
  const unit: AmountUnit = opts.unit ?? map.unit?.unit ?? titleUnit ?? 'kr';
  if (kind === 'budget') {
    base.unit = unit;
    if (opts.unit === undefined && map.unit) {
      findings.push({ code: 'unit-from-header', line: table.headerLine, args: { unit: map.unit.unit, header: map.unit.header } });
    } else if (opts.unit === undefined && titleUnit !== undefined) {
      findings.push({ code: 'unit-from-title', line: table.headerLine, args: { unit: titleUnit, title: truncate(table.title!) } });
    } else if (opts.unit === undefined) findings.push({ code: 'unit-assumed', line: table.headerLine });
  }
  const seen = createPartsMap<{ line: number; value: readonly (number | null)[] }>();
  // Budget rows are kept (sign, totals and deviations need the whole file), as columns: the
  // duplicate check holds row numbers, a given deviation sits beside the few rows that have one.
  const budgetTable = new BudgetTable(opts.file, kind === 'budget' ? budgetCapacity(opts.fileBytes, sample) : 0);
  const budget: BudgetRows = {
    table: budgetTable, given: new Map(), seen: budgetKeys(budgetTable, activityKey), isTotal: memo((activity) => sumKind(activity) ?? ''), grain: new BudgetGrain(rowText),
  };
  const scale = UNIT_SCALE[unit];
  const title = table.title;

  // The common respondent row (every cell readable, nothing to report) is counted without the
  // general path's per-row closures; any row with something to say goes the general way.
  const answersFast = kind === 'answers' && layout === 'long' && roles.municipalityName === undefined && roles.status === undefined && genderFilter === 'all';
  const orgArea: Area = { code: opts.organisation.code, kind: 'organisation' };
  const quickArea = memo((text): { area: Area; key: string } | undefined => {
    const area = isOrganisation(text) ? orgArea : ((r) => (r.ok && r.repairedFrom === undefined ? r.area : undefined))(area$(text));
    return area === undefined ? undefined : { area, key: `${area.kind}\u0000${area.code}` };
  });
  const at = (idx: number | undefined, cells: readonly string[]) => (idx === undefined ? undefined : (cells[idx] ?? '').trim());
  const quickAnswer = (row: Row): boolean => {
    const cells = row.cells;
    if (!ordinary(cells)) return false;
    const place = quickArea(at(roles.municipality, cells) ?? opts.municipality ?? titleArea ?? '');
    if (place === undefined) return false;
    const genderText = at(roles.gender, cells);
    const gender = genderText === undefined || genderText === '' ? 'T' : gender$(genderText);
    const period = period$(at(roles.period, cells) ?? opts.period ?? '');
    const indicator = at(roles.indicator, cells) ?? '';
    if (gender === undefined || period === undefined || period.length !== 4 || indicator === '') return false;
    const answerClass = classify(indicator, at(roles.answer, cells) ?? '');
    if (answerClass === undefined) return false;
    const service = at(roles.service, cells) ?? '';
    const cell = countAnswer(place.area, place.key, period, indicator, service, gender, answerClass, row.line);
    if (respondents !== undefined) keepRespondent(cell, place.key, period, service, indicator, cells, row.line);
    counts.used++;
    return true;
  };

  // The common budget row likewise: every amount readable, a known area, period and activity, not
  // seen before. It is built as the schema would return it (the parsers above give only what the
  // schema allows; an amount scaled past what a number holds goes the general way).
  const budgetFast = kind === 'budget' && layout === 'long' && roles.municipalityName === undefined && roles.status === undefined && roles.gender === undefined;
  const quickAmount = (idx: number | undefined, cells: readonly string[]): number | null | undefined => {
    if (idx === undefined) return null;
    const text = cells[idx]!;
    const v = plainNumber(text, decimal, scale);
    if (v !== undefined) return v;
    const parsed = parseNumber(text.trim(), decimal, opts.dash, scale);
    if (parsed.kind !== 'value') return parsed.kind === 'missing' ? null : undefined;
    return Number.isFinite(parsed.value) ? parsed.value : undefined;
  };
  const quickBudget = (row: Row): boolean => {
    const cells = row.cells;
    if (!ordinary(cells)) return false;
    const place = quickArea(at(roles.municipality, cells) ?? opts.municipality ?? titleArea ?? '');
    const period = period$(at(roles.period, cells) ?? opts.period ?? titlePeriod ?? '');
    const activityText = at(roles.service, cells) || at(roles.indicator, cells) || '';
    if (place === undefined || period === undefined || activityText === '') return false;
    const budgetYear = quickAmount(roles.budgetYear, cells);
    const budgetYtd = quickAmount(roles.budgetYtd, cells);
    const budgetMonth = quickAmount(roles.budgetMonth, cells);
    const actualYtd = quickAmount(roles.actualYtd, cells);
    const actualMonth = quickAmount(roles.actualMonth, cells);
    const forecast = quickAmount(roles.forecast, cells);
    const given = quickAmount(roles.deviation, cells);
    if (budgetYear === undefined || budgetYtd === undefined || budgetMonth === undefined || actualYtd === undefined || actualMonth === undefined || forecast === undefined || given === undefined) return false;
    const areaId = budgetTable.areaId(place.area);
    // A year is kept as written until the file's grain is known (see `BudgetGrain`).
    const monthId = budgetTable.monthId(period);
    const activityId = budgetTable.activityId(kept(activityText));
    if (budget.seen.claim(areaId, monthId, activityId) >= 0) return false;
    const added = budgetTable.push(areaId, monthId, activityId, row.line, budgetYear, budgetYtd, budgetMonth, actualYtd, actualMonth, forecast);
    budget.grain.note(added, period.length === 4, row);
    if (given !== null) budget.given.set(added, given);
    counts.used++;
    return true;
  };

  const processRow = (row: Row): void => {
    counts.read++;
    if (failed !== undefined) {
      reject(row, failed);
      return;
    }
    if (answersFast && quickAnswer(row)) return;
    if (budgetFast && quickBudget(row)) return;
    const errors: FindingInput[] = [];
    const cell = (role: Role): string | undefined => {
      const idx = roles[role];
      return idx === undefined ? undefined : (row.cells[idx] ?? '').trim();
    };
    const col = (role: Role) => (roles[role] ?? 0) + 1;
    const fail = (code: FindingInput['code'], role: Role | number, args: Record<string, string | number> = {}, received?: string) => {
      const column = typeof role === 'number' ? role + 1 : col(role);
      const f: FindingInput = { code, line: row.line, column, args: { role: typeof role === 'number' ? table.headers[role] ?? '' : role, ...args } };
      const got = received ?? (typeof role === 'number' ? row.cells[role] : cell(role));
      if (got !== undefined) f.received = truncate(got);
      errors.push(f);
    };
    const num = (role: Role | number, shift = 0): number | null => {
      const text = typeof role === 'number' ? (row.cells[role] ?? '') : cell(role);
      if (text === undefined) return null;
      const parsed = parseNumber(text, decimal, opts.dash, shift);
      if (parsed.kind === 'invalid') {
        fail('value-number-invalid', role, { decimal });
        return null;
      }
      if (parsed.kind === 'inexact') {
        fail('value-beyond-exact', role);
        return null;
      }
      return parsed.kind === 'value' ? parsed.value : null;
    };

    // PX-Web downloads end with footnotes ("Fotnoter", "Källa: SCB"): one text cell under a wide table.
    if (layout === 'wide' && row.cells.length === 1 && table.headers.length > 1) {
      findings.push({ code: 'footnote', line: row.line, received: truncate(row.cells[0]!) });
      counts.ignored++;
      return;
    }
    if (row.cells.length !== table.headers.length) {
      if (isHeaderRow(row.cells)) {
        findings.push({ code: 'row-repeated-header', line: row.line });
        reject(row, 'row-repeated-header');
        return;
      }
      // One trailing empty field (a trailing delimiter) is harmless; anything else is a broken row.
      const trailingOnly = row.cells.length === table.headers.length + 1 && row.cells.at(-1)!.trim() === '';
      if (!trailingOnly) {
        findings.push({ code: 'row-column-count', line: row.line, args: { got: row.cells.length, expected: table.headers.length } });
        reject(row, 'row-column-count');
        return;
      }
    } else if (repeatsHeader(row.cells)) {
      findings.push({ code: 'row-repeated-header', line: row.line });
      reject(row, 'row-repeated-header');
      return;
    }

    // Area: code or name, organisation aliases, name column cross-check.
    let area: Area | undefined;
    const areaText = cell('municipality') ?? opts.municipality ?? titleArea ?? '';
    if (isOrganisation(areaText)) {
      area = orgArea;
    } else {
      const res = area$(areaText);
      if (!res.ok && res.reason === 'mismatch') fail('area-mismatch', 'municipality', { code: res.code, registered: res.registered, name: res.name });
      else if (!res.ok) fail(areaText === '' ? 'value-required' : 'area-unknown', 'municipality');
      else {
        area = res.area;
        if (res.repairedFrom !== undefined) {
          findings.push({ code: 'area-code-repaired', line: row.line, column: col('municipality'), received: truncate(areaText), args: { from: res.repairedFrom, to: res.area.code } });
        }
        const nameText = cell('municipalityName');
        if (nameText && res.area.kind === 'group') area = { ...res.area, name: nameText };
        else if (nameText && res.area.kind === 'municipality') {
          const byName = area$(nameText);
          if (byName.ok && byName.area.code !== res.area.code) {
            fail('area-mismatch', 'municipalityName', { code: res.area.code, registered: res.area.code, name: nameText });
          }
        }
      }
    }

    let gender: Gender = 'T';
    const genderText = cell('gender');
    if (genderText !== undefined && genderText !== '') {
      const g = gender$(genderText);
      if (g === undefined) fail('gender-invalid', 'gender');
      else gender = g;
    }

    const periodText = cell('period') ?? opts.period ?? titlePeriod ?? '';
    const period = layout === 'wide' ? '' : period$(periodText);
    if (layout === 'long' && period === undefined) fail(periodText === '' ? 'value-required' : 'period-invalid', 'period', {}, periodText);
    // Surveys are per year: a month in a survey or respondent file is a mistake, not a finer grain.
    else if (period !== undefined && period.length !== 4 && (kind === 'survey' || kind === 'answers')) fail('period-not-year', 'period', {}, periodText);

    if (errors.length === 0 && genderFilter !== 'all' && gender !== genderFilter) {
      findings.push({ code: 'gender-filtered', line: row.line, column: col('gender'), args: { gender, selected: genderFilter } });
      counts.ignored++;
      return;
    }
    // A non-empty status marks an uncertain or confidential value (Kolada): excluded, reported.
    const statusText = cell('status');
    if (errors.length === 0 && statusText !== undefined && statusText !== '' && !/^(na|null)$/i.test(statusText)) {
      findings.push({ code: 'status-excluded', line: row.line, column: col('status'), received: truncate(statusText), args: { status: truncate(statusText) } });
      counts.ignored++;
      return;
    }

    const source = { file: opts.file, line: row.line };
    const service = kept(splitsSeries ? stubParts(row.cells, cell('service')) : cell('service') ?? '');
    const indicator = kept(cell('indicator') || fileIndicator || '');
    const titleText = cell('indicatorTitle');
    const indicatorTitle = titleText === undefined ? undefined : kept(titleText);
    const candidates: { schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } }; value: Record<string, unknown>; key: readonly string[]; fingerprint: readonly (number | null)[]; period: string }[] = [];

    if (kind === 'survey') {
      const n = num('n');
      const positive = num('positive');
      let share = num('share');
      if (share === null && positive !== null && n !== null && n > 0 && positive <= n) share = (positive / n) * 100;
      const value = { kind, area, period, indicator, service, gender, n, positive, share, source, ...(indicatorTitle ? { title: indicatorTitle } : {}) };
      if (positive !== null && n !== null && cell('share') && share !== null && n > 0 && Math.abs((positive / n) * 100 - share) > 0.6) {
        findings.push({ code: 'value-share-mismatch', line: row.line, column: col('share'), args: { share, computed: ((positive / n) * 100).toFixed(1) } });
      }
      candidates.push({ schema: surveyRecordSchema, value, period: period ?? '', key: [area?.code ?? '', period ?? '', indicator, service, gender], fingerprint: [n, positive, share] });
    } else if (kind === 'answers') {
      const answer = cell('answer') ?? '';
      const answerClass = classify(indicator, answer);
      if (answerClass === undefined) fail('answer-unknown', 'answer');
      if (errors.length > 0 || area === undefined || period === undefined || indicator === '') {
        if (indicator === '' && errors.length === 0) fail('value-required', 'indicator');
        appendAll(findings, errors);
        reject(row, [...new Set(errors.map((e) => e.code))].join('; '));
        // A rejected answer whose cell is known leaves that cell incomplete: its share is not published.
        if (area !== undefined && period !== undefined && period.length === 4 && indicator !== '') {
          countAnswer(area, `${area.kind}\u0000${area.code}`, period, indicator, service, gender, 'rejected', row.line);
        }
        return;
      }
      const areaKey = `${area.kind}\u0000${area.code}`;
      const answerCell = countAnswer(area, areaKey, period, indicator, service, gender, answerClass!, row.line);
      if (respondents !== undefined) keepRespondent(answerCell, areaKey, period, service, indicator, row.cells, row.line);
      counts.used++;
      return;
    } else if (kind === 'values') {
      if (layout === 'wide') {
        for (const w of wide) {
          const v = num(w.idx);
          if (v === null) continue;
          const value = { kind, area, period: w.period, indicator, service, gender, value: v, n: null, source };
          candidates.push({ schema: valueRecordSchema, value, period: w.period, key: [area?.code ?? '', w.period, indicator, service, gender], fingerprint: [v] });
        }
      } else {
        const v = num(roles.value !== undefined ? 'value' : 'share');
        const n = num('n');
        if (v !== null) {
          const value = { kind, area, period, indicator, service, gender, value: v, n, source, ...(indicatorTitle ? { title: indicatorTitle } : {}) };
          candidates.push({ schema: valueRecordSchema, value, period: period ?? '', key: [area?.code ?? '', period ?? '', indicator, service, gender], fingerprint: [v, n] });
        } else if (errors.length === 0) {
          // A missing value (`..`, NA) is a known gap, not an error: read and reported as ignored.
          findings.push({ code: 'value-missing', line: row.line, column: col(roles.value !== undefined ? 'value' : 'share'), received: truncate(cell(roles.value !== undefined ? 'value' : 'share') ?? '') });
          counts.ignored++;
          return;
        }
      }
    } else {
      const activity = kept(cell('service') || cell('indicator') || '');
      if (activity === '') fail('value-required', roles.service !== undefined ? 'service' : 'indicator');
      const amt = (role: Role) => num(role, scale);
      const month = period === undefined ? undefined : period.length === 4 ? `${period}-12` : period;
      const rec = {
        kind, area, period: month, activity, source,
        budgetYear: amt('budgetYear'), budgetYtd: amt('budgetYtd'), budgetMonth: amt('budgetMonth'),
        actualYtd: amt('actualYtd'), actualMonth: amt('actualMonth'), forecast: amt('forecast'),
      };
      const given = amt('deviation');
      const key = [area?.code ?? '', month ?? '', activityKey(activity)];
      const fingerprint = [rec.budgetYear, rec.budgetYtd, rec.budgetMonth, rec.actualYtd, rec.actualMonth, rec.forecast];
      candidates.push({ schema: budgetRecordSchema, value: given === null ? rec : { ...rec, given }, period: month ?? '', key, fingerprint });
    }

    if (errors.length > 0 || area === undefined) {
      appendAll(findings, errors);
      reject(row, [...new Set(errors.map((e) => e.code))].join('; '));
      return;
    }
    let used = false;
    let rejected = false;
    const reasons: string[] = [];
    for (const c of candidates) {
      const { given, ...value } = c.value as Record<string, unknown> & { given?: number };
      const parsed = c.schema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error!.issues) {
          const field = String(issue.path[0] ?? '');
          const role = (field in ALIASES ? field : 'value') as Role;
          const f: FindingInput = { code: 'value-out-of-range', line: row.line, column: col(role), args: { role: field, range: issue.message } };
          const got = cell(role);
          if (got !== undefined) f.received = truncate(got);
          findings.push(f);
        }
        rejected = true;
        reasons.push('value-out-of-range');
        continue;
      }
      if (kind === 'budget') {
        const rec = parsed.data as BudgetRecord;
        // The area as read (one object per area in a file), not the schema's copy of it.
        const areaId = budgetTable.areaId(area);
        const monthId = budgetTable.monthId(period!);
        const activityId = budgetTable.activityId(rec.activity);
        const prior = budget.seen.claim(areaId, monthId, activityId);
        if (prior >= 0) {
          const same = BUDGET_AMOUNTS.every((_, i) => budgetTable.amount(prior, i) === c.fingerprint[i]);
          findings.push({ code: same ? 'duplicate-row' : 'duplicate-conflict', line: row.line, args: { first: budgetTable.line[prior]!, key: c.key.join(' / ') } });
          rejected ||= !same;
          if (!same) reasons.push('duplicate-conflict');
          continue;
        }
        const added = budgetTable.push(areaId, monthId, activityId, row.line, rec.budgetYear, rec.budgetYtd, rec.budgetMonth, rec.actualYtd, rec.actualMonth, rec.forecast);
        budget.grain.note(added, period!.length === 4, row);
        if (given !== undefined) budget.given.set(added, given);
        used = true;
        continue;
      }
      const prior = seen.get(c.key);
      if (prior) {
        // Same values (NaN never reaches here: numbers are parsed finite).
        const same = prior.value.length === c.fingerprint.length && prior.value.every((v, i) => v === c.fingerprint[i]);
        findings.push({ code: same ? 'duplicate-row' : 'duplicate-conflict', line: row.line, args: { first: prior.line, key: c.key.join(' / ') } });
        rejected ||= !same;
        if (!same) reasons.push('duplicate-conflict');
        continue;
      }
      seen.set(c.key, { line: row.line, value: c.fingerprint });
      base.records.push(parsed.data as QualityRecord);
      used = true;
    }
    if (candidates.length === 0) findings.push({ code: 'value-missing', line: row.line });
    if (used) counts.used++;
    else if (rejected) reject(row, [...new Set(reasons)].join('; '));
    else counts.ignored++;
  };

  if (table.continued) findings.length = 0;
  return builder();

  /**
   * One record per answer group, in order of first appearance. Every part was checked as its row
   * was read (a year, a registered area, a question, whole counts), so the record is built as the
   * schema would return it (zod per group was a third of the time to finish a national file).
   */
  function finishAnswers(): void {
    for (let i = 0; i < answerGroups.length; i++) base.records.push(answerGroups[i]!);
    answerGroups.length = 0;
    // No row comes after this: the index's maps go (2M answers: ~30 MB held while parts were joined).
    groupIndex.clear();
  }

  function builder(): RecordBuilder {
    return {
      kind: base.kind,
      decimal,
      plan,
      row: (row) => (failed !== undefined ? (counts.read++, reject(row, failed)) : processRow(row)),
      unreadable: (u) => {
        counts.read++;
        counts.rejected++;
        rejects.push({ line: u.line, reason: 'csv-syntax', text: u.text });
      },
      finish: (truncatedAt) => {
        if (truncatedAt !== undefined && opts.maxRows !== undefined) findings.push({ code: 'rows-limit', line: truncatedAt, args: { limit: opts.maxRows } });
        if (pooled !== undefined && !table.continued) findings.push({ code: 'period-pooled', line: table.headerLine, args: { example: pooled } });
        if (failed === undefined && base.kind === 'budget') {
          const moved = new Map<number, number>();
          const dropped = budget.grain.settle(budgetTable, roles.period, base, (from, to) => {
            const g = budget.given.get(from);
            if (g !== undefined) moved.set(to, g);
          });
          if (dropped > 0) {
            budget.given.clear();
            for (const [i, g] of moved) budget.given.set(i, g);
          }
          const totals = finishBudget(budget, opts, base, base.unit ?? 'kr');
          settleUnit(budgetTable, base, opts, !unitAssumed, table.headerLine);
          // Total rows were read, checked and reported; the report sums the lines itself.
          if (totals.size > 0) budgetTable.retain((i) => !totals.has(i));
          base.budget = budgetTable;
        }
        finishAnswers();
        if (respondents instanceof RespondentSet && respondents.length > 0) base.respondents = respondents;
        cellHashes.clear();
        return base;
      },
    };
  }
}

/**
 * Room for the rows a budget file of this size holds at the first rows' average length (in
 * characters, which a UTF-8 file spends more bytes on: room to spare), a tenth more, up to 4M rows;
 * the columns grow by doubling past that, or from 1024 rows when the size is not known. Growing a
 * national file's columns nine times was ~15 ms of its report; room for every row a file could
 * have (~24 bytes each) was 2.3 times too much, and ~80 MB of typed arrays at once made V8 collect
 * twice for "external memory pressure" before the first row (~20 ms).
 */
function budgetCapacity(fileBytes: number | undefined, sample: readonly Row[]): number {
  if (fileBytes === undefined) return 1024;
  let chars = 0;
  const rows = sample.slice(0, 2000);
  for (const row of rows) for (const cell of row.cells) chars += cell.length + 1;
  const perRow = rows.length > 0 ? Math.max(8, chars / rows.length) : 24;
  return Math.max(1024, Math.min(1 << 22, Math.ceil((fileBytes / perRow) * 1.1)));
}

/** A budget file's rows, in file order, before the whole-file checks. */
interface BudgetRows {
  table: BudgetTable;
  /** The deviation a row states (by row), for the few files that have one. */
  given: Map<number, number>;
  /** The first row of each area code, month and activity key. */
  seen: BudgetKeys;
  /** A total row ("Summa", "Totalt") repeats its siblings' sum. */
  /** `total`, `subtotal` or '' (an activity): see `sumKind`. */
  isTotal: (activity: string) => string;
  /** Whether rows are dated by month or by year. */
  grain: BudgetGrain;
}

interface BudgetKeys {
  /** The first row with this row's area code, month and activity key; -1 when none, and the next row added is that first. */
  claim(area: number, month: number, activity: number): number;
}

/**
 * A budget row's key (area code, month, activity key) as three small numbers: a table's area and
 * activity indices, each mapped once to its code's or key's number.
 */
function budgetKeys(table: BudgetTable, activityKey: (activity: string) => string): BudgetKeys {
  const codes = new TextIndex();
  const keys = new TextIndex();
  const codeOf: number[] = [];
  const keyOf: number[] = [];
  const index = createRowIndex();
  return {
    claim(area, month, activity) {
      const c = (codeOf[area] ??= codes.id(table.areas[area]!.code));
      const k = (keyOf[activity] ??= keys.id(activityKey(table.activities[activity]!)));
      return index.claim(c, month, k, table.length);
    },
  };
}

/**
 * Budget rows need the whole file: the sign convention is inferred from all amounts, total rows
 * are checked against the sum of their siblings, and a given deviation against the computed one.
 * Returns the total rows.
 */
function finishBudget({ table, given: givens, isTotal }: BudgetRows, opts: RecordOptions, out: RecordsResult, unit: AmountUnit): Set<number> {
  const n = table.length;
  const a = table.amounts;
  const W = BUDGET_AMOUNTS.length;
  // Whether each activity text is a total row, or a revenue line (tax, grants): decided once per text.
  const totalText = table.activities.map(isTotal);
  const total = (row: number) => totalText[table.activity[row]!]!;
  let sign = opts.sign;
  if (sign === undefined) {
    // Revenue lines carry the opposite sign to costs under the net convention: they say nothing
    // about how costs are written.
    const revenueText = table.activities.map((activity) => isRevenueLine(normalizeLabel(activity)));
    let negative = 0;
    let counted = 0;
    const revenue: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = table.activity[i]!;
      if (totalText[t]) continue;
      // The annual, year-to-date and monthly budgets (NaN where missing compares false).
      for (let k = i * W; k < i * W + 3; k++) {
        const v = a[k]!;
        if (!(v !== 0 && v === v)) continue;
        if (revenueText[t]) revenue.push(v);
        else {
          counted++;
          if (v < 0) negative++;
        }
      }
    }
    if (negative === counted && negative > 0) sign = 'costs-negative';
    else if (negative === 0 && counted > 0) sign = 'costs-positive';
    else if (counted === 0) {
      // Only revenue lines: under the net convention revenue has the opposite sign to costs.
      if (revenue.length > 0 && revenue.every((v) => v > 0)) sign = 'costs-negative';
      else if (revenue.length > 0 && revenue.every((v) => v < 0)) sign = 'costs-positive';
      else if (revenue.length === 0) sign = 'costs-positive';
    }
    if (sign !== undefined && counted > 0) out.findings.push({ code: 'sign-inferred', args: { sign: sign === 'costs-negative' ? 'negative' : 'positive' } });
    if (sign === undefined) {
      sign = 'costs-positive';
      out.findings.push({ code: 'sign-mixed', args: { sign: 'positive' } });
    }
  }
  out.sign = sign;
  const flip = sign === 'costs-negative' ? -1 : 1;
  const factor = unitFactor(unit);
  const tolerance = 0.5 * factor;
  // Costs positive; `+ 0` turns a negated zero into 0 (the table holds no −0).
  if (flip === -1) for (let k = 0; k < n * W; k++) a[k] = -a[k]! + 0;

  const totals = new Set(totalText.some((t) => t) ? Array.from({ length: n }, (_, i) => i).filter(total) : []);
  if (givens.size === 0 && totals.size === 0) return totals;
  // Only total rows are checked against their siblings.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < (totals.size > 0 ? n : 0); i++) {
    if (total(i)) continue;
    const key = `${table.areas[table.area[i]!]!.code}|${table.months[table.month[i]!]}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  const amount = (row: number, k: number) => table.amount(row, k);
  for (let i = 0; i < n; i++) {
    const given = givens.get(i);
    const line = table.line[i]!;
    if (given !== undefined) {
      const [budgetYear, budgetYtd, actualYtd, forecast] = [amount(i, 0), amount(i, 1), amount(i, 3), amount(i, 5)];
      // "Avvikelse" means budget − forecast in one export and budget to date − outcome to date in
      // another ("Avvikelse jan-aug"): a given deviation is checked against both, and warned about
      // only when it is neither.
      const forYear = budgetYear !== null && forecast !== null ? budgetYear - forecast : null;
      const toDate = budgetYtd !== null && actualYtd !== null ? budgetYtd - actualYtd : null;
      const computed = forYear ?? toDate;
      const matches = [forYear, toDate].some((c) => c !== null && Math.abs(c - given) <= tolerance);
      if (computed !== null && !matches) {
        out.findings.push({ code: 'deviation-mismatch', line, args: { given: fmt(given / factor), computed: fmt(computed / factor) } });
      }
    }
    if (totals.has(i)) {
      out.findings.push({ code: 'total-row', line, received: table.activities[table.activity[i]!]! });
      out.counts.used--;
      out.counts.ignored++;
      // A subtotal sums only some of the lines beside it: not checked against all of them.
      if (totalText[table.activity[i]!] === 'subtotal') continue;
      const siblings = groups.get(`${table.areas[table.area[i]!]!.code}|${table.months[table.month[i]!]}`) ?? [];
      for (let k = 0; k < W; k++) {
        const given = amount(i, k);
        const parts = siblings.map((s) => amount(s, k)).filter((v): v is number => v !== null);
        if (given === null || parts.length === 0) continue;
        const sum = parts.reduce((x, y) => x + y, 0);
        if (Math.abs(sum - given) > tolerance * parts.length) {
          out.findings.push({ code: 'total-mismatch', line, args: { given: fmt((given * flip) / factor), computed: fmt((sum * flip) / factor) } });
          break;
        }
      }
    }
  }
  return totals;
}

/**
 * Believes the file's unit only when its amounts are plausible (see `checkUnit`): an assumed kr that
 * is not is read as the larger unit that is, or, when none is, the file's amounts are left out.
 */
function settleUnit(table: BudgetTable, out: RecordsResult, opts: RecordOptions, explicit: boolean, headerLine: number): void {
  const unit = out.unit ?? 'kr';
  const check = checkUnit(yearlyTotals(table, (code) => opts.population?.[code]), unit, explicit);
  if (check.finding) out.findings.push({ ...check.finding, line: headerLine });
  if (check.unit === unit) return;
  // The assumption was wrong: the finding above says what was read instead.
  const assumed = out.findings.findIndex((f) => f.code === 'unit-assumed');
  if (assumed >= 0) out.findings.splice(assumed, 1);
  if (check.unit === undefined) {
    // The whole file's amounts are left out with one error (their texts are the file itself, not
    // kept row by row): counted as ignored, so `--rejects` still holds exactly the rejected rows.
    out.counts.used -= table.length;
    out.counts.ignored += table.length;
    table.retain(() => false);
    return;
  }
  const factor = unitFactor(check.unit) / unitFactor(unit);
  const a = table.amounts;
  // Rare (a file in the wrong unit): 15 digits keep the amount as written, without 0.1 × 1000 noise.
  for (let k = 0; k < table.length * BUDGET_AMOUNTS.length; k++) a[k] = Number((a[k]! * factor).toPrecision(15));
  out.unit = check.unit;
}

/** `dir/pxweb-andel-65plus.csv` → `pxweb-andel-65plus`: a name for a table with no title. */
function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export type { Row };

/** `resolveArea`, and a kommunalförbund member by its id or one of its names where the register knows nothing. */
function federationAware(federations: RecordOptions['federations']): (text: string) => AreaResolution {
  if (federations === undefined || federations.length === 0) return resolveArea;
  const byName = new Map<string, string>();
  for (const f of federations) for (const name of [f.code, ...f.names]) byName.set(normalizeLabel(name), f.code);
  return (text) => {
    const res = resolveArea(text);
    if (res.ok || res.reason !== 'unknown') return res;
    const code = byName.get(normalizeLabel(text));
    return code === undefined ? res : { ok: true, area: { code, kind: 'federation' } };
  };
}
