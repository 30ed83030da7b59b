import { AnswerTable, EXCLUDED, OTHER, POSITIVE, REJECTED, SCORES } from '../model/answer-table.js';
import type { Gender } from '../model/records.js';
import { isMonthPeriod } from '../model/period.js';
import type { Area } from '../model/register.js';
import type { Counted } from './answers.js';
import { answerBytes } from './answer-bytes.js';
import type { ByteRowReader, TextOf } from './byte-cells.js';
import { areaKey, type Place } from './cell-lookups.js';
import { GroupIndex } from './groups.js';
import type { RecordsResult } from './record-options.js';
import { RespondentSet, type AnswerSink } from './respondents.js';
import { at, type RowCells, type RowEnv, type RowReader, type SharedFields } from './row-fields.js';
import type { Row } from './table.js';


/** A cell as the byte path keeps it (see `AnswerRows.cellOf`). */
interface AnswerCell {
  slots: (number | undefined)[];
  key: string;
  respondent: unknown;
}

/**
 * Respondent-level rows (one answer each), counted per group, not kept: memory follows groups, not
 * rows. Groups are found area → period → question → service → gender (nested maps: no key text
 * built per row) to a group's number in an `AnswerTable`, counts added as rows come, its source its
 * first row.
 */
export class AnswerRows implements RowReader {
  private readonly groups: AnswerTable;
  private readonly index = new GroupIndex<number>();
  /** Where answers that name their respondent go, for the check for answers read twice. */
  private readonly respondents: AnswerSink | undefined;
  /** Each cell's part of the respondent key, worked out once (found by the cell's gender slots). */
  private readonly cellHashes = new Map<object, unknown>();
  /** Whether the quick path may take rows: nothing in the header asks for the general path's checks. */
  private readonly fast: boolean;
  private readonly area: number | undefined;
  private readonly gender: number | undefined;
  private readonly period: number | undefined;
  private readonly indicator: number | undefined;
  private readonly answer: number | undefined;
  private readonly service: number | undefined;
  private readonly respondent: number | undefined;
  /** A count column (`Antal`): each row is an answer given by that many respondents (see `read`). */
  private readonly counted: boolean;
  /** A distribution's rows for the total (`Totalt`), per cell: reconciled with its genders at the end (see `settleTotals`). */
  private readonly totals = new Map<(number | undefined)[], { area: Area; period: string; indicator: string; service: string; line: number; counts: Map<Counted, number> }>();
  private readonly areaDefault: string;
  private readonly periodDefault: string;

  constructor(private readonly env: RowEnv) {
    const { plan, opts } = env;
    const roles = plan.roles;
    this.groups = new AnswerTable(opts.file);
    this.respondents = roles.respondent !== undefined ? (opts.answerSink ?? new RespondentSet()) : undefined;
    // A respondent's row is one answer whatever else it says: a count column is no count of it.
    this.counted = roles.n !== undefined && roles.respondent === undefined;
    this.fast = plan.layout === 'long' && roles.municipalityName === undefined && roles.status === undefined && plan.genderFilter === 'all' && !this.counted;
    this.area = roles.municipality;
    this.gender = roles.gender;
    this.period = roles.period;
    this.indicator = roles.indicator;
    this.answer = roles.answer;
    this.service = roles.service;
    this.respondent = roles.respondent;
    this.areaDefault = opts.municipality ?? plan.titleArea ?? '';
    this.periodDefault = opts.period ?? '';
  }

