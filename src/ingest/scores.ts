import { finding } from '../model/findings.js';
import { INDICATOR, OTHER, POSITIVE, SCORES, whole } from '../model/answer-table.js';
import { NUMERIC_SCALES } from './answers.js';
import type { ParsedInput } from './parse-input.js';

/** The numeric scale a question's highest answer fits: the shortest of 1–5, 1–7 and 1–10 that holds it. */
export function numericScale(highest: number): { max: number; positiveFrom: number } {
  return NUMERIC_SCALES.find((s) => highest <= s.max) ?? NUMERIC_SCALES.at(-1)!;
}

/**
 * Numeric answers (1–10) whose scale no config names are counted by value while files are read;
 * here, once every input is read, each question's scale is decided from the highest answer given to
 * it anywhere in the run (every municipality, year and file): one scale per question, so a
 * municipality whose respondents all answered 5 or lower on a 1–10 question is not read as 1–5
 * while the others are read as 1–10. That highest answer can still fall short of the scale's top
 * (a 1–7 question nobody answered 6 or 7), so each decision is a warning finding naming the
 * evidence and how to declare the scale, never a silent guess. Changes the records in place.
 */
export function resolveScores(inputs: readonly ParsedInput[]): void {
  const highest = new Map<string, { value: number; input: ParsedInput; line: number }>();
  const tables = inputs.flatMap((input) => (input.answers ?? []).filter((t) => t.scores !== undefined).map((t) => ({ input, t })));
  for (const { input, t } of tables) {
    for (let i = 0; i < t.length; i++) {
      const top = topScore(t.scores!, i);
      if (top === 0) continue;
      const question = t.text(i, INDICATOR);
      const seen = highest.get(question);
      if (seen === undefined) highest.set(question, { value: top, input, line: whole(t.line[i]!) });
      else if (top > seen.value) seen.value = top;
    }
  }
  for (const { t } of tables) {
    const scores = t.scores!;
    for (let i = 0; i < t.length; i++) {
      if (topScore(scores, i) === 0) continue;
      const scale = numericScale(highest.get(t.text(i, INDICATOR))!.value);
      for (let v = 1; v < SCORES; v++) t.tally(i, v >= scale.positiveFrom ? POSITIVE : OTHER, scores[i * SCORES + v]!);
    }
    t.scores = undefined;
  }
  for (const [question, { value, input, line }] of highest) {
    const scale = numericScale(value);
    input.findings.push(finding(input.file, {
      code: 'answer-scale-inferred', line,
      args: { question, max: scale.max, from: scale.positiveFrom, highest: value },
    }));
    input.findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

/** The highest value group `i` has a numeric answer of; 0 when none. */
function topScore(scores: Float64Array, i: number): number {
  for (let v = SCORES - 1; v > 0; v--) if (scores[i * SCORES + v]! > 0) return v;
  return 0;
}
