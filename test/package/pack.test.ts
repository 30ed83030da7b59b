import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG, ROOT, tillitProcess } from '../cli/run.js';

// What a user gets from `npm pack` + `npm install -g`: the package is packed from a copy of the
// tracked files (no dist/, as in a fresh clone, and no rebuild of the dist/ that the other tests
// run), installed into a temporary prefix and run from a folder outside the repository.

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
const work = mkdtempSync(join(tmpdir(), 'tillit-pack-'));
const clone = join(work, 'clone');
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
let packed: { filename: string; files: { path: string }[] };

/** The environment without npm's own `npm_*` variables, so npm inside `npm test` acts as a user's. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 150_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return r;
}

beforeAll(() => {
  const tracked = run('git', ['ls-files', '-z'], ROOT).stdout.split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(ROOT, file), join(clone, file));
  }
  // The build tools come from `npm ci`; linked rather than installed again.
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  mkdirSync(elsewhere);
  const out = run('npm', ['pack', '--json', '--pack-destination', work], clone).stdout;
  packed = (JSON.parse(out) as (typeof packed)[])[0]!;
  // Dependencies (if any are ever left unbundled) come from npm's cache where it has them.
  run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund',
    join(work, packed.filename)], elsewhere);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack + npm install -g', () => {
  it('packs the built code, the licence and nothing of the sources or tests', () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin/tillit.js', 'dist/main.js', 'dist/worker.js', 'package.json']));
    expect(paths.filter((p) => !/^(LICENSE|README\.md|package\.json|bin\/tillit\.js|dist\/[\w.-]+\.js)$/.test(p))).toEqual([]);
  });

  it('lists in "files" only what exists once the package is built', () => {
    expect(pkg.files.filter((f) => !existsSync(join(clone, f)))).toEqual([]);
  });

  it('installs a tillit that runs the bundled example as the repository build does', () => {
    const bin = join(prefix, 'bin', 'tillit');
    const config = join(ROOT, CONFIG);
    const version = spawnSync(bin, ['--version'], { cwd: elsewhere, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(pkg.version);

    const env = { NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C', PATH: process.env.PATH ?? '' };
    const installed = spawnSync(bin, ['report', '--config', config, '--format', 'json'], { cwd: elsewhere, encoding: 'utf8', env, timeout: 60_000 });
    const here = tillitProcess(['report', '--config', config, '--format', 'json'], { cwd: elsewhere });
    expect(installed.stderr).toBe('');
    expect(installed.status).toBe(0);
    expect((JSON.parse(installed.stdout) as { schemaVersion: number }).schemaVersion).toBe(2);
    expect(installed.stdout).toBe(here.stdout);
  }, 120_000);
});
