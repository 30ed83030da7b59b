import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, EXAMPLE, ROOT, tillit } from './run.js';

/** A folder with copies of the bundled example's data files, as an analyst's own folder. */
function analystFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
  for (const f of readdirSync(join(ROOT, EXAMPLE)).filter((f) => f.endsWith('.csv'))) copyFileSync(join(ROOT, EXAMPLE, f), join(dir, f));
  return dir;
}

interface QualityRow { area: string; indicator: string; service: string; gender: string; period: string; value: number | null; n: number | null; low: number | null; high: number | null }
/** Every quality figure, the organisation's own code (the config's choice) written as ORG. */
function figures(stdout: string): string[] {
  const report = JSON.parse(stdout) as { organisation: { code: string }; quality: QualityRow[] };
  const area = (code: string): string => (code === report.organisation.code ? 'ORG' : code);
  return report.quality.map((q) => [area(q.area), q.indicator, q.service, q.gender, q.period, q.value, q.n, q.low, q.high].join('|')).sort();
}

interface BudgetRow { area: string; activity: string; period: string; budgetYtd: number | null; actualYtd: number | null; forecast: number | null }
function amounts(stdout: string): string[] {
  const report = JSON.parse(stdout) as { organisation: { code: string }; budget: BudgetRow[] };
  const area = (code: string): string => (code === report.organisation.code ? 'ORG' : code);
  return report.budget.map((b) => [area(b.area), b.activity, b.period, b.budgetYtd, b.actualYtd, b.forecast].join('|')).sort();
}

