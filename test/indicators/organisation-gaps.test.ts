import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';

const config = parseConfig(JSON.stringify({
  organisation: { name: 'BM', code: 'BM' },
  members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }],
}), 'test.json');
const read = (text: string) => parseInput(Buffer.from(`År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n${text}`), { ...ingestOptions(config, {}, {}), file: 'k.csv' });
const rows = (years: readonly number[], code: string, questions = ['helhetssyn']) =>
  years.flatMap((y) => questions.map((q) => `${y};${code};Hemtjänst;${q};100;${80 + (y % 5)}`)).join('\n');
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const gaps = (report: ReturnType<typeof analyse>) => report.findings.filter((f) => f.code === 'organisation-member-gap');

describe('the organisation where a member lacks cells another has', () => {
  it("says which member lacks which years and questions: the organisation's series then starts late", () => {
    // Bengtsfors 2016–2025, Mellerud 2022–2025 only (its early years deleted): BM pools 2022–2025.
    const report = analyse([read(`${rows(years(2016, 2025), '1460', ['helhetssyn', 'trygghet'])}\n${rows(years(2022, 2025), '1461', ['helhetssyn', 'trygghet'])}\n`)], config);
    const bm = report.quality.filter((q) => q.area === 'BM' && q.indicator === 'helhetssyn').map((q) => q.period);
    expect(bm).toEqual(['2022', '2023', '2024', '2025']);
    expect(gaps(report)).toEqual([expect.objectContaining({
      severity: 'warning',
      file: '(config)',
      message: "1461 Mellerud has no figure with a number of respondents for helhetssyn, trygghet (Hemtjänst) in 2016–2021, where other members have one: BM's survey figures pool every member's, so it has none there (12 cell(s)), and its series and trends cover only the periods all members give",
    })]);
  });
  it('a year missing inside a member\'s own series is an info: the organisation\'s series shows the gap', () => {
    const report = analyse([read(`${rows(years(2020, 2025), '1460')}\n${rows([2020, 2021, 2023, 2024, 2025], '1461')}\n`)], config);
    expect(gaps(report).map((f) => [f.severity, f.message.match(/in ([\d–, ]+),/)![1]])).toEqual([['info', '2022']]);
    // A gap at the start and one inside: a warning for the first, an info for the second.
    const both = analyse([read(`${rows(years(2020, 2025), '1460')}\n${rows([2021, 2023, 2024, 2025], '1461')}\n`)], config);
    expect(gaps(both).map((f) => [f.severity, f.message.match(/in ([\d–, ]+),/)![1]])).toEqual([['warning', '2020'], ['info', '2022']]);
  });
  it('names a member whose figure has no n, and each member lacking cells, once', () => {
    const report = analyse([read(`${rows([2024, 2025], '1460')}\n2024;1461;Hemtjänst;helhetssyn;;85\n2025;1461;Hemtjänst;helhetssyn;90;85\n2023;1461;Hemtjänst;helhetssyn;90;85\n`)], config);
    expect(gaps(report).map((f) => f.message.split(' has no')[0] + ' ' + f.message.match(/in ([\d–, ]+),/)![1])).toEqual(['1460 Bengtsfors 2023', '1461 Mellerud 2024']);
  });
  it('says nothing where every member has every cell, or the organisation publishes its own figure', () => {
    expect(gaps(analyse([read(`${rows([2024, 2025], '1460')}\n${rows([2024, 2025], '1461')}\n`)], config))).toEqual([]);
    const own = analyse([read(`${rows([2024, 2025], '1460')}\n${rows([2025], '1461')}\n2024;BM;Hemtjänst;helhetssyn;150;81\n`)], config);
    expect(gaps(own)).toEqual([]);
    expect(own.quality.filter((q) => q.area === 'BM' && q.gender === 'T').map((q) => q.period)).toEqual(['2024', '2025']);
  });
  it('a member with no figures at all is said by member-no-data only', () => {
    const report = analyse([read(`${rows([2024, 2025], '1460')}\n`)], config);
    expect(report.findings.map((f) => f.code)).toContain('member-no-data');
    expect(gaps(report)).toEqual([]);
  });
});

describe('members inside another member (Helsingborg and Landskrona inside Region Skåne)', () => {
  const skane = parseConfig(JSON.stringify({
    organisation: { name: 'Skåne', code: 'SK' },
    members: [{ code: '12', name: 'Region Skåne' }, { code: '1283', name: 'Helsingborg' }, { code: '1282', name: 'Landskrona' }],
    allocation: { method: 'population', overlap: 'as-given' },
  }), 'test.json');
  const survey = (text: string) => parseInput(Buffer.from(`År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n${text}`), { ...ingestOptions(skane, {}, {}), file: 'k.csv' });
  it("the organisation's figure counts their respondents once, through the region, and says so", () => {
    const report = analyse([survey('2025;12;Hemtjänst;helhetssyn;500;80\n2025;1283;Hemtjänst;helhetssyn;120;75\n2025;1282;Hemtjänst;helhetssyn;60;70\n')], skane);
    expect(report.quality.filter((q) => q.area === 'SK').map((q) => [q.n, q.value])).toEqual([[500, 80]]);
    expect(report.findings.filter((f) => f.code === 'organisation-pool-overlap').map((f) => `${f.severity} ${f.message}`)).toEqual([
      "warning SK's survey figures pool member 12 with the members inside it (1283, 1282) counted once: their respondents are already in 12's figures, so the organisation's n is 12's, not the sum of every member's",
    ]);
    // A member inside another lacking a cell takes nothing from the organisation's figure.
    const without = analyse([survey('2025;12;Hemtjänst;helhetssyn;500;80\n2025;1283;Hemtjänst;helhetssyn;120;75\n')], skane);
    expect(without.quality.filter((q) => q.area === 'SK').map((q) => q.n)).toEqual([500]);
    expect(without.findings.filter((f) => f.code === 'organisation-member-gap')).toEqual([]);
    expect(without.findings.filter((f) => f.code === 'member-no-data').map((f) => f.message)).toEqual([
      "member 1282 Landskrona has no figures in the inputs: no section of its own, and the organisation's survey figures count its respondents through 12, which holds it",
    ]);
  });
  it('members apart from one another say nothing of it, and are all pooled', () => {
    const report = analyse([read(`${rows([2025], '1460')}\n${rows([2025], '1461')}\n`)], config);
    expect(report.findings.filter((f) => f.code === 'organisation-pool-overlap')).toEqual([]);
    expect(report.quality.filter((q) => q.area === 'BM').map((q) => q.n)).toEqual([200]);
  });
});
