import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { records } from '../report/csv-records.js';
import { tillit } from './run.js';

/** Year-end deviations in % 2016–2024 (Bengtsfors improves year by year; Mellerud wavers). */
const DEV: Record<string, number[]> = { '1460': [-3, -2, -2.5, -1, -0.5, 0.5, 1, 1.5, 2], '1461': [1, 0, -1, 0.5, -0.5, 1, 0, -1, 0.5] };
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
/** Overall satisfaction in home care, Bengtsfors, 100 respondents a year: about 80 % before 2021, about 89 % after. */
const QUALITY = [78, 80, 79, 81, 80, 88, 89, 90, 89];

function inputs(withMonths: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-history-'));
  writeFileSync(join(dir, 'bokslut.csv'), `År;Kommun;Verksamhet;Budget helår;Utfall ack\n${YEARS.flatMap((y, i) => ['1460', '1461'].map((c) => `${y};${c};Äldreomsorg;100000000;${100000000 - DEV[c]![i]! * 1000000}`)).join('\n')}\n`);
  writeFileSync(join(dir, 'manad-2025.csv'), `Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår\n${[1, 2, 3, 4, 5, 6, 7, 8].flatMap((m) => ['1460', '1461'].map((c) => `2025-0${m};${c};Äldreomsorg;120000000;${10000000 * m};${10100000 * m};121440000`)).join('\n')}\n`);
  writeFileSync(join(dir, 'kvalitet.csv'), `År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n${YEARS.map((y, i) => `${y};1460;Hemtjänst;helhetssyn;100;${QUALITY[i]}`).join('\n')}\n`);
  writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({
    organisation: { name: 'Bengtsfors–Mellerud', code: 'BM' },
    members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }],
    inputs: [{ path: 'bokslut.csv', unit: 'kr' }, ...(withMonths ? [{ path: 'manad-2025.csv', unit: 'kr' }] : []), { path: 'kvalitet.csv' }],
    milestones: [{ period: '2021', label: 'Gemensam nämnd bildas' }],
  }));
  return join(dir, 'tillit.config.json');
}

describe('year-end files over nine years, a year under way and a milestone', () => {
  const config = inputs(true);
  it('the brief compares this year\'s forecast with the nine closed years, gives their trend, and the level before and after', async () => {
    const r = await tillit(['report', '--config', config, '--format', 'md', '--municipality', '1460']);
    expect(r.code).toBe(0);
    const md = r.stdout.split('\n# ')[0]!;
    expect(md).toContain('## Ekonomi över åren (helår 2016–2024)');
    expect(md).toContain('Äldreomsorg i Bengtsfors väntas enligt prognosen sluta 2025 1,2 % över budget. Åren 2016–2024 slutade i snitt 0,4 % över budget (som sämst 3,0 % över budget, som bäst 2,0 % under budget); 5 av 9 år slutade över budget.');
    expect(md).toContain('Avvikelsen vid årets slut har förbättrats över åren 2016–2024, en tydlig trend som knappast är en slump.');
    expect(md).toContain('| Äldreomsorg | 2016–2024 | -0,4 % | -3,0 % – +2,0 % | 5 av 9 | -1,2 % | ↗ förbättras | ▁▂▂▄▅\\|▆▇▇█ |');
    expect(md).toContain('| 2016 | 100,0 mnkr | 103,0 mnkr | -3,0 mnkr | -3,0 % |');
    expect(md).toContain('| 2024 | 100,0 mnkr | 98,0 mnkr | +2,0 mnkr | +2,0 % |');
    // 400/500 positive before, 445/500 after: z = 4,48, p < 0,001.
    expect(md).toContain('## Före och efter');
    expect(md).toContain('- Gemensam nämnd bildas (2021): helhetssyn (Hemtjänst) i snitt 80 % 2016–2020 och 89 % 2021–2024 (+9 p.e., statistiskt säkerställd); budgetavvikelsen vid årets slut för Äldreomsorg i snitt -1,8 % 2016–2020 och +1,3 % 2021–2024.');
    // The quality series is marked where the milestone falls; its trend is not cut there.
    expect(md).toMatch(/\| helhetssyn \| Hemtjänst \| 89 %.*\| [▁-█]{5}\\\|[▁-█]{4} \|/);
    const json = JSON.parse((await tillit(['report', '--config', config, '--format', 'json'])).stdout) as { quality: { area: string; period: string; trend: { from: number } | null }[] };
    expect(json.quality.find((q) => q.area === '1460' && q.period === '2024')?.trend?.from).toBe('2016');
  });
  it('the terminal table shows the same section', async () => {
    const r = await tillit(['report', '--config', config, '--municipality', '1461', '--wide']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ekonomi över åren (helår 2016–2024)');
    expect(r.stdout).toMatch(/│ Äldreomsorg │ 2016–2024 │ \+0,1 %\s+│ -1,0 % – \+1,0 %\s+│ 3 av 9\s+│ -1,2 %\s+│ → ingen tydlig trend │ █▅▁▆▃\|█▅▁▆ │/);
    expect(r.stdout).toContain('│ 2017             │ 100 000 tkr  │ 100 000 tkr  │ 0 tkr');
  });
  it('the CSV carries each line\'s history and its years, as the JSON has them', async () => {
    const json = JSON.parse((await tillit(['report', '--config', config, '--format', 'json'])).stdout) as { balanceHistory: { area: string; activity: string; trend: { verdict: string }; years: { year: string; deviationPct: number | null }[] }[] };
    const csv = records((await tillit(['report', '--config', config, '--format', 'csv'])).stdout);
    expect(csv.filter((r) => r.section === 'history').map((r) => [r.area, r.indicator, r.trend_verdict])).toEqual(json.balanceHistory.map((h) => [h.area, h.activity, h.trend.verdict]));
    expect(csv.filter((r) => r.section === 'history_year').map((r) => [r.area, r.period, r.deviation_pct])).toEqual(json.balanceHistory.flatMap((h) => h.years.map((y) => [h.area, y.year, String(y.deviationPct ?? '')])));
    expect(csv.find((r) => r.section === 'history_year' && r.area === '1460' && r.period === '2016')).toMatchObject({ budget_year_kr: '100000000', actual_ytd_kr: '103000000', deviation_kr: '-3000000' });
  });
  it('charts mark the milestone with a rule and say it in the alt text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-history-md-'));
    const r = await tillit(['report', '--config', config, '--format', 'md', '--out', `${dir}/`, '--municipality', '1460']);
    expect(r.code).toBe(0);
    const svg = readdirSync(join(dir, 'charts')).find((f) => f.includes('helhetssyn'))!;
    const text = readFileSync(join(dir, 'charts', svg), 'utf8');
    expect(text).toContain('milstolpe 2021: Gemensam nämnd bildas');
    expect(text).toContain('stroke="#7a3e9d"');
  });
});

