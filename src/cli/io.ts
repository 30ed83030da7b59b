import type { Writable } from 'node:stream';

/** A stream a run writes to; a terminal says so (colour, the progress line, help width). */
export type Output = Writable & { isTTY?: boolean; columns?: number };

/**
 * What a run writes to and the environment it reads: the process's own (`main.ts`), or a test's
 * (the end-to-end tests run the command line in their own process).
 */
export interface Io {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}
