import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { besideSection, besideView } from '../../src/report/beside-view.js';
import { buildBrief } from '../../src/report/brief.js';
import { renderBriefMd } from '../../src/report/render-md.js';
import { renderTable } from '../../src/report/render-table.js';
import { NO_PAINT } from '../../src/report/view.js';

const config = parseConfig(JSON.stringify({
  organisation: { name: 'Org', code: 'ORG' },
  members: [
    { code: '1460', population: { 2025: 10000 }, usage: { timmar: { 2025: 20000 }, brukare: { 2025: 400 } } },
    { code: '1461', population: { 2025: 8000 }, usage: { timmar: { 2025: 10000 }, brukare: { 2025: 300 } } },
  ],
  indicators: [{ id: 'trygghet', title: { sv: 'Trygghet', en: 'Feeling safe' } }],
  budget: { activityVolume: { Hemtjänst: { usage: 'timmar', per: 'hour' }, LSS: { usage: 'brukare', per: 'user' } }, serviceActivity: { Hemtjänst: 'Hemtjänst' } },
}), 'c.json');
const read = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'kr', sign: 'costs-positive' }, {}), file });
const survey = [
  'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)',
  '2025;1460 Bengtsfors;Hemtjänst;trygghet;100;80',
  // LSS's latest is a year before the report's: shown with its year.
  '2024;1460 Bengtsfors;LSS;trygghet;50;70',
  '2025;1460 Bengtsfors;Individ- och familjeomsorg;trygghet;40;60',
].join('\n');
const budget = [
  'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår',
  '2025-12;1460;Hemtjänst;1000000;1000000;1100000;1100000',
  '2025-12;1460;LSS;800000;800000;780000;780000',
].join('\n');
const report = analyse([read('k.csv', survey), read('b.csv', budget)], config);
const opts = (lang: 'sv' | 'en') => ({ lang, unit: 'tkr' as const, paint: NO_PAINT });

describe('quality beside cost, rendered', () => {
  it('a brief table: value with its year when older, the line, deviation, per inhabitant, per hour or per user (hand-worked)', () => {
    const s = besideSection(report, '1460', 'sv')!;
    expect(s.heading).toBe('Kvalitet bredvid kostnad');
    expect(s.body.head).toEqual(['Verksamhet', 'Ledande indikator', '2025', 'Trend', 'Budgetpost', 'Avv. %', 'Kr/inv. (ack)', 'Kr per brukare eller timme (helår)']);
    expect(s.body.rows.map((r) => r.map((c) => c.text))).toEqual([
      // 1 100 000 closed-year outcome / 20 000 hours = 55; 1 100 000 / 10 000 inhabitants = 110.
      ['Hemtjänst', 'Trygghet', '80 %', '· för få år', 'Hemtjänst', '-10,0 %', '110', '55 kr per timme'],
      ['Individ- och familjeomsorg', 'Trygghet', '60 %', '· för få år', '– ingen budgetpost', '', '', ''],
      // 780 000 / 400 users; 780 000 / 10 000 inhabitants.
      ['LSS', 'Trygghet', '2024: 70 %', '· för få år', 'LSS', '+2,5 %', '78', '1\u00a0950 kr per brukare'],
    ]);
    expect(s.notes).toEqual([
      'Ledande indikator (Hemtjänst, Individ- och familjeomsorg och LSS): den först listade i konfigurationen som har värden för verksamheten; "headline": true väljer en annan.',
      'Belopp för budgetposterna Hemtjänst och LSS: kr/inv. är utfallet hittills i år per invånare (befolkning 2025); kr per brukare eller timme är helårets prognos (utfallet när december är bokförd) delad med volymen 2025.',
    ]);
  });

  it('in English, the Markdown brief gets the section after the budget, its notes in italics', () => {
    const md = renderBriefMd(buildBrief(report, '1460', opts('en')));
    expect(md).toContain('## Quality beside cost\n\n| Service | Headline indicator | 2025 | Trend | Budget line | Dev. % | SEK/inhab. (YTD) | SEK per user or hour (full year) |');
    expect(md).toContain('| LSS | Feeling safe | 2024: 70% | · too few years | LSS | +2.5% | 78 | 1,950 SEK per user |');
    expect(md).toContain('| Individ- och familjeomsorg | Feeling safe | 60% | · too few years | – no budget line |  |  |  |');
    expect(md).toContain('\n_Headline indicator (Hemtjänst, Individ- och familjeomsorg and LSS): the first listed in the config with values for the service; "headline": true chooses another._\n');
    expect(md).toContain('\n_Amounts of the budget lines Hemtjänst and LSS: SEK/inhab. is the outcome to date per inhabitant (population 2025); SEK per user or hour is the year\'s forecast');
    expect(md.indexOf('## Quality beside cost')).toBeGreaterThan(md.indexOf('## Budget'));
  });

  it('the terminal table at 74 columns (the narrowest the example\'s quality table takes) leaves out the line, then the cost per inhabitant, and says so; no line wider', () => {
    const text = renderTable(report, { ...opts('sv'), table: { width: 74, genders: false } });
    const from = text.indexOf('Kvalitet bredvid kostnad');
    const section = text.slice(from, text.indexOf('\n\n', from));
    expect(section).toContain('Fler kolumner med --wide: Budgetpost, Kr/inv. (ack)');
    expect(Math.max(...section.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(74);
  });

  it('one kind of volume: its unit in the head, bare numbers in the cells', () => {
    const hoursOnly = { ...report, qualityBesideCost: report.qualityBesideCost.filter((q) => q.service === 'Hemtjänst') };
    const v = besideView(hoursOnly, '1460', 'sv', 0)!;
    expect(v.columns.at(-1)).toMatchObject({ head: 'Kr per timme (helår)', cells: ['55'] });
  });

  it('no section without budget figures anywhere, and none for an area without rows', () => {
    const noBudget = analyse([read('k.csv', survey)], config);
    expect(noBudget.qualityBesideCost.length).toBeGreaterThan(0);
    expect(besideView(noBudget, '1460', 'sv')).toBeNull();
    expect(besideView(report, '1461', 'sv')).toBeNull();
  });
});
