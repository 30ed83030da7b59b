import type { Gender } from '../model/records.js';
import { gender as genders } from '../model/vocabulary.js';
import type { AreaKind } from '../model/register.js';
import { createRowIndex, KeyNumbers } from '../model/row-index.js';
import { TextIndex } from '../model/text.js';
import { GENDER_INDEX } from '../model/words.js';
import type { Observations } from './cell-groups.js';

export const GENDERS: readonly Gender[] = genders.options;
export const KINDS: readonly AreaKind[] = ['municipality', 'organisation', 'region', 'group', 'nation', 'federation'];
/** An area kind as stored in a column: its place in KINDS. */
export const KIND_ID = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<AreaKind, number>;

/** `flags`: the value is a share of respondents (it has an interval and a two-proportion test). */
export const IS_SHARE = 1;
/** `flags`: counted from respondents' answers (kept over a published figure for the same cell). */
export const FROM_ANSWERS = 2;
/** `flags`: some answers in the cell were rejected: the share would be wrong, so it is not published. */
export const INCOMPLETE = 4;
/** `flags`: a published share that is its file's count of positive answers over n, to the last bit (not a rounded share). */
export const FROM_COUNTS = 8;
/** `flags`: the organisation's figure pooled by tillit from its members' (`poolOrganisation`): exact, given theirs. */
export const POOLED = 16;
/**
 * `flags`: a count of respondents given as an indicator of its own ("Antal svarande"): its n is its
 * value, so it is hidden as the cell it counts would be; it has no answers (no mean, no share).
 */
export const IS_COUNT = 32;
/** `hidden`: 0 shown, 1 below the threshold, 2 hidden to protect another, 3 incomplete. */
export const HIDDEN_BELOW = 1;
export const HIDDEN_SECONDARY = 2;
export const HIDDEN_INCOMPLETE = 3;

export type Source = { file: string; line: number };

/**
 * The quality table's observations (one per area × indicator × service × gender × period) as
 * growable typed columns, one slot per observation, with the texts they are numbered by. A national
 * file gives 459 000 observations: as objects, with their source lists, they held ~250 MB until the
 * report was written; as columns they are ~52 bytes each. The columns are public for the loops that
 * read many at once (`cellGroups`); the accessors read one observation's field as its type.
 */
export class ObservationColumns implements Observations {
  size = 0;
  area = new Int32Array(64);
  kind = new Uint8Array(64);
  indicator = new Int32Array(64);
  service = new Int32Array(64);
  gender = new Uint8Array(64);
  period = new Int32Array(64);
  /** The cell (indicator × service × gender × period) and the series (area × indicator × service × gender). */
  cell = new Int32Array(64);
  series = new Int32Array(64);
  value = new Float64Array(64);
  /** NaN for none. */
  n = new Float64Array(64);
  flags = new Uint8Array(64);
  hidden = new Uint8Array(64);
  /** The first source; `more` holds the whole list where there are several. */
  file = new Int32Array(64);
  line = new Int32Array(64);
  more = new Map<number, Source[]>();

  readonly areaCodes = new TextIndex();
  readonly indicators = new TextIndex();
  readonly services = new TextIndex();
  readonly periods = new TextIndex();
  readonly files = new TextIndex();
  /**
   * Cell and series numbers, and each area's observation in a cell, keyed (cell, area): the areas
   * outermost, so the index grows by appending as a series' areas come one after another (keyed
   * (area, cell), each doubling of the areas re-laid every slot: ~0.07 s for 2M answers).
   */
  readonly cells = new KeyNumbers();
  readonly seriesNumbers = new KeyNumbers();
  readonly byCellArea = createRowIndex();

  /** A new slot, the columns grown (doubled) when full. */
  push(): number {
    if (this.size === this.area.length) this.reserve(2 * this.size);
    return this.size++;
  }

