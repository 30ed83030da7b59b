import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../src/ingest/parse-input.js';
import { answerRecords, parseText } from './helpers.js';

/** What a read gives that does not depend on the rows' own text. */
function outcome(r: ParsedInput) {
  return {
    counts: r.counts, findings: r.findings, records: r.records, answers: answerRecords(r), respondents: r.respondents?.length,
    rejects: r.rejects.map((x) => `${x.line}: ${x.reason}`),
  };
}

const row = fc.record({
  year: fc.constantFrom('2024', '2023', '2024-03', 'x', ''),
  area: fc.constantFrom('1460', '1461', '680', '9999', 'Mellerud', ''),
  service: fc.constantFrom('Hemtjänst', 'Särskilt boende', ''),
  question: fc.constantFrom('helhetssyn', 'trygghet', ''),
  answer: fc.constantFrom('Mycket nöjd', 'Ganska missnöjd', 'Vet ej', 'Kanske', '7', ''),
  gender: fc.constantFrom('K', 'M', 'T', '', 'x'),
  respondent: fc.constantFrom('1', '2', '3', ''),
});

describe('AnswerRows: the quick path', () => {
  it('property: counts every row as the general path does (an empty status column sends every row that way)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const header = 'År;Kommun;Verksamhet;Fråga;Svar;Kön;Löpnummer';
        const lines = rows.map((r) => [r.year, r.area, r.service, r.question, r.answer, r.gender, r.respondent].join(';'));
        const quick = parseText(`${header}\n${lines.join('\n')}\n`);
        const general = parseText(`${header};Status\n${lines.map((l) => `${l};`).join('\n')}\n`);
        expect(outcome(quick)).toEqual(outcome(general));
      }),
      { numRuns: 300 },
    );
  });
});

describe('AnswerRows: a published distribution of answers (a row per answer, with its count)', () => {
  const head = 'År;Kommun;Verksamhet;Fråga;Svarsalternativ;Antal;Andel (%)\n';
  it('counts each answer as many times as its count says (hand-worked: 105 positive of 135)', () => {
    const r = parseText(`${head}2025;1460;Hemtjänst;Helhetssyn;Mycket nöjd;60;40,0\n2025;1460;Hemtjänst;Helhetssyn;Ganska nöjd;45;30,0\n`
      + '2025;1460;Hemtjänst;Helhetssyn;Varken nöjd eller missnöjd;15;10,0\n2025;1460;Hemtjänst;Helhetssyn;Ganska missnöjd;8;5,3\n'
      + '2025;1460;Hemtjänst;Helhetssyn;Mycket missnöjd;7;4,7\n2025;1460;Hemtjänst;Helhetssyn;Vet ej/Ingen åsikt;15;10,0\n');
    expect(r.kind).toBe('answers');
    expect(answerRecords(r).map((a) => [a.positive, a.other, a.excluded])).toEqual([[105, 30, 15]]);
    expect(r.findings.filter((f) => f.code === 'answer-counts').map((f) => `${f.line}:${f.column}`)).toEqual(['1:6']);
  });
  it('counts numeric answers too, and leaves a cell whose count is held back or no whole number incomplete', () => {
    const r = parseText(`${head}2025;1460;Hemtjänst;Trygghet;5;40;\n2025;1460;Hemtjänst;Trygghet;2;10;\n`
      + '2025;1461;Hemtjänst;Trygghet;Mycket nöjd;..;\n2025;1461;Hemtjänst;Trygghet;Ganska nöjd;20;\n2025;1438;Hemtjänst;Trygghet;Ganska nöjd;2,5;\n');
    const byArea = new Map(answerRecords(r).map((a) => [a.area.code, a]));
    expect(byArea.get('1460')?.scores?.[5]).toBe(40);
    expect(byArea.get('1460')?.scores?.[2]).toBe(10);
    expect(byArea.get('1461')?.rejected).toBe(1);
    expect(byArea.get('1438')?.rejected).toBe(1);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual(['value-required@4:6', 'value-out-of-range@6:6']);
  });
});

