import { describe, expect, it } from 'vitest';
import { answerClassifier, DEFAULT_EXCLUDED, DEFAULT_OTHER, DEFAULT_POSITIVE, LABEL_SCALES, scoreOf } from '../../src/ingest/answers.js';
import { numericScale } from '../../src/ingest/scores.js';

const classify = answerClassifier({ positive: DEFAULT_POSITIVE, excluded: DEFAULT_EXCLUDED, other: [], questions: {} });
const classes = (labels: string[]) => labels.map((l) => classify('q', l));

describe('the Swedish scales known out of the box', () => {
  it('Ja/Nej with Ibland, Delvis, Vet ej: Ja positive, Vet ej out of the denominator', () => {
    expect(classes(['Ja', 'Nej', 'Ibland', 'Delvis', 'Vet ej'])).toEqual(['positive', 'other', 'other', 'other', 'excluded']);
  });
  it('Alltid/Oftast/Ibland/Sällan/Aldrig: Alltid and Oftast positive', () => {
    expect(classes(['Alltid', 'Oftast', 'Ibland', 'Sällan', 'Aldrig'])).toEqual(['positive', 'positive', 'other', 'other', 'other']);
  });
  it('Alla/Några/Ingen: Alla positive', () => {
    expect(classes(['Alla', 'Några', 'Ingen'])).toEqual(['positive', 'other', 'other']);
  });
  it('Mycket bra … Mycket dåligt: the two "bra" positive, in either spelling of dålig(t)', () => {
    expect(classes(['Mycket bra', 'Ganska bra', 'Varken bra eller dåligt', 'Ganska dåligt', 'Mycket dåligt', 'Mycket dålig']))
      .toEqual(['positive', 'positive', 'other', 'other', 'other', 'other']);
  });
  it('labels are compared without case or accents, as headers are', () => {
    expect(classes(['JA', 'nej', 'sallan', 'NAGRA'])).toEqual(['positive', 'other', 'other', 'other']);
  });
  it('a number 1–10 no list names waits for its scale; anything else on no scale is undefined (rejected)', () => {
    expect(classes(['1', '5', '07', '10'])).toEqual([1, 5, 7, 10]);
    expect(classes(['0', '11', '4,5', 'Kanske', 'Jo'])).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
  it('numbers a config names are classified as it says (an explicit declaration), not decided later', () => {
    const own = answerClassifier({ positive: DEFAULT_POSITIVE, excluded: DEFAULT_EXCLUDED, other: [], questions: { betyg: { positive: ['9', '10'] } } });
    expect(['10', '9', '8', '5'].map((a) => own('betyg', a))).toEqual(['positive', 'positive', 'other', 'other']);
    expect(own('annan', '9')).toBe(9);
  });
  it('no label is both positive and not positive, on any two scales', () => {
    const positive = new Set(DEFAULT_POSITIVE);
    expect(DEFAULT_OTHER.filter((l) => positive.has(l))).toEqual([]);
    expect(LABEL_SCALES.every((s) => s.positive.length > 0 && s.other.length > 0)).toBe(true);
  });
  it('scoreOf reads 1–10 only', () => {
    expect(['1', '10', '0', '11', ' 3', 'x'].map(scoreOf)).toEqual([1, 10, undefined, undefined, undefined, undefined]);
  });
});

describe('numeric scales', () => {
  it('the shortest of 1–5, 1–7 and 1–10 that holds the highest answer, with its positive answers', () => {
    expect([1, 5, 6, 7, 8, 10].map((h) => numericScale(h))).toEqual([
      { max: 5, positiveFrom: 4 }, { max: 5, positiveFrom: 4 }, { max: 7, positiveFrom: 6 },
      { max: 7, positiveFrom: 6 }, { max: 10, positiveFrom: 8 }, { max: 10, positiveFrom: 8 },
    ]);
  });
});
