import { describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../src/ingest/parse-input.js';
import { resolveScores, scaleBlocks } from '../../src/ingest/scores.js';
import type { AnswerRecord } from '../../src/model/records.js';
import { answerTable } from '../indicators/inputs.js';
import { answerRecords, parseText } from './helpers.js';

/** An answer group with numeric answers counted by value (index 1–10). */
function group(indicator: string, counts: Record<number, number>, overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  const scores = new Array<number>(11).fill(0);
  for (const [v, c] of Object.entries(counts)) scores[Number(v)] = c;
  return { kind: 'answers', area: { code: '1460', kind: 'municipality' }, period: '2025', indicator, service: '', gender: 'T', positive: 0, other: 0, excluded: 0, scores, source: { file: 'a.csv', line: 2 }, ...overrides };
}
const input = (file: string, groups: AnswerRecord[]): ParsedInput => ({ file, counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, records: [], answers: [answerTable(groups, file)], findings: [], rejects: [] });
/** Group `i` of an input's table, as counted now. */
const counts = (a: ParsedInput, i = 0) => {
  const r = a.answers![0]!.record(i);
  return [r.positive, r.other, r.excluded, r.scores];
};

describe('resolveScores: numeric answers once the whole run is read', () => {
  it('1–5: 4–5 positive (hand-worked: 3 + 2 of 10)', () => {
    const a = input('a.csv', [group('q', { 1: 1, 2: 2, 3: 2, 4: 3, 5: 2 })]);
    resolveScores([a]);
    expect(counts(a)).toEqual([5, 5, 0, undefined]);
  });
  it('1–7: 6–7 positive', () => {
    const a = input('a.csv', [group('q', { 1: 1, 5: 4, 6: 2, 7: 3 })]);
    resolveScores([a]);
    expect(counts(a)).toEqual([5, 5, 0, undefined]);
  });
  it('1–10: 8–10 positive, added to labelled answers already counted (Vet ej stays excluded)', () => {
    const a = input('a.csv', [group('q', { 3: 1, 7: 2, 8: 1, 10: 4 }, { positive: 0, other: 0, excluded: 3 })]);
    resolveScores([a]);
    expect(counts(a)).toEqual([5, 3, 3, undefined]);
  });
  it('decides per question over every file and area: a municipality whose answers stop at 5 is read on the 1–10 scale of the others', () => {
    const low = group('betyg', { 4: 2, 5: 3 }, { area: { code: '1461', kind: 'municipality' } });
    // 2 and 6–9: no value apart above the others (1–5 and 9 alone would be a code; see below).
    const high = group('betyg', { 9: 1, 8: 1, 7: 1, 6: 1, 2: 1 });
    const other = group('annan', { 4: 2, 5: 3 });
    const a = input('a.csv', [low, other]);
    const b = input('b.csv', [high]);
    resolveScores([a, b]);
    expect(counts(a, 0)).toEqual([0, 5, 0, undefined]);
    expect(counts(b, 0)).toEqual([2, 3, 0, undefined]);
    expect(counts(a, 1)).toEqual([5, 0, 0, undefined]);
  });
  it('says what it decided and from what, once per question, at the question\'s first group: a warning, never silent', () => {
    const a = input('a.csv', [group('betyg', { 5: 1 }, { source: { file: 'a.csv', line: 7 } }), group('betyg', { 6: 1, 7: 1 })]);
    resolveScores([a]);
    expect(a.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['answer-scale-inferred', 'warning', 7]]);
    // The message shows what choosing the scale shows, not the highest answer (3 of 5 would say no one was positive).
    expect(a.findings[0]!.message).toContain('1–7 scale, 6–7 positive, because answers go above 5 and none above 7 in the inputs');
    const low = input('low.csv', [group('trygg', { 1: 4, 3: 8 })]);
    resolveScores([low]);
    expect(low.findings[0]!.message).toContain('1–5 scale, 4–5 positive, because no answer is above 5 in the inputs');
    expect(low.findings[0]!.message).not.toContain('3');
  });
  it('leaves groups without numeric answers and their findings alone', () => {
    const r: AnswerRecord = { ...group('q', {}), positive: 4, other: 1 };
    delete r.scores;
    const a = input('a.csv', [r]);
    resolveScores([a]);
    expect(counts(a)).toEqual([4, 1, 0, undefined]);
    expect(a.findings).toEqual([]);
  });
  it('from a file: numbers are counted by value as rows are read, and decided from all of them', () => {
    const text = 'Kommun;År;Fråga;Svar\n' + ['2', '8', '10', '7', 'Vet ej'].map((a) => `1460;2025;q;${a}`).join('\n');
    const parsed = parseText(text);
    expect(answerRecords(parsed)).toMatchObject([{ positive: 0, other: 0, excluded: 1, scores: [0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1] }]);
    resolveScores([parsed]);
    expect(answerRecords(parsed)).toEqual([expect.objectContaining({ positive: 2, other: 2, excluded: 1 })]);
    expect(answerRecords(parsed)[0]!.scores).toBeUndefined();
  });
});

