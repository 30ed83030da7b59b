import { describe, expect, it } from 'vitest';
import { FractionCheck } from '../../src/model/fractions.js';

const check = (shares: [string, string, number][]) => {
  const c = new FractionCheck();
  shares.forEach(([area, indicator, share], i) => c.add(area, indicator, share, i + 2));
  return c.findings().map((f) => `${f.code}@${f.line} ${JSON.stringify(f.args)}`);
};

describe('FractionCheck', () => {
  it('an area whose every share is at most 1, one between 0 and 1: named once, at its first', () => {
    expect(check([['1460', 'a', 1], ['1460', 'a', 0.8], ['1460', 'b', 0.5], ['1461', 'a', 0], ['1461', 'a', 1]])).toEqual(['share-fraction@3 {"area":"1460"}']);
  });
  it('a share under a tenth of the median of its area and indicator\'s shares above 1 (an even count: the mean of the middle two), the median not quoted', () => {
    // Median of 80, 85, 86, 90 is 85.5: 8.55 is its tenth; 0.89 is under it, 8.6 is no fraction.
    expect(check([['1460', 'a', 80], ['1460', 'a', 85], ['1460', 'a', 86], ['1460', 'a', 90], ['1460', 'a', 0.89], ['1460', 'b', 0.5]])).toEqual(['share-fraction-among@6 {"area":"1460","indicator":"a"}']);
    // At exactly a tenth it is no fraction; a share of another indicator is not compared.
    expect(check([['1460', 'a', 9], ['1460', 'a', 0.9], ['1460', 'b', 0.5]])).toEqual([]);
  });
  it('nothing: no shares, only 0 and 1, only shares above 1', () => {
    expect(check([])).toEqual([]);
    expect(check([['1460', 'a', 0], ['1460', 'a', 1]])).toEqual([]);
    expect(check([['1460', 'a', 50], ['1460', 'a', 60]])).toEqual([]);
  });
});

describe('FractionCheck: shares of respondents', () => {
  it('a share under 1 that is no whole number of its respondents read as per cent; 1 of 112 (0,89 %) is one', () => {
    const c = new FractionCheck();
    c.add('1460', 'helhetssyn', 90, 2, 110);
    c.add('1460', 'trygghet', 0.86, 3, 112);
    c.add('1460', 'maten', 0.89, 4, 112);
    c.add('1461', 'netto', -2, 5);
    c.add('1461', 'netto', 0.4, 6);
    expect(c.findings().map((f) => `${f.code}@${f.line}`)).toEqual(['share-fraction-count@3']);
  });
});
