import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ParsedInput } from '../ingest/parse-input.js';
import { renderRejects } from '../report/render-rejects.js';
import { OutputError, UsageError } from './errors.js';

/**
 * Writes via a temporary file in the same directory and a rename: readers never see half a file,
 * and concurrent runs each rename a complete file of their own (temporary names are unique).
 */
async function writeAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const out = createWriteStream(tmp, { flags: 'wx' });
    const opened = once(out, 'open');
    out.on('error', () => undefined);
    await Promise.race([opened, once(out, 'error').then(([e]) => Promise.reject(e))]);
    await writeChunks(out, typeof content === 'string' ? [content] : content);
    out.end();
    await once(out, 'finish');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new OutputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}

const BLOCK = 1 << 20;

/**
 * Writes text pieces to a stream in blocks of 1 MiB, waiting when it is full: memory stays flat
 * for large reports. Each piece is encoded as it comes (a report's row is a small string, cheap to
 * encode while it is new); joining pieces into one long string first cost a third more (2M answers).
 */
export async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let block = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    const full = out.write(block.subarray(0, used));
    // The stream keeps the block until it is written: the next pieces go into a new one.
    block = Buffer.allocUnsafe(BLOCK);
    used = 0;
    if (!full) await once(out, 'drain');
  };
  for (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (used + chunk.length * 3 > BLOCK) {
      await flush();
      if (chunk.length * 3 > BLOCK) {
        if (!out.write(chunk)) await once(out, 'drain');
        continue;
      }
    }
    used += block.write(chunk, used);
  }
  await flush();
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `--out`: a path ending in `/` or an existing directory gets one file per area (created if
 * needed); anything else is one file. Never writes outside the directory or over an input.
 * All files are rendered before the first is written, so a failure leaves earlier outputs intact.
 */
export async function writeOutputs(
  out: string,
  perArea: () => { name: string; content: string }[],
  whole: () => Iterable<string>,
  inputs: readonly string[],
): Promise<string[]> {
  const protectedPaths = new Set(inputs.map((i) => resolve(i)));
  const asDir = out.endsWith('/') || out.endsWith(sep) || (await isDirectory(out));
  const targets = asDir
    ? perArea().map(({ name, content }) => {
        const path = resolve(out, name);
        if (dirname(path) !== resolve(out) || name.includes('/') || name.includes('\\')) throw new UsageError(`refusing to write outside ${out}: ${name}`);
        return { path, content };
      })
    : [{ path: resolve(out), content: whole() as string | Iterable<string> }];
  for (const t of targets) {
    if (protectedPaths.has(t.path)) throw new UsageError(`--out would overwrite the input file ${t.path}`);
  }
  if (asDir) {
    try {
      await mkdir(resolve(out), { recursive: true });
    } catch (error) {
      throw new OutputError(`cannot create directory ${out}: ${(error as NodeJS.ErrnoException).code}`, { cause: error });
    }
  }
  for (const t of targets) await writeAtomic(t.path, t.content);
  return targets.map((t) => t.path);
}

/** `--summary`: appends, never overwrites (GitHub's $GITHUB_STEP_SUMMARY is shared by steps). */
export async function appendSummary(path: string, content: string): Promise<void> {
  try {
    await appendFile(path, content);
  } catch (error) {
    throw new OutputError(`cannot append to ${path}: ${(error as NodeJS.ErrnoException).code}`, { cause: error });
  }
}

/** `--rejects FILE`: every rejected row, one CSV line each; never over an input. */
export async function writeRejects(path: string, inputs: readonly ParsedInput[]): Promise<number> {
  if (inputs.some((i) => resolve(i.file) === resolve(path))) throw new UsageError(`--rejects would overwrite the input file ${path}`);
  const { text, count } = renderRejects(inputs);
  await writeAtomic(resolve(path), text);
  return count;
}
