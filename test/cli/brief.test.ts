import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG, tillit } from './run.js';

const SOURCES = 'fixtures/sources/tillit.config.json';
const md = async (...args: string[]) => {
  const r = await tillit(['report', '--config', CONFIG, '--format', 'md', ...args]);
  expect(r.code).toBe(0);
  return r.stdout;
};
/** The brief of one area out of the Markdown of all. */
const briefOf = (all: string, heading: string) => all.split('\n---\n\n').find((b) => b.startsWith(`# ${heading}`))!;

describe('a brief says what a committee asks (issue 23, item 6)', () => {
  let all = '';
  let mellerud = '';
  beforeAll(async () => {
    all = await md();
    mellerud = briefOf(all, 'Mellerud (1461)');
  });

  it('opens with the date of the data', async () => {
    expect(mellerud.split('\n')[2]).toBe('Siffrorna gäller ekonomin till och med 31 oktober 2025 och kvaliteten 2025.');
    expect(await md('--lang', 'en')).toContain('\nFigures as of 31 October 2025 for the budget and 2025 for quality.\n');
  });
  it('gives the full-year budget and the forecast in kronor, and how the forecast moved since September', async () => {
    expect(mellerud).toContain('| Verksamhet | Budget hittills i år | Utfall hittills i år | Avvikelse | Budget helår | Prognos helår | Prognos mot budget | Ändring sedan september | Status |');
    expect(mellerud).toContain('| **Totalt** | 291,1 mnkr | 292,3 mnkr | -0,4 % | 343,8 mnkr | 345,2 mnkr | -1,4 mnkr | -141 tkr | ! gul |');
    expect(mellerud).toContain('- Verksamheterna i Mellerud ligger 0,4 % över budget efter oktober; prognosen pekar på ett underskott på 1,4 mnkr (prognos 345,2 mnkr mot budget 343,8 mnkr för helåret); prognosen har försämrats med 141 tkr sedan september.');
  });
  it('marks significance on changes and says what the mark means; percentage points are "p.e.", never "pe"', async () => {
    expect(mellerud).toContain('_\\* statistiskt säkerställd skillnad, större än slumpen kan förklara; skillnader utan \\* ligger inom den slumpmässiga osäkerheten. p.e. = procentenheter. Status: röd när');
    expect(mellerud).toContain('| -4 p.e. |');
    expect(all).not.toMatch(/\d pe\b/);
    expect((await tillit(['report', '--config', CONFIG])).stdout).not.toMatch(/\d pe\b/);
  });
  it('has no file paths or sign conventions in its text; sources by file name, in the method note', async () => {
    expect(all).not.toContain('fixtures/');
    expect(all).not.toMatch(/teckenkonvention|kostnader negativa|kostnader positiva/);
    expect(mellerud).toContain('- Källor: kvalitet-2016-2025.csv, svar-2025.csv, budget-mellerud.csv.');
  });
  it('says in "Om siffrorna" only what applies to the brief', async () => {
    const sources = (await tillit(['report', '--config', SOURCES, '--format', 'md', '-m', '1460'])).stdout;
    const bengtsfors = briefOf(sources, 'Bengtsfors (1460)');
    const about = bengtsfors.slice(bengtsfors.indexOf('## Om siffrorna'));
    // Kolada values have no respondents: nothing on hiding survey results or Wilson intervals; a Kolada credit, as they are Kolada's.
    expect(about).not.toMatch(/Andel positiva svar|konfidensintervall/);
    expect(about).toContain('- Källa: Kolada (RKA), CC BY 4.0');
    expect(about).not.toContain('ekonomi-mellerud-augusti-2025.csv');
    expect(briefOf(all, 'Bengtsfors (1460)')).not.toContain('budget-mellerud.csv');
  });
  it('names Kolada indicators as readers know them and never cuts a title inside a word', async () => {
    const sources = (await tillit(['report', '--config', SOURCES, '--format', 'md', '-m', '1460'])).stdout;
    expect(sources).toContain('| Helhetssyn, hemtjänst |');
    expect(sources).toContain('| Väntetid till särskilt boende |');
    expect(sources).not.toContain('andel (%)');
    // Kolada's own long titles, read from a file that names the KPIs by id.
    const dir = mkdtempSync(join(tmpdir(), 'tillit-titles-'));
    const file = join(dir, 'kolada.csv');
    writeFileSync(file, 'Kommun;År;Nyckeltal;Värde\n1460;2023;N00063;12\n1460;2024;N00063;14\n1460;2023;N00203;81\n1460;2024;N00203;80\n');
    const titles = (JSON.parse((await tillit(['report', file, '--format', 'json'])).stdout) as { indicators: { title: { sv: string } }[] }).indicators.map((i) => i.title.sv);
    const shown = [(await tillit(['report', file])).stdout, (await tillit(['report', file, '--format', 'md'])).stdout].join('\n');
    const cut = [...shown.matchAll(/[│|] ([^│|]*?)… *[│|]/g)].map((m) => m[1]!);
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(titles.some((t) => t.startsWith(c) && /[\s,]/.test(t.charAt(c.length))), c).toBe(true);
    expect(shown).not.toMatch(/antal \(-2017\)|andel \(%\)/);
  });
});

