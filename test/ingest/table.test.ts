import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseBlock, parseCsv, readHead, readTable, splitQuotedCells, splitUnquoted, type Delimiter } from '../../src/ingest/table.js';

describe('detectDelimiter', () => {
  it('counts only outside quotes', () => {
    expect(detectDelimiter('Kommun;År;Andel')).toBe(';');
    expect(detectDelimiter('"Kommun, namn";"År"')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });
});

const lc = (rows: { line: number; cells: string[] }[]) => rows.map(({ line, cells }) => ({ line, cells }));

describe('readTable', () => {
  it('keeps physical line numbers across CRLF, quoted newlines and blank lines', () => {
    const t = readTable('a;b\r\n1;"x\r\ny"\r\n\r\n3;4\r\n');
    expect(t.headers).toEqual(['a', 'b']);
    expect(lc(t.rows)).toEqual([{ line: 2, cells: ['1', 'x\r\ny'] }, { line: 5, cells: ['3', '4'] }]);
    expect(t.blankLines).toBe(1);
    expect(t.rawText(t.rows[0]!)).toBe('1;"x\r\ny"');
  });
  it('skips a line of only delimiters (an empty spreadsheet row) as a blank line, whatever its width', () => {
    const t = readTable('a;b;c\n1;2;3\n;;\n;;;;;\n"";"";""\n4;5;6\n');
    expect(lc(t.rows)).toEqual([{ line: 2, cells: ['1', '2', '3'] }, { line: 6, cells: ['4', '5', '6'] }]);
    expect(t.blankLines).toBe(3);
  });
  it('skips a PX-Web title and blank line, keeping the title', () => {
    const t = readTable('"Folkmängd efter region, år"\n\n"region","2023","2024"\n"1460 Bengtsfors",9564,9498\n');
    expect(t.title).toBe('Folkmängd efter region, år');
    expect(t.delimiter).toBe(',');
    expect(t.headerLine).toBe(3);
    expect(lc(t.rows)[0]).toEqual({ line: 4, cells: ['1460 Bengtsfors', '9564', '9498'] });
  });
  it('reports an unterminated quote with the lines it swallowed instead of throwing', () => {
    const t = readTable('a;b\n1;2\n3;"x\n4;5\n');
    expect(lc(t.rows)).toEqual([{ line: 2, cells: ['1', '2'] }]);
    expect(t.findings).toEqual([{ code: 'csv-syntax', line: 3, column: 2, args: { reason: expect.stringContaining('lines 3–4 not read') } }]);
    expect(t.unreadable).toEqual([{ line: 3, text: '3;"x\n4;5' }]);
  });
  it('splits mixed CRLF, LF and CR line endings as lines', () => {
    const t = readTable('a;b\r\n1;2\n3;4\r5;6\r\n');
    expect(lc(t.rows)).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 3, cells: ['3', '4'] }, { line: 4, cells: ['5', '6'] }]);
  });
  it('stops at the row limit and says so', () => {
    const t = readTable('a;b\n1;2\n3;4\n5;6\n', { maxRows: 2 });
    expect(t.rows).toHaveLength(2);
    expect(t.truncated).toBe(true);
    expect(readTable('a;b\n1;2\n3;4\n', { maxRows: 2 }).truncated).toBe(false);
  });
});

describe('title lines above the table', () => {
  it('skips unquoted report titles (one delimiter-like character at most) and keeps their text', () => {
    const t = readTable('Bengtsfors kommun\nMånadsuppföljning jan–apr 2025, belopp i tkr\n\nVerksamhet;Budget helår;Utfall ack\nLSS;100;30\n');
    expect(t.title).toBe('Bengtsfors kommun – Månadsuppföljning jan–apr 2025, belopp i tkr');
    expect(t.headerLine).toBe(4);
    expect(t.headers).toEqual(['Verksamhet', 'Budget helår', 'Utfall ack']);
    expect(t.rows).toEqual([{ line: 5, cells: ['LSS', '100', '30'] }]);
  });
  it('a two-column header is a header, not a title, when it names known columns', () => {
    const t = readTable('Kommun;Andel\n1460;85;x;y\n');
    expect(t.title).toBeUndefined();
    expect(t.headers).toEqual(['Kommun', 'Andel']);
  });
  it('a comma-separated table under a title with one comma', () => {
    const t = readTable('Uppföljning april 2025, tkr\nVerksamhet,Budget helår,Utfall ack,Prognos\nLSS,100,30,99\n');
    expect(t.delimiter).toBe(',');
    expect(t.title).toBe('Uppföljning april 2025, tkr');
    expect(t.headerLine).toBe(2);
  });
});

