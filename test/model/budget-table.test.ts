import { describe, expect, it } from 'vitest';
import { BudgetTable } from '../../src/model/budget-table.js';
import type { BudgetRecord } from '../../src/model/records.js';

const bengtsfors = { code: '1460', kind: 'municipality' as const };

describe('BudgetTable', () => {
  it('gives back every row as the record it was, nulls and negative amounts included, past its first capacity', () => {
    const table = new BudgetTable('b.csv', 4);
    const expected: BudgetRecord[] = [];
    for (let i = 0; i < 50; i++) {
      const area = i % 3 === 0 ? { code: '1461', kind: 'municipality' as const } : bengtsfors;
      const period = `2025-${String((i % 12) + 1).padStart(2, '0')}`;
      const activity = i % 2 === 0 ? 'LSS' : 'Äldreomsorg';
      const amounts = [i * 1000, i % 4 === 0 ? null : -i, 0.5 * i, null, i % 5 === 0 ? null : 1e12 + i, -0.25];
      table.push(table.areaId(area), table.monthId(period), table.activityId(activity), i + 2, ...(amounts as [number | null, number | null, number | null, number | null, number | null, number | null]));
      expected.push({
        kind: 'budget', area, period, activity, budgetYear: amounts[0]!, budgetYtd: amounts[1]!, budgetMonth: amounts[2]!,
        actualYtd: amounts[3]!, actualMonth: amounts[4]!, forecast: amounts[5]!, source: { file: 'b.csv', line: i + 2 },
      });
    }
    expect(table.length).toBe(50);
    expect(table.records()).toEqual(expected);
    expect(table.areas).toHaveLength(2);
    expect(table.months).toHaveLength(12);
    expect(table.activities).toEqual(['LSS', 'Äldreomsorg']);
  });

  it('knows an area by kind and code, whichever object names it', () => {
    const table = new BudgetTable('b.csv');
    const a = table.areaId(bengtsfors);
    expect(table.areaId({ code: '1460', kind: 'municipality' })).toBe(a);
    expect(table.areaId({ code: '1460', kind: 'organisation' })).not.toBe(a);
  });

  it('retains the rows asked for, in order', () => {
    const table = new BudgetTable('b.csv', 2);
    for (let i = 0; i < 7; i++) table.push(table.areaId(bengtsfors), table.monthId('2025-01'), table.activityId(`A${i}`), i + 2, i, null, null, null, null, -i);
    table.retain((row) => row % 3 !== 1);
    expect(table.records().map((r) => [r.activity, r.budgetYear, r.forecast, r.source.line])).toEqual([
      ['A0', 0, 0, 2], ['A2', 2, -2, 4], ['A3', 3, -3, 5], ['A5', 5, -5, 7], ['A6', 6, -6, 8],
    ]);
    // −0 (here the first forecast) is kept as 0.
    expect(Object.is(table.records()[0]!.forecast, 0)).toBe(true);
  });
});
