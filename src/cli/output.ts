import { randomBytes } from 'node:crypto';
import { createWriteStream, fstatSync, rmSync, type WriteStream } from 'node:fs';
import { appendFile, chmod, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ParsedInput } from '../ingest/parse-input.js';
import { renderRejects } from '../report/render-rejects.js';
import { OutputError, UsageError } from './errors.js';
import { guardOutputs, type Named } from './paths.js';
import { FS_WORDS } from '../model/fs-words.js';

/** Temporary files being written: removed should the run be stopped by a signal. */
const liveTemps = new Set<string>();
let signalsArmed = false;

/** On SIGINT, SIGTERM or SIGHUP the temporary files go, then the signal takes its usual course. */
function armSignals(): void {
  if (signalsArmed) return;
  signalsArmed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const tmp of liveTemps) rmSync(tmp, { force: true });
      process.kill(process.pid, signal);
    });
  }
}

/** A temporary name beside `path`; a long name would make it longer than a file name may be (255 bytes). */
function tempPath(path: string): string {
  const name = basename(path);
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return join(dirname(path), Buffer.byteLength(name) + tag.length + 3 <= 255 ? `.${name}.${tag}` : `.tillit.${tag}`);
}

/**
 * A stream's errors are taken by the write that meets them (`writeChunks`, `finish`): without a
 * listener, the stream's own 'error' event would end the process with a stack trace and exit 1.
 */
function quiet(out: WriteStream): WriteStream {
  out.on('error', () => undefined);
  return out;
}

async function openStream(path: string, flags: string): Promise<WriteStream> {
  const out = quiet(createWriteStream(path, { flags }));
  await Promise.race([once(out, 'open'), once(out, 'error').then(([e]) => Promise.reject(e))]);
  return out;
}

async function finish(out: WriteStream, content: string | Iterable<string>): Promise<void> {
  // A file stream is done with a block once it is written: its buffer may be filled again.
  await writeChunks(out, typeof content === 'string' ? [content] : content, true);
  out.end();
  await Promise.race([once(out, 'finish'), once(out, 'error').then(([e]) => Promise.reject(e))]);
}

/**
 * Why an output failed: the system's code, which one can search for, and what it means in words
 * (`ENOENT (no such folder)`), as an input that cannot be read is named.
 * @internal Exported for its tests.
 */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? (error as Error).message : codeText(code);
}

/** A system code beside its words: `ENOENT (no such folder)`; a code with none as it is. */
function codeText(code: string): string {
  const words = OUTPUT_REASONS[code];
  return words === undefined ? code : `${code} (${words})`;
}

/** File-system failures of writing, in words; any other code is shown as it is. */
const OUTPUT_REASONS: Record<string, string> = {
  ...FS_WORDS,
  // Writing creates the file: what is missing is a folder on its path.
  ENOENT: 'no such folder',
  EEXIST: 'it exists',
};

/**
 * A regular file (or a new one) is written via a temporary file in the same directory and a
 * rename: readers never see half a file, concurrent runs each rename a complete file of their own,
 * and a replaced file keeps its mode. Through a symlink, the file it points to is replaced. A
 * device or pipe (`/dev/null`, a FIFO) is written to directly: renaming over it would replace it.
 */
async function writeAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  let target = path;
  let mode: number | undefined;
  try {
    target = await realpath(path);
    const info = await stat(target);
    if (!info.isFile()) return await writeDirect(target, path, content);
    mode = info.mode & 0o7777;
  } catch (error) {
    if (error instanceof OutputError) throw error;
    // Not there yet is the usual case; a symlink loop or a file where a folder should be is not.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError(`cannot write ${path}: ${reason(error)}`, { cause: error });
  }
  const tmp = tempPath(target);
  armSignals();
  liveTemps.add(tmp);
  try {
    const out = await openStream(tmp, 'wx');
    if (mode !== undefined) await chmod(tmp, mode);
    await finish(out, content);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new OutputError(`cannot write ${path}: ${reason(error)}`, { cause: error });
  } finally {
    liveTemps.delete(tmp);
  }
}

