import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../../src/cli/output.js';

/**
 * A slow sink: with a small buffer writing has to wait for 'drain'; with a large one the stream
 * holds blocks it has not yet written while the next ones are filled.
 */
function sink(highWaterMark: number): { out: Writable; bytes: () => Buffer } {
  const got: Buffer[] = [];
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      got.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { out, bytes: () => Buffer.concat(got) };
}

describe('writeChunks', () => {
  it.each([1024, 64 << 20])('writes every piece, in order, as UTF-8: small ones gathered in blocks, huge ones as they are (buffer %i)', async (highWaterMark) => {
    const pieces: string[] = [];
    for (let i = 0; i < 30_000; i++) pieces.push(`    {"area":"0114","service":"Hemtjänst ${i}","x":"€𝄞"}\n`);
    pieces.splice(12_345, 0, 'å'.repeat(400_000)); // more than a block can surely hold (3 bytes per unit)
    pieces.push('', '}\n');
    const { out, bytes } = sink(highWaterMark);
    await writeChunks(out, pieces);
    out.end();
    await new Promise((resolve) => out.on('finish', resolve));
    expect(bytes().equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });
  it('pieces that come again, ASCII or not, short or long, in any order: the same bytes as each encoded anew', async () => {
    const heads = ['    {"service":"Hemtjänst","period":', '    {"service":"Särskilt boende","period":', '    {"service":"Hemtjanst","period":', `    {"x":"${'ö'.repeat(1500)}",`];
    const pieces: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Runs of one head, then another, and back; the rest ASCII, or not (a file named with "å").
      pieces.push(heads[Math.floor(i / 7) % 4]!, heads[(i * 5) % 3]!, `"${2015 + (i % 11)}","n":${i},"sources":[{"file":"${i % 3 === 0 ? 'svar-å.csv' : 'svar.csv'}"}]},\n`);
    }
    const { out, bytes } = sink(1024);
    await writeChunks(out, pieces);
    out.end();
    await new Promise((resolve) => out.on('finish', resolve));
    expect(bytes().equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });
  it('writes nothing for no pieces', async () => {
    const { out, bytes } = sink(1024);
    await writeChunks(out, []);
    expect(bytes().length).toBe(0);
  });
});
