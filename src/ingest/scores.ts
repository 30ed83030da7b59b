import { finding } from '../model/findings.js';
import type { AnswerRecord } from '../model/records.js';
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
  const scored: AnswerRecord[] = [];
  for (const input of inputs) {
    for (const r of input.records) {
      if (r.kind !== 'answers' || r.scores === undefined) continue;
      scored.push(r);
      let top = 0;
      for (let v = r.scores.length - 1; v > 0 && top === 0; v--) if (r.scores[v]! > 0) top = v;
      const seen = highest.get(r.indicator);
      if (seen === undefined) highest.set(r.indicator, { value: top, input, line: r.source.line });
      else if (top > seen.value) seen.value = top;
    }
  }
  for (const r of scored) {
    const scale = numericScale(highest.get(r.indicator)!.value);
    const scores = r.scores!;
    for (let v = 1; v < scores.length; v++) {
      if (v >= scale.positiveFrom) r.positive += scores[v]!;
      else r.other += scores[v]!;
    }
    delete r.scores;
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
