import { describe, expect, it } from 'vitest';
import { comparePeriods, followUpBefore, periodPosition, periodYear, pooledRange, withinWindow } from '../../src/model/period.js';

describe('pooled periods', () => {
  it.each([
    ['2004-2007', 2004, 2007], ['2019–2022', 2019, 2022], ['2019 - 2022', 2019, 2022], ['2019/20', 2019, 2020], ['1999/00', 1999, 2000], ['2019/2020', 2019, 2020],
  ])('%s spans %i–%i', (label, from, to) => {
    expect(pooledRange(label)).toEqual({ from, to });
    expect(periodYear(label)).toBe(to);
  });
  it.each(['2024', '2025-03', '2025/11', '2019/22', '2022-2019', '2019-2019', '1990-2020', 'x-2020'])('%s is no range', (label) => {
    expect(pooledRange(label)).toBeUndefined();
  });
  it('a period\'s year: its own (a year, a month, anything of four characters as Number reads it), or a range\'s end', () => {
    expect(['2024', '2025-03', '2019/22', '2004-2007', '1999/00'].map(periodYear)).toEqual([2024, 2025, 2019, 2007, 2000]);
    expect(periodYear('abcd')).toBeNaN();
    expect(periodYear('0999')).toBe(999);
  });
  it('years, months and ranges in time order: by the end year, a year before its months, a longer window first', () => {
    const periods = ['2020', '2016-2019', '2019-03', '2019', '2018/19', '2015-2018', '2019-12'];
    expect([...periods].sort(comparePeriods)).toEqual(['2015-2018', '2016-2019', '2018/19', '2019', '2019-03', '2019-12', '2020']);
    expect(periodPosition('2019-04')).toBe(2019.25);
    expect(periodPosition('2016-2019')).toBe(2019);
    expect(comparePeriods('2019', '2019')).toBe(0);
  });
});

describe('withinWindow', () => {
  it('takes the report year and up to `window` years before it, by a range’s end year; nothing after it, nothing without a year', () => {
    expect(['2025', '2024', '2023', '2022', '2026', '2021-2024', '2024-11'].map((p) => withinWindow(p, '2025', 2))).toEqual([true, true, true, false, false, true, true]);
    expect(['2025', '2024'].map((p) => withinWindow(p, '2025', 0))).toEqual([true, false]);
    expect(withinWindow('2025', null, 2)).toBe(false);
  });
});

describe('followUpBefore', () => {
  const monthly = ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-09', '2025-10'];
  it('is the latest earlier month given in the same year; none for January or a period that is no month', () => {
    expect(['2025-04', '2025-10', '2025-01', '2025', '2019/20'].map((p) => followUpBefore(p, monthly))).toEqual(['2025-03', '2025-09', undefined, undefined, undefined]);
  });
  it('is the follow-up before, not the calendar month: April before August in tertials, whatever the order given', () => {
    expect(['2025-08', '2025-12', '2025-04'].map((p) => followUpBefore(p, ['2025-12', '2025-04', '2025-08', '2024-12']))).toEqual(['2025-04', '2025-08', undefined]);
  });
});
