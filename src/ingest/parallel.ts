import { open, type FileHandle } from 'node:fs/promises';
import { createIngest, type Ingest, type ParsedInput, type ParseOptions } from './parse-input.js';
import { AnswerTable, type PlainAnswerTable } from '../model/answer-table.js';
import { lineStartAfter, mergeParts, type PartResult } from './split.js';
import { readingWorker } from './reading-workers.js';
import type { PackedRespondents } from './respondents.js';
import type { ChunkHead, PartState } from './stream.js';

/** What the reading thread hands a worker: plain data only (the classifier is rebuilt there). */
export interface PartJob {
  path: string;
  start: number;
  end: number;
  opts: Omit<ParseOptions, 'classify'>;
  head: ChunkHead;
}

/** What a worker sends back. */
export interface PartReply extends PartState {
  parsed: ParsedInput;
  /** The part's answer groups (`parsed` has none). */
  answers?: PlainAnswerTable;
  /** The part's respondents, packed (see `RespondentSet.pack`). */
  respondents?: PackedRespondents;
}

const READ_BYTES = 1 << 20;

/**
 * The bytes of [from, to) in 1 MiB pieces, the next piece read while the caller works on this one
 * (waiting for each read took ~0.18 s of a worker's 0.95 s on 2M answers, ~0.43 s on 20M; AMD
 * EPYC). While `reuse()` says so, two buffers take turns (each piece valid until the next is asked
 * for): fresh pages for every MiB cost ~0.1-0.2 s over 129 MB and ~20 MB of peak. Only a CSV reader
 * may be fed that way: it copies what it keeps (`BoundaryScanner.append`), where a UTF-16 file is
 * kept whole and the Kolada JSON reader counts lines in the previous piece.
 */
export async function* readRange(fh: FileHandle, from: number, to: number, reuse: () => boolean = () => false): AsyncGenerator<Buffer> {
  const shared: (Buffer | undefined)[] = [undefined, undefined];
  let turn = 0;
  const readAt = async (pos: number): Promise<Buffer> => {
    const n = Math.min(READ_BYTES, to - pos);
    const buf = reuse() ? (shared[turn] ??= Buffer.allocUnsafe(READ_BYTES)) : Buffer.allocUnsafe(n);
    turn ^= 1;
    const { bytesRead } = await fh.read(buf, 0, n, pos);
    return bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
  };
  let pos = from;
  let next = pos < to ? readAt(pos) : undefined;
  try {
    while (next !== undefined) {
      const piece = await next;
      next = undefined;
      if (piece.length === 0) return;
      pos += piece.length;
      if (pos < to) {
        next = readAt(pos);
        // The caller may await something else before asking for the next piece: a failed read is
        // then thrown when it asks, not an unhandled rejection meanwhile.
        next.catch(() => undefined);
      }
      yield piece;
    }
  } finally {
    // A read still under way when the caller stops is waited for: its failure would otherwise be
    // an unhandled rejection (closing the file waits for it anyway).
    await next?.catch(() => undefined);
  }
}

/** Bytes fed at a time until the head is read (the table is set up within its first 2000 rows). */
const HEAD_SLICE_BYTES = 1 << 16;

/** Bytes read at each target to find the next line start (a longer line: no cut there). */
const WINDOW_BYTES = 1 << 16;

/**
 * Where the parts after the first start: a line start after each target (see `lineStartAfter`),
 * the targets at equal shares. Workers warmed as the command starts take their job as soon as this
 * thread has read the head, and read as fast: a larger first part left the worker waiting.
 */
async function findSplits(fh: FileHandle, size: number, parts: number): Promise<number[]> {
  const splits: number[] = [];
  for (let i = 0; i < parts - 1; i++) {
    const target = Math.floor((size * (i + 1)) / parts);
    const window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, size - target));
    const { bytesRead } = await fh.read(window, 0, window.length, target);
    const at = lineStartAfter(window.subarray(0, bytesRead), target, target);
    if (at !== undefined && at < size && at > (splits.at(-1) ?? 0)) splits.push(at);
  }
  return splits;
}

/**
 * A worker taken before it has a job (see `readingWorker`): it loads its modules while this thread
 * reads the head and finds where to cut. One never given a job is stopped unused.
 */
