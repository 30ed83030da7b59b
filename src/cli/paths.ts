import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { inputPaths, type LoadedConfig } from '../ingest/load.js';
import { UsageError } from './errors.js';

/** What makes two paths one file: the real path, and the device and inode once it exists. */
export interface FileId {
  path: string;
  real: string;
  node?: string;
  regular: boolean;
}

/** The real path of `path`, or of its folder joined with its name when it does not exist yet. */
async function realOrPlanned(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    try {
      return join(await realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

export async function fileId(path: string): Promise<FileId> {
  const real = await realOrPlanned(path);
  try {
    const info = await stat(real);
    return { path, real, node: `${info.dev}:${info.ino}`, regular: info.isFile() };
  } catch {
    // Not there yet: it will be a regular file.
    return { path, real, regular: true };
  }
}

/**
 * Whether writing `a` would change `b`: one file under two names (symlinks, a symlinked folder,
 * hard links). A device or pipe named twice (/dev/null, /dev/stdout) is no such clash.
 */
export function sameFile(a: FileId, b: FileId): boolean {
  if (!a.regular || !b.regular) return false;
  return a.real === b.real || (a.node !== undefined && a.node === b.node);
}

export interface Named {
  /** How the file is named in a message: `--out`, `the input`, `the config` … */
  role: string;
  path: string;
}

/**
 * Refuses outputs that are one file with an input, the config, or another output, before anything
 * is read or written.
 */
export async function guardOutputs(outputs: readonly Named[], protectedFiles: readonly Named[]): Promise<void> {
  const outs = await Promise.all(outputs.map(async (o) => ({ ...o, id: await fileId(o.path) })));
  const kept = await Promise.all(protectedFiles.map(async (p) => ({ ...p, id: await fileId(p.path) })));
  for (const [i, o] of outs.entries()) {
    const clash = kept.find((p) => sameFile(o.id, p.id)) ?? outs.slice(0, i).find((p) => sameFile(o.id, p.id));
    if (clash !== undefined) throw new UsageError(`${o.role} ${o.path} would overwrite ${clash.role} ${clash.path}`);
  }
}

/** What no output may overwrite: every input and the config. */
export function protectedFiles(loaded: LoadedConfig, files: readonly string[], add?: boolean): Named[] {
  return [
    ...inputPaths(loaded, files, add).map((path) => ({ role: 'the input file', path })),
    ...(loaded.path === undefined ? [] : [{ role: 'the config', path: loaded.path }]),
  ];
}
