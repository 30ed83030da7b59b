import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';

/** Helsingborg, Landskrona and Region Skåne as one organisation (made-up figures). */
const configOf = (over: Record<string, unknown> = {}) => parseConfig(JSON.stringify({
  organisation: { name: 'HLS', code: 'HLS', aliases: ['Gemensamt'] },
  members: [
    { code: '1283', population: { 2024: 150_000 } },
    { code: '1282', population: { 2024: 50_000 } },
    { code: '0012', name: 'Region Skåne', population: { 2024: 1_400_000 } },
  ],
  allocation: { method: 'population', overlap: 'remainder' },
  ...over,
}), 'c.json');
const read = (config: ReturnType<typeof configOf>, file: string, text: string) =>
  parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'kr', sign: 'costs-positive' }, {}), file });
const budget = [
  'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack',
  '2025-06;1283;Äldreomsorg;1200;600;610',
  '2025-06;1282;Äldreomsorg;600;300;290',
  '2025-06;Region Skåne;Äldreomsorg;2400;1200;1230',
  '2025-06;Gemensamt;Gemensam ledning;2000;1000;1000',
].join('\n');
const kolada = [
  'kpi,municipality_id,municipality,year,gender,value,count,status',
  'U21468,1283,Helsingborg,2025,T,85,1,NA',
  'U21468,1282,Landskrona,2025,T,88,1,NA',
  'U21468,0012,Region Skåne,2025,T,86,1,NA',
  'U21468,0000,Riket,2025,T,84,1,NA',
].join('\n');

describe('a region as a member', () => {
  const config = configOf();
  const report = analyse([read(config, 'b.csv', budget), read(config, 'k.csv', kolada)], config);
  it("its budget rows count in the organisation's totals, beside its municipalities'", () => {
    const elderly = report.budget.find((b) => b.area === 'HLS' && b.activity === 'Äldreomsorg')!;
    expect(elderly.members).toEqual(['1283', '1282', '12']);
    expect(elderly.actualYtd).toBe(610 + 290 + 1230);
    expect(report.budget.filter((b) => b.area === '12').map((b) => b.areaKind)).toEqual(['region']);
  });
  it('its Kolada rows (0012) are the member\'s, a region among the areas, named by the config', () => {
    expect(report.organisation.members).toEqual(['1283', '1282', '12']);
    expect(report.areas.find((a) => a.code === '12')).toEqual({ code: '12', kind: 'region', member: true, name: 'Region Skåne' });
    const row = report.quality.find((q) => q.area === '12' && q.indicator === 'U21468')!;
    expect(row.value).toBe(86);
    expect(row.reference?.area).toBe('0000');
  });
  it('the shared costs split three ways; "remainder" gives the region Skåne less its member municipalities', () => {
    const a = report.allocation!;
    expect(a.members.map((m) => m.area)).toEqual(['1283', '1282', '12']);
    expect(a.members.map((m) => m.population)).toEqual([150_000, 50_000, 1_200_000]);
    expect(a.members.map((m) => m.actualYtd)).toEqual([107, 36, 857]);
    expect(a.members.reduce((s, m) => s + m.actualYtd!, 0)).toBe(1000);
  });
  it('"as-given" takes the populations as written', () => {
    const c = configOf({ allocation: { method: 'population', overlap: 'as-given' } });
    const r = analyse([read(c, 'b.csv', budget)], c);
    expect(r.allocation!.members.map((m) => m.population)).toEqual([150_000, 50_000, 1_400_000]);
  });
  it('a remainder below zero allocates nothing and says why', () => {
    const c = configOf({ members: [{ code: '1283', population: { 2024: 150_000 } }, { code: '12', population: { 2024: 100_000 } }] });
    const r = analyse([read(c, 'b.csv', budget)], c);
    expect(r.allocation).toBeNull();
    expect(r.findings.map((f) => f.code)).toContain('allocation-overlap-negative');
  });
});

describe('a kommunalförbund as a member', () => {
  const config = parseConfig(JSON.stringify({
    organisation: { name: 'Org', code: 'ORG' },
    members: [
      { code: '1283', population: { 2024: 150_000 } },
      { code: 'SOTEA', kind: 'kommunalförbund', name: 'Söderåsens samordningsförbund', aliases: ['Söderåsen SF'], population: { 2024: 60_000 } },
    ],
  }), 'c.json');
  it('rows naming it by its id, name or alias attach to it and add up with the others', () => {
    const text = [
      'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack',
      '2025-06;1283;Äldreomsorg;1200;600;610',
      '2025-06;Söderåsen SF;Äldreomsorg;300;150;140',
      '2025-06;SOTEA;LSS;100;50;50',
    ].join('\n');
    const input = read(config, 'b.csv', text);
    expect(input.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const report = analyse([input], config);
    expect(report.areas.find((a) => a.code === 'SOTEA')).toMatchObject({ kind: 'federation', member: true, name: 'Söderåsens samordningsförbund' });
    const elderly = report.budget.find((b) => b.area === 'ORG' && b.activity === 'Äldreomsorg')!;
    expect(elderly.actualYtd).toBe(750);
    expect(elderly.members).toEqual(['1283', 'SOTEA']);
  });
});
