import { normalizeLabel } from '../model/text.js';

/** Positive labels of the standard Swedish scales, plus 4–5 on numeric 1–5 scales. */
export const DEFAULT_POSITIVE = [
  'Mycket nöjd', 'Ganska nöjd', 'Mycket trygg', 'Ganska trygg', 'Alltid', 'Oftast', 'Stämmer helt',
  'Stämmer ganska bra', 'Mycket bra', 'Ganska bra', 'Mycket lätt', 'Ganska lätt', '4', '5',
];
/** Labels left out of the denominator. Blank answers are excluded too. */
export const DEFAULT_EXCLUDED = ['Vet ej/Ingen åsikt', 'Vet ej', 'Ingen åsikt', 'Vet inte', 'Ej aktuellt'];
/** The non-positive remainder of the same scales: valid, counted in the denominator. */
export const DEFAULT_OTHER = [
  'Varken nöjd eller missnöjd', 'Ganska missnöjd', 'Mycket missnöjd', 'Varken trygg eller otrygg',
  'Ganska otrygg', 'Mycket otrygg', 'Ibland', 'Sällan', 'Aldrig', 'Stämmer ganska dåligt',
  'Stämmer inte alls', 'Stämmer inte', 'Varken bra eller dålig', 'Ganska dålig', 'Mycket dålig',
  'Ganska svårt', 'Mycket svårt', 'Varken lätt eller svårt', '1', '2', '3',
];

export type AnswerClass = 'positive' | 'other' | 'excluded';

export interface AnswerScale {
  positive: readonly string[];
  excluded: readonly string[];
  other: readonly string[];
  questions: Readonly<Record<string, { positive: readonly string[] }>>;
}

/**
 * Builds a classifier: a question's own positive labels win, then the configured (or default)
 * positive labels; excluded labels and blanks leave the denominator; a label on no list is
 * undefined, so the row is rejected rather than silently counted as negative.
 */
export function answerClassifier(scale: AnswerScale): (question: string, answer: string) => AnswerClass | undefined {
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
    return known.has(key) || own !== undefined ? 'other' : undefined;
  };
}
