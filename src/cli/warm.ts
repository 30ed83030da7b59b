import { statSync } from 'node:fs';
import { defaultThreads, MAX_THREADS, partsFor, warmReadingWorkers, type ThreadOptions } from '../ingest/reading-workers.js';
import type { Io } from './io.js';

/**
 * Threads for reading one large file: `--threads`, else the machine's cores, at most
 * MAX_THREADS; files below TILLIT_PARALLEL_MIN_BYTES (default 32 MiB) are read on one thread.
 */
export function threadsWanted(threads: number | undefined, env: Io['env']): ThreadOptions {
  const defaults = defaultThreads();
  const min = Number(env.TILLIT_PARALLEL_MIN_BYTES);
  return { threads: Math.min(threads ?? defaults.threads, MAX_THREADS), minBytes: Number.isInteger(min) && min > 0 ? min : defaults.minBytes };
}

/**
 * Starts the reading workers the largest file named on the command line will be cut for, before
 * the command's modules load (~0.15 s) and the config is read: their own loading then overlaps
 * this thread's. Only a guess from the file's size: whether it is cut is decided once its head is
 * read, and workers not taken are stopped when the inputs are read, or the command ends
 * (`stopWarmWorkers`).
 */
export function warmReaders(files: readonly string[], threads: number | undefined, env: Io['env']): void {
  const wanted = threadsWanted(threads, env);
  if (wanted.threads < 2) return;
  let parts = 1;
  // The first files only: a run over thousands is not held up by stat calls for a guess.
  for (const file of files.slice(0, WARM_FILES)) parts = Math.max(parts, partsFor(sizeOf(file), wanted));
  if (parts > 1) warmReadingWorkers(parts - 1);
}

/** Files named on the command line whose size is asked (a worker for a later one starts when it is read). */
const WARM_FILES = 64;

/** A file's size, 0 when it cannot be told: a file that cannot be read is said when it is read. */
function sizeOf(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}
