import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { AnswerRows } from '../../src/ingest/answer-rows.js';
import { createIngest, type ParsedInput } from '../../src/ingest/parse-input.js';
import { answerRecords, bothPaths, feeds, readStreamed } from './helpers.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const read = (text: string, blockBytes: number, chunk: number, encoding: 'utf8' | 'latin1' = 'utf8') => readStreamed(text, { blockBytes, chunk, encoding, file: 'svar.csv' });

/** A read's respondents as what they hold (each entry's key and questions answered, the suspects), not where the table placed them. */
function respondents(r: ParsedInput) {
  if (r.respondents === undefined) return undefined;
  const { table, questions, suspects, length } = r.respondents.pack();
  const entries: string[] = [];
  for (let at = 0; at < table.length; at += 3) if (table[at + 2] !== 0) entries.push(`${table[at]}:${table[at + 1]}:${table[at + 2]}`);
  return { entries: entries.sort(), questions, suspects: [...suspects].sort(), length };
}

/** What a read gives that does not depend on the rows' own text nor the table's width. */
function outcome(r: ParsedInput) {
  return {
    counts: r.counts, findings: r.findings.map((f) => `${f.severity} ${f.code}@${f.line}:${f.column}`), records: r.records, answers: answerRecords(r), respondents: respondents(r),
    rejects: r.rejects.map((x) => `${x.line}: ${x.reason}`),
  };
}

const HEADER = ['År', 'Kommun', 'Verksamhet', 'Fråga', 'Svar', 'Kön', 'Löpnummer'];
const row = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.tuple(
      fc.constantFrom('2024', '2023', ' 2024', '2024-03', 'x', ''),
      fc.constantFrom('1460', '1460 Bengtsfors', '1461', ' 1461 ', '680', '9999', 'Mellerud', 'Bengtsfors-Mellerud', ''),
      fc.constantFrom('Hemtjänst', 'Särskilt boende', 'Hemtjänst ', ''),
      fc.constantFrom('helhetssyn', 'trygghet', 'bemötande', ''),
      fc.constantFrom('Mycket nöjd', 'Ganska missnöjd', 'Vet ej', 'Kanske', '7', ' Ganska nöjd', ''),
      fc.constantFrom('K', 'Kvinna', 'M', 'T', '', 'x'),
      fc.constantFrom('1', '2', '3', '12', ' 2', ''),
    ).map((cells) => cells as string[]),
  },
  // A repeated header, a short row, a long row, a blank line, a quoted cell.
  { weight: 1, arbitrary: fc.constant(HEADER) },
  { weight: 1, arbitrary: fc.constant(['2024', '1460', 'Hemtjänst']) },
  { weight: 1, arbitrary: fc.constant(['2024', '1460', 'Hemtjänst', 'trygghet', 'Mycket nöjd', 'K', '1', 'extra']) },
  { weight: 1, arbitrary: fc.constant(['']) },
  { weight: 1, arbitrary: fc.constant(['2024', '1461', '"Hem;tjänst"', 'trygghet', 'Mycket nöjd', 'K', '4']) },
);

/** The first rows, read before the table is set up (the byte path starts after them). */
const FIRST = Array.from({ length: 2000 }, (_, i) => ['2024', '1460', 'Hemtjänst', 'helhetssyn', 'Mycket nöjd', 'K', `f${i}`]);

afterEach(() => vi.restoreAllMocks());

describe('AnswerRows: the byte path', () => {
  it('property: reads every row as the text path does, whatever the blocks and chunks', () => {
    const taken = vi.spyOn(AnswerRows.prototype, 'takeIn');
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 80 }),
        feeds,
        (rows, feed) => {
          const all = [...FIRST, ...rows];
          const { quick: bytePath, general } = bothPaths(HEADER, all, { ...feed, file: 'svar.csv' });
          expect(bytePath.encoding).toBe(feed.encoding === 'utf8' ? 'utf-8' : 'windows-1252');
          expect(outcome(bytePath)).toEqual(outcome(general));
          // A row the byte path handed back keeps its own text, line for line.
          for (const r of bytePath.rejects) expect(r.text).toBe(all[r.line - 2]!.join(';'));
        },
      ),
      { numRuns: 150 },
    );
    // Not vacuous: the byte path counted rows.
    expect(taken.mock.calls.length).toBeGreaterThan(0);
  });

  it('a Windows-1252 file: the same counts as in UTF-8; UTF-8 after the switch is still the error of the text path', () => {
    const lines = [HEADER, ...FIRST, ['2024', '1461', 'Särskilt boende', 'trygghet', 'Ganska nöjd', 'M', '9']].map((c) => c.join(';')).join('\n');
    const utf8 = read(`${lines}\n`, 256, 4096);
    const cp1252 = read(`${lines}\n`, 256, 4096, 'latin1');
    expect(cp1252.encoding).toBe('windows-1252');
    expect({ counts: cp1252.counts, answers: answerRecords(cp1252) }).toEqual({ counts: utf8.counts, answers: answerRecords(utf8) });
    // A file that switched to Windows-1252 and then holds UTF-8 is damaged: the byte path leaves the block to the decoder.
    const damaged = Buffer.concat([Buffer.from(`${lines}\n`, 'latin1'), Buffer.from('2024;1461;Hemtjänst;trygghet;Ganska nöjd;M;10\n', 'utf8')]);
    const ingest = createIngest({ ...ingestOptions(defaultConfig(), {}, {}), file: 'svar.csv', blockBytes: 256 });
    ingest.write(damaged);
    expect(ingest.end().findings.map((f) => f.code)).toEqual(['encoding-invalid']);
  });
});
