import { describe, expect, it } from 'vitest';
import { createKoladaIngest, koladaJsonToRecords } from '../../src/ingest/kolada-json.js';
import type { ValueRecord } from '../../src/model/records.js';
import { codes, parseText } from './helpers.js';

const page = (values: unknown[], extra: Record<string, unknown> = { count: values.length, next_url: null }) => JSON.stringify({ values, ...extra }, null, 2);
const entry = (municipality: string, period: number, values: unknown[]) => ({ kpi: 'U21468', municipality, period, values });
const g = (gender: string, value: number | null, over: Record<string, unknown> = {}) => ({ gender, count: 1, status: '', value, isdeleted: false, ...over });

describe('Kolada API JSON', () => {
  it('reads v3 pages: totals used, other genders, deleted, flagged and null values reported', () => {
    const text = page([
      entry('1460', 2023, [g('T', 88), g('K', 90), g('M', 85)]),
      entry('1461', 2023, [g('T', null)]),
      entry('1460', 2024, [g('T', 89.6667, { status: 'X' })]),
      entry('0000', 2024, [g('T', 87, { isdeleted: true })]),
      entry('0014', 2024, [g('T', 86)]),
    ]);
    const r = koladaJsonToRecords(text, { file: 'k.json', gender: 'T' });
    expect(r.version).toBe('v3');
    expect(r.records.map((x: ValueRecord) => `${x.area.kind}:${x.area.code}:${x.period}:${x.value}`)).toEqual(['municipality:1460:2023:88', 'region:14:2024:86']);
    expect(r.counts).toEqual({ read: 7, used: 2, rejected: 0, ignored: 5 });
    expect(r.findings.map((f) => `${f.code}@${f.line}`)).toEqual([
      'gender-filtered@15', 'gender-filtered@22', 'value-missing@36', 'status-excluded@50', 'value-deleted@64',
    ]);
  });
  it('recognises v2 by next_page and reads several pages in one array', () => {
    const v2 = JSON.stringify([{ values: [entry('1460', 2020, [{ gender: 'T', count: 1, status: '', value: 80 }])], count: 1, next_page: null }, { values: [entry('1460', 2021, [{ gender: 'T', count: 1, status: '', value: 81 }])], count: 1 }]);
    const r = koladaJsonToRecords(v2, { file: 'k.json', gender: 'T' });
    expect(r.version).toBe('v2');
    expect(r.records).toHaveLength(2);
  });
  it('names the line and column of broken JSON', () => {
    const r = koladaJsonToRecords('{\n  "values": [\n    {"kpi": "U21468",,}\n  ]\n}', { file: 'k.json', gender: 'T' });
    expect(r.findings).toEqual([{ code: 'json-invalid', line: 3, column: 22, args: { reason: 'PropertyNameExpected' } }]);
  });
  // A value that begins more than one chunk back is placed where that chunk ended; real chunks are 1 MiB.
  it('holds a user-survey share (Brukarbedömning …, andel (%)) to 0-100; other "andel (%)" KPIs may pass it', () => {
    const r = koladaJsonToRecords(page([entry('1460', 2023, [g('T', 186)]), entry('1460', 2024, [g('T', 88)]), { kpi: 'N03103', municipality: '1460', period: 2024, values: [g('T', 143)] }]), { file: 'k.json', gender: 'T' });
    expect(r.records.map((x) => `${x.indicator} ${x.period} ${x.value}`)).toEqual(['U21468 2024 88', 'N03103 2024 143']);
    expect(r.findings.map((f) => `${f.code}@${f.line} ${f.received} ${f.args?.range}`)).toEqual([`value-out-of-range@${r.rejects[0]!.line} 186 between 0 and 100 (a share of the survey's respondents)`]);
    expect(r.counts).toMatchObject({ used: 2, rejected: 1 });
  });
  it('reads a code written as a number, repairing a lost zero once per entry as CSV does; a value written as text is rejected in words', () => {
    const r = koladaJsonToRecords(page([
      { kpi: 'U21468', municipality: 1460, period: 2024, values: [g('T', 88)] },
      { kpi: 'U21468', municipality: 0, period: 2024, values: [g('T', 86)] },
      { kpi: 'U21468', municipality: 680, period: 2024, values: [g('T', 81), g('K', 83)] },
      entry('1461', 2024, [g('T', '86,0' as unknown as number)]),
    ]), { file: 'k.json', gender: 'all' });
    expect(r.records.map((x) => `${x.area.code} ${x.gender} ${x.value}`)).toEqual(['1460 T 88', '0000 T 86', '0680 T 81', '0680 K 83']);
    expect(r.findings.map((f) => `${f.code} ${f.received}`)).toEqual(['area-code-repaired 680', 'value-out-of-range 86,0']);
    expect(r.findings[1]!.args).toEqual({ role: 'value', range: 'a JSON number, not text' });
  });
  it('says a response with no values is empty (as a CSV file with a header and no rows), pages of them too', () => {
    for (const text of [page([]), `[${page([])},${page([])}]`]) {
      const r = koladaJsonToRecords(text, { file: 'k.json', gender: 'T' });
      expect([r.records.length, r.counts.read, r.findings]).toEqual([0, 0, [{ code: 'json-no-values' }]]);
    }
    // One value is enough; a page that is not a values response says so instead.
    expect(koladaJsonToRecords(page([entry('1460', 2023, [g('T', 88)])]), { file: 'k.json', gender: 'T' }).findings).toEqual([]);
    expect(koladaJsonToRecords('{"rows": []}', { file: 'k.json', gender: 'T' }).findings.map((f) => f.code)).not.toContain('json-no-values');
  });
  it('reads the same whatever the chunks the bytes arrive in (lines of findings included)', () => {
    const text = `\ufeff${page([entry('1460', 2023, [g('T', 88), g('K', 90)]), entry('9999', 2023, [g('T', 1)]), entry('1461', 2024, [g('T', null)]), 'x'])}`;
    const whole = koladaJsonToRecords(text, { file: 'k.json', gender: 'T' });
    const bytes = Buffer.from(text);
    for (const size of [3, 4, 7, 64]) {
      const k = createKoladaIngest({ file: 'k.json', gender: 'T' });
      for (let at = 0; at < bytes.length; at += size) k.write(bytes.subarray(at, at + size));
      expect(k.end()).toEqual(whole);
    }
    expect(whole.findings.map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual(['gender-filtered@15:9', 'area-unknown@24:5', 'value-missing@43:9', 'value-required@52:5']);
  });
  it('a key given twice in one entry is refused with its place, not read as the first or the last', () => {
    const text = '{"values": [{"kpi": "U21468", "municipality": "1460", "period": 2024,\n  "values": [{"gender": "T", "value": 85.0, "value": 90.0}]}]}';
    const r = koladaJsonToRecords(text, { file: 'k.json', gender: 'T' });
    expect(r.findings).toEqual([{ code: 'json-invalid', line: 2, column: 54, args: { reason: 'the key "value" appears twice in one object; which value is meant cannot be known' } }]);
    expect(r.records).toEqual([]);
  });
  it('JSON nested 5 000 deep is one finding, not a RangeError', () => {
    const r = koladaJsonToRecords(`{"values": ${'['.repeat(5000)}${']'.repeat(5000)}}`, { file: 'k.json', gender: 'T' });
    expect(r.findings).toEqual([{ code: 'json-invalid', line: 1, column: 75, args: { reason: 'nested deeper than 64 levels' } }]);
    expect(r.records).toEqual([]);
  });
  it('a truncated document, trailing text, a trailing comma and a lone value are errors with their place', () => {
    const reason = (t: string) => koladaJsonToRecords(t, { file: 'k.json', gender: 'T' }).findings.map((f) => `${f.args?.reason}@${f.line}:${f.column}`);
    expect(reason('{"values": [\n{"kpi": "U1"')).toEqual(['CloseBraceExpected@2:13']);
    expect(reason('{"values": []} {')).toEqual(['EndOfFileExpected@1:16']);
    expect(reason('{"values": [1,]}')).toEqual(['ValueExpected@1:15']);
    expect(reason('{"values": [tru]}')).toEqual(['InvalidSymbol@1:16']);
  });
  it('rejects unknown municipality ids and duplicate cells', () => {
    const r = koladaJsonToRecords(page([entry('9999', 2024, [g('T', 1)]), entry('1460', 2024, [g('T', 1)]), entry('1460', 2024, [g('T', 2)])]), { file: 'k.json', gender: 'all' });
    // Two values for one cell: neither is read (the first entry is ignored with a finding).
    expect(r.findings.map((f) => f.code)).toEqual(['area-unknown', 'duplicate-conflict', 'duplicate-conflict-first']);
    expect(r.counts).toMatchObject({ used: 0, rejected: 2, ignored: 1 });
    expect(r.records).toEqual([]);
  });
  it('reads a cell given twice with the same value once, its municipality written as text or as a number', () => {
    const r = koladaJsonToRecords(page([entry('1460', 2024, [g('T', 81.5)]), { ...entry('1460', 2024, [g('T', 81.5)]), municipality: 1460 }]), { file: 'k.json', gender: 'all' });
    expect(r.findings.map((f) => [f.code, f.args])).toEqual([['duplicate-row', { first: 8, key: 'U21468 / 1460 / 2024 / T' }]]);
    expect(r.counts).toMatchObject({ used: 1, ignored: 1, rejected: 0 });
    expect(r.records.map((x) => x.kind === 'values' && x.value)).toEqual([81.5]);
  });
  it('is detected by parseInput, which reports the format', () => {
    const r = parseText(page([entry('1460', 2024, [g('T', 1)])]), {}, 'k.json');
    expect(r).toMatchObject({ format: 'kolada-json', kind: 'values', counts: { used: 1 } });
  });
});

describe('Kolada CSV extracts (rKolada, R write.csv)', () => {
  const head = '"","kpi","municipality_id","municipality","municipality_type","year","gender","value","count","status"\n';
  it('skips the row-number column, reads NA as missing, keeps T, excludes a flagged status', () => {
    const r = parseText(`${head}"1","U23401","1460","Bengtsfors","K",2023,"T",61.5,1,NA\n"2","U23401","1460","Bengtsfors","K",2023,"K",60,1,NA\n"3","U23401","1461","Mellerud","K",2023,"T",NA,1,NA\n"4","U23401","0000","Riket","L",2023,"T",70,1,"Preliminär"\n`);
    expect(r.format).toBe('kolada-csv');
    expect(r.records).toMatchObject([{ indicator: 'U23401', area: { code: '1460' }, period: '2023', value: 61.5 }]);
    expect(codes(r, 'info')).toEqual(['gender-filtered@3:7', 'value-missing@4:8']);
    expect(codes(r, 'warning')).toEqual(['status-excluded@5:10']);
    expect(r.counts).toEqual({ read: 4, used: 1, rejected: 0, ignored: 3 });
  });
  it('rejects an id and name that disagree', () => {
    const r = parseText(`${head}"1","U23401","1460","Mellerud","K",2023,"T",61.5,1,NA\n`);
    expect(codes(r)).toEqual(['area-mismatch@2:4']);
  });
});

describe('PX-Web CSV', () => {
  it('melts a wide web download with title, blank line, region labels and ".." to values', () => {
    const text = '"Nettokostnad äldreomsorg, kr per invånare efter region och år"\r\n\r\n"region","2022","2023","2024"\r\n"1460 Bengtsfors",21000,"..",22100\r\n"14 Västra Götalands län",18000,18500,-\r\n';
    const r = parseText(text);
    expect(r).toMatchObject({ format: 'px-web-csv', kind: 'values', title: 'Nettokostnad äldreomsorg, kr per invånare efter region och år' });
    expect(r.records.map((x) => `${x.area.code}:${x.period}:${(x as ValueRecord).value}:${x.source.line}`)).toEqual(['1460:2022:21000:4', '1460:2024:22100:4', '14:2022:18000:5', '14:2023:18500:5', '14:2024:0:5']);
    expect((r.records[0] as ValueRecord).indicator).toBe('Nettokostnad äldreomsorg, kr per invånare efter region och år');
  });
  it('keeps unknown stub columns apart and reads a gender stub', () => {
    const r = parseText('region;kön;ålder;2023;2024\n1460 Bengtsfors;kvinnor;65-79;1,5;1,6\n1460 Bengtsfors;kvinnor;80+;2,5;2,6\n1460 Bengtsfors;män;80+;2,0;2,1\n', {}, 'dir/px.csv');
    expect(codes(r)).toEqual([]);
    expect(r.records.map((x) => `${(x as ValueRecord).service}|${(x as ValueRecord).gender}|${x.period}`)).toEqual(['65-79|K|2023', '65-79|K|2024', '80+|K|2023', '80+|K|2024', '80+|M|2023', '80+|M|2024']);
    expect((r.records[0] as ValueRecord).indicator).toBe('px');
  });
});

describe('PX-Web footnotes', () => {
  it('lines of text under a wide table are footnotes, not rejected rows', () => {
    const text = '"Tabell"\n\n"region","2023","2024"\n"1460 Bengtsfors",1,2\n\n"Fotnoter:"\n"Uppgifterna för 2024 är preliminära."\n';
    const r = parseText(text);
    expect(codes(r)).toEqual([]);
    expect(codes(r, 'info')).toEqual(['footnote@6:-', 'footnote@7:-']);
    expect(r.counts).toEqual({ read: 3, used: 1, rejected: 0, ignored: 2 });
  });
});

describe('PX-Web preliminary and unread periods', () => {
  const values = (r: ReturnType<typeof parseText>) => r.records.map((x) => `${(x as ValueRecord).period}=${(x as ValueRecord).value}`);
  it('reads a column marked preliminary (SCB\'s "2024*") as its year, saying so', () => {
    const r = parseText('"Tabell"\n\n"region","2023","2024*"\n"1460 Bengtsfors",1,2\n');
    expect(values(r)).toEqual(['2023=1', '2024=2']);
    expect(codes(r, 'warning')).toEqual(['period-preliminary@3:3']);
    expect(r.findings.find((f) => f.code === 'period-preliminary')!.message).toBe('column "2024*" read as 2024: the source marks its figures preliminary');
  });
  it('names a column of numbers headed by a year it cannot read as a period, never dropping it in silence; a code column is no such column', () => {
    const r = parseText('"Tabell"\n\n"region","2023","2024 prel."\n"1460 Bengtsfors",1,2\n');
    expect(values(r)).toEqual(['2023=1']);
    expect(codes(r, 'warning')).toEqual(['column-unused@3:3']);
    const coded = parseText('region;regionkod;2023;2024\nBengtsfors;1460;1;2\n', { indicator: 'N00945' });
    expect(values(coded)).toEqual(['2023=1', '2024=2']);
    expect(codes(coded, 'warning')).toEqual([]);
  });
});
