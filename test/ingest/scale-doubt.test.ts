import { describe, expect, it } from 'vitest';
import { pastShorterTop, scaleDoubt, valueRanges, valuesApart } from '../../src/ingest/scale-doubt.js';

/** Counts by value (index 1–10) from `{value: count}`. */
function byValue(counts: Record<number, number>): number[] {
  const out = new Array<number>(11).fill(0);
  for (const [v, n] of Object.entries(counts)) out[Number(v)] = n;
  return out;
}
/** The tester's file: 1–5, and 9 for "Vet ej" (12 of 120). */
const vetEj9 = byValue({ 1: 16, 2: 15, 3: 9, 4: 40, 5: 28, 9: 12 });
/** A real 1–10 question, every value given. */
const spread = byValue({ 1: 2, 2: 3, 3: 4, 4: 6, 5: 9, 6: 10, 7: 14, 8: 20, 9: 15, 10: 11 });

describe('valuesApart: top values set off by values nobody gave, past the scale the rest fit', () => {
  it('1–5 and 9 (none of 6–8): 9 is apart from the 1–5 the rest fit', () => {
    expect(valuesApart(vetEj9)).toEqual({ codes: [9], fits: 5, below: 5 });
  });
  it('two codes, 8 and 9, after 1–5; 9 after 1–7 (8 unused); 7 after 1–5 (6 unused)', () => {
    expect(valuesApart(byValue({ 1: 3, 3: 5, 5: 9, 8: 2, 9: 1 }))).toEqual({ codes: [8, 9], fits: 5, below: 5 });
    expect(valuesApart(byValue({ 1: 3, 4: 5, 7: 9, 9: 1 }))).toEqual({ codes: [9], fits: 7, below: 7 });
    expect(valuesApart(byValue({ 2: 3, 4: 5, 5: 9, 7: 1 }))).toEqual({ codes: [7], fits: 5, below: 5 });
  });
  it('a real scale is not apart: 1–10 spread over, a low answer under the bulk, a gap inside 1–5 or inside 1–10', () => {
    expect(valuesApart(spread)).toBeUndefined();
    // 1, none of 2, then 3–10: the top run starts inside 1–5, the scale the 1 fits.
    expect(valuesApart(byValue({ 1: 1, 3: 4, 4: 5, 5: 6, 6: 7, 7: 9, 8: 12, 9: 8, 10: 3 }))).toBeUndefined();
    expect(valuesApart(byValue({ 1: 4, 2: 8, 3: 5, 5: 1 }))).toBeUndefined();
    expect(valuesApart(byValue({ 3: 2, 7: 4, 8: 6, 10: 5 }))).toBeUndefined();
    expect(valuesApart(byValue({ 9: 3 }))).toBeUndefined();
    expect(valuesApart(byValue({}))).toBeUndefined();
  });
});

describe('pastShorterTop: a highest answer one past a shorter scale\'s top', () => {
  it('6 (after 1–5) and 8 (after 1–7); not the tops 5, 7, 10, nor 9 (a 1–10 question nobody answered 10)', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10].map(pastShorterTop)).toEqual([undefined, undefined, undefined, 5, undefined, 7, undefined, undefined]);
  });
});

describe('valueRanges', () => {
  it('runs of values given, the last joined with "and"', () => {
    expect(valueRanges(vetEj9)).toBe('1–5 and 9');
    expect(valueRanges(byValue({ 2: 1, 4: 1, 5: 1, 6: 1, 10: 1 }))).toBe('2, 4–6 and 10');
    expect(valueRanges(byValue({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 }))).toBe('1–6');
    expect(valueRanges(byValue({ 7: 1 }))).toBe('7');
  });
});

describe('scaleDoubt: a question\'s periods and the runs of periods read on one scale', () => {
  const block = (periods: string[], highest: number) => ({ periods, highest });
  it('values apart in one year among real 1–10 years: that year named, with what was seen and not', () => {
    const byPeriod = new Map([['2025', spread], ['2024', vetEj9], ['2023', spread]]);
    expect(scaleDoubt(byPeriod, [block(['2023', '2024', '2025'], 10)])).toEqual({ reason: 'apart', values: '1–5 and 9', codes: [9], fits: 5, unused: '6–8', periods: ['2024'] });
  });
  it('1–6 (none of 7): 6 one past 1–5; 1–8: 8 one past 1–7, counts of the whole run of years', () => {
    const oneToSix = byValue({ 1: 10, 2: 10, 3: 8, 4: 19, 5: 17, 6: 11 });
    expect(scaleDoubt(new Map([['2024', oneToSix]]), [block(['2024'], 6)])).toEqual({ reason: 'past-top', values: '1–6', codes: [6], fits: 5, unused: '7', periods: ['2024'] });
    const low = byValue({ 1: 2, 2: 3, 3: 3, 4: 5, 5: 6, 6: 4, 7: 2 });
    const high = byValue({ 6: 1, 7: 2, 8: 2 });
    expect(scaleDoubt(new Map([['2023', low], ['2024', high]]), [block(['2023', '2024'], 8)])).toEqual({ reason: 'past-top', values: '1–8', codes: [8], fits: 7, unused: '9–10', periods: ['2023', '2024'] });
  });
  it('a 1–7 question nobody answered 7 in one year, 7 in another: one run on 1–7, no doubt; 1–5 and 1–10 as before', () => {
    const six = byValue({ 2: 3, 4: 5, 5: 6, 6: 4 });
    const seven = byValue({ 3: 3, 5: 5, 6: 6, 7: 4 });
    expect(scaleDoubt(new Map([['2023', six], ['2024', seven]]), [block(['2023', '2024'], 7)])).toBeUndefined();
    expect(scaleDoubt(new Map([['2024', byValue({ 1: 16, 2: 15, 3: 9, 4: 40, 5: 40 })]]), [block(['2024'], 5)])).toBeUndefined();
    expect(scaleDoubt(new Map([['2024', spread]]), [block(['2024'], 10)])).toBeUndefined();
  });
  it('a low answer under a run of several is no bulk under codes (a helper\'s 1–10 question: two answered 1, the rest 6–10)', () => {
    expect(valuesApart([0, 2, 0, 0, 0, 0, 5, 8, 12, 9, 10])).toBeUndefined();
    expect(valuesApart([0, 16, 15, 9, 40, 28, 0, 0, 0, 12, 0])).toEqual({ codes: [9], fits: 5, below: 5 });
  });
});
