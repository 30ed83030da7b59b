import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnUnit, formatAmount, formatAmountIn, formatAmountMnkr, formatDiff, formatNumber, formatPct, formatPp, formatValue, distinctValues, shownDifference } from '../../src/report/format.js';

const NBSP = '\u00A0';

describe('formatNumber rounds the decimal as written, half away from zero', () => {
  // Hand-worked: each value's decimal text, rounded at the given place; the binary value of the
  // first four lies just below the half (1.005 is 1.00499999999999989…), so Math.round gives less.
  it.each([
    [1.005, 2, '1,01', '1.01'],
    [2.675, 2, '2,68', '2.68'],
    [1.045, 2, '1,05', '1.05'],
    [8.345, 2, '8,35', '8.35'],
    [0.125, 2, '0,13', '0.13'],
    [-0.5, 0, '-1', '-1'],
    [0.5, 0, '1', '1'],
    [1.5, 0, '2', '2'],
    [2.5, 0, '3', '3'],
    [-2.5, 0, '-3', '-3'],
    [-1.005, 2, '-1,01', '-1.01'],
    [0.05, 1, '0,1', '0.1'],
    [87.25, 1, '87,3', '87.3'],
    [1.0049, 2, '1,00', '1.00'],
  ])('%s at %s decimals: sv %s, en %s', (value, decimals, sv, en) => {
    expect(formatNumber(value, decimals, 'sv')).toBe(sv);
    expect(formatNumber(value, decimals, 'en')).toBe(en);
  });

  it('never prints a minus on a zero', () => {
    expect(formatNumber(-0.004, 2, 'sv')).toBe('0,00');
    expect(formatNumber(-0.4, 0, 'en')).toBe('0');
    expect(formatNumber(-0, 1, 'sv')).toBe('0,0');
    expect(formatNumber(-0.05, 1, 'sv')).toBe('-0,1');
  });

  it('groups thousands with a no-break space in Swedish and a comma in English; ASCII minus', () => {
    expect(formatNumber(-1234.56, 1, 'sv')).toBe(`-1${NBSP}234,6`);
    expect(formatNumber(-1234.56, 1, 'en')).toBe('-1,234.6');
    expect(formatNumber(1234567.125, 2, 'sv')).toBe(`1${NBSP}234${NBSP}567,13`);
    expect(formatNumber(999.5, 0, 'sv')).toBe(`1${NBSP}000`);
    expect(formatNumber(123, 0, 'sv')).toBe('123');
    expect(formatNumber(9007199254740991, 0, 'en')).toBe('9,007,199,254,740,991');
  });

  it('agrees with Intl.NumberFormat("sv-SE") (minus aside) wherever the Node build has Swedish', () => {
    const sv = (d: number) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d });
    if (sv(0).resolvedOptions().locale !== 'sv-SE') return;
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        const intl = sv(d).format(v).replace('\u2212', '-');
        expect(formatNumber(v, d, 'sv')).toBe(/[1-9]/.test(intl) ? intl : intl.replace(/^-/, ''));
      }),
    );
  });
});

describe('the formats built on it', () => {
  it('percent, percentage points and amounts round the same way', () => {
    expect(formatPct(2.675, 'sv', 2)).toBe('2,68 %');
    expect(formatPct(0.05, 'en')).toBe('0.1%');
    expect(formatPp(1.005, 'sv', 2)).toBe('+1,01 p.e.');
    expect(formatPp(-0.04, 'sv')).toBe('0,0 p.e.');
    expect(formatAmount(1_234_500, 'tkr', 'sv', true)).toBe(`+1${NBSP}235 tkr`);
    expect(formatAmount(-1_250_000, 'mnkr', 'en')).toBe('-1.3 MSEK');
    expect(formatAmount(-400, 'tkr', 'sv', true)).toBe('0 tkr');
  });
});

describe('a difference as the figures beside it are shown', () => {
  it('is the difference of the rounded figures, not the rounded difference', () => {
    // 3,84 → 3,91 shows as 3,8 → 3,9: +0,1, where the unrounded +0,07 rounds to +0,1 by luck; 3,86 → 3,94 shows 3,9 → 3,9, not +0,1.
    expect(formatDiff(shownDifference(3.91, 3.84, 1), 'number', 'sv', 1)).toBe('+0,1');
    expect(formatDiff(shownDifference(3.94, 3.86, 1), 'number', 'sv', 1)).toBe('0,0');
    expect(formatDiff(shownDifference(86.4, 80.6, 0), '%', 'sv', 0)).toBe('+5 p.e.');
    // Rounded as shown (half away from zero on the decimal: 1,005 → 1,01), with no binary residue.
    expect(shownDifference(1.005, 0, 2)).toBe(1.01);
    expect(shownDifference(3.9, 3.8, 1)).toBe(0.1);
  });
  it('always equals the difference a reader works out from the two shown figures', () => {
    fc.assert(fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 2 }), (a, b, d) => {
      const shown = (x: number) => Number(formatNumber(x, d, 'en').replaceAll(',', ''));
      expect(formatNumber(shownDifference(a, b, d), d, 'en')).toBe(formatNumber(shown(a) - shown(b), d, 'en'));
    }));
  });
});