  /** The common row: every cell readable, nothing to report. */
  quick(row: Row): boolean {
    if (!this.fast) return false;
    const cells = row.cells;
    const { lookups, shape } = this.env;
    if (!shape.ordinary(cells)) return false;
    const place = lookups.place(at(this.area, cells) ?? this.areaDefault);
    if (place === undefined) return false;
    const genderText = at(this.gender, cells);
    const gender = genderText === undefined ? 'T' : lookups.respondentGender(genderText);
    const period = lookups.period(at(this.period, cells) ?? this.periodDefault);
    const indicator = at(this.indicator, cells) ?? '';
    // A year goes by on its length; pooled years (`2019/20`) are taken too, a month is rejected by `read`.
    if (gender === undefined || period === undefined || (period.length !== 4 && isMonthPeriod(period)) || indicator === '') return false;
    const answerClass = lookups.classify(indicator, at(this.answer, cells) ?? '');
    if (answerClass === undefined) return false;
    const service = at(this.service, cells) ?? '';
    return this.take(place, period, indicator, service, gender, answerClass, row.line, at(this.respondent, cells) ?? '');
  }

  /** The quick path over a block's bytes (see `AnswerBytes`), when the quick path may take rows. */
  bytes(textOf: TextOf): ByteRowReader | undefined {
    if (!this.fast) return undefined;
    return answerBytes(this, this.env, { area: this.areaDefault, period: this.periodDefault }, textOf);
  }

  /** Counts a row the quick path read whole: its group, its respondent (`respondent` the trimmed text). */
  private take(place: Place, period: string, indicator: string, service: string, gender: Gender, answerClass: Counted, line: number, respondent: string): true {
    const cell = this.count(place.area, place.key, period, indicator, service, gender, answerClass, line);
    if (this.respondents !== undefined) this.keepRespondent(cell, place.key, period, service, indicator, respondent, line);
    this.env.out.counts.used++;
    return true;
  }

  /**
   * A cell's gender slots, and room for its part of the respondent key (worked out at the first
   * answer that names a respondent, as `keepRespondent` does): what the byte path keeps per
   * question while a run's area, period and service last.
   */
  cellOf(place: Place, period: string, indicator: string, service: string): AnswerCell {
    return { slots: this.index.slots(place.key, period, indicator, service), key: place.key, respondent: undefined };
  }

  /** `take` for a cell found by `cellOf`. */
  takeIn(cell: AnswerCell, area: Area, period: string, indicator: string, service: string, gender: Gender, answerClass: Counted, line: number, respondent: string): true {
    this.countIn(cell.slots, area, period, indicator, service, gender, answerClass, line);
    if (this.respondents !== undefined && respondent !== '') {
      // Worked out once per run of the cell's rows (a map of every cell's key cost more than it saved).
      this.respondents.add((cell.respondent ??= this.respondents.cell(cell.key, period, service, indicator)), respondent, line);
    }
    this.env.out.counts.used++;
    return true;
  }

  read(cells: RowCells, { area, gender, period }: SharedFields): void {
    const { lookups, plan, out } = this.env;
    const row = cells.row;
    const service = lookups.kept(cells.cell('service') ?? '');
    const indicator = lookups.kept(cells.cell('indicator') || plan.fileIndicator || '');
    const answerClass = lookups.classify(indicator, cells.cell('answer') ?? '');
    if (answerClass === undefined) cells.fail('answer-unknown', 'answer');
    const times = this.counted ? this.respondentsOf(cells) : 1;
    if (cells.errors.length > 0 || area === undefined || period === undefined || indicator === '') {
      if (indicator === '' && cells.errors.length === 0) cells.fail('value-required', 'indicator');
      out.rejectFor(row, cells.errors);
      // A rejected answer whose cell is known leaves that cell incomplete: its share is not published.
      if (area !== undefined && period !== undefined && !isMonthPeriod(period) && indicator !== '') {
        this.count(area, areaKey(area), period, indicator, service, gender, 'rejected', row.line);
      }
      return;
    }
    const key = areaKey(area);
    if (this.counted && gender === 'T' && this.namesTotal(cells.cell('gender'))) {
      this.keepTotal(area, key, period, indicator, service, answerClass!, row.line, times!);
      out.counts.used++;
      return;
    }
    const answerCell = this.count(area, key, period, indicator, service, gender, answerClass!, row.line, times!);
    if (this.respondents !== undefined) this.keepRespondent(answerCell, key, period, service, indicator, at(this.respondent, row.cells) ?? '', row.line);
    out.counts.used++;
  }

