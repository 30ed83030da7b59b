import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { repeatedAnswers, RespondentSet, type AnswerSink } from '../../src/ingest/respondents.js';
import { parseText } from './helpers.js';

type Key = [area: string, period: string, service: string, question: string, respondent: string, line: number];
interface Input {
  file: string;
  respondents?: RespondentSet;
  keys?: Key[];
}
const feed = (sink: AnswerSink, entries: readonly Key[]) => {
  for (const [area, period, service, question, respondent, line] of entries) sink.add(sink.cell(area, period, service, question), respondent, line);
};
const input = (file: string, ...entries: Key[]): Input => fromKeys(file, entries);
function fromKeys(file: string, entries: Key[]): Input {
  const set = new RespondentSet();
  feed(set, entries);
  return { file, respondents: set, keys: entries };
}
/** The findings, with the re-read replaying each input's answers; `reads` counts the re-reads. */
async function check(inputs: Input[], reads = { count: 0 }) {
  return repeatedAnswers(inputs, async (k, sink) => {
    reads.count++;
    feed(sink, inputs[k]!.keys!);
  });
}
const found = async (inputs: Input[]) =>
  (await check(inputs)).map((list) => list.map((f) => `${f.code}@${f.line ?? '-'} ${f.message.match(/as at (\S+);/)?.[1] ?? f.message}`));

