import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumKind } from '../../src/ingest/budget-rows.js';
import { defaultConfig } from '../../src/config/parse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import type { InputSpec } from '../../src/config/schema.js';
import { answerRecordSchema, type SurveyRecord } from '../../src/model/records.js';
import { answerRecords, budgetRecords, codes, parseText } from './helpers.js';

const survey = (rows: string[]) => `År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n${rows.join('\n')}\n`;

describe('survey rows', () => {
  it('reads a clean aggregated file with codes, names and decimal commas', () => {
    const r = parseText(survey(['2024;1460 Bengtsfors;Hemtjänst;helhetssyn;112;87,5', '2024;Melleruds kommun;Hemtjänst;helhetssyn;98;91,0']));
    expect(r.kind).toBe('survey');
    expect(r.counts).toEqual({ read: 2, used: 2, rejected: 0, ignored: 0 });
    expect((r.records[1] as SurveyRecord)).toMatchObject({ area: { code: '1461' }, period: '2024', n: 98, share: 91, gender: 'T', source: { line: 3 } });
  });
  it('sets aside a source or a note under the table (one cell, "Källa: …", "Anm. …"); any other one-cell row is still rejected', () => {
    const r = parseText(survey(['2024;1460;Hemtjänst;helhetssyn;112;87,5', '', 'Källa: Socialstyrelsen, 2025', 'Anm. .. = uppgift saknas', 'Not: preliminärt;;;;;', 'Hemtjänst saknas', 'Källa: SCB;1460;;;;']));
    expect(codes(r, 'info')).toEqual(['footnote@4:-', 'footnote@5:-', 'footnote@6:-']);
    // A one-cell row that is no note, and a note with more in its row, are still rejected.
    expect(codes(r).map((c) => c.split('@')[1]!.split(':')[0])).toEqual(['7', '8']);
    expect(r.counts).toEqual({ read: 6, used: 1, rejected: 2, ignored: 3 });
  });
  it('holds a Kolada user-survey share to 0-100 in a long or a wide file, with its line and column', () => {
    const long = parseText('kpi;municipality_id;year;value\nU21468;1460;2024;104,5\nU21468;1460;2023;88\nN03103;1460;2024;143\n');
    expect(codes(long)).toEqual(['value-out-of-range@2:4']);
    expect(long.counts).toMatchObject({ used: 2, rejected: 1 });
    const wide = parseText('"Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)"\n\n"region","2023","2024"\n"1460 Bengtsfors",88,101\n', { indicator: 'U21468' });
    expect(codes(wide)).toEqual(['value-out-of-range@4:3']);
  });
  it('sets aside a row with neither a share nor a positive count (a gap), saying so; a lone "-" is zero', () => {
    const r = parseText(survey(['2024;1460;Hemtjänst;helhetssyn;112;87,5', '2024;1460;Hemtjänst;trygghet;51;..', '2024;1460;Hemtjänst;maten;42;', '2024;1460;Hemtjänst;bemotande;54;-']));
    expect(r.counts).toEqual({ read: 4, used: 2, rejected: 0, ignored: 2 });
    expect(codes(r, 'info')).toEqual(['value-missing@3:6', 'value-missing@4:6']);
    expect(r.records.map((x) => (x as SurveyRecord).share)).toEqual([87.5, 0]);
    // Said, never silent: a dash may mean missing in another source.
    expect(codes(r, 'warning')).toEqual(['dash-zero@5:6']);
    expect(r.findings.find((f) => f.code === 'dash-zero')!.message).toBe('1 cell(s) holding a lone "-" read as 0, Statistics Sweden\'s "nothing to report" (this is the first); if "-" means missing here, set "dash": "missing" for this file');
  });
  it('a comma read as grouped thousands in a file of decimal points is said once, with a count (a new analyst\'s case)', () => {
    const r = parseText('"kpi","municipality_id","municipality","period","gender","value"\n"N00097","1266","Hörby","2024","T","1,234"\n"N00097","1267","Höör","2024","T","12.5"\n"N00097","1260","Bjuv","2024","T","2,345.5"\n');
    expect(r.records.map((x) => (x as { value: number }).value)).toEqual([1234, 12.5, 2345.5]);
    expect(codes(r, 'warning')).toEqual(['comma-grouped@2:6']);
    expect(r.findings.find((f) => f.code === 'comma-grouped')!.message.startsWith('2 number(s) with a comma')).toBe(true);
    const budget = parseText('Period,Kommun,Verksamhet,Budget helår,Utfall ack\n2025-08,1266,Äldreomsorg,"182,000.5",121000.25\n', { unit: 'tkr' });
    expect(codes(budget, 'warning')).toContain('comma-grouped@2:4');
  });
  it('a unit set for the file that a header contradicts is kept and said', () => {
    const r = parseText('Verksamhet;Budget helår (kr);Utfall ack\nÄldreomsorg;182000000;121000000\n', { unit: 'tkr', municipality: '1266', period: '2025-08' });
    expect(codes(r, 'warning')).toContain('unit-header-differs@1:-');
    expect(budgetRecords(r)[0]!.budgetYear).toBe(182_000_000_000);
    expect(codes(parseText('Verksamhet;Budget helår (tkr);Utfall ack\nÄldreomsorg;182000;121000\n', { unit: 'tkr', municipality: '1266', period: '2025-08' }), 'warning')).not.toContain('unit-header-differs@1:-');
  });
  it('the report\'s --period dates only a file that names no period itself: not one its title or its columns date (a new analyst\'s case)', () => {
    const read = (text: string, spec: Partial<InputSpec>) => parseInput(new TextEncoder().encode(text), { ...ingestOptions(defaultConfig(), { unit: 'mnkr', ...spec }, { fallbackPeriod: '2025-06' }), file: 'in.csv' });
    const titled = read('Hörby kommun;;;\nUppföljning jan-aug 2025;;;\nVerksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\nÄldreomsorg;180;120;125\n', {});
    expect(codes(titled)).toEqual([]);
    expect(budgetRecords(titled).map((r) => r.period)).toEqual(['2025-08']);
    // Columns name the months and no year is written: the report's year.
    const byColumns = read('Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\nÄldreomsorg;180;120;125\n', { municipality: '1266' });
    expect(budgetRecords(byColumns).map((r) => r.period)).toEqual(['2025-08']);
    // Nothing dates it: the report's month, said on stderr.
    const undated = read('Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;180;120;125\n', { municipality: '1266' });
    expect(budgetRecords(undated).map((r) => r.period)).toEqual(['2025-06']);
    expect(codes(undated, 'warning')).toContain('period-from-report@1:-');
    // A period set for the file wins, with nothing said.
    const set = read('Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;180;120;125\n', { municipality: '1266', period: '2025-04' });
    expect([budgetRecords(set).map((r) => r.period), codes(set, 'warning')]).toEqual([['2025-04'], []]);
  });
  it('lone dashes read as zero are counted once per file, in a budget file\'s quick path too; none with "dash": "missing"', () => {
    const lines = ['Period;Kommun;Verksamhet;Budget helår;Utfall ack'];
    for (let m = 1; m <= 12; m++) for (let a = 0; a < 200; a++) lines.push(`2025-${String(m).padStart(2, '0')};1460;Verksamhet ${a};${a === 7 ? '−' : '1000'};${a % 50 === 3 ? '-' : 500 * m}`);
    const r = parseText(lines.join('\n'), { unit: 'tkr' });
    const dash = r.findings.filter((f) => f.code === 'dash-zero');
    expect(dash.map((f) => `${f.line}:${f.column} ${f.message.split(' ')[0]}`)).toEqual(['5:5 60']);
    expect(budgetRecords(r).filter((x) => x.budgetYear === 0)).toHaveLength(12);
    const missing = parseText(lines.join('\n'), { unit: 'tkr', dash: 'missing' });
    expect(missing.findings.some((f) => f.code === 'dash-zero')).toBe(false);
  });
  it('sets aside a figure of no respondents (n 0, or "-" read as 0): hidden, it would claim at least one (a new analyst\'s case)', () => {
    const r = parseText(survey(['2024;1266;Korttidsboende;bemotande;-;-', '2024;1266;Hemtjänst;bemotande;0;0', '2024;1266;Särskilt boende;bemotande;45;80']));
    expect(codes(r, 'info')).toEqual(['n-zero@2:5', 'n-zero@3:5']);
    expect(r.counts).toEqual({ read: 3, used: 1, rejected: 0, ignored: 2 });
    expect(r.records.map((x) => x.service)).toEqual(['Särskilt boende']);
  });
  it('sets aside a share whose n is blank or ".." (a publisher\'s small group), said as a warning with its line and column', () => {
    const r = parseText(survey(['2025;1460;Hemtjänst;helhetssyn;104;86', '2025;1461;Hemtjänst;helhetssyn;;80', '2025;1438;Hemtjänst;helhetssyn;..;75']));
    expect(codes(r, 'warning')).toEqual(['n-missing@3:5', 'n-missing@4:5']);
    expect(r.counts).toEqual({ read: 3, used: 1, rejected: 0, ignored: 2 });
    expect(r.records.map((x) => x.area.code)).toEqual(['1460']);
    // Riket's figure, often published without an n, is no small group: kept. A region's may hold one
    // municipality (Region Gotland): less its municipalities it gives the hidden ones, so it is set aside.
    const wide = parseText(survey(['2025;1460;Hemtjänst;helhetssyn;83;80,7', '2025;Riket;Hemtjänst;helhetssyn;;84,0', '2025;09 Gotlands län;Hemtjänst;helhetssyn;..;85']));
    expect([codes(wide, 'warning'), wide.records.map((x) => `${x.area.code} ${(x as SurveyRecord).n}`)]).toEqual([['n-missing@4:5'], ['1460 83', '0000 null']]);
    // A value with an n column is held to the same rule.
    const v = parseText('Kommun;År;Nyckeltal;Värde;Antal\n1460;2024;Väntetid, antal dagar;60;\n1461;2024;Väntetid, antal dagar;45;120\n');
    expect([v.kind, codes(v, 'warning'), v.records.length]).toEqual(['values', ['n-missing@2:5'], 1]);
  });
  it('an rKolada extract\'s kpi column holding Kolada\'s titles reads each as its KPI, said once per title', () => {
    const title = 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)';
    const r = parseText(`"kpi","municipality_id","year","value"\n"${title}","1460",2021,88\n"${title}","1460",2022,84\n"Eget mått","1460",2022,5\n`);
    expect(r.records.map((x) => `${x.indicator} ${x.kind === 'values' ? x.title : ''}`)).toEqual([`U21468 ${title}`, `U21468 ${title}`, 'Eget mått undefined']);
    expect(codes(r, 'info')).toEqual(['indicator-from-title@2:1']);
  });
  it('a value beside its n is a value with respondents, not a share missing; a share column (`Andel`) says per cent', () => {
    const v = parseText('Kommun;År;Nyckeltal;Värde;Antal svarande\n1460;2024;Väntetid, antal dagar;60;120\n');
    expect(v.kind).toBe('values');
    expect(v.records[0]).toMatchObject({ kind: 'values', value: 60, n: 120 });
    expect(v.records[0]).not.toHaveProperty('unit');
    const share = parseText('Kommun;År;Indikator;Andel\n1460;2024;Lågt socialt deltagande;22,8\n1461;2024;Lågt socialt deltagande;140\n');
    expect(share.records[0]).toMatchObject({ kind: 'values', value: 22.8, unit: '%' });
    // A share column holds per cent: 140 is no share.
    expect(codes(share)).toEqual(['value-out-of-range@3:4']);
    // Fractions in a share column of a values file are named as a survey's are.
    const fractions = parseText('Kommun;År;Indikator;Andel\n1460;2024;Nöjda med maten;0,85\n1460;2025;Nöjda med maten;0,80\n');
    expect(codes(fractions, 'warning')).toEqual(['share-fraction@2:4']);
  });
  it('names an area whose shares are all fractions (0,875 for 87,5 %), changing nothing', () => {
    const r = parseText(survey([
      '2024;1460;Hemtjänst;helhetssyn;112;0,875', '2024;1460;Hemtjänst;trygghet;112;1', '2024;1460;Hemtjänst;maten;112;0',
      '2024;1461;Hemtjänst;helhetssyn;98;91,0', '2024;1461;Hemtjänst;trygghet;98;0,5',
      // Shares of 0 and 1 alone say nothing.
      '2024;1462;Hemtjänst;helhetssyn;98;1', '2024;1462;Hemtjänst;trygghet;98;0',
    ]));
    // 1461's 0,5 beside its 91,0 is no whole number of its 98 respondents (0,49 of one) read as per cent.
    expect(codes(r, 'warning')).toEqual(['share-fraction@2:6', 'share-fraction-count@6:6']);
    expect(r.findings.find((f) => f.code === 'share-fraction')!.message).toContain('every share of 1460 is at most 1: read as per cent');
    expect((r.records[0] as SurveyRecord).share).toBe(0.875);
  });
  it('reads English headings as an exported survey names them', () => {
    const r = parseText('Year;Municipality;Service;Question;Respondents;Share positive (%)\n2016;1460 Bengtsfors;Hemtjänst;helhetssyn;120;87,5\n');
    expect(r.kind).toBe('survey');
    expect((r.records[0] as SurveyRecord)).toMatchObject({ area: { code: '1460' }, period: '2016', n: 120, share: 87.5 });
  });
  it('reads every gender of values with a respondent count whatever --gender asks (suppression must see them all)', () => {
    const text = 'kpi;municipality_id;year;gender;value;n\nU21468;1460;2025;T;80;40\nU21468;1460;2025;K;85,7;35\nU21468;1460;2025;M;40;5\n';
    const values = (t: string) => parseInput(new TextEncoder().encode(t), { ...ingestOptions(defaultConfig(), { kind: 'values' }, { gender: 'K' }), file: 'in.csv' });
    const r = values(text);
    expect(r.records.map((x) => x.gender)).toEqual(['T', 'K', 'M']);
    expect(codes(r, 'warning')).toEqual(['gender-not-applied@1:-']);
    // Without a count the filter holds.
    const plain = values(text.replace(';n\n', '\n').replace(/;(40|35|5)\n/g, '\n'));
    expect(plain.records.map((x) => x.gender)).toEqual(['K']);
  });
  it('rejects impossible values with line and column', () => {
    const r = parseText(survey([
      '2024;1460;Hemtjänst;helhetssyn;112;104,5',
      '2024;1460;Hemtjänst;trygghet;-3;80',
      '2024;9999;Hemtjänst;helhetssyn;50;80',
      '2024-13;1460;Hemtjänst;bemotande;50;80',
      '2024;1460;Hemtjänst;inflytande;12,5;80',
      '2024;1460 Mellerud;Hemtjänst;helhetssyn;50;80',
      '2024;1460;Hemtjänst;maten;50;8x',
    ]));
    expect(codes(r)).toEqual([
      'value-out-of-range@2:6', 'value-out-of-range@3:5', 'area-unknown@4:2', 'period-invalid@5:1',
      'value-out-of-range@6:5', 'area-mismatch@7:2', 'value-number-invalid@8:6',
    ]);
    expect(r.counts).toEqual({ read: 7, used: 0, rejected: 7, ignored: 0 });
    expect(r.findings.find((f) => f.line === 2)!.received).toBe('104,5');
  });
  it('treats a repeated key with another value as a conflict and an identical repeat as a duplicate', () => {
    const r = parseText(survey(['2024;1460;Hemtjänst;helhetssyn;112;87,5', '2024;1460;Hemtjänst;helhetssyn;112;87,5', '2024;Bengtsfors;Hemtjänst;helhetssyn;112;88,0']));
    expect(codes(r)).toEqual(['duplicate-conflict@4:-']);
    expect(codes(r, 'warning')).toEqual(['duplicate-row@3:-']);
    // Two shares for one cell: neither is read; the first row is ignored with a finding naming the other.
    expect(codes(r, 'info')).toEqual(['duplicate-conflict-first@2:-']);
    expect(r.records).toEqual([]);
    expect(r.counts).toEqual({ read: 3, used: 0, rejected: 1, ignored: 2 });
  });
  it('repairs 680 to 0680 with a warning, and reads positive counts', () => {
    const r = parseText('Kommun;År;Fråga;Verksamhet;Antal svarande;Antal positiva\n680;2024;helhetssyn;Hemtjänst;80;70\n680;2024;trygghet;Hemtjänst;80;90\n');
    expect((r.records[0] as SurveyRecord)).toMatchObject({ area: { code: '0680' }, share: 87.5 });
    expect(codes(r, 'warning')).toContain('area-code-repaired@2:1');
    expect(codes(r)).toEqual(['value-out-of-range@3:6']);
  });
  it('fails a file whose headers match nothing, naming what it found', () => {
    const r = parseText('foo;bar\n1;2\n');
    expect(codes(r)).toEqual(['header-unrecognised@1:-']);
    // What was found, what is missing, and how to supply it.
    expect(r.findings[0]!.message).toContain('Roles found: none');
    expect(r.findings[0]!.message).toContain('Missing: value (a column named varde/value/');
    expect(r.findings[0]!.message).toContain('Columns: foo, bar');
    expect(r.counts.rejected).toBe(1);
  });
  it('flags a header repeated mid-file and a short row', () => {
    const r = parseText(survey(['2024;1460;Hemtjänst;helhetssyn;112;87,5', 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)', '2024;1460;Hemtjänst']));
    expect(codes(r)).toEqual(['row-repeated-header@3:-', 'row-column-count@4:-']);
  });
});

describe('answers rows', () => {
  const head = 'Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön\n';
  it('a rejected answer whose cell is known leaves that cell marked (rejected), so its share is not published', () => {
    const r = parseText(`${head}1;1460;2025;H;q;Ja;Kvinna\n2;1460;2025;H;q;Kanske;Kvinna\n3;1460;2025;H;q;Jo;X\n4;9999;2025;H;q;Jo;Man\n5;1460;2025;H;q;Ibland;Man\n`);
    const groups = answerRecords(r).map((x) => `${x.area.code}:${x.gender}:${x.positive}/${x.other}/${x.excluded}/${x.rejected ?? 0}@${x.source.line}`);
    // Line 3's gender is unreadable too: its answer counts against the total; line 4's municipality is unknown: no cell.
    expect(groups).toEqual(['1460:K:1/0/0/1@2', '1460:T:0/0/0/1@4', '1460:M:0/1/0/0@6']);
    expect(r.counts).toEqual({ read: 5, used: 2, rejected: 3, ignored: 0 });
  });
  it('classifies answers, counts them per group and rejects labels on no known scale', () => {
    const r = parseText(`${head}1;1460;2025;Hemtjänst;helhetssyn;Mycket nöjd;Kvinna\n2;1460;2025;Hemtjänst;helhetssyn;Vet ej/Ingen åsikt;Man\n3;1460;2025;Hemtjänst;helhetssyn;Kanske;Man\n4;1460;2025;Hemtjänst;helhetssyn;;Man\n5;1460;2025;Hemtjänst;helhetssyn;Ganska missnöjd;Kvinna\n`);
    expect(answerRecords(r).map((x) => `${x.gender}:${x.positive}/${x.other}/${x.excluded}@${x.source.line}`)).toEqual(['K:1/1/0@2', 'M:0/0/2@3']);
    expect(codes(r)).toEqual(['answer-unknown@4:6']);
    expect(r.counts).toEqual({ read: 5, used: 4, rejected: 1, ignored: 0 });
  });
  it('rejects a month where a survey year belongs, naming line and column (it crashed the run)', () => {
    const r = parseText(`${head}1;1460;2025-03;Hemtjänst;helhetssyn;Mycket nöjd;Kvinna\n2;1460;2025;Hemtjänst;helhetssyn;Mycket nöjd;Kvinna\n`);
    expect(codes(r)).toEqual(['period-not-year@2:3']);
    expect(r.findings[0]!.received).toBe('2025-03');
    expect(r.records).toEqual([]);
    expect(answerRecords(r)).toMatchObject([{ kind: 'answers', period: '2025', positive: 1, source: { line: 3 } }]);
    expect(r.counts).toEqual({ read: 2, used: 1, rejected: 1, ignored: 0 });
    const aggregated = parseText(survey(['mars 2025;1460;Hemtjänst;helhetssyn;112;87,5']));
    expect(codes(aggregated)).toEqual(['period-not-year@2:1']);
  });
  it('pooled years (2015-2018, 2019/20) are survey periods as in a values file: read, said once (period-pooled)', () => {
    const aggregated = parseText(survey(['2015-2018;2080 Falun;;Gott allmänt hälsotillstånd;812;71,2', '2016-2019;2080 Falun;;Gott allmänt hälsotillstånd;830;72']));
    expect(codes(aggregated)).toEqual([]);
    expect(codes(aggregated, 'info')).toEqual(['period-pooled@1:-']);
    expect(aggregated.records.map((x) => [x.period, x.kind === 'survey' ? x.n : null, x.kind === 'survey' ? x.share : null])).toEqual([['2015-2018', 812, 71.2], ['2016-2019', 830, 72]]);
    // Respondents' answers in a school year: the quick path takes the first row, the general one the unreadable gender's.
    const answers = parseText(`${head}1;1460;2019/20;Hemtjänst;helhetssyn;Mycket nöjd;Kvinna\n2;1460;2019/20;Hemtjänst;helhetssyn;Ja;?\n3;1460;2019/20;Hemtjänst;helhetssyn;Nej;Man\n`);
    expect(codes(answers)).toEqual(['gender-invalid@3:7']);
    expect(codes(answers, 'info')).toEqual(['period-pooled@1:-']);
    expect(answerRecords(answers).map((x) => `${x.period}:${x.gender}:${x.positive}/${x.other}/${x.rejected ?? 0}`)).toEqual(['2019/20:K:1/0/0', '2019/20:T:0/0/1', '2019/20:M:0/1/0']);
  });
  it('a respondent of neither or no stated gender ("Annat", "Vill ej uppge") counts in the total only, said once; a published figure for them is set aside', () => {
    const r = parseText(`${head}1;1460;2025;Hemtjänst;helhetssyn;Ja;Kvinna\n2;1460;2025;Hemtjänst;helhetssyn;Ja;Annat\n3;1460;2025;Hemtjänst;helhetssyn;Nej;Vill ej uppge\n4;1460;2025;Hemtjänst;helhetssyn;Kanske;Annat\n`);
    expect(codes(r)).toEqual(['answer-unknown@5:6']);
    expect(codes(r, 'warning')).toEqual(['gender-neither@1:-']);
    // Line 5's unknown label leaves the total incomplete, as any rejected answer does; its gender is no error.
    expect(answerRecords(r).map((x) => `${x.gender}:${x.positive}/${x.other}/${x.rejected ?? 0}`)).toEqual(['K:1/0/0', 'T:1/1/1']);
    // A blank gender is said too, where the file has a gender column; a file without one has none to say.
    const blank = parseText(`${head}1;1460;2025;Hemtjänst;helhetssyn;Ja;Kvinna\n2;1460;2025;Hemtjänst;helhetssyn;Ja;\n`);
    expect(codes(blank, 'warning')).toEqual(['gender-neither@1:-']);
    const none = parseText('Löpnr;Kommun;År;Verksamhet;Fråga;Svar\n1;1460;2025;Hemtjänst;helhetssyn;Ja\n');
    expect(codes(none, 'warning')).toEqual([]);
    const aggregated = parseText('År;Kommun;Fråga;Kön;Antal svarande;Andel\n2024;2080;Q;Totalt;80;66,3\n2024;2080;Q;Annat;5;80\n');
    expect(codes(aggregated)).toEqual([]);
    expect(codes(aggregated, 'info')).toEqual(['gender-neither-row@3:4']);
    expect(aggregated.counts).toEqual({ read: 2, used: 1, rejected: 0, ignored: 1 });
  });
  it('counts rows the quick path leaves to the general one into the same groups', () => {
    const r = parseText([
      `${head}1;0114;2025;Hemtjänst;q;Mycket nöjd;Kvinna`,
      '2;114;2025;Hemtjänst;q;Ganska missnöjd;Kvinna',
      '3;0114 Upplands Väsby;2025;Hemtjänst;q;Vet ej;Kvinna;',
      head.trim(),
      '4;0114;2025;Hemtjänst;q;Mycket nöjd;',
      '5;9999;2025;Hemtjänst;q;Mycket nöjd;Man',
      '6;0114;2025;Hemtjänst;q;Ganska nöjd;kvinna',
    ].join('\n'));
    expect(answerRecords(r).map((x) => `${x.area.code}:${x.gender}:${x.positive}/${x.other}/${x.excluded}@${x.source.line}`)).toEqual(['0114:K:2/1/1@2', '0114:T:1/0/0@6']);
    // Row 4's blank gender counts in the total only, said.
    expect(codes(r, 'warning')).toEqual(['gender-neither@1:-', 'area-code-repaired@3:2']);
    expect(codes(r)).toEqual(['row-repeated-header@5:-', 'area-unknown@7:2']);
    // Records are built without zod, as the schema would return them.
    expect(answerRecords(r).length).toBeGreaterThan(0);
    for (const x of answerRecords(r)) expect(answerRecordSchema.parse(x)).toEqual(x);
    expect(r.counts).toEqual({ read: 7, used: 5, rejected: 2, ignored: 0 });
  });
});

describe('budget rows', () => {
  // A budget file with an (empty) gender column is read by the general path alone.
  const generalOnly = (text: string) => {
    const lines = text.split('\n');
    return lines.map((line) => (line === '' ? line : line === lines[0] ? `${line};Kön` : `${line};`)).join('\n');
  };
  const summary = (text: string, spec = {}) => {
    const r = parseText(text, spec);
    return { records: budgetRecords(r), findings: r.findings.map((f) => `${f.severity}:${f.code}@${f.line ?? '-'}:${f.column ?? '-'}:${f.received ?? ''}`), counts: r.counts, sign: r.sign, rejected: r.rejects.map((x) => `${x.line}:${x.reason}`) };
  };
  it('property: the quick path for common rows reads a file as the general path does', () => {
    const head = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår';
    const row = fc.tuple(
      fc.constantFrom('2025-01', '2025-02', '2025', '202503', '2025-13', ''),
      fc.constantFrom('1460', '460', 'Bengtsfors', '1460 Bengtsfors', '1460 Mellerud', '9999', ''),
      fc.constantFrom('Äldreomsorg', 'LSS', ' LSS ', 'Summa', ''),
      ...Array.from({ length: 4 }, () => fc.constantFrom('1200', '-1 200,5', '100,25', '..', '', '-', '8x', '0', '-0', '1234567890123456')),
    ).map((cells) => cells.join(';'));
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant(head) }), { minLength: 1, maxLength: 30 }), fc.constantFrom({}, { dash: 'missing' as const }, { unit: 'tkr' as const }), (rows, spec) => {
        const text = `${head}\n${rows.join('\n')}\n`;
        const general = generalOnly(text);
        expect(general.split('\n')[0]).toBe(`${head};Kön`);
        expect(summary(text, spec)).toEqual(summary(general, spec));
      }),
      { numRuns: 500 },
    );
  });
  it('never keeps a negative zero, whichever sign convention the file has', () => {
    const text = 'Period;Kommun;Verksamhet;Budget helår\n2025-01;1460;LSS;-0\n2025-01;1460;IFO;-100\n';
    for (const spec of [{ unit: 'kr' as const }, { unit: 'kr' as const, sign: 'costs-positive' as const }]) {
      const [lss, ifo] = budgetRecords(parseText(text, spec));
      expect(Object.is(lss!.budgetYear, 0)).toBe(true);
      expect(ifo!.budgetYear).toBe(spec.sign === undefined ? 100 : -100);
    }
  });
  it('leaves an amount scaled past what a number holds to the general path, which rejects it', () => {
    const text = `Period;Kommun;Verksamhet;Budget helår\n2025-01;1460;LSS;1${'0'.repeat(303)}\n2025-01;1460;IFO;12\n`;
    const r = parseText(text, { unit: 'mnkr' });
    expect(codes(r)).toEqual(['value-out-of-range@2:4']);
    expect(budgetRecords(r)).toMatchObject([{ activity: 'IFO', budgetYear: 12_000_000 }]);
    expect(summary(text, { unit: 'mnkr' })).toEqual(summary(generalOnly(text), { unit: 'mnkr' }));
  });
  it('normalises units and sign: tkr, costs negative, Unicode minus, NBSP thousands', () => {
    const r = parseText('Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår\n2025-01;Bengtsfors;Äldreomsorg;\u2212231\u00a0400,0;\u221218\u00a0900,0;\u221219\u00a0100,5;\u2212235\u00a0000\n', { unit: 'tkr' });
    expect(r.sign).toBe('costs-negative');
    expect(budgetRecords(r)[0]).toMatchObject({ budgetYear: 231_400_000, budgetMonth: 18_900_000, actualMonth: 19_100_500, forecast: 235_000_000 });
    expect(codes(r, 'info')).toContain('sign-inferred@-:-');
  });
  it('reads tkr and mnkr amounts as exact kronor (the decimal point moved, one rounding)', () => {
    // 32.3 * 1000 is 32299.999999999996 and 16.1 * 1000 is 16100.000000000002.
    const text = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår\n2025-01;1460;LSS;32,3;16,1;"1 064,1";32,3\n2025-01;1460;IFO;0,0323;-;..;0,0161\n';
    expect(budgetRecords(parseText(text, { unit: 'tkr' }))[0]).toMatchObject({ budgetYear: 32_300, budgetMonth: 16_100, actualMonth: 1_064_100, forecast: 32_300 });
    expect(budgetRecords(parseText(text, { unit: 'mnkr' }))[1]).toMatchObject({ budgetYear: 32_300, budgetMonth: 0, actualMonth: null, forecast: 16_100 });
  });
  it('takes the unit from a header, checks Avvikelse and total rows', () => {
    const text = [
      'Verksamhet;Budget helår (tkr);Budget ack;Utfall ack;Prognos helår;Avvikelse',
      'Äldreomsorg;1200;800;828;1240;-40',
      'LSS;600;400;390;590;15',
      'Summa;1800;1200;1218;1830;-30',
    ].join('\n');
    const r = parseText(text, { period: '2025-08', kind: 'budget', municipality: '1460' });
    expect(r.unit).toBe('tkr');
    expect(codes(r)).toEqual([]);
    // The file's own Avvikelse for LSS (15) disagrees with budget − forecast (10).
    expect(codes(r, 'warning')).toEqual(['deviation-mismatch@3:-']);
    expect(codes(r, 'info')).toEqual(expect.arrayContaining(['unit-from-header@1:-', 'total-row@4:-']));
    expect(budgetRecords(r)).toHaveLength(2);
    expect(r.counts).toEqual({ read: 3, used: 2, rejected: 0, ignored: 1 });
  });
  it('a deviation to date (Avvikelse ack) is checked against budget − outcome to date only, never against budget − forecast', () => {
    const head = 'Verksamhet;Budget helår (tkr);Budget ack;Avvikelse ack;Prognos helår';
    // No outcome: nothing to check it by (it was called wrong against 182 035 − 186 000).
    const alone = parseText([head, 'Äldreomsorg;182035;121357;-3543;186000', 'IFO;48200;32133;333;47900'].join('\n'), { period: '2025-08', kind: 'budget', municipality: '1460' });
    expect(codes(alone, 'warning')).not.toContain('deviation-mismatch@2:-');
    // With an outcome to date it is checked by it: 800 − 828 = −28, not the −40 written.
    const checked = parseText(['Verksamhet;Budget helår (tkr);Budget ack;Utfall ack;Prognos helår;Avvikelse ack', 'Äldreomsorg;1200;800;828;1240;-40', 'LSS;600;400;390;590;10'].join('\n'), { period: '2025-08', kind: 'budget', municipality: '1460' });
    expect(codes(checked, 'warning')).toEqual(['deviation-mismatch@2:-']);
  });
  it.each([
    ['the quick and byte paths', ''],
    ['the general path (a name column)', ';Hörby'],
  ])('amount columns naming different units are each read in their own, said once: %s', (_, name) => {
    // 3 000 rows: past the first 2 000 the byte path reads them.
    const lines = [`Period;Kommun${name === '' ? '' : ';Kommunnamn'};Verksamhet;Budget helår (tkr);Budget månad (kr);Utfall månad (kr);Prognos helår`];
    for (let a = 0; a < 250; a++) for (let m = 1; m <= 12; m++) lines.push(`2025-${String(m).padStart(2, '0')};1266${name};Verksamhet ${a};182 000;15 166 667;${15_400_000 + a};185000,5`);
    const r = parseText(lines.join('\n'));
    expect(codes(r, 'warning')).toEqual(['unit-per-column@1:-']);
    expect(r.findings.find((f) => f.code === 'unit-per-column')!.message).toContain('"Prognos helår", naming none, in tkr as the first named');
    const records = budgetRecords(r);
    expect(records).toHaveLength(3000);
    for (const i of [0, 1999, 2999]) {
      expect(records[i]).toMatchObject({ budgetYear: 182_000_000, budgetMonth: 15_166_667, actualMonth: 15_400_000 + Math.floor(i / 12), forecast: 185_000_500 });
    }
  });
  it('a subtotal ("Delsumma") is left out, not counted twice; "Totalt stöd och service" is an activity', () => {
    const text = [
      'Verksamhet;Budget helår (tkr);Utfall ack',
      'Hemtjänst;1000;600',
      'Särskilt boende;2000;1300',
      'Delsumma äldreomsorg;3000;1900',
      'Totalt stöd och service;500;300',
      'Summa;3500;2200',
    ].join('\n');
    const r = parseText(text, { period: '2025-08', kind: 'budget', municipality: '1460' });
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Hemtjänst', 'Särskilt boende', 'Totalt stöd och service']);
    expect(r.counts).toEqual({ read: 5, used: 3, rejected: 0, ignored: 2 });
    // The grand total matches the three activities; the subtotal is not checked against all of them.
    expect(codes(r, 'warning')).toEqual([]);
    expect(codes(r, 'info')).toEqual(expect.arrayContaining(['total-row@4:-', 'total-row@6:-']));
  });
  it('a part of the line above ("varav", "- därav") is left out, not counted twice, and the total still checks', () => {
    const text = [
      'Verksamhet;Budget helår (tkr);Utfall ack',
      'Äldreomsorg;3000;1900',
      '  varav hemtjänst;1000;600',
      '- därav nattpatrull;100;70',
      'LSS;500;300',
      'Totalt;3500;2200',
    ].join('\n');
    const r = parseText(text, { period: '2025-08', kind: 'budget', municipality: '1460' });
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'LSS']);
    expect(r.counts).toEqual({ read: 5, used: 2, rejected: 0, ignored: 3 });
    // Counted twice, the total would not match the lines (a total-mismatch warning).
    expect(codes(r, 'warning')).toEqual([]);
    expect(codes(r, 'info')).toEqual(expect.arrayContaining(['budget-part-line@3:-', 'budget-part-line@4:-', 'total-row@6:-']));
    expect(['Varav hemtjänst', '• varav LSS', 'Varavgift'].map(sumKind)).toEqual(['part', 'part', undefined]);
  });
  it('an amount past 2^53 is a rejected row with its place, not a nearby number', () => {
    const r = parseText('Verksamhet;Budget helår;Utfall ack\nHemtjänst;9007199254740993;600\nLSS;1000;500\n', { period: '2025-08', kind: 'budget', municipality: '1460' });
    expect(codes(r)).toEqual(['value-beyond-exact@2:2']);
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['LSS']);
  });
  it('a deviation to date ("Avvikelse jan-aug") beside a forecast is checked as budget to date − outcome to date, not warned about', () => {
    const text = [
      'Verksamhet;Budget helår (tkr);Budget jan-aug 2025;Utfall jan-aug 2025;Avvikelse jan-aug;Prognos helår',
      'Äldreomsorg;1200;800;828;-28;1240',
      'LSS;600;400;390;15;590',
    ].join('\n');
    const r = parseText(text, { kind: 'budget', municipality: '1460' });
    expect(codes(r)).toEqual([]);
    // Äldreomsorg's −28 is budget to date − outcome to date; LSS's 15 is neither that (10) nor budget − forecast (10).
    expect(codes(r, 'warning')).toEqual(['deviation-mismatch@3:-']);
    // The message names both deviations it was held to.
    expect(r.findings.find((f) => f.code === 'deviation-mismatch')!.message).toBe('given deviation 15 is neither budget − forecast 10 nor budget − outcome to date 10, as the file writes them (tillit uses the amounts, not the given deviation)');
    // In a file writing costs negative, the figures named are the file's own: budget −224 000 − forecast −228 000 = 4 000.
    const negative = parseText('Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår;Avvikelse\nÄldreomsorg;-224000;-112000;-115000;-228000;500\nLSS;-66000;-33000;-32000;-65000;-1000\nIFO;-50000;-25000;-26000;-51000;1000\n', { kind: 'budget', municipality: '1460', period: '2025-06' });
    expect(negative.findings.find((f) => f.code === 'deviation-mismatch')).toMatchObject({ line: 2, message: 'given deviation 500 is neither budget − forecast 4000 nor budget − outcome to date 3000, as the file writes them (tillit uses the amounts, not the given deviation)' });
  });
  it('a deviation written outcome − budget on every line is said once, not as a mismatch per line', () => {
    const text = ['Verksamhet;Budget helår (tkr);Budget jan-aug 2025;Utfall jan-aug 2025;Avvikelse jan-aug', 'Äldreomsorg;1200;800;828;28', 'LSS;600;400;390;-10', 'IFO;300;200;200;0', 'Stöd;100;60;50;7'].join('\n');
    const r = parseText(text, { kind: 'budget', municipality: '1460' });
    // Stöd's 7 is neither 10 nor −10: a mismatch of its own.
    expect(codes(r, 'warning')).toEqual(['deviation-mismatch@5:-']);
    expect(r.findings.filter((f) => f.code === 'deviation-opposite').map((f) => `${f.line}: ${f.message}`))
      .toEqual(["2: the file's own deviation has the other sign (outcome − budget) on 2 line(s), this the first: tillit's is used (budget − outcome: positive is better than budget)"]);
  });
  it('one line of the other sign among lines that agree is a mismatch of its own, not the file\'s convention', () => {
    const text = ['Verksamhet;Budget helår (tkr);Budget jan-aug 2025;Utfall jan-aug 2025;Avvikelse jan-aug', 'Äldreomsorg;1200;800;828;28', 'LSS;600;400;390;10', 'IFO;300;200;190;10'].join('\n');
    const r = parseText(text, { kind: 'budget', municipality: '1460' });
    expect(codes(r, 'warning')).toEqual(['deviation-mismatch@2:-']);
    expect(r.findings.some((f) => f.code === 'deviation-opposite')).toBe(false);
  });
  it('reads "Periodutfall" as the outcome so far when the file holds one follow-up (no period column)', () => {
    const text = 'Nämnd;Verksamhet;Budget;Periodutfall;Utfall_proc;Prognos apr;Avvikelse\nSN;Äldreomsorg;-412 500;-140 250;34,0;-415 000;-2 500\n';
    const r = parseText(text, { period: '2025-04', municipality: '1460', unit: 'kr' });
    expect(codes(r)).toEqual([]);
    expect(codes(r, 'info')).toContain('column-year-to-date@1:4');
    // Its percentage column is worked out from the amounts: named, and the file still clean.
    expect(codes(r, 'info')).toContain('column-percent@1:5');
    expect(codes(r, 'warning')).not.toContain('column-unused@1:5');
    expect(budgetRecords(r)).toMatchObject([{ kind: 'budget', period: '2025-04', budgetYear: 412_500, actualYtd: 140_250, actualMonth: null, forecast: 415_000 }]);
    // With a period column the same header is a month's amount.
    const monthly = parseText('Period;Kommun;Verksamhet;Budget;Periodutfall\n2025-01;1460;LSS;1200;95\n', { unit: 'kr' });
    expect(budgetRecords(monthly)).toMatchObject([{ actualMonth: 95, actualYtd: null }]);
  });
  it('takes municipality, month and unit from title lines above the table, and says so', () => {
    const r = parseText('Bengtsfors kommun\nMånadsuppföljning jan–apr 2025\nBelopp i tkr\n\nVerksamhet;Budget helår;Budget ack;Utfall ack\nLSS;1200;400;410\n');
    expect(codes(r)).toEqual([]);
    expect(codes(r, 'info')).toEqual(expect.arrayContaining(['area-from-title@5:-', 'period-from-title@5:-', 'unit-from-title@5:-']));
    expect(budgetRecords(r)).toMatchObject([{ area: { code: '1460' }, period: '2025-04', budgetYear: 1_200_000, budgetYtd: 400_000, actualYtd: 410_000, source: { line: 6 } }]);
    // The config or the command line wins over the title.
    const told = parseText('Bengtsfors kommun, april 2025\nVerksamhet;Budget helår;Utfall ack\nLSS;1200;410\n', { municipality: '1461', period: '2025-06', unit: 'kr' });
    expect(budgetRecords(told)).toMatchObject([{ area: { code: '1461' }, period: '2025-06', budgetYear: 1200 }]);
    expect(codes(told, 'info').filter((c) => c.includes('title'))).toEqual([]);
  });
  it('warns when the amounts are too small or too large for their unit', () => {
    // No unit anywhere and an annual budget of 412,5 kr: surely mnkr (412,5 tkr is still under 1 mnkr).
    const small = parseText('Kommun;Period;Verksamhet;Budget helår;Utfall ack\n1460;2025-04;Äldreomsorg;412,5;140,2\n');
    expect(codes(small, 'warning')).toEqual(['unit-inferred@1:-']);
    expect([small.unit, budgetRecords(small)[0]!.budgetYear]).toEqual(['mnkr', 412_500_000]);
    // A header saying mnkr over amounts in kronor: 412 500 000 mnkr is more than any budget.
    const big = parseText('Kommun;Period;Verksamhet;Budget helår (mnkr);Utfall ack (mnkr)\n1460;2025-04;Äldreomsorg;412500000;140200000\n');
    expect(codes(big, 'warning')).toEqual(['unit-implausible@1:-']);
    expect(budgetRecords(big)[0]!.budgetYear).toBe(412_500_000e6);
    // Plausible amounts, given or assumed, say nothing.
    const fine = parseText('Kommun;Period;Verksamhet;Budget helår;Utfall ack\n1460;2025-04;Äldreomsorg;412500000;140200000\n');
    expect(codes(fine, 'warning')).toEqual(['unit-assumed@1:-']);
  });
  it('finds duplicates among more activities and months than the row index keeps in its array', () => {
    // 600 activity keys and 2 100 months: 2 × 4 096 × 1 024 slots, past the array's 4M, so a map.
    const rows = Array.from({ length: 600 }, (_, i) => `2025-01;1460;Verksamhet ${i};${i}`);
    const months = Array.from({ length: 2100 }, (_, i) => `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')};1461;LSS;${i}`);
    const text = ['Period;Kommun;Verksamhet;Budget helår', ...rows, ...months, '2025-01;1460;verksamhet  599;599', '2025-01;1460;Verksamhet 3;4', '1900-01;1461;LSS;0', '2074-12;1461;lss;1'].join('\n');
    for (const t of [text, generalOnly(text)]) {
      const r = parseText(t, { unit: 'kr' });
      const first = 2 + rows.length + months.length;
      // A conflict's first row (Verksamhet 3 at line 5, LSS 2074-12 at line 2 + 600 + 2099) keeps its place without amounts.
      expect(r.findings.filter((f) => f.code.startsWith('duplicate')).map((f) => `${f.code}@${f.line}`)).toEqual([
        'duplicate-conflict-first@5', 'duplicate-conflict-first@2701',
        `duplicate-row@${first}`, `duplicate-conflict@${first + 1}`, `duplicate-row@${first + 2}`, `duplicate-conflict@${first + 3}`,
      ]);
      expect(r.counts).toEqual({ read: 2704, used: 2698, rejected: 2, ignored: 4 });
      expect(budgetRecords(r)).toHaveLength(2700);
      expect(budgetRecords(r)[3]!.budgetYear).toBeNull();
    }
  });
  it('a total that does not add up is a finding', () => {
    const r = parseText('Verksamhet;Budget helår;Utfall ack\nA;600000;300000\nB;600000;300000\nTotalt;1300000;600000\n', { period: '2025-06', kind: 'budget', unit: 'kr', municipality: 'Mellerud' });
    expect(codes(r, 'warning')).toEqual(['total-mismatch@4:-']);
  });
});

