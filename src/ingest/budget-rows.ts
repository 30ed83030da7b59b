import type { Role } from '../config/schema.js';
import { BUDGET_AMOUNTS, BudgetTable } from '../model/budget-table.js';
import { budgetRecordSchema, type BudgetRecord } from '../model/records.js';
import { createRowIndex } from '../model/row-index.js';
import { normalizeLabel, TextIndex, truncate } from '../model/text.js';
import { BudgetGrain } from './budget-grain.js';
import { settleEmptyLines } from './budget-headings.js';
import { committeeLine, nameCommitteeLines } from './budget-committees.js';
import { BudgetDetail } from './budget-detail.js';
import { budgetYearNamed, forecastYearNamed, titleAgainstRows, YearToDateDating } from './budget-dating.js';
import { unbookedOutcomes } from './budget-booked.js';
import { finishBudget, settleUnit, UNIT_SCALE } from './budget-finish.js';
import { budgetBytes } from './budget-bytes.js';
import { checkRunningTotals } from './budget-running.js';
import { forecastImplausible } from './budget-forecast.js';
import { checkMonthSums } from './budget-month-sums.js';
import type { ByteRowReader, TextOf } from './byte-cells.js';
import { memo, type Place } from './cell-lookups.js';
import { isDash, parseNumber, plainNumber, plainNumberBytes, type DecimalMark } from './number.js';
import type { RecordOptions, RecordsResult } from './record-options.js';
import { at, type RowCells, type RowEnv, type RowReader, type SharedFields } from './row-fields.js';
import type { Row } from './table.js';

/**
 * Whether a budget line's text names a sum, not an activity: a total (`Summa`, `Totalt`, `Totalt
 * kommunen`), checked against the lines beside it, or a subtotal (`Delsumma …`), left out without
 * that check (it sums only some of them), or a part of the line above it (`varav hemtjänst`,
 * `- därav …`), which that line already counts. `Totalt stöd och service` is an activity: "Totalt"
 * with words after it is a total only when they name the whole (the municipality, the committee…).
 * Excel's pivot tables write a group's sum after it (`Kommunstyrelsen Summa`, `Totalsumma`), and
 * others `S:a …`, `…, summa`, `… totalt`: totals too.
 * A resultaträkning's sums: a `result` (`Årets resultat`, `Resultat efter finansiella poster`) is
 * never a line, and `net-cost` (`Verksamhetens nettokostnader`) is the sum of the operating lines
 * where the file has them, else the one line of costs (see `finishBudget`).
 */
export function sumKind(activity: string): 'total' | 'subtotal' | 'part' | 'result' | 'net-cost' | undefined {
  const t = activity.trim().toLowerCase();
  if (/^[-–•*]?\s*(varav|därav)\b/.test(t)) return 'part';
  if (/^(årets resultat|resultat (före|efter)\b|verksamhetens resultat|balanskravsresultat|(net )?result (for the year|before|after)\b)/.test(t)) return 'result';
  if (/^(verksamhetens )?nettokostnad(er)?$|^net (operating )?costs$/.test(t)) return 'net-cost';
  if (/^(delsumma|delsummor|delsum|subtotal)\b/.test(t)) return 'subtotal';
  if (/^(summa|sum|totalsumma|s:a)(\b|$|\s)/.test(t) || /^s:a/.test(t)) return 'total';
  if (/\S[,\s]+(summa|totalt|totalsumma)$/.test(t)) return 'total';
  if (/^(totalt?|total)\s*[:.–-]?\s*$/.test(t)) return 'total';
  if (/^(totalt?|total)\s+(för\s+)?(hela\s+)?(kommunen|nämnden|förvaltningen|organisationen|verksamhet(en|erna)?|alla( verksamheter)?|samtliga( verksamheter)?)\b/.test(t)) return 'total';
  return undefined;
}

/**
 * Room for the rows a budget file of this size holds at the first rows' average length (in
 * characters, which a UTF-8 file spends more bytes on: room to spare), a tenth more, up to 4M rows;
 * the columns grow by doubling past that, or from 1024 rows when the size is not known. Room for
 * every row a file could have (~24 bytes each) would be over twice too much, and that many typed
 * arrays at once make V8 collect for "external memory pressure" before the first row.
 */
