import { isFinancialLine, signSense } from '../model/activities.js';
import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import type { RowCounts, Sign, SignAreas } from '../model/input.js';
import { firstNamed, normalizeLabel } from '../model/text.js';
import { amountText, checkTotal, totalParts, type TotalParts } from './budget-totals.js';
import { groupSumRows } from './budget-group-sums.js';
import { checkUnit, yearlyTotals } from './budget-unit.js';
import type { AmountUnit } from './columns.js';
import type { RecordOptions } from './record-options.js';

/** Amounts are read in kronor: the unit's decimal places are moved before the one rounding. */
export const UNIT_SCALE: Record<AmountUnit, number> = { kr: 0, tkr: 3, mnkr: 6 };
const unitFactor = (unit: AmountUnit): number => 10 ** UNIT_SCALE[unit];

/** Where the whole-file checks report, and the sign and unit they settle. */
interface BudgetOut {
  findings: FindingInput[];
  counts: RowCounts;
  sign?: Sign;
  /** The areas of a file whose areas write costs each their own way (see `signsByArea`). */
  signAreas?: SignAreas;
  unit?: AmountUnit;
}

const W = BUDGET_AMOUNTS.length;

/**
 * Budget rows need the whole file: the sign convention is inferred from all amounts, total rows
 * are checked against the sum of their lines (see `totalParts`), and a given deviation against the computed one.
 * `isTotal` names a line's sum kind (`total`, `subtotal`, `part`, or '' for an activity; see `sumKind`);
 * `headings` are the lines of the section headings set aside (sorted), where a total's section starts.
 * Returns the total rows.
 */
export function finishBudget(table: BudgetTable, givens: ReadonlyMap<number, number>, isTotal: (activity: string) => string, sign: Sign | undefined, out: BudgetOut, unit: AmountUnit, headings: readonly number[] = [], givenToDate = false): Set<number> {
  const n = table.length;
  const a = table.amounts;
  // Whether each activity text is a total row: decided once per text.
  const totalText = table.activities.map(isTotal);
  const netCostLines = netCostAsLine(table, totalText);
  const total = (row: number) => {
    const kind = totalText[table.activity[row]!]!;
    return kind === 'net-cost' && netCostLines.has(table.area[row]!) ? '' : kind;
  };
  // Net costs carry the costs' sign whether they are a line or the sum of lines: they tell it too.
  const signText = totalText.map((k) => (k === 'net-cost' ? '' : k));
  const inferred = sign ?? inferSign(table, signText, out.findings);
  out.sign = typeof inferred === 'string' ? inferred : inferred.sign;
  if (sign !== undefined) noteContradiction(table, signText, sign, out.findings);
  const negativeAreas = typeof inferred === 'string' ? undefined : inferred.negative;
  if (typeof inferred !== 'string') out.signAreas = areaCodes(table, inferred);
  const flipOf = (row: number) => ((negativeAreas === undefined ? out.sign === 'costs-negative' : negativeAreas.has(table.area[row]!)) ? -1 : 1);
  const factor = unitFactor(unit);
  // Costs positive; `+ 0` turns a negated zero into 0 (the table holds no −0).
  for (let i = 0; i < n; i++) if (flipOf(i) === -1) for (let k = i * W; k < (i + 1) * W; k++) a[k] = -a[k]! + 0;

  // A group's row that carries its lines' sum under no sum word (`Vård och omsorg` above its
  // indented activities, a committee's row above its own): a subtotal, found by its amounts.
  const groupSums = groupSumRows(table, total, factor);
  const kindOf = (row: number) => (groupSums.has(row) ? 'subtotal' : total(row));
  const totals = new Set(totalText.some((t) => t) || groupSums.size > 0 ? Array.from({ length: n }, (_, i) => i).filter(kindOf) : []);
  if (givens.size === 0 && totals.size === 0) return totals;
  // Only total rows are checked against their lines.
  const parts = totals.size > 0 ? totalParts(table, kindOf, headings) : new Map<number, TotalParts>();
  const opposite: FindingInput[] = [];
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const given = givens.get(i);
    const checked = given === undefined ? undefined : checkGiven(table, i, given, factor, flipOf(i), out.findings, givenToDate);
    if (checked === 'match') matched++;
    else if (checked !== undefined && checked !== 'mismatch') opposite.push(checked);
    if (!totals.has(i)) continue;
    const lines = groupSums.get(i);
    if (lines !== undefined) {
      out.findings.push({ code: 'budget-group-sum', line: table.line[i]!, received: table.activities[table.activity[i]!]!, args: { lines: `${table.line[lines[0]!]!}–${table.line[lines.at(-1)!]!}` } });
      out.counts.used--;
      out.counts.ignored++;
      continue;
    }
    const kind = total(i);
    out.findings.push({ code: SUM_CODE[kind] ?? 'total-row', line: table.line[i]!, received: table.activities[table.activity[i]!]! });
    out.counts.used--;
    out.counts.ignored++;
    // A subtotal or a part sums only some of the lines beside it: not checked against all of them.
    if (kind === 'total') checkTotal(table, i, parts.get(i)!, flipOf(i), factor, out.findings);
  }
  // The other sign on most lines is the file's convention, said once; on a few, each is a mismatch.
  if (opposite.length > matched) out.findings.push({ code: 'deviation-opposite', line: opposite[0]!.line!, args: { lines: opposite.length } });
  else out.findings.push(...opposite);
  return totals;
}