describe('a full-year budget named by its year', () => {
  const read = (text: string) => parseText(text, { kind: 'budget', municipality: '1460', period: '2025-08', unit: 'tkr', sign: 'costs-positive' });
  it('"Budget 2025" is the year\'s budget, said; beside "Budget 2024" the latest, the other left unused and said', () => {
    const one = read('Verksamhet;Budget 2025;Utfall ack\nÄldreomsorg;224442;151900\n');
    expect(budgetRecords(one)[0]).toMatchObject({ budgetYear: 224442000, actualYtd: 151900000 });
    expect(codes(one, 'info')).toContain('budget-year-column@1:2');
    const two = read('Verksamhet;Budget 2024;Budget 2025;Utfall ack\nÄldreomsorg;220000;224442;151900\n');
    expect(budgetRecords(two)[0]).toMatchObject({ budgetYear: 224442000 });
    expect(codes(two, 'warning')).toEqual(['column-unused@1:2']);
  });
  it('a budget named by another year than the figures is read, with a warning naming both years', () => {
    const other = read('Verksamhet;Budget 2024;Utfall ack\nÄldreomsorg;220000;151900\n');
    expect(codes(other, 'warning')).toEqual(['budget-year-column-differs@1:2']);
    expect(other.findings.find((f) => f.code === 'budget-year-column-differs')!.message).toContain('is the budget of 2024, but the file\'s figures are of 2025');
  });
  it('a forecast named by a year none of the figures are of ("Prognos 2026" in a 2025 follow-up) is not read, with a warning; mapped in the config, it is', () => {
    const next = read('Verksamhet;Budget 2025;Utfall ack;Prognos 2026\nÄldreomsorg;224442;151900;230000\n');
    expect(budgetRecords(next)[0]).toMatchObject({ budgetYear: 224442000, actualYtd: 151900000, forecast: null });
    expect(codes(next, 'warning')).toEqual(['forecast-year-differs@1:4']);
    expect(budgetRecords(read('Verksamhet;Budget 2025;Utfall ack;Prognos 2025\nÄldreomsorg;224442;151900;230000\n'))[0]).toMatchObject({ forecast: 230000000 });
    expect(budgetRecords(read('Verksamhet;Budget 2025;Utfall ack;Prognos 2024/2025\nÄldreomsorg;224442;151900;230000\n'))[0]).toMatchObject({ forecast: 230000000 });
    const mapped = parseText('Verksamhet;Budget 2025;Utfall ack;Prognos 2026\nÄldreomsorg;224442;151900;230000\n', { kind: 'budget', municipality: '1460', period: '2025-08', unit: 'tkr', sign: 'costs-positive', columns: { forecast: 'Prognos 2026' } });
    expect(budgetRecords(mapped)[0]).toMatchObject({ forecast: 230000000 });
  });
});

