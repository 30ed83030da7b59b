import type { Role } from '../config/schema.js';
import type { FindingInput } from '../model/findings.js';
import type { RejectedRow, RowCounts } from '../model/input.js';
import type { Gender, QualityRecord } from '../model/records.js';
import type { Area } from '../model/register.js';
import { isMonthPeriod } from '../model/period.js';
import { normalizeLabel, truncate } from '../model/text.js';
import { appendAll } from '../model/array.js';
import type { ByteRowReader, TextOf } from './byte-cells.js';
import type { CellLookups } from './cell-lookups.js';
import type { GenderTally } from './gender-tally.js';
import { ALIASES } from './columns.js';
import { isDash, parseNumber, type DecimalMark } from './number.js';
import type { RecordOptions, RecordsResult, TableHead } from './record-options.js';
import type { RecordPlan } from './record-plan.js';
import type { Row } from './table.js';

/** How each row of a file ended: counted, and a rejected row's original text kept. */
export class RowOutcomes {
  readonly counts: RowCounts = { read: 0, used: 0, rejected: 0, ignored: 0 };
  readonly rejects: RejectedRow[] = [];
  /** The records rows gave, in file order (answer groups join at the end). */
  readonly records: QualityRecord[] = [];

  constructor(readonly findings: FindingInput[], private readonly textOf: (row: Row) => string) {}

  /** Counts a row as rejected and keeps its original text. */
  reject(row: Row, reason: string): void {
    this.counts.rejected++;
    this.rejects.push({ line: row.line, reason, text: this.textOf(row) });
  }

  /** Rejects a row for the errors found in it (their findings reported), named by their codes. */
  rejectFor(row: Row, errors: readonly FindingInput[]): void {
    appendAll(this.findings, errors);
    this.reject(row, [...new Set(errors.map((e) => e.code))].join('; '));
  }

  /** Sets a row aside with a finding that says why. */
  ignore(f: FindingInput): void {
    this.findings.push(f);
    this.counts.ignored++;
  }

  /** The text a rejected row is kept with. */
  text(row: Row): string {
    return this.textOf(row);
  }
}

/** A first cell or heading that names another table's rows, alone: projects, investments (not `Projekt och utveckling`, an activity's heading). */
const OTHER_TABLE = /^(projekt|investeringar|investeringsprojekt|investeringsbudget|investeringsredovisning|investering|investments?)$/;

/** Whether a row repeats the header, and whether it is the ordinary row the quick paths take. */
export class RowShape {
  private readonly key: string;
  private readonly first: string;
  /** Normalising changes case and accents, never the trimmed length: a cheap check before it. */
  private readonly firstLength: number;

  /** The line where another table starts (`headerLike` 'other', `startsOtherTable`): no row under it is this table's. */
  otherHeaderLine: number | undefined;
  private readonly names: ReadonlySet<string>;

  constructor(private readonly headers: readonly string[]) {
    this.names = new Set(headers.map(normalizeLabel).filter((n) => n !== ''));
    this.key = headers.map(normalizeLabel).join('\u0000');
    this.first = normalizeLabel(headers[0] ?? '');
    this.firstLength = (headers[0] ?? '').length;
  }

  /** A repeated header starts with the header's first name; only then is the whole row compared. */
  isHeaderRow(cells: readonly string[]): boolean {
    return normalizeLabel(cells[0] ?? '') === this.first && cells.map((c) => normalizeLabel(c)).join('\u0000') === this.key;
  }

  /** Whether a row whose first cell is this (trimmed) text may repeat the header: only then is the whole row compared. */
  mayRepeatHeader(first: string): boolean {
    return first.length === this.firstLength && normalizeLabel(first) === this.first;
  }

