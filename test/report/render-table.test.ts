import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/indicators/analyse.js';
import { loadConfig, loadInputs } from '../../src/ingest/load.js';
import type { Report } from '../../src/model/report.js';
import { renderTable, type TableLayout } from '../../src/report/render-table.js';
import { NO_PAINT } from '../../src/report/view.js';
import { budgetRow, qualityRow, report as madeReport } from './factory.js';

const example = async () => {
  const loaded = await loadConfig('fixtures/bengtsfors-mellerud/tillit.config.json');
  const inputs = await loadInputs(loaded, { files: [], overrides: {}, threads: { threads: 1, minBytes: Number.POSITIVE_INFINITY } });
  return analyse(inputs, loaded.config, {});
};
const render = (report: Report, table?: TableLayout, lang: 'sv' | 'en' = 'sv') => renderTable(report, { lang, unit: 'tkr', paint: NO_PAINT, ...(table ? { table } : {}) });
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('the terminal table laid out to a width', () => {
  // Below 74 the example's quality table cannot fit without cutting a word ("↗ förbättras" 12,
  // "(helhetssyn)" 12, "Verksamhet" 10, the value 18, the status 6, and the rules).
  it('no line of the example is wider than the width, from 74 to 220 columns, in both languages', async () => {
    const report = await example();
    for (const lang of ['sv', 'en'] as const) {
      for (let width = 74; width <= 220; width += 2) expect([lang, width, widest(render(report, { width, genders: false }, lang))]).toEqual([lang, width, expect.toSatisfy((w: number) => w <= width)]);
      expect(widest(render(report, { width: 80, genders: true }, lang))).toBeLessThanOrEqual(80);
    }
  });
  it('leaves out a forecast column no budget line has a figure for, to keep one with figures; --wide draws it', () => {
    const noForecast = { forecast: null, forecastDeviation: null, forecastDeviationPct: null, projection: null };
    const r = madeReport({ quality: [], budget: [budgetRow(noForecast), budgetRow({ ...noForecast, activity: 'LSS', deviation: 1_000_000, deviationPct: 0.5, status: 'green' })] });
    const fitted = render(r, { width: 80, genders: false });
    expect(fitted).not.toContain('Prognos');
    expect(fitted).toContain('│ Utfall ack  │');
    expect(render(r)).toContain('Prognos mot budget');
    // One line with a forecast keeps the column.
    expect(render(madeReport({ quality: [], budget: [budgetRow(noForecast), budgetRow({ activity: 'LSS' })] }), { width: 80, genders: false })).toContain('Prognos');
  });
  it('names the columns it left out, in table order, and how to see them', async () => {
    const report = await example();
    const at80 = render(report, { width: 80, genders: false });
    expect(at80).toContain('\nFler kolumner med --wide: n, Förändring, Mot riket, Serie\n');
    expect(at80).toContain('\nFler kolumner med --wide: Budget ack, Utfall ack, Förbrukat (riktvärde), Serie\n');
    expect(render(report, { width: 80, genders: false }, 'en')).toContain('\nMore columns with --wide: n, Change, vs national, Series\n');
    expect(render(report, { width: 200, genders: false })).not.toContain('--wide');
  });
  it('folds rows by gender under their total, says how many and how many are yellow or red; --genders shows them', async () => {
    const report = await example();
    const folded = render(report, { width: 200, genders: false });
    expect(folded).not.toMatch(/ – (kvinnor|män) /);
    expect(folded).toContain('Rader per kön (16) visas med --genders.');
    expect(folded).toContain('Rader per kön (16) visas med --genders; 2 av dem är gula eller röda.');
    const shown = render(report, { width: 200, genders: true });
    expect(shown).toContain('│ Trygghet – kvinnor ');
    expect(shown).not.toContain('--genders');
  });
  it('keeps rows by gender whose total is not in the table (as with --gender K)', async () => {
    const report = await example();
    const women = { ...report, quality: report.quality.filter((q) => q.gender === 'K') };
    const text = render(women, { width: 200, genders: false });
    expect(text).toContain('│ Trygghet – kvinnor ');
    expect(text).not.toContain('--genders');
  });
  it('wraps a long title at its spaces, where the wide table ends it at a word by 48 characters', async () => {
    const report = await example();
    const long = 'Andel brukare som känner sig trygga med hemtjänsten eller i sitt särskilda boende, kommunens egen fråga';
    const renamed = { ...report, indicators: report.indicators.map((i) => (i.id === 'trygghet' ? { ...i, title: { sv: long, en: long } } : i)) };
    const fitted = render(renamed, { width: 120, genders: false });
    const column = fitted.split('\n').filter((l) => l.startsWith('│ ')).map((l) => l.split('│')[1]!.trim());
    expect(column.join(' ')).toContain(long);
    expect(render(renamed)).toContain('│ Andel brukare som känner sig trygga med… ');
  });
});

describe('the terminal table prints a note only where it applies', () => {
  it('no budget sign note without budget lines, no interval note or head without an interval, no test note without a test', () => {
    const noInterval = madeReport({ budget: [], quality: [qualityRow({ n: null, low: null, high: null })] });
    const text = render(noInterval, { width: 100, genders: false });
    expect(text).not.toMatch(/Avvikelse = budget|Wilson|KI|p < 0,05/);
    expect(text).toContain('│ 2025 ');
  });
  it('keeps each note where it applies', async () => {
    const text = render(await example(), { width: 100, genders: false });
    expect(text).toContain('* statistiskt säkerställd skillnad (p < 0,05); KI = 95 % konfidensintervall (Wilson)');
    expect(text).toContain('2025 (95 % KI)');
    expect(text).toContain('Avvikelse = budget − utfall');
  });
});

describe('the budget table\'s series', () => {
  it('leaves a gap (·) for a month without a row, never joining the months either side', () => {
    const month = (m: number, ratio: number) => ({ period: `2025-0${m}`, actualYtd: ratio * m * 100, budgetYtd: m * 100, forecast: null });
    const r = madeReport({ budget: [budgetRow({ period: '2025-04', series: [month(1, 1), month(2, 1.1), month(4, 1.3)] })] });
    const text = render(r, { width: 220, genders: false });
    // Jan 1,0 (lowest), Feb 1,1, no March, Apr 1,3 (highest): four marks, the third a gap.
    expect(text).toContain(' ▁▃·█ ');
  });
});
