import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

/** Writes via a temporary file in the same directory and a rename: readers never see half a file. */
async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
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
  whole: () => string,
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
    : [{ path: resolve(out), content: whole() }];
  for (const t of targets) {
    if (protectedPaths.has(t.path)) throw new UsageError(`--out would overwrite the input file ${t.path}`);
  }
  if (asDir) await mkdir(resolve(out), { recursive: true });
  for (const t of targets) await writeAtomic(t.path, t.content);
  return targets.map((t) => t.path);
}

/** `--summary`: appends, never overwrites (GitHub's $GITHUB_STEP_SUMMARY is shared by steps). */
export async function appendSummary(path: string, content: string): Promise<void> {
  await appendFile(path, content);
}
