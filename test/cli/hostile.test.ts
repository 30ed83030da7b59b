import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG, EXAMPLE, PROCESS_TIMEOUT, ROOT, tillit, tillitProcess, type Run } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'tillit-hostile-'));
const H = (name: string) => `test/cli/hostile/${name}`;
const noStack = (r: Run) => expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
interface V { files: { rows: { read: number; used: number; rejected: number; ignored: number }; findings: { code: string; severity: string; line?: number; message: string; received?: string }[] }[] }
const validate = async (args: string[]) => {
  const started = Date.now();
  const r = await tillit(['validate', ...args, '--format', 'json']);
  return { r, ms: Date.now() - started, v: r.stdout ? (JSON.parse(r.stdout) as V) : undefined };
};
const errorCodes = (v: V | undefined) => v!.files[0]!.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.line ?? '-'}`);

/** A seeded generator, so the "random" corpus is the same on every run. */
function bytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('hostile input: a clean rejection, an exit code, no stack trace, bounded time', () => {
  it('random bytes', async () => {
    const dir = tmp();
    for (const seed of [1, 2, 3]) {
      writeFileSync(join(dir, `random-${seed}.csv`), bytes(64 * 1024, seed));
      const { r, ms } = await validate([join(dir, `random-${seed}.csv`)]);
      expect(r.code).toBe(3);
      noStack(r);
      expect(ms).toBeLessThan(10_000);
    }
  });
  it('random bytes without NUL (decodes as text, matches no header)', async () => {
    const dir = tmp();
    const data = Buffer.from(bytes(32 * 1024, 9).map((b) => (b === 0 ? 1 : b)));
    writeFileSync(join(dir, 'noise.csv'), data);
    const { r, v } = await validate([join(dir, 'noise.csv')]);
    expect(r.code).toBe(3);
    expect(errorCodes(v).some((c) => c.startsWith('header-unrecognised') || c.startsWith('encoding-invalid'))).toBe(true);
    noStack(r);
  });
  it('a truncated file: the cut row is rejected, the rest kept', async () => {
    const { r, v } = await validate([H('truncated.csv')]);
    // The last line lost its end: "8" instead of a share is still a number, so the row is read;
    // what matters is that every row is accounted for.
    expect(v!.files[0]!.rows.read).toBe(2);
    expect(r.code).toBe(0);
  });
  it('an unterminated quote swallows the rest of the file, reported with its lines', async () => {
    const { r, v } = await validate(['test/cli/bad/unterminated-quote.csv']);
    expect(r.code).toBe(3);
    expect(errorCodes(v)).toEqual(['csv-syntax@3']);
  });
  it('a 10 MB field', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big-field.csv'), `Kommun;År;Fråga;Antal svarande;Andel\n1460;2024;helhetssyn;100;85\n${'x'.repeat(10 * 1024 * 1024)};2024;trygghet;100;85\n`);
    const { r, v, ms } = await validate([join(dir, 'big-field.csv')]);
    expect(r.code).toBe(3);
    expect(errorCodes(v)).toEqual(['area-unknown@3']);
    const f = v!.files[0]!.findings.find((x) => x.code === 'area-unknown')!;
    expect(f.received!.length).toBeLessThanOrEqual(60);
    expect(r.stdout.length).toBeLessThan(20_000);
    expect(ms).toBeLessThan(15_000);
  });
  it('100,000 columns', async () => {
    const dir = tmp();
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(';');
    writeFileSync(join(dir, 'wide.csv'), `${header}\n${Array.from({ length: 100_000 }, () => '1').join(';')}\n`);
    const { r, v, ms } = await validate([join(dir, 'wide.csv')]);
    expect(r.code).toBe(3);
    expect(errorCodes(v)).toEqual(['header-unrecognised@1']);
    expect(v!.files[0]!.findings[0]!.message).toContain('… (100000 columns)');
    expect(r.stdout.length).toBeLessThan(20_000);
    expect(ms).toBeLessThan(15_000);
  });
  it('NUL bytes: named as a binary file', async () => {
    const { r, v } = await validate([H('nul-byte.csv')]);
    expect(r.code).toBe(3);
    expect(errorCodes(v)).toEqual(['file-binary@-']);
  });
  it('invalid UTF-8 in a UTF-8 file: the position, not silent mojibake', async () => {
    const { r, v } = await validate([H('invalid-utf8.csv')]);
    expect(r.code).toBe(3);
    expect(v!.files[0]!.findings).toMatchObject([{ code: 'encoding-invalid', line: 3, column: 13 }]);
  });
  it('mixed line endings are read line by line', async () => {
    const { r, v } = await validate([H('mixed-line-endings.csv')]);
    expect(r.code).toBe(0);
    expect(v!.files[0]!.rows).toEqual({ read: 3, used: 3, rejected: 0, ignored: 0 });
  });
  it('a header repeated mid-file is rejected at its line, data on both sides kept', async () => {
    const { r, v } = await validate([H('header-repeated.csv')]);
    expect(r.code).toBe(3);
    expect(errorCodes(v)).toEqual(['row-repeated-header@3']);
    expect(v!.files[0]!.rows).toMatchObject({ used: 2, rejected: 1 });
  });
  it('limits: too many bytes or rows give a clear message instead of exhausting memory', async () => {
    const big = await validate([H('mixed-line-endings.csv'), '--max-bytes', '50']);
    expect(big.r.code).toBe(3);
    expect(big.v!.files[0]!.findings[0]!.message).toMatch(/^file is \d+ bytes, above the limit of 50 bytes/);
    const rows = await validate([H('mixed-line-endings.csv'), '--max-rows', '2']);
    expect(rows.r.code).toBe(3);
    expect(errorCodes(rows.v)).toEqual(['rows-limit@3']);
  });
});

describe('hostile text that is valid data is rendered inert', () => {
  const file = H('formula-and-markup.csv');
  it('CSV: formula-like cells are neutralised', async () => {
    const r = await tillit(['report', file, '--format', 'csv']);
    expect(r.code).toBe(0);
    const cells = r.stdout.split('\r\n').slice(1).map((l) => l.split(',')[5]);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""klicka"")"`);
    expect(r.stdout).toContain(",'+cmd|calc,");
    expect(r.stdout).toContain(",'@SUM(1+1),");
    for (const c of cells) if (c) expect(c).not.toMatch(/^[=+@]/);
  });
  it('Markdown: pipes, tags, backticks and newlines cannot break a table or inject HTML', async () => {
    const r = await tillit(['report', file, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).toContain('&lt;script&gt;');
    const table = r.stdout.split('\n').filter((l) => l.startsWith('| '));
    const pipes = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of table) expect(pipes(l)).toBe(pipes(table[0]!));
  });
  it('path-like names never reach a file name', async () => {
    const dir = tmp();
    const config = join(dir, 'tillit.config.json');
    writeFileSync(config, JSON.stringify({ organisation: { name: '../../etc/passwd', code: '../../x' }, members: [{ code: '1460' }], inputs: [{ path: `${ROOT}${file}` }] }));
    const out = join(dir, 'out/');
    // The input lies outside the config's folder on purpose (the repository's test file).
    const r = await tillit(['report', '--config', config, '--allow-outside', '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).every((n) => /^[a-z0-9-]+\.md$/.test(n) || n === 'charts')).toBe(true);
    expect(readdirSync(join(out, 'charts')).every((n) => /^[a-z0-9-]+\.svg$/.test(n))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['out', 'tillit.config.json']);
  });
});

