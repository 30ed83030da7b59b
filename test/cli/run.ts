import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLE = 'fixtures/bengtsfors-mellerud';
export const CONFIG = `${EXAMPLE}/tillit.config.json`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bin with colour off, a pinned time zone and locale, from the repository root. */
export function tillit(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [`${ROOT}bin/tillit.js`, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C', ...opts.env },
    input: opts.input ?? '',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
