import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';

/** Two inputs that are one file: by real path (the same path, a symlink, `./a` and `a`) or by content. */
export interface SameFile {
  first: string;
  second: string;
  how: 'path' | 'content';
}

/**
 * The first pair of inputs, in the order given, that are the same file or have identical bytes.
 * Contents are hashed (SHA-256) only for files of equal size, so a run of files of different sizes
 * reads nothing here. Paths that cannot be read are left to the reader, which names them.
 */
export async function sameFiles(paths: readonly string[]): Promise<SameFile | undefined> {
  const infos = await Promise.all(paths.map(async (path) => {
    try {
      const info = await stat(path);
      return info.isFile() ? { path, real: await realpath(path), size: info.size } : undefined;
    } catch {
      return undefined;
    }
  }));
  const files = infos.filter((i) => i !== undefined);
  const byPath = new Map<string, string>();
  const bySize = new Map<number, { path: string; real: string; size: number }[]>();
  let found: SameFile | undefined;
  for (const f of files) {
    const prior = byPath.get(f.real);
    if (prior !== undefined) return { first: prior, second: f.path, how: 'path' };
    byPath.set(f.real, f.path);
    const list = bySize.get(f.size) ?? bySize.set(f.size, []).get(f.size)!;
    list.push(f);
  }
  const order = new Map(files.map((f, i) => [f.path, i]));
  for (const list of bySize.values()) {
    // Empty files are each reported as empty by the reader.
    if (list.length < 2 || list[0]!.size === 0) continue;
    // A file that cannot be read here is left to the reader: its path stands for its hash.
    // One file at a time: many inputs of one size never hold many descriptors at once (EMFILE).
    const hashes: string[] = [];
    for (const f of list) hashes.push(await hashFile(f.path).catch(() => `\u0000${f.path}`));
    const seen = new Map<string, string>();
    list.forEach((f, i) => {
      const prior = seen.get(hashes[i]!);
      if (prior === undefined) seen.set(hashes[i]!, f.path);
      else if (found === undefined || order.get(f.path)! < order.get(found.second)!) found = { first: prior, second: f.path, how: 'content' };
    });
  }
  return found;
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