  /**
   * Room for `length` slots: the columns made that long once when about as many observations are
   * coming (each doubling copies every column and touches fresh pages; ~0.1 s for 2M answers).
   */
  reserve(length: number): void {
    if (length <= this.area.length) return;
    this.area = grown(this.area, length);
    this.kind = grown(this.kind, length);
    this.indicator = grown(this.indicator, length);
    this.service = grown(this.service, length);
    this.gender = grown(this.gender, length);
    this.period = grown(this.period, length);
    this.cell = grown(this.cell, length);
    this.series = grown(this.series, length);
    this.value = grown(this.value, length);
    this.n = grown(this.n, length);
    this.flags = grown(this.flags, length);
    this.hidden = grown(this.hidden, length);
    this.file = grown(this.file, length);
    this.line = grown(this.line, length);
  }

  /** The observation of an area in a cell, or -1. */
  find(area: number, cell: number): number {
    return this.byCellArea.find(cell, area, 0);
  }

  areaId(i: number): number {
    return this.area[i]!;
  }
  indicatorId(i: number): number {
    return this.indicator[i]!;
  }
  serviceId(i: number): number {
    return this.service[i]!;
  }
  genderId(i: number): number {
    return this.gender[i]!;
  }
  periodId(i: number): number {
    return this.period[i]!;
  }
  cellId(i: number): number {
    return this.cell[i]!;
  }
  seriesId(i: number): number {
    return this.series[i]!;
  }
  fileId(i: number): number {
    return this.file[i]!;
  }
  kindId(i: number): number {
    return this.kind[i]!;
  }

  areaCode(i: number): string {
    return this.areaCodes.values[this.area[i]!]!;
  }
  kindOf(i: number): AreaKind {
    return KINDS[this.kind[i]!]!;
  }
  indicatorOf(i: number): string {
    return this.indicators.values[this.indicator[i]!]!;
  }
  serviceOf(i: number): string {
    return this.services.values[this.service[i]!]!;
  }
  genderOf(i: number): Gender {
    return GENDERS[this.gender[i]!]!;
  }
  periodOf(i: number): string {
    return this.periods.values[this.period[i]!]!;
  }
  fileOf(i: number): string {
    return this.files.values[this.file[i]!]!;
  }
  lineOf(i: number): number {
    return this.line[i]!;
  }
  valueOf(i: number): number {
    return this.value[i]!;
  }
  /** The raw count: NaN for none, 0 for a cell with no respondents. */
  rawN(i: number): number {
    return this.n[i]!;
  }
  nOf(i: number): number | null {
    const n = this.n[i]!;
    return Number.isNaN(n) ? null : n;
  }
  hasN(i: number): boolean {
    return !Number.isNaN(this.n[i]!);
  }
  flagsOf(i: number): number {
    return this.flags[i]!;
  }
  isShare(i: number): boolean {
    return (this.flags[i]! & IS_SHARE) !== 0;
  }
  isCount(i: number): boolean {
    return (this.flags[i]! & IS_COUNT) !== 0;
  }
  isFromAnswers(i: number): boolean {
    return (this.flags[i]! & FROM_ANSWERS) !== 0;
  }
  isPooled(i: number): boolean {
    return (this.flags[i]! & POOLED) !== 0;
  }
  /** Whether the value is exact: counted from answers, or a published count over its n (`FROM_COUNTS`). */
  isExact(i: number): boolean {
    return (this.flags[i]! & (FROM_ANSWERS | FROM_COUNTS)) !== 0;
  }
  isIncomplete(i: number): boolean {
    return (this.flags[i]! & INCOMPLETE) !== 0;
  }
  isShown(i: number): boolean {
    return this.hidden[i] === 0;
  }
  hiddenAs(i: number): number {
    return this.hidden[i]!;
  }

  /** Every source of an observation, in the order they were merged. */
  sourcesOf(i: number): Source[] {
    return this.more.get(i) ?? [{ file: this.fileOf(i), line: this.line[i]! }];
  }

  /** The cell's name in findings: "area / indicator / service / gender / period". */
  key(i: number): string {
    return [this.areaCode(i), this.indicatorOf(i), this.serviceOf(i), this.genderOf(i), this.periodOf(i)].join(' / ');
  }
}

/** The same values in an array twice as long. */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, length = a.length * 2): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}

/**
 * Positions 0 … keys.length − 1 ordered by key (0 … count − 1), in their order within a key; key
 * k's positions are `order[start[k]]` up to `order[start[k + 1]]`.
 */
export function countingOrder(keys: ArrayLike<number>, count: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, count);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]!]!++] = i;
  return { order, start };
}
