import { describe, expect, it } from 'vitest';
import { finding, type FindingInput } from '../../src/model/findings.js';
import type { ParsedInput } from '../../src/model/input.js';
import { inputOk, renderValidation } from '../../src/report/validation.js';

const input = (file: string, ...found: FindingInput[]): ParsedInput => ({
  file, kind: 'budget', counts: { read: 2, used: 2, rejected: 0, ignored: 0 }, records: [], rejects: [], findings: found.map((f) => finding(file, f)),
});
const implausible: FindingInput = { code: 'unit-implausible', line: 3, args: { amount: '290,591,000,000 kr a year (1460)', unit: 'tkr', hint: 'implausible' } };
const pageMissing: FindingInput = { code: 'kolada-page-missing', args: { values: '2 of its 4 values are', url: 'https://api.kolada.se/v3/x?page=2' } };
const warned: FindingInput = { code: 'series-outdated', args: { indicator: 'U21468', areas: '1460', latest: '2019', window: 2, year: '2022' } };

describe('inputOk', () => {
  it('a unit that makes the amounts implausible, and a page whose other pages are not read, leave a file unclean', () => {
    expect([inputOk(input('a.csv', implausible)), inputOk(input('k.json', pageMissing)), inputOk(input('b.csv', warned)), inputOk(input('c.csv'))]).toEqual([false, false, true, true]);
  });
});

describe('renderValidation', () => {
  it('the last line counts the clean files that still have warnings to read', () => {
    expect(renderValidation([input('b.csv', warned), input('c.csv')]).trimEnd().split('\n').at(-1)).toBe('2 of 2 file(s) clean, 1 of them with warnings to read (above)');
    expect(renderValidation([input('c.csv'), input('a.csv', implausible)]).trimEnd().split('\n').at(-1)).toBe('1 of 2 file(s) clean');
  });
});
