import { AreaIndex } from './area-index.js';
import type { AnswerRecord, Gender } from './records.js';
import type { Area } from './register.js';
import { TextIndex } from './text.js';
import { GENDER_INDEX, GENDERS } from './words.js';

/** A group's counts, in the order a table keeps them (see `AnswerRecord`). */
export const POSITIVE = 0;
export const OTHER = 1;
export const EXCLUDED = 2;
export const REJECTED = 3;
const COUNTS = 4;
/** Answers 1–10 on a numeric scale not yet decided, by value; index 0 unused, as in `AnswerRecord.scores`. */
export const SCORES = 11;

/** An answer table in plain data, as a worker thread sends it (its typed arrays' buffers transferred). */
export interface PlainAnswerTable {
  file: string;
  length: number;
  areas: readonly Area[];
  texts: string[];
  /** Per group: area, period, indicator, service (the last three into `texts`), gender; past `length` room. */
  keys: Int32Array<ArrayBuffer>;
  counts: Float64Array<ArrayBuffer>;
  line: Float64Array<ArrayBuffer>;
  scores?: Float64Array<ArrayBuffer>;
}

const KEYS = 5;
/** The parts of a group's key (see `key`, `text`). */
export const AREA = 0;
export const PERIOD = 1;
export const INDICATOR = 2;
export const SERVICE = 3;
export const GENDER = 4;

/**
 * The answer groups (area × period × question × service × gender) of one respondent-level file as
 * columns, numbered in order of first appearance: counts in typed arrays, texts and areas by
 * index. 460 000 groups (2M answers) kept as `AnswerRecord` objects were copied by every young
 * collection while the file was read, packed and unpacked to cross threads, and read back into
 * columns by the analysis; as columns no collection walks them and a worker's table crosses by
 * transfer. `record(i)` gives a group as the schema's `AnswerRecord`, to look at one.
 */
export class AnswerTable {
  length = 0;
  private readonly areaIndex = new AreaIndex();
  readonly areas: readonly Area[] = this.areaIndex.values;
  /** Per group: KEYS numbers (see `PlainAnswerTable.keys`). */
  keys: Int32Array<ArrayBuffer>;
  /** Per group: COUNTS counts (POSITIVE, OTHER, EXCLUDED, REJECTED); whole numbers kept in doubles, exact past 2^31. */
  counts: Float64Array<ArrayBuffer>;
  /** The line of each group's first row. */
  line: Float64Array<ArrayBuffer>;
  /** Per group, SCORES counts of numeric answers; made at the first one, gone once the scales are decided (`resolveScores`). */
  scores: Float64Array<ArrayBuffer> | undefined;
  private readonly textIndex = new TextIndex();

  constructor(readonly file: string, capacity = 1024) {
    this.keys = new Int32Array(capacity * KEYS);
    this.counts = new Float64Array(capacity * COUNTS);
    this.line = new Float64Array(capacity);
  }

  /** A table from its plain data (`plain`). */
  static from(p: PlainAnswerTable): AnswerTable {
    const t = new AnswerTable(p.file, 0);
    for (const a of p.areas) t.areaIndex.id(a);
    for (const text of p.texts) t.textIndex.id(text);
    Object.assign(t, { length: p.length, keys: p.keys, counts: p.counts, line: p.line, scores: p.scores });
    return t;
  }

  /**
   * The table as plain data (see `PlainAnswerTable`): its arrays as they are, room past `length`
   * included. They cross threads by transfer: cutting them to length first copied ~14 MB on the
   * worker while this thread waited (2M answers).
   */
  plain(): PlainAnswerTable {
    const p: PlainAnswerTable = { file: this.file, length: this.length, areas: this.areas, texts: this.textIndex.values, keys: this.keys, counts: this.counts, line: this.line };
    if (this.scores !== undefined) p.scores = this.scores;
    return p;
  }

