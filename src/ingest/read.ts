import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { finding } from '../model/findings.js';
import { FS_WORDS } from '../model/fs-words.js';
import { countsRespondentsTitle } from '../model/kolada-kpis.js';
import { visible } from '../model/text.js';
import { readParallel } from './parallel.js';
import { createIngest, noteNothingUsable, type ParsedInput, type ParseOptions } from './parse-input.js';
import { defaultThreads, partsFor, type ThreadOptions } from './reading-workers.js';

/** Default ceiling on one input's size; `--max-bytes` changes it. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/** How a path is shown in findings: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return visible(rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs);
}

/**
 * Reads one input file: streams its bytes to the pure ingest in 1 MiB chunks (memory follows the
 * data's groups, not the file's size), or hands a large respondent file to `readParallel` (which,
 * with its worker, reads byte ranges of it), and turns file-system failures into findings that
 * name the file.
 */
export async function readInput(path: string, opts: Omit<ParseOptions, 'file'>, maxBytes = DEFAULT_MAX_BYTES, threads: ThreadOptions = defaultThreads()): Promise<ParsedInput> {
  const file = displayPath(path);
  const empty = { file, counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, records: [], rejects: [] };
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ...empty, findings: [finding(file, { code: 'file-unreadable', args: { reason: FS_WORDS.EISDIR! } })] };
    if (info.size > maxBytes) {
      return { ...empty, findings: [finding(file, { code: 'file-too-large', args: { size: info.size, limit: maxBytes } })] };
    }
    const parts = partsFor(info.size, threads);
    if (parts > 1) return noteNothingUsable(await readParallel(path, { ...opts, file, fileBytes: info.size }, info.size, parts));
    const ingest = createIngest({ ...opts, file, fileBytes: info.size });
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    // A pipe or device (/dev/stdin, a FIFO) has no size to check beforehand: bytes are counted.
    let read = 0;
    for await (const chunk of stream) {
      read += (chunk as Buffer).length;
      if (read > maxBytes) {
        stream.destroy();
        return { ...empty, findings: [finding(file, { code: 'file-too-large', args: { size: `more than ${maxBytes}`, limit: maxBytes } })] };
      }
      if (!ingest.write(chunk as Buffer)) {
        stream.destroy();
        break;
      }
    }
    const result = noteNothingUsable(ingest.end());
    // A pipe cannot be read again (and a file of Kolada JSON seldom comes through one).
    if (!info.isFile() || !countedByGender(result, opts)) return result;
    const all = await readInput(path, { ...opts, surveyGenders: true }, maxBytes, threads);
    if (opts.gender !== undefined) all.findings.unshift(finding(file, { code: 'gender-not-applied', args: { gender: opts.gender } }));
    return all;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ...empty, findings: [finding(file, { code: 'file-not-found' })] };
    if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) {
      return { ...empty, findings: [finding(file, { code: 'file-unreadable', args: { reason: FS_WORDS[code] ?? code } })] };
    }
    throw error;
  }
}

/**
 * Whether a file of Kolada JSON read for one gender holds a count of respondents ("…, antal
 * svarande"): read entry by entry, its filter was set before any count was seen, so it is read again
 * with its survey figures of every gender, as a CSV file with counts is (`RecordPlan.surveyGenders`): one gender's run hid none of the
 * cells that the other genders' small ones make a full run hide, and the two runs together gave a
 * small group away.
 */
function countedByGender(result: ParsedInput, opts: Omit<ParseOptions, 'file'>): boolean {
  return result.format === 'kolada-json' && opts.gender !== 'all' && opts.surveyGenders !== true && result.records.some((r) => r.kind === 'values' && countsRespondentsTitle(r.indicator));
}

/** Reads a config file's text; missing or unreadable files become a ConfigError upstream. */
export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
