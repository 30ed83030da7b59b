import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import { truncate } from '../model/text.js';
import type { FindingInput } from '../model/findings.js';

const WIDTH = BUDGET_AMOUNTS.length;
const BUDGET_YEAR = BUDGET_AMOUNTS.indexOf('budgetYear');
const ACTUAL_YTD = BUDGET_AMOUNTS.indexOf('actualYtd');
const FORECAST = BUDGET_AMOUNTS.indexOf('forecast');

/**
 * Whether a line's forecast cannot be its full-year outcome: the other sign than its budget (costs
 * forecast as revenue), or under half of what is already booked this year. A column of forecast
 * deviations under a plain `Prognos` header reads so: −2 000 beside 61 200 booked and a budget of
 * 240 000 was "+242 000 tkr mot budget".
 */
function implausible(budget: number, booked: number, forecast: number): boolean {
  return (budget !== 0 && forecast !== 0 && Math.sign(budget) !== Math.sign(forecast)) || Math.abs(forecast) < 0.5 * Math.abs(booked);
}

/**
 * A forecast column more than half of whose lines (two at least) cannot be a full-year forecast
 * (`implausible`) is not read: its amounts are left blank, with a warning naming the first such
 * line, as a forecast deviation read as the forecast turned every judgement of it. `totals` (sum
 * rows) are not counted: they count lines again.
 */
export function forecastImplausible(table: BudgetTable, header: { text: string; column: number } | undefined, totals: ReadonlySet<number>): FindingInput[] {
  if (header === undefined) return [];
  const a = table.amounts;
  let checked = 0;
  let odd = 0;
  let first = -1;
  for (let i = 0; i < table.length; i++) {
    const [budget, booked, forecast] = [a[i * WIDTH + BUDGET_YEAR]!, a[i * WIDTH + ACTUAL_YTD]!, a[i * WIDTH + FORECAST]!];
    // A line of budget 0 (a unit financed internally) may forecast anything near 0: no evidence.
    if (totals.has(i) || Number.isNaN(budget) || Number.isNaN(booked) || Number.isNaN(forecast) || booked === 0 || budget === 0) continue;
    checked++;
    if (!implausible(budget, booked, forecast)) continue;
    odd++;
    if (first < 0) first = i;
  }
  if (checked < 2 || 2 * odd <= checked) return [];
  for (let i = 0; i < table.length; i++) a[i * WIDTH + FORECAST] = Number.NaN;
  return [{ code: 'forecast-implausible', line: table.line[first]!, column: header.column, args: { header: truncate(header.text), lines: odd, checked } }];
}
