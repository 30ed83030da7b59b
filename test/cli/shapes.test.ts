import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tillit } from './run.js';

/** Files written in the shapes public downloads come in (issue 21); each read without a config. */
const shape = (name: string) => `test/cli/shapes/${name}`;
const tmp = () => mkdtempSync(join(tmpdir(), 'tillit-shapes-'));

interface QualityRow { area: string; areaKind: string; indicator: string; service: string; gender: string; period: string; value: number | null; trend: { from: number; to: number; points: number } | null }
interface Finding { code: string; severity: string; line?: number; column?: number; message: string }
interface JsonReport { areas: { code: string; kind: string; name: string }[]; quality: QualityRow[]; findings: Finding[]; indicators: { id: string; unit: string; better: string }[]; budget: { area: string; activity: string; period: string; budgetYtd: number | null; actualYtd: number | null }[]; period: { survey: string | null; budget: string | null } }

/** The report as JSON; stderr empty unless warnings are expected, then one line per warning code given. */
async function report(args: string[], warnings: string[] = []): Promise<JsonReport> {
  const r = await tillit(['report', ...args, '--format', 'json']);
  expect(r.code).toBe(0);
  if (warnings.length === 0) expect(r.stderr).toBe('');
  for (const code of warnings) expect(r.stderr).toContain(`: warning ${code}: `);
  return JSON.parse(r.stdout) as JsonReport;
}
const row = (rep: JsonReport, area: string, period: string, gender = 'T') => rep.quality.find((q) => q.area === area && q.period === period && q.gender === gender);

describe('the indicator in the value column\'s name', () => {
  it('a Kolada dump (geo,year,n00097): one indicator, its id from the header, Riket written 0', async () => {
    const rep = await report([shape('kolada-dump.csv')]);
    expect([...new Set(rep.quality.map((q) => q.indicator))]).toEqual(['N00097']);
    expect(row(rep, '1460', '2021')?.value).toBe(-1.2);
    expect(row(rep, '0680', '2023')?.value).toBe(1.5);
    // `0` is the nation, the reference every municipality is compared with, not an unknown area.
    expect(row(rep, '0000', '2019')?.areaKind).toBe('nation');
    expect(rep.areas.map((a) => a.code)).toEqual(['0680', '1460', '1461', '0000']);
    expect(rep.findings.map((f) => f.code)).toContain('indicator-from-header');
  });
  it('an R extract (year,gender,municipality,<title>): the title is Kolada\'s, so the indicator is its id', async () => {
    const rep = await report([shape('r-title.csv')]);
    expect([...new Set(rep.quality.map((q) => q.indicator))]).toEqual(['U21468']);
    expect(row(rep, '1461', '2022')?.value).toBe(91);
    expect(row(rep, '1461', '2022', 'K')?.value).toBe(92);
  });
  it('--input-indicator (and "indicator" in the config) names the values of a file with no indicator', async () => {
    const rep = await report([shape('no-indicator.csv'), '--input-indicator', 'N03001']);
    expect(rep.quality.map((q) => `${q.indicator}:${q.period}:${q.value}`)).toEqual(['N03001:2023:12.5', 'N03001:2024:13']);
    const dir = tmp();
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({ inputs: [{ path: join(process.cwd(), shape('no-indicator.csv')), indicator: 'Eget nyckeltal' }] }));
    const fromConfig = await report(['--config', join(dir, 'tillit.config.json'), '--allow-outside'], ['indicator-undescribed']);
    expect([...new Set(fromConfig.quality.map((q) => q.indicator))]).toEqual(['Eget nyckeltal']);
  });
  it('one column mapped to two roles is a config error (exit 2), naming the key', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({ inputs: [{ path: 'x.csv', columns: { value: 'n00097', indicator: 'n00097' } }] }));
    const r = await tillit(['validate', '--config', join(dir, 'tillit.config.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inputs[0].columns.indicator: column "n00097" is already mapped to value; one column can play one role');
  });
});