describe('output safety', () => {
  it('a failure mid-run leaves earlier outputs intact and no partial files', async () => {
    const out = join(tmp(), 'briefs');
    expect((await tillit(['report', '--config', CONFIG, '--format', 'md', '--out', `${out}/`])).code).toBe(0);
    // The briefs (their charts are in charts/, written before them).
    const before = Object.fromEntries(readdirSync(out).filter((n) => n.endsWith('.md')).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    // Make the second target unwritable: a directory where the file should go.
    const victim = Object.keys(before).sort()[1]!;
    const moved = join(out, victim);
    writeFileSync(`${moved}.keep`, before[victim]!);
    rmSync(moved);
    mkdirSync(moved);
    writeFileSync(join(moved, 'x'), 'x');
    const r = await tillit(['report', '--config', CONFIG, '--format', 'md', '--out', `${out}/`, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${moved}`);
    noStack(r);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    for (const [name, text] of Object.entries(before)) {
      if (name === victim) continue;
      const now = readFileSync(join(out, name), 'utf8');
      // Each file is either the old complete brief or the new complete one, never a fragment.
      expect(now === text || now.startsWith('# ') && now.endsWith('\n')).toBe(true);
    }
    // Two runs that each draw the example's 27 charts.
  }, 120_000);
  it('concurrent runs writing to the same directory do not corrupt each other', async () => {
    const out = join(tmp(), 'shared');
    const run = () => new Promise<number | null>((resolve) => {
      const p = spawn(process.execPath, [`${ROOT}bin/tillit.js`, 'report', '--config', CONFIG, '--format', 'json', '--out', `${out}/`], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: 'ignore' });
      p.on('close', resolve);
    });
    const codes = await Promise.all([run(), run(), run(), run()]);
    expect(codes).toEqual([0, 0, 0, 0]);
    const names = readdirSync(out);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const sequential = join(tmp(), 'one');
    await tillit(['report', '--config', CONFIG, '--format', 'json', '--out', `${sequential}/`]);
    for (const n of readdirSync(sequential)) expect(readFileSync(join(out, n), 'utf8')).toBe(readFileSync(join(sequential, n), 'utf8'));
  });
});

describe('--rejects: nothing is lost', () => {
  it('writes every rejected row with file, line, reason and original text; the count matches the report', async () => {
    const dir = tmp();
    const rejects = join(dir, 'rejects.csv');
    const files = ['test/cli/bad/survey-errors.csv', 'test/cli/bad/unterminated-quote.csv', H('header-repeated.csv'), H('formula-and-markup.csv')];
    const r = await tillit(['report', ...files, '--format', 'json', '--rejects', rejects]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { inputs: { rows: { rejected: number } }[] };
    const rejected = report.inputs.reduce((a, i) => a + i.rows.rejected, 0);
    const text = readFileSync(rejects, 'utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,line,reason,text');
    // Quoted newlines inside a rejected row keep it on one CSV record; count records by their file column.
    const records = text.split('\r\n').filter((l) => /^test\/cli\//.test(l));
    expect(records).toHaveLength(rejected);
    expect(rejected).toBe(10);
    expect(text).toContain('test/cli/bad/survey-errors.csv,3,value-out-of-range,"2024;1460 Bengtsfors;Hemtjänst;trygghet;112;104,5"');
    // The unterminated quote's lines, each a rejected row with its own line.
    expect(text).toContain('test/cli/bad/unterminated-quote.csv,3,csv-syntax,"1460;2025;""helhetssyn;100;86"\r\n');
    expect(text).toContain('test/cli/bad/unterminated-quote.csv,4,csv-syntax,1461;2025;helhetssyn;90;80\r\n');
    expect(text).toContain('test/cli/hostile/header-repeated.csv,3,row-repeated-header,Kommun;År;Fråga;Antal svarande;Andel');
    expect(existsSync(`${rejects}.tmp`)).toBe(false);
    expect(statSync(rejects).size).toBeGreaterThan(100);
  });
});

describe('hostile input, round two: an exit code and one sentence, never a crash', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const d = tmp();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  /** Exactly one line on stderr (a sentence) and no stack trace. */
  const oneSentence = (r: Run) => {
    noStack(r);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  };

  it('Kolada JSON nested 5 000 deep: a finding, exit 3', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'deep.json'), `{"values": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const { r, v } = await validate([join(dir, 'deep.json')]);
    expect(r.code).toBe(3);
    noStack(r);
    expect(errorCodes(v)).toEqual(['json-invalid@1']);
  });
  it('Kolada JSON is read in flat memory: 4.8 MB under a 64 MB heap (read whole, it took 235 MB and aborted)', async () => {
    const dir = scratch();
    const munis = ['1460', '1461', '0180', '1480', '0114', '0115', '0117', '0120'];
    const parts: string[] = [];
    for (let i = 0; i < 24_000; i++) {
      const values = [{ gender: 'T', count: 1, status: '', value: 50.5, isdeleted: false }];
      parts.push(JSON.stringify({ kpi: `U${String(Math.floor(i / 288)).padStart(5, '0')}`, municipality: munis[i % 8], period: 1990 + (Math.floor(i / 8) % 36), values }, null, 2));
    }
    writeFileSync(join(dir, 'big.json'), `{"values": [\n${parts.join(',\n')}\n]}`);
    // A heap limit is the process's: this one runs the bin.
    const r = tillitProcess(['validate', join(dir, 'big.json')], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    noStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/24000 read, 24000 used, 0 rejected/);
  });
  it('a file that cannot be read fails the run: exit 3, the file and why, in one sentence', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'plain'), 'x');
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    const cases: [string, string][] = [
      [join(dir, 'missing.csv'), `file not found: ${join(dir, 'missing.csv')}`],
      [join(dir, 'folder'), `cannot read ${join(dir, 'folder')}: it is a directory`],
      [join(dir, 'plain', 'x.csv'), `cannot read ${join(dir, 'plain', 'x.csv')}: a folder in its path is not a folder`],
      [join(dir, 'loop-a'), `cannot read ${join(dir, 'loop-a')}: too many symbolic links (a loop)`],
      [join(dir, `${'n'.repeat(300)}.csv`), `cannot read ${join(dir, `${'n'.repeat(300)}.csv`)}: the name is too long`],
      ['/dev/zero', 'cannot use /dev/zero: file looks binary (NUL byte at byte 0)'],
      [H('invalid-utf8.csv'), 'cannot use test/cli/hostile/invalid-utf8.csv:3:13: invalid utf-8 byte sequence'],
    ];
    for (const [file, sentence] of cases) {
      const r = await tillit(['report', file, CONFIG.replace(/tillit.config.json$/, 'kvalitet-2016-2025.csv')]);
      expect(r.code, file).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`tillit: ${sentence}`);
      oneSentence(r);
    }
  });
  it('a thousand inputs are read one at a time: 60 files under a limit of 48 open files', () => {
    const dir = scratch();
    const source = `${ROOT}${CONFIG.replace(/tillit.config.json$/, 'kvalitet-2016-2025.csv')}`;
    const files = Array.from({ length: 60 }, (_, i) => join(dir, `k-${i}.csv`));
    // Files of one size and different content: the check for a file named twice hashes each of them.
    const text = readFileSync(source, 'utf8');
    files.forEach((f, i) => writeFileSync(f, `${text}2016;1460 Bengtsfors;Hemtjänst;fråga${String(i).padStart(3, '0')};120;87,5\n`));
    const r = spawnSync('sh', ['-c', `ulimit -n 48 && exec "${process.execPath}" "${ROOT}bin/tillit.js" validate "$@"`, 'sh', ...files], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: PROCESS_TIMEOUT });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('60 of 60 file(s) clean');
  });

  const KVALITET = `${ROOT}${CONFIG.replace(/tillit.config.json$/, 'kvalitet-2016-2025.csv')}`;
  /** A folder with one input, `real.csv`, and a symlink to it, `link.csv`. */
  const withInput = () => {
    const dir = scratch();
    copyFileSync(KVALITET, join(dir, 'real.csv'));
    symlinkSync('real.csv', join(dir, 'link.csv'));
    return { dir, input: readFileSync(join(dir, 'real.csv'), 'utf8') };
  };

  it('never over an input, the config or another output: real paths and inodes compared (exit 2, nothing written)', async () => {
    const { dir, input } = withInput();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'alias'));
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({ organisation: { name: 'X' }, members: [{ code: '1460' }], inputs: [{ path: 'real.csv' }] }));
    const config = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    const cases: [string[], string][] = [
      [['report', 'link.csv', '--out', 'real.csv'], '--out real.csv would overwrite the input file link.csv'],
      [['report', 'real.csv', '--out', 'alias/real.csv'], '--out alias/real.csv would overwrite the input file real.csv'],
      [['report', 'real.csv', '--summary', 'link.csv'], '--summary link.csv would overwrite the input file real.csv'],
      [['report', '--config', 'tillit.config.json', '--out', 'tillit.config.json'], '--out tillit.config.json would overwrite the config tillit.config.json'],
      [['report', 'real.csv', '--rejects', 'x.csv', '--out', 'x.csv'], '--rejects x.csv would overwrite --out x.csv'],
      [['validate', 'real.csv', '--rejects', 'link.csv'], '--rejects link.csv would overwrite the input file real.csv'],
    ];
    for (const [args, sentence] of cases) {
      const r = await tillit(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`tillit: ${sentence}\n`);
    }
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(input);
    expect(readFileSync(join(dir, 'tillit.config.json'), 'utf8')).toBe(config);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
  it('a device or FIFO is written to, never replaced; a replaced report keeps its mode; a long name gets a short temp name', async () => {
    const { dir } = withInput();
    // A symlink to the null device inside the temporary folder: the device node must survive.
    symlinkSync('/dev/null', join(dir, 'null'));
    let r = await tillit(['report', 'real.csv', '--out', 'null', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'null')).isSymbolicLink()).toBe(true);
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawnSync('sh', ['-c', `cat "${fifo}" > "${fifo}.got" & exec "${process.execPath}" "${ROOT}bin/tillit.js" report real.csv --format csv --out fifo; wait`], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: PROCESS_TIMEOUT });
    expect(reader.status).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(`${fifo}.got`, 'utf8')).toMatch(/^section,area,/);
    writeFileSync(join(dir, 'rep.md'), 'old');
    chmodSync(join(dir, 'rep.md'), 0o600);
    expect((await tillit(['report', 'real.csv', '--format', 'md', '--out', 'rep.md'], { cwd: dir })).code).toBe(0);
    expect(statSync(join(dir, 'rep.md')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'rep.md'), 'utf8')).toMatch(/^# /);
    const long = `${'b'.repeat(245)}.md`;
    r = await tillit(['report', 'real.csv', '--format', 'md', '--out', long], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, long))).toBe(true);
  });
  it('an output that cannot be written, stdout on a full disk, an impossible SOURCE_DATE_EPOCH: exit 2, one sentence', async () => {
    const { dir } = withInput();
    writeFileSync(join(dir, 'plain'), 'x');
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    for (const [out, why] of [['plain/x.json', 'ENOTDIR'], ['loop-a', 'ELOOP']]) {
      const r = await tillit(['report', 'real.csv', '--out', out!, '--format', 'json'], { cwd: dir });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`tillit: cannot write ${join(dir, out!)}: ${why}`);
      oneSentence(r);
    }
    let r = await tillit(['report', 'real.csv'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '99999999999999' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tillit: SOURCE_DATE_EPOCH must be whole seconds since 1970 up to 8640000000000, got "99999999999999"\n$/);
    const full = openSync('/dev/full', 'w');
    try {
      const s = spawnSync(process.execPath, [`${ROOT}bin/tillit.js`, 'report', 'real.csv', '--format', 'json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: PROCESS_TIMEOUT });
      r = { code: s.status, stdout: '', stderr: s.stderr };
    } finally {
      closeSync(full);
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tillit: cannot write to standard output: ENOSPC\n');
  });

  it('terminal escapes, bidi overrides, zero-width characters and line breaks in data are shown escaped in every format and on stderr', async () => {
    const dir = scratch();
    const file = join(dir, 'esc.csv');
    writeFileSync(file, [
      'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)',
      '2024;1460 Bengtsfors;"Hem\u001b]0;pwn\u0007tjänst\n::error title=x::forged @team https://x.test $x$";helhetssyn;120;87,5',
      '2024;1460 Bengtsfors;\u202eHem\u200btjänst;trygghet;120;80',
      '2024;1460 Bengtsfors;Hem;trygghet;120;bad\u001b[31m',
    ].join('\n'));
    const summary = join(dir, 'summary.md');
    const raw = /[\u001b\u0007\u202e\u200b]/;
    for (const format of ['table', 'md', 'csv', 'json']) {
      const r = await tillit(['report', file, '--format', format, '--fail-on', 'status=green', '--summary', summary, '--rejects', join(dir, 'rejects.csv')]);
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).not.toMatch(raw);
      expect(r.stderr, format).not.toMatch(raw);
      // Data never begins a line on stderr: a forged workflow command stays inside its line.
      expect(r.stderr.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
      expect(r.stdout + r.stderr).toContain('Hem\\x1b]0;pwn\\x07tjänst');
    }
    const v = await tillit(['validate', file]);
    expect(v.stdout + v.stderr).not.toMatch(raw);
    expect(v.stdout).toContain('bad\\x1b[31m');
    const md = readFileSync(summary, 'utf8');
    expect(md).not.toMatch(raw);
    expect(md.split('\n').filter((l) => l.includes('::error'))).toEqual(md.split('\n').filter((l) => l.includes('::error') && l.startsWith('- ')));
    expect(md).toContain('@&#8203;team');
    expect(md).toContain('https:/&#8203;/x.test');
    expect(md).toContain('\\$x\\$');
    const rejects = readFileSync(join(dir, 'rejects.csv'), 'utf8');
    expect(rejects).not.toMatch(raw);
    expect(rejects).toContain('\\x1b[31m');
  });

  it('--max-bytes counts bytes as they are read (a pipe has no size), and one JSON value is bounded', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'rows.csv'), `År;Kommun;Fråga;Antal svarande;Andel positiva (%)\n${'2024;1460;helhetssyn;120;87,5\n'.repeat(10_000)}`);
    // Through a pipe, as `cat rows.csv | tillit report /dev/stdin` (spawnSync's own stdin is a socket).
    const piped = spawnSync('sh', ['-c', `cat rows.csv | "${process.execPath}" "${ROOT}bin/tillit.js" report /dev/stdin --max-bytes 100000`], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: PROCESS_TIMEOUT });
    expect(piped.status).toBe(3);
    expect(piped.stderr).toBe('tillit: cannot use /dev/stdin: file is more than 100000 bytes, above the limit of 100000 bytes (--max-bytes)\n');
    writeFileSync(join(dir, 'long.json'), `{"values": ["${'x'.repeat(3_000_000)}"]}`);
    const v = await validate([join(dir, 'long.json')]);
    expect(v.r.code).toBe(3);
    expect(errorCodes(v.v)).toEqual(['json-invalid@1']);
    expect(v.v!.files[0]!.findings[0]!.message).toBe('not valid JSON: a value runs past 1048576 bytes');
  });

  it('SIGTERM while writing removes the temporary file', async () => {
    const dir = scratch();
    const lines = ['Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår'];
    for (let i = 0; i < 20_000; i++) lines.push(`2025-03;Bengtsfors kommun;Verksamhet ${i};1200;100;${100 + (i % 7)};1210`);
    writeFileSync(join(dir, 'b.csv'), lines.join('\n'));
    const child = spawn(process.execPath, [`${ROOT}bin/tillit.js`, 'report', 'b.csv', '--unit', 'kr', '--format', 'csv', '--out', 'out.csv'], { cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: 'ignore' });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    const temp = () => readdirSync(dir).some((n) => n.endsWith('.tmp'));
    const started = Date.now();
    while (!temp() && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
    expect(temp()).toBe(true);
    child.kill('SIGTERM');
    expect(await closed).toBe('SIGTERM');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n === 'out.csv')).toEqual([]);
  });

  it('an unreadable --input-period or --input-municipality is a usage error (2), not every row rejected (3)', async () => {
    const file = `${EXAMPLE}/budget-gemensamt.csv`;
    let r = await tillit(['validate', file, '--input-period', '2025-13']);
    expect([r.code, r.stderr]).toEqual([2, 'tillit: --input-period: not a period: "2025-13" (expected a year, 2025, or a month, 2025-08)\n']);
    r = await tillit(['report', file, '--input-municipality', 'Atlantis']);
    expect([r.code, r.stderr]).toEqual([2, 'tillit: --input-municipality: not a known municipality code or name, region, "Riket" or the organisation: "Atlantis"\n']);
  });

  it('a config reads its inputs only below its own folder: ../, an absolute path or a link out is exit 2 naming the key, unless --allow-outside', async () => {
    const dir = scratch();
    const source = `${ROOT}${CONFIG.replace(/tillit.config.json$/, 'kvalitet-2016-2025.csv')}`;
    mkdirSync(join(dir, 'cfg'));
    copyFileSync(source, join(dir, 'secret.csv'));
    symlinkSync(join(dir, 'secret.csv'), join(dir, 'cfg', 'link.csv'));
    copyFileSync(`${ROOT}${CONFIG.replace(/tillit.config.json$/, 'budget-mellerud.csv')}`, join(dir, 'cfg', 'inside.csv'));
    const config = (path: string) => {
      writeFileSync(join(dir, 'cfg', 'tillit.config.json'), JSON.stringify({ organisation: { name: 'X' }, inputs: [{ path: 'inside.csv' }, { path }] }));
      return join(dir, 'cfg', 'tillit.config.json');
    };
    for (const path of ['../secret.csv', join(dir, 'secret.csv'), 'link.csv']) {
      for (const cmd of ['report', 'validate']) {
        const r = await tillit([cmd, '--config', config(path)]);
        expect([r.code, r.stdout], path).toEqual([2, '']);
        expect(r.stderr).toMatch(new RegExp(`inputs\\[1\\]\\.path: "${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is outside the config's folder .*--allow-outside\n$`));
        expect(r.stderr.split('\n')).toHaveLength(2);
      }
    }
    expect((await tillit(['report', '--config', config('../secret.csv'), '--allow-outside', '--format', 'json'])).code).toBe(0);
    // A file named on the command line is the user's own choice, wherever it is.
    expect((await tillit(['report', '--config', config('inside.csv'), join(dir, 'secret.csv'), '--format', 'json'])).code).toBe(0);
    // tillit init will not write a config that could not read its files.
    const init = await tillit(['init', join(dir, 'secret.csv'), '--out', join(dir, 'cfg', 'ny.json')]);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/secret\.csv is outside .*cfg, where the config would be written/);
    expect(existsSync(join(dir, 'cfg', 'ny.json'))).toBe(false);
  });
  it('a UTF-16BE file (byte-order mark FE FF) is read as text, not called binary', async () => {
    const dir = scratch();
    const text = `${readFileSync(`${ROOT}${CONFIG.replace(/tillit.config.json$/, 'kvalitet-2016-2025.csv')}`, 'utf8').replace(/^\uFEFF/, '')}`;
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length + 2);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 0; i < le.length; i += 2) [be[i + 2], be[i + 3]] = [le[i + 1]!, le[i]!];
    writeFileSync(join(dir, 'be.csv'), be);
    const r = await tillit(['validate', join(dir, 'be.csv')]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('encoding utf-16be');
    expect(r.stdout).toContain('rows: 239 read, 239 used, 0 rejected, 0 ignored');
  });
  it('round two, smaller: a number past 2^53, a key given twice in Kolada JSON, a budget of almost nothing', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'big.csv'), 'Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-08;1460;Hemtjänst;9007199254740993;600\n2025-08;1460;LSS;100000000;50000000\n');
    let r = await tillit(['validate', join(dir, 'big.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('line 2, column 4: budgetYear: a number this large (over 9 007 199 254 740 991) cannot be held exactly');
    noStack(r);
    writeFileSync(join(dir, 'dup.json'), '{"values": [{"kpi": "U21468", "municipality": "1460", "period": 2024, "values": [{"gender": "T", "value": 85.0, "value": 90.0}]}]}');
    r = await tillit(['report', join(dir, 'dup.json')]);
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(/dup\.json:1:\d+: not valid JSON: the key "value" appears twice in one object/);
    oneSentence(r);
    writeFileSync(join(dir, 'tiny.csv'), 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-08;1460;Hemtjänst;0,0000000001;0,0000000001;600\n2025-08;1460;LSS;100000000;66000000;65000000\n');
    r = await tillit(['report', join(dir, 'tiny.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const row = (JSON.parse(r.stdout) as { budget: { activity: string; deviationPct: number | null }[] }).budget.find((b) => b.activity === 'Hemtjänst');
    expect(row?.deviationPct).toBeNull();
  });
});
