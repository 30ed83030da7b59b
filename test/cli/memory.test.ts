import { describe, expect, it } from 'vitest';
import { collectGarbage, readMostlyGarbage } from '../../src/cli/memory.js';

/** A respondent file keeps its answer groups in tables (one per part it was read in), a published file its records. */
const input = (read: number, kept: number) => ({ counts: { read, used: kept, rejected: 0, ignored: 0 }, records: [], answers: [{ length: kept } as never] });
const records = (read: number, kept: number) => ({ counts: { read, used: kept, rejected: 0, ignored: 0 }, records: { length: kept } as never[] });
/** A budget file keeps its rows in a table, not as records. */
const budgetFile = (rows: number) => ({ counts: { read: rows, used: rows, rejected: 0, ignored: 0 }, records: [], budget: { length: rows } as never });

describe('readMostlyGarbage', () => {
  it('is true for many rows counted into few groups, not for rows kept one record each or small files', () => {
    expect(readMostlyGarbage([input(2_000_000, 140_000)])).toBe(true);
    expect(readMostlyGarbage([records(501_410, 501_410)])).toBe(false);
    expect(readMostlyGarbage([records(2_000_000, 140_000)])).toBe(true);
    expect(readMostlyGarbage([budgetFile(501_410)])).toBe(false);
    expect(readMostlyGarbage([input(400_000, 1_000)])).toBe(false);
    // Summed over the inputs: a large respondent file beside a budget file, small or national.
    expect(readMostlyGarbage([input(2_000_000, 140_000), budgetFile(100_000)])).toBe(true);
    expect(readMostlyGarbage([input(2_000_000, 140_000), budgetFile(500_000)])).toBe(false);
    expect(readMostlyGarbage([input(500_000, 125_000)])).toBe(true);
    expect(readMostlyGarbage([input(500_000, 125_001)])).toBe(false);
  });
});

describe('collectGarbage', () => {
  it('collects what is no longer referenced', async () => {
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({ payload: new Array(1000).fill(1) });
    })();
    // A WeakRef keeps its target for the rest of the job that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref!.deref()).toBeUndefined();
  });
});
