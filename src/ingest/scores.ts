import { finding, type Finding } from '../model/findings.js';
import { comparePeriods, periodYear } from '../model/period.js';
import { AREA, GENDER, INDICATOR, OTHER, PERIOD, POSITIVE, REJECTED, SCORES, SERVICE, whole, type AnswerTable } from '../model/answer-table.js';
import { AreaIndex } from '../model/area-index.js';
import { createRowIndex, KeyNumbers } from '../model/row-index.js';
import { TextIndex } from '../model/text.js';
import { NUMERIC_SCALES, numericScale, type NumericScale } from './answers.js';
import type { ParsedInput } from './parse-input.js';
import { scaleDoubt, type ScaleDoubt } from './scale-doubt.js';

export { numericScale };

/** Periods a question is read on one scale, with the highest answer given in them. */
export interface ScaleBlock {
  periods: string[];
  highest: number;
  scale: NumericScale;
}

/**
 * A question's scale per period, from the highest answer of each (every municipality and file):
 * one block, on the scale the highest answer in all periods fits, unless the periods fall into
 * consecutive runs on different scales where each shorter scale's runs reach exactly its top
 * (5 of 1–5, 7 of 1–7) and stop there: then the question changed scale (a 1–5 question became
 * 1–10) and each run is read on its own. Runs that alternate (10, 7, 10), or a shorter run that
 * never reaches its top (a 1–10 year whose highest answer is 4), are a sample, not a new scale.
 * @example scaleBlocks(new Map([['2023', 5], ['2024', 5], ['2025', 10]])) // two blocks: 2023–2024 on 1–5, 2025 on 1–10
 */
export function scaleBlocks(highestByPeriod: ReadonlyMap<string, number>): ScaleBlock[] {
  const periods = [...highestByPeriod.keys()].sort(comparePeriods);
  const runs: ScaleBlock[] = [];
  for (const period of periods) {
    const highest = highestByPeriod.get(period)!;
    const scale = numericScale(highest);
    const last = runs.at(-1);
    if (last !== undefined && last.scale === scale) {
      last.periods.push(period);
      last.highest = Math.max(last.highest, highest);
    } else runs.push({ periods: [period], highest, scale });
  }
  const longest = Math.max(...runs.map((r) => r.scale.max));
  const once = new Set(runs.map((r) => r.scale)).size === runs.length;
  const clear = runs.every((r) => r.scale.max === longest || r.highest === r.scale.max);
  if (runs.length <= 1 || !once || !clear) {
    const highest = Math.max(...periods.map((p) => highestByPeriod.get(p)!));
    return [{ periods, highest, scale: numericScale(highest) }];
  }
  return runs;
}

/**
 * Numeric answers (1–10) whose scale no config names are counted by value while files are read;
 * here, once every input is read, each question's scale is decided from the highest answer given to
 * it in the run (every municipality, file and year; see `scaleBlocks`): one scale per question, so a
 * municipality whose respondents all answered 5 or lower on a 1–10 question is not read as 1–5
 * while the others are read as 1–10; one per run of years only where the question clearly changed
 * scale between years, since a 1–10 year read on the 1–5 years' scale would be 0 %. That highest
 * answer can still fall short of the scale's top (a 1–7 question nobody answered 6 or 7), so each
 * decision is a warning finding naming the evidence and how to declare the scale, never a silent
 * guess. Where the answers show a code rather than a scale (1–5 and 9, or 1–6: see `scaleDoubt`),
 * nothing is decided: the question's numeric answers are counted as rejected, so none of its cells
 * is published, and an error says what was seen and how to declare it. Shares on two scales are
 * not comparable: the years where a new scale starts are returned, per question, as series breaks
 * (no change or trend across them). Changes the answer tables in place.
 */
export function resolveScores(inputs: readonly ParsedInput[]): Map<string, number[]> {
  const tables = inputs.flatMap((input) => (input.answers ?? []).filter((t) => t.scores !== undefined).map((t) => ({ input, t })));
  const first = new Map<string, { input: ParsedInput; line: number }>();
  for (const input of inputs) {
    if (!(input.answers ?? []).some((t) => t.scores !== undefined)) continue;
    for (const [question, line] of firstScored(input.answers!)) if (!first.has(question)) first.set(question, { input, line });
  }
  const decisions = new Map<string, ScaleDecision>();
  for (const [question, byPeriod] of answersByValue(tables.map(({ t }) => t))) decisions.set(question, decideScale(byPeriod));
  for (const { t } of tables) countScores(t, decisions);
  const breaks = new Map<string, number[]>();
  for (const [question, { input, line }] of first) {
    const decided = decisions.get(question)!;
    input.findings.push(decided.doubt === undefined ? scaleFinding(input.file, line, question, decided.blocks) : doubtFinding(input.file, line, question, decided.doubt));
    input.findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (decided.doubt === undefined && decided.blocks.length > 1) breaks.set(question, decided.blocks.slice(1).map((b) => periodYear(b.periods[0]!)));
  }
  return breaks;
}

