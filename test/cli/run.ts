import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { run as runCli } from '../../src/cli/program.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLE = 'fixtures/bengtsfors-mellerud';
export const CONFIG = `${EXAMPLE}/tillit.config.json`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}

/** Colour off, a pinned time zone and locale: what every run gets. */
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C' };

/** What is written to it, kept; like a pipe, it is no terminal. */
class Kept extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

let cli: Promise<typeof runCli> | undefined;
let busy = false;

/**
 * Runs the built command line (`dist/program.js`, what `bin/tillit.js` runs) in this process, as
 * the bin would run from the repository root: the arguments, stdout, stderr and environment are
 * the run's own, and the working directory is changed for the run. An error nobody catches ends
 * the run as it ends the bin: exit code 1, the stack on stderr. What only a process has (stdin,
 * V8 flags, signals, its exit, the shim itself) needs `tillitProcess`.
 */
export async function tillit(args: string[], opts: RunOptions = {}): Promise<Run> {
  const needsProcess = opts.input !== undefined || ['NODE_OPTIONS', 'TZ', 'LC_ALL'].some((k) => opts.env?.[k] !== undefined);
  if (needsProcess) throw new Error('stdin, NODE_OPTIONS, TZ and LC_ALL belong to a process: use tillitProcess');
  // The working directory is the process's: runs in this process take turns.
  if (busy) throw new Error('one run in this process at a time');
  busy = true;
  const stdout = new Kept();
  const stderr = new Kept();
  const cwd = process.cwd();
  try {
    const run = await (cli ??= import(pathToFileURL(`${ROOT}dist/program.js`).href).then((m: { run: typeof runCli }) => m.run));
    process.chdir(opts.cwd ?? ROOT);
    let code: number;
    try {
      code = await run([process.execPath, `${ROOT}bin/tillit.js`, ...args], { stdout, stderr, env: { ...ENV, ...opts.env } });
    } catch (error) {
      stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      code = 1;
    }
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(cwd);
    busy = false;
  }
}

/**
 * How long a run of the bin as a process may take: far above a run on a busy machine (two cores
 * shared by several test processes), below a test's 120 s; a run that takes it has hung.
 */
export const PROCESS_TIMEOUT = 100_000;

/** Runs the real bin as a process, with the same environment. */
export function tillitProcess(args: string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [`${ROOT}bin/tillit.js`, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...ENV, ...opts.env },
    input: opts.input ?? '',
    timeout: PROCESS_TIMEOUT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
