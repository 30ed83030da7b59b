import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundaryScanner } from '../../src/ingest/boundary-scanner.js';

/** Record ends by the definition: just past a line break (LF, CRLF, lone CR) outside quotes. */
function boundaries(bytes: Uint8Array): Set<number> {
  const ends = new Set<number>();
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a))) ends.add(i + 1);
  }
  return ends;
}

/** Physical line breaks, quoted or not (CRLF is one). */
function lineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n++;
  return n;
}

/** Feeds `bytes` in chunks of the given sizes, taking blocks as the CSV reader does; returns them, copied. */
function cut(bytes: Uint8Array, chunkSizes: readonly number[], minBytes: number): { bytes: Buffer; lines: number }[] {
  const scanner = new BoundaryScanner();
  const blocks: { bytes: Buffer; lines: number }[] = [];
  const drain = (final: boolean) => {
    for (let b = scanner.take(final, minBytes); b !== undefined; b = scanner.take(final, minBytes)) {
      blocks.push({ bytes: Buffer.from(b.bytes), lines: b.lines });
      scanner.release();
    }
  };
  let k = 0;
  for (let at = 0; at < bytes.length;) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    scanner.append(bytes.subarray(at, at + size));
    at += size;
    scanner.scan(false);
    drain(false);
  }
  scanner.scan(true);
  drain(true);
  return blocks;
}

const text = fc.array(fc.constantFrom('a', 'bc', ';', '"', '""', '\n', '\r', '\r\n', 'å', 'x'.repeat(40)), { maxLength: 200 }).map((parts) => Buffer.from(parts.join('')));

describe('BoundaryScanner', () => {
  it('property: whatever the chunks, the blocks are the input cut at record ends, each with its lines', () => {
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 200 }), (bytes, chunks, minBytes) => {
        const ends = boundaries(bytes);
        const blocks = cut(bytes, chunks, minBytes);
        expect(Buffer.concat(blocks.map((b) => b.bytes)).equals(bytes)).toBe(true);
        let offset = 0;
        blocks.forEach((b, i) => {
          expect(b.bytes.length).toBeGreaterThan(0);
          offset += b.bytes.length;
          const atEnd = ends.has(offset);
          // Only the last block may end elsewhere than at a record's end (the last record without a line break).
          if (i < blocks.length - 1) expect(atEnd).toBe(true);
          expect(b.lines).toBe(lineBreaks(b.bytes) + (atEnd ? 0 : 1));
        });
        // Read whole, the same bytes span the same lines.
        const whole = cut(bytes, [bytes.length || 1], Number.MAX_SAFE_INTEGER);
        expect(blocks.reduce((n, b) => n + b.lines, 0)).toBe(whole.reduce((n, b) => n + b.lines, 0));
      }),
      { numRuns: 500 },
    );
  });

  it('a CRLF split across two chunks is one line break, and a CR at a chunk end waits for the next byte', () => {
    const bytes = Buffer.from('a;b\r\nc;d\re;f\r\n');
    const blocks = cut(bytes, [4, 1, 4, 1, 100], 1);
    expect(blocks.map((b) => b.bytes.toString())).toEqual(['a;b\r\n', 'c;d\r', 'e;f\r\n']);
    expect(blocks.map((b) => b.lines)).toEqual([1, 1, 1]);
  });

  it('a line break inside quotes ends no block; an unterminated quote runs to the end as the last block', () => {
    const blocks = cut(Buffer.from('1;"two\nlines";3\n4;"open\n5;6\n'), [3], 1);
    expect(blocks.map((b) => b.bytes.toString())).toEqual(['1;"two\nlines";3\n', '4;"open\n5;6\n']);
    expect(blocks.map((b) => b.lines)).toEqual([2, 3]);
  });

  it('waits for a block of at least minBytes unless the input is at its end', () => {
    const scanner = new BoundaryScanner();
    scanner.append(Buffer.from('ab\ncd\nef'));
    scanner.scan(false);
    expect(scanner.take(false, 10)).toBeUndefined();
    expect(scanner.unfinished).toBe(2);
    const block = scanner.take(false, 6)!;
    expect([block.bytes.toString(), block.lines]).toEqual(['ab\ncd\n', 2]);
    scanner.release();
    scanner.scan(true);
    expect(scanner.take(true, 10)!.bytes.toString()).toBe('ef');
  });
});
