import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitTable, type TableColumn } from '../../src/report/fit-table.js';
import { TextTable } from '../../src/report/text-table.js';

const wide = (columns: readonly TableColumn[]) => {
  const t = new TextTable(columns.map((c) => c.head));
  t.push(...(columns[0]?.cells ?? []).map((_, r) => columns.map((c) => String(c.cells[r]))));
  return t.toString();
};
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const words = (text: string) => text.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').split(/\s+/).filter(Boolean).sort();

const quality: TableColumn[] = [
  { head: 'Indikator', cells: ['Nöjdhet totalt (helhetssyn)', 'Bemötande'], wrap: true },
  { head: 'Verksamhet', cells: ['Hemtjänst', 'Särskilt boende'], wrap: true },
  { head: '2025 (95 % KI)', cells: ['93,0 % (86,9–96,4)', '83,1 % (71,5–90,5)'] },
  { head: 'n', cells: ['115', '59'], drop: 3 },
  { head: 'Förändring', cells: ['+4,6 pe (2024)', '+3,5 pe (2024)'], drop: 2 },
  { head: 'Trend', cells: ['→ ingen tydlig trend', '↘ försämras'], wrap: true },
  { head: 'Mot riket', cells: ['+4,3 pe', '-1,0 pe'], drop: 4 },
  { head: 'Status', cells: ['✓ grön', '✗ röd'] },
  { head: 'Serie', cells: ['▃▅▅▁▃▅▁▅▄█', '▁▄▆▅▃▅█▃▄▅'], drop: 1 },
];

describe('fitTable', () => {
  it('draws what the wide table draws when every cell and head fits on one line', () => {
    const natural = widest(wide(quality));
    expect(fitTable(quality, natural)).toEqual({ text: wide(quality), dropped: [] });
    expect(fitTable(quality, 500).text).toBe(wide(quality));
  });
  it('leaves columns out in their order while the cells do not fit on one line, then wraps titles', () => {
    const at120 = fitTable(quality, 120);
    expect(at120.dropped).toEqual(['Förändring', 'Serie']);
    expect(widest(at120.text)).toBeLessThanOrEqual(120);
    expect(at120.text.split('\n')).toHaveLength(6); // nothing wrapped: a rule, the head, a rule, two rows, a rule
    const at80 = fitTable(quality, 80);
    expect(at80.dropped).toEqual(['n', 'Förändring', 'Mot riket', 'Serie']);
    expect(widest(at80.text)).toBeLessThanOrEqual(80);
    // The title wraps at its spaces (the room left goes where it saves most lines: here the service).
    expect(at80.text).toMatch(/│ Nöjdhet +│ Hemtjänst +│[^\n]*\n│ totalt +│[^\n]*\n│ \(helhetssyn\) │/);
    expect(at80.text).toContain('│ Särskilt boende │');
  });
  it('wraps a head before it widens a column for it', () => {
    const t = fitTable([{ head: 'Prognos mot budget', cells: ['-7 887 tkr'] }, { head: 'Status', cells: ['✗ röd'] }], 25);
    expect(t.text.split('\n').slice(1, 3)).toEqual(['│ Prognos    │ Status │', '│ mot budget │        │']);
  });
  it('never cuts a word: a table whose kept columns cannot fit is as narrow as its widest words', () => {
    const t = fitTable([{ head: 'Verksamhet', cells: ['Arbetsmarknadsenheten och försörjningsstöd'], wrap: true }, { head: 'x', cells: ['1'], drop: 1 }], 10);
    expect(t.dropped).toEqual(['x']);
    expect(t.text.split('\n').slice(3, 5)).toEqual(['│ Arbetsmarknadsenheten │', '│ och försörjningsstöd  │']);
  });
  it('paints a wrapped cell line by line, so no colour runs into the border', () => {
    const bold = (s: string) => `<b>${s}</b>`;
    const t = fitTable([{ head: 'Verksamhet', cells: [{ text: 'Totalt (september 2025)', paint: bold }], wrap: true }], 20);
    expect(t.text).toContain('│ <b>Totalt</b>');
    expect(t.text).toContain('│ <b>(september 2025)</b>');
  });
  it('property: fits the width unless every column that may go has gone; keeps every word whole; leaves columns out in their order', () => {
    const word = fc.constantFrom('Hemtjänst', 'och', 'särskilt', 'boende', '→', 'ingen', '12,5 %', '-1 092 tkr', '漢字', 'Individ-', 'familjeomsorg', '▁▂▃');
    const cell = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    const column = fc.record({ head: cell, wrap: fc.boolean(), drop: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) });
    fc.assert(fc.property(fc.array(column, { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 20, max: 200 }), fc.infiniteStream(cell), (cols, rows, width, cells) => {
      const columns: TableColumn[] = cols.map((c, i) => ({ head: `${c.head} h${i}`, wrap: c.wrap, ...(c.drop === undefined ? {} : { drop: c.drop }), cells: Array.from({ length: rows }, () => cells.next().value as string) }));
      const { text, dropped } = fitTable(columns, width);
      const droppable = columns.filter((c) => c.drop !== undefined);
      if (widest(text) > width) expect(dropped).toHaveLength(droppable.length);
      const order = [...droppable].sort((a, b) => a.drop! - b.drop!).map((c) => c.head);
      expect([...dropped].sort()).toEqual(order.slice(0, dropped.length).sort());
      const kept = columns.filter((c) => !dropped.includes(c.head));
      expect(words(text)).toEqual(words(kept.flatMap((c) => [c.head, ...c.cells.map(String)]).join(' ')));
    }), { numRuns: 300 });
  });
});
