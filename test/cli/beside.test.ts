import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, tillit } from './run.js';

/**
 * The Kolada example (whose values carry no service) with hours of home care for Helsingborg only,
 * a KPI of the config's own heading home care, and a budget line with no match for special housing.
 */
describe('quality beside cost, end to end, on Kolada values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-beside-'));
  cpSync(join(ROOT, 'fixtures/helsingborg-landskrona-skane'), dir, { recursive: true });
  const path = join(dir, 'tillit.config.json');
  const text = readFileSync(path, 'utf8')
    .replace('"population": { "2024": 151200, "2025": 152400 } }', '"population": { "2024": 151200, "2025": 152400 }, "usage": { "hemtjänsttimmar": { "2025": 1250000 } } }')
    .replace('"budget": { "displayUnit": "tkr" }', `"budget": { "displayUnit": "tkr", "serviceActivity": { "Särskilt boende": "Särskilt boende" },
      "activityVolume": { "Äldreomsorg": { "usage": "hemtjänsttimmar", "per": "hour" } } },
    "indicators": [{ "id": "U23401", "title": { "sv": "Väntetid till särskilt boende, dagar", "en": "Waiting days" }, "better": "lower", "unit": "days", "service": "Särskilt boende", "headline": true }]`);
  writeFileSync(path, text);

  it('JSON: each service its headline, the rule that chose it, the costs of its line, per hour where the volume exists', async () => {
    const r = await tillit(['report', '--config', path, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { qualityBesideCost: Record<string, unknown>[]; findings: { code: string; message: string }[] };
    const hbg = json.qualityBesideCost.filter((q) => q.area === '1283');
    expect(hbg.map((q) => [q.service, q.indicator, q.headlineRule, q.activity])).toEqual([
      ['Hemtjänst', 'U21468', 'tillit-catalogue', 'Äldreomsorg'],
      ['Särskilt boende', 'U23401', 'marked', null],
    ]);
    const budget = (JSON.parse(r.stdout) as { budget: { area: string; activity: string; forecast: number; actualYtd: number }[] }).budget.find((b) => b.area === '1283' && b.activity === 'Äldreomsorg')!;
    expect(hbg[0]).toMatchObject({ volume: { usage: 'hemtjänsttimmar', per: 'hour', year: '2025', amount: 1250000 }, costPerVolume: Math.round((budget.forecast / 1250000) * 100) / 100 });
    expect(hbg[0]!.actualPerInhabitant).toBe(Math.round((budget.actualYtd / 152400) * 100) / 100);
    expect(json.findings.filter((f) => f.code.startsWith('beside-cost')).map((f) => f.message.split(':')[0])).toEqual([
      // No line "Särskilt boende" anywhere; no hours for Landskrona or the region.
      '1283 Särskilt boende', '1282 Särskilt boende', '12 Särskilt boende', '1282 Äldreomsorg', '12 Äldreomsorg',
    ]);
  });

  it('Markdown: the section with its headline rules, and the findings in plain words', async () => {
    const r = await tillit(['report', '--config', path, '--format', 'md', '--municipality', '1283']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Kvalitet bredvid kostnad\n\n| Verksamhet | Ledande indikator | 2025 | Trend | Budgetpost | Avvikelse | Kr per invånare hittills i år | Kr per timme (helår) |');
    // A brief leaves out a service without a line, and names no config key.
    expect(r.stdout).not.toMatch(/\| Särskilt boende \| Väntetid till särskilt boende \|[^\n]*– ingen budgetpost/);
    expect(r.stdout).toContain('_Ledande indikator (Hemtjänst): det först listade av de Kolada-nyckeltal tillit känner till för verksamheten._');
    expect(r.stdout).not.toMatch(/"headline"|serviceActivity|konfigurationens/);
    expect(r.stdout).toContain('En verksamhet med kvalitetsresultat har ingen budgetpost i underlaget att ställas bredvid.');
  });

  it('the terminal table fits 80 columns and the warnings reach stderr', async () => {
    const r = await tillit(['report', '--config', path, '--width', '80']);
    expect(r.code).toBe(0);
    const from = r.stdout.indexOf('Kvalitet bredvid kostnad');
    expect(from).toBeGreaterThan(0);
    const section = r.stdout.slice(from, r.stdout.indexOf('\n\n', from));
    expect(Math.max(...section.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(r.stderr).toContain('warning beside-cost-no-activity: 1283 Särskilt boende: no budget line "Särskilt boende"');
  });
});

describe('quality beside cost: a service whose headline has no figure for an area (the example without Mellerud\'s overall satisfaction in special housing)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-beside-'));
  cpSync(join(ROOT, EXAMPLE), dir, { recursive: true });
  const drop = (name: string, encoding: BufferEncoding, row: RegExp) => {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(path, encoding).split('\n').filter((l) => !row.test(l)).join('\n'), encoding);
  };
  drop('svar-2025.csv', 'latin1', /;1461 Mellerud;2025;Särskilt boende;helhetssyn;/);
  drop('kvalitet-2016-2025.csv', 'utf8', /;1461 Mellerud;Särskilt boende;helhetssyn;/);
  it('is not dropped unsaid: a warning on stderr, a note under Mellerud\'s and the organisation\'s tables, and the JSON names it', async () => {
    const config = join(dir, 'tillit.config.json');
    const r = await tillit(['report', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(config): warning beside-cost-no-headline: 1461 Särskilt boende: its headline indicator helhetssyn has no figure for 1461 from 2023 to 2025 (other indicators of the service have): the service is left out of quality beside cost for 1461 (and 1 more like it)');
    expect(r.stdout.match(/Särskilt boende visas inte här: verksamhetens ledande indikator \(Nöjdhet totalt\n\(helhetssyn\)\) saknar siffra för området under rapportens år\./g)).toHaveLength(2);
    const json = JSON.parse((await tillit(['report', '--config', config, '--format', 'json'])).stdout) as { qualityBesideCostLeftOut: unknown[] };
    expect(json.qualityBesideCostLeftOut).toEqual([
      { area: '1461', service: 'Särskilt boende', indicator: 'helhetssyn' },
      { area: 'BM', service: 'Särskilt boende', indicator: 'helhetssyn' },
    ]);
  });
});


describe('an organisation of two members with a budget file for one (a new analyst\'s config)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-one-budget-'));
  writeFileSync(join(dir, 'budget-1460.csv'), 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår\n2025-01;1460;Äldreomsorg;240 000;20 000;20 500;241 000\n2025-02;1460;Äldreomsorg;240 000;20 000;19 800;241 000\n2025-03;1460;Äldreomsorg;240 000;20 000;20 900;241 000\n');
  writeFileSync(join(dir, 'kval.csv'), 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel\n2024;1460;Hemtjänst;helhetssyn;112;86\n2024;1461;Hemtjänst;helhetssyn;95;90\n');
  writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({
    organisation: { name: 'BM socialförvaltning', code: 'BM' },
    members: [{ code: '1460', name: 'Bengtsfors', population: { '2025': 9441 } }, { code: '1461', name: 'Mellerud', population: { '2025': 8902 } }],
    inputs: [{ path: 'budget-1460.csv', unit: 'tkr' }, { path: 'kval.csv' }],
  }));

  it('the organisation\'s cost per inhabitant is of the members its line covers (61 200 tkr / 9 441, not / 18 343), the line says whose, and the member without a budget is named', async () => {
    const r = await tillit(['report', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { qualityBesideCost: { area: string; activity: string | null; actualPerInhabitant: number | null }[] };
    expect(json.qualityBesideCost.filter((q) => q.activity !== null).map((q) => [q.area, q.actualPerInhabitant])).toEqual([['1460', 6482.36], ['BM', 6482.36]]);
    expect(r.stderr).toContain('(config): warning member-no-budget: member 1461 Mellerud has no budget line of its own in the inputs, where other members have');
    const table = await tillit(['report', '--wide'], { cwd: dir });
    expect(table.stdout).toMatch(/│ Hemtjänst +│ helhetssyn +│ 87,8 % │[^\n]*│ Äldreomsorg \(endast Bengtsfors\) +│/);
  });
});
