import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import type { AmountUnit } from './columns.js';

/**
 * What a budget file's lines add up to per inhabitant in a year, in kr, is plausible between these.
 * Below: less than all of a municipality's political committees cost (~500–1 000 kr); above: four
 * times the costliest municipality's whole spending (~120 000 kr). kr and tkr differ by 1 000, so
 * a misread unit lands outside: an elderly-care budget of 182 035 tkr for 10 000 inhabitants is
 * 18 kr each read as kronor.
 */
export const PER_INHABITANT = { low: 100, high: 500_000 } as const;
/**
 * Without a population: a yearly total per area, in kr. Below: 1 mnkr, less than even the smallest
 * municipality (~2 400 inhabitants) spends on any one of its main activities; above: more than the
 * largest region spends.
 */
export const PER_AREA = { low: 1e6, high: 5e11 } as const;

const FACTORS: readonly [AmountUnit, number][] = [['kr', 1], ['tkr', 1e3], ['mnkr', 1e6]];
const W = BUDGET_AMOUNTS.length;

/** An area's yearly amount as read and the bounds it must fall in, in kr. */
interface Measure {
  code: string;
  amount: number;
  low: number;
  high: number;
  perInhabitant: boolean;
}

/**
 * Each area's yearly total as read: the largest, over months, of its lines' annual amounts added
 * up (the full-year budget, else the forecast, else a year-to-date or monthly amount made annual),
 * with the bounds per inhabitant when `population` knows the area, else per area.
 */
export function yearlyTotals(table: BudgetTable, population: (code: string) => number | undefined): Measure[] {
  const monthOf = table.months.map((m) => Number(m.slice(5, 7)) || 12);
  const months = table.months.length;
  const sums = new Float64Array(table.areas.length * months);
  const a = table.amounts;
  for (let i = 0; i < table.length; i++) {
    const at = i * W;
    const m = monthOf[table.month[i]!]!;
    // BUDGET_AMOUNTS: budgetYear, budgetYtd, budgetMonth, actualYtd, actualMonth, forecast (NaN: missing).
    let v = a[at]!;
    if (v !== v) v = a[at + 5]!;
    if (v !== v) v = (a[at + 1]! * 12) / m;
    if (v !== v) v = (a[at + 3]! * 12) / m;
    if (v !== v) v = a[at + 2]! * 12;
    if (v !== v) v = a[at + 4]! * 12;
    const at2 = table.area[i]! * months + table.month[i]!;
    if (v === v) sums[at2] = sums[at2]! + Math.abs(v);
  }
  return table.areas.map((area, id) => {
    let amount = 0;
    for (let m = 0; m < months; m++) amount = Math.max(amount, sums[id * months + m]!);
    const pop = population(area.code);
    return pop !== undefined && pop > 0
      ? { code: area.code, amount, low: PER_INHABITANT.low * pop, high: PER_INHABITANT.high * pop, perInhabitant: true }
      : { code: area.code, amount, low: PER_AREA.low, high: PER_AREA.high, perInhabitant: false };
  });
}

/** Whether `unit` makes most areas' totals plausible. */
function plausible(measures: readonly Measure[], factor: number): boolean {
  const ok = measures.filter((m) => m.amount * factor >= m.low && m.amount * factor <= m.high).length;
  return ok * 2 > measures.length;
}

/** How the median area's total reads in kr: `18 kr per inhabitant (1461)` or `121 000 kr a year (1461)`. */
function describe(measures: readonly Measure[], factor: number): { measure: string; what: string } {
  const sorted = [...measures].sort((x, y) => x.amount / x.low - y.amount / y.low);
  const m = sorted[Math.floor(sorted.length / 2)]!;
  const per = m.perInhabitant ? m.low / PER_INHABITANT.low : 1;
  const value = Math.round((m.amount * factor) / per).toLocaleString('en-US');
  return m.perInhabitant
    ? { measure: `${value} kr per inhabitant a year (${m.code})`, what: `a municipality's lines (plausible: ${PER_INHABITANT.low}–${PER_INHABITANT.high.toLocaleString('en-US')} kr per inhabitant)` }
    : { measure: `${value} kr a year (${m.code})`, what: `a municipality's lines (plausible: ${PER_AREA.low.toLocaleString('en-US')} kr to ${PER_AREA.high / 1e6} mnkr a year)` };
}

export interface UnitCheck {
  /** The unit to read the amounts in; undefined when none is plausible (amounts left out). */
  unit: AmountUnit | undefined;
  finding?: FindingInput;
}

/**
 * Whether the amounts as read in `unit` are believable. An explicit unit (config, flag, header,
 * title) is kept, with a warning when implausible. An assumed kr is kept when plausible, else the
 * smallest larger unit that is plausible is taken (a warning says so); when none is, there is no
 * unit and an error.
 */
export function checkUnit(measures: readonly Measure[], unit: AmountUnit, explicit: boolean): UnitCheck {
  const counted = measures.filter((m) => m.amount > 0);
  if (counted.length === 0) return { unit };
  const factorOf = FACTORS.find(([u]) => u === unit)![1];
  if (plausible(counted, 1)) return { unit };
  if (explicit) {
    const d = describe(counted, 1);
    return { unit, finding: { code: 'unit-implausible', args: { amount: d.measure, unit, hint: `implausible for ${d.what}` } } };
  }
  const found = FACTORS.find(([, f]) => f > factorOf && plausible(counted, f / factorOf));
  const d = describe(counted, 1);
  if (found === undefined) return { unit: undefined, finding: { code: 'unit-no-plausible', args: d } };
  const as = describe(counted, found[1] / factorOf);
  return { unit: found[0], finding: { code: 'unit-inferred', args: { ...d, unit: found[0], plausible: `as ${found[0]}: ${as.measure}` } } };
}
