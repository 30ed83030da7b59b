import { describe, expect, it } from 'vitest';
import type { LineEntry } from '../../src/indicators/budget-lines.js';
import { BudgetYear } from '../../src/indicators/budget-balance.js';
import { splitFinancing } from '../../src/indicators/financing-lines.js';

const entry = (area: string, activity: string): [string, LineEntry] => [`${area}\u0000${activity}`, { area: { code: area, kind: 'municipality' }, activity, file: 'b.csv', line: { current: new BudgetYear(), before: new BudgetYear() } }];

describe('splitFinancing', () => {
  it('revenue and the financial items of an area with revenue are parted from its activities, and named', () => {
    const entries = new Map([entry('2581', 'Socialnämnden'), entry('2581', 'Skatteintäkter'), entry('2581', 'Finansnetto'), entry('2581', 'Bidrag från regionen'), entry('1460', 'Finansnetto'), entry('1460', 'LSS')]);
    const split = splitFinancing(entries, ['bidrag fran regionen']);
    expect([...split.activities.values()].map((e) => `${e.area.code} ${e.activity}`)).toEqual(['2581 Socialnämnden', '1460 Finansnetto', '1460 LSS']);
    expect([...split.financing.values()].map((e) => e.activity)).toEqual(['Skatteintäkter', 'Finansnetto', 'Bidrag från regionen']);
    // 1460 has no revenue, so no result to count its finansnetto in: it stays an activity, not dropped.
    expect(split.findings.map((f) => [f.code, f.severity, f.file, f.message])).toEqual([
      ['budget-financing-lines', 'info', 'b.csv', "2581: Skatteintäkter, Finansnetto, Bidrag från regionen are revenue or financial items, not activities: left out of the activities and their total, and counted in the year's result"],
    ]);
  });
});