  /**
   * A row whose texts are mostly the header's names (two or more): `own` when each name is in its
   * own column and only the first cell differs (the header repeated with a caption, `Vård och
   * omsorg;Budget helår;…`, or with its first cell blank, as a print title repeats it), else
   * `other` (a name out of its place, another label beside them: `Kommun;Period;Projekt;…`, or a
   * first cell naming projects or investments); undefined for any other row.
   */
  headerLike(cells: readonly string[]): 'own' | 'other' | undefined {
    let texts = 0;
    let names = 0;
    let placed = true;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j]!;
      // A figure (a digit, a sign, a mark) is no name: only a cell that starts with a letter is normalised.
      const c = cell.trimStart().charCodeAt(0);
      if (!(c >= 65)) {
        if (cell.trim() !== '') {
          texts++;
          if (j > 0) placed = false;
        }
        continue;
      }
      const n = normalizeLabel(cell);
      texts++;
      if (this.names.has(n)) {
        names++;
        if (n !== normalizeLabel(this.headers[j] ?? '')) placed = false;
      } else if (j > 0) placed = false;
    }
    if (names < 2 || 2 * names <= texts) return undefined;
    return placed && !OTHER_TABLE.test(normalizeLabel(cells[0] ?? '')) ? 'own' : 'other';
  }

  /** A heading line naming projects or investments (`Investeringar`) starts another table at `line`: true when it does. */
  startsOtherTable(heading: string, line: number): boolean {
    if (!OTHER_TABLE.test(normalizeLabel(heading))) return false;
    this.otherHeaderLine = line;
    return true;
  }

  repeatsHeader(cells: readonly string[]): boolean {
    return cells[0]!.trim().length === this.firstLength && this.isHeaderRow(cells);
  }

  /** A row of the header's width that does not repeat the header. */
  ordinary(cells: readonly string[]): boolean {
    return cells.length === this.headers.length && !this.repeatsHeader(cells);
  }
}

/** What every row reader of one file shares. */
export interface RowEnv {
  opts: RecordOptions;
  table: TableHead;
  plan: RecordPlan;
  out: RowOutcomes;
  lookups: CellLookups;
  shape: RowShape;
  /** Which indicators have rows of the gender read, in a file read for one (see `GenderTally`). */
  genders: GenderTally;
}

/** The fields every kind of row has, read by the general path. */
export interface SharedFields {
  area: Area | undefined;
  gender: Gender;
  /** '' in a wide table (each column has its period); undefined when unreadable. */
  period: string | undefined;
}

/** One kind of row (answers, scores and values, budget lines): its quick path beside its general one. */
export interface RowReader {
  /** Reads the common row whole without the general path's checks; false when it needs them. */
  quick(row: Row): boolean;
  /** The quick path over a block's bytes, for kinds that have one (see `byte-cells.ts`). */
  bytes?(textOf: TextOf): ByteRowReader | undefined;
  /** Reads the rest of a row whose shared fields the general path has read. */
  read(cells: RowCells, fields: SharedFields): void;
  /** After the last row: what the file's rows add up to. */
  finish(out: RecordsResult): void;
}

/** A reading of a cell said once per file (see `RowCells.readings`). */
export type ReadingCode = 'dash-zero' | 'comma-grouped';

/** One row's cells by role, with the errors found in them so far (general path). */
export class RowCells {
  readonly errors: FindingInput[] = [];
  /**
   * Cells read one way of two, said once per file: a lone dash read as zero (`dash-zero`), a comma
   * read as a thousands separator in a file whose decimal mark is a point (`comma-grouped`).
   */
  readonly readings: { code: ReadingCode; column: number }[] = [];

  constructor(readonly row: Row, private readonly plan: RecordPlan, private readonly headers: readonly string[], private readonly dash: RecordOptions['dash']) {}

  /** The trimmed text of a role's cell; undefined when no column plays the role. */
  cell(role: Role): string | undefined {
    const idx = this.plan.roles[role];
    return idx === undefined ? undefined : (this.row.cells[idx] ?? '').trim();
  }

  /** The 1-based column of a role (1 when no column plays it). */
  col(role: Role): number {
    return (this.plan.roles[role] ?? 0) + 1;
  }

