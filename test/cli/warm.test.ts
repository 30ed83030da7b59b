import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { MAX_THREADS, PARALLEL_MIN_BYTES } from '../../src/ingest/reading-workers.js';
import { threadsWanted, warmReaders } from '../../src/cli/warm.js';

describe('threadsWanted', () => {
  it('the machine\'s cores and 32 MiB unless told', () => {
    expect(threadsWanted(undefined, {})).toEqual({ threads: Math.min(availableParallelism(), MAX_THREADS), minBytes: PARALLEL_MIN_BYTES });
  });
  it('--threads, at most MAX_THREADS', () => {
    expect(threadsWanted(3, {}).threads).toBe(3);
    expect(threadsWanted(256, {}).threads).toBe(MAX_THREADS);
  });
  it('TILLIT_PARALLEL_MIN_BYTES when it is a positive whole number, else the default', () => {
    expect(threadsWanted(2, { TILLIT_PARALLEL_MIN_BYTES: '1000' }).minBytes).toBe(1000);
    for (const bad of ['0', '-5', '1.5', 'many', '']) expect(threadsWanted(2, { TILLIT_PARALLEL_MIN_BYTES: bad }).minBytes).toBe(PARALLEL_MIN_BYTES);
  });
});

describe('warmReaders', () => {
  it('any number of named files, none of them there: nothing warmed, nothing thrown (a spread of 200 000 overflowed the stack)', () => {
    const files = Array.from({ length: 200_000 }, (_, i) => `/nowhere/${i}.csv`);
    expect(() => warmReaders(files, 2, {})).not.toThrow();
    expect(() => warmReaders(files, undefined, { TILLIT_PARALLEL_MIN_BYTES: '1' })).not.toThrow();
  });
});
