import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/indicators/analyse.js';
import { loadConfig, loadInputs } from '../../src/ingest/load.js';
import { QualityCell, type QualityRow } from '../../src/model/report.js';
import { qualityRowWriter, renderJson } from '../../src/report/render.js';

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
    expect(rows.some((q) => q.suppressed !== null) && rows.some((q) => q.trend !== null) && rows.some((q) => q.reference !== null)).toBe(true);
    expect(rows.some((q) => q.organisation !== null) && rows.some((q) => q.peers.length > 0) && rows.some((q) => q.rank !== null)).toBe(true);
    expect(rows.every((q) => q instanceof QualityCell)).toBe(true);
    const write = qualityRowWriter();
    for (const q of rows) expect(write(q)).toBe(JSON.stringify(q));
    // And within the whole report: the same lines a plain JSON.stringify of each row would give.
    const lines = renderJson(report).split('\n');
    const at = lines.indexOf('  "quality": [');
    expect(lines.slice(at + 1, at + 1 + rows.length)).toEqual(rows.map((q, i) => `    ${JSON.stringify(q)}${i < rows.length - 1 ? ',' : ''}`));
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
    const odd = new QualityCell(q.area, q.areaKind, q.indicator, q.service, q.gender, q.period, Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, q.suppressed, q.change, q.trend, q.reference, q.organisation, q.peers, q.rank, q.status, q.sources);
    expect(qualityRowWriter()(odd)).toBe(JSON.stringify(odd));
  });
});
