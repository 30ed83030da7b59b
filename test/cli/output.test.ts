import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChunks, writeStdout } from '../../src/cli/output.js';
import { CONFIG, tillit } from './run.js';

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
  it('a sink that keeps what it is given (a test harness, a PassThrough) gets blocks of its own', async () => {
    const kept: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        kept.push(chunk);
        done();
      },
    });
    const pieces = Array.from({ length: 60_000 }, (_, i) => `    {"n":${i},"service":"Hemtjänst"},\n`);
    await writeChunks(out, pieces);
    expect(kept.length).toBeGreaterThan(2);
    expect(Buffer.concat(kept).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });
  it('for a file stream, fills the next block while one is being written, never the one being written, and holds no more than that', async () => {
    const got: Buffer[] = [];
    let pending = 0;
    let most = 0;
    // A sink that takes its time and reads each block only when it is done with it.
    const out = new Writable({
      highWaterMark: 64 << 20,
      write(chunk: Buffer, _encoding, done) {
        most = Math.max(most, ++pending);
        setTimeout(() => {
          got.push(Buffer.from(chunk));
          pending--;
          done();
        }, 2);
      },
    });
    const pieces = Array.from({ length: 40_000 }, (_, i) => `    {"n":${i},"service":"Hemtjänst","x":"${'y'.repeat(i % 97)}"},\n`);
    await writeChunks(out, pieces, true);
    out.end();
    await new Promise((resolve) => out.on('finish', resolve));
    expect(got.length).toBeGreaterThan(3);
    expect(Buffer.concat(got).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(most).toBe(1);
  });
  it('a block that cannot be written fails the write', async () => {
    const out = new Writable({ write: (_chunk, _encoding, done) => done(new Error('ENOSPC: no space left on device')) });
    out.on('error', () => undefined);
    await expect(writeChunks(out, Array.from({ length: 20_000 }, () => 'x'.repeat(100)))).rejects.toThrow(/ENOSPC/);
  });
  it('writes nothing for no pieces', async () => {
    const { out, bytes } = sink(1024);
    await writeChunks(out, []);
    expect(bytes().length).toBe(0);
  });
  it('standard output that is a file is written through its descriptor, after what it holds, and leaves it open for what follows', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tillit-stdout-')), 'report.json');
    const fd = openSync(path, 'w');
    writeSync(fd, 'before\n');
    // What Node gives a process whose standard output is a file: a stream that writes to `fd` at once.
    let throughStream = 0;
    const stdout = Object.assign(new Writable({ write: (chunk: Buffer, _e, done) => { throughStream++; writeSync(fd, chunk); done(); } }), { fd });
    const pieces = Array.from({ length: 50_000 }, (_, i) => `    {"n":${i},"service":"Hemtjänst"},\n`);
    await writeStdout(stdout, pieces);
    writeSync(fd, 'after\n');
    closeSync(fd);
    expect(throughStream).toBe(0);
    expect(readFileSync(path).equals(Buffer.from(`before\n${pieces.join('')}after\n`, 'utf8'))).toBe(true);
  });
  it('standard output that is a file it cannot write (opened read-only) is an output error, not an unhandled one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tillit-stdout-')), 'report.json');
    writeFileSync(path, '');
    const fd = openSync(path, 'r');
    const stdout = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { fd });
    await expect(writeStdout(stdout, ['{"a":1}\n'])).rejects.toThrow(/cannot write to standard output: EBADF/);
    closeSync(fd);
  });
});

describe('an output that cannot be written', () => {
  it('is named with the system\'s code and what it means, for --out, --summary and init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-out-'));
    writeFileSync(join(dir, 'file'), 'x');
    const cases: [string[], string][] = [
      [['report', '--config', CONFIG, '--out', join(dir, 'missing', 'r.json')], `tillit: cannot write ${join(dir, 'missing', 'r.json')}: ENOENT (no such folder)\n`],
      [['report', '--config', CONFIG, '--out', join(dir, 'file', 'r.txt')], `tillit: cannot write ${join(dir, 'file', 'r.txt')}: ENOTDIR (a folder in its path is not a folder)\n`],
      [['report', '--config', CONFIG, '--format', 'json', '--summary', dir], `tillit: cannot append to ${dir}: EISDIR (it is a directory)\n`],
      [['init', '--out', join(dir, 'missing', 'c.json')], `tillit: cannot write ${join(dir, 'missing', 'c.json')}: ENOENT (no such folder)\n`],
    ];
    for (const [args, message] of cases) {
      const r = await tillit(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });
});