describe('AnswerRows: a distribution of shares beside the question\'s respondents on every answer', () => {
  const head = 'År;Kommun;Verksamhet;Fråga;Svarsalternativ;Andel (%);Antal svarande\n';
  const rows = (area: string, n: number, shares: string[]) => ['Mycket nöjd', 'Ganska nöjd', 'Varken nöjd eller missnöjd', 'Ganska missnöjd', 'Mycket missnöjd', 'Vet ej/Ingen åsikt']
    .map((a, i) => `2025;${area};Hemtjänst;Helhetssyn;${a};${shares[i]};${n}`).slice(0, shares.length).join('\n');
  it('counts each answer as its share of the respondents (hand-worked: 60 + 45 positive, 30 other, 15 without an opinion of 150)', () => {
    const r = parseText(`${head}${rows('1460', 150, ['40,0', '30,0', '10,0', '5,3', '4,7', '10,0'])}\n`);
    expect(answerRecords(r).map((a) => [a.positive, a.other, a.excluded, a.rejected ?? 0])).toEqual([[105, 30, 15, 0]]);
    expect(r.findings.filter((f) => f.code === 'answer-shares').map((f) => `${f.line}:${f.column}`)).toEqual(['1:6']);
  });
  it('leaves a cell incomplete where a share allows two whole numbers (one decimal of 2 000 respondents) or none', () => {
    const r = parseText(`${head}${rows('1460', 2000, ['40,1', '59,9'])}\n${rows('1461', 40, ['52,3', '47,7'])}\n${rows('1438', 1200, ['40,1', '59,9'])}\n`);
    const byArea = new Map(answerRecords(r).map((a) => [a.area.code, [a.positive, a.other, a.rejected ?? 0]]));
    // 40,1 % of 2 000 is 802 ± 1: 801, 802 or 803. 52,3 % of 40 is 20,92 ± 0,02: no whole number.
    expect(byArea.get('1460')).toEqual([0, 0, 2]);
    expect(byArea.get('1461')).toEqual([0, 0, 2]);
    // 40,1 % of 1 200 is 481,2 ± 0,6: 481 alone, and 59,9 % 719.
    expect(byArea.get('1438')).toEqual([1200, 0, 0]);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual(['value-out-of-range@2:6', 'value-out-of-range@3:6', 'value-out-of-range@4:6', 'value-out-of-range@5:6']);
  });
});

describe('AnswerRows: a respondent\'s row beside a count column', () => {
  it('is one answer: the count is no count of it', () => {
    const r = parseText('Löpnummer;År;Kommun;Fråga;Svar;Antal\n1;2025;1460;Helhetssyn;Mycket nöjd;3\n2;2025;1460;Helhetssyn;Ganska missnöjd;2\n');
    expect(answerRecords(r).map((a) => [a.positive, a.other])).toEqual([[1, 1]]);
    expect(r.findings.map((f) => f.code)).not.toContain('answer-counts');
  });
});

describe('AnswerRows: a distribution by gender with rows for the total', () => {
  const head = 'År;Kommun;Fråga;Kön;Svarsalternativ;Antal\n';
  const rows = (total: [number, number, number]) => ['Kvinnor;Mycket nöjd;40', 'Kvinnor;Ganska nöjd;30', 'Kvinnor;Ganska missnöjd;20', 'Män;Mycket nöjd;20', 'Män;Ganska nöjd;5', 'Män;Ganska missnöjd;3',
    `Totalt;Mycket nöjd;${total[0]}`, `Totalt;Ganska nöjd;${total[1]}`, `Totalt;Ganska missnöjd;${total[2]}`].map((r) => `2025;1460;Helhetssyn;${r}`).join('\n');
  const byGender = (text: string) => new Map(answerRecords(parseText(`${head}${text}\n`)).map((a) => [a.gender, [a.positive, a.other, a.rejected ?? 0]]));
  it('counts the total\'s respondents once: those of no stated gender are the total less women and men (hand-worked: 2)', () => {
    expect(byGender(rows([60, 35, 23]))).toEqual(new Map([['K', [70, 20, 0]], ['M', [25, 3, 0]]]));
    // 62 positive in all, 60 of them women and men: 2 of no stated gender.
    expect(byGender(rows([62, 35, 23]))).toEqual(new Map([['K', [70, 20, 0]], ['M', [25, 3, 0]], ['T', [2, 0, 0]]]));
  });
  it('leaves the cell incomplete, with an error, when the total is short of its genders', () => {
    const r = parseText(`${head}${rows([55, 35, 23])}\n`);
    expect(answerRecords(r).find((a) => a.gender === 'T')?.rejected).toBe(1);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual(['answer-total-short@8:4']);
  });
});
