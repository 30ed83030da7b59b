import { describe, expect, it } from 'vitest';
import { RowShape } from '../../src/ingest/row-fields.js';
import { parseText } from './helpers.js';

describe('RowShape', () => {
  const shape = new RowShape(['År', 'Kommun', 'Fråga', 'Andel']);
  it('a repeated header is found whatever its case, accents and padding', () => {
    expect(shape.isHeaderRow(['ar', 'KOMMUN', ' fraga ', 'Andel'])).toBe(true);
    expect(shape.repeatsHeader(['År', 'Kommun', 'Fråga', 'Andel'])).toBe(true);
    expect(shape.isHeaderRow(['År', 'Kommun', 'Fråga', 'Värde'])).toBe(false);
  });
  it('an ordinary row has the header\'s width and does not repeat it', () => {
    expect(shape.ordinary(['2024', '1460', 'helhetssyn', '87'])).toBe(true);
    expect(shape.ordinary(['2024', '1460', 'helhetssyn'])).toBe(false);
    expect(shape.ordinary(['År', 'Kommun', 'Fråga', 'Andel'])).toBe(false);
  });
});

describe('a cell that is no number says what it looks like (a helper found "not a number" for <30 and #DIVISION/0! unhelpful)', () => {
  it('a publisher\'s mark for a hidden figure, an Excel error, or nothing more', () => {
    const r = parseText('År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2025;1460;Hemtjänst;helhetssyn;<30;80\n2025;1461;Hemtjänst;helhetssyn;40;#DIVISION/0!\n2025;1462;Hemtjänst;helhetssyn;40;8o\n');
    const hints = r.findings.filter((f) => f.code === 'value-number-invalid').map((f) => `${f.line}: ${f.message.split('threes)')[1]}`);
    expect(hints).toEqual([
      '2: : it looks like a publisher\'s mark for a hidden or uncertain figure (a "<" or "*" beside a number, or an "x"), which no report may read as a number; give the number, or leave the cell empty or ".." for a gap',
      '3: : an Excel error value (#DIVISION/0!, #VÄRDEFEL!, #N/A): the formula behind it failed; fix it in the sheet',
      '4: ',
    ]);
  });
});

describe('RowShape.headerLike', () => {
  const shape = new RowShape(['Kommun', 'Period', 'Verksamhet', 'Budget helår', 'Utfall ack']);
  it('the header again with a caption or a blank first cell is its own; a name out of place, another label or a projects heading is another table\'s; data rows are neither', () => {
    expect(shape.headerLike(['', 'Period', 'Verksamhet', 'Budget helår', 'Utfall ack'])).toBe('own');
    expect(shape.headerLike(['Vård och omsorg', 'Period', 'Verksamhet', 'Budget helår', 'Utfall ack'])).toBe('own');
    expect(shape.headerLike(['Kommun', 'Period', 'Projekt', 'Budget helår', 'Utfall ack'])).toBe('other');
    expect(shape.headerLike(['Investeringar', 'Period', 'Verksamhet', 'Budget helår', 'Utfall ack'])).toBe('other');
    expect(shape.headerLike(['Period', 'Kommun', 'Verksamhet', 'Utfall ack', 'Budget helår'])).toBe('other');
    expect(shape.headerLike(['1460', '2025-08', 'Äldreomsorg', '224 442', '152 100'])).toBeUndefined();
    // One name among figures is a data row whose activity happens to read like a column.
    expect(shape.headerLike(['1460', '2025-08', 'Verksamhet', '224 442', '152 100'])).toBeUndefined();
  });
});

describe('a published table\'s sum rows in its area column (a tester\'s "Totalt", "Samtliga kommuner", "Jönköpings län totalt")', () => {
  it('are set aside with an info finding, not rejected as unknown areas; Riket under any of its names stays Riket', () => {
    const head = 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel';
    const rows = ['2024;Habo;Hemtjänst;helhetssyn;110;91', '2024;Samtliga kommuner;Hemtjänst;helhetssyn;90000;86', '2024;Jönköpings län totalt;Hemtjänst;helhetssyn;3000;85', '2024;Summa;Hemtjänst;helhetssyn;93110;86', '2024;Totalt;Hemtjänst;helhetssyn;930;84,9', '2024;Riket totalt;Hemtjänst;helhetssyn;90000;86', '2024;Totalsumman för Habo;Hemtjänst;helhetssyn;1;1'];
    const r = parseText(`${head}\n${rows.join('\n')}\n`);
    expect(r.records.map((x) => x.area.code)).toEqual(['0643', '0000']);
    expect(r.findings.filter((f) => f.code === 'area-sum-row').map((f) => [f.severity, f.line, f.column])).toEqual([['info', 3, 2], ['info', 4, 2], ['info', 5, 2], ['info', 6, 2]]);
    // Anything else unknown is still an error.
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.line])).toEqual([['area-unknown', 8]]);
  });
});
