import { describe, expect, it } from 'vitest';
import { MAX_THREADS, partsFor, PARALLEL_MIN_BYTES } from '../../src/ingest/reading-workers.js';

describe('partsFor: how many parts a file is cut into', () => {
  const two = { threads: 2, minBytes: PARALLEL_MIN_BYTES };
  it('below the size from which files are cut: one part, whatever the threads', () => {
    expect(partsFor(PARALLEL_MIN_BYTES - 1, two)).toBe(1);
    expect(partsFor(0, { threads: 8, minBytes: PARALLEL_MIN_BYTES })).toBe(1);
  });
  it('from that size on: one part per thread', () => {
    expect(partsFor(PARALLEL_MIN_BYTES, two)).toBe(2);
    expect(partsFor(10 * PARALLEL_MIN_BYTES, two)).toBe(2);
  });
  it('each part at least half that size: 2.5 × the size gives five parts of eight threads', () => {
    expect(partsFor(2.5 * PARALLEL_MIN_BYTES, { threads: 8, minBytes: PARALLEL_MIN_BYTES })).toBe(5);
  });
  it('never more than MAX_THREADS, nor fewer than one (one thread, or a minimum of 0 bytes)', () => {
    expect(partsFor(1e12, { threads: 64, minBytes: PARALLEL_MIN_BYTES })).toBe(MAX_THREADS);
    expect(partsFor(1e9, { threads: 1, minBytes: PARALLEL_MIN_BYTES })).toBe(1);
    expect(partsFor(100, { threads: 4, minBytes: 1 })).toBe(4);
  });
});
