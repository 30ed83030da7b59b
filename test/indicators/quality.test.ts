import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/config/resolve.js';
import { analyse, analyseLazily } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { loadConfig, loadInputs } from '../../src/ingest/load.js';
import { renderJson, renderJsonChunks } from '../../src/report/render.js';
import { renderCsv, renderCsvChunks } from '../../src/report/render-csv.js';

const lazyExample = async (municipalities?: string[]) => {
  const loaded = await loadConfig('fixtures/bengtsfors-mellerud/tillit.config.json');
  const inputs = await loadInputs(loaded, { files: [], overrides: {}, threads: { threads: 1, minBytes: Number.POSITIVE_INFINITY } });
  return analyseLazily(inputs, loaded.config, municipalities ? { municipalities } : {});
};

describe('quality rows made on demand', () => {
  it('are made anew, alike, on every call, and the report holds none of them', async () => {
    const { report, rows } = await lazyExample();
    expect(report.quality).toEqual([]);
    const once = [...rows()];
    const again = [...rows()];
    expect(once.length).toBeGreaterThan(100);
    expect(again).toEqual(once);
    expect(again[0]).not.toBe(once[0]);
  });
  it('a row filter gives exactly the rows it says yes to, each as the whole series makes it (changes, trends)', async () => {
    const { rows } = await lazyExample();
    const all = [...rows()];
    const in2025 = (_: string, __: string, period: string) => period.startsWith('2025');
    const only2025 = [...rows({ row: in2025 })];
    expect(only2025).toEqual(all.filter((q) => in2025(q.area, q.areaKind, q.period)));
    // Those rows still compare with the years before them.
    expect(only2025.some((q) => q.change !== null) && only2025.some((q) => q.trend !== null)).toBe(true);
    const women = [...rows({ series: (_area, _kind, _indicator, gender) => gender === 'K' })];
    expect(women).toEqual(all.filter((q) => q.gender === 'K'));
    expect(women.length).toBeGreaterThan(0);
  });
  it('--municipality narrows the rows given, not the comparisons and ranks made from all of them', async () => {
    const all = [...(await lazyExample()).rows()];
    const one = [...(await lazyExample(['1461'])).rows()];
    expect(one).toEqual(all.filter((q) => q.areaKind !== 'municipality' || q.area === '1461'));
  });
  it('JSON written from the rows as they are made is the JSON of the whole report, byte for byte', async () => {
    const { report, rows } = await lazyExample();
    const whole = renderJson({ ...report, quality: [...rows()] });
    expect([...renderJsonChunks(report, rows())].join('')).toBe(whole);
    // No rows: an empty list, as for any other empty list.
    const none = [...renderJsonChunks(report, [])].join('');
    expect(none).toContain('  "quality": [],\n');
    expect(JSON.parse(none)).toEqual({ ...JSON.parse(whole), quality: [] });
  });
  it('CSV written from the rows as they are made is the CSV of the whole report, in both dialects', async () => {
    const { report, rows } = await lazyExample();
    for (const dialect of ['rfc4180', 'excel-sv'] as const) {
      const whole = renderCsv({ ...report, quality: [...rows()] }, dialect);
      expect(whole.split('\r\n').length).toBeGreaterThan(100);
      expect([...renderCsvChunks(report, dialect, rows())].join('')).toBe(whole);
    }
  });
});

describe('change across a declared series break', () => {
  const survey = (breaks: number[]) => {
    const config = parseConfig(JSON.stringify({
      organisation: { name: 'X', code: 'X' },
      indicators: [{ id: 'helhetssyn', title: { sv: 'Nöjdhet', en: 'Satisfaction' }, better: 'higher', unit: '%', breaks }],
    }), 'test.json');
    const rows = [[2023, 90], [2024, 91], [2025, 70], [2026, 60]].map(([y, v]) => `${y};1460;Hemtjänst;helhetssyn;200;${v}`);
    const input = parseInput(Buffer.from(`År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n${rows.join('\n')}\n`), { ...ingestOptions(config, {}, {}), file: 'k.csv' });
    return analyse([input], config, { period: '2025' }).quality.filter((q) => q.area === '1460');
  };
  it('a change into the break year is no change: no difference, no test, no yellow status', () => {
    const without = survey([]).find((q) => q.period === '2025')!;
    // Without the break, −21 pp on n = 200 each is significant and turns the status yellow.
    expect(without.change).toMatchObject({ from: '2024', significant: true });
    expect(without.status).toBe('yellow');
    const across = survey([2025]).find((q) => q.period === '2025')!;
    expect(across.change).toBeNull();
    expect(across.status).toBe('green');
  });
  it('changes within a segment are kept on both sides of the break', () => {
    const rows = survey([2025]);
    expect(rows.find((q) => q.period === '2024')!.change).toMatchObject({ from: '2023' });
    expect(rows.find((q) => q.period === '2026')!.change).toMatchObject({ from: '2025', significant: true });
  });
});

describe('the report year by default', () => {
  it('is the latest year with a figure, not a year whose answers give none (all "Vet ej")', () => {
    const config = parseConfig(JSON.stringify({ organisation: { name: 'X', code: 'X' } }), 'test.json');
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => `${i};1460;2025;Hemtjänst;helhetssyn;${i % 2 ? 'Mycket nöjd' : 'Ganska missnöjd'}`),
      ...Array.from({ length: 40 }, (_, i) => `${100 + i};1460;2026;Hemtjänst;helhetssyn;Vet ej/Ingen åsikt`),
    ];
    const input = parseInput(Buffer.from(`Löpnummer;Kommun;År;Verksamhet;Fråga;Svar\n${rows.join('\n')}\n`), { ...ingestOptions(config, {}, {}), file: 's.csv' });
    const report = analyse([input], config);
    expect(report.period.survey).toBe('2025');
    expect(report.quality.map((q) => q.period)).toEqual(['2025']);
  });
});
