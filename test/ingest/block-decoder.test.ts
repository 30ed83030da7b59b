import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockDecoder } from '../../src/ingest/block-decoder.js';
import { decode } from '../../src/ingest/decode.js';

/** Decodes `lines` (each without its LF) in blocks of the given numbers of lines, as the CSV reader does. */
function byBlocks(lines: readonly Buffer[], sizes: readonly number[], forced?: 'utf-8' | 'windows-1252') {
  const decoder = new BlockDecoder(forced, false);
  const texts: string[] = [];
  let line = 1;
  for (let at = 0, k = 0; at < lines.length; k++) {
    const part = lines.slice(at, at + Math.max(1, sizes[k % sizes.length]!));
    const text = decoder.decode(Buffer.concat(part.map((l) => Buffer.concat([l, Buffer.from('\n')]))), line);
    if (text === undefined) break;
    texts.push(text);
    at += part.length;
    line += part.length;
  }
  return { text: texts.join(''), decoder };
}

const piece = fc.constantFrom([0x61], [0x3b], [0x31, 0x34, 0x36, 0x30], [0xc3, 0xa5], [0xe4], [0x80], [0xf6]);
const line = fc.array(piece, { maxLength: 8 }).map((p) => Buffer.from(p.flat()));

describe('BlockDecoder', () => {
  it('property: blocks decode to what the whole file decodes to, and fail where it fails', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 5 }), (lines, sizes) => {
        const whole = decode(Buffer.concat(lines.map((l) => Buffer.concat([l, Buffer.from('\n')]))));
        const { text, decoder } = byBlocks(lines, sizes);
        if (whole.ok) {
          expect(decoder.fatal).toBeUndefined();
          expect(text).toBe(whole.text);
          expect(decoder.encoding).toBe(whole.encoding);
        } else {
          expect(whole.code).toBe('encoding-invalid');
          if (whole.code !== 'encoding-invalid') return;
          expect(decoder.fatal).toMatchObject({ code: 'encoding-invalid', line: whole.line, column: whole.column });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('switches to Windows-1252 after plain ASCII blocks, and fails when UTF-8 shows up later', () => {
    const decoder = new BlockDecoder(undefined, false);
    expect(decoder.decode(Buffer.from('Kommun;Svar\n'), 1)).toBe('Kommun;Svar\n');
    expect(decoder.decode(Buffer.from('1460;tr\u00e4ff\n', 'latin1'), 2)).toBe('1460;träff\n');
    expect([decoder.encoding, decoder.switched]).toEqual(['windows-1252', true]);
    expect(decoder.decode(Buffer.from('1461;\u0080\n', 'latin1'), 3)).toBe('1461;€\n');
    expect(decoder.decode(Buffer.from('1462;träff\n'), 4)).toBeUndefined();
    expect(decoder.fatal).toMatchObject({ code: 'encoding-invalid', line: 2, column: 8 });
  });

  it('a file forced to UTF-8, or with a byte-order mark, never switches', () => {
    for (const decoder of [new BlockDecoder('utf-8', false), new BlockDecoder(undefined, true)]) {
      expect(decoder.decode(Buffer.from('a\nb\r1460;tr\u00e4ff\n', 'latin1'), 5)).toBeUndefined();
      // A lone CR ends a line too.
      expect(decoder.fatal).toMatchObject({ line: 7, column: 8 });
    }
  });

  it('a later part starts from the state the first part reached', () => {
    const decoder = new BlockDecoder(undefined, false, { encoding: 'windows-1252', sawMultibyte: false, switched: true });
    expect(decoder.decode(Buffer.from('tr\u00e4ff\n', 'latin1'), 1)).toBe('träff\n');
    expect(decoder.decode(Buffer.from('träff\n'), 2)).toBeUndefined();
  });
});
