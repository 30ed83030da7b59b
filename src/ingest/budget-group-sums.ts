import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { withinRounding } from './budget-totals.js';

const W = BUDGET_AMOUNTS.length;

/** Rows a group sum may add up, at most: a section of a finance report, not the whole file. */
const GROUP_MAX = 64;

/** Amounts added up per slot, with how many cells each holds and how many rows had one other than 0. */
class Added {
  readonly sums = new Float64Array(W);
  readonly cells = new Uint32Array(W);
  rows: number[] = [];
  nonZero = 0;

  constructor(private readonly table: BudgetTable) {}

  add(row: number, slots: readonly number[] = ALL_SLOTS): void {
    this.rows.push(row);
    let any = false;
    for (const k of slots) {
      const v = this.table.amount(row, k);
      if (v === null) continue;
      this.sums[k] = this.sums[k]! + v;
      this.cells[k] = this.cells[k]! + 1;
      if (v !== 0) any = true;
    }
    if (any) this.nonZero++;
  }

  reset(): void {
    this.sums.fill(0);
    this.cells.fill(0);
    this.rows = [];
    this.nonZero = 0;
  }

  /** Whether `row`'s every amount in `slots` is this sum, to the rounding of the cells added. */
  sumOf(row: number, slots: readonly number[], factor: number): boolean {
    return slots.every((k) => this.near(row, k, factor));
  }

  /** Whether `row`'s amount `k` is this sum, to the rounding of the cells added: one slot of `sumOf`, the cheap test first. */
  near(row: number, k: number, factor: number): boolean {
    return this.nonZero >= 2 && this.cells[k]! > 0 && withinRounding(this.table.amount(row, k)!, this.sums[k]!, factor, this.cells[k]! + 1);
  }
}

const ALL_SLOTS: readonly number[] = Array.from({ length: W }, (_, k) => k);
/** The first slot that is no budget (BUDGET_AMOUNTS: budgetYear, budgetYtd, budgetMonth, actualYtd, actualMonth, forecast). */
const OUTCOME_SLOT = 3;
/** The forecast's slot: no outcome. */
const FORECAST_SLOT = 5;

/**
 * Rows whose every amount is the sum of lines beside them (to the rounding of the cells added), in
 * the same area and month, with no sum word in their text: a finance report's group row. Counted as
 * a line, it doubled the area's total. Written above its lines (`Vård och omsorg;200 000;…` above
 * `  Hemtjänst;80 000` and `  Särskilt boende;120 000`; a `Nämnd;Verksamhet` export's committee
 * row above its activities), it sums the lines right below it; groups within groups are found from
 * the bottom up, a group row already found skipped in the sum of the one above. Where none is, a
 * row may sum the lines above it instead (a pivot's group row under its lines): those since the
 * group's start or the last sum found, or all the lines above (a whole's row at the end). Each is
 * mapped to the rows it sums. Every amount must agree, a budget and an outcome among them, and two of the rows summed must have an amount other than 0: one line and a line of zeros
 * beside another of the same amounts is no group.
 */
export function groupSumRows(table: BudgetTable, kind: (row: number) => string, factor: number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const months = table.months.length;
  for (let i = 0; i < table.length; i++) {
    if (kind(i) !== '') continue;
    const key = table.area[i]! * months + table.month[i]!;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  const out = new Map<number, number[]>();
  const section = new Added(table);
  const whole = new Added(table);
  const slotsOf = (row: number) => ALL_SLOTS.filter((k) => table.amount(row, k) !== null);
  // A budget and an outcome, neither 0: budgets alone (the year's and to date, one a share of the
  // other) agree by design when one line's budget is two others' (300 000 = 100 000 + 200 000), and
  // so do outcomes of 0 in a month not booked yet. A forecast is no second witness: most lines are
  // forecast at their budget, so it agrees wherever the budgets do.
  const candidate = (slots: readonly number[], row: number) => slots.some((k) => k < OUTCOME_SLOT && table.amount(row, k) !== 0) && slots.some((k) => k >= OUTCOME_SLOT && k !== FORECAST_SLOT && table.amount(row, k) !== 0);
  // Past this the sum of amounts that are none of them negative can never come back to a parent's.
  const reach = 0.5 * factor * (GROUP_MAX + 1);
  // Group rows found so far: one is no part of the group above it (see `out`).
  const found = new Uint8Array(table.length);
  for (const rows of groups.values()) {
    if (rows.length < 3) continue;
    rows.sort((x, y) => table.line[x]! - table.line[y]!);
    if (!mayHoldSum(table, rows, factor)) continue;
    const growing = ALL_SLOTS.map((k) => rows.every((r) => (table.amount(r, k) ?? 0) >= 0));
    let above = 0;
    for (let p = rows.length - 3; p >= 0; p--) {
      const parent = rows[p]!;
      const slots = slotsOf(parent);
      if (!candidate(slots, parent)) continue;
      section.reset();
      const k0 = slots[0]!;
      for (let q = p + 1; q < rows.length && section.rows.length < GROUP_MAX; q++) {
        const child = rows[q]!;
        if (found[child] === 1) continue;
        if (table.activity[child] === table.activity[parent]) break;
        section.add(child, slots);
        if (section.near(parent, k0, factor) && section.sumOf(parent, slots, factor)) {
          out.set(parent, section.rows);
          found[parent] = 1;
          above++;
          break;
        }
        if (growing[k0] && section.sums[k0]! - table.amount(parent, k0)! > reach) break;
      }
    }
    if (above > 0) continue;
    section.reset();
    whole.reset();
    for (const row of rows) {
      // A national file has ~500 000 rows: the sums are tested on one amount before all of them.
      const first = firstSlot(table, row);
      const slots = first >= 0 && (section.near(row, first, factor) || whole.near(row, first, factor)) ? slotsOf(row) : [];
      const sums = slots.length > 0 && candidate(slots, row) ? [section, whole].find((a) => a.sumOf(row, slots, factor)) : undefined;
      if (sums !== undefined) {
        out.set(row, [...sums.rows]);
        section.reset();
        continue;
      }
      section.add(row);
      whole.add(row);
    }
  }
  return out;
}

/**
 * Whether any row of an area's month can be a sum of others beside it, judged on its first amount
 * alone: a run of the rows right below it, or all rows above it, adding up to it within the rounding
 * the most cells allow. A necessary condition of both scans of `groupSumRows`, tested in one pass of
 * numbers: a national file has ~38 000 such months, nearly none with a group row.
 */
function mayHoldSum(table: BudgetTable, rows: readonly number[], factor: number): boolean {
  const n = rows.length;
  const tolerance = 0.5 * factor * (n + 1);
  const slots = rows.map((r) => firstSlot(table, r));
  for (let k = 0; k < W; k++) {
    const first = slots.map((f) => f === k);
    if (!first.includes(true)) continue;
    const v = rows.map((r) => table.amount(r, k) ?? 0);
    let above = 0;
    for (let p = 0; p < n; p++) {
      if (first[p] && Math.abs(above - v[p]!) <= tolerance) return true;
      above += v[p]!;
      if (!first[p]) continue;
      let run = 0;
      for (let q = p + 1; q < n; q++) {
        run += v[q]!;
        if (Math.abs(run - v[p]!) <= tolerance) return true;
      }
    }
  }
  return false;
}

/** The first amount a row has (BUDGET_AMOUNTS order), or −1. */
function firstSlot(table: BudgetTable, row: number): number {
  for (let k = 0; k < W; k++) if (table.amount(row, k) !== null) return k;
  return -1;
}