async function writeDirect(target: string, shown: string, content: string | Iterable<string>): Promise<void> {
  try {
    await finish(await openStream(target, 'w'), content);
  } catch (error) {
    throw new OutputError(`cannot write ${shown}: ${reason(error)}`, { cause: error });
  }
}

const BLOCK = 1 << 20;

/**
 * Writes text pieces to a stream in blocks of 1 MiB: memory stays flat for large reports. Each
 * piece is encoded as it comes (a report's row is a small string, cheap to encode while it is new);
 * joining pieces into one long string first cost a third more (2M answers). A block is filled while
 * the one before it is written, and is written once that one is done (waiting for each block to be
 * written before filling the next cost ~0.07 s of a 2M report; AMD EPYC). With `reuse`, the two
 * blocks take turns: only for a stream that is done with a block when its write calls back (a file
 * stream); any other may keep what it was given, and gets a new block each time.
 */
export async function writeChunks(out: Writable, chunks: Iterable<string>, reuse = false): Promise<void> {
  let block: Buffer = Buffer.allocUnsafe(BLOCK);
  let spare: Buffer | undefined;
  let used = 0;
  let writing: Promise<void> | undefined;
  const again = new RepeatedPieces();
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    // The block before is written: its buffer is the next to fill.
    if (writing !== undefined) await writing;
    const filled = block;
    writing = new Promise<void>((resolve, reject) => out.write(filled.subarray(0, used), (error) => (error ? reject(error) : resolve())));
    // Seen here or when next awaited, never unhandled.
    writing.catch(() => undefined);
    block = spare ?? Buffer.allocUnsafe(BLOCK);
    spare = reuse ? filled : undefined;
    used = 0;
  };
  for (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (used + chunk.length * 3 > BLOCK) {
      await flush();
      if (chunk.length * 3 > BLOCK) {
        await writing;
        if (!out.write(chunk)) await once(out, 'drain');
        continue;
      }
    }
    const bytes = again.bytes(chunk);
    if (bytes !== undefined) {
      block.set(bytes, used);
      used += bytes.length;
      continue;
    }
    const n = block.write(chunk, used);
    if (n !== chunk.length) again.keep(chunk, block.subarray(used, used + n));
    used += n;
  }
  await flush();
  await writing;
}

/** Pieces of this length or less may be kept with their bytes (a row's series fields). */
const REPEATED_MAX = 1024;

/**
 * The UTF-8 bytes of the last two pieces that were not ASCII, for a piece that comes again: a
 * JSON row is written as its series' first fields (the same string for each row of the series,
 * with an "ä" in "Hemtjänst") and the rest. Encoding a text that is not ASCII took V8 four to six
 * times as long as ASCII; copying its bytes takes less still. Writing 459 000 rows: 0.35 -> 0.14 s.
 */
class RepeatedPieces {
  /** The most recent piece kept or found, then the one before it. */
  private first = '';
  private firstBytes = new Uint8Array(0);
  private second = '';
  private secondBytes = new Uint8Array(0);

  bytes(piece: string): Uint8Array | undefined {
    if (piece === this.first) return this.firstBytes;
    if (piece !== this.second) return undefined;
    this.swap();
    return this.firstBytes;
  }

  keep(piece: string, bytes: Uint8Array): void {
    if (piece.length > REPEATED_MAX) return;
    // The older of the two goes.
    this.swap();
    this.first = piece;
    this.firstBytes = new Uint8Array(bytes);
  }

  private swap(): void {
    [this.first, this.second] = [this.second, this.first];
    [this.firstBytes, this.secondBytes] = [this.secondBytes, this.firstBytes];
  }
}

/**
 * Standard output, with a full disk or a closed device an output error. EPIPE is the reader
 * leaving (`| head`): writing stops there, and the run goes on to its summary and exit code.
 */
