import { describe, expect, it } from 'vitest';
import { contains, keyPopulations, memberCode, overlaps, registerKind } from '../../src/model/membership.js';

describe('member codes', () => {
  it("a region's Kolada spelling is its two-digit code; others are kept", () => {
    expect(memberCode('0012')).toBe('12');
    expect(memberCode('12')).toBe('12');
    expect(memberCode('1283')).toBe('1283');
    expect(memberCode('0000')).toBe('0000');
    expect(memberCode('SOT')).toBe('SOT');
  });
  it('register kinds: four digits a municipality, a known länskod a region, anything else none', () => {
    expect(registerKind('1283')).toBe('municipality');
    expect(registerKind('12')).toBe('region');
    expect(registerKind('99')).toBeUndefined();
    expect(registerKind('SOT')).toBeUndefined();
  });
});

describe('overlapping members', () => {
  const skane = { code: '12', kind: 'region' as const };
  const hbg = { code: '1283', kind: 'municipality' as const };
  const lsk = { code: '1282', kind: 'municipality' as const };
  const bengtsfors = { code: '1460', kind: 'municipality' as const };
  it('a region contains the municipalities of its county, not others; a kommunalförbund those it lists', () => {
    expect(contains(skane, '1283')).toBe(true);
    expect(contains(skane, '1460')).toBe(false);
    expect(contains(hbg, '1282')).toBe(false);
    expect(contains({ code: 'SOT', kind: 'kommunalförbund', contains: ['1460'] }, '1460')).toBe(true);
    expect(overlaps([hbg, lsk, skane])).toEqual([{ container: '12', contained: ['1283', '1282'] }]);
    expect(overlaps([hbg, lsk, bengtsfors])).toEqual([]);
  });
  it('key populations: as given, or a container less what it contains (undefined below zero)', () => {
    const members = [hbg, lsk, skane];
    expect(keyPopulations(members, [150_000, 47_000, 1_420_000], 'as-given')).toEqual([150_000, 47_000, 1_420_000]);
    expect(keyPopulations(members, [150_000, 47_000, 1_420_000], 'remainder')).toEqual([150_000, 47_000, 1_223_000]);
    expect(keyPopulations(members, [150_000, 47_000, 100_000], 'remainder')).toEqual([150_000, 47_000, undefined]);
  });
});