/** The finding a sum kind's row is set aside with (`total-row` for the others). */
const SUM_CODE: Record<string, 'budget-part-line' | 'budget-statement-sum'> = { part: 'budget-part-line', result: 'budget-statement-sum', 'net-cost': 'budget-statement-sum' };

/**
 * The areas whose `Verksamhetens nettokostnader` is a line of its own: it sums its area's other cost
 * lines (committees, or operating costs and depreciation) where the area has any, and counted
 * again it would double them; where it is the area's one line of costs it is that line. Decided per
 * area: one file may hold a resultaträkning for one area and net costs alone for another.
 */
function netCostAsLine(table: BudgetTable, kinds: readonly string[]): Set<number> {
  if (!kinds.includes('net-cost')) return new Set();
  const isCost = table.activities.map((a, t) => kinds[t] === '' && signSense(normalizeLabel(a)) === 'cost' && !isFinancialLine(normalizeLabel(a)));
  const withCosts = new Set<number>();
  const withNetCost = new Set<number>();
  for (let i = 0; i < table.length; i++) {
    const t = table.activity[i]!;
    if (isCost[t]) withCosts.add(table.area[i]!);
    else if (kinds[t] === 'net-cost') withNetCost.add(table.area[i]!);
  }
  return new Set([...withNetCost].filter((area) => !withCosts.has(area)));
}

/**
 * A sign set in the config or by `--sign` is kept; when every budget amount says the other (all
 * costs negative under `costs-positive`), a warning says so: every deviation would be turned.
 */
function noteContradiction(table: BudgetTable, totalText: readonly string[], sign: Sign, findings: FindingInput[]): void {
  const seen: FindingInput[] = [];
  const shown = inferSign(table, totalText, seen);
  if (seen[0]?.code === 'sign-inferred' && shown !== sign) findings.push({ code: 'sign-contradicted', args: { sign: sign === 'costs-negative' ? 'negative' : 'positive', shown: shown === 'costs-negative' ? 'negative' : 'positive' } });
}

/**
 * The sign convention the amounts show: costs all negative or all positive. Revenue and income
 * lines (tax revenue, `Verksamhetens intäkter`, financial income) carry the opposite sign to costs
 * under the net convention, so they say nothing about how costs are written unless nothing else
 * does; a net (finansnetto) may have either sign and says nothing at all.
 */