/** A question's scale per run of periods, or the reason it has none (`doubt`). */
interface ScaleDecision {
  blocks: ScaleBlock[];
  scaleOf: Map<string, NumericScale>;
  doubt?: ScaleDoubt;
}

function decideScale(byPeriod: ReadonlyMap<string, Float64Array>): ScaleDecision {
  const blocks = scaleBlocks(new Map([...byPeriod].map(([period, counts]) => [period, highestValue(counts)])));
  const scaleOf = new Map(blocks.flatMap((b) => b.periods.map((p) => [p, b.scale] as const)));
  const doubt = scaleDoubt(byPeriod, blocks);
  return doubt === undefined ? { blocks, scaleOf } : { blocks, scaleOf, doubt };
}

/** Turns a table's numeric answers into positive and other on their question's scale, or into rejected where it has none. */
function countScores(t: AnswerTable, decisions: ReadonlyMap<string, ScaleDecision>): void {
  const scores = t.scores!;
  for (let i = 0; i < t.length; i++) {
    if (t.highestScore(i) === 0) continue;
    const decided = decisions.get(t.text(i, INDICATOR))!;
    const scale = decided.doubt === undefined ? decided.scaleOf.get(t.text(i, PERIOD))! : undefined;
    for (let v = 1; v < SCORES; v++) t.tally(i, scale === undefined ? REJECTED : v >= scale.positiveFrom ? POSITIVE : OTHER, scores[i * SCORES + v]!);
  }
  t.scores = undefined;
}

/** Per question, per period, the numeric answers of every group (every file and area) by value (index 1–10). */
function answersByValue(tables: readonly AnswerTable[]): Map<string, Map<string, Float64Array>> {
  const out = new Map<string, Map<string, Float64Array>>();
  for (const t of tables) {
    const scores = t.scores!;
    for (let i = 0; i < t.length; i++) {
      if (t.highestScore(i) === 0) continue;
      const question = t.text(i, INDICATOR);
      const period = t.text(i, PERIOD);
      const byPeriod = out.get(question) ?? out.set(question, new Map()).get(question)!;
      const counts = byPeriod.get(period) ?? byPeriod.set(period, new Float64Array(SCORES)).get(period)!;
      for (let v = 1; v < SCORES; v++) counts[v]! += scores[i * SCORES + v]!;
    }
  }
  return out;
}

function highestValue(counts: Float64Array): number {
  let v = counts.length - 1;
  while (v > 0 && counts[v] === 0) v--;
  return v;
}

/**
 * What the answers show of a scale, no more than choosing it shows: the highest answer itself
 * would tell a reader that every answer of a hidden cell was below the positive ones (3 on 1–5).
 */
function scaleEvidence(max: number): string {
  const below = NUMERIC_SCALES.filter((s) => s.max < max).at(-1)?.max;
  return below === undefined ? `no answer is above ${max}` : max === NUMERIC_SCALES.at(-1)!.max ? `answers go above ${below}` : `answers go above ${below} and none above ${max}`;
}

/** What was decided for a question: one scale (`answer-scale-inferred`), or one per run of periods (`answer-scale-changed`). */
function scaleFinding(file: string, line: number, question: string, decided: readonly ScaleBlock[]): Finding {
  if (decided.length === 1) {
    const { scale } = decided[0]!;
    return finding(file, { code: 'answer-scale-inferred', line, args: { question, max: scale.max, from: scale.positiveFrom, evidence: scaleEvidence(scale.max) } });
  }
  const scales = decided.map((b) => `1–${b.scale.max} (${b.scale.positiveFrom}–${b.scale.max} positive) in ${b.periods.join(', ')}, where ${scaleEvidence(b.scale.max)}`).join('; ');
  const breaks = decided.slice(1).map((b) => b.periods[0]!).join(', ');
  return finding(file, { code: 'answer-scale-changed', line, args: { question, scales, breaks } });
}

/** Why a question's numeric answers are read on no scale, and the config that settles it (`answer-scale-unclear`). */
function doubtFinding(file: string, line: number, question: string, doubt: ScaleDoubt): Finding {
  const quoted = (values: readonly number[]) => values.map((v) => `"${v}"`).join(', ');
  const longer = numericScale(doubt.codes.at(-1)!);
  const positive = Array.from({ length: longer.max - longer.positiveFrom + 1 }, (_, k) => longer.positiveFrom + k);
  const codes = doubt.codes.length === 1 ? String(doubt.codes[0]) : `${doubt.codes[0]}–${doubt.codes.at(-1)}`;
  return finding(file, {
    code: 'answer-scale-unclear', line,
    args: { question, reason: doubt.reason, values: doubt.values, periods: doubt.periods.join(', '), codes, fits: doubt.fits, unused: doubt.unused, excluded: quoted(doubt.codes), positive: quoted(positive) },
  });
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
