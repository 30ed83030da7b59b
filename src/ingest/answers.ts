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

/** A numeric scale 1–max and the first of its positive answers. */
export type NumericScale = { max: number; positiveFrom: number };

/**
 * Numeric scales, told apart by the highest answer given to a question in the whole run (see
 * `resolveScores`), each with its positive answers: the top two boxes of five and of seven
 * (the usual "positive" of 1–5 and 1–7 scales), and 8–10 of ten (Statistics Sweden's "nöjd" on
 * its 1–10 citizen surveys; the top two alone would call a 7 of 10 negative and an 8 neutral).
 */
export const NUMERIC_SCALES: readonly NumericScale[] = [
  { max: 5, positiveFrom: 4 },
  { max: 7, positiveFrom: 6 },
  { max: 10, positiveFrom: 8 },
];

/** The numeric scale a question's highest answer fits: the shortest of 1–5, 1–7 and 1–10 that holds it. */
export function numericScale(highest: number): NumericScale {
  return NUMERIC_SCALES.find((s) => highest <= s.max) ?? NUMERIC_SCALES.at(-1)!;
}

/** Positive labels of the standard Swedish scales. */
export const DEFAULT_POSITIVE: readonly string[] = LABEL_SCALES.flatMap((s) => s.positive);
/** Labels left out of the denominator. Blank answers are excluded too. */
export const DEFAULT_EXCLUDED = ['Vet ej/Ingen åsikt', 'Vet ej', 'Ingen åsikt', 'Vet inte', 'Ej aktuellt', 'Ingen uppfattning', 'Vet ej/Ingen uppfattning'];
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

/**
 * The config's answer lists (`survey.positive`, `.excluded`, `.other`, `.questions`), laid over the
 * built-in scales: each list decides the labels it names, every other label keeps its built-in
 * class. A config that adds a scale ("Mycket väl", "Ganska väl") or names one it shares with the
 * built-ins ("Mycket trygg", "Ganska trygg") therefore leaves Ja, Alltid or Vet ej as they were.
 */
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
 * A built-in positive label the config counts as not positive: named under `survey.other` or
 * `survey.excluded` (`named`), or left out where a positive list names others of its scale
 * (`restated`: the config's "Mycket nöjd" alone reads as a top-box share, so "Ganska nöjd" is not
 * positive). Either way a figure changes meaning, so each is said (see `droppedPositives`).
 */
export interface DroppedPositive {
  labels: readonly string[];
  scale: string;
  /** The config list that decides it: `survey.positive`, `survey.other`, `survey.excluded` or `survey.questions["q"]`. */
  list: string;
  /** Only for `restated`: the positive labels of the scale the list does name. */
  named: readonly string[];
  reason: 'restated' | 'named';
  /** `other` (in the denominator) or `excluded` (out of it). */
  as: 'other' | 'excluded';
}

/**
 * Every built-in positive label the config turns into a not-positive one, per scale and list: the
 * ones a list names under `other` or `excluded`, and those a positive list (global or a question's)
 * leaves out of a scale it names some of. A list that names none of a scale's positive labels leaves
 * that scale alone.
 */
export function droppedPositives(scale: AnswerScale): DroppedPositive[] {
  const out: DroppedPositive[] = [];
  const key = (labels: readonly string[]) => new Set(labels.map(normalizeLabel));
  const restated = (list: string, positive: readonly string[], ownedBy: Set<string>) => {
    const named = key(positive);
    for (const s of LABEL_SCALES) {
      const kept = s.positive.filter((l) => named.has(normalizeLabel(l)));
      const left = s.positive.filter((l) => !named.has(normalizeLabel(l)) && !ownedBy.has(normalizeLabel(l)));
      if (kept.length > 0 && left.length > 0) out.push({ labels: left, scale: s.name, list, named: kept, reason: 'restated', as: 'other' });
    }
  };
  const excluded = key(scale.excluded);
  const other = key(scale.other);
  const positive = key(scale.positive);
  for (const [list, names, as] of [['survey.excluded', excluded, 'excluded'], ['survey.other', other, 'other']] as const) {
    for (const s of LABEL_SCALES) {
      // A label in both lists is excluded (see `answerClassifier`); survey.positive naming it too loses to excluded only.
      const labels = s.positive.filter((l) => names.has(normalizeLabel(l)) && (as === 'excluded' || (!positive.has(normalizeLabel(l)) && !excluded.has(normalizeLabel(l)))));
      if (labels.length > 0) out.push({ labels, scale: s.name, list, named: [], reason: 'named', as });
    }
  }
  // Labels the other lists already moved are said once, there.
  const moved = new Set([...excluded, ...other]);
  if (scale.positive.length > 0) restated('survey.positive', scale.positive, moved);
  for (const [question, own] of Object.entries(scale.questions)) restated(`survey.questions["${question}"]`, own.positive, moved);
  return out;
}

/**
 * Builds a classifier: blanks and excluded labels leave the denominator; a question's own positive
 * labels make its whole positive set (any other label it gets is valid, not positive); otherwise a
 * label keeps its class on the built-in scales unless a config list names it (see `AnswerScale`, and
 * `droppedPositives` for a scale a config restates); a number 1–10 that no list names is returned as
 * a number (its scale is decided later); any other label on no list is undefined, so the row is
 * rejected rather than silently counted as negative. Called once per question and label, not per
 * answer (`CellLookups.classify` remembers).
 */
export function answerClassifier(scale: AnswerScale): (question: string, answer: string) => Classified {
  const classes = labelClasses(scale);
  // A question is named as its text is written but for case, accents and spacing, as answers are:
  // `"Helhetssyn"` for the file's `helhetssyn` was not applied, while a warning said it was.
  const perQuestion = new Map(Object.entries(scale.questions).map(([q, s]) => [normalizeLabel(q), new Set(s.positive.map(normalizeLabel))]));
  return (question, answer) => {
    const key = normalizeLabel(answer);
    const known = classes.get(key);
    if (key === '' || known === 'excluded') return 'excluded';
    const own = perQuestion.size === 0 ? undefined : perQuestion.get(normalizeLabel(question));
    if (own !== undefined) return own.has(key) ? 'positive' : 'other';
    return known ?? scoreOf(key);
  };
}

/**
 * Each label's class outside per-question lists, later entries over earlier ones: the built-in
 * scales and don't-know labels, a restated scale's left-out positive labels as not positive, then
 * the config's `other`, `positive` and `excluded` (a label in two of them takes the last).
 */
function labelClasses(scale: AnswerScale): Map<string, AnswerClass> {
  const classes = new Map<string, AnswerClass>();
  const put = (labels: readonly string[], c: AnswerClass) => { for (const l of labels) classes.set(normalizeLabel(l), c); };
  put(DEFAULT_OTHER, 'other');
  put(DEFAULT_POSITIVE, 'positive');
  put(DEFAULT_EXCLUDED, 'excluded');
  for (const d of droppedPositives({ ...scale, questions: {} })) if (d.reason === 'restated') put(d.labels, 'other');
  put(scale.other, 'other');
  put(scale.positive, 'positive');
  put(scale.excluded, 'excluded');
  return classes;
}