describe('answers read twice', () => {
  it('a respondent answering the same question twice in one file: the later line, naming the first', async () => {
    const a = input('a.csv', ['1460', '2025', 'Hemtjänst', 'q1', '17', 2], ['1460', '2025', 'Hemtjänst', 'q2', '17', 3], ['1460', '2025', 'Hemtjänst', 'q1', '17', 9]);
    expect(await found([a])).toEqual([['answer-repeated@9 a.csv:2']]);
  });
  it('any part of the key differing is another answer: area, year, service, question, respondent; nothing is re-read', async () => {
    const a = input('a.csv',
      ['1460', '2025', 'H', 'q', '1', 2], ['1461', '2025', 'H', 'q', '1', 3], ['1460', '2024', 'H', 'q', '1', 4],
      ['1460', '2025', 'S', 'q', '1', 5], ['1460', '2025', 'H', 'r', '1', 6], ['1460', '2025', 'H', 'q', '2', 7],
      // Parts are kept apart: ("H", "q1") is not ("Hq", "1").
      ['1460', '2025', 'Hq', '', '1', 8],
    );
    const reads = { count: 0 };
    expect(await check([a], reads)).toEqual([[]]);
    expect(reads.count).toBe(0);
  });
  it('across files, in the order given: the second file\'s answer names the first file\'s line', async () => {
    const a = input('a.csv', ['1460', '2025', 'H', 'q', '1', 2], ['1460', '2025', 'H', 'q', '2', 3]);
    const b = input('b.csv', ['1460', '2025', 'H', 'q', '3', 2], ['1460', '2025', 'H', 'q', '2', 5]);
    expect(await found([a, { file: 'x.csv' }, b])).toEqual([[], [], ['answer-repeated@5 a.csv:3']]);
  });
  it('a third answer names the first, not the second', async () => {
    const a = input('a.csv', ['1460', '2025', 'H', 'q', '1', 2], ['1460', '2025', 'H', 'q', '1', 3], ['1460', '2025', 'H', 'q', '1', 4]);
    expect(await found([a])).toEqual([['answer-repeated@3 a.csv:2', 'answer-repeated@4 a.csv:2']]);
  });
  it('lists 20 per file and counts the rest in one more finding', async () => {
    const entries: Key[] = [];
    for (let i = 0; i < 30; i++) entries.push(['1460', '2025', 'H', 'q', String(i), i + 2]);
    for (let i = 0; i < 30; i++) entries.push(['1460', '2025', 'H', 'q', String(i), i + 100]);
    const [list] = await check([input('a.csv', ...entries)]);
    expect(list!.map((f) => f.code)).toEqual([...Array<string>(20).fill('answer-repeated'), 'answer-repeated-more']);
    expect(list!.at(-1)!.message).toBe('10 more answers repeat an earlier answer of the same respondent');
  });
  it('keeps one entry per respondent and block of 32 questions, not per answer', () => {
    const set = new RespondentSet();
    const questions = Array.from({ length: 40 }, (_, q) => set.cell('1460', '2025', 'H', `q${q}`));
    for (let r = 0; r < 1000; r++) for (const cell of questions.slice(0, 12)) set.add(cell, String(r));
    expect([set.length, set.entries, set.suspects.size]).toEqual([12_000, 1000, 0]);
    // Questions 33 to 40 are a second block: a second entry for those who answer them.
    for (const cell of questions.slice(32)) set.add(cell, '7');
    expect([set.entries, set.suspects.size]).toEqual([1001, 0]);
    set.add(questions[35]!, '7');
    set.add(questions[3]!, '8');
    expect(set.suspects.size).toBe(2);
  });
  it('holds hundreds of thousands of respondents; joined with another set, their shared answers are all found', async () => {
    const entries: Key[] = [];
    for (let i = 0; i < 200_000; i++) entries.push(['1460', '2025', 'H', 'q', String(i), i + 2]);
    const many = fromKeys('a.csv', entries);
    expect(many.respondents!.entries).toBe(200_000);
    expect(await found([many])).toEqual([[]]);
    const copy = fromKeys('b.csv', entries.map(([a, p, s, q, r, line]): Key => [a, p, s, q, r, line + 1000]));
    const [, dups] = await check([many, copy]);
    expect(dups!.length).toBe(21);
    expect([dups![0]!.line, dups![0]!.message.match(/as at (\S+);/)?.[1]]).toEqual([1002, 'a.csv:2']);
    expect(dups![20]!.message).toBe('199980 more answers repeat an earlier answer of the same respondent');
  });
  it('joining a set takes each of its entries once, whatever its table size: disjoint parts add up, a shared answer is a suspect', () => {
    for (const size of [3, 700, 90_000]) {
      const a = new RespondentSet();
      const b = new RespondentSet();
      for (let i = 0; i < size; i++) for (const q of ['q1', 'q2']) {
        a.add(a.cell('1460', '2025', 'H', q), String(i));
        b.add(b.cell('1460', '2025', 'H', q), String(size + i));
      }
      b.add(b.cell('1460', '2025', 'H', 'q2'), '0');
      a.merge(b.pack());
      expect([a.length, a.entries, a.suspects.size]).toEqual([4 * size + 1, 2 * size, 1]);
    }
  });
  it('sets numbering their questions differently (parts read on other threads) are joined by the questions\' texts', () => {
    const a = new RespondentSet();
    a.add(a.cell('1460', '2025', 'H', 'q1'), '1');
    a.add(a.cell('1460', '2025', 'H', 'q2'), '2');
    const b = new RespondentSet();
    b.add(b.cell('1460', '2025', 'H', 'q2'), '1');
    b.add(b.cell('1460', '2025', 'H', 'q1'), '2');
    a.merge(b.pack());
    expect([a.length, a.suspects.size]).toEqual([4, 0]);
    const c = new RespondentSet();
    c.add(c.cell('1460', '2025', 'H', 'q9'), '1');
    c.add(c.cell('1460', '2025', 'H', 'q2'), '2');
    a.merge(c);
    expect(a.suspects.size).toBe(1);
  });
  it('two sets joined are one set of all their answers: the same entries, answers and suspects, whatever order each met the questions in', () => {
    const answer = fc.record({ area: fc.constantFrom('1460', '1461'), respondent: fc.integer({ min: 0, max: 40 }), question: fc.integer({ min: 0, max: 79 }) });
    fc.assert(fc.property(fc.array(answer, { maxLength: 300 }), fc.array(answer, { maxLength: 300 }), (first, second) => {
      const one = new RespondentSet();
      const a = new RespondentSet();
      const b = new RespondentSet();
      const add = (set: RespondentSet, x: { area: string; respondent: number; question: number }) => set.add(set.cell(x.area, '2025', 'H', `q${x.question}`), String(x.respondent));
      for (const x of first) add(one, x), add(a, x);
      for (const x of second) add(one, x), add(b, x);
      a.merge(b.pack());
      expect([a.length, a.entries, [...a.suspects].sort()]).toEqual([one.length, one.entries, [...one.suspects].sort()]);
    }), { numRuns: 300 });
  });
  it('two questions of a part that share a folded bit here still make a suspect when joined, as in one set', () => {
    const a = new RespondentSet();
    for (let i = 0; i < 8160; i++) a.cell('1460', '2025', 'H', `f${i}`);
    a.cell('1460', '2025', 'H', 'x0');
    for (let i = 0; i < 31; i++) a.cell('1460', '2025', 'H', `g${i}`);
    // Question 8 192 here folds onto 8 160's bit; in the part, the two are questions 0 and 1.
    a.cell('1460', '2025', 'H', 'x32');
    const b = new RespondentSet();
    b.add(b.cell('1460', '2025', 'H', 'x0'), '1');
    b.add(b.cell('1460', '2025', 'H', 'x32'), '1');
    expect(b.suspects.size).toBe(0);
    a.merge(b.pack());
    expect(a.suspects.size).toBe(1);
  });
  it('a suspect that the texts do not confirm is no finding: questions past 8 160 share bits', async () => {
    const entries: Key[] = [];
    for (let q = 0; q < 8200; q++) entries.push(['1460', '2025', 'H', `q${q}`, '1', q + 2]);
    const a = input('a.csv', ...entries);
    // Question 8 160 and 8 192 share a bit: suspected, then cleared by the re-read.
    expect(a.respondents!.suspects.size).toBe(1);
    const reads = { count: 0 };
    expect(await check([a], reads)).toEqual([[]]);
    expect(reads.count).toBe(1);
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
  it('rows appended twice are found at their lines, whichever way a row is read, and re-read the same way', async () => {
    // Line 3 goes the general way (a trailing delimiter), the others the quick way: all are keyed alike.
    const text = `${head}7;1460;2025;Hemtjänst;q;Ja;Kvinna\n8;1460;2025;Hemtjänst;q;Nej;Man;\n7;1460;2025;Hemtjänst;q;Ja;Kvinna\n8;1460;2025;Hemtjänst;q;Nej;Man\n`;
    const r = parseText(text);
    expect(r.counts).toEqual({ read: 4, used: 4, rejected: 0, ignored: 0 });
    // A re-read sends its answers to the sink given and keeps no set.
    const reread = (sink: AnswerSink) => parseInput(new TextEncoder().encode(text), { ...ingestOptions(defaultConfig(), {}, {}), file: 'in.csv', answerSink: sink });
    const findings = await repeatedAnswers([r], async (_, sink) => void expect(reread(sink).respondents).toBeUndefined());
    expect(findings.map((list) => list.map((f) => `${f.code}@${f.line} ${f.message.match(/as at (\S+);/)?.[1]}`))).toEqual([['answer-repeated@4 in.csv:2', 'answer-repeated@5 in.csv:3']]);
  });
});
