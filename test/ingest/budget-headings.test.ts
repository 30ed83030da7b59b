import { describe, expect, it } from 'vitest';
import { settleEmptyLines } from '../../src/ingest/budget-headings.js';
import type { RecordsResult } from '../../src/ingest/record-options.js';
import { BudgetTable } from '../../src/model/budget-table.js';
import { resolveArea } from '../../src/model/register.js';

describe('settleEmptyLines', () => {
  it('sets aside an empty row whose line has no amount anywhere, keeps one whose line has, and renumbers the given deviations', () => {
    const table = new BudgetTable('b.csv');
    const area = table.areaId((resolveArea('1460') as { ok: true; area: Parameters<BudgetTable['areaId']>[0] }).area);
    const [jan, feb] = [table.monthId('2025-01'), table.monthId('2025-02')];
    const [heading, care] = [table.activityId('Vård och omsorg'), table.activityId('Äldreomsorg')];
    table.push(area, jan, heading, 2, null, null, null, null, null, null);
    table.push(area, jan, care, 3, 1200, null, 100, null, 95, null);
    table.push(area, feb, care, 4, null, null, null, null, null, null);
    const out = { findings: [], counts: { read: 3, used: 3, rejected: 0, ignored: 0 } } as unknown as RecordsResult;
    const given = settleEmptyLines(table, new Set([2, 4]), new Map([[1, 5]]), out);
    expect(Array.from(table.line.subarray(0, table.length))).toEqual([3, 4]);
    expect(out.findings).toEqual([{ code: 'budget-heading', line: 2, received: 'Vård och omsorg' }]);
    expect(out.counts).toEqual({ read: 3, used: 2, rejected: 0, ignored: 1 });
    expect([...given]).toEqual([[0, 5]]);
  });
});
