import { describe, expect, it } from 'vitest';
import { FORMATS, renderArea, renderReport } from '../../src/report/formats.js';
import { reportFiles } from '../../src/report/render.js';
import { FORMAT_NAMES, type ReportRenderOptions } from '../../src/report/report-format.js';
import { NO_PAINT } from '../../src/report/view.js';
import { budgetRow, qualityRow, report } from './factory.js';

const opts: ReportRenderOptions = { lang: 'sv', unit: 'mnkr', paint: NO_PAINT, csvDialect: 'rfc4180' };
const twoAreas = report({
  areas: [
    { code: '1460', name: 'Bengtsfors', kind: 'municipality', member: true },
    { code: '1461', name: 'Mellerud', kind: 'municipality', member: true },
  ],
  quality: [qualityRow(), qualityRow({ area: '1461', value: 70 })],
  budget: [budgetRow()],
});

describe('formats by name', () => {
  it('has one entry per name, in the order the command line lists them, each under its own name', () => {
    expect(Object.keys(FORMATS)).toEqual([...FORMAT_NAMES]);
    for (const name of FORMAT_NAMES) expect(FORMATS[name].name).toBe(name);
    expect(FORMAT_NAMES.map((n) => FORMATS[n].ext)).toEqual(['txt', 'json', 'csv', 'md', 'html']);
  });
  it('streams JSON and CSV only, and draws charts only in briefs', () => {
    expect(FORMAT_NAMES.filter((n) => FORMATS[n].streams)).toEqual(['json', 'csv']);
    expect(Object.fromEntries(FORMAT_NAMES.map((n) => [n, FORMATS[n].charts]))).toEqual({ table: 'none', json: 'none', csv: 'none', md: 'files', html: 'inline' });
  });
  it('renders each format of a small report as that format', () => {
    expect(renderReport(twoAreas, 'table', opts)).toMatch(/^Testförvaltningen — kvalitet 2025 · budget efter oktober 2025\n\n━━ 1460 Bengtsfors ━━\nKvalitet och nyckeltal\n┌/);
    expect(JSON.parse(renderReport(twoAreas, 'json', opts))).toEqual(twoAreas);
    expect(renderReport(twoAreas, 'csv', opts).split('\r\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['section,area', 'quality,1460', 'quality,1461', 'budget,1460', '']);
    expect(renderReport(twoAreas, 'csv', { ...opts, csvDialect: 'excel-sv' })).toMatch(/^\uFEFFsection;area;/);
    const md = renderReport(twoAreas, 'md', opts);
    expect(md.split('\n---\n\n').map((b) => b.split('\n')[0])).toEqual(['# Bengtsfors (1460) – uppföljning: kvalitet 2025, budget efter oktober 2025', '# Mellerud (1461) – uppföljning: kvalitet 2025']);
    const html = renderReport(twoAreas, 'html', opts);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">')).toBe(true);
    expect(html.match(/<section class="brief"/g)).toHaveLength(2);
  });
  it('writes rows given apart from the report, as analysis hands them over', () => {
    const rows = [qualityRow({ value: 55 })];
    for (const name of FORMAT_NAMES) {
      expect([...FORMATS[name].render(twoAreas, opts, rows)].join('')).toBe(renderReport({ ...twoAreas, quality: rows }, name, opts));
    }
  });
  it('gives each area a file named by code and name with the format\'s extension, holding that area only', () => {
    for (const name of FORMAT_NAMES) {
      const files = reportFiles(twoAreas, name, opts);
      expect(files.map((f) => f.name)).toEqual([`1460-bengtsfors.${FORMATS[name].ext}`, `1461-mellerud.${FORMATS[name].ext}`]);
      expect(files[1]!.content).not.toContain('Bengtsfors');
      expect(files[1]!.content).toContain('Mellerud');
    }
    expect(JSON.parse(renderArea(twoAreas, '1461', 'json', opts)).quality).toEqual([twoAreas.quality[1]]);
  });
  it('links an area\'s charts from its Markdown file and inlines them in HTML', () => {
    const chart = { file: 'charts/1460-helhet.svg', alt: 'Diagram: Nöjdhet', kind: 'quality' as const, marks: [], svg: '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>' };
    const withCharts = { ...opts, charts: new Map([['1460', [chart]]]) };
    expect(renderArea(twoAreas, '1460', 'md', withCharts)).toContain('![Diagram: Nöjdhet](charts/1460-helhet.svg)');
    expect(renderArea(twoAreas, '1461', 'md', withCharts)).not.toContain('charts/');
    expect(renderArea(twoAreas, '1460', 'html', withCharts)).toContain('<figure><svg');
  });
});
