import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetCapacity, sumKind } from '../../src/ingest/budget-rows.js';
import type { ParsedInput } from '../../src/ingest/parse-input.js';
import { budgetRecords, parseText } from './helpers.js';

describe('sumKind', () => {
  it('totals, subtotals and activities that begin with "Totalt"', () => {
    expect(['Summa', 'Totalt', 'Total:', 'Summa verksamhet', 'Totalt kommunen', 'Totalt för hela nämnden'].map(sumKind)).toEqual(Array(6).fill('total'));
    expect(['Delsumma äldreomsorg', 'Delsummor', 'Subtotal LSS'].map(sumKind)).toEqual(Array(3).fill('subtotal'));
    expect(['Totalt stöd och service', 'Totala kostnader för IFO', 'Hemtjänst', 'Summerat'].map(sumKind)).toEqual(Array(4).fill(undefined));
  });
});

describe('budgetCapacity', () => {
  // 4 + 7 + 11 + 3 characters and a delimiter after each cell: 29 per row.
  const sample = [{ line: 2, cells: ['1460', '2025-03', 'Äldreomsorg', '100'] }];
  it('room for the rows a file of its size holds at its first rows\' length, a tenth more', () => {
    expect(budgetCapacity(29 * 10_000, sample)).toBe(11_000);
  });
  it('at least 1024 rows, at most 4M, and 1024 when the size is not known', () => {
    expect(budgetCapacity(100, sample)).toBe(1024);
    expect(budgetCapacity(1e12, sample)).toBe(1 << 22);
    expect(budgetCapacity(undefined, sample)).toBe(1024);
  });
});

/** What a read gives that does not depend on the rows' own text. */
function outcome(r: ParsedInput) {
  return {
    counts: r.counts, sign: r.sign, unit: r.unit, findings: r.findings, budget: budgetRecords(r),
    rejects: r.rejects.map((x) => `${x.line}: ${x.reason}`),
  };
}

const row = fc.record({
  area: fc.constantFrom('1460', '1461', '680', '9999', 'Bengtsfors', ''),
  period: fc.constantFrom('2025-03', '2025-04', '2025', '2025-13', ''),
  activity: fc.constantFrom('Äldreomsorg', 'LSS', 'IFO', 'Summa', 'Delsumma vård', ''),
  amounts: fc.array(fc.constantFrom('100', '-5,5', '1 200', '..', '', 'x', '9007199254740993', '0'), { minLength: 5, maxLength: 5 }),
});

describe('BudgetRows: the quick path', () => {
  it('property: reads every row as the general path does (an empty status column sends every row that way)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const header = 'Kommun;Period;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos;Avvikelse';
        const lines = rows.map((r) => [r.area, r.period, r.activity, ...r.amounts].join(';'));
        const quick = parseText(`${header}\n${lines.join('\n')}\n`, { decimal: ',' });
        const general = parseText(`${header};Status\n${lines.map((l) => `${l};`).join('\n')}\n`, { decimal: ',' });
        expect(outcome(quick)).toEqual(outcome(general));
      }),
      { numRuns: 300 },
    );
  });
});
