import { describe, expect, it } from 'vitest';
import { twoProportionTest } from '../../src/indicators/two-proportion-test.js';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { analyse, analyseLazily } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { loadConfig, loadInputs } from '../../src/ingest/load.js';
import { renderJson, renderJsonChunks } from '../../src/report/render-json.js';
import { renderCsv, renderCsvChunks } from '../../src/report/render-csv.js';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/schema.js';
import { qualityTable } from '../../src/indicators/quality.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { AnswerRecord } from '../../src/model/records.js';
import type { QualityRow } from '../../src/model/report.js';
import { inputsOf } from './inputs.js';

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

describe('cells with rejected answers (incomplete)', () => {
  const answers = (code: string, gender: 'T' | 'K' | 'M', positive: number, other: number, rejected?: number): AnswerRecord => ({
    kind: 'answers', area: { code, kind: 'municipality' }, period: '2025', indicator: 'hjalp', service: 'PA', gender, positive, other, excluded: 0,
    ...(rejected !== undefined ? { rejected } : {}), source: { file: 'svar.csv', line: 2 },
  });
  const config = () => ({ ...defaultConfig(), members: [{ code: '1460', name: 'Bengtsfors', population: {}, usage: {} }, { code: '1461', name: 'Mellerud', population: {}, usage: {} }] }) as Config;
  const shown = (rows: QualityRow[]) => rows.map((q) => `${q.area}:${q.gender} ${q.value ?? '-'} n ${q.n ?? '-'}${q.incomplete ? ' incomplete' : ''}${q.suppressed ? ` ${q.suppressed}` : ''}`);

  it('publish no share, n or interval, and say so in a finding; the total and the organisation that hold them too', () => {
    // 1460: women 40 of 50 with one answer rejected, men 30 of 40; 1461 complete (45 of 60).
    const t = qualityTable(inputsOf([answers('1460', 'K', 40, 10, 1), answers('1460', 'M', 30, 10), answers('1461', 'T', 45, 15)]), settingsOf(config()));
    expect(shown([...t.rows()])).toEqual([
      '1460:T - n - incomplete', '1460:K - n - incomplete', '1460:M 75 n 40', '1461:T 75 n 60', 'ORG:T - n - incomplete',
    ]);
    const row = [...t.rows()][0]!;
    expect([row.low, row.high, row.status, row.trend, row.reference]).toEqual([null, null, null, null, null]);
    expect(t.findings.map((f) => `${f.code} ${f.message}`)).toEqual([
      'cell-incomplete 1460 / hjalp / PA / T / 2025: not published (ofullständig): answers in this cell were rejected, so its share would be wrong',
      'cell-incomplete 1460 / hjalp / PA / K / 2025: not published (ofullständig): answers in this cell were rejected, so its share would be wrong',
      'cell-incomplete ORG / hjalp / PA / T / 2025: not published (ofullständig): answers in this cell were rejected, so its share would be wrong',
    ]);
  });
  it('a cell whose every answer was rejected is shown as incomplete, not left out', () => {
    const t = qualityTable(inputsOf([answers('1460', 'T', 0, 0, 3)]), settingsOf(defaultConfig()));
    expect(shown([...t.rows()])).toEqual(['1460:T - n - incomplete']);
  });
  it('a small incomplete cell says incomplete, not hidden: the label tells nothing about its n', () => {
    const t = qualityTable(inputsOf([answers('1460', 'T', 5, 5, 1)]), settingsOf(defaultConfig()));
    expect(shown([...t.rows()])).toEqual(['1460:T - n - incomplete']);
  });
  it('a complete cell is published as before (hand-worked: 128 Ja of 200)', () => {
    const t = qualityTable(inputsOf([answers('1460', 'T', 128, 72)]), settingsOf(defaultConfig()));
    expect(shown([...t.rows()])).toEqual(['1460:T 64 n 200']);
    expect(t.findings).toEqual([]);
  });
});

describe('indicators whose better direction is unknown', () => {
  const codes = ['1460', '1461', '1462', '1463', '1465', '1466', '1470', '1471'];
  const csv = ['kpi,municipality_id,year,value']
    .concat(codes.flatMap((c, i) => ['U21468', 'U21447', 'X0001'].flatMap((kpi) => [2023, 2024].map((y) => `${kpi},${c},${y},${80 + i + (y - 2023) * 2}`))))
    .join('\n');
  const rowsOf = async () => {
    const { parseText } = await import('../ingest/helpers.js');
    const { defaultConfig } = await import('../../src/config/parse.js');
    const { report, rows } = analyseLazily([parseText(csv)], defaultConfig(), {});
    return { report, rows: [...rows()].filter((q) => q.period === '2024' && q.areaKind === 'municipality') };
  };
  it('get no status and no rank (a Kolada KPI with no known direction, an indicator of no catalogue)', async () => {
    const { rows } = await rowsOf();
    for (const id of ['U21447', 'X0001']) {
      const of = rows.filter((q) => q.indicator === id);
      expect(of).toHaveLength(8);
      expect(of.every((q) => q.status === null && q.rank === null)).toBe(true);
    }
  });
  it('a KPI with a known direction keeps its status and rank, and its title and unit come from Kolada\'s list', async () => {
    const { report, rows } = await rowsOf();
    const known = rows.filter((q) => q.indicator === 'U21468');
    expect(known.every((q) => q.status !== null && q.rank !== null)).toBe(true);
    expect(known.find((q) => q.area === '1471')?.rank?.position).toBe(1);
    expect(report.indicators.find((i) => i.id === 'U21447')).toMatchObject({ better: 'none', unit: '%', title: { sv: 'Brukarbedömning hemtjänst äldreomsorg - hälsotillstånd, andel (%)' } });
    expect(report.indicators.find((i) => i.id === 'X0001')).toMatchObject({ better: 'none' });
  });
});