describe('a report after December', () => {
  const config = inputs(false);
  it('speaks of the closed year\'s outcome, not of a forecast, and compares it with the eight years before', async () => {
    const r = await tillit(['report', '--config', config, '--format', 'md', '--municipality', '1460']);
    expect(r.code).toBe(0);
    const md = r.stdout.split('\n# ')[0]!;
    expect(md).toContain('- Äldreomsorgen i Bengtsfors slutade 2024 2,0 % under budget (utfall för året).');
    expect(md).toContain('Äldreomsorg i Bengtsfors slutade 2024 2,0 % under budget (utfall för året). Åren 2016–2023 slutade i snitt 0,8 % över budget');
    expect(md).toContain('| Verksamhet | Budget helår | Utfall helår | Avvikelse | Status |');
    expect(md).not.toMatch(/prognos/i);
  });
});

describe('milestones in the config', () => {
  it('refuses one year given twice, naming the key', async () => {
    const config = inputs(false);
    const c = JSON.parse(readFileSync(config, 'utf8')) as { milestones: unknown[] };
    c.milestones.push({ period: '2021', label: 'Ny chef' });
    writeFileSync(config, JSON.stringify(c));
    const r = await tillit(['report', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tillit.config.json: milestones[1].period: ');
    expect(r.stderr).toContain('milestone 2021 is given twice (also milestones[0])');
  });
  it('names a milestone with no years on one side instead of leaving it out in silence', async () => {
    const config = inputs(false);
    const c = JSON.parse(readFileSync(config, 'utf8')) as { milestones: unknown[] };
    c.milestones.push({ period: '2030', label: 'Ny modell' });
    writeFileSync(config, JSON.stringify(c));
    const r = await tillit(['report', '--config', config, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(config): warning milestone-no-levels: milestone 2030 (Ny modell): no series in the report has a year before it and a year from it on, up to the report\'s year, so there is no level before and after it');
    // The milestone that has levels on both sides is not named.
    expect(r.stderr).not.toContain('milestone 2021');
    const report = JSON.parse(r.stdout) as { milestones: { period: string; quality: unknown[] }[]; findings: { code: string }[] };
    expect(report.milestones.map((m) => [m.period, m.quality.length > 0])).toEqual([['2021', true], ['2030', false]]);
    expect(report.findings.filter((f) => f.code === 'milestone-no-levels')).toHaveLength(1);
  });
});

describe('a monthly file with no complete year (2024-11 … 2025-03): no trend, and no "NaN" for its years', () => {
  const file = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-history-'));
    const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'];
    writeFileSync(join(dir, 'manad.csv'), `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${months.map((p) => `${p};Bengtsfors;Äldreomsorg;120000000;10000000;10100000`).join('\n')}\n`);
    return join(dir, 'manad.csv');
  };
  it('json: valid against `tillit schema report`, the line\'s trend null and 2024 named as lacking January–October', async () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse((await tillit(['schema', 'report'])).stdout) as object);
    const r = await tillit(['report', file(), '--format', 'json', '--unit', 'kr']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { balanceHistory: { area: string; trend: unknown; years: { year: string; missing: string | null; missingMonths: number[] }[] }[] };
    expect(validate(report) ? [] : validate.errors?.slice(0, 5)).toEqual([]);
    expect(report.balanceHistory.map((h) => [h.area, h.trend, h.years.map((y) => [y.year, y.missing, y.missingMonths.join(',')])])).toEqual([['1460', null, [['2024', 'months-missing', '1,2,3,4,5,6,7,8,9,10']]]]);
    expect(r.stdout).not.toContain('NaN');
  });
  it('csv: the history row has empty trend cells; md and the table are written, with no NaN', async () => {
    const path = file();
    const csv = await tillit(['report', path, '--format', 'csv', '--unit', 'kr']);
    expect(csv.code).toBe(0);
    expect(records(csv.stdout).filter((row) => row.section === 'history').map((row) => [row.area, row.trend_verdict, row.trend_points, row.trend_from, row.trend_to])).toEqual([['1460', '', '', '', '']]);
    for (const format of ['md', 'table', 'html']) {
      const r = await tillit(['report', path, '--format', format, '--unit', 'kr']);
      expect([format, r.code, r.stderr]).toEqual([format, 0, '']);
      expect(r.stdout).not.toContain('NaN');
    }
  });
});
