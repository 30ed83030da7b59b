import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { RecordOptions, TableHead } from '../../src/ingest/record-options.js';
import { planRecords } from '../../src/ingest/record-plan.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import type { Row } from '../../src/ingest/table.js';

/** Plans a `;`-separated header with sample rows, as the CSV reader hands them over. */
function plan(header: string, rows: string[] = [], opts: Partial<RecordOptions> = {}, head: Partial<TableHead> = {}) {
  const table: TableHead = { delimiter: ';', headerLine: 1, headers: header.split(';'), findings: [], ...head };
  const sample: Row[] = rows.map((r, i) => ({ line: i + 2, cells: r.split(';') }));
  return planRecords(table, sample, { ...ingestOptions(defaultConfig(), {}, {}), file: 'dir/ekonomi.csv', ...opts });
}

const codes = (p: ReturnType<typeof plan>) => p.findings.map((f) => `${f.code}@${f.line ?? '-'}:${f.column ?? '-'}`);

describe('planRecords', () => {
  it('a survey header: its kind, the decimal mark the sample shows, and nothing to report', () => {
    const p = plan('År;Kommun;Fråga;Antal svarande;Andel', ['2024;1460;helhetssyn;112;87,5']);
    expect(p).toMatchObject({ kind: 'survey', layout: 'long', decimal: ',', genderFilter: 'all', kolada: false });
    expect(p.failed).toBeUndefined();
    expect(p.findings).toEqual([]);
  });

  it('a Kolada extract keeps the total gender unless told otherwise', () => {
    expect(plan('kpi;municipality_id;year;gender;value', ['N00001;1460;2024;T;1.5']).genderFilter).toBe('T');
    expect(plan('kpi;municipality_id;year;gender;value', [], { gender: 'K' }).genderFilter).toBe('K');
    expect(plan('Kommun;År;Kön;Värde', ['1460;2024;K;1']).genderFilter).toBe('all');
  });

  it('a file of values that counts respondents ("Antal svarande", Kolada\'s "…, antal svarande") reads its survey figures for every gender: --gender K showed the women\'s 88 that the full run hides to protect the men\'s 12 (a helper\'s attack)', () => {
    const px = plan('region;kön;tabellinnehåll;2023', ['0642 Mullsjö;kvinnor;Antal svarande;88', '0642 Mullsjö;kvinnor;Andel positiva, procent;79.5'], { gender: 'K' });
    expect([px.genderFilter, px.surveyGenders]).toEqual(['K', true]);
    expect(codes(px)).toContain('gender-not-applied@1:-');
    const kolada = plan('kpi;municipality_id;year;gender;value', ['U23592;1460;2024;T;40']);
    expect([kolada.genderFilter, kolada.surveyGenders]).toEqual(['T', true]);
    expect(codes(kolada)).not.toContain('gender-not-applied@1:-');
    expect(plan('region;kön;tabellinnehåll;2023', ['0642 Mullsjö;kvinnor;Andel positiva, procent;79.5'], { gender: 'K' }).surveyGenders).toBeUndefined();
  });

  it('a header that names nothing fails as unrecognised, naming no kind', () => {
    const p = plan('foo;bar', ['1;2']);
    expect([p.failed, p.kind]).toEqual(['header-unrecognised', undefined]);
    expect(codes(p)).toEqual(['header-unrecognised@1:-']);
  });

  it('budget forced on a file without amounts fails as a usage error, naming no kind', () => {
    const p = plan('Kommun;Verksamhet;Kommentar', ['1460;Äldreomsorg;x'], { kind: 'budget' });
    expect([p.failed, p.kind]).toEqual(['kind-no-amounts', undefined]);
  });

  it('a missing column fails the plan but keeps its kind', () => {
    const p = plan('Kommun;Fråga;Antal svarande;Andel', ['1460;helhetssyn;112;87,5']);
    expect([p.failed, p.kind]).toEqual(['header-missing-column', 'survey']);
    expect(p.findings.at(-1)!.args!.missing).toMatch(/^period/);
  });

  it('a column the config maps that the file lacks fails the plan, naming the mapping: the role is not read elsewhere', () => {
    // "Antal" for n in a file whose column is "Antal svarande": read without n, its small cells were published.
    const p = plan('År;Kommun;Fråga;Antal svarande;Andel', ['2024;1460;helhetssyn;24;87,5'], { columns: { n: 'Antal', share: 'Andel' } });
    expect([p.failed, p.kind]).toEqual(['header-missing-column', undefined]);
    expect(p.findings.at(-1)!.args!.missing).toBe('n (the config\'s "columns" maps it to "Antal", which is no column of the file)');
    // Spelled as the header is, but for case and accents, it is the column.
    expect(plan('År;Kommun;Fråga;Antal svarande;Andel', ['2024;1460;helhetssyn;24;87,5'], { columns: { n: 'antal SVARANDE' } }).failed).toBeUndefined();
  });

  it("a config entry's period, municipality or indicator that the file has a column for is not read, and said", () => {
    const p = plan('Period;Kommun;Verksamhet;Budget helår;Utfall ack', ['2025-03;1460;Äldreomsorg;1200;300'], { period: '2025-06', configured: { period: '2025-06', municipality: '1461' }, municipality: '1461' });
    expect(p.findings.filter((f) => f.code === 'setting-unused').map((f) => [f.column, f.args])).toEqual([
      [1, { key: 'period', value: '2025-06', header: 'Period' }],
      [2, { key: 'municipality', value: '1461', header: 'Kommun' }],
    ]);
    // A file without the column reads the setting: nothing to say.
    expect(plan('Verksamhet;Budget helår;Utfall ack', ['Äldreomsorg;1200;300'], { period: '2025-06', municipality: '1460', configured: { period: '2025-06', municipality: '1460' } }).findings.filter((f) => f.code === 'setting-unused')).toEqual([]);
  });

  it('a budget file dated and measured by its title, its "Periodutfall" read as the outcome so far', () => {
    const p = plan('Verksamhet;Budget helår;Periodutfall;Kommentar', ['Äldreomsorg;1200;800;ok'], { municipality: '1460' }, { title: 'Månadsuppföljning april 2025, belopp i tkr' });
    expect(p).toMatchObject({ kind: 'budget', titlePeriod: '2025-04', unit: 'tkr', unitAssumed: false });
    expect(p.roles).toMatchObject({ service: 0, budgetYear: 1, actualYtd: 2 });
    expect(p.roles.actualMonth).toBeUndefined();
    expect(codes(p)).toEqual(['period-from-title@1:-', 'column-unused@1:4', 'column-year-to-date@1:3', 'unit-from-title@1:-']);
  });

  it('a budget file with no unit anywhere assumes kronor and says so', () => {
    const p = plan('Kommun;Period;Verksamhet;Budget', ['1460;2025-03;Äldreomsorg;100']);
    expect([p.unit, p.unitAssumed]).toEqual(['kr', true]);
    expect(codes(p)).toEqual(['unit-assumed@1:-']);
  });

  it('a table of one measure without an indicator column is named after its file', () => {
    const p = plan('Kommun;År;Värde', ['1460;2024;3,5']);
    expect(p.fileIndicator).toBe('ekonomi');
    expect(codes(p)).toEqual(['indicator-from-file@1:-']);
  });

  it('a later part of a split file reports none of the header\'s findings, unless the header fails', () => {
    const first = plan('Kommun;År;Värde', ['1460;2024;3,5']);
    const later = plan('Kommun;År;Värde', [], { decimal: ',' }, { continued: true, plan: first.header });
    expect(later.findings).toEqual([]);
    expect(later.fileIndicator).toBe('ekonomi');
    expect(codes(plan('foo;bar', [], {}, { continued: true }))).toEqual(['header-unrecognised@1:-']);
  });

  it('a pooled range among a wide table\'s periods is noted', () => {
    expect(plan('Region;2004-2007;2008-2011', ['Riket;1;2'], {}, { title: 'Andel' }).pooled).toBe('2004-2007');
  });
});