  /**
   * The answer groups as a table, in order of first appearance. Every part was checked as its row
   * was read (a year, a registered area, a question, whole counts), so each group is what the
   * schema would return, without parsing it.
   */
  finish(out: RecordsResult): void {
    this.settleTotals(out);
    if (this.groups.length > 0) out.answers = [this.groups];
    // No row comes after this: the index's maps go.
    this.index.clear();
    if (this.respondents instanceof RespondentSet && this.respondents.length > 0) out.respondents = this.respondents;
    this.cellHashes.clear();
  }

  /** Whether a gender cell names the total (`Totalt`, `T`, `Alla`), not a gender left blank or of neither. */
  private namesTotal(text: string | undefined): boolean {
    const t = (text ?? '').trim();
    return t !== '' && !this.env.lookups.isNeither(t);
  }

  /** Keeps a distribution's total row's count, per cell and answer class (see `settleTotals`). */
  private keepTotal(area: Area, key: string, period: string, indicator: string, service: string, answerClass: Counted, line: number, times: number): void {
    const slots = this.index.slots(key, period, indicator, service);
    const t = this.totals.get(slots) ?? this.totals.set(slots, { area, period, indicator, service, line, counts: new Map() }).get(slots)!;
    t.counts.set(answerClass, (t.counts.get(answerClass) ?? 0) + times);
  }

  /**
   * A distribution by gender with rows for the total (`Kön`: Kvinnor, Män, Totalt) gives every
   * respondent twice: the total is women, men and those of no stated gender, and added to the
   * genders as respondents of none, it doubled the cell's n (236 for 118). The total's rows count
   * only what they add to the genders: per answer, the total less women and men, the respondents
   * of no stated gender. A total short of its genders leaves the cell incomplete, with an error.
   */
  private settleTotals(out: RecordsResult): void {
    for (const [slots, t] of this.totals) {
      const parts = [slots[GroupIndex.slot('K')], slots[GroupIndex.slot('M')]].filter((g): g is number => g !== undefined);
      const rest = new Map<Counted, number>();
      for (const [c, n] of t.counts) rest.set(c, n - parts.reduce((sum, g) => sum + this.countOf(g, c), 0));
      if ([...rest.values()].some((n) => n < 0)) {
        out.findings.push({ code: 'answer-total-short', line: t.line, column: (this.gender ?? 0) + 1, args: { key: [t.area.code, t.indicator, t.service, t.period].filter((x) => x !== '').join(' / ') } });
        this.countIn(slots, t.area, t.period, t.indicator, t.service, 'T', 'rejected', t.line);
        continue;
      }
      for (const [c, n] of rest) if (n > 0) this.countIn(slots, t.area, t.period, t.indicator, t.service, 'T', c, t.line, n);
    }
    this.totals.clear();
  }

  /** A group's count of one answer class (a numeric answer's value, or a class of the scale). */
  private countOf(group: number, c: Counted): number {
    if (typeof c === 'number') return this.groups.scores?.[group * SCORES + c] ?? 0;
    return this.groups.count(group, c === 'positive' ? POSITIVE : c === 'other' ? OTHER : c === 'excluded' ? EXCLUDED : REJECTED);
  }

  /**
   * How many respondents gave a row's answer, in a file of answers with a count column: a published
   * distribution ("Vad tycker de äldre": `Svarsalternativ;Antal`) has a row per answer and its
   * count, and read as one respondent each its 135 respondents were 5, every cell hidden. A count
   * that is blank or `..` (held back), or no whole number, leaves the row out and its cell
   * incomplete: its share would be wrong. Undefined then.
   */
  private respondentsOf(cells: RowCells): number | undefined {
    const n = cells.num('n');
    if (n === null) {
      if (cells.errors.length === 0) cells.fail('value-required', 'n');
      return undefined;
    }
    if (this.env.plan.answerShares) return this.sharedOut(cells, n);
    if (!Number.isInteger(n) || n < 0) {
      cells.fail('value-out-of-range', 'n', { range: 'a whole number, zero or more' });
      return undefined;
    }
    return n;
  }

