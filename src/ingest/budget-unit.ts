import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { isFinancialLine, signSense } from '../model/activities.js';
import type { FindingInput } from '../model/findings.js';
import { normalizeLabel } from '../model/text.js';
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
/**
 * A municipality's own ceiling without a population: three times what the largest (Stockholm,
 * ~65 000 mnkr a year gross) spends. A kr file read as tkr for a small municipality (224 442 000
 * as tkr: 224 000 mnkr of elderly care for Bengtsfors) lands above it, where the region ceiling let it pass.
 */
export const MUNICIPALITY_HIGH = 2e11;

/**
 * The organisation's own lines (joint management, specialists booked on the shared organisation)
 * are its overhead, not a municipality's activities: legitimately far below 100 kr per inhabitant
 * (830 tkr a year over 18 000 inhabitants is 45 kr each), so the per-inhabitant floor would push
 * them up to mnkr. Their floor is absolute: 100 000 kr a year, less than one employee costs; read in
 * kr, a tkr file of the bundled example's overhead (23 666 tkr) falls below it.
 */
export const ORGANISATION_LOW = 1e5;
/**
 * Their ceiling per inhabitant of the members: 60 000 kr a year, twice what a municipality spends
 * per inhabitant on elderly care, LSS and individual and family care together (~20 000–30 000 kr):
 * an organisation's own lines are at most the members' shared activities. Without it, 2 400 000 kr
 * of a joint committee's own costs read as tkr (2 400 mnkr for 18 000 inhabitants) passed.
 */
export const ORGANISATION_PER_INHABITANT_HIGH = 60_000;

const FACTORS: readonly [AmountUnit, number][] = [['kr', 1], ['tkr', 1e3], ['mnkr', 1e6]];
const W = BUDGET_AMOUNTS.length;
const group = (v: number) => v.toLocaleString('en-US');

/** An area's yearly amount as read and the bounds it must fall in, in kr. */
interface Measure {
  code: string;
  amount: number;
  low: number;
  high: number;
  /** The population the bounds are per inhabitant of, when known. */
  population?: number;
  /** The organisation's own lines (see `ORGANISATION_LOW`). */
  own: boolean;
}

/**
 * Each area's yearly total as read: the largest, over months, of its lines' annual amounts added
 * up (the full-year budget, else the forecast, else a year-to-date or monthly amount made annual),
 * with the bounds per inhabitant when `population` knows the area, else per area. Rows in `skip`
 * (totals and parts of a line, which sum lines already counted) are left out, and so are revenue,
 * income and financial lines where the area has lines of costs: the bounds are of what a
 * municipality spends, and a whole municipality's tax revenue and grants, about as large as its
 * costs, doubled the sum (its tkr read as kronor passed: 194 kr per inhabitant where its costs
 * were 96). An area of such lines alone is measured by them.
 */
export function yearlyTotals(table: BudgetTable, population: (code: string) => number | undefined, skip: ReadonlySet<number> = new Set()): Measure[] {
  const monthOf = table.months.map((m) => Number(m.slice(5, 7)) || 12);
  const months = table.months.length;
  const sums = new Float64Array(table.areas.length * months);
  const costSums = new Float64Array(table.areas.length * months);
  const withCosts = new Uint8Array(table.areas.length);
  const isCost = table.activities.map((text) => {
    const label = normalizeLabel(text);
    return signSense(label) === 'cost' && !isFinancialLine(label);
  });
  const a = table.amounts;
  for (let i = 0; i < table.length; i++) {
    if (skip.has(i)) continue;
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
    if (v !== v) continue;
    sums[at2] = sums[at2]! + Math.abs(v);
    if (isCost[table.activity[i]!]) {
      costSums[at2] = costSums[at2]! + Math.abs(v);
      withCosts[table.area[i]!] = 1;
    }
  }
  return table.areas.map((area, id) => {
    const measured = withCosts[id] ? costSums : sums;
    let amount = 0;
    for (let m = 0; m < months; m++) amount = Math.max(amount, measured[id * months + m]!);
    return measureOf(area.code, amount, population(area.code), area.kind === 'organisation', area.kind === 'municipality');
  });
}

