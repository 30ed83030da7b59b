import { describe, expect, it } from 'vitest';
import { repeatedAnswers, RespondentKeys } from '../../src/ingest/respondents.js';
import { parseText } from './helpers.js';

type Key = [area: string, period: string, service: string, question: string, respondent: string, line: number];
function keys(...entries: Key[]): RespondentKeys {
  const k = new RespondentKeys();
  for (const [area, period, service, question, respondent, line] of entries) k.add(RespondentKeys.cellHash(area, period, service, question), respondent, line);
  return k;
}
const found = (inputs: { file: string; respondents?: RespondentKeys }[]) =>
  repeatedAnswers(inputs).map((list) => list.map((f) => `${f.code}@${f.line ?? '-'} ${f.message.match(/as at (\S+);/)?.[1] ?? f.message}`));

describe('answers read twice', () => {
  it('a respondent answering the same question twice in one file: the later line, naming the first', () => {
    const k = keys(['1460', '2025', 'Hemtjänst', 'q1', '17', 2], ['1460', '2025', 'Hemtjänst', 'q2', '17', 3], ['1460', '2025', 'Hemtjänst', 'q1', '17', 9]);
    expect(found([{ file: 'a.csv', respondents: k }])).toEqual([['answer-repeated@9 a.csv:2']]);
  });
  it('any part of the key differing is another answer: area, year, service, question, respondent', () => {
    const k = keys(
      ['1460', '2025', 'H', 'q', '1', 2], ['1461', '2025', 'H', 'q', '1', 3], ['1460', '2024', 'H', 'q', '1', 4],
      ['1460', '2025', 'S', 'q', '1', 5], ['1460', '2025', 'H', 'r', '1', 6], ['1460', '2025', 'H', 'q', '2', 7],
      // Parts are kept apart: ("H", "q1") is not ("Hq", "1").
      ['1460', '2025', 'Hq', '', '1', 8],
    );
    expect(found([{ file: 'a.csv', respondents: k }])).toEqual([[]]);
  });
  it('across files, in the order given: the second file\'s answer names the first file\'s line', () => {
    const a = keys(['1460', '2025', 'H', 'q', '1', 2], ['1460', '2025', 'H', 'q', '2', 3]);
    const b = keys(['1460', '2025', 'H', 'q', '3', 2], ['1460', '2025', 'H', 'q', '2', 5]);
    expect(found([{ file: 'a.csv', respondents: a }, { file: 'x.csv' }, { file: 'b.csv', respondents: b }])).toEqual([[], [], ['answer-repeated@5 a.csv:3']]);
  });
  it('a third answer names the first, not the second', () => {
    const k = keys(['1460', '2025', 'H', 'q', '1', 2], ['1460', '2025', 'H', 'q', '1', 3], ['1460', '2025', 'H', 'q', '1', 4]);
    expect(found([{ file: 'a.csv', respondents: k }])).toEqual([['answer-repeated@3 a.csv:2', 'answer-repeated@4 a.csv:2']]);
  });
  it('lists 20 per file and counts the rest in one more finding', () => {
    const entries: Key[] = [];
    for (let i = 0; i < 30; i++) entries.push(['1460', '2025', 'H', 'q', String(i), i + 2]);
    for (let i = 0; i < 30; i++) entries.push(['1460', '2025', 'H', 'q', String(i), i + 100]);
    const [list] = repeatedAnswers([{ file: 'a.csv', respondents: keys(...entries) }]);
    expect(list!.map((f) => f.code)).toEqual([...Array<string>(20).fill('answer-repeated'), 'answer-repeated-more']);
    expect(list!.at(-1)!.message).toBe('10 more answers repeat an earlier answer of the same respondent');
  });
  it('holds hundreds of thousands of answers in chunks, packed and appended with lines moved on, none lost', () => {
    const many = new RespondentKeys();
    const cell = RespondentKeys.cellHash('1460', '2025', 'H', 'q');
    for (let i = 0; i < 200_000; i++) many.add(cell, String(i), i + 2);
    expect(many.length).toBe(200_000);
    const copy = new RespondentKeys();
    copy.append(many.pack(), 1000);
    expect([copy.get(0, 2), copy.get(199_999, 2), copy.get(70_000, 0)]).toEqual([1002, 201_001, many.get(70_000, 0)]);
    expect(found([{ file: 'a.csv', respondents: many }])).toEqual([[]]);
    const [dups] = repeatedAnswers([{ file: 'a.csv', respondents: many }, { file: 'b.csv', respondents: copy }]).slice(1);
    expect(dups!.length).toBe(21);
    expect(dups![0]!.line).toBe(1002);
  });
});

describe('respondent numbers in a respondent-level file', () => {
  const head = 'Löpnr;Kommun;År;Verksamhet;Fråga;Svar;Kön\n';
  it('are kept for answers used, by any of the column\'s names; blank numbers name no one', () => {
    for (const name of ['Löpnr', 'Löpnummer', 'Respondent', 'respondent_id', 'Id', 'Svarsnummer']) {
      const r = parseText(`${name};Kommun;År;Fråga;Svar\n1;1460;2025;q;Ja\n;1460;2025;q;Ja\n2;1460;2025;q;Kanske\n`);
      expect(r.respondents?.length, name).toBe(1);
    }
  });
  it('a file without the column keeps none', () => {
    expect(parseText('Kommun;År;Fråga;Svar\n1460;2025;q;Ja\n').respondents).toBeUndefined();
  });
  it('rows appended twice are found at their lines, whichever way a row is read', () => {
    // Line 3 goes the general way (a trailing delimiter), the others the quick way: all are keyed alike.
    const text = `${head}7;1460;2025;Hemtjänst;q;Ja;Kvinna\n8;1460;2025;Hemtjänst;q;Nej;Man;\n7;1460;2025;Hemtjänst;q;Ja;Kvinna\n8;1460;2025;Hemtjänst;q;Nej;Man\n`;
    const r = parseText(text);
    expect(r.counts).toEqual({ read: 4, used: 4, rejected: 0, ignored: 0 });
    expect(found([{ file: 'in.csv', respondents: r.respondents! }])).toEqual([['answer-repeated@4 in.csv:2', 'answer-repeated@5 in.csv:3']]);
  });
});