function inferSign(table: BudgetTable, totalText: readonly string[], findings: FindingInput[]): Sign | ByArea {
  const a = table.amounts;
  const sense = table.activities.map((activity) => signSense(normalizeLabel(activity)));
  const revenueText = sense.map((s) => s !== 'cost');
  let negative = 0;
  let counted = 0;
  const revenue: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const t = table.activity[i]!;
    if (totalText[t]) continue;
    // The annual, year-to-date and monthly budgets (NaN where missing compares false).
    for (let k = i * W; k < i * W + 3; k++) {
      const v = a[k]!;
      if (!(v !== 0 && v === v) || sense[t] === 'net') continue;
      if (revenueText[t]) revenue.push(v);
      else {
        counted++;
        if (v < 0) negative++;
      }
    }
  }
  let sign: Sign | undefined;
  if (negative === counted && negative > 0) sign = 'costs-negative';
  else if (negative === 0 && counted > 0) sign = 'costs-positive';
  else if (counted === 0) {
    // Only revenue lines: under the net convention revenue has the opposite sign to costs.
    if (revenue.length > 0 && revenue.every((v) => v > 0)) sign = 'costs-negative';
    else if (revenue.length > 0 && revenue.every((v) => v < 0)) sign = 'costs-positive';
    else if (revenue.length === 0) sign = 'costs-positive';
  }
  if (sign !== undefined && counted > 0) findings.push({ code: 'sign-inferred', args: { sign: sign === 'costs-negative' ? 'negative' : 'positive' } });
  if (sign !== undefined) return sign;
  return majoritySign(table, totalText, revenueText, findings);
}

/**
 * Mixed signs: each cost line (an area's activity, the budget amounts of all its rows) takes the
 * sign of at least three in four of its amounts (a correction month of the other sign does not
 * turn it), else it is of both. When no line is of both and at least three lines in four share a
 * sign, or the lines of the sign most have hold nine tenths of the budget, that is how costs are
 * written; the other lines are lines whose income exceeds their cost (a refugee reception run on
 * state grants, written positive among costs written negative), named.
 * Otherwise costs are taken as written positive. Either way a warning says so.
 */
function majoritySign(table: BudgetTable, totalText: readonly string[], revenueText: readonly boolean[], findings: FindingInput[]): Sign | ByArea {
  const lines = { negative: [] as string[], positive: [] as string[], both: 0 };
  const signs = lineSigns(table, totalText, revenueText);
  for (const [line, sign] of signs) {
    if (sign === 'both') lines.both++;
    else lines[sign].push(line);
  }
  const byArea = signsByArea(table, signs, areaSizes(table, totalText, revenueText));
  if (byArea !== undefined) {
    const { negative, positive } = areaCodes(table, byArea);
    findings.push({ code: 'sign-by-area', args: { negative: negative.join(', '), positive: positive.join(', ') } });
    return byArea;
  }
  const sizes = lineSizes(table, totalText, revenueText);
  const [most, fewer, sign] = heavier(lines, sizes);
  if (lines.both > 0 || most.length === 0 || (most.length < 3 * fewer.length && !outweighs(most, fewer, sizes))) {
    findings.push({ code: 'sign-mixed', args: { sign: 'positive' } });
    return 'costs-positive';
  }
  const names = [...new Set(fewer.map((line) => line.slice(line.indexOf('\u0000') + 1)))];
  const named = firstNamed(names, 3);
  findings.push({ code: 'sign-majority', args: { sign, count: most.length, of: most.length + fewer.length, lines: named } });
  return sign === 'negative' ? 'costs-negative' : 'costs-positive';
}

/**
 * The lines of the sign most lines have, those of the other, and that sign; on a tie in count, the
 * sign of the larger budget.
 */
function heavier(lines: { negative: string[]; positive: string[] }, sizes: ReadonlyMap<string, number>): readonly [string[], string[], 'negative' | 'positive'] {
  const negativeFirst = lines.negative.length > lines.positive.length || (lines.negative.length === lines.positive.length && budgetOf(lines.negative, sizes) >= budgetOf(lines.positive, sizes));
  return negativeFirst ? [lines.negative, lines.positive, 'negative'] : [lines.positive, lines.negative, 'positive'];
}

/**
 * Whether the lines of the sign most have hold nine tenths of the budget: two elderly-care and
 * family-care lines written negative beside a refugee reception run on grants (+1 200 tkr) write
 * costs negative, however few lines the file has.
 */
function outweighs(most: readonly string[], fewer: readonly string[], sizes: ReadonlyMap<string, number>): boolean {
  return most.length >= 2 && budgetOf(most, sizes) >= 9 * budgetOf(fewer, sizes);
}

/** The lines' budget together (`lineSizes`). */
const budgetOf = (lines: readonly string[], sizes: ReadonlyMap<string, number>): number => lines.reduce((sum, line) => sum + (sizes.get(line) ?? 0), 0);

