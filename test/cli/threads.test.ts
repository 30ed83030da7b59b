import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, EXAMPLE, tillit, tillitProcess } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tillit-threads-'));
// Every file, however small, is split: the worker path runs on the bundled sizes.
const env = { TILLIT_PARALLEL_MIN_BYTES: '1' };

/** A respondent file with quoted line breaks throughout, bad rows and a repeated header. */
function answersFile(name: string, rows: number, tail = '', ascii = false, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const services = ascii ? ['Hemtjanst', '"Sarskilt\nboende"', '"Hem\r\ntjanst"', 'Korttid'] : ['Hemtjänst', '"Särskilt\nboende"', '"Hem\r\ntjänst"', 'Korttid'];
  const answers = ascii ? ['Mycket nojd', 'Ganska nojd', 'Ganska missnojd', 'Vet ej', 'Kanske'] : ['Mycket nöjd', 'Ganska nöjd', 'Ganska missnöjd', 'Vet ej/Ingen åsikt', 'Kanske'];
  const header = ascii ? 'Lopnummer;Kommun;Ar;Verksamhet;Fraga;Svar;Kon' : 'Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    if (i % 997 === 500) lines.push(header);
    else if (i % 331 === 7) lines.push(`${i};1460;2025`);
    else lines.push([i, i % 3 === 0 ? '1460 Bengtsfors' : '1461', 2016 + (i % 10), services[i % 4], `q${i % 5}`, answers[(i * 7) % 5], i % 2 ? 'Kvinna' : 'Man'].join(';'));
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from(`${lines.join('\n')}\n`, encoding), Buffer.from(tail, encoding === 'utf8' ? 'latin1' : 'utf8')]));
  return path;
}

async function same(args: string[]) {
  const one = await tillit([...args, '--threads', '1'], { env });
  for (const threads of ['2', '3']) {
    const many = await tillit([...args, '--threads', threads], { env });
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    expect(many.code).toBe(one.code);
  }
  return one;
}