describe('R\'s wide tables and pooled periods', () => {
  it('X2019 headers are period columns; R\'s row numbers are no stub; a varying stub keeps series apart', async () => {
    // Named after the file: said on stderr.
    const rep = await report([shape('r-wide.csv')], ['indicator-from-file']);
    const bengtsfors = rep.quality.filter((q) => q.area === '1460').map((q) => `${q.service}:${q.period}:${q.value}`);
    expect(bengtsfors).toEqual(['generella statsbidrag:2019:210', 'generella statsbidrag:2020:205', 'generella statsbidrag:2021:220', 'skatteintäkter:2019:410', 'skatteintäkter:2020:425', 'skatteintäkter:2021:440']);
    // NA is a gap: Mellerud's 2021 tax revenue is not there.
    expect(rep.quality.filter((q) => q.area === '1461' && q.service === 'skatteintäkter').map((q) => q.period)).toEqual(['2019', '2020']);
  });
  it('2011-2014 … 2016-2019: labelled as written, ordered and trended by the end year, and said so', async () => {
    const rep = await report([shape('pooled-region.csv')], ['indicator-undescribed']);
    const total = rep.quality.filter((q) => q.gender === 'T');
    expect(total.map((q) => q.period)).toEqual(['2011-2014', '2012-2015', '2013-2016', '2014-2017', '2015-2018', '2016-2019']);
    expect(rep.period.survey).toBe('2019');
    expect(total.at(-1)!.trend).toMatchObject({ from: '2011-2014', to: '2016-2019', points: 6 });
    expect(rep.findings.find((f) => f.code === 'period-pooled')?.message).toContain('trended by their end year');
    // The constant stub names the indicator; the measure selector (= the value column's name) splits nothing.
    expect([...new Set(rep.quality.map((q) => `${q.indicator}|${q.service}`))]).toEqual(['Lågt socialt deltagande|']);
    // Its column, "Andel", says the values are per cent; which way is better nothing says.
    expect(rep.indicators).toMatchObject([{ id: 'Lågt socialt deltagande', unit: '%', better: 'none' }]);
  });
  it('school years 2019/20 are ranges ending the second year', async () => {
    const rep = await report([shape('school-years.csv')], ['indicator-undescribed']);
    expect(rep.quality.map((q) => q.period)).toEqual(['2018/19', '2019/20', '2020/21', '2021/22', '2022/23']);
    expect(rep.quality.at(-1)!.trend).toMatchObject({ from: '2018/19', to: '2022/23' });
  });
});