/** The area codes of each sign, as the report states them. */
function areaCodes(table: BudgetTable, byArea: ByArea): SignAreas {
  const codes = (negative: boolean) => table.areas.filter((_, id) => byArea.areas.has(id) && byArea.negative.has(id) === negative).map((area) => area.code);
  return { negative: codes(true), positive: codes(false) };
}

/** Areas of one file that write costs each their own way: the areas written negative (and the sign most areas write). */
interface ByArea {
  sign: Sign;
  negative: Set<number>;
  /** The areas with cost lines. */
  areas: Set<number>;
}

/**
 * A file of several areas, each of whose cost lines all carry one sign, the areas differing (one
 * municipality's export writes costs negative, the next one's positive, pasted together): each
 * area's costs are read as its lines write them. Undefined when any area's lines differ among
 * themselves, or all areas agree.
 */
function signsByArea(table: BudgetTable, signs: ReadonlyMap<string, 'negative' | 'positive' | 'both'>, sizes: ReadonlyMap<number, number>): ByArea | undefined {
  const byCode = new Map(table.areas.map((area, id) => [area.code, id]));
  const areaSign = new Map<number, 'negative' | 'positive' | 'both'>();
  const lines = new Map<number, number>();
  for (const [line, sign] of signs) {
    const id = byCode.get(line.slice(0, line.indexOf('\u0000')))!;
    const before = areaSign.get(id);
    areaSign.set(id, before === undefined || before === sign ? sign : 'both');
    lines.set(id, (lines.get(id) ?? 0) + 1);
  }
  const values = [...areaSign.values()];
  if (areaSign.size < 2 || values.includes('both') || !values.includes('negative') || !values.includes('positive')) return undefined;
  // A small area of the other sign is more likely lines whose income exceeds their cost (a refugee
  // reception, a labour-market unit) than a convention: an area says how it writes costs by two
  // lines or more, its budget at least a tenth of the largest area's (another municipality's).
  const largest = Math.max(...sizes.values());
  if ([...lines].some(([id, count]) => count < 2 || (sizes.get(id) ?? 0) * 10 < largest)) return undefined;
  const negative = new Set([...areaSign].filter(([, s]) => s === 'negative').map(([id]) => id));
  return { sign: negative.size * 2 > areaSign.size ? 'costs-negative' : 'costs-positive', negative, areas: new Set(areaSign.keys()) };
}

/** Each area's budget over its cost lines, in absolute amounts (a row's full-year budget, else its budget to date or month). */
function areaSizes(table: BudgetTable, totalText: readonly string[], revenueText: readonly boolean[]): Map<number, number> {
  return sizesBy(table, totalText, revenueText, (i) => table.area[i]!);
}

/** Each cost line's budget (its key as `lineSigns` gives it), in absolute amounts. */
function lineSizes(table: BudgetTable, totalText: readonly string[], revenueText: readonly boolean[]): Map<string, number> {
  return sizesBy(table, totalText, revenueText, (i) => lineKey(table, i));
}

function sizesBy<K>(table: BudgetTable, totalText: readonly string[], revenueText: readonly boolean[], keyOf: (i: number) => K): Map<K, number> {
  const a = table.amounts;
  const sizes = new Map<K, number>();
  for (let i = 0; i < table.length; i++) {
    const t = table.activity[i]!;
    if (totalText[t] || revenueText[t]) continue;
    const v = [a[i * W]!, a[i * W + 1]!, a[i * W + 2]!].find((x) => x === x) ?? 0;
    const key = keyOf(i);
    sizes.set(key, (sizes.get(key) ?? 0) + Math.abs(v));
  }
  return sizes;
}

/** A cost line: its area's code and its activity. */
const lineKey = (table: BudgetTable, i: number): string => `${table.areas[table.area[i]!]!.code}\u0000${table.activities[table.activity[i]!]!}`;