  /**
   * How many of a question's `n` respondents gave a row's answer, from the answer's share of them
   * (`Andel (%)` beside `Antal svarande` on every answer): the one whole number the share, rounded
   * to its decimals, allows. Where it allows two (a share to one decimal of a thousand respondents or
   * more), or none, the row is rejected and its cell incomplete: its share would be a guess.
   */
  private sharedOut(cells: RowCells, n: number): number | undefined {
    const share = cells.num('share');
    const text = cells.cell('share') ?? '';
    if (share === null || !Number.isInteger(n) || n < 0 || share < 0 || share > 100) {
      if (cells.errors.length === 0) cells.fail(share === null ? 'value-required' : 'value-out-of-range', share === null ? 'share' : 'n', { range: 'a whole number of respondents and a share from 0 to 100' });
      return undefined;
    }
    // Half a unit of the share's last decimal, in respondents.
    const decimals = /[.,](\d+)\s*%?\s*$/.exec(text)?.[1]?.length ?? 0;
    const half = (0.5 * 10 ** -decimals * n) / 100;
    const exact = (share * n) / 100;
    const whole = [Math.ceil(exact - half - 1e-9), Math.floor(exact + half + 1e-9)];
    if (whole[0] !== whole[1]) {
      const allows = whole[0]! > whole[1]! ? 'no whole number' : `any of ${whole[0]}–${whole[1]}`;
      cells.fail('value-out-of-range', 'share', { range: `a share that gives one whole number of the ${n} respondents (${text} % of them is ${exact.toFixed(2)}, rounded from ${allows}; a file giving each answer's count, Antal, or its share to more decimals is read)` });
      return undefined;
    }
    return whole[0];
  }

  /** Counts an answer (`times` respondents' alike) in its group; returns the group's gender slots, which stand for its cell. */
  private count(area: Area, key: string, period: string, indicator: string, service: string, gender: Gender, answerClass: Counted, line: number, times = 1): object {
    const slots = this.index.slots(key, period, indicator, service);
    this.countIn(slots, area, period, indicator, service, gender, answerClass, line, times);
    return slots;
  }

  private countIn(slots: (number | undefined)[], area: Area, period: string, indicator: string, service: string, gender: Gender, answerClass: Counted, line: number, times = 1): void {
    const g = GroupIndex.slot(gender);
    let group = slots[g];
    if (group === undefined) {
      const { lookups } = this.env;
      slots[g] = group = this.groups.add(area, period, lookups.kept(indicator), lookups.kept(service), gender, line);
    }
    if (typeof answerClass === 'number') this.groups.score(group, answerClass, times);
    else this.groups.tally(group, answerClass === 'positive' ? POSITIVE : answerClass === 'other' ? OTHER : answerClass === 'excluded' ? EXCLUDED : REJECTED, answerClass === 'rejected' ? 1 : times);
  }

  /** Keeps the key of an answer that names its respondent (a blank respondent number names no one). */
  private keepRespondent(cell: object, key: string, period: string, service: string, indicator: string, id: string, line: number): void {
    if (id === '') return;
    this.respondents!.add(this.respondentCell(cell, key, period, service, indicator), id, line);
  }

  /** A cell's part of the respondent key, worked out once per cell (`cell` its gender slots). */
  private respondentCell(cell: object, key: string, period: string, service: string, indicator: string): unknown {
    let hash = this.cellHashes.get(cell);
    if (hash === undefined) this.cellHashes.set(cell, (hash = this.respondents!.cell(key, period, service, indicator)));
    return hash;
  }
}

