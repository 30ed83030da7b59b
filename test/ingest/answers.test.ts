import { describe, expect, it } from 'vitest';
import { answerClassifier, DEFAULT_EXCLUDED, DEFAULT_OTHER, DEFAULT_POSITIVE, droppedPositives, LABEL_SCALES, scoreOf, type AnswerScale } from '../../src/ingest/answers.js';
import { numericScale } from '../../src/ingest/scores.js';

const classify = answerClassifier({ positive: DEFAULT_POSITIVE, excluded: DEFAULT_EXCLUDED, other: [], questions: {} });
const classes = (labels: string[]) => labels.map((l) => classify('q', l));

describe('the Swedish scales known out of the box', () => {
  it('Ja/Nej with Ibland, Delvis, Vet ej: Ja positive, Vet ej out of the denominator', () => {
    expect(classes(['Ja', 'Nej', 'Ibland', 'Delvis', 'Vet ej'])).toEqual(['positive', 'other', 'other', 'other', 'excluded']);
    // "Ingen uppfattning" is a don't-know answer too, as common as "Ingen åsikt" in Swedish surveys.
    expect(classes(['Ingen uppfattning', 'Vet ej/Ingen uppfattning'])).toEqual(['excluded', 'excluded']);
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

describe("the config's lists lie over the built-in scales, for the labels they name", () => {
  const scale = (over: Partial<AnswerScale>): AnswerScale => ({ positive: [], excluded: [], other: [], questions: {}, ...over });
  const with_ = (over: Partial<AnswerScale>) => (labels: string[]) => labels.map((l) => answerClassifier(scale(over))('q', l));
  it('survey.positive naming one scale leaves the others positive (Ja, Alltid, Oftast), and Vet ej excluded', () => {
    const c = with_({ positive: ['Mycket trygg', 'Ganska trygg'], excluded: ['Ingen uppfattning', 'Vet ej'] });
    expect(c(['Ja', 'Ibland', 'Nej', 'Vet ej', '', 'Alltid', 'Oftast', 'Sällan', 'Mycket trygg', 'Ganska otrygg', 'Ingen uppfattning']))
      .toEqual(['positive', 'other', 'other', 'excluded', 'excluded', 'positive', 'positive', 'other', 'positive', 'other', 'excluded']);
    expect(droppedPositives(scale({ positive: ['Mycket trygg', 'Ganska trygg'] }))).toEqual([]);
  });
  it('survey.excluded adds to the built-in don\'t-know labels; survey.other can bring one back into the denominator', () => {
    expect(with_({ excluded: ['Ingen uppfattning'] })(['Vet ej', 'Vet inte', 'Ingen uppfattning', 'Ja'])).toEqual(['excluded', 'excluded', 'excluded', 'positive']);
    expect(with_({ other: ['Vet ej'] })(['Vet ej', 'Vet inte'])).toEqual(['other', 'excluded']);
  });
  it('a new scale is added: its labels valid, its positive ones positive, the built-ins untouched', () => {
    expect(with_({ positive: ['Mycket väl'], other: ['Ganska väl', 'Inte alls'] })(['Mycket väl', 'Ganska väl', 'Inte alls', 'Ja', 'Mycket nöjd']))
      .toEqual(['positive', 'other', 'other', 'positive', 'positive']);
  });
  it('a positive list naming part of a built-in scale replaces its positive answers, and says which it dropped', () => {
    const over = { positive: ['Mycket nöjd', 'Alltid'] };
    expect(with_(over)(['Mycket nöjd', 'Ganska nöjd', 'Alltid', 'Oftast', 'Ja'])).toEqual(['positive', 'other', 'positive', 'other', 'positive']);
    expect(droppedPositives(scale(over))).toEqual([
      { labels: ['Ganska nöjd'], scale: 'nöjd', list: 'survey.positive', named: ['Mycket nöjd'], reason: 'restated', as: 'other' },
      { labels: ['Oftast'], scale: 'alltid-aldrig', list: 'survey.positive', named: ['Alltid'], reason: 'restated', as: 'other' },
    ]);
  });
  it('a built-in positive label named under other or excluded is counted so, and said', () => {
    const over = { other: ['Ja'], excluded: ['Ganska nöjd'] };
    expect(with_(over)(['Ja', 'Ganska nöjd', 'Mycket nöjd'])).toEqual(['other', 'excluded', 'positive']);
    expect(droppedPositives(scale(over))).toEqual([
      { labels: ['Ganska nöjd'], scale: 'nöjd', list: 'survey.excluded', named: [], reason: 'named', as: 'excluded' },
      { labels: ['Ja'], scale: 'ja-nej', list: 'survey.other', named: [], reason: 'named', as: 'other' },
    ]);
  });
  it("a question's own list is its whole positive set; the part of a built-in scale it leaves out is said", () => {
    const over = { questions: { helhet: { positive: ['Mycket nöjd'] } } };
    const c = answerClassifier(scale(over));
    expect(['Mycket nöjd', 'Ganska nöjd', 'Ja', 'Vet ej'].map((l) => c('helhet', l))).toEqual(['positive', 'other', 'other', 'excluded']);
    expect(c('annan', 'Ganska nöjd')).toBe('positive');
    // The question as the file writes it, but for case and spacing: the config's "Helhetssyn" is the file's "helhetssyn".
    const upper = answerClassifier(scale({ questions: { ' Helhetssyn': { positive: ['Mycket nöjd'] } } }));
    expect(['Mycket nöjd', 'Ganska nöjd'].map((l) => upper('helhetssyn', l))).toEqual(['positive', 'other']);
    expect(droppedPositives(scale(over))).toEqual([
      { labels: ['Ganska nöjd'], scale: 'nöjd', list: 'survey.questions["helhet"]', named: ['Mycket nöjd'], reason: 'restated', as: 'other' },
    ]);
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
