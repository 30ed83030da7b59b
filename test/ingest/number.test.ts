import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimal, parseNumber, plainNumber } from '../../src/ingest/number.js';

describe('parseNumber', () => {
  it('a number past 2^53 is inexact, never read as a nearby one; 2^53 − 1 is exact', () => {
    expect(parseNumber('9007199254740993', '.')).toEqual({ kind: 'inexact' });
    expect(parseNumber('-9 007 199 254 740 993', ',')).toEqual({ kind: 'inexact' });
    expect(parseNumber('9007199254740991', '.')).toEqual({ kind: 'value', value: 9007199254740991 });
    // In tkr, a number is judged as the kronor it stands for.
    expect(parseNumber('9007199254740,993', ',', 'zero', 3)).toEqual({ kind: 'inexact' });
  });
  it.each([
    ['1 234,5', ',', -0 + 1234.5],
    ['1\u00a0234,5', ',', 1234.5],
    ['1\u202f234,5', ',', 1234.5],
    ['\u2212412,5', ',', -412.5],
    ['-412,5', ',', -412.5],
    ['87,3 %', ',', 87.3],
    ['87,3%', ',', 87.3],
    ['1.234,5', ',', 1234.5],
    ['1,234', ',', 1.234],
    ['1,234', '.', 1234],
    ['1,234.5', '.', 1234.5],
    ['+3.5', '.', 3.5],
    ['0', ',', 0],
    ['-', ',', 0],
    // An accountant's negative: in brackets, or SAP's minus after the number.
    ['(124 001,2)', ',', -124001.2],
    ['44 500,0-', ',', -44500],
    ['(1,234.5)', '.', -1234.5],
    ['7\u2212', ',', -7],
  ] as const)('%s with decimal %s is %d', (cell, decimal, value) => {
    expect(parseNumber(cell, decimal)).toEqual({ kind: 'value', value });
  });
  it.each(['(-5)', '-5-', '(5', '5)', '()', '(+5)', '5--'])('%s is no number', (cell) => {
    expect(parseNumber(cell, ',').kind).toBe('invalid');
  });
  it.each(['', '.', '..', '...', '......', 'NA', 'na', ' .. '])('"%s" is missing', (cell) => {
    expect(parseNumber(cell, ',')).toEqual({ kind: 'missing' });
  });
  it.each(['77 5000', '19 95 0', '2 5400,0', '1 2,5', '12 3456', '1 234 56', '1234 567', '- 1 234', '1 234,5 6'])('"%s": digits grouped by spaces other than in threes are a typing slip, not a number', (cell) => {
    expect(parseNumber(cell, ',').kind).toBe('invalid');
    expect(parseNumber(cell.replace(',', '.'), '.').kind).toBe('invalid');
  });
  it.each([['12 345 678', 12345678], ['-1 234', -1234], ['1\u00a0234\u202f567,25', 1234567.25], ['(1 234)', -1234], ['999 000-', -999000], [' 1 234 ', 1234]] as const)(
    '"%s" is grouped in threes: %d',
    (cell, value) => {
      expect(parseNumber(cell, ',')).toEqual({ kind: 'value', value });
    },
  );
  it('"-" is missing when configured so', () => {
    expect(parseNumber('-', ',', 'missing')).toEqual({ kind: 'missing' });
  });
  it.each([['12.5', ','], ['12,5', '.'], ['abc', ','], ['1.2.3', '.'], ['1,23,4', '.'], ['12,5,6', ',']] as const)(
    '"%s" with decimal %s is invalid, never a guess',
    (cell, decimal) => {
      expect(parseNumber(cell, decimal).kind).toBe('invalid');
    },
  );
  it('property: the fast path for plain cells reads as the general path does (a leading space forces the latter)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,12}([.,][0-9]{1,6})?$/), fc.constantFrom(',', '.') as fc.Arbitrary<',' | '.'>, (cell, decimal) => {
        expect(parseNumber(cell, decimal)).toEqual(parseNumber(` ${cell}`, decimal));
      }),
      { numRuns: 2000 },
    );
  });
  it('property: every number written Swedish-style or machine-style reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(' ', '\u00a0', '\u202f', ''), fc.boolean(), (int, frac, sep, unicodeMinus) => {
        const value = int + Math.sign(int || 1) * frac / 100;
        const abs = Math.abs(value).toFixed(2);
        const [i, d] = abs.split('.') as [string, string];
        const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const minus = value < 0 ? (unicodeMinus ? '\u2212' : '-') : '';
        const sv = parseNumber(`${minus}${grouped},${d}`, ',');
        const en = parseNumber(`${value < 0 ? '-' : ''}${i}.${d}`, '.');
        const expected = Number(`${value < 0 ? '-' : ''}${abs}`);
        return sv.kind === 'value' && sv.value === expected && en.kind === 'value' && en.value === expected;
      }),
    );
  });
});