describe('a config entry that names nothing in the inputs', () => {
  const csv = ['kpi,municipality_id,year,value', 'U21468,1460,2024,85', 'helhetssyn,1460,2024,90'].join('\n');
  const findingsOf = async (over: Record<string, unknown>) => {
    const { parseText } = await import('../ingest/helpers.js');
    const config = parseConfig(JSON.stringify(over), 'c.json');
    return analyse([parseText(csv)], config).findings.filter((f) => f.code === 'config-entry-unused').map((f) => f.message);
  };
  const entry = (id: string) => ({ id, title: { sv: 'Nöjdhet', en: 'Satisfaction' }, better: 'higher', target: 90 });
  it('is said, with the inputs\' spelling where one is the same indicator: its target was dropped without a word', async () => {
    expect(await findingsOf({ indicators: [entry('Helhetssyn'), entry('u21468'), entry('Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)'), entry('U99999')], survey: { questions: { Trygghet: { positive: ['Ja'] } } } })).toEqual([
      'indicators[0].id: "Helhetssyn" is no indicator in the inputs (the inputs have it as "helhetssyn"): its title, direction and target apply to nothing',
      'indicators[1].id: "u21468" is no indicator in the inputs (the inputs have it as "U21468"): its title, direction and target apply to nothing',
      'indicators[2].id: "Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)" is no indicator in the inputs (the inputs have it as "U21468"): its title, direction and target apply to nothing',
      'indicators[3].id: "U99999" is no indicator in the inputs: its title, direction and target apply to nothing',
      'survey.questions: "Trygghet" is no question in the inputs: its positive answers apply to nothing',
    ]);
  });
  it('entries spelled as the inputs spell them say nothing; a question is matched as answers are, case aside', async () => {
    expect(await findingsOf({ indicators: [entry('helhetssyn'), entry('U21468')], survey: { questions: { Helhetssyn: { positive: ['Ja'] } } } })).toEqual([]);
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

describe('a comparison with a whole that holds the area', () => {
  const report = (members: string[], lines: string[], column = 'Andel positiva (%)') => {
    const config = parseConfig(JSON.stringify({ organisation: { name: 'X', code: 'X' }, members: members.map((code) => ({ code })) }), 'test.json');
    const input = parseInput(Buffer.from(`År;Kommun;Verksamhet;Fråga;Antal svarande;${column}\n${lines.join('\n')}\n`), { ...ingestOptions(config, {}, {}), file: 'k.csv' });
    return analyse([input], config, { period: '2025' }).quality;
  };
  it('tests a municipality against the rest of its region: 600 of 1 000 inside 1 510 of 2 500 (SciPy: p 0.7385; as independent samples 0.8271)', () => {
    const rows = report([], ['2025;0180;Hemtjänst;helhetssyn;1000;600', '2025;01;Hemtjänst;helhetssyn;2500;1510'], 'Antal positiva');
    expect(rows.find((q) => q.area === '0180')!.reference).toMatchObject({ area: '01', differencePp: -0.4, p: 0.738454 });
  });
  it('published shares are rounded: the part at its value nearest the rest\'s range (60,0 and 60,4 to a tenth: 60,05 against at least 60,55)', () => {
    const rows = report([], ['2025;0180;Hemtjänst;helhetssyn;1000;60', '2025;01;Hemtjänst;helhetssyn;2500;60.4']);
    const low = (60.35 * 2500 - 60.05 * 1000) / 1500;
    expect(low).toBeCloseTo(60.55, 10);
    expect(rows.find((q) => q.area === '0180')!.reference!.p).toBeCloseTo(twoProportionTest(60.05, 1000, low, 1500)!.p, 6);
  });
  it('tests a member against the other members: two members\' organisation figure is the other member\'s test', () => {
    const rows = report(['1460', '1461'], ['2025;1460;Hemtjänst;helhetssyn;120;105', '2025;1461;Hemtjänst;helhetssyn;110;90'], 'Antal positiva');
    const bengtsfors = rows.find((q) => q.area === '1460')!;
    expect(bengtsfors.organisation!.area).toBe('X');
    expect(bengtsfors.organisation!.p).toBe(bengtsfors.peers[0]!.p);
    // Hand-worked: 105 of 120 against 90 of 110, pooled 195 of 230: z = 1.1984, p 0.2308.
    expect(bengtsfors.organisation!.p).toBeCloseTo(0.2308, 4);
    // Rounded shares: the figure tillit pools from them is exact given them, so the member's rest is
    // the other member's published share, rounding and all: the same test as against it.
    const rounded = report(['1460', '1461'], ['2025;1460;Hemtjänst;helhetssyn;120;87.5', '2025;1461;Hemtjänst;helhetssyn;110;82.3']).find((q) => q.area === '1460')!;
    expect(rounded.organisation!.p).toBe(rounded.peers[0]!.p);
    expect(rounded.organisation!.p).toBeCloseTo(0.26975, 5);
  });
});
