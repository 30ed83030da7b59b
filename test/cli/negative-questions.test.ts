import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tillit } from './run.js';

/** A folder with the given files, as an analyst's own. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-negq-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// A tester's file: Habo 20 % lonely against 40 % nationally, 90 % content with the food against 80 %.
const SURVEY = [
  'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel (%)',
  '2024;Habo;Särskilt boende;Besväras av ensamhet;400;20',
  '2024;Riket;Särskilt boende;Besväras av ensamhet;90000;40',
  '2024;Habo;Särskilt boende;Nöjd med maten;400;90',
  '2024;Riket;Särskilt boende;Nöjd med maten;90000;80',
  '',
].join('\n');

interface Json {
  quality: { area: string; indicator: string; status: string | null }[];
  indicators: { id: string; better: string }[];
  findings?: { code: string; severity: string; file: string; message: string }[];
}

const WARNING = 'survey.csv: warning question-negative-wording: question "Besväras av ensamhet" is worded for negative answers';

describe('a survey question worded for negative answers', () => {
  it('gets no status, rank or direction until "better" says (it showed red where it was better), and is said on stderr and in the JSON; a positive question is not', async () => {
    const dir = folder({ 'survey.csv': SURVEY });
    const table = await tillit(['report', 'survey.csv'], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ Besväras av +│ Särskilt boende │ 20,0 % .*│ +│\n/);
    expect(table.stdout).not.toContain('röd');
    expect(table.stderr).toContain(WARNING);
    expect(table.stderr).not.toContain('"Nöjd med maten" is worded');

    const json = await tillit(['report', 'survey.csv', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Json;
    expect(report.quality.filter((q) => q.area === '0643').map((q) => [q.indicator, q.status])).toEqual([['Besväras av ensamhet', null], ['Nöjd med maten', 'green']]);
    expect(report.indicators.map((i) => [i.id, i.better])).toEqual([['Besväras av ensamhet', 'none'], ['Nöjd med maten', 'higher']]);
    expect((report.findings ?? []).filter((f) => f.code === 'question-negative-wording').map((f) => [f.severity, f.file, /^question "([^"]*)"/.exec(f.message)?.[1]])).toEqual([
      ['warning', 'survey.csv', 'Besväras av ensamhet'],
    ]);
    expect(json.stderr).toContain(WARNING);
  });

  it('given "better": "lower" in the config, it turns green and nothing is said', async () => {
    const config = { indicators: [{ id: 'Besväras av ensamhet', title: { sv: 'Besväras av ensamhet', en: 'Bothered by loneliness' }, better: 'lower' }], inputs: [{ path: 'survey.csv' }] };
    const dir = folder({ 'survey.csv': SURVEY, 'tillit.config.json': JSON.stringify(config) });
    const r = await tillit(['report', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Json;
    expect(report.quality.filter((q) => q.area === '0643' && q.indicator === 'Besväras av ensamhet').map((q) => q.status)).toEqual(['green']);
    expect(r.stderr).not.toContain('question-negative-wording');
  });

  it('init marks it CHECK and leaves "better" to the analyst, so the report made with that config still warns', async () => {
    const dir = folder({ 'survey.csv': SURVEY });
    expect((await tillit(['init', 'survey.csv'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    expect(text).toContain('// CHECK: "Besväras av ensamhet" is worded for negative answers: is a lower share better? Set "better": "lower" if so, "higher" if not');
    expect(text).toContain('{ "id": "Besväras av ensamhet", "title": { "sv": "Besväras av ensamhet", "en": "Besväras av ensamhet" }, "unit": "%" }');
    expect(text).toContain('{ "id": "Nöjd med maten", "title": { "sv": "Nöjd med maten", "en": "Nöjd med maten" }, "better": "higher", "unit": "%" }');
    const r = await tillit(['report'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(WARNING);
  });

  it("in respondents' answers (Ja/Nej) it is said the same way", async () => {
    const rows = ['Löpnr;Kommun;År;Verksamhet;Fråga;Svar'];
    for (let i = 1; i <= 40; i++) rows.push(`${i};0643;2024;Särskilt boende;Besväras du av ensamhet?;${i <= 8 ? 'Ja' : 'Nej'}`);
    const dir = folder({ 'svar.csv': `${rows.join('\n')}\n` });
    const r = await tillit(['report', 'svar.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Json;
    expect((report.findings ?? []).filter((f) => f.code === 'question-negative-wording').map((f) => [f.severity, f.file])).toEqual([['warning', 'svar.csv']]);
    expect(r.stderr).toContain('svar.csv: warning question-negative-wording: question "Besväras du av ensamhet?"');
  });
});
