import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, EXAMPLE, ROOT, tillit } from './run.js';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;
const exampleConfig = join(ROOT, CONFIG);

/** A folder with the given files, for runs that read them by short names. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-silent-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Asserts a refused run in every format and with --out DIR: the exit code, the sentence, nothing written. */
async function refusedEverywhere(args: string[], code: number, sentence: string | RegExp, cwd?: string): Promise<void> {
  for (const format of FORMATS) {
    const r = await tillit(['report', ...args, '--format', format], cwd ? { cwd } : {});
    expect(r.code, format).toBe(code);
    expect(r.stderr, format).toMatch(sentence);
    expect(r.stdout, format).toBe('');
  }
  const out = mkdtempSync(join(tmpdir(), 'tillit-out-'));
  const r = await tillit(['report', ...args, '--format', 'md', '--out', `${out}/`], cwd ? { cwd } : {});
  expect(r.code).toBe(code);
  expect(readdirSync(out)).toEqual([]);
}

/** Runs each format and --out DIR: on a loaded machine, more than the default 30 s. */
const SLOW = 90_000;
const SURVEY_HEAD = 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)';

describe('a selection that matches nothing is an error, not an empty report', () => {
  it('-m with an unknown code: exit 2 naming the municipalities in the data', async () => {
    await refusedEverywhere(['--config', exampleConfig, '-m', '9999'], 2, /--municipality: "9999" is not a municipality code or name; municipalities in the data: 1460 Bengtsfors, 1461 Mellerud\n/);
  }, SLOW);
  it('-m with a municipality that is not in the data (Falun): exit 2 saying so', async () => {
    await refusedEverywhere(['--config', exampleConfig, '-m', 'Falun'], 2, /--municipality: 2080 Falun has no figures in the inputs; municipalities in the data: 1460 Bengtsfors, 1461 Mellerud\n/);
  }, SLOW);
  it('-m with Riket beside the organisation: a table or brief would leave it out, so exit 2 saying where its rows are; JSON and CSV carry them', async () => {
    for (const format of ['table', 'md', 'html']) {
      const r = await tillit(['report', '--config', CONFIG, '-m', 'Riket', '-m', '1460', '--format', format]);
      expect(r.code, format).toBe(2);
      expect(r.stdout, format).toBe('');
      expect(r.stderr, format).toContain(`tillit: --municipality: 0000 Riket gets no section of its own in a ${format} report beside the organisation or its municipalities: it is what their rows are compared with (Mot riket / Mot länet). Its rows are in --format json and csv; a report of it alone is made without --config (tillit report FILE -m 0000)\n`);
    }
    const json = await tillit(['report', '--config', CONFIG, '-m', 'Riket', '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { quality: { area: string }[] }).quality.some((q) => q.area === '0000')).toBe(true);
  }, SLOW);
  it('-m with a municipality in the data only as a peer-group member: exit 2 saying where its rows are, not a report without it', async () => {
    const peers = 'fixtures/helsingborg-landskrona-skane/tillit.config.json';
    for (const format of ['table', 'md', 'html']) {
      const r = await tillit(['report', '--config', peers, '-m', '0581', '--format', format]);
      expect(r.code, format).toBe(2);
      expect(r.stdout, format).toBe('');
      expect(r.stderr, format).toContain(`tillit: --municipality: 0581 Norrköping gets no section of its own in a ${format} report beside the organisation or its municipalities: it is what their rows are compared with (Jämförelsegrupper: it is in a peer group). Its rows are in --format json and csv; a report of it alone is made without --config (tillit report FILE -m 0581)\n`);
    }
    const json = await tillit(['report', '--config', peers, '-m', '0581', '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { quality: { area: string }[] }).quality.some((q) => q.area === '0581')).toBe(true);
    // A member named beside it still gets its section; the peer is what is refused.
    expect((await tillit(['report', '--config', peers, '-m', '1282', '--format', 'md'])).code).toBe(0);
  }, SLOW);
  it('-m names a kommunalförbund member by its id or name, and a municipality\'s -m leaves the kommunalförbund out', async () => {
    const dir = folder({
      'tillit.config.json': JSON.stringify({ organisation: { name: 'Sydost', code: 'SO' }, members: [{ code: 'SOTEA', kind: 'kommunalförbund', name: 'Sydöstra förbundet', contains: ['1214', '1260'] }, { code: '1262' }], inputs: [{ path: 'k.csv' }] }),
      'k.csv': 'Kommun;År;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\nSOTEA;2025;Hemtjänst;helhetssyn;200;80\n1262;2025;Hemtjänst;helhetssyn;150;70\n',
    });
    const sections = async (m: string) => {
      const r = await tillit(['report', '--config', 'tillit.config.json', '-m', m, '--format', 'md'], { cwd: dir });
      expect(r.code, m).toBe(0);
      return r.stdout.split('\n').filter((l) => l.startsWith('# ')).map((l) => l.replace(/ – uppföljning: .*/, ''));
    };
    expect(await sections('SOTEA')).toEqual(['# Sydöstra förbundet (SOTEA)', '# Sydost']);
    expect(await sections('sydöstra förbundet')).toEqual(['# Sydöstra förbundet (SOTEA)', '# Sydost']);
    expect(await sections('1262')).toEqual(['# Lomma (1262)', '# Sydost']);
  });
  it('-m or --fail-on before a file takes the file as a value: exit 2 saying so and how to name both', async () => {
    const file = `${EXAMPLE}/budget-mellerud.csv`;
    for (const [flag, value] of [['-m', '1461'], ['--fail-on', 'status=red']] as const) {
      const r = await tillit(['report', flag, value, file]);
      const long = flag === '-m' ? '--municipality' : flag;
      expect(r.code, flag).toBe(2);
      expect(r.stdout, flag).toBe('');
      expect(r.stderr, flag).toBe(`tillit: ${long} took the file ${file} as one of its values: it takes every word after it; name the files first (tillit report FILE... ${long} ...) or end its values with -- (${long} ... -- FILE...)\n`);
      const ended = await tillit(['report', '--format', 'json', flag, value, '--', file]);
      expect([0, 1], flag).toContain(ended.code);
      expect((JSON.parse(ended.stdout) as { inputs: { file: string }[] }).inputs.map((i) => i.file), flag).toEqual([file]);
    }
  });
  it('-m takes a name as well as a code', async () => {
    const byName = await tillit(['report', '--config', CONFIG, '-m', 'Melleruds kommun', '--format', 'md']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe((await tillit(['report', '--config', CONFIG, '-m', '1461', '--format', 'md'])).stdout);
    expect(byName.stdout).toContain('# Mellerud (1461)');
  });
  it('among many municipalities, the closest ones are named', async () => {
    const rows = ['1460 Bengtsfors', '1461 Mellerud', '1462 Lilla Edet', '1463 Mark', '1465 Svenljunga', '1466 Herrljunga', '1470 Vara', '1471 Götene', '1472 Tibro', '1473 Töreboda']
      .map((m) => `2025;${m};Hemtjänst;helhetssyn;100;80`);
    const dir = folder({ 'k.csv': `${SURVEY_HEAD}\n${rows.join('\n')}\n` });
    const r = await tillit(['report', 'k.csv', '-m', 'Bengtfors'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Bengtfors" is not a municipality code or name; closest in the data: 1460 Bengtsfors, /);
  });
  const have = 'they have survey and indicator years 2016–2025; budget months 2024-01 – 2025-10; nothing written';
  it('--period with no figures at all (2030): exit 3 naming the periods the inputs have', async () => {
    await refusedEverywhere(['--config', exampleConfig, '--period', '2030'], 3, `--period 2030: the inputs have no figures for 2030; ${have}`);
  }, SLOW);
  it('--period with no figures at all (2026-03, no budget month yet): exit 3 naming the periods the inputs have', async () => {
    await refusedEverywhere(['--config', exampleConfig, '--period', '2026-03'], 3, `--period 2026-03: the inputs have no figures for 2026-03; ${have}`);
  }, SLOW);
  it('--period 2021 on a series with 2021 missing: exit 3 naming the years there are', async () => {
    const rows = [2019, 2020, 2022].map((y) => `${y};1460;Hemtjänst;helhetssyn;100;80`);
    const dir = folder({ 'k.csv': `${SURVEY_HEAD}\n${rows.join('\n')}\n` });
    await refusedEverywhere(['k.csv', '--period', '2021'], 3, /--period 2021: the inputs have no figures for 2021; they have survey and indicator years 2019–2020, 2022; nothing written/, dir);
    expect((await tillit(['report', 'k.csv', '--period', '2022'], { cwd: dir })).code).toBe(0);
  }, SLOW);
  it('--period that one kind of input lacks: the report is made, and the missing part is said on stderr and in the brief', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--period', '2023-05', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--period: warning period-no-budget-data: no budget figures for 2023-05 (the budget files have 2024-01 – 2025-10); the report has no budget section');
    expect(r.stdout).toContain('- Underlaget har inga budgetuppgifter för den begärda perioden, så ekonomidelen saknas.');
    expect(r.stdout).not.toContain('Ekonomi');
  });
  it('--period a month after the budget files\' latest that year: the section is at that latest month, said so, and nothing labelled with the month asked for', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--period', '2025-11', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--period: warning period-budget-earlier: no budget figures for 2025-11 (the budget files have 2024-01 – 2025-10); the budget section is at 2025-10, the latest month before it');
    expect(r.stderr).not.toContain('budget-behind');
    expect(r.stdout).toContain('- Underlaget har inga budgetuppgifter för den begärda månaden; ekonomidelen visar den senaste månaden före den.');
    expect(r.stdout).toContain('oktober 2025');
    expect(r.stdout).not.toContain('november 2025');
  });
  it('months ahead of the ledger (budget all year, outcome 0 or blank after August): the section is after August, not a year closed far under budget (a helper\'s file)', async () => {
    const head = 'Period;Kommun;Verksamhet;Budget helår (tkr);Budget månad (tkr);Utfall månad (tkr);Prognos helår (tkr)';
    const months = (after: string) => Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`).flatMap((m) => [`${m};1460;Äldreomsorg;224400;18700;${m <= '2025-08' ? 19100 : after};226000`, `${m};1460;IFO;60000;5000;${m <= '2025-08' ? 4900 : after};59000`]);
    const dir = folder({ 'noll.csv': `${head}\n${months('0').join('\n')}\n`, 'tom.csv': `${head}\n${months('').join('\n')}\n`, 'budget.csv': 'År;Kommun;Verksamhet;Budget helår (tkr)\n2025;1460;Äldreomsorg;224 442\n2025;1460;IFO;59 942\n' });
    const zero = await tillit(['report', 'noll.csv', '--format', 'json'], { cwd: dir });
    expect(zero.code).toBe(0);
    expect(zero.stderr).toContain("noll.csv:1: warning outcome-not-booked: an outcome of 0 (or the month before's carried forward to date, or none where other areas have one) in every line of an area for a month (1460 from 2025-09): read as not booked yet, not as a month without costs; 8 row(s) after an area's last month booked set aside, so its lines end there");
    const report = JSON.parse(zero.stdout) as { period: { budget: string }; budget: { activity: string; deviation: number | null }[]; findings: { code: string; message: string }[] };
    expect(report.period.budget).toBe('2025-08');
    // 8 × 18 700 − 8 × 19 100 and 8 × 5 000 − 8 × 4 900, in kronor: not +71 600 tkr after December.
    expect(report.budget.map((b) => `${b.activity} ${b.deviation}`)).toEqual(['IFO 800000', 'Äldreomsorg -3200000', 'Totalt -2400000']);
    const blank = await tillit(['report', 'tom.csv', '--format', 'json'], { cwd: dir });
    const blanks = JSON.parse(blank.stdout) as typeof report;
    expect(blanks.budget.map((b) => `${b.activity} ${b.deviation}`)).toEqual(['IFO 800000', 'Äldreomsorg -3200000', 'Totalt -2400000']);
    expect(blanks.findings.find((f) => f.code === 'budget-outcome-ends')?.message).toBe('the budget files have budget or forecast for 2025-09 – 2025-12, but no outcome yet: the budget section is at 2025-08, the latest month with an outcome');
    expect(blank.stderr).not.toContain('budget-months-missing');
    const asked = await tillit(['report', 'tom.csv', '--period', '2025-12'], { cwd: dir });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain('--period: warning period-budget-unbooked: no outcome for 2025-12 yet (the budget files\' outcome ends at 2025-08; later months have budget or forecast only): the budget section is at 2025-08');
    expect(asked.stdout).toContain('budget efter augusti 2025');
    const only = await tillit(['report', 'budget.csv'], { cwd: dir });
    expect(only.stderr).toContain('(budget): warning budget-no-outcome: no outcome in any budget row of budget.csv up to 2025-12: the budget section shows budgets and forecasts only, with no deviation or status');
  });
  it('a report with nothing in any section (only a comparison group in the data): exit 3, one sentence, in every format', async () => {
    // A region or the nation alone gets sections of its own (issue 21); a Kolada group is only ever a comparison.
    const dir = folder({ 'r.csv': 'kpi,municipality_id,municipality,year,gender,value,count,status\nN00097,G12345,Större stad,2024,T,1.5,1,\nN00097,G12345,Större stad,2025,T,1.7,1,\n' });
    await refusedEverywhere(['r.csv'], 3, /^tillit: nothing to report: no figures for a municipality or the organisation at 2025 \(the inputs have survey and indicator years 2024–2025\); nothing written\n$/, dir);
  }, SLOW);
  it('a file of answers whose every row is rejected (gender coded 1/2): exit 3, not a table of cells marked incomplete', async () => {
    const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön'];
    for (let i = 1; i <= 40; i++) rows.push(`${i};${i % 2 ? 1460 : 1461};2025;Hemtjänst;Helhetssyn;${i % 3 ? 'Mycket nöjd' : 'Ganska missnöjd'};${1 + (i % 2)}`);
    const dir = folder({ 'svar.csv': `${rows.join('\n')}\n` });
    for (const format of FORMATS) {
      const r = await tillit(['report', 'svar.csv', '--format', format], { cwd: dir });
      expect(r.code, format).toBe(3);
      expect(r.stdout, format).toBe('');
      expect(r.stderr, format).toContain('error gender-invalid');
      expect(r.stderr, format).toMatch(/tillit: nothing to report: no figures for a municipality or the organisation at 2025 \(the inputs have [^)]*\): every cell has answers rejected \(listed above\); nothing written\n$/);
    }
    // One readable answer is a figure: the report is made, its other cells marked incomplete.
    writeFileSync(join(dir, 'svar.csv'), `${rows.join('\n')}\n41;1460;2025;Hemtjänst;Trygghet;Mycket nöjd;K\n`);
    expect((await tillit(['report', 'svar.csv'], { cwd: dir })).code).toBe(0);
  }, SLOW);
});

describe('warnings reach the person', () => {
  // No unit anywhere, amounts too small for kronor, a row repeated twice.
  const budget = [
    'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad',
    '2025-01;1460;Äldreomsorg;1200;100;110', '2025-02;1460;Äldreomsorg;1200;100;110', '2025-02;1460;Äldreomsorg;1200;100;110',
    '2025-01;1460;LSS;600;50;50', '2025-02;1460;LSS;600;50;50', '2025-02;1460;LSS;600;50;50',
  ].join('\n');
  it('are summarised on stderr in every format, one line per kind with its count', async () => {
    const dir = folder({ 'b.csv': `${budget}\n` });
    for (const format of [...FORMATS, 'out']) {
      const args = format === 'out' ? ['--format', 'md', '--out', join(dir, 'briefs/')] : ['--format', format];
      const r = await tillit(['report', 'b.csv', ...args], { cwd: dir });
      expect(r.code, format).toBe(0);
      expect(r.stderr, format).toMatch(/^tillit: 3 warnings \(/);
      expect(r.stderr, format).toContain('  ×1 b.csv:1: warning unit-inferred: amounts read as kr would be 1,800 kr a year (1460), implausible');
      expect(r.stderr, format).toContain('  ×2 b.csv:4: warning duplicate-row: repeats line 3 (1460 / 2025-02 / aldreomsorg); counted once (and 1 more like it)\n');
    }
  }, SLOW);
  it('are listed in the brief\'s method note in plain Swedish, and in English with --lang en', async () => {
    const dir = folder({ 'b.csv': `${budget}\n` });
    const sv = (await tillit(['report', 'b.csv', '--format', 'md'], { cwd: dir })).stdout;
    const note = sv.slice(sv.indexOf('## Om siffrorna'));
    expect(note).toContain('- b.csv: Filen anger ingen beloppsenhet; beloppen lästes som tusentals eller miljoner kronor, eftersom de i kronor vore orimliga eller mindre troliga (varningen anger enheten).');
    expect(note).toContain('- b.csv: Rader som upprepas exakt räknades en gång. (2 fall)');
    const en = (await tillit(['report', 'b.csv', '--format', 'md', '--lang', 'en'], { cwd: dir })).stdout;
    expect(en.slice(en.indexOf('## About the figures'))).toContain('- b.csv: The file states no amount unit; the amounts were read as thousands or millions of kronor, as in kronor they would be implausible or less likely (the warning names the unit).');
  });
  it('rejected rows are named in the method note too', async () => {
    const r = await tillit(['report', 'test/cli/bad/survey-errors.csv', '--format', 'md']);
    expect(r.stdout).toContain('- survey-errors.csv: Rader där kommunkod och kommunnamn inte stämmer överens ingår inte.');
    expect(r.stdout).toContain('- survey-errors.csv: Värden utanför det möjliga (t.ex. en andel över 100 %) ingår inte. (2 fall)');
  });
  it('fixed shares that do not sum to 100 % are said to have been normalised', async () => {
    const config = { organisation: { name: 'O', code: 'O', aliases: ['Gemensamt'] }, members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }], allocation: { method: 'fixed', shares: { 1460: 40, 1461: 40 } }, inputs: [{ path: 'g.csv', unit: 'tkr' }] };
    const dir = folder({ 'c.json': JSON.stringify(config), 'g.csv': 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n2025-01;Gemensamt;Ledning;1200;100;100\n' });
    const r = await tillit(['report', '--config', 'c.json', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(config): warning allocation-shares-normalised: the fixed shares sum to 80 %, not 100 %: each share was divided by their sum');
    expect(r.stdout).toContain('- De fasta andelarna i fördelningsnyckeln summerar inte till 100 %; varje andel delades med deras summa.');
  });
  it('a fixed key without a share for a member is a config error (exit 2) naming the key and the member', async () => {
    const config = { organisation: { name: 'O', code: 'O', aliases: ['Gemensamt'] }, members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }, { code: '1438', name: 'Dals-Ed' }], allocation: { method: 'fixed', shares: { 1460: 50, 1461: 50 } }, inputs: [{ path: 'g.csv', unit: 'tkr' }] };
    const dir = folder({ 'c.json': JSON.stringify(config), 'g.csv': 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n2025-01;Gemensamt;Ledning;1200;100;100\n' });
    const r = await tillit(['report', '--config', 'c.json', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('c.json: allocation.shares: no share for member 1438 (Dals-Ed) (shares given: 1460, 1461)');
  });
  it('fixed shares written as fractions are said on stderr to be read as fractions', async () => {
    const config = { organisation: { name: 'O', code: 'O', aliases: ['Gemensamt'] }, members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }], allocation: { method: 'fixed', shares: { 1460: 0.45, 1461: 0.55 } }, inputs: [{ path: 'g.csv', unit: 'tkr' }] };
    const dir = folder({ 'c.json': JSON.stringify(config), 'g.csv': 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n2025-01;Gemensamt;Ledning;1200;100;100\n' });
    const r = await tillit(['report', '--config', 'c.json', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(config): warning allocation-shares-fractions: the fixed shares are at most 1 and sum to 1: read as fractions of the whole (0.2 = 20 %)');
    expect(r.stderr).not.toContain('allocation-shares-normalised');
  });
  it('a member with no figures in the inputs is named: no section, no pooled figures for the organisation', async () => {
    const config = { organisation: { name: 'O', code: 'O' }, members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }, { code: '1438', name: 'Dals-Ed' }], inputs: [{ path: 'k.csv' }] };
    const dir = folder({ 'c.json': JSON.stringify(config), 'k.csv': `${SURVEY_HEAD}\n2025;1460;Hemtjänst;helhetssyn;100;80\n2025;1461;Hemtjänst;helhetssyn;100;90\n` });
    const r = await tillit(['report', '--config', 'c.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(config): warning member-no-data: member 1438 Dals-Ed has no figures in the inputs: no section of its own, and no pooled survey figures for the organisation (they need every member)');
    expect(r.stderr).not.toContain('member 1460');
    // Figures of any kind count: a region member with budget lines only has data.
    const withRegion = { ...config, members: [...config.members.slice(0, 2), { code: '13', name: 'Region Halland' }], inputs: [{ path: 'k.csv' }, { path: 'b.csv', unit: 'tkr', period: '2025-03' }] };
    writeFileSync(join(dir, 'c2.json'), JSON.stringify(withRegion));
    writeFileSync(join(dir, 'b.csv'), 'Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\nRegion Halland;Vård;1200;300;310\n');
    const r2 = await tillit(['report', '--config', 'c2.json', '--format', 'json'], { cwd: dir });
    expect(r2.code).toBe(0);
    expect(r2.stderr).not.toContain('member-no-data');
  });
  it('"aliases" on a municipality member is said as unread, and the report is made (a reviewer\'s working config was refused)', async () => {
    const config = { organisation: { name: 'O', code: 'O' }, members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud', aliases: ['Melleruds kommun'] }], inputs: [{ path: 'k.csv' }] };
    const dir = folder({ 'c.json': JSON.stringify(config), 'k.csv': `${SURVEY_HEAD}\n2025;1460;Hemtjänst;helhetssyn;100;80\n2025;1461;Hemtjänst;helhetssyn;100;90\n` });
    const r = await tillit(['report', '--config', 'c.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(config): warning member-aliases-unread: members[1].aliases: "aliases" is read for a kommunalförbund only; municipality 1461\'s rows are those that name its code or its name as the register has it');
  });
  it('the bundled example has no warning: stderr stays empty; its one gap (Mellerud has no 2019 trygghet figure in särskilt boende) is an info', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'json']);
    expect(r.stderr).toBe('');
    const gaps = (JSON.parse(r.stdout) as { findings: { code: string; severity: string; message: string }[] }).findings.filter((f) => f.code === 'organisation-member-gap');
    expect(gaps).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('1461 Mellerud has no figure with a number of respondents for trygghet (Särskilt boende) in 2019') })]);
  });
});

describe('no change across a series break', () => {
  const run = async (breaks: number[]) => {
    const config = { organisation: { name: 'O', code: 'O' }, indicators: [{ id: 'helhetssyn', title: { sv: 'Nöjdhet', en: 'Satisfaction' }, better: 'higher', unit: '%', breaks }], inputs: [{ path: 'k.csv' }] };
    const rows = [[2023, 90], [2024, 91], [2025, 70]].map(([y, v]) => `${y};1460;Hemtjänst;helhetssyn;200;${v}`);
    const dir = folder({ 'c.json': JSON.stringify(config), 'k.csv': `${SURVEY_HEAD}\n${rows.join('\n')}\n` });
    const md = await tillit(['report', '--config', 'c.json', '--format', 'md'], { cwd: dir });
    const json = JSON.parse((await tillit(['report', '--config', 'c.json', '--format', 'json'], { cwd: dir })).stdout) as { quality: { period: string; change: unknown; status: string }[] };
    return { md: md.stdout, row: json.quality.find((q) => q.period === '2025')! };
  };
  it('with "breaks": [2025] the 2025 row has no change, stays green, and no key message spans the break', async () => {
    const plain = await run([]);
    expect(plain.row.status).toBe('yellow');
    expect(plain.md).toContain('sjönk från 91 % (2024) till 70 % (2025), en statistiskt säkerställd förändring');
    const broken = await run([2025]);
    expect(broken.row.change).toBeNull();
    expect(broken.row.status).toBe('green');
    expect(broken.md).not.toContain('sjönk');
    expect(broken.md).not.toContain('91 %');
  });
});

describe('say what is known', () => {
  it('values without n: no claim that differences are within random uncertainty; the source gives none', async () => {
    const rows = [2021, 2022, 2023, 2024, 2025].map((y, i) => `${y};1460;Hemtjänst;helhetssyn;${80 + (i % 2)}`);
    const dir = folder({ 'v.csv': `År;Kommun;Verksamhet;Fråga;Andel positiva (%)\n${rows.join('\n')}\n` });
    const sv = await tillit(['report', 'v.csv', '--format', 'md'], { cwd: dir });
    expect(sv.code).toBe(0);
    expect(sv.stdout).not.toContain('slumpmässiga osäkerheten');
    expect(sv.stdout).toContain('Källan anger ingen osäkerhet för kvalitetsindikatorerna i Bengtsfors (inget antal svarande), så förändringar mellan åren kan inte prövas statistiskt; ingen av serierna som är långa nog för ett trendtest (minst fem år) visar en statistiskt säkerställd trend.');
    expect(sv.stdout).toContain('- För värden utan antal svarande anger källan ingen osäkerhet: de visas utan intervall, och deras förändringar mellan åren prövas inte statistiskt.');
    const en = (await tillit(['report', 'v.csv', '--format', 'md', '--lang', 'en'], { cwd: dir })).stdout;
    expect(en).not.toContain('within random uncertainty');
    expect(en).toContain('The source gives no uncertainty for the quality indicators in Bengtsfors');
  });
  it('values with n keep the claim, as a test was made', async () => {
    const rows = [2024, 2025].map((y) => `${y};1460;Hemtjänst;helhetssyn;100;80`);
    const dir = folder({ 'k.csv': `${SURVEY_HEAD}\n${rows.join('\n')}\n` });
    expect((await tillit(['report', 'k.csv', '--format', 'md'], { cwd: dir })).stdout).toContain('skillnader mellan åren ligger inom den slumpmässiga osäkerheten');
  });
});
