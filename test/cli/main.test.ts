import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, PROCESS_TIMEOUT, ROOT } from './run.js';

/**
 * The bin with one of its output streams closed by the reader before anything is written (as
 * `| head -1` closes it after a line): its exit code, and what it wrote to the other stream.
 */
function runClosing(args: string[], closed: 'stdout' | 'stderr'): Promise<{ code: number | null; other: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [`${ROOT}bin/tillit.js`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: PROCESS_TIMEOUT,
    });
    child[closed].destroy();
    const kept: Buffer[] = [];
    child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (b: Buffer) => kept.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, other: Buffer.concat(kept).toString('utf8') }));
  });
}

describe('a reader that leaves early', () => {
  it('stderr closed (2>&1 | head): the run ends with its own exit code and writes --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-stderr-'));
    const out = join(dir, 'report.json');
    // --max-rows 10: input errors and warnings, many lines on stderr, and a report (exit 0).
    const r = await runClosing(['report', '--config', CONFIG, '--max-rows', '10', '--format', 'json', '--out', out], 'stderr');
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(3);
  }, 120_000);

  it('stderr closed: --fail-on still exits 1, an input error still 3', async () => {
    const failOn = await runClosing(['report', '--config', CONFIG, '--format', 'json', '--fail-on', 'status=red'], 'stderr');
    expect(failOn.code).toBe(1);
    expect(failOn.other).toContain('"failOn": [');
    const missing = await runClosing(['report', 'fixtures/no-such-file.csv'], 'stderr');
    expect(missing.code).toBe(3);
  }, 120_000);

  it('stdout closed (| head): exit 0, as before', async () => {
    const r = await runClosing(['report', '--config', CONFIG], 'stdout');
    expect(r.code).toBe(0);
  }, 120_000);

  it('stdout closed (| head) with --fail-on matching: exit 1 and the summary appended, not exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-stdout-'));
    for (const format of ['json', 'html']) {
      const summary = join(dir, `${format}.md`);
      const r = await runClosing(['report', '--config', CONFIG, '--format', format, '--fail-on', 'status=red', '--summary', summary], 'stdout');
      expect(r.code, format).toBe(1);
      expect(r.other, format).toContain('tillit: --fail-on matched 7 time(s):');
      expect(readFileSync(summary, 'utf8'), format).toContain('(--fail-on)');
    }
    // validate keeps its own code too.
    expect((await runClosing(['validate', 'test/cli/bad/survey-errors.csv'], 'stdout')).code).toBe(3);
  }, 120_000);
});
