import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { AnswerTable, EXCLUDED, OTHER, POSITIVE, REJECTED } from '../../src/model/answer-table.js';

const area = (code: string) => ({ code, kind: 'municipality' as const });

describe('AnswerTable', () => {
  it('gives each group as the record the schema describes: counts, rejected and numeric answers only when there are some', () => {
    const t = new AnswerTable('svar.csv');
    const a = t.add(area('1460'), '2025', 'q', 'Hemtjänst', 'K', 2);
    t.tally(a, POSITIVE, 3);
    t.tally(a, OTHER);
    t.tally(a, EXCLUDED, 2);
    const b = t.add(area('1460'), '2025', 'q', 'Hemtjänst', 'M', 4);
    t.tally(b, REJECTED);
    t.score(b, 7, 2);
    expect(t.records()).toEqual([
      { kind: 'answers', area: area('1460'), period: '2025', indicator: 'q', service: 'Hemtjänst', gender: 'K', positive: 3, other: 1, excluded: 2, source: { file: 'svar.csv', line: 2 } },
      { kind: 'answers', area: area('1460'), period: '2025', indicator: 'q', service: 'Hemtjänst', gender: 'M', positive: 0, other: 0, excluded: 0, rejected: 1, scores: [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0], source: { file: 'svar.csv', line: 4 } },
    ]);
    // Areas are kept once: by the object, else by kind and code.
    expect(t.areas).toHaveLength(1);
  });
  it('grows past its first room and keeps every group', () => {
    const t = new AnswerTable('svar.csv', 2);
    for (let i = 0; i < 5000; i++) t.tally(t.add(area(String(1000 + (i % 290))), String(2015 + (i % 11)), `q${i}`, '', 'T', i + 2), POSITIVE, i);
    t.score(4999, 10);
    expect(t.length).toBe(5000);
    expect(t.record(4321)).toMatchObject({ area: { code: String(1000 + (4321 % 290)) }, indicator: 'q4321', positive: 4321, source: { line: 4323 } });
    expect(t.record(4999).scores![10]).toBe(1);
    expect(t.record(0).scores).toBeUndefined();
  });
  it('a table crosses threads as plain data and comes back the same, areas shared as before', () => {
    const text = 'Kommun;År;Verksamhet;Fråga;Svar;Kön\n1460 Bengtsfors;2025;Hemtjänst;q1;Mycket nöjd;Kvinna\n1460 Bengtsfors;2025;Hemtjänst;q2;Vet ej;Kvinna\n1461;2024;"Säbo ""A""";q1;Kanske;Man\n1461;2024;x;q1;7;Man\n';
    const parsed = parseInput(Buffer.from(text), { ...ingestOptions(defaultConfig(), {}, {}), file: 'svar.csv' });
    const groups = parsed.answers![0]!.records();
    expect(groups).toHaveLength(4);
    expect(groups[2]).toMatchObject({ rejected: 1 });
    expect(groups[3]!.scores).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    const back = AnswerTable.from(structuredClone(parsed.answers![0]!.plain()));
    expect(back.records()).toEqual(groups);
    expect(back.area(0)).toBe(back.area(1));
    // Counts and lines beyond 32 bits come back exactly.
    const huge = new AnswerTable('svar.csv');
    huge.add({ code: '1460', kind: 'municipality' }, '2025', 'q', '', 'T', 2 ** 40 + 1);
    huge.tally(0, POSITIVE, 3_000_000_007);
    expect(AnswerTable.from(structuredClone(huge.plain())).records()).toMatchObject([{ positive: 3_000_000_007, source: { line: 2 ** 40 + 1 } }]);
  });
  it('moves every line on by the start of a later part', () => {
    const t = new AnswerTable('svar.csv');
    t.add(area('1460'), '2025', 'q', '', 'T', 2);
    t.add(area('1461'), '2025', 'q', '', 'T', 7);
    expect(t.shiftLines(100).records().map((r) => r.source.line)).toEqual([102, 107]);
    expect(t.shiftLines(0).records().map((r) => r.source.line)).toEqual([102, 107]);
  });
});
