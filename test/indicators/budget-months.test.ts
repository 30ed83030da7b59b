import { describe, expect, it } from 'vitest';
import { budgetMonths, latestIn, outcomeFindings } from '../../src/indicators/budget-months.js';
import { BudgetTable } from '../../src/model/budget-table.js';

/** A table of one area: per month, a cost line's outcome (null: blank) and tax revenue's. */
function table(months: [string, number | null, number | null][]): BudgetTable {
  const t = new BudgetTable('b.csv');
  const area = t.areaId({ code: '1460', kind: 'municipality' });
  months.forEach(([month, cost, tax], k) => {
    t.push(area, t.monthId(month), t.activityId('Äldreomsorg'), 2 * k + 2, 224_400, null, 18_700, null, cost, null);
    t.push(area, t.monthId(month), t.activityId('Skatteintäkter'), 2 * k + 3, -600_000, null, -50_000, null, tax, null);
  });
  return t;
}

describe('budgetMonths, latestIn and outcomeFindings', () => {
  it('the section is at the latest month a line not booked ahead has an outcome; later months are named', () => {
    const t = table([['2025-07', 19_100, -50_000], ['2025-08', 19_100, -50_000], ['2025-09', null, -50_000], ['2025-10', null, null]]);
    const months = budgetMonths([t]);
    expect([...months.booked].sort()).toEqual(['2025-07', '2025-08']);
    const at = latestIn(months.booked, undefined);
    expect(at).toBe('2025-08');
    expect(latestIn(months.booked, '2025-07')).toBe('2025-07');
    expect(latestIn(months.booked, '2024')).toBeNull();
    expect(outcomeFindings([t], months.used, at, true, undefined).map((f) => f.message)).toEqual(['the budget files have budget or forecast for 2025-09 – 2025-10, but no outcome yet: the budget section is at 2025-08, the latest month with an outcome']);
    expect(outcomeFindings([t], months.used, at, true, '2025-10').map((f) => f.code)).toEqual(['period-budget-unbooked']);
  });
  it('only tax revenue has outcomes: it dates the section; none at all: said', () => {
    expect([...budgetMonths([table([['2025-01', null, -50_000]])]).booked]).toEqual(['2025-01']);
    const none = table([['2025-01', null, null]]);
    expect(outcomeFindings([none], budgetMonths([none]).used, '2025-01', false, undefined).map((f) => f.code)).toEqual(['budget-no-outcome']);
  });
});
