import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRange } from '../../src/ingest/parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'tillit-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = Buffer.from(Array.from({ length: (5 << 19) + 123 }, (_, i) => (i * 7919) % 251));
const path = join(dir, 'data.bin');
writeFileSync(path, bytes);
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('readRange', () => {
  it('gives exactly the bytes of [from, to) in pieces of at most 1 MiB, with fresh or shared buffers', async () => {
    for (const reuse of [false, true]) {
      const fh = await open(path);
      try {
        const pieces: Buffer[] = [];
        for await (const piece of readRange(fh, 100, bytes.length - 7, () => reuse)) {
          expect(piece.length).toBeLessThanOrEqual(1 << 20);
          pieces.push(Buffer.from(piece));
        }
        expect(Buffer.concat(pieces).equals(bytes.subarray(100, bytes.length - 7))).toBe(true);
      } finally {
        await fh.close();
      }
    }
  });
  it('reads the next piece while the caller works on this one, never into this one', async () => {
    const fh = await open(path);
    try {
      let at = 0;
      for await (const piece of readRange(fh, 0, bytes.length, () => true)) {
        // The read under way has had time to land: this piece must still hold its own bytes.
        await pause();
        expect(piece.equals(bytes.subarray(at, at + piece.length))).toBe(true);
        at += piece.length;
      }
      expect(at).toBe(bytes.length);
    } finally {
      await fh.close();
    }
  });
  it('a caller that stops early can close the file at once', async () => {
    const fh = await open(path);
    for await (const piece of readRange(fh, 0, bytes.length, () => true)) {
      expect(piece.length).toBe(1 << 20);
      break;
    }
    await expect(fh.close()).resolves.toBeUndefined();
  });
  it('a read ahead that fails while the caller awaits something else is thrown when it asks, not left unhandled', async () => {
    let reads = 0;
    const failing = {
      read: async (buf: Buffer, offset: number, length: number) => {
        if (++reads === 2) throw new Error('EIO: i/o error, read');
        buf.fill(1, offset, offset + length);
        return { bytesRead: length, buffer: buf };
      },
    } as unknown as FileHandle;
    const pieces = readRange(failing, 0, 3 << 20, () => true);
    expect((await pieces.next()).value).toHaveLength(1 << 20);
    // As readParallel awaits the file's cut points: the read ahead fails meanwhile.
    await pause();
    await expect(pieces.next()).rejects.toThrow(/EIO/);
  });
  it('a failed read is thrown to the caller', async () => {
    const fh = await open(path);
    await fh.close();
    const read = async () => {
      for await (const _ of readRange(fh, 0, bytes.length)) void _;
    };
    await expect(read()).rejects.toThrow(/closed|EBADF/);
  });
});