/** Each cost line's sign (area code and activity): that of three in four of its budget amounts, else both. */
function lineSigns(table: BudgetTable, totalText: readonly string[], revenueText: readonly boolean[]): Map<string, 'negative' | 'positive' | 'both'> {
  const a = table.amounts;
  const counts = new Map<string, { negative: number; positive: number }>();
  for (let i = 0; i < table.length; i++) {
    const t = table.activity[i]!;
    if (totalText[t] || revenueText[t]) continue;
    const line = lineKey(table, i);
    for (let k = i * W; k < i * W + 3; k++) {
      const v = a[k]!;
      if (!(v !== 0 && v === v)) continue;
      const c = counts.get(line) ?? counts.set(line, { negative: 0, positive: 0 }).get(line)!;
      if (v < 0) c.negative++;
      else c.positive++;
    }
  }
  const out = new Map<string, 'negative' | 'positive' | 'both'>();
  for (const [line, c] of counts) out.set(line, c.negative >= 3 * c.positive ? 'negative' : c.positive >= 3 * c.negative ? 'positive' : 'both');
  return out;
}

/**
 * "Avvikelse" means budget − forecast in one export and budget to date − outcome to date in
 * another ("Avvikelse jan-aug"): a given deviation is checked against both, and warned about only
 * when it is neither. A deviation that is one of them with the other sign (outcome − budget, as
 * some systems write it) is returned, not said: once for the file when most lines have it.
 */
function checkGiven(table: BudgetTable, i: number, given: number, factor: number, flip: number, findings: FindingInput[], toDateOnly: boolean): 'match' | 'mismatch' | FindingInput {
  const [budgetYear, budgetYtd, actualYtd, forecast] = [table.amount(i, 0), table.amount(i, 1), table.amount(i, 3), table.amount(i, 5)];
  // A deviation to date (`Avvikelse ack`) is no full year's: compared with budget − forecast it was
  // called wrong where the file had no outcome to check it by.
  const forYear = !toDateOnly && budgetYear !== null && forecast !== null ? budgetYear - forecast : null;
  const toDate = budgetYtd !== null && actualYtd !== null ? budgetYtd - actualYtd : null;
  const computed = forYear ?? toDate;
  const tolerance = 0.5 * factor;
  const matches = [forYear, toDate].some((c) => c !== null && Math.abs(c - given) <= tolerance);
  if (computed === null || matches) return 'match';
  // The file's own figures, in its sign (the amounts here are turned to costs positive).
  const asWritten = (v: number | null) => (v === null ? '' : Number(amountText((v * flip) / factor)));
  const mismatch: FindingInput = { code: 'deviation-mismatch', line: table.line[i]!, args: { given: Number(amountText(given / factor)), forYear: asWritten(forYear), toDate: asWritten(toDate) } };
  // The other sign: a mismatch the caller says once for the file when most lines have it.
  if ([forYear, toDate].some((c) => c !== null && Math.abs(c + given) <= tolerance)) return mismatch;
  findings.push(mismatch);
  return 'mismatch';
}

/**
 * Believes the file's unit only when its amounts are plausible (see `checkUnit`): an assumed kr that
 * is not is read as the larger unit that is, or, when none is, the file's amounts are left out.
 * `totals` (total, subtotal and part rows) are not measured: they count lines again.
 */
export function settleUnit(table: BudgetTable, out: BudgetOut, opts: RecordOptions, explicit: boolean, headerLine: number, totals: ReadonlySet<number>): void {
  const unit = out.unit ?? 'kr';
  const check = checkUnit(yearlyTotals(table, (code) => opts.population?.[code], totals), unit, explicit);
  if (check.finding) out.findings.push({ ...check.finding, line: headerLine });
  if (check.unit === unit) return;
  // The assumption was wrong: the finding above says what was read instead.
  const assumed = out.findings.findIndex((f) => f.code === 'unit-assumed');
  if (assumed >= 0) out.findings.splice(assumed, 1);
  if (check.unit === undefined) {
    // The whole file's amounts are left out with one error (their texts are the file itself, not
    // kept row by row): counted as ignored, so `--rejects` still holds exactly the rejected rows.
    out.counts.used -= table.length;
    out.counts.ignored += table.length;
    table.retain(() => false);
    return;
  }
  const factor = unitFactor(check.unit) / unitFactor(unit);
  const a = table.amounts;
  // Rare (a file in the wrong unit): 15 digits keep the amount as written, without 0.1 × 1000 noise.
  for (let k = 0; k < table.length * W; k++) a[k] = Number((a[k]! * factor).toPrecision(15));
  out.unit = check.unit;
}
