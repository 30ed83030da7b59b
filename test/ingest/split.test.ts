import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { createIngest, parseInput, type ParsedInput } from '../../src/ingest/parse-input.js';
import { AnswerTable } from '../../src/model/answer-table.js';
import { lineStartAfter, mergeParts, type PartResult } from '../../src/ingest/split.js';
import { answerRecords } from './helpers.js';
import { resolveScores } from '../../src/ingest/scores.js';
import { createCsvIngest } from '../../src/ingest/stream.js';

const opts = { ...ingestOptions(defaultConfig(), {}, {}), file: 'svar.csv' };

/**
 * An input with its respondents as what they hold (each entry's key and questions answered, the
 * questions' numbering, the suspects), not where the table placed them: the order of insertion
 * moves entries in an open-addressing table.
 */
function comparable(input: ParsedInput) {
  const { respondents, answers: _, ...grouped } = input;
  // The groups as records, a group cut by a part boundary added up (a table's room beyond its groups depends on how it grew).
  const rest = { ...grouped, answers: answerRecords(input) };
  if (respondents === undefined) return rest;
  const { table, questions, suspects, length } = respondents.pack();
  const entries: string[] = [];
  for (let at = 0; at < table.length; at += 3) if (table[at + 2] !== 0) entries.push(`${table[at]}:${table[at + 1]}:${table[at + 2]}`);
  return { ...rest, respondents: { entries: entries.sort(), questions, suspects: [...suspects].sort(), length } };
}

/** Line starts after each target, as `readParallel` cuts (in windows of `window` bytes). */
function splitsOf(bytes: Uint8Array, targets: number[], window: number): number[] {
  const splits: number[] = [];
  for (const t of targets) {
    const at = lineStartAfter(bytes.subarray(t, t + window), t, t);
    if (at !== undefined && at < bytes.length && at > (splits.at(-1) ?? 0)) splits.push(at);
  }
  return splits;
}

/** Whether a byte offset is outside quotes in the whole file (even quote parity before it). */
function outsideQuotes(bytes: Uint8Array, offset: number): boolean {
  let quotes = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x22) quotes++;
  return quotes % 2 === 0;
}

/**
 * What readParallel does, on one thread: the first part read as usual, the others with its head
 * and their answer tables as plain data, as a worker sends them.
 */
function readParts(bytes: Uint8Array, splits: number[], blockBytes: number): { merged: ParsedInput; between: boolean[] } {
  const bounds = [0, ...splits, bytes.length];
  const first = createIngest({ ...opts, blockBytes });
  first.write(bytes.subarray(0, bounds[1]));
  const parts: PartResult[] = [{ parsed: first.end(), lines: first.state()!.lines }];
  const between = [first.state()!.between];
  const head = first.head()!;
  for (let i = 1; i + 1 < bounds.length; i++) {
    const part = createCsvIngest({ ...opts, blockBytes }, head.bom, head);
    part.write(bytes.subarray(bounds[i], bounds[i + 1]));
    const parsed = part.end();
    between.push(part.state().between);
    const { answers, ...rest } = parsed;
    parts.push({ parsed: answers ? { ...rest, answers: answers.map((t) => AnswerTable.from(structuredClone(t.plain()))) } : rest, lines: part.state().lines });
  }
  // The last part ends at the end of the file, not at a cut.
  return { merged: mergeParts(parts), between: between.slice(0, -1) };
}

function readInParts(bytes: Uint8Array, splits: number[], blockBytes: number): ParsedInput {
  const { merged, between } = readParts(bytes, splits, blockBytes);
  expect(between.every(Boolean)).toBe(true);
  return merged;
}

describe('lineStartAfter', () => {
  it('gives the start of the line after the first line feed at or after the target, wherever the window starts', () => {
    const bytes = Buffer.from('a;b\n1;"x\ny"\n2;z\n3;w\n');
    //                          0123 4567 8 901 2345 6789
    expect(lineStartAfter(bytes, 0, 5)).toBe(9);
    expect(lineStartAfter(bytes.subarray(5), 5, 5)).toBe(9);
    expect(lineStartAfter(bytes, 0, 9)).toBe(12);
    expect(lineStartAfter(bytes, 0, 3)).toBe(4);
    expect(lineStartAfter(bytes.subarray(0, 8), 0, 5)).toBeUndefined();
  });
  it('a part cut inside a quoted cell says so: it does not end between records', () => {
    const bytes = Buffer.from('Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön\n1;1460;2025;"Hem\ntjänst";q;Mycket nöjd;Kvinna\n2;1460;2025;Hemtjänst;q;Kanske;Man\n');
    const inside = bytes.indexOf('"Hem') + 3;
    const cut = lineStartAfter(bytes, 0, inside)!;
    expect(outsideQuotes(bytes, cut)).toBe(false);
    expect(readParts(bytes, [cut], 1 << 20).between).toEqual([false]);
    const after = lineStartAfter(bytes, 0, cut)!;
    expect(readParts(bytes, [after], 1 << 20).between).toEqual([true]);
  });
});

