import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { droppedPositiveFindings, ingestOptions } from '../../src/ingest/resolve.js';
import { configSchema } from '../../src/config/schema.js';

const config = defaultConfig();
/** The read settings of the merge, without the organisation and answer scale every file gets. */
const settings = (...args: Parameters<typeof ingestOptions> extends [unknown, ...infer R] ? R : never) => {
  const { organisation: _o, classify: _c, answerScale: _a, ...rest } = ingestOptions(config, ...args);
  return rest;
};

describe('ingestOptions: flags over a config entry', () => {
  it('a flag wins over the entry; what the flags leave alone comes from the entry', () => {
    expect(settings({ path: 'a.csv', decimal: ',', unit: 'tkr', dash: 'missing' }, { decimal: '.', gender: 'K' })).toEqual({ decimal: '.', unit: 'tkr', dash: 'missing', gender: 'K' });
  });
  it('the report\'s month is passed on apart: the file\'s own dating, its entry and the flags come before it (see record-plan)', () => {
    expect(settings({ path: 'a.csv' }, { fallbackPeriod: '2025-08' })).toEqual({ reportPeriod: '2025-08' });
    // The entry's own period is also kept as configured: a file with a period column says it is not read.
    expect(settings({ path: 'a.csv', period: '2025-06' }, { fallbackPeriod: '2025-08' })).toEqual({ period: '2025-06', configured: { period: '2025-06' }, reportPeriod: '2025-08' });
    // A flag's applies to every file named, with a column or without: nothing to say of it.
    expect(settings({ path: 'a.csv', period: '2025-06' }, { period: '2025-07', fallbackPeriod: '2025-08' })).toEqual({ period: '2025-07', reportPeriod: '2025-08' });
  });
  it('an empty text sets nothing, and the row limit and columns pass through', () => {
    expect(settings({ path: 'a.csv', municipality: '', columns: { value: 'Värde' } }, { maxRows: 10 })).toEqual({ maxRows: 10, columns: { value: 'Värde' } });
  });
});

describe('droppedPositiveFindings: only labels the answers hold', () => {
  // "Mycket trygg" restates the trygg scale without "Ganska trygg"; survey.other moves "Oftast".
  const lists = configSchema.parse({ survey: { positive: ['Mycket nöjd', 'Ganska nöjd', 'Mycket trygg'], other: ['Oftast'] } });
  it('a left-out label no respondent gave is not said', () => {
    expect(droppedPositiveFindings(lists, [{ file: 'a.csv', builtInPositives: ['ganska nojd', 'mycket nojd'] }, { file: 'shares.csv' }])).toEqual([]);
  });
  it('a label some file holds is said once, on the first file that holds it, naming only the labels held', () => {
    const out = droppedPositiveFindings(lists, [{ file: 'a.csv', builtInPositives: ['mycket nojd'] }, { file: 'b.csv', builtInPositives: ['ganska trygg'] }, { file: 'c.csv', builtInPositives: ['ganska trygg', 'oftast'] }]);
    expect(out.map((d) => [d.input, d.finding.file, d.finding.code])).toEqual([[2, 'c.csv', 'answer-positive-dropped'], [1, 'b.csv', 'answer-positive-dropped']]);
    expect(out[1]!.finding.message).toMatch(/^"Ganska trygg": positive on the built-in "trygg" scale/);
    expect(out[0]!.finding.message).toMatch(/^"Oftast": positive on the built-in "alltid-aldrig" scale, here counted as not positive, as survey.other names it$/);
  });
  it('of two labels a list leaves out, only the one held is named', () => {
    const two = configSchema.parse({ survey: { other: ['Alltid', 'Oftast'] } });
    const [d] = droppedPositiveFindings(two, [{ file: 'a.csv', builtInPositives: ['alltid'] }]);
    expect(d!.finding.message).toBe('"Alltid": positive on the built-in "alltid-aldrig" scale, here counted as not positive, as survey.other names it');
  });
});