describe('regions and the nation as they are written', () => {
  it('a file of the 21 regions gives a section per region; -m 20 and -m Dalarna select one', async () => {
    const r = await tillit(['report', shape('regions-kolada.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^━━ \d\d .* ━━$/gm)).toHaveLength(21);
    expect(r.stdout).toContain('━━ 20 Dalarnas län ━━');
    for (const pick of ['20', 'Dalarna', 'Region Dalarna', '0020']) {
      const md = await tillit(['report', shape('regions-kolada.csv'), '-m', pick, '--format', 'md']);
      expect(md.code).toBe(0);
      expect(md.stdout.match(/^# .*$/gm)).toEqual(['# Dalarnas län (20) – uppföljning: kvalitet 2021']);
      expect(md.stdout).toContain('| 26 % |');
    }
  });
  it('Boendekommun with municipality names and the bare region name; Windows-1252; R row numbers', async () => {
    const rep = await report([shape('lupp-like.csv')], ['indicator-from-file']);
    expect(rep.areas.map((a) => `${a.code}:${a.kind}`).sort()).toEqual(['2080:municipality', '2084:municipality', '20:region']);
    expect(rep.quality.find((q) => q.area === '20' && q.period === '2018' && q.service === 'Högstadiet')?.value).toBe(24);
    expect([...new Set(rep.quality.map((q) => q.service))].sort()).toEqual(['Gymnasiet', 'Högstadiet']);
    expect(rep.findings.find((f) => f.code === 'indicator-from-file')?.message).toContain('--input-indicator');
  });
});

describe('finance exports saved from Excel', () => {
  it('padded title lines give municipality and unit; "Budget jan-aug" is year to date and dates the file', async () => {
    const v = await tillit(['validate', shape('finance-excel.csv')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('title: Piteå kommun – Delårsrapport 2025 – Belopp i tkr');
    expect(v.stdout).toContain('period 2025-08 taken from the year-to-date column "Budget jan-aug"');
    expect(v.stdout).toContain('column "Kommentar" was not recognised');
    const rep = await report([shape('finance-excel.csv')]);
    expect(rep.period.budget).toBe('2025-08');
    expect(rep.budget.find((b) => b.activity === 'Äldreomsorg')).toMatchObject({ area: '2581', budgetYtd: 121_357_000, actualYtd: 124_100_500 });
  });
  it('"Utfall t.o.m. augusti" and "Ack. budget" are read; an amount column left unread makes the file unclean', async () => {
    const r = await tillit(['validate', shape('finance-tom.csv'), '--input-municipality', 'Piteå', '--input-period', '2025-08', '--format', 'json']);
    expect(r.code).toBe(3);
    const file = (JSON.parse(r.stdout) as { files: { rows: unknown; findings: Finding[] }[] }).files[0]!;
    expect(file.rows).toEqual({ read: 2, used: 2, rejected: 0, ignored: 0 });
    expect(file.findings.filter((f) => f.code === 'column-unused').map((f) => `${f.severity}@${f.column}`)).toEqual(['warning@5']);
    // No unit is written anywhere: kronor would be implausible for Piteå's lines, so tkr, said on stderr.
    const run = await tillit(['report', shape('finance-tom.csv'), '--input-municipality', 'Piteå', '--input-period', '2025-08', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning unit-inferred: amounts read as kr would be 202,035 kr a year (2581), implausible');
    const rep = JSON.parse(run.stdout) as JsonReport;
    expect(rep.budget.find((b) => b.activity === 'Fritid')).toMatchObject({ budgetYtd: 13_333_000, actualYtd: 13_000_000 });
  });
  it('--kind budget on a file with no amount column is a usage error', async () => {
    for (const cmd of ['validate', 'report']) {
      const r = await tillit([cmd, shape('kolada-dump.csv'), '--kind', 'budget']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('kind-no-amounts');
    }
  });
});

describe('saying what was found, and what was left', () => {
  it('missing roles come with the column each found role came from, the accepted names and the setting', async () => {
    const r = await tillit(['validate', shape('finance-tom.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('roles missing: municipality (a column named kommun/kommunkod/kommun kod/kommunnr/kommun id; or "municipality" or --input-municipality); period (');
    expect(r.stdout).toContain('Roles found: service ← "Verksamhet", budgetYear ← "Budget", budgetYtd ← "Ack. budget", actualYtd ← "Utfall t.o.m. augusti"');
  });
  it('no usable row is not clean: exit 3 with the hint that keeps the rows', async () => {
    const r = await tillit(['validate', shape('genders-only.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('no row is usable: all 2 row(s) are of a gender not read; --gender all');
    expect((await tillit(['validate', shape('genders-only.csv'), '--gender', 'all'])).code).toBe(0);
    const rep = await tillit(['report', shape('genders-only.csv')]);
    expect(rep.code).toBe(3);
    expect(rep.stderr).toBe('tillit: input errors:\n  test/cli/shapes/genders-only.csv: error rows-none-usable: no row is usable: all 2 row(s) are of a gender not read; --gender all (or --gender K/M) keeps them\ntillit: no usable rows in the input; nothing to report\n');
  });
  it('--rejects writes each rejected row as it stood, quotes and all', async () => {
    const dir = tmp();
    const file = join(dir, 'in.csv');
    writeFileSync(file, 'Kommun;År;Fråga;Andel\n1460;2024;"q; x";"12,5"\n"9999";2024;"q";"1,0"\n1460;"20x";"two\nlines";3\n');
    const out = join(dir, 'rejects.csv');
    expect((await tillit(['validate', file, '--rejects', out])).code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe(
      `file,line,reason,text\r\n${file},3,area-unknown,"""9999"";2024;""q"";""1,0"""\r\n${file},4,period-invalid,"1460;""20x"";""two\nlines"";3"\r\n`,
    );
  });
});
