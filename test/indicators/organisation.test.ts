import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationWeights, largestRemainder } from '../../src/indicators/allocate.js';
import { quartileClass, rank } from '../../src/indicators/rank.js';
import { suppress } from '../../src/indicators/suppression.js';
import { latestSegment, trend } from '../../src/indicators/trend.js';

describe('largestRemainder', () => {
  it('splits 100 in three equal parts as 34/33/33 (hand-worked)', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('gives leftover units to the largest remainders (hand-worked: 10 by 0.55/0.45 → 5.5/4.5 → 6/4)', () => {
    expect(largestRemainder(10, [0.55, 0.45])).toEqual([6, 4]);
    expect(largestRemainder(-10, [0.55, 0.45])).toEqual([-6, -4]);
  });
  it('a member with zero weight gets nothing; all-zero weights are undefined', () => {
    expect(largestRemainder(7, [0, 2, 1])).toEqual([0, 5, 2]);
    expect(largestRemainder(7, [0, 0])).toBeUndefined();
  });
  it('property: parts sum exactly to the total and differ from the exact share by < 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 12 }), (total, ws) => {
        const parts = largestRemainder(total, ws);
        const sum = ws.reduce((a, b) => a + b, 0);
        if (sum === 0) return parts === undefined;
        return parts!.reduce((a, b) => a + b, 0) === total && parts!.every((p, i) => Math.abs(p - (total * ws[i]!) / sum) < 1);
      }),
    );
  });
});

describe('allocationWeights', () => {
  const members = [{ code: '1460', population: 9441, fixedShare: 50, usage: 598 }, { code: '1461', population: 8902, fixedShare: 50, usage: 566 }];
  it('population: 9441 / 18343 (hand-worked)', () => {
    const w = allocationWeights({ method: 'population' }, members)!;
    expect(w[0]).toBeCloseTo(9441 / 18343, 12);
  });
  it('mixed 30 % equal: 0.15 + 0.7 · pop share (hand-worked)', () => {
    const w = allocationWeights({ method: 'mixed', equalPercent: 30 }, members)!;
    expect(w[0]).toBeCloseTo(0.15 + (0.7 * 9441) / 18343, 12);
    expect(w[0]! + w[1]!).toBeCloseTo(1, 12);
  });
  it('fixed shares are normalised; usage by the measure', () => {
    expect(allocationWeights({ method: 'fixed' }, members)).toEqual([0.5, 0.5]);
    expect(allocationWeights({ method: 'usage' }, members)![1]).toBeCloseTo(566 / 1164, 12);
  });
  it('a member with zero population pays nothing by population and the equal part only by a mixed key', () => {
    const zero = [{ code: 'a', population: 0 }, { code: 'b', population: 1000 }];
    expect(allocationWeights({ method: 'population' }, zero)).toEqual([0, 1]);
    expect(allocationWeights({ method: 'mixed', equalPercent: 30 }, zero)).toEqual([0.15, 0.85]);
  });
  it('degenerate: zero population everywhere or a missing share is undefined', () => {
    expect(allocationWeights({ method: 'population' }, [{ code: 'a', population: 0 }])).toBeUndefined();
    expect(allocationWeights({ method: 'fixed' }, [{ code: 'a', population: 1 }])).toBeUndefined();
    expect(allocationWeights({ method: 'population' }, [])).toBeUndefined();
  });
});

describe('suppress', () => {
  it('hides cells below the threshold and the next smallest cell when one could be derived', () => {
    const hidden = suppress(new Map([['T', 50], ['K', 35], ['M', 15]]), [{ total: 'T', parts: ['K', 'M'] }], 30);
    expect([...hidden]).toEqual([['M', 'below-threshold'], ['K', 'secondary']]);
  });
  it('leaves everything shown when nothing is small', () => {
    expect(suppress(new Map([['T', 90], ['K', 50], ['M', 40]]), [{ total: 'T', parts: ['K', 'M'] }], 30).size).toBe(0);
  });
  it('chains across groups (member hidden secondarily exposes the organisation total)', () => {
    const n = new Map([['A:T', 100], ['A:K', 80], ['A:M', 20], ['B:T', 60], ['ORG:T', 160]]);
    const hidden = suppress(n, [{ total: 'A:T', parts: ['A:K', 'A:M'] }, { total: 'ORG:T', parts: ['A:T', 'B:T'] }], 30);
    expect(hidden.get('A:M')).toBe('below-threshold');
    expect(hidden.get('A:K')).toBe('secondary');
    expect(hidden.has('A:T')).toBe(false);
  });
  it('property: no group is left with exactly one hidden cell', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 50 }), (parts, min) => {
        const n = new Map<string, number>(parts.map((v, i) => [`p${i}`, v]));
        n.set('T', parts.reduce((a, b) => a + b, 0));
        const group = { total: 'T', parts: parts.map((_, i) => `p${i}`) };
        const hidden = suppress(n, [group], min);
        const count = [group.total, ...group.parts].filter((id) => hidden.has(id)).length;
        return count !== 1 && [...n].every(([id, v]) => v >= min || hidden.has(id));
      }),
    );
  });
});

describe('trend verdicts', () => {
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const rising = years.map((x, i) => ({ x, y: 80 + i }));
  it('improving / worsening by the better direction; increasing without one', () => {
    expect(trend(rising, 'higher').verdict).toBe('improving');
    expect(trend(rising, 'lower').verdict).toBe('worsening');
    expect(trend(rising, 'none').verdict).toBe('increasing');
  });
  it('too few points below 5; no clear trend for noise or all-equal values', () => {
    expect(trend(rising.slice(0, 4), 'higher').verdict).toBe('too-few-points');
    expect(trend(years.map((x) => ({ x, y: 85 })), 'higher').verdict).toBe('no-clear-trend');
    expect(trend(years.map((x, i) => ({ x, y: [85, 87, 84, 86, 85, 88, 84, 86, 85, 86][i]! })), 'higher').verdict).toBe('no-clear-trend');
  });
  it('a declared break restarts the series; gaps are allowed', () => {
    expect(latestSegment(rising, [2022]).map((p) => p.x)).toEqual([2022, 2023, 2024, 2025]);
    expect(trend(rising, 'higher', [2022]).verdict).toBe('too-few-points');
    expect(trend(rising.filter((p) => p.x !== 2019), 'higher').points).toBe(9);
    expect(latestSegment(rising, [2030]).length).toBe(10);
  });
  it('one period: no slope, no test', () => {
    const t = trend([{ x: 2025, y: 90 }], 'higher');
    expect(t).toMatchObject({ points: 1, verdict: 'too-few-points' });
    expect(t.theilSenSlope).toBeUndefined();
  });
});

describe('rank and quartileClass', () => {
  it('competition ranks with ties, by direction', () => {
    expect(rank([90, 85, 90, 70], 'higher')).toEqual([1, 3, 1, 4]);
    expect(rank([90, 85, 90, 70], 'lower')).toEqual([3, 2, 3, 1]);
  });
  it('quartiles only from 8 municipalities', () => {
    expect(quartileClass(1, 7)).toBeUndefined();
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => quartileClass(r, 8))).toEqual(['best-25', 'best-25', 'middle-50', 'middle-50', 'middle-50', 'middle-50', 'worst-25', 'worst-25']);
  });
});