describe('a weight column in a respondent file (tillit counts respondents unweighted)', () => {
  const head = 'Löpnr;Kommun;År;Verksamhet;Fråga;Svar';
  const row = '1;0180;2024;Hemtjänst;helhetssyn;Mycket nöjd';
  it('a warning at the header naming the column by number and header; one for the file, however many', () => {
    const p = plan(`${head};Vikt`, [`${row};0,5`]);
    expect(p.kind).toBe('answers');
    expect(p.findings.filter((f) => f.code === 'column-weight')).toEqual([
      { code: 'column-weight', line: 1, column: 7, args: { columns: 'column 7 "Vikt"', count: 1 } },
    ]);
    const two = plan(`Kalibreringsvikt;${head};Designvikt`, [`1,2;${row};0,9`]);
    expect(two.findings.filter((f) => f.code === 'column-weight')).toEqual([
      { code: 'column-weight', line: 1, column: 1, args: { columns: 'columns 1 "Kalibreringsvikt" and 8 "Designvikt"', count: 2 } },
    ]);
  });
  it('a weight the same for every respondent (an unweighted export\'s column of 1s, a helper\'s file) weighs nothing: no finding', () => {
    expect(codes(plan(`${head};Vikt`, [`${row};1`, `2;0180;2024;Hemtjänst;helhetssyn;Ganska nöjd;1`, `3;0180;2024;Hemtjänst;helhetssyn;Mycket missnöjd;1`]))).toEqual([]);
    expect(codes(plan(`${head};Vikt`, [`${row};1`, `2;0180;2024;Hemtjänst;helhetssyn;Ganska nöjd;1,4`]))).toContain('column-weight@1:7');
  });
  it('no weight, no finding: other extra columns of a respondent file, and a survey file\'s "Vikt"', () => {
    expect(codes(plan(`${head};Ålder;Viktigaste orsak`, [`${row};85;Personalen`]))).toEqual([]);
    expect(codes(plan('År;Kommun;Fråga;Antal svarande;Andel;Vikt', ['2024;1460;helhetssyn;112;87,5;1']))).not.toContain('column-weight@1:6');
  });
});

