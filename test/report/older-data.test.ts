import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/schema.js';
import { analyse } from '../../src/indicators/analyse.js';
import { evaluateFailOn, failOnLine, parseFailOn } from '../../src/report/fail-on.js';
import { renderReport } from '../../src/report/formats.js';
import { renderTable } from '../../src/report/render-table.js';
import { NO_PAINT } from '../../src/report/view.js';
import { KOLADA, OWN_SURVEY } from '../indicators/older-data.js';
import { parseText } from '../ingest/helpers.js';

const members = [{ code: '1460', name: 'Bengtsfors', population: {}, usage: {} }, { code: '1461', name: 'Mellerud', population: {}, usage: {} }];
const report = (window = 2) => {
  const base = defaultConfig();
  const config = { ...base, members, survey: { ...base.survey, window } } as Config;
  return analyse([parseText(OWN_SURVEY, {}, 'kvalitet.csv'), parseText(KOLADA, {}, 'kolada.csv')], config);
};
const opts = (lang: 'sv' | 'en') => ({ lang, unit: 'tkr' as const, paint: NO_PAINT, csvDialect: 'rfc4180' as const });
/** The quality table's rows of one area's section in the terminal report, cells trimmed. */
const tableRows = (text: string, area: string) => {
  const section = text.split('━━ ').find((s) => s.startsWith(area))!;
  return section.split('\n').filter((l) => l.startsWith('│') && !l.includes('Indikator') && !l.includes('Indicator')).map((l) => l.split('│').slice(1, 4).map((c) => c.trim()));
};

describe('older data in tables and briefs', () => {
  it('the terminal table shows a series at its latest year with that year before the value, and one older than the window as missing', () => {
    const text = renderTable(report(), opts('sv'));
    expect(tableRows(text, '1460 Bengtsfors')).toEqual([
      ['Helhetssyn, hemtjänst', '', '2024: 72,0 %'],
      ['helhetssyn', 'Hemtjänst', '86,0 % (78,8–91,0)'],
      ['X0001', '', '– saknas (senaste 2021)'],
    ]);
    expect(text).toContain('Där 2025 saknas visas senaste tillgängliga år (högst 2 år tidigare), med året före värdet.');
    expect(tableRows(renderTable(report(), opts('en')), '1460 Bengtsfors').map((r) => r[2])).toEqual(['2024: 72.0%', '86.0% (78.8–91.0)', '– missing (latest 2021)']);
  });
  it('with a window of 0 only the report year is shown: both Kolada series are missing, and no note on older years', () => {
    const text = renderTable(report(0), opts('sv'));
    expect(tableRows(text, '1460 Bengtsfors').map((r) => r[2])).toEqual(['86,0 % (78,8–91,0)', '– saknas (senaste 2024)', '– saknas (senaste 2021)']);
    expect(text).not.toContain('senaste tillgängliga');
  });
  it('the brief labels the value with its year, says "senaste tillgängliga" where it speaks of it, and names the missing indicator', () => {
    const md = renderReport(report(), 'md', opts('sv'));
    const brief = md.split('\n---\n')[0]!;
    expect(brief).toContain('| Helhetssyn, hemtjänst |  | 2024: 72 % |');
    expect(brief).toContain('till 72 % (senaste tillgängliga: 2024) sedan 2018');
    expect(brief).toContain('| X0001 |  | saknas (senaste 2021) |');
    expect(brief).toContain('- Där 2025 saknas visas senaste tillgängliga år (högst 2 år tidigare), med året före värdet.');
    expect(brief).toContain('Ett nyckeltal har inga siffror från de senaste åren');
    const en = renderReport(report(), 'md', opts('en')).split('\n---\n')[0]!;
    expect(en).toContain('to 72% (latest available: 2024) since 2018');
    expect(en).toContain('| X0001 |  | missing (latest 2021) |');
  });
  it('--fail-on reads the rows shown: a series’ latest within the window, not the missing ones', () => {
    const rules = (parseFailOn(['trend=improving']) as { rules: Parameters<typeof evaluateFailOn>[1] }).rules;
    const matches = evaluateFailOn(report(), rules).map(failOnLine).filter((m) => m.includes(' 1460 '));
    expect(matches).toEqual(['trend=improving: 1460 U21468  T 2024', 'trend=improving: 1460 helhetssyn Hemtjänst T 2025']);
    expect(evaluateFailOn(report(0), rules).filter((m) => m.indicator === 'U21468')).toEqual([]);
  });
});