describe('budget sign inference with revenue lines', () => {
  it('ignores revenue lines when costs decide, and uses them (net convention) when only revenue is present', () => {
    const mixed = parseText('Verksamhet;Budget helår;Utfall ack\nSkatteintäkter;500;251\nÄldreomsorg;-400;-204\n', { kind: 'budget', period: '2025-06', municipality: '1460', unit: 'kr' });
    expect(mixed.sign).toBe('costs-negative');
    expect(budgetRecords(mixed).map((r) => r.actualYtd)).toEqual([-251, 204]);
    const revenueOnly = parseText('Verksamhet;Budget helår;Utfall ack\nSkatteintäkter;500;251\n', { kind: 'budget', period: '2025-06', municipality: '1460', unit: 'kr' });
    expect(revenueOnly.sign).toBe('costs-negative');
    expect(budgetRecords(revenueOnly).map((r) => r.actualYtd)).toEqual([-251]);
  });
});

describe('a Kolada extract with a count of respondents, read for one gender', () => {
  it('reads the survey\'s figures (the count, its shares) for every gender and the registry\'s for the gender asked (a reviewer\'s unemployment lost its women\'s figure)', () => {
    const rows = [['U21468', 'T', 77.2], ['U21468', 'K', 71.8], ['U21468', 'M', 84], ['U23592', 'T', 170], ['U23592', 'K', 96], ['U23592', 'M', 74], ['N00919', 'T', 4.9], ['N00919', 'K', 9], ['N00919', 'M', 1.2]];
    const text = `kpi,municipality_id,municipality,year,gender,value,count,status\n${rows.map(([kpi, g, v]) => `${kpi},1438,Dals-Ed,2025,${g},${v},1,`).join('\n')}\n`;
    const r = parseInput(new TextEncoder().encode(text), { ...ingestOptions(defaultConfig(), {}, { gender: 'K' }), file: 'k.csv' });
    const kept = (r.records as { indicator: string; gender: string }[]).map((x) => `${x.indicator} ${x.gender}`).sort();
    expect(kept).toEqual(['N00919 K', 'U21468 K', 'U21468 M', 'U21468 T', 'U23592 K', 'U23592 M', 'U23592 T']);
    expect(codes(r, 'warning')).toContain('gender-not-applied@1:-');
  });
});

