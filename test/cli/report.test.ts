import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, EXAMPLE, ROOT, tillit, tillitProcess } from './run.js';
import { KOLADA, OWN_SURVEY } from '../indicators/older-data.js';

const schema = JSON.parse((await tillit(['schema', 'report'])).stdout) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateReport = ajv.compile(schema);
const tmp = () => mkdtempSync(join(tmpdir(), 'tillit-'));

function expectValidReport(stdout: string): Record<string, unknown> {
  const report = JSON.parse(stdout) as Record<string, unknown>;
  const ok = validateReport(report);
  expect(ok ? [] : validateReport.errors?.slice(0, 5)).toEqual([]);
  return report;
}

describe('tillit report on the bundled example', () => {
  it('table: the terminal report, --wide (snapshot, colour off)', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--wide']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/report.table.txt');
  });
  it('table in English with --lang en', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--lang', 'en', '-m', '1461']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Quality and key figures');
    expect(r.stdout).toContain('↗ improving');
    expect(r.stdout).not.toContain('1460 Bengtsfors');
  });
  it('md: one brief per municipality and one for the organisation (snapshot)', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^# /gm)).toHaveLength(3);
    expect(r.stdout).toContain('## Det viktigaste');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/report.md');
  });
  it('json: valid against `tillit schema report`, shares in percent, suppressed cells carry no numbers', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = expectValidReport(r.stdout) as { quality: { value: number | null; n: number | null; low: number | null; suppressed: boolean }[]; schemaVersion: number };
    expect(report.schemaVersion).toBe(3);
    const hidden = report.quality.filter((q) => q.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const q of hidden) expect([q.value, q.n, q.low]).toEqual([null, null, null]);
    for (const q of report.quality) if (q.value !== null) expect(q.value).toBeGreaterThanOrEqual(0);
  });
  it('csv: RFC 4180 by default, excel-sv with BOM, semicolons and decimal commas', async () => {
    const rfc = await tillit(['report', '--config', CONFIG, '--format', 'csv']);
    expect(rfc.code).toBe(0);
    const lines = rfc.stdout.split('\r\n');
    expect(lines[0]).toMatch(/^section,area,area_name,/);
    expect(lines[1]).toMatch(/^quality,1460,Bengtsfors,municipality,helhetssyn,Hemtjänst,T,2016,\d+\.\d+,/);
    const sv = await tillit(['report', '--config', CONFIG, '--format', 'csv', '--csv-dialect', 'excel-sv']);
    expect(sv.stdout.startsWith('\uFEFFsection;area;area_name;')).toBe(true);
    expect(sv.stdout.split('\r\n')[1]).toMatch(/;2016;\d+,\d+;/);
  });
  it('is deterministic: same input, same bytes, for every format', async () => {
    for (const format of ['table', 'json', 'csv', 'md']) {
      const a = (await tillit(['report', '--config', CONFIG, '--format', format])).stdout;
      const b = (await tillit(['report', '--config', CONFIG, '--format', format])).stdout;
      expect(a.length).toBeGreaterThan(1000);
      expect(b).toBe(a);
    }
  });
  it('stamps a time only when asked (--generated-at or SOURCE_DATE_EPOCH)', async () => {
    const plain = JSON.parse((await tillit(['report', '--config', CONFIG, '--format', 'json'])).stdout) as { generatedAt: unknown };
    expect(plain.generatedAt).toBeNull();
    const at = JSON.parse((await tillit(['report', '--config', CONFIG, '--format', 'json', '--generated-at', '2025-11-05T08:00:00Z'])).stdout) as { generatedAt: unknown };
    expect(at.generatedAt).toBe('2025-11-05T08:00:00.000Z');
    const epoch = JSON.parse((await tillit(['report', '--config', CONFIG, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '1762329600' } })).stdout) as { generatedAt: unknown };
    expect(epoch.generatedAt).toBe('2025-11-05T08:00:00.000Z');
  });
  it('--generated-at takes ISO 8601 only: a date, or a time with its zone; anything else is exit 2', async () => {
    const stamp = async (at: string) => (JSON.parse((await tillit(['report', '--config', CONFIG, '--format', 'json', '--generated-at', at])).stdout) as { generatedAt: unknown }).generatedAt;
    expect(await stamp('2025-11-05')).toBe('2025-11-05T00:00:00.000Z');
    expect(await stamp('2025-11-05T09:00:00+01:00')).toBe('2025-11-05T08:00:00.000Z');
    expect(await stamp('2024-02-29T08:00Z')).toBe('2024-02-29T08:00:00.000Z');
    // A guess (`5` was May 2001, `1/2/2025` 2 January), a day that rolls over (`2025-02-30` was
    // 2 March) and a time read in the machine's own zone (other bytes on another machine).
    for (const bad of ['5', '1/2/2025', 'Nov 5 2025', '2025-02-30', '2025-11-05T10:00', '2025-11-05T24:00:00Z']) {
      const r = await tillit(['report', '--config', CONFIG, '--format', 'json', '--generated-at', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stdout, bad).toBe('');
      expect(r.stderr, bad).toContain(`--generated-at: not an ISO 8601 date, or time with its zone: "${bad}"`);
    }
  });
  it('--generated-at without a zone is refused in any time zone, not read in it', () => {
    const r = tillitProcess(['report', '--config', CONFIG, '--format', 'json', '--generated-at', '2025-11-05T10:00'], { env: { TZ: 'America/New_York' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
  it('--period picks an earlier year and month', async () => {
    const r = JSON.parse((await tillit(['report', '--config', CONFIG, '--format', 'json', '--period', '2024-12'])).stdout) as { period: unknown; budget: { forecastAccuracy: unknown[] }[] };
    expect(r.period).toEqual({ survey: '2024', budget: '2024-12' });
  });
  it('runs without a config on plain files', async () => {
    const r = await tillit(['report', `${EXAMPLE}/kvalitet-2016-2025.csv`, '--format', 'json']);
    expect(r.code).toBe(0);
    expectValidReport(r.stdout);
  });
});

describe('exit codes and the CI contract', () => {
  it('--fail-on: exit 1 with the matches on stderr; the report is still written', async () => {
    // Exit code 1 as the process ends with it.
    const r = tillitProcess(['report', '--config', CONFIG, '--format', 'json', '--fail-on', 'status=red', 'deviation<-2%']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fail-on matched');
    expect(r.stderr).toContain('deviation<-2%: 1460 Äldreomsorg 2025-10');
    expectValidReport(r.stdout);
    expect((await tillit(['report', '--config', CONFIG, '--format', 'json', '--fail-on', 'deviation<-50%'])).code).toBe(0);
    expect((await tillit(['report', '--config', CONFIG, '--fail-on', 'trend=worsening'])).code).toBe(1);
    expect((await tillit(['report', '--config', CONFIG, '--fail-on', 'suppressed'])).code).toBe(1);
  });
  it('--fail-on matches the same with JSON written row by row as with every row at hand (Markdown), --municipality too', async () => {
    // JSON hands --fail-on only the survey year's rows, made again; Markdown holds every row.
    for (const extra of [[], ['-m', '1461']]) {
      for (const rule of ['status=red', 'status=yellow', 'status=green', 'trend=worsening', 'trend=improving', 'suppressed']) {
        const json = await tillit(['report', '--config', CONFIG, '--format', 'json', '--fail-on', rule, ...extra]);
        const md = await tillit(['report', '--config', CONFIG, '--format', 'md', '--fail-on', rule, ...extra]);
        expect(json.code, rule).toBe(md.code);
        expect(json.stderr, rule).toBe(md.stderr);
      }
    }
    expect((await tillit(['report', '--config', CONFIG, '--format', 'json', '--fail-on', 'status=green'])).stderr).toMatch(/status=green: 1460 helhetssyn/);
  });
  it('an unreadable --fail-on rule is a usage error (2) naming the valid rules', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--fail-on', 'colour=blue']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('valid rules: status=red');
    expect(r.stdout).toBe('');
  });
  it('--period must be YYYY or YYYY-MM (2)', async () => {
    expect((await tillit(['report', '--config', CONFIG, '--period', '2025-13'])).code).toBe(2);
  });
  it('lenient by default, --strict exits 3 with no report', async () => {
    const lenient = await tillit(['report', 'test/cli/bad/survey-errors.csv', '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('7 input row(s) rejected and left out of the report');
    expect(lenient.stderr).toContain('test/cli/bad/survey-errors.csv:3:6: error value-out-of-range');
    const report = expectValidReport(lenient.stdout) as { findings: { severity: string }[] };
    expect(report.findings.filter((f) => f.severity === 'error')).toHaveLength(7);
    // Exit code 3 as the process ends with it.
    const strict = tillitProcess(['report', 'test/cli/bad/survey-errors.csv', '--strict']);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
  });
  it('--summary appends, never overwrites', async () => {
    const dir = tmp();
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# Earlier step\n');
    await tillit(['report', '--config', CONFIG, '--format', 'json', '--summary', file]);
    await tillit(['report', '--config', CONFIG, '--format', 'json', '--summary', file, '--fail-on', 'status=red']);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Earlier step\n### ')).toBe(true);
    expect(text.match(/^### /gm)).toHaveLength(2);
    expect(text).toContain('(--fail-on)');
    // Numbers as the Swedish text formats write them; stderr keeps one form for every log.
    expect(text).toContain('- status=red: 1460 Äldreomsorg 2025-10 (-3,41 %)\n');
    expect(text).not.toContain('-3.41');
  });
  it('--summary after a step that left its line open starts a block of its own, not the end of that line', async () => {
    const dir = tmp();
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'Earlier step: no newline');
    const r = await tillit(['report', '--config', CONFIG, '--format', 'json', '--summary', file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Earlier step: no newline\n\n### Socialförvaltningen /);
    // A new or empty file starts with the heading.
    const fresh = join(dir, 'fresh.md');
    await tillit(['report', '--config', CONFIG, '--format', 'json', '--summary', fresh]);
    expect(readFileSync(fresh, 'utf8').startsWith('### ')).toBe(true);
  });
  it('--summary that cannot be appended to is refused before anything is written, not after the report', async () => {
    const dir = tmp();
    const summary = join(dir, 'no-such-folder', 'summary.md');
    const r = await tillit(['report', '--config', CONFIG, '--format', 'json', '--fail-on', 'status=red', '--summary', summary]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tillit: cannot append to ${summary}: ENOENT (no such folder)\n`);
  });
  it('--out DIR writes one file per municipality and one for the organisation (and, for md, their charts)', async () => {
    const dir = join(tmp(), 'briefs/');
    const r = await tillit(['report', '--config', CONFIG, '--format', 'md', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['1460-bengtsfors.md', '1461-mellerud.md', 'bm-socialforvaltningen-bengtsfors-mellerud-exempeldata.md', 'charts']);
    expect(readFileSync(join(dir, '1461-mellerud.md'), 'utf8')).toMatch(/^# Mellerud \(1461\)/);
    expect(r.stdout).toBe('');
  });
  it('--out FILE writes one file; it refuses to overwrite an input', async () => {
    const file = join(tmp(), 'report.json');
    expect((await tillit(['report', '--config', CONFIG, '--format', 'json', '--out', file])).code).toBe(0);
    expectValidReport(readFileSync(file, 'utf8'));
    const input = `${ROOT}${EXAMPLE}/kvalitet-2016-2025.csv`;
    const before = readFileSync(input);
    const r = await tillit(['report', '--config', CONFIG, '--out', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would overwrite the input file');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(existsSync(`${input}.tmp`)).toBe(false);
  });
  // Through the bin, as a process: the shim, its exit code and its output.
  it('--help documents the exit codes; --version answers', () => {
    const help = tillitProcess(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('3  input error');
    expect(tillitProcess(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('schema config is valid JSON Schema that accepts the bundled config', async () => {
    const configSchema = JSON.parse((await tillit(['schema', 'config'])).stdout) as object;
    const validate = ajv.compile(configSchema);
    expect(validate(JSON.parse(readFileSync(`${ROOT}${CONFIG}`, 'utf8')))).toBe(true);
    expect(validate({ members: [{ code: 1460 }] })).toBe(false);
  });
});

describe('report over Kolada, PX-Web and finance exports (fixtures/sources)', () => {
  const SOURCES = 'fixtures/sources/tillit.config.json';
  it('gives per-municipality series with trends, units and the Kolada attribution', async () => {
    const r = await tillit(['report', '--config', SOURCES, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = expectValidReport(r.stdout) as {
      attribution: string[];
      indicators: { id: string; unit: string; better: string }[];
      quality: { area: string; indicator: string; period: string; value: number | null; trend: { verdict: string; points: number } | null }[];
      budget: { area: string; activity: string; budgetYtdMethod: string; deviationPct: number }[];
    };
    expect(report.attribution).toEqual(['Källa: Kolada (RKA), CC BY 4.0']);
    const latest = (area: string, indicator: string) => report.quality.find((q) => q.area === area && q.indicator === indicator && q.trend !== null);
    // U21468 read from two v3 pages: one series 2015–2024 for Bengtsfors.
    expect(latest('1460', 'U21468')).toMatchObject({ period: '2024', trend: { points: 10, verdict: 'improving' } });
    // Waiting days (lower is better) rising: worsening.
    expect(latest('1460', 'U23401')?.trend?.verdict).toBe('worsening');
    expect(report.indicators.find((i) => i.id === 'U23401')).toMatchObject({ unit: 'days', better: 'lower' });
    // PX-Web: a series per municipality, with the ".." year as a gap.
    const px = report.quality.filter((q) => q.area === '1461' && q.indicator.startsWith('Nettokostnad'));
    expect(px.map((q) => q.period)).toEqual(['2019', '2021', '2022', '2023', '2024']);
    expect(report.indicators.find((i) => i.id.startsWith('Nettokostnad'))).toMatchObject({ unit: 'kr', better: 'none' });
    // Finance exports: YTD columns for Mellerud, summed monthly amounts for Bengtsfors.
    expect(report.budget.find((b) => b.area === '1461' && b.activity === 'Äldreomsorg')).toMatchObject({ budgetYtdMethod: 'ytd-column' });
    expect(report.budget.find((b) => b.area === '1460' && b.activity === 'Äldreomsorg')).toMatchObject({ budgetYtdMethod: 'sum-of-months' });
    // Hand-worked from the file: 8 months of budget −19,28 and actual −19,96 mnkr → (19,28 − 19,96) / 19,28.
    expect(report.budget.find((b) => b.area === '1460' && b.activity === 'Äldreomsorg')!.deviationPct).toBeCloseTo(((19.28 - 19.96) / 19.28) * 100, 3);
  });
  it('prints units in the table and the attribution at the end', async () => {
    const r = await tillit(['report', '--config', SOURCES, '-m', '1460']);
    expect(r.stdout).toContain('25\u00A0256 kr');
    expect(r.stdout).toContain('91,7 dagar');
    expect(r.stdout.trimEnd().endsWith('Källa: Kolada (RKA), CC BY 4.0')).toBe(true);
  });
});

describe('result against tax revenue where revenue lines exist', () => {
  it('computes result and result % of revenue against the 2 % target, whatever the sign convention', async () => {
    const dir = tmp();
    // A municipality-wide follow-up after June, costs negative, revenue positive (net convention), tkr.
    const file = join(dir, 'kommun.csv');
    writeFileSync(file, [
      'Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår',
      'Skatteintäkter;500 000;250 000;251 000;502 000',
      'Generella statsbidrag och utjämning;200 000;100 000;100 000;200 000',
      'Äldreomsorg;−400 000;−200 000;−204 000;−408 000',
      'Övrig verksamhet;−280 000;−140 000;−139 000;−279 000',
    ].join('\n'));
    const r = await tillit(['report', file, '--format', 'json', '--unit', 'tkr', '--input-period', '2025-06', '--input-municipality', '1460', '--kind', 'budget']);
    expect(r.code).toBe(0);
    const report = expectValidReport(r.stdout) as { results: Record<string, unknown>[]; inputs: { sign: string }[] };
    // Sign inferred from the cost lines only: revenue lines do not make the file "mixed".
    expect(report.inputs[0]!.sign).toBe('costs-negative');
    // Hand-worked: revenue 351 000, costs 343 000 → result 8 000 tkr = 2,279 %; forecast 702 000 − 687 000 = 15 000 = 2,137 %.
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ period: '2025-06', target: 2, revenueYtd: 351_000_000, costsYtd: 343_000_000, resultYtd: 8_000_000, status: 'green' });
    expect(report.results[0]!.resultYtdPct).toBeCloseTo((8 / 351) * 100, 3);
    expect(report.results[0]!.resultForecastPct).toBeCloseTo((15 / 702) * 100, 3);
  });
});

describe('a finance export without a period column takes the report --period', () => {
  it('reads the year-to-date file as "after" that month', async () => {
    const r = await tillit(['report', 'fixtures/sources/ekonomi-mellerud-augusti-2025.csv', '--input-municipality', '1461', '--period', '2025-08', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = expectValidReport(r.stdout) as { period: { budget: string }; budget: { activity: string; budgetYtdMethod: string; elapsedPct: number }[] };
    expect(report.period.budget).toBe('2025-08');
    expect(report.budget.find((b) => b.activity === 'LSS')).toMatchObject({ budgetYtdMethod: 'ytd-column' });
    expect(report.budget[0]!.elapsedPct).toBeCloseTo((8 / 12) * 100, 3);
    // Without any period the file cannot be placed: one clear finding, exit 3 for validate.
    const v = await tillit(['validate', 'fixtures/sources/ekonomi-mellerud-augusti-2025.csv', '--input-municipality', '1461']);
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('roles missing: period (a column named ar/period/manad/year/month; or "period" or --input-period). Roles found: service ← "Verksamhet", budgetYear ← "Budget helår (tkr)"');
  });
});

describe('organisation totals', () => {
  it('sum the members’ budget lines per activity plus the shared costs; allocation uses the shared costs only', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { budget: { area: string; activity: string; total: boolean; actualYtd: number }[]; allocation: { totals: { actualYtd: number }; members: { actualYtd: number }[] } };
    const line = (area: string, activity: string) => report.budget.find((b) => b.area === area && b.activity === activity)!.actualYtd;
    // Rounded to whole kronor per line, so sums agree within a krona per part.
    expect(Math.abs(line('BM', 'Äldreomsorg') - (line('1460', 'Äldreomsorg') + line('1461', 'Äldreomsorg')))).toBeLessThanOrEqual(2);
    const shared = line('BM', 'Gemensam ledning') + line('BM', 'Specialister');
    expect(Math.abs(line('BM', 'Totalt') - (line('1460', 'Totalt') + line('1461', 'Totalt') + shared))).toBeLessThanOrEqual(3);
    expect(Math.abs(report.allocation.totals.actualYtd - shared)).toBeLessThanOrEqual(1);
    expect(report.allocation.members.reduce((a, m) => a + m.actualYtd, 0)).toBe(report.allocation.totals.actualYtd);
  });
  it('the key takes population from the year before the report year, or the report year when told', async () => {
    type A = { allocation: { populationYear: string; members: { area: string; sharePct: number; population: number }[] } };
    const before = (JSON.parse((await tillit(['report', '--config', CONFIG, '--format', 'json'])).stdout) as A).allocation;
    // Hand-worked, mixed key (30 % equal, 70 % by population 2024: 9 498 and 8 931):
    // (0.15 + 0.7 × 9 498 / 18 429) × 100 = 51.0768 %.
    expect(before.populationYear).toBe('2024');
    expect(before.members.map((m) => [m.area, m.sharePct, m.population])).toEqual([['1460', 51.0768, 9498], ['1461', 48.9232, 8931]]);
    const dir = tmp();
    const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as { allocation: Record<string, unknown>; inputs: { path: string }[] };
    config.allocation.populationFrom = 'report-year';
    config.inputs = config.inputs.map((i) => ({ ...i, path: join(ROOT, EXAMPLE, i.path) }));
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify(config));
    const same = (JSON.parse((await tillit(['report', '--config', join(dir, 'tillit.config.json'), '--allow-outside', '--format', 'json'])).stdout) as A).allocation;
    // (0.15 + 0.7 × 9 441 / 18 343) × 100 = 51.0285 % (population 2025).
    expect(same.populationYear).toBe('2025');
    expect(same.members.map((m) => m.sharePct)).toEqual([51.0285, 48.9715]);
  });
  it('add members whose files differ in shape, and name an activity only some members report', async () => {
    // Bengtsfors: monthly amounts, costs negative, no IFO; Mellerud: year-to-date columns, costs positive.
    const r = await tillit(['report', '--config', 'fixtures/sources/tillit.config.json', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { budget: { area: string; activity: string; budgetYtd: number; actualYtd: number; members: string[] | null }[] };
    const line = (area: string, activity: string) => report.budget.find((b) => b.area === area && b.activity === activity);
    const org = report.budget.find((b) => !['1460', '1461'].includes(b.area))!.area;
    for (const activity of ['LSS', 'Äldreomsorg', 'Totalt']) {
      expect(Math.abs(line(org, activity)!.actualYtd - (line('1460', activity)!.actualYtd + line('1461', activity)!.actualYtd))).toBeLessThanOrEqual(2);
      expect(Math.abs(line(org, activity)!.budgetYtd - (line('1460', activity)!.budgetYtd + line('1461', activity)!.budgetYtd))).toBeLessThanOrEqual(2);
    }
    expect(line(org, 'Individ- och familjeomsorg')!.actualYtd).toBe(line('1461', 'Individ- och familjeomsorg')!.actualYtd);
    expect(line(org, 'Individ- och familjeomsorg')!.members).toEqual(['1461']);
    expect(line(org, 'LSS')!.members).toEqual(['1460', '1461']);
    expect(line('1461', 'LSS')!.members).toBeNull();
    // Readers see whom the line covers, in the report's language.
    const md = async (lang: string) => (await tillit(['report', '--config', 'fixtures/sources/tillit.config.json', '--format', 'md', '--lang', lang])).stdout;
    expect(await md('sv')).toContain('| Individ- och familjeomsorg (endast Mellerud) | 38,2 mnkr |');
    expect(await md('en')).toContain('| Individ- och familjeomsorg (only Mellerud) | 38.2 MSEK |');
    expect(await md('en')).toContain('| **Total** |');
  });
});

describe('key messages', () => {
  it('the verb follows the numbers and the judgement the better direction (waiting days rising is a decline)', async () => {
    const r = await tillit(['report', '--config', 'fixtures/sources/tillit.config.json', '--format', 'md', '-m', '1461']);
    expect(r.stdout).toContain('i Mellerud har ökat från 64 dagar till 93 dagar sedan 2016 – en tydlig försämring.');
    expect(r.stdout).not.toContain('inom  i');
  });
  it('every brief has 3–6 key messages', async () => {
    for (const config of [CONFIG, 'fixtures/sources/tillit.config.json']) {
      const md = (await tillit(['report', '--config', config, '--format', 'md'])).stdout;
      for (const brief of md.split('\n---\n')) {
        const section = brief.split(/^## /m).find((s) => s.startsWith('Det viktigaste'))!;
        const n = section.split('\n').filter((l) => l.startsWith('- ')).length;
        expect(n).toBeGreaterThanOrEqual(3);
        expect(n).toBeLessThanOrEqual(6);
      }
    }
  });
});

describe('each series at its latest period within a window', () => {
  /** A config over the organisation's own survey to 2025 and Kolada series ending 2024 and 2021, with `survey` settings. */
  const setup = (survey: Record<string, unknown> = {}) => {
    const dir = tmp();
    writeFileSync(join(dir, 'kvalitet.csv'), OWN_SURVEY);
    writeFileSync(join(dir, 'kolada.csv'), KOLADA);
    const members = [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }];
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({ organisation: { name: 'Test' }, members, survey, inputs: [{ path: 'kvalitet.csv' }, { path: 'kolada.csv' }] }));
    return join(dir, 'tillit.config.json');
  };
  it('shows a Kolada series ending 2024 beside the 2025 survey with its year, lists an older one as missing and warns of it', async () => {
    const config = setup();
    const r = await tillit(['report', '--config', config, '--wide']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ 2024: 72,0 % +│ +│/);
    expect(r.stdout).toMatch(/│ X0001 +│ +│ – saknas \(senaste 2021\) │/);
    expect(r.stdout).toContain('Där 2025 saknas visas senaste tillgängliga år (högst 2 år tidigare), med året före värdet.');
    expect(r.stderr).toContain('warning series-outdated: X0001: the latest figures for 1460, 1461 are from 2021, more than 2 year(s) before the report year 2025');
    const json = expectValidReport((await tillit(['report', '--config', config, '--format', 'json'])).stdout) as { settings: { window: number }; quality: { area: string; indicator: string; period: string; trend: unknown }[] };
    expect(json.settings.window).toBe(2);
    expect(json.quality.filter((q) => q.area === '1460' && q.indicator === 'U21468' && q.trend !== null).map((q) => q.period)).toEqual(['2024']);
    // --fail-on reads the 2024 row as the series' latest.
    const failed = await tillit(['report', '--config', config, '--fail-on', 'trend=improving']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('trend=improving: 1460 U21468  T 2024');
  });
  it('"survey.window" in the config sets the window: 0 shows the report year only; a negative one is refused naming the key', async () => {
    const r = await tillit(['report', '--config', setup({ window: 0 })]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('2024: ');
    expect(r.stdout).toContain('– saknas (senaste 2024)');
    expect(r.stderr).toContain('×2 ');
    expect(r.stderr).toContain('U21468: the latest figures for 1460, 1461, 0000 are from 2024, more than 0 year(s) before the report year 2025');
    const bad = await tillit(['report', '--config', setup({ window: -1 })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('survey.window');
  });
});
