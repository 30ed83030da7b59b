import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';

const configOf = (over: Record<string, unknown> = {}) => parseConfig(JSON.stringify({
  organisation: { name: 'BM', code: 'BM', aliases: ['Gemensamt'] },
  members: [
    { code: '1460', population: { 2024: 9000, 2025: 10000 }, usage: { 'brukare äo': { 2025: 500 } } },
    // No users this year: a cost per user is no number.
    { code: '1461', population: { 2025: 8000 }, usage: { 'brukare äo': { 2025: 0 } } },
  ],
  indicators: [
    { id: 'trygghet', title: { sv: 'Trygghet', en: 'Safety' } },
    { id: 'helhetssyn', title: { sv: 'Helhetssyn', en: 'Overall' } },
  ],
  budget: { activityVolume: { Äldreomsorg: { usage: 'brukare äo', per: 'user' } } },
  ...over,
}), 'c.json');
const read = (config: ReturnType<typeof configOf>, file: string, text: string) =>
  parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'kr', sign: 'costs-positive' }, {}), file });

const survey = [
  'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)',
  // 1460 home care: helhetssyn rises five years running (a trend), trygghet is flat.
  ...[70, 75, 80, 85, 90].map((v, i) => `${2021 + i};1460 Bengtsfors;Hemtjänst;helhetssyn;100;${v}`),
  ...[80, 80, 80, 80, 80].map((v, i) => `${2021 + i};1460 Bengtsfors;Hemtjänst;trygghet;100;${v}`),
  // 1460 LSS: no budget line LSS to set it beside.
  '2025;1460 Bengtsfors;LSS;trygghet;40;75',
  '2025;1461 Mellerud;Hemtjänst;trygghet;60;50',
].join('\n');
const budget = [
  'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår',
  '2025-06;1460;Äldreomsorg;1200000;600000;630000;1260000',
  '2025-06;1461;Äldreomsorg;1000000;500000;490000;980000',
].join('\n');