describe('numeric answers that show a code rather than a scale are read on none', () => {
  it('1–5 and 9 for "Vet ej" (tester\'s file, 68 positive of 108 on 1–5): not read as 1–10 (12 of 120 = 10 %); every numeric answer rejected, an error says what was seen and how to declare it', () => {
    const a = input('a.csv', [
      group('helhetssyn', { 1: 16, 2: 15, 3: 9, 4: 40, 5: 28, 9: 12 }, { period: '2024', source: { file: 'a.csv', line: 2 }, excluded: 2 }),
      group('annan', { 1: 1, 4: 3, 5: 2 }, { period: '2024', source: { file: 'a.csv', line: 9 } }),
    ]);
    const breaks = resolveScores([a]);
    // Labelled answers already counted (Vet ej excluded) stay; the cell is incomplete through its rejected answers.
    expect(a.answers![0]!.record(0)).toMatchObject({ positive: 0, other: 0, excluded: 2, rejected: 120 });
    expect(counts(a, 1)).toEqual([5, 1, 0, undefined]);
    expect(breaks.size).toBe(0);
    expect(a.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['answer-scale-unclear', 'error', 2], ['answer-scale-inferred', 'warning', 9]]);
    expect(a.findings[0]!.message).toBe('question helhetssyn: its numeric answers in 2024 are 1–5 and 9: none is 6–8, so 9 stands apart above the 1–5 the others fit, as a code for no answer (such as "Vet ej") after a 1–5 scale would. tillit does not guess whether 9 is an answer: no share of the question is published. In the config, name a code that is no answer under survey.excluded (["9"]), or, if it is an answer, the question\'s positive answers under survey.questions ({"helhetssyn": {"positive": ["8", "9", "10"]}})');
  });
  it('1–5 and 6 for "Vet ej" (none of 7): not read as 1–7 with 6 its only positive answer, in every file and area of the run', () => {
    const a = input('a.csv', [group('helhetssyn', { 1: 8, 2: 10, 3: 4, 4: 15, 5: 13, 6: 10 }, { period: '2024' })]);
    const b = input('b.csv', [group('helhetssyn', { 1: 2, 3: 4, 4: 4, 5: 4, 6: 1 }, { period: '2024', area: { code: '0114', kind: 'municipality' } })]);
    resolveScores([a, b]);
    expect(a.answers![0]!.record(0)).toMatchObject({ positive: 0, other: 0, rejected: 60 });
    expect(b.answers![0]!.record(0)).toMatchObject({ positive: 0, other: 0, rejected: 15 });
    // Said once, on the question's first file.
    expect(a.findings.map((f) => f.code)).toEqual(['answer-scale-unclear']);
    expect(b.findings).toEqual([]);
    expect(a.findings[0]!.message).toContain('its numeric answers in 2024 are 1–6: 6 is one past the top of 1–5 and none is 7, as a code for no answer (such as "Vet ej") after a 1–5 scale would.');
    expect(a.findings[0]!.message).toContain('survey.excluded (["6"])');
  });
  it('a real 1–10 question spread over its scale and a 1–5 one are read as before', () => {
    const a = input('a.csv', [group('tio', { 1: 2, 2: 3, 3: 4, 4: 6, 5: 9, 6: 10, 7: 14, 8: 20, 9: 15, 10: 11 }), group('fem', { 1: 16, 2: 15, 3: 9, 4: 40, 5: 40 })]);
    resolveScores([a]);
    expect(counts(a, 0)).toEqual([46, 48, 0, undefined]);
    expect(counts(a, 1)).toEqual([80, 40, 0, undefined]);
    expect(a.findings.map((f) => f.code)).toEqual(['answer-scale-inferred', 'answer-scale-inferred']);
  });
});

