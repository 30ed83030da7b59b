import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetRows } from '../../src/ingest/budget-rows.js';
import { plainNumber, plainNumberBytes } from '../../src/ingest/number.js';
import type { ParsedInput } from '../../src/ingest/parse-input.js';
import { bothPaths, feeds, budgetRecords, readStreamed } from './helpers.js';

const read = (text: string, blockBytes: number, chunk: number, encoding: 'utf8' | 'latin1') => readStreamed(text, { blockBytes, chunk, encoding, spec: { unit: 'tkr' }, file: 'budget.csv' });

/** What a read gives that does not depend on the rows' own text nor the table's width. */
function outcome(r: ParsedInput) {
  return {
    counts: r.counts, findings: r.findings.map((f) => `${f.severity} ${f.code}@${f.line}:${f.column}`), records: budgetRecords(r),
    rejects: r.rejects.map((x) => `${x.line}: ${x.reason}`), sign: r.sign, unit: r.unit,
  };
}

const HEADER = ['Period', 'Kommun', 'Verksamhet', 'Budget helår', 'Budget månad', 'Utfall månad', 'Prognos helår'];
const amount = fc.constantFrom('1000', '-8333,3', '12,5', '1 000', '..', '', 'x', '-0', '+5', ' 7 ', '1.000,5', '0,25');
const row = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.tuple(
      fc.constantFrom('2024-03', '2024-04', '2025-01', ' 2024-03', '2024', 'x', ''),
      fc.constantFrom('1460', '1460 Bengtsfors', '1461', ' 1461 ', '9999', 'Mellerud', ''),
      fc.constantFrom('Hemtjänst', 'LSS', 'Särskilt boende ', 'Summa', 'Delsumma vård', ''),
      amount, amount, amount, amount,
    ).map((cells) => cells as string[]),
  },
  { weight: 1, arbitrary: fc.constant(HEADER) },
  { weight: 1, arbitrary: fc.constant(['2024-03', '1460', 'Hemtjänst']) },
  { weight: 1, arbitrary: fc.constant(['2024-05', '1460', 'LSS', '1', '2', '3', '4', 'extra']) },
  { weight: 1, arbitrary: fc.constant(['']) },
  // A section heading and a padded footnote: text and no amount.
  { weight: 1, arbitrary: fc.constantFrom(['2024-03', '1460', 'Vård och omsorg', '', '', '', ''], ['', '', 'Vård och omsorg', '', '', '', ''], ['Källa: Raindance', '', '', '', '', '', '']) },
  // Empty spreadsheet rows saved as delimiters, at the table's width and wider.
  { weight: 1, arbitrary: fc.constantFrom(['', '', '', '', '', '', ''], ['', ' ', '', '', '', '', '', '', '']) },
  { weight: 1, arbitrary: fc.constant(['2024-06', '1461', '"Hem;tjänst"', '1', '2', '3', '4']) },
);

/** The first rows (read before the table is set up; the byte path starts after them), each its own line. */
const FIRST = Array.from({ length: 2000 }, (_, i) => ['2023-01', '1460', `Verksamhet ${i}`, '12000,5', '1000,5', '990,25', '12100']);

afterEach(() => vi.restoreAllMocks());

describe('BudgetRows: the byte path', () => {
  it('property: reads every row as the text path does, whatever the blocks, chunks and encoding', () => {
    const taken = vi.spyOn(BudgetRows.prototype, 'amountOfBytes');
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        feeds,
        (rows, feed) => {
          const all = [...FIRST, ...rows];
          const { quick: bytePath, general } = bothPaths(HEADER, all, { ...feed, spec: { unit: 'tkr' }, file: 'budget.csv' });
          expect(outcome(bytePath)).toEqual(outcome(general));
          // A row the byte path handed back keeps its own text, line for line.
          for (const r of bytePath.rejects) expect(r.text).toBe(all[r.line - 2]!.join(';'));
        },
      ),
      { numRuns: 80 },
    );
    expect(taken.mock.calls.length).toBeGreaterThan(0);
  });

  it('a year-dated row in a month-dated file: rejected with its own text, read from its bytes', () => {
    const rows = [...FIRST, ['2024', '1461', 'LSS', '1', '2', '3', '4'], ['2024-02', '1461', 'LSS', '1', '2', '3', '4']];
    const r = read(`${[HEADER, ...rows].map((c) => c.join(';')).join('\r\n')}\r\n`, 64, 1000, 'utf8');
    expect(r.rejects.map((x) => [x.line, x.text])).toEqual([[2002, '2024;1461;LSS;1;2;3;4']]);
  });
});

describe('BudgetRows: the byte path in a file whose columns name their months', () => {
  const header = ['År', 'Kommun', 'Verksamhet', 'Budget helår', 'Budget jan-aug', 'Utfall jan-aug', 'Prognos helår'];
  const first = Array.from({ length: 2000 }, (_, i) => ['2024', '1460', `Verksamhet ${i}`, '12000', '8000', '8100', '12100']);
  const late = fc.tuple(fc.constantFrom('2025', '2025-08', '2025-06', '2024'), fc.constantFrom('Hemtjänst', 'LSS', 'Vård och omsorg'), fc.constantFrom('100', ''))
    .map(([period, activity, amount]) => [period, '1460', activity, amount, amount, amount, amount]);
  it('property: dates and rejects rows as the text path does', () => {
    fc.assert(
      fc.property(fc.array(late, { minLength: 1, maxLength: 20 }), feeds, (rows, feed) => {
        const { quick: bytePath, general } = bothPaths(header, [...first, ...rows], { ...feed, spec: { unit: 'tkr' }, file: 'budget.csv' });
        expect(outcome(bytePath)).toEqual(outcome(general));
      }),
      { numRuns: 25 },
    );
  });
});

describe('plainNumberBytes', () => {
  it('property: reads a cell as plainNumber reads its text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{0,17}([.,][0-9]{0,6})?[ x]?$/), fc.constantFrom(',', '.') as fc.Arbitrary<',' | '.'>, fc.integer({ min: 0, max: 6 }), (cell, decimal, scale) => {
        const bytes = Buffer.from(`;${cell};`);
        expect(plainNumberBytes(bytes, 1, bytes.length - 1, decimal, scale)).toBe(plainNumber(cell, decimal, scale));
      }),
      { numRuns: 500 },
    );
  });
});
