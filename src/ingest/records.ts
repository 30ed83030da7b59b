import type { Kind } from '../config/schema.js';
import { detach } from '../model/text.js';
import { AnswerRows } from './answer-rows.js';
import { BudgetRows } from './budget-rows.js';
import type { ByteRowReader, TextOf } from './byte-cells.js';
import { CellLookups } from './cell-lookups.js';
import { GenderTally } from './gender-tally.js';
import type { HeaderPlan } from './header-plan.js';
import type { DecimalMark } from './number.js';
import type { RecordOptions, RecordsResult, TableHead } from './record-options.js';
import { planRecords, type RecordPlan } from './record-plan.js';
import { checkShape, readShared, RowCells, RowOutcomes, RowShape, type ReadingCode, type RowEnv, type RowReader } from './row-fields.js';
import { joinCells, type Row } from './table.js';
import { ValueRows } from './value-rows.js';

export type { RejectedRow, RowCounts, Sign } from '../model/input.js';
export type { RecordOptions, RecordsResult, TableHead } from './record-options.js';
export type { Row };

/** Takes a file's rows one at a time, so a national file never has to be held in memory. */
export interface RecordBuilder {
  row(row: Row): void;
  /** Reads rows from their bytes where the file's kind can (see `byte-cells.ts`); a false row goes to `row`. */
  byteRows(textOf: TextOf): ByteRowReader | undefined;
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
 * row (an info finding). The steps: a plan from the header (`planRecords`), then each row through
 * its kind's reader (`AnswerRows`, `ValueRows`, `BudgetRows`): its quick path when the row is the
 * common one, else the shared checks (`checkShape`, `readShared`) and the reader's general path.
 */
export function createRecordBuilder(table: TableHead, sample: readonly Row[], opts: RecordOptions, rawText?: (row: Row) => string): RecordBuilder {
  const plan = planRecords(table, sample, opts);
  // A one-cell row's text is its cell, a view into the block (see `detach`).
  const out = new RowOutcomes(plan.findings, (row) => detach(rawText ? rawText(row) : joinCells(row.cells, table.delimiter)));
  const result: RecordsResult = { rejects: out.rejects, layout: plan.layout, kolada: plan.kolada, decimal: plan.decimal, records: out.records, findings: plan.findings, counts: out.counts };
  if (plan.kind !== undefined) result.kind = plan.kind;
  if (plan.failed !== undefined) return new TableRecords(plan, out, result, opts, table);
  if (plan.kind === 'budget') result.unit = plan.unit;
  if (plan.kind === 'survey' && plan.roles.share !== undefined) result.shareHeader = table.headers[plan.roles.share]!;
  const lookups = new CellLookups(opts, plan.header.zeroIsNation, plan.pooled);
  const env: RowEnv = { opts, table, plan, out, lookups, shape: new RowShape(table.headers), genders: new GenderTally(plan.genderFilter) };
  const reader = plan.kind === 'answers' ? new AnswerRows(env) : plan.kind === 'budget' ? new BudgetRows(env, sample) : new ValueRows(env);
  return new TableRecords(plan, out, result, opts, table, { env, reader });
}

/** A table's rows to records, by its plan; every row rejected when the header could not be read. */
class TableRecords implements RecordBuilder {
  readonly kind: Kind | undefined;
  readonly decimal: DecimalMark;
  readonly plan: HeaderPlan;
  /** Per reading said once (`RowCells.readings`): the first cell's place and how many. */
  private readonly readings = new Map<ReadingCode, { line: number; column: number; count: number }>();

  constructor(
    private readonly recordPlan: RecordPlan,
    private readonly out: RowOutcomes,
    private readonly result: RecordsResult,
    private readonly opts: RecordOptions,
    private readonly table: TableHead,
    private readonly reading?: { env: RowEnv; reader: RowReader },
  ) {
    this.kind = result.kind;
    this.decimal = recordPlan.decimal;
    this.plan = recordPlan.header;
  }