describe('reading one large file on several threads', () => {
  const file = answersFile('svar.csv', 60_000);
  it('validate: the same rows, findings, lines and columns as one thread', async () => {
    const r = await same(['validate', file, '--format', 'json']);
    const v = JSON.parse(r.stdout) as { files: { rows: { read: number; used: number; rejected: number }; findings: { code: string; line: number }[] }[] };
    expect(v.files[0]!.rows.read).toBe(60_000);
    expect(v.files[0]!.rows.rejected).toBeGreaterThan(60);
    expect(v.files[0]!.findings.some((f) => f.code === 'row-repeated-header')).toBe(true);
  });
  it('report: the same bytes as one thread, rejects file included', async () => {
    const one = join(dir, 'rejects-1.csv');
    const many = join(dir, 'rejects-2.csv');
    const a = await tillit(['report', file, '--format', 'json', '--threads', '1', '--rejects', one], { env });
    // Three parts of about 1.1 MB each: the first block (2 MiB) is read before the split is chosen,
    // so the workers take the second and third parts (with two threads, the first thread reads on).
    const b = await tillit(['report', file, '--format', 'json', '--threads', '3', '--rejects', many], { env });
    expect(b.stdout).toBe(a.stdout);
    expect(b.code).toBe(a.code);
    expect(readFileSync(many, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(readFileSync(one, 'utf8').split('\n').length).toBeGreaterThan(60);
    expect(JSON.parse(a.stdout).quality.length).toBeGreaterThan(0);
  });
  it('a Latin-1 byte late in an ASCII-looking file: read as Windows-1252 either way', async () => {
    const latin = answersFile('latin.csv', 60_000, '9999;1460;2025;Hemtj\u00e4nst;q1;Mycket n\u00f6jd;Kvinna\n', true);
    const r = await same(['validate', latin, '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].encoding).toBe('windows-1252');
  });
  it('damaged UTF-8 late in the file: the same error at the same line and column', async () => {
    const damaged = answersFile('damaged.csv', 60_000, '9999;1460;2025;Hemtj\u00e4nst;q1;Mycket n\u00f6jd;Kvinna\n');
    const r = await same(['validate', damaged, '--format', 'json']);
    // The bad byte is on the last physical line (quoted cells hold line breaks too), after "9999;1460;2025;Hemtj".
    const lastLine = readFileSync(damaged, 'latin1').split(/\r\n|\n/).length - 1;
    expect(JSON.parse(r.stdout).files[0].findings).toMatchObject([{ code: 'encoding-invalid', line: lastLine, column: 21 }]);
  });
  it('a cut that falls inside a quoted cell: read on from it, the same rows and findings', async () => {
    // Plain rows around one cell whose quoted line breaks span the middle of the file, where the cut lands.
    const plain = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${from + i};1461;2025;Hemtjänst;q${i % 5};Ganska nöjd;Man`);
    // ~1.4 MB of rows, a 400 KB cell, ~1.4 MB of rows: two threads cut at half, inside the cell
    // (past the first 1 MiB read, where the cut is chosen).
    const long = `9;1460;2025;"Hem${'\nrad'.repeat(100_000)}";q1;Mycket nöjd;Kvinna`;
    const path = join(dir, 'quoted-middle.csv');
    writeFileSync(path, `Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön\n${[...plain(0, 30_000), long, ...plain(40_000, 30_000)].join('\n')}\n`);
    const r = await same(['validate', path, '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].rows.read).toBe(60_001);
  });
  it('a Windows-1252 file from its first line: read on every thread alike, said once', async () => {
    const cp1252 = answersFile('cp1252.csv', 60_000, '', false, 'latin1');
    const r = await same(['validate', cp1252, '--format', 'json']);
    const v = JSON.parse(r.stdout).files[0];
    expect(v.encoding).toBe('windows-1252');
    expect(v.rows.read).toBe(60_000);
    expect(v.findings.filter((f: { code: string }) => f.code === 'encoding-detected')).toHaveLength(1);
    await same(['report', cp1252, '--format', 'json']);
  });
  it('a Windows-1252 file with UTF-8 late in it: the same error either way', async () => {
    const mixed = answersFile('cp1252-utf8.csv', 60_000, '9999;1460;2025;Hemtjänst;q1;Mycket nöjd;Kvinna\n', false, 'latin1');
    const r = await same(['validate', mixed, '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { code: string }) => f.code)).toContain('encoding-invalid');
  });
  it('a UTF-16 file large enough to split: read whole, the same either way', async () => {
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(answersFile('for-utf16.csv', 30_000), 'utf8'), 'utf16le')]));
    const r = await same(['validate', utf16, '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].rows.read).toBe(30_000);
  });
  it('row limit: stops at the same row either way', async () => {
    await same(['validate', file, '--format', 'json', '--max-rows', '45000']);
  });
});

describe('files of other kinds, with workers started', () => {
  it('the bundled example (budget, aggregated and respondent files): the same report on any number of threads', async () => {
    // Every file is large enough to split here: a worker starts for each, and those of files that
    // turn out not to be respondent files are stopped unused (the run still ends, with the same bytes).
    const r = await same(['report', '--config', 'fixtures/bengtsfors-mellerud/tillit.config.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).budget.length).toBeGreaterThan(0);
  });
});

describe('workers started as the command starts, for the files it names', () => {
  it('the example\'s files named: workers warmed for the largest, those not cut for let go, the same bytes', async () => {
    // The budget files are cut for too (every file is large enough here): the workers warmed for
    // them are taken and stopped when the head shows a budget, or stopped once the inputs are read.
    const files = ['budget-bengtsfors.csv', 'budget-mellerud.csv', 'svar-2025.csv', 'kvalitet-2016-2025.csv'].map((f) => `${EXAMPLE}/${f}`);
    const r = await same(['report', ...files, '--config', CONFIG, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).quality.length).toBeGreaterThan(0);
  });
  it('a run that fails before reading (a config that is not there) ends at once, exit 2', () => {
    const r = tillitProcess(['report', `${EXAMPLE}/svar-2025.csv`, '--config', 'nowhere.json', '--threads', '2'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere\.json/);
  });
});

describe('--threads is bounded', () => {
  it('a request above 8 is lowered to 8 and said so; the report is the same', async () => {
    const args = ['validate', `${EXAMPLE}/svar-2025.csv`, '--format', 'json'];
    // Parts of at least 32 KiB: the example's answers file goes to a few threads, not 256.
    const one = await tillit([...args, '--threads', '1'], { env: { TILLIT_PARALLEL_MIN_BYTES: '65536' } });
    const many = await tillit([...args, '--threads', '256'], { env: { TILLIT_PARALLEL_MIN_BYTES: '65536' } });
    expect(many.stderr).toBe('tillit: --threads 256 lowered to 8, the most one file is read on\n');
    expect(many.stdout).toBe(one.stdout);
    expect(many.code).toBe(one.code);
  });
});
