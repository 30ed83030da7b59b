import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/cli/color.js';
import { CONFIG, tillit, tillitProcess } from './run.js';

const base = { flag: true, toStdout: true, isTTY: false, env: {} };

describe('wantsColor', () => {
  it('a terminal gets colour; a pipe does not', () => {
    expect(wantsColor({ ...base, isTTY: true })).toBe(true);
    expect(wantsColor(base)).toBe(false);
  });
  it('FORCE_COLOR colours a pipe (CI logs); 0 or false turns colour off even at a terminal', () => {
    expect(wantsColor({ ...base, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(wantsColor({ ...base, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(wantsColor({ ...base, isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(wantsColor({ ...base, isTTY: true, env: { FORCE_COLOR: 'false' } })).toBe(false);
  });
  it('NO_COLOR turns a terminal\'s colour off; --no-color and a file output always do', () => {
    expect(wantsColor({ ...base, isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(wantsColor({ ...base, flag: false, env: { FORCE_COLOR: '1' } })).toBe(false);
    expect(wantsColor({ ...base, toStdout: false, env: { FORCE_COLOR: '1' } })).toBe(false);
  });
});

describe('colour end to end', () => {
  // Through the bin, as a process: the environment is the process's.
  it('FORCE_COLOR=1 colours the table in a pipe; without it there is no escape code', () => {
    const forced = tillitProcess(['report', '--config', CONFIG, '-m', '1461'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/\u001b\[3[123]m/);
    expect(tillitProcess(['report', '--config', CONFIG, '-m', '1461']).stdout).not.toMatch(/\u001b\[/);
  });
  it('a typo gets the error and the suggestion, not the whole help', () => {
    const r = tillitProcess(['report', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--formt'\n(Did you mean --format?)\n(tillit --help lists the commands, tillit COMMAND --help their options)\n");
  });
  it('help lists the common options before the ingest overrides', async () => {
    const help = (await tillit(['report', '--help'])).stdout;
    expect(help.indexOf('--period')).toBeGreaterThan(0);
    expect(help.indexOf('--period')).toBeLessThan(help.indexOf('Reading input files'));
    expect(help.indexOf('--out')).toBeLessThan(help.indexOf('Reading input files'));
    expect(help.indexOf('--decimal')).toBeGreaterThan(help.indexOf('Reading input files'));
  });
});
