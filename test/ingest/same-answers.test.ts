import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { sameAnswers } from '../../src/ingest/same-answers.js';

const rows = (labels: string[], year = 2025) => `Kommun;År;Verksamhet;Fråga;Svar\n${labels.map((a) => `1460;${year};Hemtjänst;trygg;${a}`).join('\n')}\n`;
const read = (file: string, bytes: Buffer) => parseInput(bytes, { ...ingestOptions(defaultConfig(), {}, {}), file });
const answers = ['Mycket trygg', 'Ganska trygg', 'Ganska otrygg', 'Vet ej', 'Mycket trygg'];

describe('sameAnswers', () => {
  it('a copy in Windows-1252 with CRLF holds the same answers as the UTF-8 file: named', () => {
    const utf8 = read('a.csv', Buffer.from(rows(answers), 'utf8'));
    const cp1252 = read('b.csv', Buffer.from(rows(answers).replace(/\n/g, '\r\n'), 'latin1'));
    expect(sameAnswers([utf8, cp1252])).toEqual(['a.csv', 'b.csv']);
  });
  it('another year, another answer, or one file alone: not the same', () => {
    const a = read('a.csv', Buffer.from(rows(answers), 'utf8'));
    expect(sameAnswers([a, read('b.csv', Buffer.from(rows(answers, 2024), 'utf8'))])).toBeUndefined();
    expect(sameAnswers([a, read('c.csv', Buffer.from(rows([...answers.slice(0, 3), 'Ganska otrygg', 'Mycket trygg']), 'utf8'))])).toBeUndefined();
    expect(sameAnswers([a])).toBeUndefined();
  });
});