describe('plainNumber', () => {
  it('property: a plain cell of up to 15 digits is the number Number() reads, to the last bit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,8}([.,][0-9]{1,7})?$/), fc.constantFrom(',', '.') as fc.Arbitrary<',' | '.'>, (cell, decimal) => {
        const other = decimal === ',' ? '.' : ',';
        const expected = cell.includes(other) ? undefined : Number(cell.replace(',', '.'));
        expect(Object.is(plainNumber(cell, decimal), expected)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it('property: with a scale, the cell times ten to that power as Number() reads it, to the last bit', () => {
    // Number('32,3e3') is the decimal 32300 rounded once; 32.3 * 1000 rounds twice (32299.999999999996).
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,8}([.,][0-9]{1,7})?$/), fc.constantFrom(',', '.') as fc.Arbitrary<',' | '.'>, fc.constantFrom(0, 3, 6), (cell, decimal, scale) => {
        const other = decimal === ',' ? '.' : ',';
        const expected = cell.includes(other) ? undefined : Number(`${cell.replace(',', '.')}e${scale}`);
        expect(Object.is(plainNumber(cell, decimal, scale), expected)).toBe(true);
        const general = parseNumber(` ${cell} `, decimal, 'zero', scale);
        if (expected !== undefined) expect(general.kind === 'value' && Object.is(general.value, expected)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it.each([['32,3', 3, 32_300], ['16,1', 3, 16_100], ['-0,07', 6, -70_000], ['1\u00a0234,5', 3, 1_234_500]] as const)('%s scaled by 10^%d is exactly %d', (cell, scale, value) => {
    expect(parseNumber(cell, ',', 'zero', scale)).toEqual({ kind: 'value', value });
  });
  it('a value scaled past what a double holds is infinite (out of any range), not unreadable', () => {
    expect(parseNumber(`1${'0'.repeat(303)}`, ',', 'zero', 6)).toEqual({ kind: 'value', value: Infinity });
  });
  it.each([['0,3', 0.3], ['-0', -0], ['007', 7], ['123456789012345', 123456789012345], ['-99999999999999,9', -99999999999999.9]] as const)('%s is %d', (cell, value) => {
    expect(Object.is(plainNumber(cell, ','), value)).toBe(true);
  });
  it.each(['', '-', ',5', '5,', '1,2,3', ' 1', '1 000', '1234567890123456', '+1', '1e5'])('"%s" is left to parseNumber', (cell) => {
    expect(plainNumber(cell, ',')).toBeUndefined();
  });
});

describe('detectDecimal', () => {
  it('decides from unambiguous cells and falls back to the delimiter convention', () => {
    expect(detectDecimal(['12,5', '1 234', '3'], ',')).toBe(',');
    expect(detectDecimal(['12.5', '3'], ';')).toBe('.');
    expect(detectDecimal(['1,234', '7'], ';')).toBe(',');
    expect(detectDecimal(['1,234', '7'], ',')).toBe('.');
    expect(detectDecimal(['1.234,50'], ',')).toBe(',');
  });
});