describe('tillit init', () => {
  it('proposes a config for the bundled files that runs and gives the bundled config\'s quality figures', async () => {
    const dir = analystFolder();
    const files = readdirSync(dir).sort();
    const r = await tillit(['init', ...files], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tillit: wrote tillit.config.json');
    expect(r.stderr).toContain('budget-gemensamt.csv: budget, 44 of 44 rows used');
    expect(r.stderr).toContain('svar-2025.csv: answers, rows not counted here (tillit validate counts them)');
    const text = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    expect(text).toMatch(/^\/\/ /);
    expect(text).toContain('"aliases": ["Gemensam socialförvaltning"]');
    expect(text).toContain('{ "code": "1460", "name": "Bengtsfors" }');
    // No unit in the file: kronor would be implausible, tkr is proposed and said to need a look.
    expect(text).toContain('{ "path": "budget-bengtsfors.csv", "unit": "tkr", "sign": "costs-negative" }');
    expect(text).toContain('{ "path": "budget-gemensamt.csv", "unit": "tkr", "sign": "costs-positive" }');
    expect(text).toMatch(/CHECK: the file states no amount unit; amounts as kronor would be implausible, so they are read as tkr/);

    const mine = await tillit(['report', '--format', 'json'], { cwd: dir });
    expect(mine.code).toBe(0);
    const bundled = await tillit(['report', '--config', CONFIG, '--format', 'json']);
    expect(figures(mine.stdout)).toEqual(figures(bundled.stdout));
    expect(figures(mine.stdout).length).toBeGreaterThan(100);
    // The budget alike, line by line (the allocation needs populations the files do not have).
    expect(amounts(mine.stdout)).toEqual(amounts(bundled.stdout));
    expect(amounts(mine.stdout).length).toBeGreaterThan(10);
  });

  it('never replaces an existing config unless --force', async () => {
    const dir = analystFolder();
    writeFileSync(join(dir, 'tillit.config.json'), '{"organisation": {"name": "Mine"}}');
    const r = await tillit(['init', 'kvalitet-2016-2025.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tillit: tillit.config.json exists; tillit init never replaces a config (--force to do so)\n');
    expect(readFileSync(join(dir, 'tillit.config.json'), 'utf8')).toBe('{"organisation": {"name": "Mine"}}');
    const forced = await tillit(['init', 'kvalitet-2016-2025.csv', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'tillit.config.json'), 'utf8')).toContain('"path": "kvalitet-2016-2025.csv"');
  });

  it('without files writes a template that parses; --out names another file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
    const r = await tillit(['init', '--out', 'mitt.config.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('a template: add your files under "inputs", then run: tillit report --config mitt.config.json');
    expect(existsSync(join(dir, 'tillit.config.json'))).toBe(false);
    const v = await tillit(['validate', '--config', 'mitt.config.json'], { cwd: dir });
    // Parsed (no config error, exit 2 names the missing inputs, not the file's syntax).
    expect(v.stderr).toContain('no input files');
  });

  it('a file it cannot read is written commented out with the reason, and the config still runs', async () => {
    const dir = analystFolder();
    writeFileSync(join(dir, 'okänd.csv'), 'a;b;c\n1;2;3\n');
    const r = await tillit(['init', 'okänd.csv', 'kvalitet-2016-2025.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    expect(text).toMatch(/\/\/ not readable as it is \(.*Columns: a, b, c\): \{ "path": "okänd.csv" \}/);
    expect(r.stderr).toMatch(/ okänd\.csv: not readable as it is \(.*Columns: a, b, c\), left out \(commented out in the config\)\n/);
    expect((await tillit(['report', '--format', 'json'], { cwd: dir })).code).toBe(0);
  });

  it('a file named that is not there (a typo) is said on screen, not only in the config', async () => {
    const dir = analystFolder();
    const r = await tillit(['init', 'kvalitet-2016-2025.csv', 'budegt-mellerud.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('  budegt-mellerud.csv: not readable as it is (file not found), left out (commented out in the config)\n');
  });

  it('takes --rejects and --max-bytes as every command that reads files does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
    writeFileSync(join(dir, 'k.csv'), 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2024;1460 Bengtsfors;Hemtjänst;helhetssyn;120;87,5\n2025;1460 Bengtsfors;Hemtjänst;helhetssyn;abc;88\n');
    const r = await tillit(['init', 'k.csv', '--rejects', 'rejects.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('tillit: wrote 1 rejected row(s) to rejects.csv\n');
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toBe('file,line,reason,text\r\nk.csv,3,value-number-invalid,2025;1460 Bengtsfors;Hemtjänst;helhetssyn;abc;88\r\n');
    // Never over an input.
    const over = await tillit(['init', 'k.csv', '--rejects', 'k.csv', '--out', 'other.json'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(existsSync(join(dir, 'other.json'))).toBe(false);
    // A file above --max-bytes is not read: left out, with the reason.
    const big = await tillit(['init', 'k.csv', '--max-bytes', '10', '--out', 'small.json'], { cwd: dir });
    expect(big.code).toBe(0);
    expect(readFileSync(join(dir, 'small.json'), 'utf8')).toMatch(/\/\/ not readable as it is \(file is \d+ bytes, above the limit of 10 bytes \(--max-bytes\)\): \{ "path": "k.csv" \}/);
  });

  it("a region with budget lines of its own is a member; the Kolada file's other municipalities are compared with, and the organisation's budget is the bundled config's", async () => {
    const example = 'fixtures/helsingborg-landskrona-skane';
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
    for (const f of ['budget-2025.csv', 'kolada-2021-2025.csv']) copyFileSync(join(ROOT, example, f), join(dir, f));
    const r = await tillit(['init', 'budget-2025.csv', 'kolada-2021-2025.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('budget-2025.csv: budget, 72 of 72 rows used');
    expect(r.stderr).toContain('members: Landskrona, Helsingborg, Skåne län');
    expect(r.stderr).toMatch(/not members, compared with \(peer group "Jämförelsekommuner"\): Norrköping, .*Lund/);
    const text = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    // The config's comment counts the rows as the screen does (the organisation's own among them).
    expect(text).toContain('// budget (csv): 72 of 72 rows used, 2025-01–2025-09');
    expect(text).toContain('{ "code": "12", "name": "Skåne län" }');
    expect(text).not.toContain('{ "code": "0581"');

    const mine = await tillit(['report', '--format', 'json'], { cwd: dir });
    expect(mine.code).toBe(0);
    const bundled = await tillit(['report', '--config', `${example}/tillit.config.json`, '--format', 'json']);
    expect(amounts(mine.stdout)).toEqual(amounts(bundled.stdout));
    expect(amounts(mine.stdout).filter((a) => a.startsWith('12|')).length).toBeGreaterThan(0);
  });

  it('budget rows no member has are said on stderr, with their count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
    // Thirteen municipalities' budget lines are more than one organisation: no members are proposed.
    const codes = ['1460', '1461', '1462', '1463', '1465', '1466', '1470', '1471', '1472', '1473', '1480', '1481', '1482'];
    writeFileSync(join(dir, 'budget.csv'), `Period;Kommun;Verksamhet;Budget helår;Utfall ack\n${codes.map((c) => `2025-03;${c};Äldreomsorg;-150;-20`).join('\n')}\n`);
    const r = await tillit(['init', 'budget.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ 13 budget row\(s\) left out of the organisation's figures, no member has them: Bengtsfors \(1\), Mellerud \(1\), /);
    expect(readFileSync(join(dir, 'tillit.config.json'), 'utf8')).toContain('// CHECK: 13 areas in the organisation\'s own files: list your organisation\'s members here.');
  });

  it('an unknown indicator gets the unit its title ends in, as the report has it without a config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
    writeFileSync(join(dir, 'utsatthet.csv'), '"kpi","municipality_id","year","value","municipality"\n"Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)","2080",2021,5.6,"Falun"\n');
    const without = await tillit(['report', 'utsatthet.csv'], { cwd: dir });
    expect(without.stdout).toContain('5,6 %');
    expect((await tillit(['init', 'utsatthet.csv'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    expect(text).toContain('"better": "none", "unit": "%" }');
    expect(text).toContain('// CHECK: no English title is known: "en" repeats the Swedish one');
    const mine = await tillit(['report'], { cwd: dir });
    expect(mine.code).toBe(0);
    expect(mine.stdout).toContain('5,6 %');
  });

  it('files outside the folder: refused with the way out named; with --allow-outside the config points at them and runs with the flag', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'tillit-shared-'));
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-'));
    copyFileSync(join(ROOT, EXAMPLE, 'kvalitet-2016-2025.csv'), join(shared, 'kvalitet.csv'));
    const file = join(shared, 'kvalitet.csv');
    const refused = await tillit(['init', file], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('or pass --allow-outside');
    expect(existsSync(join(dir, 'tillit.config.json'))).toBe(false);

    const r = await tillit(['init', file, '--allow-outside'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('then run: tillit report --allow-outside');
    const text = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    expect(text).toContain(`{ "path": "../${join(shared, 'kvalitet.csv').split('/').slice(-2).join('/')}" }`);
    expect(text).toContain('run every command with --allow-outside');
    expect((await tillit(['report'], { cwd: dir })).code).toBe(2);
    expect((await tillit(['report', '--allow-outside', '--format', 'json'], { cwd: dir })).code).toBe(0);
  });
  it('says which files have warnings a report would give, by code (a helper saw "6 of 6 rows used" and no word of a fraction)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-warn-'));
    writeFileSync(join(dir, 'enkat.csv'), 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2023;1460;Hemtjänst;helhetssyn;120;85\n2024;1460;Hemtjänst;helhetssyn;118;86\n2025;1460;Hemtjänst;helhetssyn;110;0,89\n');
    const r = await tillit(['init', 'enkat.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('  enkat.csv: survey, 3 of 3 rows used; CHECK warnings: share-fraction-among (tillit validate names them)');
  });
});