describe('units after one', () => {
  it('a day or an hour printed as exactly one is singular; any other number, and 1,0, plural', () => {
    expect(formatDiff(1, 'days', 'sv', 0)).toBe('+1 dag');
    expect(formatDiff(-1.2, 'days', 'sv', 0)).toBe('-1 dag');
    expect(formatDiff(2, 'days', 'sv', 0)).toBe('+2 dagar');
    expect(formatValue(1, 'days', 'sv')).toBe('1,0 dagar');
    expect(formatValue(1, 'hours', 'en', 0)).toBe('1 hour');
    expect(formatValue(-1, 'hours', 'sv', 0)).toBe('-1 timme');
    expect(formatValue(11, 'days', 'en', 0)).toBe('11 days');
  });
});

describe('an amount in mnkr that is small, not nothing', () => {
  it('is given in tkr where mnkr would round it to 0,0', () => {
    expect(formatAmountMnkr(19_000, 'sv', true)).toBe('+19 tkr');
    expect(formatAmountMnkr(-14_000, 'en', true)).toBe('-14 kSEK');
    expect(formatAmountMnkr(7_900_000, 'sv', true)).toBe('+7,9 mnkr');
    expect(formatAmountMnkr(60_000, 'sv')).toBe('0,1 mnkr');
    expect(formatAmountMnkr(200, 'sv', true)).toBe('0 tkr');
  });
});

describe('one unit for a column of amounts in a brief', () => {
  it('is mnkr, or tkr when mnkr would show a non-zero amount as 0,0; zeros and gaps do not decide', () => {
    expect(columnUnit([7_900_000, -19_000])).toBe('tkr');
    expect(columnUnit([7_900_000, -60_000, 0, null])).toBe('mnkr');
    expect(columnUnit([])).toBe('mnkr');
  });
  it('a sentence\'s amount is in the unit set, mnkr giving way to tkr where it would say nothing', () => {
    expect(formatAmountIn(-25_000, 'mnkr', 'sv', true)).toBe('-25 tkr');
    expect(formatAmountIn(1_200_000, 'kr', 'en')).toBe('1,200,000 SEK');
    expect(formatAmountIn(1_200_000, undefined, 'sv')).toBe('1,2 mnkr');
  });
});

describe('distinctValues', () => {
  it('the fewest decimals from those asked, up to two more, at which two values read differently', () => {
    expect(distinctValues(88.31, 87.94, '%', 'sv', 0)).toEqual(['88,3 %', '87,9 %']);
    expect(distinctValues(90, 86, '%', 'sv', 0)).toEqual(['90 %', '86 %']);
    expect(distinctValues(88.04, 87.96, '%', 'en', 0)).toEqual(['88.04%', '87.96%']);
    // Alike even at two more: as alike at the most decimals, never more.
    expect(distinctValues(88.001, 88.002, '%', 'sv', 0)).toEqual(['88,00 %', '88,00 %']);
    expect(distinctValues(12.34, 12.31, 'days', 'sv', 1)).toEqual(['12,34 dagar', '12,31 dagar']);
  });
});

describe('formatAmountIn: an amount in a sentence', () => {
  it('under a million in tkr unless a unit is asked for (141 tkr, not 0,1 mnkr); from a million in mnkr', () => {
    expect(formatAmountIn(141_000, undefined, 'sv')).toBe('141 tkr');
    expect(formatAmountIn(-999_400, undefined, 'sv', true)).toBe('-999 tkr');
    expect(formatAmountIn(1_000_000, undefined, 'sv')).toBe('1,0 mnkr');
    expect(formatAmountIn(141_000, 'mnkr', 'sv')).toBe('0,1 mnkr');
    expect(formatAmountIn(14_000, 'mnkr', 'sv')).toBe('14 tkr');
    expect(formatAmountIn(141_000, 'kr', 'en')).toBe('141,000 SEK');
  });
});
