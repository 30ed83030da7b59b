import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** How many threads may read one large file, and from what size on. */
export interface ThreadOptions {
  threads: number;
  minBytes: number;
}

/** The most threads one file is read on: 8 take a national file at disk speed; 256 took 3.9 GB. */
export const MAX_THREADS = 8;

/** Below this size a file is read on one thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

export function defaultThreads(): ThreadOptions {
  return { threads: availableParallelism(), minBytes: PARALLEL_MIN_BYTES };
}

/** The parts a file of `size` bytes is cut into (1: read on one thread); each takes at least half the size from which files are cut. */
export function partsFor(size: number, threads: ThreadOptions): number {
  if (size < threads.minBytes) return 1;
  return Math.max(1, Math.min(threads.threads, MAX_THREADS, Math.floor(size / Math.max(1, threads.minBytes / 2))));
}

/** A reading worker and whether it has stopped (failed to load, or was terminated). */
interface Started {
  worker: Worker;
  stopped: boolean;
}

/** Workers started ahead of their job (see `warmReadingWorkers`), oldest first. */
const warm: Started[] = [];

function start(): Started {
  const started: Started = { worker: new Worker(new URL('./worker.js', import.meta.url)), stopped: false };
  // A worker that fails while it waits is not handed out (its events would have no one to hear them).
  started.worker.once('error', () => (started.stopped = true));
  started.worker.once('exit', () => (started.stopped = true));
  return started;
}

/**
 * Starts `count` reading workers now, before the file they will read is known: each loads its
 * modules (~0.25 s on AMD EPYC) on a core of its own while this thread loads the report's and reads
 * the config and the file's head. They hold no job and do not keep the process alive; one not
 * taken by `readingWorker` is stopped by `stopWarmWorkers`.
 */
export function warmReadingWorkers(count: number): void {
  while (warm.length < count) {
    const started = start();
    started.worker.unref();
    warm.push(started);
  }
}

/** A reading worker: one warmed ahead if any is still running, else a new one. */
export function readingWorker(): Worker {
  for (let s = warm.shift(); s !== undefined; s = warm.shift()) {
    if (s.stopped) continue;
    s.worker.ref();
    return s.worker;
  }
  return start().worker;
}

/** Stops the workers warmed ahead and never taken (the file they were for was read on one thread). */
export function stopWarmWorkers(): void {
  for (const s of warm.splice(0)) void s.worker.terminate();
}