const service = fc.constantFrom('Hemtjänst', 'Särskilt boende', '"Hem\ntjänst"', '"Särskilt\r\nboende"', '"a ""b"";c"');
// Numbers too: their scale is decided once the whole run is read (`resolveScores`), from every part.
const answer = fc.constantFrom('Mycket nöjd', 'Ganska nöjd', 'Ganska missnöjd', 'Vet ej/Ingen åsikt', 'Kanske', '', '2', '7', '10');
const line = fc.record({
  code: fc.constantFrom('1460', '1461 Mellerud', '0180', '9999'), year: fc.constantFrom('2024', '2025', '20x5'),
  service, question: fc.constantFrom('helhetssyn', 'trygghet'), answer, gender: fc.constantFrom('Kvinna', 'Man', 'X'),
  broken: fc.constantFrom(false, false, false, false, true),
});

describe('reading a respondent file in parts', () => {
  it('property: parts cut at random targets merge into exactly the single-threaded result', () => {
    fc.assert(
      fc.property(
        // Up to 60 rows (not fast-check's small default), so groups repeat on both sides of a cut.
        fc.array(line, { minLength: 1, maxLength: 60, size: 'max' }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 16, max: 400 }),
        (rows, nl, bom, targets, window, blockBytes) => {
          const text = `Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön${nl}${rows
            .map((r, i) => (r.broken ? `${i};${r.code};${r.year}` : [i, r.code, r.year, r.service, r.question, r.answer, r.gender].join(';')))
            .join(nl)}${nl}`;
          const bytes = new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${text}`);
          const whole = parseInput(bytes, opts);
          // Targets inside the file (the header is ~50 bytes).
          const inside = targets.map((t) => t % bytes.length).filter((t) => t > 60);
          const splits = splitsOf(bytes, [...new Set(inside)].sort((a, b) => a - b), window);
          // A part that started right says exactly whether its cut is outside quotes, so the first
          // wrong cut is always found (the parts after it started wrong and say nothing useful);
          // when every cut was right, the parts merge into the whole.
          const { merged, between } = readParts(bytes, splits, blockBytes);
          const right = splits.map((s) => outsideQuotes(bytes, s));
          const firstWrong = right.indexOf(false);
          expect(between.indexOf(false)).toBe(firstWrong);
          if (firstWrong < 0) {
            resolveScores([merged]);
            resolveScores([whole]);
            expect(comparable(merged)).toEqual(comparable(whole));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('a part boundary next to a quoted line break keeps lines, groups and rejects right', () => {
    const text = 'Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön\n1;1460;2025;"Hem\ntjänst";q;Mycket nöjd;Kvinna\n2;1460;2025;"Hem\ntjänst";q;Kanske;Man\n3;1460;2025;"Hem\ntjänst";q;Ganska nöjd;Kvinna\n';
    const bytes = Buffer.from(text);
    const target = text.indexOf('Kanske');
    const splits = splitsOf(bytes, [target], 1000);
    expect(splits).toEqual([Buffer.byteLength(text.slice(0, text.indexOf('3;1460')))]);
    const merged = readInParts(bytes, splits, 1 << 20);
    expect(comparable(merged)).toEqual(comparable(parseInput(bytes, opts)));
    // The rejected answer's group is counted too: its cell is not published (incomplete).
    expect(merged.records).toEqual([]);
    expect(answerRecords(merged)).toMatchObject([
      { kind: 'answers', service: 'Hem\ntjänst', gender: 'K', positive: 2, source: { line: 2 } },
      { kind: 'answers', service: 'Hem\ntjänst', gender: 'M', positive: 0, other: 0, rejected: 1, source: { line: 4 } },
    ]);
    expect(merged.rejects.map((r) => r.line)).toEqual([4]);
  });
  it('refuses to merge records that are not answer groups', () => {
    const survey = parseInput(Buffer.from('Kommun;År;Fråga;Antal svarande;Andel\n1460;2024;q;100;85\n'), opts);
    expect(() => mergeParts([{ parsed: survey, lines: 2 }])).toThrow(/survey records cannot be merged/);
  });
});