function startWorker(): { run: (job: PartJob) => Promise<PartReply>; stop: () => void } {
  const worker = readingWorker();
  const result = new Promise<PartReply>((resolve, reject) => {
    worker.once('message', (reply: PartReply) => {
      resolve(reply);
      // Its heap goes now, before this thread joins the parts (it held the peak otherwise).
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`tillit worker exited with code ${code}`)));
  });
  // Handled here too, so a failure while this thread is still reading is never an unhandled rejection.
  result.catch(() => undefined);
  return {
    run: (job) => {
      worker.postMessage(job);
      return result;
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * Reads one large respondent-level (answers) CSV on several threads: the file is cut at line
 * starts near equal shares, this thread reads the first part while workers read the others with
 * the same header and rules, and the partial groups are added up. The result is the one a
 * single-threaded read gives; whenever that cannot be guaranteed (a cut that turns out to be
 * inside a quoted cell, another kind of file, an encoding switch after the head or a fatal
 * problem in any part, another table's header before the last part, more rows than the row limit)
 * the file is read on this thread alone, on
 * from the bytes already read or again from the start.
 */
export async function readParallel(path: string, opts: ParseOptions, size: number, threads: number): Promise<ParsedInput> {
  const fh = await open(path);
  const workers = Array.from({ length: threads - 1 }, startWorker);
  const results: Promise<PartReply>[] = [];
  try {
    const ingest = createIngest(opts);
    let end = size;
    let fed = 0;
    let decided = false;
    let switchedAtHead = false;
    // Once the head is read the file is known to be CSV (`head` is a CSV reader's): pieces may share a buffer.
    for await (const chunk of readRange(fh, 0, size, () => decided)) {
      let off = 0;
      // Until the head is read the bytes go in small slices: the workers wait for it, and a whole
      // piece read first held them back ~0.1 s (2M answers, AMD EPYC).
      while (!decided && off < chunk.length) {
        const slice = chunk.subarray(off, off + HEAD_SLICE_BYTES);
        off += slice.length;
        fed += slice.length;
        if (!ingest.write(slice)) return ingest.end();
        const head = ingest.head();
        if (head === undefined) continue;
        decided = true;
        // A distribution (a count column, no respondent) is read whole: its total rows are settled
        // against its genders' rows, which another part may hold.
        const roles = head.plan.map.roles;
        if (head.kind !== 'answers' || opts.answerScale === undefined || (roles.n !== undefined && roles.respondent === undefined)) continue;
        // A file already read as Windows-1252 is read so in every part (one that meets UTF-8 fails: read whole).
        switchedAtHead = head.switched;
        const splits = (await findSplits(fh, size, threads)).filter((s) => s > fed);
        if (splits.length === 0) continue;
        end = splits[0]!;
        const { classify: _, ...plain } = opts;
        const bounds = [...splits, size];
        for (let i = 0; i + 1 < bounds.length; i++) results.push(workers[i]!.run({ path, start: bounds[i]!, end: bounds[i + 1]!, opts: plain, head }));
      }
      const rest = chunk.subarray(off, off + Math.max(0, end - fed));
      fed += rest.length;
      if (rest.length > 0 && !ingest.write(rest)) break;
      if (fed >= end) break;
    }
    if (results.length > 0 && fed === end && !ingest.state()!.between) return await readOn(fh, ingest, end, size, workers);
    const first = ingest.end();
    if (results.length === 0) return first;
    const state = ingest.state()!;
    // A worker that fails (out of memory, killed) costs time, never the result: read alone then.
    const replies = await Promise.all(results).catch(() => undefined);
    if (replies === undefined) return await readAlone(fh, opts, size);
    const all = [state, ...replies];
    const rows = all.reduce((a, r) => a + r.rows, 0);
    // A worker's part that ends inside quotes (three or more threads) made the next part start mid-record.
    const cutWrong = all.slice(0, -1).some((r) => !r.between);
    // A part that switched to Windows-1252 on its own did so without knowing the other parts' bytes.
    // Another table's header ends the table for every later row, the later parts' too: they read on as if it had not.
    const otherTable = [first, ...replies.map((r) => r.parsed)].slice(0, -1).some((p) => p.findings.some((f) => f.code === 'row-other-header'));
    if (cutWrong || otherTable || all.some((r) => r.fatal || r.switched !== switchedAtHead || r.truncated) || (opts.maxRows !== undefined && rows > opts.maxRows)) return await readAlone(fh, opts, size);
    const parts: PartResult[] = [{ parsed: first, lines: state.lines }, ...replies.map((r) => ({ parsed: r.answers ? { ...r.parsed, answers: [AnswerTable.from(r.answers)] } : r.parsed, lines: r.lines, ...(r.respondents ? { respondents: r.respondents } : {}) }))];
    return mergeParts(parts);
  } finally {
    for (const w of workers) w.stop();
    await fh.close();
  }
}

/**
 * The first cut fell inside a quoted cell (a line break within a cell): the workers' parts started
 * mid-record and are let go; this thread reads on from the cut, so the file is still read once.
 */
async function readOn(fh: FileHandle, ingest: Ingest, from: number, size: number, workers: readonly { stop: () => void }[]): Promise<ParsedInput> {
  for (const w of workers) w.stop();
  for await (const chunk of readRange(fh, from, size, () => true)) if (!ingest.write(chunk)) break;
  return ingest.end();
}

async function readAlone(fh: FileHandle, opts: ParseOptions, size: number): Promise<ParsedInput> {
  const ingest = createIngest(opts);
  for await (const chunk of readRange(fh, 0, size)) if (!ingest.write(chunk)) break;
  return ingest.end();
}
