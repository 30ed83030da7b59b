import { describe, expect, it } from 'vitest';
import { committeeColumn } from '../../src/ingest/budget-committees.js';
import type { BudgetRecord } from '../../src/model/records.js';
import { budgetRecords, codes, parseText } from './helpers.js';

const lines = (text: string) => budgetRecords(parseText(text, { unit: 'tkr', sign: 'costs-positive' })).map((r: BudgetRecord) => `${r.activity} ${r.budgetYtd}/${r.actualYtd}`);

describe('committeeColumn', () => {
  it('finds Nämnd (Nämnd/styrelse, Committee) among the columns no role took', () => {
    expect(committeeColumn(['Nämnd', 'Verksamhet', 'Budget'], [0])).toBe(0);
    expect(committeeColumn(['Kommun', 'Nämnd/styrelse'], [1])).toBe(1);
    expect(committeeColumn(['Committee'], [0])).toBe(0);
    expect(committeeColumn(['Kommentar', 'Nämnd'], [0])).toBeUndefined();
  });
});

describe('a finance file with a committee column', () => {
  it('an activity two committees have is a line of each, named by its committee; one only one has keeps its name', () => {
    const text = 'Kommun;Period;Nämnd;Verksamhet;Budget ack;Utfall ack\n'
      + '2581;2025-08;Kommunstyrelsen;Administration;30 000;29 500\n2581;2025-08;Socialnämnden;Administration;8 000;8 600\n2581;2025-08;Socialnämnden;Äldreomsorg;121 357;124 100\n';
    expect(lines(text)).toEqual(['Administration (Kommunstyrelsen) 30000000/29500000', 'Administration (Socialnämnden) 8000000/8600000', 'Äldreomsorg 121357000/124100000']);
    expect(codes(parseText(text, { unit: 'tkr', sign: 'costs-positive' }))).toEqual([]);
  });
  it('a committee\'s heading and its Summa row written in its column are a heading and a total, not rows missing an activity', () => {
    const text = 'Kommun;Period;Nämnd;Verksamhet;Budget ack;Utfall ack\n'
      + '2581;2025-08;Socialnämnden;;;\n2581;2025-08;Socialnämnden;Äldreomsorg;100;110\n2581;2025-08;Socialnämnden;LSS;50;40\n2581;2025-08;Summa Socialnämnden;;150;150\n';
    const r = parseText(text, { unit: 'tkr', sign: 'costs-positive' });
    expect(codes(r)).toEqual([]);
    expect(codes(r, 'info').filter((c) => !c.startsWith('sign'))).toEqual(['budget-heading@2:-', 'total-row@5:-']);
    expect(lines(text)).toEqual(['Äldreomsorg 100000/110000', 'LSS 50000/40000']);
  });
  it('a committee\'s sum as pivot tables write it in its column (Totalt …, … Resultat, … Summa) is a total, not a line', () => {
    for (const sum of ['Totalt Socialnämnden', 'Socialnämnden Resultat', 'Socialnämnden Summa']) {
      const text = `Kommun;Period;Nämnd;Verksamhet;Budget ack;Utfall ack\n2581;2025-08;Socialnämnden;Äldreomsorg;100;110\n2581;2025-08;Socialnämnden;LSS;50;40\n2581;2025-08;${sum};;150;150\n`;
      expect([sum, lines(text)]).toEqual([sum, ['Äldreomsorg 100000/110000', 'LSS 50000/40000']]);
    }
  });
});