describe('quality beside cost', () => {
  const config = configOf();
  const report = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', budget)], config);
  const row = (area: string, service: string) => report.qualityBesideCost.find((q) => q.area === area && q.service === service);

  it("puts a service's headline (the config's first listed with values) beside the line that pays for it (hand-worked)", () => {
    expect(row('1460', 'Hemtjänst')).toEqual({
      area: '1460', service: 'Hemtjänst', indicator: 'trygghet', headlineRule: 'first-listed', period: '2025', value: 80, suppressed: false,
      verdict: 'no-clear-trend', activity: 'Äldreomsorg',
      // (600 000 − 630 000) / 600 000 = −5 %; 630 000 / 10 000 inhabitants (2025); 1 260 000 forecast / 500 users.
      deviationPct: -5, actualPerInhabitant: 63, populationYear: '2025',
      volume: { usage: 'brukare äo', per: 'user', year: '2025', amount: 500 }, costPerVolume: 2520,
    });
  });

  it('a hidden headline stays a row, with its costs, and no number', () => {
    // Ten respondents in 1461, below the 30 a published cell needs.
    const hidden = survey.replace('2025;1461 Mellerud;Hemtjänst;trygghet;60;50', '2025;1461 Mellerud;Hemtjänst;trygghet;10;50');
    const r = analyse([read(config, 'k.csv', hidden), read(config, 'b.csv', budget)], config);
    const q = r.qualityBesideCost.find((x) => x.area === '1461' && x.service === 'Hemtjänst');
    // (500 000 − 490 000) / 500 000 = +2 %; 490 000 / 8 000.
    expect(q).toMatchObject({ indicator: 'trygghet', value: null, suppressed: true, activity: 'Äldreomsorg', deviationPct: 2, actualPerInhabitant: 61.25 });
  });

  it('the organisation pools its members: (80 + 30) / (100 + 60) positive (hand-worked)', () => {
    expect(row('BM', 'Hemtjänst')).toMatchObject({ indicator: 'trygghet', value: 68.75, suppressed: false });
  });

  it('no users (n = 0): the volume is given, no cost per user, and a finding says why', () => {
    expect(row('1461', 'Hemtjänst')).toMatchObject({ volume: { amount: 0 }, costPerVolume: null });
    expect(report.findings.filter((f) => f.code === 'beside-cost-no-volume').map((f) => f.message)).toEqual([
      expect.stringMatching(/^1461 Äldreomsorg: .*"brukare äo" above 0 for 2025/),
    ]);
  });

  it('the organisation: its members summed, population and volume alike (hand-worked)', () => {
    expect(row('BM', 'Hemtjänst')).toMatchObject({
      activity: 'Äldreomsorg',
      // (1 100 000 − 1 120 000) / 1 100 000; 1 120 000 / 18 000; (1 260 000 + 980 000) / (500 + 0).
      deviationPct: -1.8182, actualPerInhabitant: 62.22, populationYear: '2025', volume: { amount: 500 }, costPerVolume: 4480,
    });
  });

  it('a service with no matching budget line: activity null and a finding, never a silent null', () => {
    expect(row('1460', 'LSS')).toMatchObject({ indicator: 'trygghet', value: 75, activity: null, deviationPct: null, actualPerInhabitant: null, volume: null, costPerVolume: null });
    const f = report.findings.filter((x) => x.code === 'beside-cost-no-activity');
    // The organisation has no LSS figure (only one member reports it), so only 1460 is named.
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/^1460 LSS: no budget line "LSS" to set beside/)]);
    expect(f[0]!.severity).toBe('warning');
  });

  it("a line named like the service wins over the built-in match; the config's map over both", () => {
    const both = `${budget}\n2025-06;1460;Hemtjänst;400000;200000;190000;380000`;
    const r = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', both)], config);
    // (200 000 − 190 000) / 200 000 = +5 %.
    expect(r.qualityBesideCost.find((q) => q.area === '1460' && q.service === 'Hemtjänst')).toMatchObject({ activity: 'Hemtjänst', deviationPct: 5 });
    const mapped = configOf({ budget: { serviceActivity: { hemtjänst: 'Äldreomsorg' } } });
    const m = analyse([read(mapped, 'k.csv', survey), read(mapped, 'b.csv', both)], mapped);
    expect(m.qualityBesideCost.find((q) => q.area === '1460' && q.service === 'Hemtjänst')).toMatchObject({ activity: 'Äldreomsorg', deviationPct: -5 });
    // Neither: both names are tried, and the finding names both.
    const none = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', '2025-06;1460;LSS;1;1;1;1'.replace(/^/, 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår\n'))], config);
    expect(none.findings.map((f) => f.message)).toContain('1460 Hemtjänst: no budget line "Hemtjänst" or "Äldreomsorg" to set beside its quality (budget.serviceActivity in the config names the line a service is paid from)');
  });

  it('areas in report order: members as listed, the organisation last', () => {
    expect(report.qualityBesideCost.map((q) => `${q.area} ${q.service}`)).toEqual(['1460 Hemtjänst', '1460 LSS', '1461 Hemtjänst', 'BM Hemtjänst']);
  });

  it('"headline": true chooses another, and says so', () => {
    const marked = configOf({ indicators: [{ id: 'trygghet', title: { sv: 'T', en: 'T' } }, { id: 'helhetssyn', title: { sv: 'H', en: 'H' }, service: 'Hemtjänst', headline: true }] });
    const r = analyse([read(marked, 'k.csv', survey), read(marked, 'b.csv', budget)], marked);
    const q = r.qualityBesideCost.find((x) => x.area === '1460' && x.service === 'Hemtjänst')!;
    expect(q).toMatchObject({ indicator: 'helhetssyn', headlineRule: 'marked', value: 90, verdict: 'improving' });
    // Marked for home care only: LSS keeps the rule.
    expect(r.qualityBesideCost.find((x) => x.area === '1460' && x.service === 'LSS')).toMatchObject({ indicator: 'trygghet', headlineRule: 'first-listed' });
  });

  it('without a volume in the config: no volume, no cost per user, and no finding', () => {
    const plain = configOf({ budget: {} });
    const r = analyse([read(plain, 'k.csv', survey), read(plain, 'b.csv', budget)], plain);
    expect(r.qualityBesideCost.every((q) => q.volume === null && q.costPerVolume === null)).toBe(true);
    expect(r.findings.some((f) => f.code === 'beside-cost-no-volume')).toBe(false);
  });

  it('a volume but no forecast before December: no cost per user, and a finding says why', () => {
    const noForecast = ['Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack', '2025-06;1460;Äldreomsorg;1200000;600000;630000'].join('\n');
    const r = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', noForecast)], config);
    expect(r.qualityBesideCost.find((q) => q.area === '1460' && q.service === 'Hemtjänst')).toMatchObject({ volume: { amount: 500 }, costPerVolume: null, actualPerInhabitant: 63 });
    expect(r.findings.filter((f) => f.code === 'beside-cost-no-forecast').map((f) => f.message)).toEqual([
      '1460 Äldreomsorg: no full-year forecast at 2025-06 (and the year is not closed): no cost per user or hour',
      expect.stringMatching(/^BM Äldreomsorg: /),
    ]);
  });

  it('a member without the measure for the year: a finding, and null', () => {
    const missing = configOf({ members: [{ code: '1460', population: { 2025: 10000 } }, { code: '1461', population: { 2025: 8000 } }] });
    const r = analyse([read(missing, 'k.csv', survey), read(missing, 'b.csv', budget)], missing);
    expect(r.qualityBesideCost.find((q) => q.area === '1460' && q.service === 'Hemtjänst')).toMatchObject({ volume: null, costPerVolume: null, actualPerInhabitant: 63 });
    expect(r.findings.filter((f) => f.code === 'beside-cost-no-volume').map((f) => f.message.split(':')[0])).toEqual(['1460 Äldreomsorg', '1461 Äldreomsorg', 'BM Äldreomsorg']);
  });
});