describe('text csv-parse cannot read', () => {
  it('counts each line an unterminated quote swallows as a rejected row (blank lines not), each kept for --rejects', () => {
    const r = parseText('Kommun;År;Fråga;Antal svarande;Andel\n1460;2024;helhetssyn;100;85\n1460;2025;"helhetssyn;100;86\n\n1461;2025;helhetssyn;90;80\n1461;2024;helhetssyn;90;81\n');
    expect(r.counts).toEqual({ read: 4, used: 1, rejected: 3, ignored: 0 });
    expect(r.rejects.map((x) => `${x.line} ${x.reason} ${x.text}`)).toEqual([
      '3 csv-syntax 1460;2025;"helhetssyn;100;86', '5 csv-syntax 1461;2025;helhetssyn;90;80', '6 csv-syntax 1461;2024;helhetssyn;90;81',
    ]);
    expect(codes(r)).toEqual(['csv-syntax@3:3']);
  });
});

describe('another table under the first (an Excel sheet with investments below the operating lines)', () => {
  const text = [
    'Kommun;Period;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår',
    '1460;2025-08;Äldreomsorg;224 442;149 628;152 100;226 000',
    '1460;2025-08;IFO;59 942;39 961;38 500;59 000',
    ';;;;;;',
    'Investeringar;;;;;;',
    'Kommun;Period;Projekt;Budget helår;Budget ack;Utfall ack;Prognos helår',
    '1460;2025-08;Nytt äldreboende;45 000;30 000;12 000;40 000',
  ].join('\n');
  it('its header and every row under it are rejected, not added into the operating lines (a helper\'s file turned −1 912 tkr into +16 088)', () => {
    const r = parseText(`${text}\n`, { unit: 'tkr' });
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'IFO']);
    expect(codes(r).filter((c) => c.startsWith('row-'))).toEqual(['row-other-header@6:-', 'row-under-other-header@7:-']);
    // The padding line is no row; the heading above the header is a rejected one.
    expect(r.counts).toMatchObject({ read: 5, used: 2, rejected: 3 });
  });
  it('the header repeated with a caption or a blank first cell (a print title, a section) is one rejected row; a heading of investments ends the table (helpers\' files)', () => {
    const head = 'Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår';
    const read = (lines: string[]) => parseText(`${head}\n${lines.join('\n')}\n`, { unit: 'tkr', municipality: '1460', period: '2025-08' });
    for (const again of [';Budget helår;Budget ack;Utfall ack;Prognos helår', 'Vård och omsorg;Budget helår;Budget ack;Utfall ack;Prognos helår']) {
      const r = read(['Äldreomsorg;224 442;149 628;152 100;226 000', again, 'IFO;59 942;39 961;38 500;59 000']);
      expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'IFO']);
      expect(codes(r)).toEqual(['row-repeated-header@3:-']);
    }
    const invest = read(['Äldreomsorg;224 442;149 628;152 100;226 000', 'Investeringar;;;;', 'Nytt äldreboende;18 000;9 500;9 500;18 000']);
    expect(budgetRecords(invest).map((b) => b.activity)).toEqual(['Äldreomsorg']);
    expect(codes(invest)).toEqual(['row-other-header@3:1', 'row-under-other-header@4:-']);
  });
  it('the same header repeated is one rejected row, and the rows after it are read', () => {
    const r = parseText(`${text.split('\n').slice(0, 3).join('\n')}\nKommun;Period;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår\n1460;2025-08;LSS;66 149;44 099;45 000;66 500\n`, { unit: 'tkr' });
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'IFO', 'LSS']);
    expect(codes(r)).toEqual(['row-repeated-header@4:-']);
  });
});
