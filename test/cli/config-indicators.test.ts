import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tillit } from './run.js';

const SLOW = 60_000;
/** A Kolada cost KPI (kr/inv 80+, no known better direction) for Bengtsfors two years, and Riket. */
const KOLADA = 'kpi,municipality_id,year,value\nN21026,1460,2023,250000\nN21026,1460,2024,262000\nN21026,0000,2024,240000\n';
const TITLE = { sv: 'Kostnad hemtjänst, kr/brukare', en: 'Cost home care, SEK per user' };

/** A folder with the Kolada file under `id` and a config whose only indicator entry is `entry`. */
function folder(id: string, entry: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-config-indicators-'));
  writeFileSync(join(dir, 'k.csv'), KOLADA.replaceAll('N21026', id));
  writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({ indicators: [{ id, ...entry }], inputs: [{ path: 'k.csv' }] }));
  return dir;
}
const report = (dir: string, format: string) => tillit(['report', '--config', join(dir, 'tillit.config.json'), '--format', format]);
/** A brief's row as written here, its thousands separated by a no-break space as tillit prints them. */
const nb = (line: string) => line.replace(/(\d) (\d)/g, '$1\u00a0$2');
/** The brief's row of the indicator titled `title`. */
const row = (md: string, title: string) => md.split('\n').find((l) => l.startsWith(`| ${title} |`));

describe('a config entry that gives a Kolada KPI a title keeps what tillit knows of it', () => {
  let dir = '';
  beforeAll(() => {
    dir = folder('N21026', { title: TITLE });
  });
  it('md: the catalogue\'s unit (kr/inv, not %, no p.e.) and no status, as without the entry', async () => {
    const run = await report(dir, 'md');
    expect(run.code).toBe(0);
    expect(row(run.stdout, TITLE.sv)).toBe(nb(`| ${TITLE.sv} |  | 262 000 kr/inv |  | +12 000 kr/inv | · för få år | +22 000 kr/inv |  | ▁█ |`));
    expect(run.stdout).not.toContain('p.e.');
  }, SLOW);
  it('json: the title from the config, the unit from the catalogue, no better direction nobody stated', async () => {
    const run = await report(dir, 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { indicators: unknown[]; quality: { area: string; period: string; status: unknown }[] };
    expect(json.indicators).toEqual([{ id: 'N21026', title: TITLE, better: 'none', unit: 'kr/inv', target: null }]);
    expect(json.quality.find((q) => q.area === '1460' && q.period === '2024')?.status).toBeNull();
  }, SLOW);
  it('what the entry does state wins: with "better": "lower", 262 000 against Riket\'s 240 000 is judged (worse, untested)', async () => {
    const run = await report(folder('N21026', { title: TITLE, better: 'lower' }), 'md');
    expect(run.code).toBe(0);
    expect(row(run.stdout, TITLE.sv)).toBe(nb(`| ${TITLE.sv} |  | 262 000 kr/inv |  | +12 000 kr/inv | · för få år | +22 000 kr/inv | – ej bedömd: sämre än riket; utan antal svarande kan skillnaden inte prövas | ▁█ |`));
  }, SLOW);
});

describe('a config entry for an indicator tillit does not know, with only a title', () => {
  it('has no unit (no %, no p.e.) and no direction (no status): nothing is made up', async () => {
    const dir = folder('X21026', { title: { sv: 'Kostnad hemtjänst', en: 'Cost home care' } });
    const md = await report(dir, 'md');
    expect(md.code).toBe(0);
    expect(row(md.stdout, 'Kostnad hemtjänst')).toBe(nb('| Kostnad hemtjänst |  | 262 000 |  | +12 000 | · för få år | +22 000 |  | ▁█ |'));
    const json = JSON.parse((await report(dir, 'json')).stdout) as { indicators: unknown[] };
    expect(json.indicators).toEqual([{ id: 'X21026', title: { sv: 'Kostnad hemtjänst', en: 'Cost home care' }, better: 'none', unit: 'number', target: null }]);
  }, SLOW);
});

describe('a config entry with no direction from the config or the catalogue', () => {
  it('is named on stderr, its target too: it gets no status, rank or target judgement', async () => {
    const run = await report(folder('N21026', { title: TITLE, target: 200000 }), 'json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(config): warning indicator-direction-unknown: indicator N21026 has no "better" in the config and tillit knows none for it: no status, rank or target judgement (its target 200000 included) until "better" says which way is better ("higher", "lower" or "none")');
    const stated = await report(folder('N21026', { title: TITLE, target: 200000, better: 'lower' }), 'json');
    expect(stated.stderr).not.toContain('indicator-direction-unknown');
  }, SLOW);
});