describe('quality beside cost from Kolada values, which carry no service', () => {
  const kolada = [
    'kpi,municipality_id,municipality,year,gender,value,count,status',
    ...[80, 81, 82, 83, 84].map((v, i) => `U21468,1460,Bengtsfors,${2021 + i},T,${v},1,NA`),
    'U21401,1460,Bengtsfors,2025,T,66,1,NA',
    // Respondents: a count with no better direction, never a headline by rule.
    'U23592,1460,Bengtsfors,2025,T,120,1,NA',
    'U23471,1460,Bengtsfors,2024,T,77,1,NA',
  ].join('\n');
  const members = [{ code: '1460', population: { 2025: 10000 } }];

  it("the catalogue gives them a service; tillit's Kolada list orders the headline when the config lists none (hand-worked)", () => {
    const config = configOf({ members, indicators: [] });
    const r = analyse([read(config, 'k.csv', kolada), read(config, 'b.csv', budget)], config);
    expect(r.qualityBesideCost.filter((q) => q.area === '1460').map((q) => [q.service, q.indicator, q.headlineRule, q.period, q.value, q.verdict])).toEqual([
      ['Hemtjänst', 'U21468', 'tillit-catalogue', '2025', 84, 'improving'],
      // Its latest within the window, a year before the report's.
      ['Särskilt boende', 'U23471', 'tillit-catalogue', '2024', 77, 'too-few-points'],
    ]);
    // The values themselves keep no service in the quality table.
    expect(r.quality.find((q) => q.indicator === 'U21468')!.service).toBe('');
  });

  it("a config entry's service places a KPI tillit does not place, and the config's list comes first", () => {
    // U21401 (staff a home-care user meets in 14 days) is better lower; tillit does not know it, the entry says so.
    const config = configOf({ members, indicators: [{ id: 'U21401', title: { sv: 'Hemtjänst, tid', en: 'Home care, time' }, better: 'lower', service: 'Hemtjänst' }] });
    const r = analyse([read(config, 'k.csv', kolada), read(config, 'b.csv', budget)], config);
    expect(r.qualityBesideCost.find((q) => q.service === 'Hemtjänst')).toMatchObject({ indicator: 'U21401', headlineRule: 'first-listed', value: 66, deviationPct: -5 });
  });

  it('an entry that states no direction for a KPI tillit knows none for gives it none: it heads nothing by rule', () => {
    const config = configOf({ members, indicators: [{ id: 'U21401', title: { sv: 'Hemtjänst, tid', en: 'Home care, time' }, service: 'Hemtjänst' }] });
    const r = analyse([read(config, 'k.csv', kolada), read(config, 'b.csv', budget)], config);
    expect(r.indicators.find((i) => i.id === 'U21401')).toMatchObject({ better: 'none', unit: 'number' });
    expect(r.qualityBesideCost.find((q) => q.service === 'Hemtjänst')).toMatchObject({ indicator: 'U21468', headlineRule: 'tillit-catalogue' });
  });
});

