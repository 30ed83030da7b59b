import { describe, expect, it } from 'vitest';
import { peerComparisons, peerGroupSpecs } from '../../src/indicators/peers.js';
import { QualityCell, type QualityRow } from '../../src/model/report.js';
import type { Better, ValueUnit } from '../../src/model/vocabulary.js';

/** A published row at 2025 (only the fields peers read matter). */
const row = (area: string, value: number | null, indicator = 'U21468', kind: QualityRow['areaKind'] = 'municipality'): QualityRow =>
  new QualityCell(area, kind, indicator, '', 'T', '2025', value, null, null, null, value === null, false, null, null, null, null, [], null, null, [], []);
const SENSE: Record<string, { better: Better; unit: ValueUnit }> = {
  U21468: { better: 'higher', unit: '%' },
  U23401: { better: 'lower', unit: 'days' },
  N00097: { better: 'none', unit: '%' },
  U23592: { better: 'none', unit: 'count' },
};
const sense = (id: string) => SENSE[id]!;

describe('peerGroupSpecs', () => {
  it("Kolada's groups by id and name; a config group named like one gives it members; others stand alone", () => {
    const groups = peerGroupSpecs(new Map([['G124026', 'Större stad']]), { 'Större stad': ['1283', '1281'], Liknande: ['1438'] });
    expect(groups).toEqual([
      { id: 'G124026', name: 'Större stad', source: 'kolada', members: ['1283', '1281'] },
      { id: 'Liknande', name: 'Liknande', source: 'config', members: ['1438'] },
    ]);
    expect(peerGroupSpecs(new Map([['G1', 'G1']]), { g1: ['1438'] })).toEqual([{ id: 'G1', name: 'G1', source: 'kolada', members: ['1438'] }]);
  });
});

describe('peerComparisons', () => {
  const config = [{ id: 'Liknande', name: 'Liknande', source: 'config' as const, members: ['1438', '1439', '1460', '1461'] }];
  it('a config group: the unweighted mean of the members present, the difference, the rank among them and the area', () => {
    // 1461 has no row and 1460's is hidden: the mean is of 80 and 90; Helsingborg's 88 ranks 2nd of 3.
    const [g] = peerComparisons([row('1283', 88), row('1438', 80), row('1439', 90), row('1460', null)], config, ['1283'], sense);
    expect(g!.comparisons).toEqual([{
      area: '1283', indicator: 'U21468', service: '', gender: 'T', period: '2025', value: 88, groupValue: 85, valueFrom: 'mean', membersPresent: 2, difference: 3,
      rank: { position: 2, of: 3, quartile: null },
    }]);
  });
  it("a Kolada group: its own value, said so; lower is better ranks the lowest first; a member of the group is ranked once", () => {
    const kolada = [{ id: 'G1', name: 'Större stad', source: 'kolada' as const, members: ['1283', '1438'] }];
    const [g] = peerComparisons([row('1283', 40, 'U23401'), row('1438', 50, 'U23401'), row('G1', 47, 'U23401', 'group')], kolada, ['1283'], sense);
    expect(g!.comparisons[0]).toMatchObject({ groupValue: 47, valueFrom: 'kolada', membersPresent: 2, difference: -7, rank: { position: 1, of: 2 } });
  });
  it('quartiles from eight values on', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const [g] = peerComparisons([row('1283', 10), ...members.map((m, i) => row(m, 20 + i))], [{ id: 'P', name: 'P', source: 'config', members }], ['1283'], sense);
    expect(g!.comparisons[0]!.rank).toEqual({ position: 8, of: 8, quartile: 'worst-25' });
  });
  it('no rank without a better direction; a count is compared with no group', () => {
    const kolada = [{ id: 'G1', name: 'G', source: 'kolada' as const, members: ['1438'] }];
    const [g] = peerComparisons([row('1283', 3, 'N00097'), row('1438', 2, 'N00097'), row('1283', 200, 'U23592'), row('G1', 9000, 'U23592', 'group')], kolada, ['1283'], sense);
    expect(g!.comparisons).toEqual([expect.objectContaining({ indicator: 'N00097', groupValue: 2, rank: null })]);
  });
  it('a Kolada group known only by its value: compared, not ranked', () => {
    const [g] = peerComparisons([row('1283', 88), row('G1', 86, 'U21468', 'group')], [{ id: 'G1', name: 'G', source: 'kolada', members: [] }], ['1283'], sense);
    expect(g!.comparisons[0]).toMatchObject({ groupValue: 86, valueFrom: 'kolada', membersPresent: 0, difference: 2, rank: null });
  });
});

describe('a count beside the nation', () => {
  it('respondents (a count) get no difference from Riket; a share still does', async () => {
    const { parseConfig } = await import('../../src/config/parse.js');
    const { ingestOptions } = await import('../../src/ingest/resolve.js');
    const { parseInput } = await import('../../src/ingest/parse-input.js');
    const { analyse } = await import('../../src/indicators/analyse.js');
    const config = parseConfig('{"members": [{"code": "1283"}]}', 'c.json');
    const text = 'kpi,municipality_id,municipality,year,gender,value,count,status\nU23592,1283,Helsingborg,2025,T,214,1,NA\nU23592,0000,Riket,2025,T,48000,1,NA\nU21468,1283,Helsingborg,2025,T,85,1,NA\nU21468,0000,Riket,2025,T,84,1,NA\n';
    const report = analyse([parseInput(Buffer.from(text), { ...ingestOptions(config, {}, {}), file: 'k.csv' })], config);
    const of = (id: string) => report.quality.find((q) => q.area === '1283' && q.indicator === id)!;
    expect(of('U23592').reference).toBeNull();
    expect(of('U21468').reference).toMatchObject({ area: '0000', differencePp: 1 });
  });
});

describe('a config peer group without figures', () => {
  it('is kept, compared with nothing, and said so', async () => {
    const { parseConfig } = await import('../../src/config/parse.js');
    const { ingestOptions } = await import('../../src/ingest/resolve.js');
    const { parseInput } = await import('../../src/ingest/parse-input.js');
    const { analyse } = await import('../../src/indicators/analyse.js');
    const config = parseConfig('{"members": [{"code": "1283"}], "peers": {"Liknande": ["1438", "1439"]}}', 'c.json');
    const text = 'kpi,municipality_id,municipality,year,gender,value,count,status\nU21468,1283,Helsingborg,2025,T,85,1,NA\n';
    const report = analyse([parseInput(Buffer.from(text), { ...ingestOptions(config, {}, {}), file: 'k.csv' })], config);
    expect(report.peerGroups).toEqual([{ id: 'Liknande', name: 'Liknande', source: 'config', members: ['1438', '1439'], comparisons: [] }]);
    expect(report.findings.filter((f) => f.code === 'peer-group-no-data').map((f) => f.message)).toEqual([
      'peer group "Liknande": none of its members (1438, 1439) has figures for 2025 in the inputs; it is compared with nothing',
    ]);
  });
});
