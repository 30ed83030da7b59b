import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteColumn, bytesCutLikeText, cellText, eachByteLine } from '../../src/ingest/byte-cells.js';
import { decodeWindows1252 } from '../../src/ingest/decode.js';
import { eachUnquoted } from '../../src/ingest/table.js';
import type { Delimiter } from '../../src/model/vocabulary.js';

const encode = (text: string) => new TextEncoder().encode(text);
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const lineText = (bytes: Uint8Array, start: number, end: number) => utf8(bytes.subarray(start, end));

/** Lines and cells as `eachByteLine` cuts a text's bytes, each cell decoded; the bytes start `offset` bytes into their buffer. */
function byBytes(text: string, width: number, offset = 0, delimiter: Delimiter = ';'): { line: number; cells: string[] }[] {
  const encoded = encode(text);
  // Delimiters and line ends just outside the block: none of them is read.
  const bytes = new Uint8Array(encoded.length + offset + 7).fill(offset % 2 === 0 ? delimiter.charCodeAt(0) : 0x0a).subarray(offset, offset + encoded.length);
  bytes.set(encoded);
  const bounds = new Int32Array(2 * width);
  const out: { line: number; cells: string[] }[] = [];
  eachByteLine(bytes, delimiter.charCodeAt(0), 5, bounds, (line, start, end, count) => {
    const cells = count <= width ? Array.from({ length: count }, (_, k) => new TextDecoder().decode(bytes.subarray(bounds[2 * k]!, bounds[2 * k + 1]!))) : lineText(bytes, start, end).split(delimiter);
    expect(lineText(bytes, start, end)).toBe(cells.join(delimiter));
    out.push({ line, cells });
    return true;
  });
  return out;
}

function byText(text: string, delimiter: Delimiter = ';'): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  eachUnquoted(text, delimiter, 5, (line, cells) => {
    out.push({ line, cells });
    return true;
  });
  return out;
}

describe('eachByteLine', () => {
  it('property: cuts lines and cells as the text path cuts the decoded text (LF and CRLF, any width)', () => {
    const cell = fc.constantFrom('', 'a', 'Hemtjänst', ' 1460 ', 'Ö', '€ 12', 'x y', 'Vet ej/Ingen åsikt', '1234567');
    fc.assert(
      // Any start in a word (blocks are cut anywhere in their buffer, words are read four bytes at a
      // time where aligned), and a buffer of delimiters or line ends around them.
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 7 }), fc.constantFrom<Delimiter>(';', '\t', ','), (rows, nl, last, width, offset, delimiter) => {
        const text = rows.map((r) => r.join(delimiter)).join(nl) + (last ? nl : '');
        expect(bytesCutLikeText(encode(text))).toBe(true);
        expect(byBytes(text, width, offset, delimiter)).toEqual(byText(text, delimiter));
      }),
      { numRuns: 500 },
    );
  });
  it('leaves a block with a quote or a lone CR to the text path', () => {
    expect(bytesCutLikeText(encode('a;"b"\n'))).toBe(false);
    expect(bytesCutLikeText(encode('a;b\rc;d\n'))).toBe(false);
    expect(bytesCutLikeText(encode('a;b\r\nc;d\r\n'))).toBe(true);
  });
  it('stops when the visit says so', () => {
    const seen: number[] = [];
    eachByteLine(encode('a\nb\nc\n'), 0x3b, 1, new Int32Array(2), (line) => {
      seen.push(line);
      return line < 2;
    });
    expect(seen).toEqual([1, 2]);
  });
});

describe('ByteColumn', () => {
  /** Reads cell 0 of each text through one column, counting how often a text is worked out. */
  function reads(texts: string[], keep: 'all' | 'last') {
    const made: string[] = [];
    const column = new ByteColumn(0, '', (t) => {
      made.push(t);
      return `<${t}>`;
    }, utf8, keep);
    const values = texts.map((t) => {
      const bytes = encode(t);
      return column.get(bytes, Int32Array.of(0, bytes.length));
    });
    return { values, made };
  }
  it('works each distinct text out once, trimmed, and gives it back by its bytes', () => {
    const texts = ['trygghet', 'maten', ' maten', 'trygghet', 'maten', 'åsikt', 'trygghet'];
    const { values, made } = reads(texts, 'all');
    expect(values).toEqual(['<trygghet>', '<maten>', '<maten>', '<trygghet>', '<maten>', '<åsikt>', '<trygghet>']);
    // ' maten' is other bytes than 'maten': worked out apart, to the same trimmed text.
    expect(made).toEqual(['trygghet', 'maten', 'maten', 'åsikt']);
  });
  it('property: whatever the order, every value is its text worked out (many texts: the table grows)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 400 }), fc.constantFrom('all' as const, 'last' as const), (ids, keep) => {
        const texts = ids.map((i) => `t${i}`);
        expect(reads(texts, keep).values).toEqual(texts.map((t) => `<${t}>`));
      }),
    );
  });
  it('past 100 000 texts a column keeps no more: a new text is worked out each time, and nothing links to it', () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => `t${i}`);
    const { values, made } = reads([...texts, 'x', 'x', 't5', 'x'], 'all');
    expect(values.slice(-4)).toEqual(['<x>', '<x>', '<t5>', '<x>']);
    // 'x' came after the cap: worked out three times; 't5' was kept.
    expect(made.slice(100_000)).toEqual(['x', 'x', 'x']);
  });
  it('"last" keeps only the previous text: a text again after another is worked out again', () => {
    expect(reads(['1', '1', '2', '1'], 'last').made).toEqual(['1', '2', '1']);
  });
  it('a role no column plays reads as its fixed text worked out', () => {
    const column = new ByteColumn(undefined, '2025', (t) => `<${t}>`, utf8);
    expect(column.get(encode('x'), Int32Array.of(0, 1))).toBe('<2025>');
  });
  it('decodes a cell trimmed, in the encoding of its block', () => {
    const bytes = encode('a; Särskilt boende ;b');
    expect(cellText(bytes, 2, bytes.length - 2, utf8)).toBe('Särskilt boende');
    const latin = Buffer.from('a; Särskilt boende ;b', 'latin1');
    expect(cellText(latin, 2, latin.length - 2, decodeWindows1252)).toBe('Särskilt boende');
  });
});
