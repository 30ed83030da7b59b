import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/indicators/analyse.js';
import { loadConfig, loadInputs } from '../../src/ingest/load.js';
import { STATUS_REASONS } from '../../src/model/quality-status.js';
import { QualityCell, reportSchema, type QualityRow, type Report } from '../../src/model/report.js';
import { qualityRowWriter, renderJson, renderJsonChunks } from '../../src/report/render-json.js';

const example = async () => {
  const loaded = await loadConfig('fixtures/bengtsfors-mellerud/tillit.config.json');
  const inputs = await loadInputs(loaded, { files: [], overrides: {}, threads: { threads: 1, minBytes: Number.POSITIVE_INFINITY } });
  return analyse(inputs, loaded.config, { generatedAt: '2025-11-05T08:00:00.000Z' });
};

describe('quality rows as JSON', () => {
  it('writes every row of the example report as JSON.stringify does, byte for byte', async () => {
    const report = await example();
    const rows = report.quality;
    // The example has every kind of row: suppressed, with a trend, a reference, an organisation, peers and ranks.
    expect(rows.some((q) => q.suppressed) && rows.some((q) => q.trend !== null) && rows.some((q) => q.reference !== null)).toBe(true);
    expect(rows.some((q) => q.organisation !== null) && rows.some((q) => q.peers.length > 0) && rows.some((q) => q.rank !== null)).toBe(true);
    expect(rows.every((q) => q instanceof QualityCell)).toBe(true);
    const write = qualityRowWriter();
    for (const q of rows) expect(write(q)).toBe(JSON.stringify(q));
    // And within the whole report: the same lines a plain JSON.stringify of each row would give.
    const lines = renderJson(report).split('\n');
    const at = lines.indexOf('  "quality": [');
    expect(lines.slice(at + 1, at + 1 + rows.length)).toEqual(rows.map((q, i) => `    ${JSON.stringify(q)}${i < rows.length - 1 ? ',' : ''}`));
  });
  it('writes any row analysis could make as JSON.stringify does: odd texts, numbers JSON cannot hold, every field null or set', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('0114', '2025', 'Hemtjänst', 'a"b\\c', '\u2028', '\ud800'));
    const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0.1 + 0.2, 1e21, 5e-7, -0));
    const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    const comparison = fc.record({ area: text, value: number, differencePp: number, p: orNull(number), significant: fc.boolean() });
    const cell = fc.record({
      area: text, areaKind: fc.constantFrom('municipality', 'region', 'nation', 'group', 'organisation' as const), indicator: text, service: text,
      gender: fc.constantFrom('T', 'K', 'M' as const), period: text, value: orNull(number), n: orNull(number), low: orNull(number), high: orNull(number),
      suppressed: fc.boolean(), incomplete: fc.boolean(),
      change: orNull(fc.record({ from: text, fromValue: number, differencePp: number, p: orNull(number), significant: fc.boolean() })),
      trend: orNull(fc.record({ from: text, to: text, points: fc.nat(), theilSenSlope: orNull(number), mannKendallS: orNull(number), mannKendallP: orNull(number), olsSlope: orNull(number), olsSlopeLow: orNull(number), olsSlopeHigh: orNull(number), r2: orNull(number), verdict: fc.constantFrom('improving', 'no-clear-trend' as const) })),
      reference: orNull(comparison), organisation: orNull(comparison), peers: fc.array(comparison, { maxLength: 3 }),
      rank: orNull(fc.record({ position: fc.nat(), of: fc.nat(), quartile: fc.constantFrom(null, 'best-25', 'middle-50', 'worst-25' as const) })),
      status: fc.constantFrom(null, 'green', 'yellow', 'red' as const), statusReasons: fc.subarray([...STATUS_REASONS]), sources: fc.array(fc.record({ file: text }), { maxLength: 3 }),
    }).map((r) => new QualityCell(r.area, r.areaKind, r.indicator, r.service, r.gender, r.period, r.value, r.n, r.low, r.high, r.suppressed, r.incomplete, r.change, r.trend, r.reference, r.organisation, r.peers, r.rank, r.status, r.statusReasons, r.sources));
    // Rows one after another, so some share a series (the writer reuses its first fields) and some do not.
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (rows) => {
      const write = qualityRowWriter();
      for (const q of rows) expect(write(q)).toBe(JSON.stringify(q));
      const again = rows.map((q) => new QualityCell(rows[0]!.area, rows[0]!.areaKind, rows[0]!.indicator, rows[0]!.service, rows[0]!.gender, q.period, q.value, q.n, q.low, q.high, q.suppressed, q.incomplete, q.change, q.trend, q.reference, q.organisation, q.peers, q.rank, q.status, q.statusReasons, q.sources));
      for (const q of again) expect(write(q)).toBe(JSON.stringify(q));
    }), { numRuns: 1000 });
  });
  it('writes hidden rows (made once per file, period and flags) as JSON.stringify does, the last one without its comma', async () => {
    const report = await example();
    const hidden = fc.record({
      area: fc.constantFrom('1460', '1461'), period: fc.constantFrom('2024', '2025', '2004-2007'), file: fc.constantFrom('a.csv', 'b.csv', 'ä "c".csv'),
      suppressed: fc.boolean(), incomplete: fc.boolean(), trend: fc.boolean(),
    }).map((r) => new QualityCell(r.area, 'municipality', 'helhetssyn', 'Hemtjänst', 'T', r.period, null, null, null, null, r.suppressed, r.incomplete, null,
      r.trend ? report.quality.find((q) => q.trend !== null)!.trend : null, null, null, [], null, null, [], [{ file: r.file }]));
    fc.assert(fc.property(fc.array(hidden, { minLength: 1, maxLength: 12 }), (rows) => {
      const write = qualityRowWriter();
      for (const q of rows) expect(write(q)).toBe(JSON.stringify(q));
      const lines = [...renderJsonChunks(report, rows)].join('').split('\n');
      const at = lines.indexOf('  "quality": [');
      expect(lines.slice(at + 1, at + 2 + rows.length)).toEqual([...rows.map((q, i) => `    ${JSON.stringify(q)}${i < rows.length - 1 ? ',' : ''}`), '  ],']);
    }), { numRuns: 300 });
  });
  it('leaves rows made another way to JSON.stringify, in their own key order', async () => {
    const q = (await example()).quality.find((r) => r.trend !== null)!;
    const { area, ...rest } = q;
    const reordered = { ...rest, area } as QualityRow;
    const write = qualityRowWriter();
    expect(write(reordered)).toBe(JSON.stringify(reordered));
    expect(write(reordered)).not.toBe(JSON.stringify(q));
  });
  it('writes a number JSON cannot hold as null, as JSON.stringify does', async () => {
    const q = (await example()).quality[0]!;
    const odd = new QualityCell(q.area, q.areaKind, q.indicator, q.service, q.gender, q.period, Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, q.suppressed, q.incomplete, q.change, q.trend, q.reference, q.organisation, q.peers, q.rank, q.status, q.statusReasons, q.sources);
    expect(qualityRowWriter()(odd)).toBe(JSON.stringify(odd));
  });
});

describe('the report as JSON', () => {
  it('writes the fields in schema order, failOn last, whatever order the model was put together in', async () => {
    const report = await example();
    const reversed = Object.fromEntries(Object.entries({ ...report, peerGroups: [] }).reverse()) as unknown as Report;
    const keys = Object.keys(JSON.parse(renderJson(reversed)) as object);
    expect(keys).toEqual(Object.keys(reportSchema.shape).filter((k) => k in reversed));
    expect(keys.at(-1)).toBe('failOn');
  });
});