describe('a finance file with detail columns (Hypergene, Stratsys: Ansvar, Kontoklass, Projekt)', () => {
  const head = 'Period;Ansvar;Verksamhet;Kontoklass;Projekt;Budget helår;Budget ack;Utfall ack';
  const rows = [
    '2025-03;7100 Äldreomsorg;Hemtjänst;Intäkter;;-12 000;-3 000;-3 100',
    '2025-03;7100 Äldreomsorg;Hemtjänst;Personalkostnader;;60 000;15 000;15 400',
    '2025-03;7100 Äldreomsorg;Hemtjänst;Övriga kostnader;;12 000;3 000;2 900',
    '2025-03;7100 Äldreomsorg;Särskilt boende;Personalkostnader;;90 000;22 500;22 800',
    '2025-03;7100 Äldreomsorg;Särskilt boende;Personalkostnader;P123 Digitalisering;4 000;1 000;1 200',
    '2025-03;7200 IFO;Individ- och familjeomsorg;Netto;;44 000;11 000;11 550',
    '2025-03;7200 IFO;Individ- och familjeomsorg;Intäkter;;-6 000;-1 500;-1 450',
    '2025-03;7200 IFO;Individ- och familjeomsorg;Kostnader;;50 000;12 500;13 000',
  ];
  const read = (lines: string[]) => parseText(`${head}\n${lines.join('\n')}\n`, { unit: 'tkr', municipality: '1460' });
  const ytd = (r: ReturnType<typeof read>) => r.budget!.records().map((b) => `${b.activity} ${b.budgetYtd! / 1000} ${b.actualYtd! / 1000}`);

  it('adds a line\'s parts up (a "Netto" row among them left out), and says so once: every row was a conflict before, the report blank with exit 0', () => {
    const r = read(rows);
    expect(ytd(r)).toEqual(['Hemtjänst 15000 15200', 'Särskilt boende 23500 24000', 'Individ- och familjeomsorg 11000 11550']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const said = r.findings.filter((f) => f.code === 'budget-detail-summed');
    expect(said.map((f) => [f.severity, f.line])).toEqual([['warning', 1]]);
    expect(said[0]!.message).toContain('differ in "Ansvar", "Kontoklass", "Projekt" are its parts');
    expect(said[0]!.message).toContain('3 row(s) were added to their line\'s first, and 2 row(s) that sum others ("Netto", "Summa …", a blank account, "varav") were not added again (a net the file gives is the figure)');
    expect(r.counts).toMatchObject({ used: 6, ignored: 2, rejected: 0 });
  });
  it('a row alike in every detail column with other amounts is a conflict: the line is left without figures, its parts not added', () => {
    const r = read([rows[3]!, rows[3]!.replace('22 800', '22 900'), rows[4]!]);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.line])).toEqual([['budget-detail-conflict', 3]]);
    expect(r.budget!.records().map((b) => b.actualYtd)).toEqual([null]);
  });
  it('a line\'s own sum in any order and wording is not added to its parts (a helper\'s "Nettokostnad", blank class, "varav" project, "Summa intäkter")', () => {
    const file = (col: string, rows: string[]) => parseText(`Kommun;Period;Verksamhet;${col};Budget ack;Utfall ack\n${rows.map((r) => `1460;2025-06;Äldreomsorg;${r}`).join('\n')}\n`, { unit: 'tkr' });
    const line = (r: ReturnType<typeof file>) => r.budget!.records().map((b) => `${b.budgetYtd! / 1000} ${b.actualYtd! / 1000}`);
    const cases: [string, string[]][] = [
      ['Kontoklass', ['Intäkter;-15 000;-15 400', 'Personalkostnader;100 000;102 300', 'Övriga kostnader;35 000;34 100', 'Nettokostnad;120 000;121 000']],
      ['Kontoklass', [';120 000;121 000', 'Intäkter;-15 000;-15 400', 'Personalkostnader;100 000;102 300', 'Övriga kostnader;35 000;34 100']],
      ['Projekt', [';120 000;121 000', 'P1001 Välfärdsteknik (varav);2 000;2 600']],
      ['Kontoklass', ['Summa intäkter;-15 000;-15 400', 'Summa kostnader;135 000;136 400', 'Nettokostnad;120 000;121 000']],
    ];
    for (const [col, rows] of cases) {
      const r = file(col, rows);
      expect(line(r), rows.join(' | ')).toEqual(['120000 121000']);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
  it('a reviewer\'s cases: a blank project is a part, a " / " in a cell, a class\'s sum beside Netto, an empty first row, a part without a forecast, a net per responsibility', () => {
    const year = (head: string, rows: string[]) => parseText(`Period;Kommun;Verksamhet;${head};Budget ack;Utfall ack;Prognos helår\n${rows.map((r) => `2025-06;Bengtsfors;Äldreomsorg;${r}`).join('\n')}\n`, { unit: 'tkr' });
    const line = (r: ReturnType<typeof year>) => r.budget!.records().map((b) => [b.budgetYtd, b.actualYtd, b.forecast].map((v) => (v === null ? null : v / 1000)));
    expect(line(year('Projekt', [';2500;2600;5000', 'P1 Digitalisering;100;90;200']))).toEqual([[2600, 2690, 5200]]);
    expect(line(year('Kontoklass', ['Intäkter / bidrag;-500;-400;-1000', 'Kostnader;2500;2600;5000']))).toEqual([[2000, 2200, 4000]]);
    expect(line(year('Kontoklass', ['Intäkter;-500;-400;', 'Personalkostnader;2000;2100;', 'Övriga kostnader;500;500;', 'Summa kostnader;2500;2600;', 'Netto;2000;2200;']))).toEqual([[2000, 2200, null]]);
    expect(line(year('Kontoklass', [';;;', 'Intäkter;-500;-400;-1000', 'Kostnader;2500;2600;5000']))).toEqual([[2000, 2200, 4000]]);
    // A forecast of costs alone is no net forecast: the line has none.
    expect(line(year('Kontoklass', ['Intäkter;-500;-400;', 'Kostnader;2500;2600;5300']))).toEqual([[2000, 2200, null]]);
    expect(line(year('Ansvar;Kontoklass', ['100;Intäkter;-500;-400;', '100;Kostnader;2500;2600;', '100;;2000;2200;', '200;Kostnader;450;470;']))).toEqual([[2450, 2670, null]]);
  });
  it('a column of another name (a version, a scenario) is no part: its rows conflict as before', () => {
    const r = parseText(`Period;Verksamhet;Version;Budget ack;Utfall ack\n2025-03;Hemtjänst;V1;3 000;3 100\n2025-03;Hemtjänst;V2;3 200;3 100\n`, { unit: 'tkr', municipality: '1460' });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['duplicate-conflict']);
  });
});
