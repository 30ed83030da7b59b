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