describe('status says why (issue 23, item 2)', () => {
  it('shows the committee\'s target and the reason for a status short of green, in the brief\'s table and its key messages', async () => {
    const mellerud = briefOf(await md(), 'Mellerud (1461)');
    expect(mellerud).toContain('| Nöjdhet totalt (helhetssyn) | Hemtjänst | 88 % | 81–93 | -4 p.e. | ↗ förbättras | 0 p.e. | ! gul: under nämndens mål på 90 % |');
    expect(mellerud).toContain('- Nöjdhet totalt (helhetssyn) inom hemtjänsten i Mellerud (88 %) har status gul: under nämndens mål på 90 %.');
    expect(briefOf(await md('--lang', 'en'), 'Mellerud (1461)')).toContain('| ! yellow: below the committee\'s target of 90% |');
  });
  it('footnotes the reason in the terminal table', async () => {
    const out = (await tillit(['report', '--config', CONFIG, '-m', '1461', '--wide'])).stdout;
    expect(out).toMatch(/│ Nöjdhet totalt \(helhetssyn\) +│ Hemtjänst +│ 88,3 % \(81,0–93,0\) │ 111 │ [^│]+│ [^│]+│ [^│]+│ ! gul¹ │/);
    expect(out).toContain('\n¹ under nämndens mål på 90 %\n');
  });
});

describe('--amount-unit in the md and html briefs', () => {
  const mellerudTotal = (text: string) => text.split('\n').find((l) => l.startsWith('| **Totalt** | 291'));
  it('md: every amount of the tables and sentences in the unit given', async () => {
    const brief = briefOf(await md('--amount-unit', 'tkr'), 'Mellerud (1461)');
    expect(mellerudTotal(brief)).toBe('| **Totalt** | 291\u00A0084 tkr | 292\u00A0259 tkr | -0,4 % | 343\u00A0800 tkr | 345\u00A0188 tkr | -1\u00A0388 tkr | -141 tkr | ! gul |');
    expect(brief).toContain('prognosen pekar på ett underskott på 1\u00A0388 tkr (prognos 345\u00A0188 tkr mot budget 343\u00A0800 tkr för helåret)');
    expect(brief).not.toContain('mnkr');
  });
  it('html: the same', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'html', '--amount-unit', 'tkr', '--no-charts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('291\u00A0084 tkr');
    expect(r.stdout).not.toContain('mnkr');
  });
  it('without it, one unit down each column: the change since September in tkr for every line, not -0,1 mnkr under +25 tkr', async () => {
    expect(mellerudTotal(briefOf(await md(), 'Mellerud (1461)'))).toBe('| **Totalt** | 291,1 mnkr | 292,3 mnkr | -0,4 % | 343,8 mnkr | 345,2 mnkr | -1,4 mnkr | -141 tkr | ! gul |');
  });
});
