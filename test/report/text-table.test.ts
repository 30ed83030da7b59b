import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextTable } from '../../src/report/text-table.js';

const oracle = (head: string[], rows: string[][]) => {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  t.push(...rows);
  return t.toString();
};
const mine = (head: string[], rows: string[][]) => {
  const t = new TextTable(head);
  t.push(...rows);
  return t.toString();
};

describe('TextTable: what cli-table3 draws, in linear time', () => {
  it('property: the same characters for any cells (wide, coloured, multi-line, empty)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', 'Äldreomsorg', '87,5 %', '\u001b[31mröd\u001b[39m', '漢字', 'två\nrader', '−1 234'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }), (n, rows) => {
        const head = ['Verksamhet', 'Budget', 'Utfall', 'Avvikelse', 'x'].slice(0, n);
        const body = rows.map((r) => r.slice(0, n));
        expect(mine(head, body)).toBe(oracle(head, body));
      }),
      { numRuns: 200 },
    );
  });
  it('20 000 rows in seconds (cli-table3 took minutes)', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Verksamhet ${i}`, String(i * 1000), '−12 %']);
    const started = Date.now();
    const text = mine(['a', 'b', 'c'], rows);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(text.split('\n')).toHaveLength(20_000 + 4);
  });
});