export function budgetCapacity(fileBytes: number | undefined, sample: readonly Row[]): number {
  if (fileBytes === undefined) return 1024;
  let chars = 0;
  const rows = sample.slice(0, 2000);
  for (const row of rows) for (const cell of row.cells) chars += cell.length + 1;
  const perRow = rows.length > 0 ? Math.max(8, chars / rows.length) : 24;
  return Math.max(1024, Math.min(1 << 22, Math.ceil((fileBytes / perRow) * 1.1)));
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

/** The amount columns in the order a table keeps them, then a stated deviation. */
const AMOUNT_ROLES: readonly Role[] = [...BUDGET_AMOUNTS, 'deviation'];
/** A stated deviation's header that names it to date (`Avvikelse ack`, `Avvikelse hittills`, `deviation ytd`). */
const TO_DATE = /\b(ack|ackumulerad|ackumulerat|hittills|ytd|period)\b/;

/**
 * A budget file's rows, kept in file order as columns (sign, totals and deviations need the whole
 * file): the duplicate check holds row numbers, a given deviation sits beside the few rows that
 * have one, and whether rows are dated by month or by year is settled at the end.
 */
export class BudgetRows implements RowReader {
  readonly table: BudgetTable;
  /** The deviation a row states (by row), for the few files that have one. */
  private given = new Map<number, number>();
  /** Lines of rows with no amount but an area or period of their own: headings unless their line has amounts elsewhere (see `heading`). */
  private readonly emptyLines = new Set<number>();
  /** Lines of the section headings set aside: where a total row's section starts (see `totalParts`). */
  private readonly headings: number[] = [];
  /** Rows whose key a later row gave different amounts: their figures are left out (see `conflict`). */
  private readonly conflicted = new Set<number>();
  private readonly seen: BudgetKeys;
  private readonly isTotal = memo((activity) => sumKind(activity) ?? '');
  private readonly grain: BudgetGrain;
  /** Rows' periods against the months the year-to-date columns name. */
  private readonly dating: YearToDateDating;
  private readonly decimal: DecimalMark;
  private readonly dash: RecordOptions['dash'];
  /** Decimal places each amount column's unit moves (see `UNIT_SCALE`), in `AMOUNT_ROLES` order. */
  private readonly scales: number[];
  /** Whether the quick path may take rows: nothing in the header asks for the general path's checks. */
  private readonly fast: boolean;
  private readonly area: number | undefined;
  private readonly period: number | undefined;
  private readonly service: number | undefined;
  private readonly indicator: number | undefined;
  /** The amount columns, in `AMOUNT_ROLES` order. */
  private readonly amounts: (number | undefined)[];
  /** One row's amounts as the quick path reads them (reused row after row). */
  private readonly quickAmounts: (number | null)[] = AMOUNT_ROLES.map(() => null);
  private readonly areaDefault: string;
  private readonly periodDefault: string;
  /** The committee column (`Nämnd`), whose rows take the general path. */
  private readonly committee: number | undefined;
  /** The parts of lines in detail columns (`Kontoklass`, `Ansvar`), whose rows take the general path too. */
  private readonly detail: BudgetDetail | undefined;
  /** The most rows added into one line: the rounding a sum of them may carry. */
  private partsPerLine = 1;

  constructor(private readonly env: RowEnv, sample: readonly Row[]) {
    const { plan, opts, lookups } = env;
    const roles = plan.roles;
    this.table = new BudgetTable(opts.file, budgetCapacity(opts.fileBytes, sample));
    this.seen = budgetKeys(this.table, lookups.activityKey);
    this.grain = new BudgetGrain();
    this.dating = new YearToDateDating(plan.header.ytdMonth);
    this.decimal = plan.decimal;
    this.dash = opts.dash;
    this.scales = AMOUNT_ROLES.map((r) => UNIT_SCALE[plan.columnUnits[r] ?? plan.unit]);
    this.committee = plan.header.committee;
    this.detail = plan.header.detail === undefined ? undefined : new BudgetDetail(plan.header.detail, env.table.headers);
    this.fast = plan.layout === 'long' && roles.municipalityName === undefined && roles.status === undefined && roles.gender === undefined && this.committee === undefined && this.detail === undefined;
    this.area = roles.municipality;
    this.period = roles.period;
    this.service = roles.service;
    this.indicator = roles.indicator;
    this.amounts = AMOUNT_ROLES.map((r) => roles[r]);
    this.areaDefault = opts.municipality ?? plan.titleArea ?? '';
    this.periodDefault = opts.period ?? plan.titlePeriod ?? '';
  }

  /**
   * The common budget row: every amount readable and at least one given, a known area, period and
   * activity, not seen before. It is kept as the schema would return it (the parsers give only what
   * the schema allows; an amount scaled past what a number holds goes the general way). A row with
   * no amount is a heading or a padded footnote: the general path says which.
   */
  quick(row: Row): boolean {
    if (!this.fast) return false;
    const cells = row.cells;
    const { lookups, shape } = this.env;
    if (!shape.ordinary(cells)) return false;
    const place = lookups.place(at(this.area, cells) ?? this.areaDefault);
    const written = lookups.period(at(this.period, cells) ?? this.periodDefault);
    const period = this.dating.date(written);
    const activityText = at(this.service, cells) || at(this.indicator, cells) || '';
    if (place === undefined || period === undefined || activityText === '') return false;
    const amounts = this.quickAmounts;
    let given = false;
    for (let k = 0; k < amounts.length; k++) {
      const idx = this.amounts[k];
      const v = idx === undefined ? null : this.amountOf(cells[idx]!, k);
      if (v === undefined) return false;
      amounts[k] = v;
      given ||= v !== null;
    }
    if (!given) return false;
    const added = this.take(place, period, activityText, amounts, row.line);
    if (added < 0) return false;
    this.dating.used(written!);
    if (this.grain.note(added, period.length === 4)) this.grain.keep(added, this.env.out.text(row));
    return true;
  }

  /** The quick path over a block's bytes (see `budgetBytes`), when the quick path may take rows. */
  bytes(textOf: TextOf): ByteRowReader | undefined {
    if (!this.fast) return undefined;
    return budgetBytes(this, this.env, { area: this.areaDefault, period: this.periodDefault, amounts: this.amounts }, textOf);
  }

  /** The period a row is read at, and the one written (see `YearToDateDating.date`); undefined when it cannot be read. */
  date(period: string | undefined): { written: string; read: string } | undefined {
    const read = this.dating.date(period);
    return read === undefined ? undefined : { written: period!, read };
  }

  /** Notes a row the byte path added, by the period written (see `YearToDateDating.used`). */
  used(period: string): void {
    this.dating.used(period);
  }

  /** Whether the quick path keeps this table row's text (see `BudgetGrain.note`); then `keepText`. */
  wantsText(added: number, period: string): boolean {
    return this.grain.note(added, period.length === 4);
  }

  keepText(added: number, text: string): void {
    this.grain.keep(added, text);
  }

  /**
   * Adds a row the quick path read whole (`amounts` in AMOUNT_ROLES order, null where missing);
   * its table index, or -1 when its key was read before (the general path reports that).
   */
  take(place: Place, period: string, activityText: string, amounts: readonly (number | null)[], line: number): number {
    const table = this.table;
    const areaId = table.areaId(place.area);
    // A year is kept as written until the file's grain is known (see `BudgetGrain`).
    const monthId = table.monthId(period);
    const activityId = table.activityId(this.env.lookups.kept(activityText));
    if (this.seen.claim(areaId, monthId, activityId) >= 0) return -1;
    const added = table.push(areaId, monthId, activityId, line, amounts[0]!, amounts[1]!, amounts[2]!, amounts[3]!, amounts[4]!, amounts[5]!);
    if (amounts[6] !== null) this.given.set(added, amounts[6]!);
    this.env.out.counts.used++;
    return added;
  }

  /** `amountOf` for a cell's bytes: the plain number read from them, any other cell decoded first. */
  amountOfBytes(bytes: Uint8Array, start: number, end: number, textOf: TextOf, k: number): number | null | undefined {
    const v = plainNumberBytes(bytes, start, end, this.decimal, this.scales[k]!);
    return v !== undefined ? v : this.amountOf(textOf(bytes.subarray(start, end)), k);
  }

  /** The `k`th amount cell (`AMOUNT_ROLES` order) as the quick path takes it: null when missing, undefined when it needs the general path. */
  amountOf(text: string, k: number): number | null | undefined {
    const scale = this.scales[k]!;
    const v = plainNumber(text, this.decimal, scale);
    if (v !== undefined) return v;
    // A dash read as zero, a comma read as grouping: said (`RowCells.readings`), so the general path counts them.
    if ((this.dash !== 'missing' && isDash(text)) || (this.decimal === '.' && text.includes(','))) return undefined;
    const parsed = parseNumber(text.trim(), this.decimal, this.dash, scale);
    if (parsed.kind !== 'value') return parsed.kind === 'missing' ? null : undefined;
    return Number.isFinite(parsed.value) ? parsed.value : undefined;
  }

  read(cells: RowCells, shared: SharedFields): void {
    const { lookups, plan, opts, out } = this.env;
    const row = cells.row;
    const written = lookups.kept(cells.cell('service') || cells.cell('indicator') || '');
    const committee = this.committee === undefined ? '' : (row.cells[this.committee] ?? '').trim();
    // A committee's heading or sum is written in its column, the activity's left empty.
    const activity = written === '' ? lookups.kept(committeeSum(committee)) : written;
    const lineText = written !== '' && committee !== '' ? committeeLine(activity, committee) : activity;
    if (this.heading(cells, activity, written === '' && committee !== '' ? this.committee! + 1 : undefined)) return;
    const { area } = shared;
    const period = this.datePeriod(cells, shared.period);
    if (activity === '') cells.fail('value-required', plan.roles.service !== undefined ? 'service' : 'indicator');
    const amt = (role: Role) => cells.num(role, this.scales[AMOUNT_ROLES.indexOf(role)]!);
    const month = period === undefined ? undefined : period.length === 4 ? `${period}-12` : period;
    const rec = {
      kind: 'budget', area, period: month, activity, source: { file: opts.file, line: row.line },
      budgetYear: amt('budgetYear'), budgetYtd: amt('budgetYtd'), budgetMonth: amt('budgetMonth'),
      actualYtd: amt('actualYtd'), actualMonth: amt('actualMonth'), forecast: amt('forecast'),
    };
    const given = amt('deviation');
    const key = [area?.code ?? '', month ?? '', lookups.activityKey(activity), ...(lineText === activity ? [] : [committee])];
    if (cells.errors.length > 0 || area === undefined) {
      out.rejectFor(row, cells.errors);
      return;
    }
    const parsed = budgetRecordSchema.safeParse(rec);
    if (!parsed.success) {
      cells.outOfRange(parsed.error.issues, out.findings);
      out.reject(row, 'value-out-of-range');
      return;
    }
    const table = this.table;
    // The area as read (one object per area in a file), not the schema's copy of it.
    const areaId = table.areaId(area);
    const monthId = table.monthId(period!);
    const activityId = table.activityId(lineText === activity ? parsed.data.activity : lineText);
    const prior = this.seen.claim(areaId, monthId, activityId);
    if (prior >= 0 && this.keepPart(prior, row, parsed.data, given)) return;
    if (prior >= 0 && this.emptyLines.has(table.line[prior]!)) {
      this.fillEmpty(prior, row.line, parsed.data, given);
      return;
    }
    // A line whose rows disagreed takes no more figures: a part added to it would stand for the line.
    if (prior >= 0 && this.conflicted.has(prior)) {
      out.findings.push({ code: 'duplicate-conflict', line: row.line, args: { first: table.line[prior]!, key: key.join(' / ') } });
      this.conflict(row, prior, key.join(' / '));
      return;
    }

    // This row empty, the key's earlier row with amounts: nothing to weigh against them.
    if (prior >= 0 && this.emptyLines.delete(row.line)) {
      out.ignore({ code: 'budget-row-empty', line: row.line, args: { other: table.line[prior]! } });
      return;
    }
    if (prior >= 0) {
      const fingerprint = [rec.budgetYear, rec.budgetYtd, rec.budgetMonth, rec.actualYtd, rec.actualMonth, rec.forecast];
      const same = BUDGET_AMOUNTS.every((_, i) => table.amount(prior, i) === fingerprint[i]);
      out.findings.push({ code: same ? 'duplicate-row' : 'duplicate-conflict', line: row.line, args: { first: table.line[prior]!, key: key.join(' / ') } });
      if (same) out.counts.ignored++;
      else this.conflict(row, prior, key.join(' / '));
      return;
    }
    const v = parsed.data;
    const added = table.push(areaId, monthId, activityId, row.line, v.budgetYear, v.budgetYtd, v.budgetMonth, v.actualYtd, v.actualMonth, v.forecast);
    this.detail?.keep(added, row.cells, BUDGET_AMOUNTS.map((k) => v[k]), given, row.line);
    if (this.grain.note(added, period!.length === 4)) this.grain.keep(added, out.text(row));
    if (given !== null) this.given.set(added, given);
    this.dating.used(shared.period!);
    out.counts.used++;
  }

  /** A file with detail columns: every row of a line is kept (counted used), and the line settled at the end. */
  private keepPart(prior: number, row: Row, v: Pick<BudgetRecord, (typeof BUDGET_AMOUNTS)[number]>, given: number | null): boolean {
    if (this.detail === undefined) return false;
    this.detail.keep(prior, row.cells, BUDGET_AMOUNTS.map((k) => v[k]), given, row.line);
    this.env.out.counts.used++;
    return true;
  }

  /** Settles the lines of a file with detail columns (see `BudgetDetail`), its counts and findings. */
  private settleDetail(out: RecordsResult, headerLine: number): void {
    const settled = this.detail!.settle(this.table, this.given, headerLine);
    this.partsPerLine = settled.most;
    out.findings.push(...settled.findings);
    out.counts.used -= settled.left;
    out.counts.ignored += settled.left;
    for (const c of settled.conflicted) {
      out.counts.used -= c.rows;
      out.counts.ignored += 1;
      out.counts.rejected += c.rows - 1;
    }
    // A line's first row without amounts, given them by its parts, is no empty line.
    for (const row of settled.settled) this.emptyLines.delete(this.table.line[row]!);
  }

  /**
   * A second row of a key with other amounts: two values for one cell are rejected, never picked
   * (a per-account export, `Intäkter`/`Kostnader`/`Netto` under one activity, would otherwise show
   * its first account as the line). This row is rejected; the first keeps its place with no
   * figures, as a month two files disagree on is left, and is counted ignored with a finding.
   */
  private conflict(row: Row, prior: number, key: string): void {
    const { out } = this.env;
    out.reject(row, 'duplicate-conflict');
    if (this.conflicted.has(prior)) return;
    this.conflicted.add(prior);
    this.table.blank(prior);
    this.given.delete(prior);
    out.counts.used--;
    out.ignore({ code: 'duplicate-conflict-first', line: this.table.line[prior]!, args: { other: row.line, key } });
  }

  /**
   * An earlier row of this key with no amount (a month left empty, read as a line) and now one with
   * amounts: no conflict, the amounts are the line's. The empty row is counted ignored instead.
   */
  private fillEmpty(prior: number, line: number, v: Pick<BudgetRecord, (typeof BUDGET_AMOUNTS)[number]>, given: number | null): void {
    const { out } = this.env;
    const empty = this.table.line[prior]!;
    this.emptyLines.delete(empty);
    this.table.overwrite(prior, line, BUDGET_AMOUNTS.map((k) => v[k]));
    if (given !== null) this.given.set(prior, given);
    out.ignore({ code: 'budget-row-empty', line: empty, args: { other: line } });
  }

  /** The row's period as `YearToDateDating` dates it; an error noted when it contradicts the columns. */
  private datePeriod(cells: RowCells, period: string | undefined): string | undefined {
    const dated = this.dating.date(period);
    if (dated === undefined && period !== undefined) {
      const { plan, opts } = this.env;
      const received = cells.cell('period') ?? opts.period ?? plan.titlePeriod ?? period;
      cells.errors.push(this.dating.conflict(period, cells.row.line, plan.roles.period, received));
    }
    return dated;
  }

  /**
   * A line with text and not one amount cell filled (`Vård och omsorg;;;`) is a section heading over
   * the lines below it: read as a line it would show empty and leave every sum over it without
   * figures. It is set aside with a finding, whatever its other cells say: with no amount there is
   * nothing in it to reject. A row with an area or a period of its own may instead be a month a line
   * has no figures for (which `budget-months-missing` must say): it is read, and set aside at the end
   * only if its line has no amount anywhere in the file (`settleEmptyLines`).
   */
  private heading(cells: RowCells, activity: string, at?: number): boolean {
    if (activity === '') return false;
    const row = cells.row.cells;
    for (const idx of this.amounts) if (idx !== undefined && (row[idx] ?? '').trim() !== '') return false;
    if ((cells.cell('period') ?? '').trim() !== '' || (cells.cell('municipality') ?? '').trim() !== '') {
      this.emptyLines.add(cells.row.line);
      return false;
    }
    const column = at ?? cells.col(cells.cell('service') ? 'service' : 'indicator');
    // `Investeringar` over project lines starts another table: its rows are no operating lines.
    if (this.env.shape.startsOtherTable(activity, cells.row.line)) {
      this.env.out.findings.push({ code: 'row-other-header', line: cells.row.line, column, received: truncate(activity) });
      this.env.out.reject(cells.row, 'row-other-header');
      return true;
    }
    this.env.out.ignore({ code: 'budget-heading', line: cells.row.line, column, received: truncate(activity) });
    this.headings.push(cells.row.line);
    return true;
  }

  /** Settles the file's grain, sign and unit, checks totals and deviations, and hands on the lines. */
  finish(out: RecordsResult): void {
    const { plan, opts, table: head } = this.env;
    const table = this.table;
    const moved = new Map<number, number>();
    const dropped = this.grain.settle(table, plan.roles.period, out, (from, to) => {
      const g = this.given.get(from);
      if (g !== undefined) moved.set(to, g);
    });
    if (dropped > 0) this.given = moved;
    if (this.detail !== undefined) this.settleDetail(out, head.headerLine);
    if (this.emptyLines.size > 0) this.given = settleEmptyLines(table, this.emptyLines, this.given, out, this.headings);
    if (this.committee !== undefined) nameCommitteeLines(table);
    out.findings.push(...this.dating.findings(head.headerLine), ...budgetYearNamed(plan.header.map.budgetYearNamed, table.months, head.headerLine), ...forecastYearNamed(plan.header.map.forecastYearNamed, table, head.headerLine), ...titleAgainstRows(plan.titleAside, table, head.headerLine));
    const headings = this.headings.sort((x, y) => x - y);
    const deviation = plan.roles.deviation === undefined ? '' : head.headers[plan.roles.deviation]!;
    const summed = finishBudget(table, this.given, this.isTotal, opts.sign, out, out.unit ?? 'kr', headings, TO_DATE.test(normalizeLabel(deviation)));
    // Before the unit check, which makes monthly amounts annual otherwise than year-to-date ones.
    const columns = { roles: { ...plan.roles }, headers: head.headers, mapped: opts.columns, headerLine: head.headerLine };
    const totals = unbookedOutcomes(table, out, head.headerLine, summed);
    const forecastAt = plan.roles.forecast;
    out.findings.push(...forecastImplausible(table, forecastAt === undefined ? undefined : { text: head.headers[forecastAt]!, column: forecastAt + 1 }, totals));
    checkRunningTotals(table, columns, totals, out.findings);
    settleUnit(table, out, opts, !plan.unitAssumed, head.headerLine, totals);
    // On the settled unit and sign (to give both figures as written), and the roles as settled above.
    // Rounding is judged in the coarsest unit the columns are written in (months in kr beside a year to date in tkr).
    const factor = Math.max(...(['budgetYtd', 'budgetMonth', 'actualYtd', 'actualMonth'] as const).map((r) => 10 ** UNIT_SCALE[plan.columnUnits[r] ?? out.unit ?? 'kr']));
    checkMonthSums(table, { ...columns, factor, parts: this.partsPerLine, sign: out.sign, signAreas: out.signAreas }, totals, out.findings);
    // Total rows were read, checked and reported; the report sums the lines itself.
    if (totals.size > 0) table.retain((i) => !totals.has(i));
    out.budget = table;
  }
}

/**
 * A committee column's own sum row (`Totalt Kommunstyrelsen`, `Kommunstyrelsen Resultat`, as pivot
 * tables write them) named so that it reads as the total it is; any other text as written.
 */
function committeeSum(text: string): string {
  return sumKind(text) === undefined && /^(totalt?|total)\s|\s(resultat|result)$/i.test(text) ? `Summa ${text}` : text;
}
