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
    expect(s.body.head).toEqual(['Verksamhet', 'Ledande indikator', '2025', 'Trend', 'Budgetpost', 'Avvikelse', 'Kr per invånare hittills i år', 'Kr per brukare eller timme (helår)']);
    // A brief leaves out the service without a line (Individ- och familjeomsorg): a row of empty cells.
    expect(s.body.rows.map((r) => r.map((c) => c.text))).toEqual([
      // 1 100 000 closed-year outcome / 20 000 hours = 55; 1 100 000 / 10 000 inhabitants = 110.
      ['Hemtjänst', 'Trygghet', '80 %', '· för få år', 'Hemtjänst', '-10,0 %', '110', '55 kr per timme'],
      // 780 000 / 400 users; 780 000 / 10 000 inhabitants.
      ['LSS', 'Trygghet', '2024: 70 %', '· för få år', 'LSS', '+2,5 %', '78', '1\u00a0950 kr per brukare'],
    ]);
    // A brief's notes name no config key.
    expect(s.notes).toEqual([
      'Ledande indikator (Hemtjänst och LSS): den första av de valda indikatorerna som har värden för verksamheten.',
      'Belopp för budgetposterna Hemtjänst och LSS: kr per invånare räknas med befolkningen 2025; kr per brukare eller timme är helårets prognos (utfallet när december är bokförd) delad med antalet brukare eller timmar 2025.',
    ]);
    // The terminal's keeps the row, and tells the analyst the config's key.
    const v = besideView(report, '1460', 'sv')!;
    expect(v.columns.find((c) => c.head === 'Budgetpost')!.cells).toEqual(['Hemtjänst', '– ingen budgetpost', 'LSS']);
    expect(v.notes[0]).toBe('Ledande indikator (Hemtjänst, Individ- och familjeomsorg och LSS): den först listade i konfigurationen som har värden för verksamheten; "headline": true väljer en annan.');
  });

  it('in English, the Markdown brief gets the section after the budget, its notes in italics', () => {
    const md = renderBriefMd(buildBrief(report, '1460', opts('en')));
    expect(md).toContain('## Quality beside cost\n\n| Service | Headline indicator | 2025 | Trend | Budget line | Deviation | SEK per inhabitant to date | SEK per user or hour (full year) |');
    expect(md).toContain('| LSS | Feeling safe | 2024: 70% | · too few years | LSS | +2.5% | 78 | 1,950 SEK per user |');
    expect(md).not.toContain('Individ- och familjeomsorg | Feeling safe');
    expect(md).toContain('\n_Headline indicator (Hemtjänst and LSS): the first of the chosen indicators with values for the service._\n');
    expect(md).toContain('\n_Amounts of the budget lines Hemtjänst and LSS: SEK per inhabitant is counted with the population of 2025; SEK per user or hour is the year\'s forecast');
    expect(md.indexOf('## Quality beside cost')).toBeGreaterThan(md.indexOf('## Budget'));
  });

  it('the terminal table leaves out the cost per inhabitant, then the trend, never the line, and says so; no line wider', () => {
    const text = renderTable(report, { ...opts('sv'), table: { width: 80, genders: false } });
    const from = text.indexOf('Kvalitet bredvid kostnad');
    const section = text.slice(from, text.indexOf('\n\n', from));
    expect(section).toContain('Fler kolumner med --wide: Trend, Kr/inv. (ack)');
    expect(section).toContain('│ Budgetpost');
    expect(Math.max(...section.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
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

  it('a line paying for more than one service is marked shared in its cells and says so right under the table', () => {
    const both = parseConfig(JSON.stringify({
      organisation: { name: 'Org', code: 'ORG' }, members: [{ code: '1460', population: { 2025: 10000 } }],
      indicators: [{ id: 'trygghet', title: { sv: 'Trygghet', en: 'Feeling safe' } }],
      budget: { serviceActivity: { Hemtjänst: 'Äldreomsorg', 'Särskilt boende': 'Äldreomsorg' } },
    }), 'c.json');
    const rd = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(both, { unit: 'kr', sign: 'costs-positive' }, {}), file });
    const r = analyse([
      rd('k.csv', ['År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)', '2025;1460 Bengtsfors;Hemtjänst;trygghet;100;80', '2025;1460 Bengtsfors;Särskilt boende;trygghet;60;70'].join('\n')),
      rd('b.csv', ['Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår', '2025-12;1460;Äldreomsorg;1000000;1000000;1100000;1100000'].join('\n')),
    ], both);
    for (const inBrief of [false, true]) {
      const v = besideView(r, '1460', 'sv', 0, inBrief)!;
      expect(v.columns.find((c) => c.head === 'Budgetpost')!.cells).toEqual(['Äldreomsorg (gemensam)', 'Äldreomsorg (gemensam)']);
      expect(v.notes[0]).toBe('Äldreomsorg är en gemensam budgetpost för Hemtjänst och Särskilt boende: avvikelsen och beloppen gäller hela posten, inte varje verksamhet för sig.');
    }
    expect(besideView(r, '1460', 'en', 0)!.notes[0]).toBe('Äldreomsorg is one budget line shared by Hemtjänst and Särskilt boende: its deviation and amounts are the whole line\'s, not each service\'s.');
    const md = renderBriefMd(buildBrief(r, '1460', opts('sv')));
    expect(md).toContain('| Hemtjänst | Trygghet | 80 % | · för få år | Äldreomsorg (gemensam) | -10,0 % | 110 |');
    // At 80 columns the line stays.
    const text = renderTable(r, { ...opts('sv'), table: { width: 80, genders: false } });
    expect(text.slice(text.indexOf('Kvalitet bredvid kostnad'))).toMatch(/│ Budgetpost/);
  });

  it('no note about amounts where no row has one; none about kr/inv. where no row has it; no brief section where no service has a line', () => {
    const noPop = parseConfig(JSON.stringify({
      organisation: { name: 'Org', code: 'ORG' }, members: [{ code: '1460' }, { code: '1461' }],
      indicators: [{ id: 'trygghet', title: { sv: 'Trygghet', en: 'Feeling safe' } }],
      budget: { serviceActivity: { Hemtjänst: 'Hemtjänst' } },
    }), 'c.json');
    const rd = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(noPop, { unit: 'kr', sign: 'costs-positive' }, {}), file });
    const r = analyse([
      rd('k.csv', ['År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)', '2025;1460 Bengtsfors;Hemtjänst;trygghet;100;80', '2025;1461 Mellerud;Hemtjänst;trygghet;100;80'].join('\n')),
      rd('b.csv', ['Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår', '2025-12;1460;Hemtjänst;1000000;1000000;1100000;1100000'].join('\n')),
    ], noPop);
    const v = besideView(r, '1460', 'sv', 0, true)!;
    expect(v.columns.map((c) => c.head)).not.toContain('Kr/inv. (ack)');
    expect(v.notes.join(' ')).not.toMatch(/Belopp|kr\/inv/);
    // Mellerud has no budget line: the terminal shows the row, a brief no section.
    expect(besideView(r, '1461', 'sv')!.columns.find((c) => c.head === 'Budgetpost')!.cells).toEqual(['– ingen budgetpost']);
    expect(besideSection(r, '1461', 'sv')).toBeNull();
    const method = buildBrief(r, '1461', opts('sv')).method.body.join('\n');
    expect(method).not.toMatch(/serviceActivity|konfigurationens/);
    expect(method).toContain('En verksamhet med kvalitetsresultat har ingen budgetpost i underlaget att ställas bredvid.');
  });
});

