import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import { firstNamed } from '../model/text.js';

const W = BUDGET_AMOUNTS.length;
const OUTCOMES = [BUDGET_AMOUNTS.indexOf('actualYtd'), BUDGET_AMOUNTS.indexOf('actualMonth')] as const;

/**
 * Months not booked yet. Finance systems export the months ahead of the ledger with their budget and
 * an outcome of 0, and as outcome those 0s close the year far under budget ("slutade 2025 32 % under
 * budget" after August). Per area and year, an outcome of 0 in a month after the area's last month
 * with any other outcome is read as blank: the report's month is then the latest with an outcome,
 * and a line still without one says so (`budget-months-missing`). An area whose outcome is 0 in
 * every month of a year has booked nothing that year. Said once per file (`outcome-not-booked`).
 */
export function unbookedOutcomes(table: BudgetTable, findings: FindingInput[], headerLine: number): void {
  const when = table.months.map(monthOf);
  const a = table.amounts;
  // The last month booked, per area and year: a map keyed by both as one number, no text per row.
  const last = new Map<number, number>();
  const keyOf = (i: number, year: number) => table.area[i]! * 10_000 + year;
  for (let i = 0; i < table.length; i++) {
    const m = when[table.month[i]!];
    if (m === undefined || !(booked(a[i * W + OUTCOMES[0]]!) || booked(a[i * W + OUTCOMES[1]]!))) continue;
    const key = keyOf(i, m.year);
    if ((last.get(key) ?? 0) < m.month) last.set(key, m.month);
  }
  const months = new Set<number>();
  const areas = new Set<number>();
  for (let i = 0; i < table.length; i++) {
    const m = when[table.month[i]!];
    if (m === undefined || m.month <= (last.get(keyOf(i, m.year)) ?? 0)) continue;
    for (const k of OUTCOMES) {
      if (a[i * W + k] !== 0) continue;
      a[i * W + k] = Number.NaN;
      months.add(table.month[i]!);
      areas.add(table.area[i]!);
    }
  }
  if (months.size === 0) return;
  const codes = [...areas].map((id) => table.areas[id]!.code).sort();
  findings.push({ code: 'outcome-not-booked', line: headerLine, args: { areas: firstNamed(codes, 6), months: firstNamed([...months].map((id) => table.months[id]!).sort(), 6) } });
}

function booked(v: number): boolean {
  return v === v && v !== 0;
}

/** `2025-08` or a year-dated `2025` (its figures are after December) as numbers. */
function monthOf(text: string): { year: number; month: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  return m === null ? undefined : { year: Number(m[1]), month: m[2] === undefined ? 12 : Number(m[2]) };
}