describe('a question whose scale changed between years', () => {
  const years = (...pairs: [string, number][]) => scaleBlocks(new Map(pairs));
  const summary = (blocks: ReturnType<typeof scaleBlocks>) => blocks.map((b) => [b.periods, b.scale.max, b.highest]);
  it('1–5 years then 1–10 years: each run on its own scale, in period order', () => {
    expect(summary(years(['2025', 10], ['2023', 5], ['2024', 5]))).toEqual([[['2023', '2024'], 5, 5], [['2025'], 10, 10]]);
    expect(summary(years(['2022', 7], ['2023', 10]))).toEqual([[['2022'], 7, 7], [['2023'], 10, 10]]);
  });
  it('a sample, not a scale: alternating years, or a shorter run that never reaches its top, stay on one scale', () => {
    expect(summary(years(['2022', 10], ['2023', 7], ['2024', 10]))).toEqual([[['2022', '2023', '2024'], 10, 10]]);
    expect(summary(years(['2023', 4], ['2024', 9]))).toEqual([[['2023', '2024'], 10, 9]]);
    expect(summary(years(['2023', 6], ['2024', 10]))).toEqual([[['2023', '2024'], 10, 10]]);
    expect(summary(years(['2024', 5]))).toEqual([[['2024'], 5, 5]]);
  });
  it('read per year (hand-worked: 2023 45 of 55 on 4–5, 2025 37 of 55 on 8–10), said once, the new scale\'s first year returned as a break', () => {
    const old = group('Nöjd', { 5: 30, 4: 15, 3: 5, 2: 3, 1: 2 }, { period: '2023', source: { file: 'a.csv', line: 2 } });
    const next = group('Nöjd', { 10: 10, 9: 15, 8: 12, 7: 8, 6: 5, 5: 3, 3: 2 }, { period: '2025', source: { file: 'a.csv', line: 60 } });
    const a = input('a.csv', [old, next]);
    const breaks = resolveScores([a]);
    expect(counts(a, 0)).toEqual([45, 10, 0, undefined]);
    expect(counts(a, 1)).toEqual([37, 18, 0, undefined]);
    expect([...breaks]).toEqual([['Nöjd', [2025]]]);
    expect(a.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['answer-scale-changed', 'warning', 2]]);
    expect(a.findings[0]!.message).toBe('question Nöjd: its numeric answers changed scale between years, so each run of years is read on its own: 1–5 (4–5 positive) in 2023, where no answer is above 5; 1–10 (8–10 positive) in 2025, where answers go above 7. Shares on two scales are not comparable: the series is broken at 2025 (no change or trend across it); if the scale did not change, list its positive answers under survey.questions');
  });
  it('one scale: no break', () => {
    expect(resolveScores([input('a.csv', [group('q', { 9: 1 }, { period: '2023' }), group('q', { 10: 1 }, { period: '2024' })])]).size).toBe(0);
  });
});