/** An area's amount with its bounds: per inhabitant with a population, else per area; the organisation's own floor is absolute. */
export function measureOf(code: string, amount: number, pop: number | undefined, own: boolean, municipality = false): Measure {
  const perInhabitant = pop !== undefined && pop > 0;
  const low = own ? ORGANISATION_LOW : perInhabitant ? PER_INHABITANT.low * pop : PER_AREA.low;
  const high = perInhabitant ? (own ? ORGANISATION_PER_INHABITANT_HIGH : PER_INHABITANT.high) * pop : municipality ? MUNICIPALITY_HIGH : PER_AREA.high;
  return { code, amount, low, high, own, ...(perInhabitant ? { population: pop } : {}) };
}

/** Whether `unit` makes most areas' totals plausible. */
function plausible(measures: readonly Measure[], factor: number): boolean {
  const ok = measures.filter((m) => m.amount * factor >= m.low && m.amount * factor <= m.high).length;
  return ok * 2 > measures.length;
}

/**
 * How the median area's total reads in kr and what it is judged as: `18 kr per inhabitant a year
 * (1461)` or `121,000 kr a year (1461)`; the organisation's own lines as kr a year, their floor's terms.
 */
function describe(measures: readonly Measure[], factor: number): { measure: string; what: string } {
  const sorted = [...measures].sort((x, y) => x.amount / x.low - y.amount / y.low);
  const m = sorted[Math.floor(sorted.length / 2)]!;
  const perInhabitant = m.population !== undefined && !m.own;
  const value = group(Math.round((m.amount * factor) / (perInhabitant ? m.population! : 1)));
  const measure = `${value} kr ${perInhabitant ? 'per inhabitant ' : ''}a year (${m.code})`;
  const high = m.population !== undefined ? `${group(m.own ? ORGANISATION_PER_INHABITANT_HIGH : PER_INHABITANT.high)} kr per inhabitant` : `${group(m.high / 1e6)} mnkr a year`;
  if (m.own) return { measure, what: `the organisation's own lines (plausible: ${group(ORGANISATION_LOW)} kr a year to ${high})` };
  return perInhabitant
    ? { measure, what: `a municipality's lines (plausible: ${PER_INHABITANT.low}–${high})` }
    : { measure, what: `a municipality's lines (plausible: ${group(PER_AREA.low)} kr to ${high})` };
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
  if (!explicit && counted.some((m) => m.own)) return organisationUnit(counted, unit, factorOf);
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

/**
 * An assumed unit for the organisation's own lines, whose floor (`ORGANISATION_LOW`) is far below a
 * municipality's: two units are then often plausible, 830 as tkr or mnkr for an overhead, 370 000
 * as kr or tkr for a joint committee's whole budget. Finance systems write tkr without saying so
 * (docs/DATA-NOTES): tkr when it is plausible, else the smallest plausible unit from the one read;
 * a change of unit is said as any inferred unit is, and where the unit read was plausible too, that
 * the unit is a guess between the two.
 */
function organisationUnit(measures: readonly Measure[], unit: AmountUnit, factorOf: number): UnitCheck {
  const candidates = FACTORS.filter(([, f]) => f >= factorOf && plausible(measures, f / factorOf));
  const found = candidates.find(([u]) => u === 'tkr') ?? candidates[0];
  const d = describe(measures, 1);
  if (found === undefined) return { unit: undefined, finding: { code: 'unit-no-plausible', args: d } };
  if (found[0] === unit) return { unit };
  const as = describe(measures, found[1] / factorOf);
  // Read as they are, the amounts were plausible too: a guess between two units, said as one.
  const args: Record<string, string> = { ...d, unit: found[0], plausible: `as ${found[0]}: ${as.measure}` };
  if (candidates.some(([u]) => u === unit)) args.ambiguous = unit;
  return { unit: found[0], finding: { code: 'unit-inferred', args } };
}