  /** Notes an error in a role's cell (or a column's, by index). */
  fail(code: FindingInput['code'], role: Role | number, args: Record<string, string | number> = {}, received?: string): void {
    const column = typeof role === 'number' ? role + 1 : this.col(role);
    const f: FindingInput = { code, line: this.row.line, column, args: { role: typeof role === 'number' ? this.headers[role] ?? '' : role, ...args } };
    const got = received ?? (typeof role === 'number' ? this.row.cells[role] : this.cell(role));
    if (got !== undefined) f.received = truncate(got);
    this.errors.push(f);
  }

  /** A role's (or column's) number, its decimal point moved `shift` places; null when missing or unreadable (an error then). */
  num(role: Role | number, shift = 0): number | null {
    const text = typeof role === 'number' ? (this.row.cells[role] ?? '') : this.cell(role);
    if (text === undefined) return null;
    const decimal: DecimalMark = this.plan.decimal;
    const parsed = parseNumber(text, decimal, this.dash, shift);
    if (parsed.kind === 'invalid') {
      this.fail('value-number-invalid', role, { decimal, hint: numberHint(text, decimal) });
      return null;
    }
    if (parsed.kind === 'inexact') {
      this.fail('value-beyond-exact', role);
      return null;
    }
    const column = typeof role === 'number' ? role + 1 : this.col(role);
    if (parsed.kind === 'value' && parsed.value === 0 && isDash(text)) this.readings.push({ code: 'dash-zero', column });
    else if (parsed.kind === 'value' && decimal === '.' && text.includes(',')) this.readings.push({ code: 'comma-grouped', column });
    return parsed.kind === 'value' ? parsed.value : null;
  }

  /** A finding per issue the record schema found, at the column of the field it names. */
  outOfRange(issues: readonly { path: readonly PropertyKey[]; message: string }[], findings: FindingInput[]): void {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? '');
      const role = (field in ALIASES ? field : 'value') as Role;
      const f: FindingInput = { code: 'value-out-of-range', line: this.row.line, column: this.col(role), args: { role: field, range: issue.message } };
      const got = this.cell(role);
      if (got !== undefined) f.received = truncate(got);
      findings.push(f);
    }
  }
}

/** A line that introduces a source or a note: what an export writes under its table. */
const FOOTNOTE = /^\s*(källa|källor|anm|anmärkning(ar)?|not|noter|fotnot(er)?|kommentar(er)?|förklaring(ar)?|teckenförklaring|source|sources|note|notes)\s*[:.]/i;