describe('quality beside cost, rendered: services left out', () => {
  const two = parseConfig(JSON.stringify({
    organisation: { name: 'Org', code: 'ORG' },
    members: [{ code: '1460', population: { 2025: 10000 } }, { code: '1461', population: { 2025: 8000 } }],
    indicators: [{ id: 'helhetssyn', title: { sv: 'Helhetssyn', en: 'Overall' } }, { id: 'trygghet', title: { sv: 'Trygghet', en: 'Feeling safe' } }],
  }), 'c.json');
  const readTwo = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(two, { unit: 'kr', sign: 'costs-positive' }, {}), file });
  const rows = [
    'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)',
    '2025;1460 Bengtsfors;Hemtjänst;helhetssyn;100;80',
    '2025;1460 Bengtsfors;Särskilt boende;helhetssyn;50;70',
    '2025;1461 Mellerud;Hemtjänst;helhetssyn;60;75',
    // Mellerud's special housing: safety only, no overall satisfaction.
    '2025;1461 Mellerud;Särskilt boende;trygghet;40;60',
  ].join('\n');
  const lines = ['Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack', '2025-06;1460;Äldreomsorg;1000;500;520', '2025-06;1461;Äldreomsorg;800;400;390'].join('\n');
  const r = analyse([readTwo('k.csv', rows), readTwo('b.csv', lines)], two);
  it('a note under the table names the service and its headline, in the table and the brief, in either language', () => {
    expect(besideView(r, '1461', 'sv')!.notes.at(-1)).toBe('Särskilt boende visas inte här: verksamhetens ledande indikator (Helhetssyn) saknar siffra för området under rapportens år.');
    expect(besideSection(r, '1461', 'en')!.notes.at(-1)).toBe("Särskilt boende is not shown here: its headline indicator (Overall) has no figure for the area within the report's years.");
    expect(besideView(r, '1460', 'sv')!.notes.some((n) => n.includes('visas inte här'))).toBe(false);
  });
  it('an area whose every service is left out: the section is the note alone, without a table', () => {
    const onlySafety = rows.replace('2025;1461 Mellerud;Hemtjänst;helhetssyn;60;75', '2025;1461 Mellerud;Hemtjänst;trygghet;60;75');
    const all = analyse([readTwo('k.csv', onlySafety), readTwo('b.csv', lines)], two);
    const v = besideView(all, '1461', 'sv')!;
    expect(v.columns).toEqual([]);
    expect(v.notes).toEqual([
      'Hemtjänst visas inte här: verksamhetens ledande indikator (Helhetssyn) saknar siffra för området under rapportens år.',
      'Särskilt boende visas inte här: verksamhetens ledande indikator (Helhetssyn) saknar siffra för området under rapportens år.',
    ]);
    const text = renderTable(all, { ...opts('sv'), table: { width: 80, genders: false } });
    expect(text).toContain('Kvalitet bredvid kostnad\nHemtjänst visas inte här');
    const md = renderBriefMd(buildBrief(all, '1461', opts('sv')));
    expect(md).toContain('## Kvalitet bredvid kostnad\n\n_Hemtjänst visas inte här');
  });
});