  row(row: Row): void {
    this.out.counts.read++;
    const reading = this.reading;
    if (reading === undefined) return this.out.reject(row, this.recordPlan.failed!);
    const under = reading.env.shape.otherHeaderLine;
    if (under !== undefined) return this.underOtherHeader(row);
    if (reading.reader.quick(row)) return;
    const { env, reader } = reading;
    if (!checkShape(row, env)) return;
    const cells = new RowCells(row, this.recordPlan, this.table.headers, this.opts.dash);
    const fields = readShared(cells, env);
    if (fields !== undefined) reader.read(cells, fields);
    if (cells.errors.length === 0) for (const r of cells.readings) this.note(r.code, row.line, r.column);
  }

  /** A row under another table's header: not this table's, rejected (a project's line added into the operating total). */
  private underOtherHeader(row: Row): void {
    // The header's line is not in the message: in a file of answers it would say where a group's rows end.
    this.out.findings.push({ code: 'row-under-other-header', line: row.line });
    this.out.reject(row, 'row-under-other-header');
  }

  /** A cell read one way of two: counted, the first one's place kept, said once at the end. */
  private note(code: ReadingCode, line: number, column: number): void {
    const seen = this.readings.get(code) ?? this.readings.set(code, { line, column, count: 0 }).get(code)!;
    seen.count++;
  }

  byteRows(textOf: TextOf): ByteRowReader | undefined {
    const read = this.reading?.reader.bytes?.(textOf);
    if (read === undefined) return undefined;
    const counts = this.out.counts;
    const shape = this.reading!.env.shape;
    return (bytes, bounds, line) => {
      // Under another table's header every row goes to `row`, which rejects it.
      if (shape.otherHeaderLine !== undefined || !read(bytes, bounds, line)) return false;
      counts.read++;
      return true;
    };
  }

  /**
   * Text csv-parse could not read (in practice an unterminated quote, which swallows the rest of
   * the file): each of its lines a rejected row, so the counts say how much was lost (a stray
   * quote on line 11 of 240 lines is 230 rows rejected, not one).
   */
  unreadable(u: { line: number; text: string }): void {
    const lines = u.text.split(/\r\n|\n|\r/);
    lines.forEach((text, k) => {
      if (text.trim() === '' && lines.length > 1) return;
      this.out.counts.read++;
      this.out.counts.rejected++;
      this.out.rejects.push({ line: u.line + k, reason: 'csv-syntax', text });
    });
  }

  finish(truncatedAt?: number): RecordsResult {
    const { findings } = this.out;
    if (truncatedAt !== undefined && this.opts.maxRows !== undefined) findings.push({ code: 'rows-limit', line: truncatedAt, args: { limit: this.opts.maxRows } });
    const pooled = this.reading?.env.lookups.pooled ?? this.recordPlan.pooled;
    // A later part of a split file says it too (its pooled periods may be the file's first): `mergeParts` keeps the first.
    if (pooled !== undefined) findings.push({ code: 'period-pooled', line: this.table.headerLine, args: { example: pooled } });
    const lookups = this.reading?.env.lookups;
    if (lookups !== undefined && (lookups.sawNeither || (lookups.sawBlank && this.recordPlan.roles.gender !== undefined))) findings.push({ code: 'gender-neither', line: this.table.headerLine });
    if (this.reading !== undefined) findings.push(...this.reading.env.genders.findings());
    for (const [code, r] of this.readings) findings.push({ code, line: r.line, column: r.column, args: { count: r.count } });
    const tertial = this.reading?.env.lookups.tertial;
    if (tertial !== undefined) findings.push({ code: 'period-tertial', line: this.table.headerLine, args: { text: tertial.text, period: tertial.period } });
    const positives = this.reading?.env.lookups.builtInPositives;
    if (this.kind === 'answers' && positives !== undefined && positives.size > 0) this.result.builtInPositives = [...positives].sort();
    this.reading?.reader.finish(this.result);
    return this.result;
  }
}