export async function writeStdout(stdout: Writable, chunks: Iterable<string>): Promise<void> {
  try {
    const file = fileDescriptor(stdout);
    if (file === undefined) await writeChunks(stdout, chunks);
    else await finish(quiet(createWriteStream('', { fd: file, autoClose: false })), chunks);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw new OutputError(`cannot write to standard output: ${reason(error)}`, { cause: error });
  }
}

/**
 * Standard output's descriptor when it is a regular file (`> report.json`, as a CI job writes a
 * report), else undefined. Node writes standard output to a file synchronously, so the main thread
 * waited while the kernel copied each block (0.1–0.4 s of a 2M-answer report); a file stream on the
 * same descriptor copies one block on libuv's thread pool while the next is filled.
 */
function fileDescriptor(stdout: Writable): number | undefined {
  const fd = (stdout as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    return fstatSync(fd).isFile() ? fd : undefined;
  } catch {
    return undefined;
  }
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
  inputs: readonly Named[],
): Promise<string[]> {
  const asDir = out.endsWith('/') || out.endsWith(sep) || (await isDirectory(out));
  const targets = asDir
    ? perArea().map(({ name, content }) => {
        const path = resolve(out, name);
        if (dirname(path) !== resolve(out) || name.includes('/') || name.includes('\\')) throw new UsageError(`refusing to write outside ${out}: ${name}`);
        return { path, content };
      })
    : [{ path: resolve(out), content: whole() as string | Iterable<string> }];
  await guardOutputs(targets.map((t) => ({ role: '--out', path: t.path })), inputs);
  if (asDir) {
    try {
      await mkdir(resolve(out), { recursive: true });
    } catch (error) {
      throw new OutputError(`cannot create directory ${out}: ${reason(error)}`, { cause: error });
    }
  }
  for (const t of targets) await writeAtomic(t.path, t.content);
  return targets.map((t) => t.path);
}

/** `--summary`: appends, never overwrites (GitHub's $GITHUB_STEP_SUMMARY is shared by steps). */
export async function appendSummary(path: string, content: string): Promise<void> {
  try {
    await appendFile(path, `${await blockBreak(path)}${content}`);
  } catch (error) {
    throw new OutputError(`cannot append to ${path}: ${reason(error)}`, { cause: error });
  }
}

/**
 * `--summary` checked before anything is read or written: a folder that is not there, or a
 * directory in the file's place, is exit 2 with nothing written, not after the report (and in place
 * of --fail-on's exit code).
 */
export async function checkAppendable(path: string): Promise<void> {
  const folder = await stat(dirname(resolve(path))).catch((error: unknown) => error as NodeJS.ErrnoException);
  const fail = (code: string) => new OutputError(`cannot append to ${path}: ${codeText(code)}`);
  if (folder instanceof Error) throw fail(folder.code ?? 'ENOENT');
  if (!folder.isDirectory()) throw fail('ENOTDIR');
  if ((await stat(path).catch(() => undefined))?.isDirectory() === true) throw fail('EISDIR');
}

/**
 * What goes before an appended summary: a blank line when the file ends inside a line (a step
 * before wrote `echo -n`), else the heading would be glued to that line's end and be no heading.
 * Only a regular file is looked at: a pipe or device cannot be read back.
 */
async function blockBreak(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile() || info.size === 0) return '';
  const file = await open(path, 'r');
  try {
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, info.size - 1);
    return last[0] === 0x0a ? '' : '\n\n';
  } finally {
    await file.close();
  }
}

/** `--rejects FILE`: every rejected row, one CSV line each (checked against the inputs by `guardOutputs`). */
export async function writeRejects(path: string, inputs: readonly ParsedInput[]): Promise<number> {
  const { lines, count } = renderRejects(inputs);
  await writeAtomic(resolve(path), lines);
  return count;
}