describe('splitUnquoted', () => {
  const alphabet = fc.constantFrom('a', 'Ö', '1', ',', ';', '\t', ' ', '\r', '\n', '\r\n', '..', 'é');
  it('reads a text without quotes exactly as csv-parse does, line numbers included', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.constantFrom<Delimiter>(';', ',', '\t'), fc.integer({ min: 1, max: 9 }), (text, delimiter, first) => {
        expect(splitUnquoted(text, delimiter, first)).toEqual(parseCsv(text, delimiter, first).records);
      }),
      { numRuns: 2000 },
    );
  });
  it('reads Windows line ends (CRLF only) exactly as csv-parse does', () => {
    const cells = fc.array(fc.constantFrom('a', 'Ö', '1', ' ', ';', ',', '\t', ''), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(cells, { maxLength: 12 }), fc.boolean(), fc.constantFrom<Delimiter>(';', ',', '\t'), (lines, lastBreak, delimiter) => {
        const text = `${lines.join('\r\n')}${lastBreak && lines.length > 0 ? '\r\n' : ''}`;
        expect(splitUnquoted(text, delimiter, 1)).toEqual(parseCsv(text, delimiter, 1).records);
      }),
      { numRuns: 1000 },
    );
  });
  it('is what parseBlock uses when a block has no quote', () => {
    expect(parseBlock('a;b\n\n1;2', ';', 4).records).toEqual([{ line: 4, cells: ['a', 'b'] }, { line: 5, cells: [''] }, { line: 6, cells: ['1', '2'] }]);
    expect(parseBlock('', ';', 1).records).toEqual([]);
  });
});

describe('splitQuotedCells', () => {
  const text = fc.array(fc.constantFrom('a', 'Ö', '1', ' ', ',', ';', '\t', '"', '\n', '\r\n', 'é', ''), { maxLength: 6 }).map((a) => a.join(''));
  /** A cell as a file might hold it: bare, quoted as RFC 4180 says, or quoted the way people get it wrong. */
  const cell = fc.tuple(text, fc.constantFrom('bare', 'quoted', 'quoted', 'half')).map(([t, how]) =>
    how === 'bare' ? t : how === 'quoted' ? `"${t.replace(/"/g, '""')}"` : `"${t}`);
  it('property: parseBlock reads quoted text exactly as csv-parse does, line numbers, findings and lost lines included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.constantFrom<Delimiter>(';', ',', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 9 }),
        (rows, delimiter, nl, first) => {
          const block = rows.map((r) => r.join(delimiter)).join(nl);
          expect(parseBlock(block, delimiter, first)).toEqual(parseCsv(block, delimiter, first));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('takes a block whose quotes wrap whole cells, and nothing else', () => {
    expect(splitQuotedCells('"a";"b c"\n1;""\n"Ö";2', ';', 3)).toEqual([
      { line: 3, cells: ['a', 'b c'] }, { line: 4, cells: ['1', ''] }, { line: 5, cells: ['Ö', '2'] },
    ]);
    for (const odd of ['"a""b";c', '"a;b";c', '"a\nb";c', 'a"b;c', '"a" ;c', '";c']) expect(splitQuotedCells(odd, ';', 1)).toBeUndefined();
  });
});

describe('title lines saved from Excel', () => {
  it('a title padded with delimiters to the table\'s width is a title; a row of delimiters is blank', () => {
    const head = readHead('Piteå kommun;;;;\r\n"Delårsrapport 2025";;;;\r\n;;;;\r\nVerksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Kommentar\r\nA;1;2;3;x\r\n');
    expect(head).toMatchObject({ title: 'Piteå kommun – Delårsrapport 2025', skippedLines: 3, delimiter: ';' });
  });
  it('a padded line that names a column is the header, not a title', () => {
    expect(readHead('Verksamhet;;;\r\nA;1;2;3\r\n').skippedLines).toBe(0);
  });
});

describe('an unterminated quote names the column it opens in', () => {
  it('the cell whose opening quote is never closed; quotes inside a cell or closed on the line are none', () => {
    const at = (line: string) => readTable(`a;b;c\n${line}\n4;5;6\n`).findings[0]?.column;
    expect(at('1;2;"x')).toBe(3);
    expect(at('"1";"2')).toBe(2);
    expect(at('1;a"b;"c"";d')).toBe(3);
  });
});