describe('config: "headline"', () => {
  it('refuses two indicators marked for one service, naming both', () => {
    expect(() => configOf({ indicators: [
      { id: 'a', title: { sv: 'A', en: 'A' }, service: 'Hemtjänst', headline: true },
      { id: 'b', title: { sv: 'B', en: 'B' }, service: 'hemtjänst', headline: true },
    ] })).toThrow('indicators[1].headline: indicators[0] (a) already heads "hemtjänst"; mark one indicator per service');
  });
});

describe('quality beside cost: a population of another year than the budget year', () => {
  it('per inhabitant by the latest year before it, and said: the member lacking it, and the organisation summed at that year', () => {
    const config = configOf({ members: [
      { code: '1460', population: { 2024: 9000, 2025: 10000 }, usage: { 'brukare äo': { 2025: 500 } } },
      { code: '1461', population: { 2024: 8000 }, usage: { 'brukare äo': { 2025: 400 } } },
    ] });
    const both = [survey, '2025;1461 Mellerud;Hemtjänst;helhetssyn;60;50'].join('\n');
    const report = analyse([read(config, 'k.csv', both), read(config, 'b.csv', budget)], config);
    const rows = report.qualityBesideCost.filter((q) => q.service === 'Hemtjänst').map((q) => [q.area, q.populationYear, q.actualPerInhabitant]);
    // 630 000 / 10 000 (2025); 490 000 / 8 000 (2024); (630 000 + 490 000) / (9 000 + 8 000) (2024, the year both have).
    expect(rows).toEqual([['1460', '2025', 63], ['1461', '2024', 61.25], ['BM', '2024', 65.88]]);
    expect(report.findings.filter((f) => f.code === 'beside-cost-population-year').map((f) => [f.severity, f.message])).toEqual([
      ['warning', "1461 has no population for 2025 (the budget year) in the config: costs per inhabitant are divided by the population of 2024, the latest year up to it (give 2025's population to use it)"],
      ['warning', "BM: 1461 has no population for 2025 (the budget year) in the config: costs per inhabitant are divided by the population of 2024, the latest year up to it all members have (give 2025's population to use it)"],
    ]);
  });
});

describe('quality beside cost: config keys that name nothing', () => {
  it('a volume for a line no budget has, a line for a service no survey has: said, not ignored', () => {
    const config = configOf({ budget: {
      activityVolume: { Äldreomsorgen: { usage: 'brukare äo', per: 'user' } },
      serviceActivity: { Hemtjänsten: 'Äldreomsorg', Hemtjänst: 'Äldreomsorg' },
    } });
    const report = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', budget)], config);
    expect(report.findings.filter((f) => f.code === 'config-entry-unused').map((f) => f.message)).toEqual([
      'budget.activityVolume: "Äldreomsorgen" is no budget line in the inputs ("Äldreomsorg"): no cost per user or hour is worked out by it',
      'budget.serviceActivity: "Hemtjänsten" is no service with quality figures in the inputs: the line it names is set beside nothing',
    ]);
    // Without it the cost per user was left out without a word.
    expect(report.qualityBesideCost.find((q) => q.area === '1460' && q.service === 'Hemtjänst')?.costPerVolume).toBeNull();
  });
});