/** A note saved from Excel, padded with delimiters to the table's width (`Anm: preliminärt;;;;`). */
function isPaddedNote(cells: readonly string[]): boolean {
  if (!FOOTNOTE.test(cells[0]!)) return false;
  for (let i = 1; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

/**
 * Whether a row has the table's shape: a footnote (see FOOTNOTE) is set aside, a row
 * of another width or a repeated header is rejected. True when the row is to be read on.
 */
export function checkShape(row: Row, env: RowEnv): boolean {
  const { out, shape } = env;
  const width = env.table.headers.length;
  // PX-Web downloads end with footnotes ("Fotnoter", "Källa: SCB"): one text cell under a wide
  // table. Under a long one (an Excel export), one cell that reads as a note ("Källa: …", "Anm: …").
  if (width > 1 && (row.cells.length === 1 ? env.plan.layout === 'wide' || FOOTNOTE.test(row.cells[0]!) : isPaddedNote(row.cells))) {
    out.ignore({ code: 'footnote', line: row.line, received: truncate(row.cells[0]!) });
    return false;
  }
  let repeated: boolean;
  if (row.cells.length !== width) {
    repeated = shape.isHeaderRow(row.cells);
    // One trailing empty field (a trailing delimiter) is harmless; anything else is a broken row.
    const trailingOnly = row.cells.length === width + 1 && row.cells.at(-1)!.trim() === '';
    if (!repeated && !trailingOnly) {
      out.findings.push({ code: 'row-column-count', line: row.line, args: { got: row.cells.length, expected: width } });
      out.reject(row, 'row-column-count');
      return false;
    }
  } else repeated = shape.repeatsHeader(row.cells);
  const like = repeated ? undefined : shape.headerLike(row.cells);
  if (like === 'own') repeated = true;
  if (like === 'other') {
    shape.otherHeaderLine = row.line;
    out.findings.push({ code: 'row-other-header', line: row.line, received: truncate(row.cells.join(';')) });
    out.reject(row, 'row-other-header');
    return false;
  }
  if (!repeated) return true;
  out.findings.push({ code: 'row-repeated-header', line: row.line });
  out.reject(row, 'row-repeated-header');
  return false;
}

/**
 * Area, gender and period, with an error for each that cannot be read; undefined when the row is
 * set aside (another gender than the one read, or a status that marks the value).
 */
export function readShared(cells: RowCells, env: RowEnv): SharedFields | undefined {
  const { plan, opts, lookups } = env;
  const row = cells.row;
  if (isSumRow(cells, env)) return undefined;
  const area = readArea(cells, env);
  let gender: Gender = 'T';
  let neither = false;
  const genderText = cells.cell('gender');
  // A respondent's blank gender is unknown, said as the quick path says it (`respondentGender`).
  if (genderText === '' && plan.kind === 'answers') lookups.sawBlank = true;
  if (genderText !== undefined && genderText !== '') {
    const g = plan.kind === 'answers' ? lookups.respondentGender(genderText) : lookups.gender(genderText);
    if (g !== undefined) gender = g;
    // A published figure for "Annat" is a cell tillit does not report (its total row holds them).
    else if (lookups.isNeither(genderText)) neither = true;
    else cells.fail('gender-invalid', 'gender');
  }
  const periodText = cells.cell('period') ?? opts.period ?? plan.titlePeriod ?? '';
  const period = plan.layout === 'wide' ? '' : lookups.period(periodText);
  if (plan.layout === 'long' && period === undefined) cells.fail(periodText === '' ? 'value-required' : 'period-invalid', 'period', {}, periodText);
  // Surveys are per year (or pooled years, `2015-2018`, as a values file's): a month in a survey or
  // respondent file is a mistake, not a finer grain.
  else if (period !== undefined && isMonthPeriod(period) && (plan.kind === 'survey' || plan.kind === 'answers')) cells.fail('period-not-year', 'period', {}, periodText);
  if (cells.errors.length === 0 && neither) {
    env.out.ignore({ code: 'gender-neither-row', line: row.line, column: cells.col('gender'), received: truncate(genderText!), args: { gender: truncate(genderText!) } });
    return undefined;
  }
  if (plan.genderFilter !== 'all' && !everyGender(cells, env) && !tallyGender(cells, env, gender)) {
    env.out.ignore({ code: 'gender-filtered', line: row.line, column: cells.col('gender'), args: { gender, selected: plan.genderFilter } });
    return undefined;
  }
  // A non-empty status marks an uncertain or confidential value (Kolada): excluded, reported.
  const statusText = cells.cell('status');
  if (cells.errors.length === 0 && statusText !== undefined && statusText !== '' && !/^(na|null)$/i.test(statusText)) {
    env.out.ignore({ code: 'status-excluded', line: row.line, column: cells.col('status'), received: truncate(statusText), args: { status: truncate(statusText) } });
    return undefined;
  }
  return { area, gender, period };
}

/** Whether a row is a survey's figure in a file that reads those for every gender (`RecordPlan.surveyGenders`). */
function everyGender(cells: RowCells, env: RowEnv): boolean {
  return env.plan.surveyGenders === true && env.lookups.surveyFigure(cells.cell('indicator') || env.plan.fileIndicator || '');
}

/**
 * Whether a row of a file read for one gender is read (its gender is that one, or its errors reject
 * it anyway), told to the file's `GenderTally` under the row's indicator as written.
 */
function tallyGender(cells: RowCells, env: RowEnv, gender: Gender): boolean {
  const indicator = cells.cell('indicator') || env.plan.fileIndicator || '';
  if (gender === env.plan.genderFilter) env.genders.kept(indicator);
  else if (cells.errors.length === 0) env.genders.skip(indicator, gender, cells.row.line);
  return gender === env.plan.genderFilter || cells.errors.length > 0;
}

/**
 * A published table's sum row in its area column (`Totalt`, `Summa`, `Samtliga kommuner`,
 * `Jönköpings län totalt`): a sum of the rows, no area. Set aside with an info finding, as a budget
 * file's total rows are (rejected as an unknown area, it failed `validate`). Not in files of answers
 * or budget lines, whose sums are other columns'.
 */
function isSumRow(cells: RowCells, env: RowEnv): boolean {
  if (env.plan.kind !== 'survey' && env.plan.kind !== 'values') return false;
  const text = cells.cell('municipality');
  // Most rows name an area: a cheap look at the raw text first, then the whole test.
  if (text === undefined || !SUM_HINT.test(text) || !SUM_AREA.test(normalizeLabel(text))) return false;
  if (env.lookups.area(text).ok) return false;
  env.out.ignore({ code: 'area-sum-row', line: cells.row.line, column: cells.col('municipality'), received: truncate(text) });
  return true;
}

const SUM_HINT = /tot|summ|s:a|samtlig|alla|hela|länet|lanet/i;
const SUM_AREA = /^(totalt?|total|summa|s:a|samtliga( kommuner)?|alla kommuner|hela lanet|lanet( totalt)?|[\p{L} ]+ lan,? (totalt|summa)|samtliga kommuner i [\p{L} ]+)$/u;

/** Area: a code or name, the organisation's aliases, and the name column checked against the code. */
function readArea(cells: RowCells, env: RowEnv): Area | undefined {
  const { lookups } = env;
  const areaText = cells.cell('municipality') ?? env.opts.municipality ?? env.plan.titleArea ?? '';
  if (lookups.isOrganisation(areaText)) return lookups.orgArea;
  const res = lookups.area(areaText);
  if (!res.ok && res.reason === 'mismatch') cells.fail('area-mismatch', 'municipality', { code: res.code, registered: res.registered, name: res.name });
  else if (!res.ok) cells.fail(areaText === '' ? 'value-required' : 'area-unknown', 'municipality');
  if (!res.ok) return undefined;
  if (res.repairedFrom !== undefined) {
    env.out.findings.push({ code: 'area-code-repaired', line: cells.row.line, column: cells.col('municipality'), received: truncate(areaText), args: { from: res.repairedFrom, to: res.area.code } });
  }
  const nameText = cells.cell('municipalityName');
  // A group (Kolada's `G…`) is known by the name its rows give it.
  if (nameText && res.area.kind === 'group') return { ...res.area, name: nameText };
  if (nameText && res.area.kind === 'municipality') {
    const byName = lookups.area(nameText);
    if (byName.ok && byName.area.code !== res.area.code) {
      cells.fail('area-mismatch', 'municipalityName', { code: res.area.code, registered: res.area.code, name: nameText });
    }
  }
  return res.area;
}

/** A column's trimmed text; undefined when there is no such column. */
export function at(idx: number | undefined, cells: readonly string[]): string | undefined {
  return idx === undefined ? undefined : (cells[idx] ?? '').trim();
}

/** Why a cell is no number, where it is plain: a publisher's mark for a hidden figure, a program's `2024.0`. */
function numberHint(text: string, decimal: DecimalMark): string {
  if (/^#[A-ZÅÄÖ/]+[0!?]*$/i.test(text)) return ': an Excel error value (#DIVISION/0!, #VÄRDEFEL!, #N/A): the formula behind it failed; fix it in the sheet';
  if (/[<>*×]|^x$/i.test(text)) return ': it looks like a publisher\'s mark for a hidden or uncertain figure (a "<" or "*" beside a number, or an "x"), which no report may read as a number; give the number, or leave the cell empty or ".." for a gap';
  if (decimal === ',' && /^-?\d+\.0+$/.test(text)) return ': a whole number written with ".0" by a program (2024.0) in a file of decimal commas; save it without the decimals';
  return '';
}
