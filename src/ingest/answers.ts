import { normalizeLabel } from '../model/text.js';

/**
 * A labelled answer scale tillit knows out of the box, with the labels counted as positive. Every
 * scale's positive set is documented in the README's method section, one line each.
 */
export interface LabelScale {
  name: string;
  positive: readonly string[];
  /** Valid answers that are not positive: in the denominator. */
  other: readonly string[];
}

export const LABEL_SCALES: readonly LabelScale[] = [
  { name: 'nöjd', positive: ['Mycket nöjd', 'Ganska nöjd'], other: ['Varken nöjd eller missnöjd', 'Ganska missnöjd', 'Mycket missnöjd'] },
  { name: 'trygg', positive: ['Mycket trygg', 'Ganska trygg'], other: ['Varken trygg eller otrygg', 'Ganska otrygg', 'Mycket otrygg'] },
  { name: 'stämmer', positive: ['Stämmer helt', 'Stämmer ganska bra'], other: ['Stämmer ganska dåligt', 'Stämmer inte alls', 'Stämmer inte'] },
  {
    name: 'bra',
    positive: ['Mycket bra', 'Ganska bra'],
    other: ['Varken bra eller dåligt', 'Ganska dåligt', 'Mycket dåligt', 'Varken bra eller dålig', 'Ganska dålig', 'Mycket dålig'],
  },
  { name: 'lätt', positive: ['Mycket lätt', 'Ganska lätt'], other: ['Varken lätt eller svårt', 'Ganska svårt', 'Mycket svårt'] },
  { name: 'ja-nej', positive: ['Ja'], other: ['Nej', 'Ibland', 'Delvis'] },
  { name: 'alltid-aldrig', positive: ['Alltid', 'Oftast'], other: ['Ibland', 'Sällan', 'Aldrig'] },
  { name: 'alla-ingen', positive: ['Alla'], other: ['Några', 'Ingen'] },
];

/**
 * Numeric scales, told apart by the highest answer given to a question in the whole run (see
 * `resolveScores`), each with its positive answers: the top two boxes of five and of seven
 * (the usual "positive" of 1–5 and 1–7 scales), and 8–10 of ten (Statistics Sweden's "nöjd" on
 * its 1–10 citizen surveys; the top two alone would call a 7 of 10 negative and an 8 neutral).
 */
export const NUMERIC_SCALES: readonly { max: number; positiveFrom: number }[] = [
  { max: 5, positiveFrom: 4 },
  { max: 7, positiveFrom: 6 },
  { max: 10, positiveFrom: 8 },
];

/** Positive labels of the standard Swedish scales. */
export const DEFAULT_POSITIVE: readonly string[] = LABEL_SCALES.flatMap((s) => s.positive);
/** Labels left out of the denominator. Blank answers are excluded too. */
export const DEFAULT_EXCLUDED = ['Vet ej/Ingen åsikt', 'Vet ej', 'Ingen åsikt', 'Vet inte', 'Ej aktuellt'];
/** The non-positive remainder of the same scales: valid, counted in the denominator. */
export const DEFAULT_OTHER: readonly string[] = [...new Set(LABEL_SCALES.flatMap((s) => s.other))];

/** `positive`, `other` or `excluded`: where an answer goes in the share. */
export type AnswerClass = 'positive' | 'other' | 'excluded';
/**
 * An answer's class, or a number 1–10 on a numeric scale not yet known (decided once the whole run
 * is read), or undefined for a label on no scale.
 */
export type Classified = AnswerClass | number | undefined;
/** How one answer counts in its group: a class of the scale, or a rejected answer. */
export type Counted = NonNullable<Classified> | 'rejected';

export interface AnswerScale {
  positive: readonly string[];
  excluded: readonly string[];
  other: readonly string[];
  questions: Readonly<Record<string, { positive: readonly string[] }>>;
}

/** `1` … `10` as written (`07` too); anything else is not a numeric answer. */
export function scoreOf(key: string): number | undefined {
  if (!/^\d{1,2}$/.test(key)) return undefined;
  const v = Number(key);
  return v >= 1 && v <= 10 ? v : undefined;
}

/**
 * Builds a classifier: a question's own positive labels win, then the configured (or default)
 * positive labels; excluded labels and blanks leave the denominator; a number 1–10 that no list
 * names is returned as a number (its scale is decided later); any other label on no list is
 * undefined, so the row is rejected rather than silently counted as negative.
 */
export function answerClassifier(scale: AnswerScale): (question: string, answer: string) => Classified {
  const set = (labels: readonly string[]) => new Set(labels.map(normalizeLabel));
  const positive = set(scale.positive);
  const excluded = set(scale.excluded);
  const known = set([...scale.positive, ...scale.other, ...DEFAULT_POSITIVE, ...DEFAULT_OTHER]);
  const perQuestion = new Map(Object.entries(scale.questions).map(([q, s]) => [q, set(s.positive)]));
  return (question, answer) => {
    const key = normalizeLabel(answer);
    if (key === '' || excluded.has(key)) return 'excluded';
    const own = perQuestion.get(question);
    if (own?.has(key) ?? positive.has(key)) return 'positive';
    if (known.has(key) || own !== undefined) return 'other';
    return scoreOf(key);
  };
}