describe("quality beside cost: the organisation's line that only some members have", () => {
  it('is per user of the members it covers, as it is per inhabitant of them (hand-worked)', () => {
    const config = configOf({ members: [
      { code: '1460', population: { 2025: 10000 }, usage: { 'brukare äo': { 2025: 500 } } },
      { code: '1461', population: { 2025: 8000 }, usage: { 'brukare äo': { 2025: 400 } } },
    ] });
    // 1461 books its elderly care under another name: the organisation's Äldreomsorg is 1460's alone.
    const own = budget.replace('2025-06;1461;Äldreomsorg;', '2025-06;1461;Äldreomsorg Mellerud;');
    const report = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', own)], config);
    const org = report.qualityBesideCost.find((q) => q.area === 'BM' && q.service === 'Hemtjänst')!;
    // 630 000 / 10 000 inhabitants of 1460; 1 260 000 forecast / 500 users of 1460 (not / 900 of both: 1 400).
    expect([org.actualPerInhabitant, org.volume?.amount, org.costPerVolume]).toEqual([63, 500, 2520]);
  });
});

describe('quality beside cost: a population of 0', () => {
  it('is no figure: the latest year with one is used and said, never a division by a sum with 0 in it (hand-worked)', () => {
    const config = configOf({ members: [
      { code: '1460', population: { 2025: 10000 }, usage: { 'brukare äo': { 2025: 500 } } },
      { code: '1461', population: { 2024: 8000, 2025: 0 }, usage: { 'brukare äo': { 2025: 400 } } },
    ] });
    const both = [survey, '2025;1461 Mellerud;Hemtjänst;helhetssyn;60;50'].join('\n');
    const report = analyse([read(config, 'k.csv', both), read(config, 'b.csv', budget)], config);
    const rows = report.qualityBesideCost.filter((q) => q.service === 'Hemtjänst').map((q) => [q.area, q.populationYear, q.actualPerInhabitant]);
    // 490 000 / 8 000 (2024); the organisation has no year both members have (1461's 2025 is 0): none,
    // where it was (630 000 + 490 000) / (10 000 + 0) = 112, twice its cost per inhabitant.
    expect(rows).toEqual([['1460', '2025', 63], ['1461', '2024', 61.25], ['BM', null, null]]);
  });
});

describe('quality beside cost: a service an area has figures for, but none for its headline', () => {
  // helhetssyn listed first heads home care; 1461 has trygghet only, so the organisation (pooled where every member has the cell) has no helhetssyn either.
  const config = configOf({ indicators: [{ id: 'helhetssyn', title: { sv: 'Helhetssyn', en: 'Overall' } }, { id: 'trygghet', title: { sv: 'Trygghet', en: 'Safety' } }] });
  it('has no row, is named in qualityBesideCostLeftOut, and a warning says which and why', () => {
    const report = analyse([read(config, 'k.csv', survey), read(config, 'b.csv', budget)], config);
    expect(report.qualityBesideCost.filter((q) => q.service === 'Hemtjänst').map((q) => [q.area, q.indicator, q.value])).toEqual([['1460', 'helhetssyn', 90]]);
    expect(report.qualityBesideCostLeftOut).toEqual([
      { area: '1461', service: 'Hemtjänst', indicator: 'helhetssyn' },
      { area: 'BM', service: 'Hemtjänst', indicator: 'helhetssyn' },
    ]);
    expect(report.findings.filter((f) => f.code === 'beside-cost-no-headline').map((f) => [f.severity, f.message])).toEqual([
      ['warning', '1461 Hemtjänst: its headline indicator helhetssyn has no figure for 1461 from 2023 to 2025 (other indicators of the service have): the service is left out of quality beside cost for 1461'],
      ['warning', 'BM Hemtjänst: its headline indicator helhetssyn has no figure for BM from 2023 to 2025 (other indicators of the service have): the service is left out of quality beside cost for BM'],
    ]);
  });
  it('without budget figures there is no section to leave it out of: nothing named, nothing said', () => {
    const report = analyse([read(config, 'k.csv', survey)], config);
    expect(report.qualityBesideCostLeftOut).toBeUndefined();
    expect(report.findings.some((f) => f.code === 'beside-cost-no-headline')).toBe(false);
  });
  it('every area with the headline: the field is absent (reports without the shape are unchanged)', () => {
    const report = analyse([read(configOf(), 'k.csv', survey), read(configOf(), 'b.csv', budget)], configOf());
    expect('qualityBesideCostLeftOut' in report).toBe(false);
  });
});