describe('planRecords: a survey file\'s columns of numbers no role takes', () => {
  it('are named as unread (those asked, a response rate, last year\'s share), a text column is not', () => {
    const p = plan('År;Kommun;Verksamhet;Fråga;Antal tillfrågade;Svarsfrekvens (%);Andel positiva (%);Kommentar;Andel positiva 2024 (%)', ['2025;1461;Hemtjänst;Helhetssyn;50;55;90;ok;88']);
    expect(p.kind).toBe('survey');
    expect(codes(p)).toEqual(['column-unused@1:5', 'column-unused@1:6', 'column-unused@1:9']);
    expect(p.findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
  });
  it('a code, an interval or the nation\'s share beside the figures is no unread figure of the survey (a reviewer\'s Länskod left an ordinary file unclean)', () => {
    const p = plan('Länskod;Kommun;År;Verksamhet;Frågenr;Fråga;Antal svarande;Andel positiva (%);KI nedre;KI övre;Riket (%)', ['14;1461;2025;Hemtjänst;3;Helhetssyn;50;90;82;98;88']);
    expect(p.kind).toBe('survey');
    expect(codes(p)).toEqual([]);
  });
});

describe('planRecords: a file of answers whose count column repeats the question\'s respondents', () => {
  const head = 'År;Kommun;Fråga;Svarsalternativ;Andel (%);Antal svarande';
  const answers = ['Mycket nöjd;40,0', 'Ganska nöjd;30,0', 'Varken nöjd eller missnöjd;10,0', 'Ganska missnöjd;5,3', 'Mycket missnöjd;4,7', 'Vet ej;10,0'];
  it('with each answer\'s share beside it, is read as shares of that number (counted per row, 150 respondents were 900)', () => {
    const p = plan(head, answers.map((a) => `2025;1460;Helhetssyn;${a};150`));
    expect(p.failed).toBeUndefined();
    expect(p.answerShares).toBe(true);
    expect(codes(p)).toEqual(['answer-shares@1:5']);
  });
  it('with no share beside it, is refused at the header', () => {
    const bare = 'År;Kommun;Fråga;Svarsalternativ;Antal svarande';
    const p = plan(bare, answers.map((a) => `2025;1460;Helhetssyn;${a.split(';')[0]};150`));
    expect(p.failed).toBe('answers-n-repeated');
    expect(codes(p)).toEqual(['answers-n-repeated@1:-']);
    // Ja / Nej over two questions, each repeating its n.
    expect(plan(bare, ['2025;1460;Q1;Ja;50', '2025;1460;Q1;Nej;50', '2025;1460;Q2;Ja;48', '2025;1460;Q2;Nej;48']).failed).toBe('answers-n-repeated');
    // One question of two answers sharing a count by chance decides nothing.
    expect(plan(bare, ['2025;1460;Q1;Ja;40', '2025;1460;Q1;Nej;40']).failed).toBeUndefined();
  });
  it('counts per answer (two answers may share a count) are read', () => {
    const p = plan(head, answers.map((a, i) => `2025;1460;Helhetssyn;${a};${[60, 45, 15, 8, 8, 15][i]}`));
    expect(p.failed).toBeUndefined();
    expect(codes(p)).toEqual(['answer-counts@1:6']);
  });
});
