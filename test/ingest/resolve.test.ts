import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

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
  it('the report\'s month is the period only of a file that has none in its entry or the flags', () => {
    expect(settings({ path: 'a.csv' }, { fallbackPeriod: '2025-08' })).toEqual({ period: '2025-08' });
    expect(settings({ path: 'a.csv', period: '2025-06' }, { fallbackPeriod: '2025-08' })).toEqual({ period: '2025-06' });
    expect(settings({ path: 'a.csv', period: '2025-06' }, { period: '2025-07', fallbackPeriod: '2025-08' })).toEqual({ period: '2025-07' });
  });
  it('an empty text sets nothing, and the row limit and columns pass through', () => {
    expect(settings({ path: 'a.csv', municipality: '', columns: { value: 'Värde' } }, { maxRows: 10 })).toEqual({ maxRows: 10, columns: { value: 'Värde' } });
  });
});
