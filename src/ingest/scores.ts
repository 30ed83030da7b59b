import { finding } from '../model/findings.js';
import { AREA, GENDER, INDICATOR, OTHER, PERIOD, POSITIVE, SCORES, SERVICE, whole, type AnswerTable } from '../model/answer-table.js';
import { AreaIndex } from '../model/area-index.js';
import { createRowIndex, KeyNumbers } from '../model/row-index.js';
import { TextIndex } from '../model/text.js';
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
 * evidence and how to declare the scale, never a silent guess. Changes the answer tables in place.
 */
export function resolveScores(inputs: readonly ParsedInput[]): void {
  const highest = new Map<string, { value: number; input: ParsedInput; line: number }>();
  const tables = inputs.flatMap((input) => (input.answers ?? []).filter((t) => t.scores !== undefined).map((t) => ({ input, t })));
  for (const input of inputs) {
    if (!(input.answers ?? []).some((t) => t.scores !== undefined)) continue;
    for (const [question, line] of firstScored(input.answers!)) if (!highest.has(question)) highest.set(question, { value: 0, input, line });
  }
  for (const { t } of tables) {
    for (let i = 0; i < t.length; i++) {
      const seen = highest.get(t.text(i, INDICATOR));
      const top = t.highestScore(i);
      if (seen !== undefined && top > seen.value) seen.value = top;
    }
  }
  for (const { t } of tables) {
    const scores = t.scores!;
    for (let i = 0; i < t.length; i++) {
      if (t.highestScore(i) === 0) continue;
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

/**
 * Per question, the line of its first group with numeric answers, in the order a read of the whole
 * file gives the groups. A file read in parts has a table per part: a group cut by a boundary is
 * placed, and has its line, where the first part has it, whichever part holds its numbers.
 */
function firstScored(tables: readonly AnswerTable[]): Map<string, number> {
  const first = new Map<string, number>();
  if (tables.length === 1) {
    const t = tables[0]!;
    for (let i = 0; i < t.length; i++) if (t.highestScore(i) > 0 && !first.has(t.text(i, INDICATOR))) first.set(t.text(i, INDICATOR), whole(t.line[i]!));
    return first;
  }
  // Groups numbered in that order by their key (area, period, question × service × gender), as numbers.
  const areas = new AreaIndex();
  const texts = new TextIndex();
  const periods = new KeyNumbers();
  const pairs = new KeyNumbers();
  const index = createRowIndex();
  const lines: number[] = [];
  const questions: number[] = [];
  const scored: boolean[] = [];
  for (const t of tables) {
    const areaOf = t.areas.map((a) => areas.id(a));
    const textOf = t.texts.map((x) => texts.id(x));
    for (let i = 0; i < t.length; i++) {
      const question = textOf[t.key(i, INDICATOR)]!;
      const pair = pairs.id(question, textOf[t.key(i, SERVICE)]!, 0);
      const prior = index.claim(areaOf[t.key(i, AREA)]!, periods.id(textOf[t.key(i, PERIOD)]!, 0, 0), pair * 3 + t.key(i, GENDER), lines.length);
      const g = prior >= 0 ? prior : lines.push(whole(t.line[i]!)) - 1;
      if (prior < 0) questions.push(question);
      if (t.highestScore(i) > 0) scored[g] = true;
    }
  }
  for (let g = 0; g < lines.length; g++) {
    const question = texts.values[questions[g]!]!;
    if (scored[g] === true && !first.has(question)) first.set(question, lines[g]!);
  }
  return first;
}
