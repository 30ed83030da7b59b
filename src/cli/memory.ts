import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ParsedInput } from '../ingest/parse-input.js';
import { keptOf } from '../model/input.js';

/**
 * Whether reading left far more garbage than data: rows counted into groups (a respondent file's
 * 2M answers into 140 000 groups), not rows kept one record each (a budget file), and enough of
 * them for the garbage to matter.
 */
export function readMostlyGarbage(inputs: readonly Pick<ParsedInput, 'counts' | 'records' | 'budget' | 'answers'>[]): boolean {
  const read = inputs.reduce((a, i) => a + i.counts.read, 0);
  const kept = inputs.reduce((a, i) => a + keptOf(i), 0);
  return read >= 500_000 && kept * 4 <= read;
}

/**
 * One full garbage collection, now. V8 sizes its heap from what the last full collection found
 * live: after reading 2M answers that was the reading's garbage too, and analysis grew the heap
 * from there. Node offers `gc` only under --expose-gc, and a flag set at run time gives it to new
 * contexts only, hence the one-line context.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  // A nicety, never a failure: should the flag not take, nothing happens.
  const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  gc?.();
}
