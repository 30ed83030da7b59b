import { AreaIndex } from './area-index.js';
import type { BudgetRecord } from './records.js';
import type { Area } from './register.js';
import { TextIndex } from './text.js';

/** A budget row's amounts, in the order a table keeps them. */
export const BUDGET_AMOUNTS = ['budgetYear', 'budgetYtd', 'budgetMonth', 'actualYtd', 'actualMonth', 'forecast'] as const;
const WIDTH = BUDGET_AMOUNTS.length;
const ACTUAL_YTD = BUDGET_AMOUNTS.indexOf('actualYtd');
const ACTUAL_MONTH = BUDGET_AMOUNTS.indexOf('actualMonth');

/**
 * One budget file's rows as columns: typed arrays of amounts and line numbers, and indices into the
 * distinct areas, months and activity texts. A national file's half a million rows kept as
 * `BudgetRecord` objects were ~180 bytes each, copied by every young-generation GC that found them
 * (reading took 0.94 s, 0.45 s without them); as columns they are 68 bytes each that no GC
 * walks. Analysis reads the columns (see `BudgetYear`); `record(i)` gives a row as the schema's
 * `BudgetRecord`, to look at one.
 * Rows stay in file order; an amount the file does not give is NaN here and null in a record; −0 is 0.
 */
export class BudgetTable {
  length = 0;
  private readonly areaIndex = new AreaIndex();
  readonly areas: readonly Area[] = this.areaIndex.values;
  area: Int32Array;
  month: Int32Array;
  activity: Int32Array;
  line: Float64Array;
  /** Row `i`'s amounts at `i * 6 + k`, k in BUDGET_AMOUNTS order. */
  amounts: Float64Array;
  private readonly monthIndex = new TextIndex();
  private readonly activityIndex = new TextIndex();

  constructor(readonly file: string, capacity = 1024) {
    this.area = new Int32Array(capacity);
    this.month = new Int32Array(capacity);
    this.activity = new Int32Array(capacity);
    this.line = new Float64Array(capacity);
    this.amounts = new Float64Array(capacity * WIDTH);
  }

  /** The index of an area (see `AreaIndex`). */
  areaId(area: Area): number {
    return this.areaIndex.id(area);
  }

  /** The distinct months and activity texts the rows' indices point into. */
  get months(): readonly string[] {
    return this.monthIndex.values;
  }
  get activities(): readonly string[] {
    return this.activityIndex.values;
  }

  monthId(month: string): number {
    return this.monthIndex.id(month);
  }

  /** Names month `id` anew (a year-dated file's `2025` becomes `2025-12`, the month its figures are after). */
  renameMonth(id: number, month: string): void {
    this.monthIndex.rename(id, month);
  }

  activityId(activity: string): number {
    return this.activityIndex.id(activity);
  }

  /** Names activity `id` anew (a committee's line, see `nameCommitteeLines`). */
  renameActivity(id: number, activity: string): void {
    this.activityIndex.rename(id, activity);
  }

  /** Adds a row (amounts in BUDGET_AMOUNTS order); its index. */
  push(
    area: number, month: number, activity: number, line: number,
    budgetYear: number | null, budgetYtd: number | null, budgetMonth: number | null,
    actualYtd: number | null, actualMonth: number | null, forecast: number | null,
  ): number {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    this.area[i] = area;
    this.month[i] = month;
    this.activity[i] = activity;
    this.line[i] = line;
    const a = this.amounts;
    const at = i * WIDTH;
    // `+ 0` makes a −0 ("-0" in a file) 0: amounts print and compare as the number they are.
    a[at] = (budgetYear ?? Number.NaN) + 0;
    a[at + 1] = (budgetYtd ?? Number.NaN) + 0;
    a[at + 2] = (budgetMonth ?? Number.NaN) + 0;
    a[at + 3] = (actualYtd ?? Number.NaN) + 0;
    a[at + 4] = (actualMonth ?? Number.NaN) + 0;
    a[at + 5] = (forecast ?? Number.NaN) + 0;
    return i;
  }

  /** Gives row `i` another line's amounts (BUDGET_AMOUNTS order), as `push` would. */
  overwrite(i: number, line: number, amounts: readonly (number | null)[]): void {
    this.line[i] = line;
    for (let k = 0; k < WIDTH; k++) this.amounts[i * WIDTH + k] = (amounts[k] ?? Number.NaN) + 0;
  }

  /** Leaves row `i` without amounts (NaN, as an amount not given). */
  blank(i: number): void {
    this.amounts.fill(Number.NaN, i * WIDTH, (i + 1) * WIDTH);
  }

  amount(row: number, k: number): number | null {
    const v = this.amounts[row * WIDTH + k]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Whether row `i` gives an outcome, to date or for its month. */
  hasOutcome(i: number): boolean {
    return !Number.isNaN(this.amounts[i * WIDTH + ACTUAL_YTD]!) || !Number.isNaN(this.amounts[i * WIDTH + ACTUAL_MONTH]!);
  }

  /** Row `i` as a record, as the schema would return it. */
  record(i: number): BudgetRecord {
    return {
      kind: 'budget', area: this.areas[this.area[i]!]!, period: this.months[this.month[i]!]!, activity: this.activities[this.activity[i]!]!,
      budgetYear: this.amount(i, 0), budgetYtd: this.amount(i, 1), budgetMonth: this.amount(i, 2),
      actualYtd: this.amount(i, 3), actualMonth: this.amount(i, 4), forecast: this.amount(i, 5),
      source: { file: this.file, line: this.line[i]! },
    };
  }

  /** Every row as a record, in file order. */
  records(): BudgetRecord[] {
    return Array.from({ length: this.length }, (_, i) => this.record(i));
  }

  /** Keeps the rows `keep` says yes to, in order. */
  retain(keep: (row: number) => boolean): void {
    let to = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      if (to !== i) {
        this.area[to] = this.area[i]!;
        this.month[to] = this.month[i]!;
        this.activity[to] = this.activity[i]!;
        this.line[to] = this.line[i]!;
        this.amounts.copyWithin(to * WIDTH, i * WIDTH, (i + 1) * WIDTH);
      }
      to++;
    }
    this.length = to;
  }

  private grow(): void {
    const size = Math.max(1024, this.line.length * 2);
    const larger = <T extends Int32Array | Float64Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.area = larger(this.area, size);
    this.month = larger(this.month, size);
    this.activity = larger(this.activity, size);
    this.line = larger(this.line, size);
    this.amounts = larger(this.amounts, size * WIDTH);
  }
}