  /** The texts the groups' period, indicator and service numbers point into. */
  get texts(): readonly string[] {
    return this.textIndex.values;
  }

  /** A new group, its first row at `line`; its number. */
  add(area: Area, period: string, indicator: string, service: string, gender: Gender, line: number): number {
    return this.push(this.areaIndex.id(area), this.textIndex.id(period), this.textIndex.id(indicator), this.textIndex.id(service), GENDER_INDEX[gender], line);
  }

  private push(area: number, period: number, indicator: number, service: number, gender: number, line: number): number {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    const k = i * KEYS;
    this.keys[k] = area;
    this.keys[k + 1] = period;
    this.keys[k + 2] = indicator;
    this.keys[k + 3] = service;
    this.keys[k + 4] = gender;
    this.line[i] = line;
    return i;
  }

  /** Adds `n` to count `k` (POSITIVE … REJECTED) of group `i`. */
  tally(i: number, k: number, n = 1): void {
    this.counts[i * COUNTS + k]! += n;
  }

  /** Counts a numeric answer `value` (1–10) of group `i`. */
  score(i: number, value: number, n = 1): void {
    const scores = (this.scores ??= new Float64Array(SCORES * this.line.length));
    scores[i * SCORES + value]! += n;
  }

  count(i: number, k: number): number {
    return whole(this.counts[i * COUNTS + k]!);
  }

  area(i: number): Area {
    return this.areas[this.keys[i * KEYS]!]!;
  }

  /** Group `i`'s area, period, indicator, service and gender by number (see `PlainAnswerTable.keys`). */
  key(i: number, part: number): number {
    return this.keys[i * KEYS + part]!;
  }

  text(i: number, part: number): string {
    return this.textIndex.values[this.keys[i * KEYS + part]!]!;
  }

  gender(i: number): Gender {
    return GENDERS[this.keys[i * KEYS + GENDER]!]!;
  }

  /** The highest value group `i` has a numeric answer of (not yet turned into positive and other); 0 when none. */
  highestScore(i: number): number {
    const s = this.scores;
    if (s !== undefined) for (let v = SCORES - 1; v > 0; v--) if (s[i * SCORES + v]! > 0) return v;
    return 0;
  }

  /** Group `i` as a record, as the schema would return it. */
  record(i: number): AnswerRecord {
    const r: AnswerRecord = {
      kind: 'answers', area: this.area(i), period: this.text(i, PERIOD), indicator: this.text(i, INDICATOR), service: this.text(i, SERVICE), gender: this.gender(i),
      positive: this.count(i, POSITIVE), other: this.count(i, OTHER), excluded: this.count(i, EXCLUDED), source: { file: this.file, line: whole(this.line[i]!) },
    };
    if (this.count(i, REJECTED) > 0) r.rejected = this.count(i, REJECTED);
    if (this.highestScore(i) > 0) r.scores = Array.from(this.scores!.subarray(i * SCORES, (i + 1) * SCORES), whole);
    return r;
  }

  /** Every group as a record, in order. */
  records(): AnswerRecord[] {
    return Array.from({ length: this.length }, (_, i) => this.record(i));
  }

  /** Moves every group's line on by `shift` (a later part of a file, its lines counted from its own start); returns the table. */
  shiftLines(shift: number): this {
    if (shift !== 0) for (let i = 0; i < this.length; i++) this.line[i]! += shift;
    return this;
  }

  private grow(): void {
    const size = Math.max(1024, this.line.length * 2);
    this.keys = larger(this.keys, size * KEYS);
    this.counts = larger(this.counts, size * COUNTS);
    this.line = larger(this.line, size);
    if (this.scores !== undefined) this.scores = larger(this.scores, size * SCORES);
  }
}

function larger<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/**
 * A whole number read back from a double as V8's small integer where it fits: kept as a double, a
 * count or line number made every record's and source's field a boxed double. Larger ones stay exact.
 */
export const whole = (v: number): number => (v <= 0x7fffffff ? v | 0 : v);

