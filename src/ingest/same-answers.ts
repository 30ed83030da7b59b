import { INDICATOR, PERIOD, SERVICE } from '../model/answer-table.js';
import type { ParsedInput } from '../model/input.js';

/** The counts a group keeps once numeric answers are placed on their scale: positive, other, excluded, rejected. */
const KINDS = 4;

/**
 * Two respondent-level files holding the same answers: every group (area, period, question,
 * service, gender) with the same counts. The same file saved in another encoding, or with other
 * line endings, is other bytes (the same-file check before reading does not see it) but the same
 * answers: without respondent numbers they would count twice. Undefined when no two are alike;
 * only files with as many answers each are compared.
 */
export function sameAnswers(inputs: readonly ParsedInput[]): [string, string] | undefined {
  const byTotal = new Map<number, ParsedInput[]>();
  for (const input of inputs) {
    if (input.answers === undefined || input.answers.length === 0) continue;
    const total = input.answers.reduce((sum, t) => sum + answersIn(t), 0);
    (byTotal.get(total) ?? byTotal.set(total, []).get(total)!).push(input);
  }
  for (const same of byTotal.values()) {
    if (same.length < 2) continue;
    const prints = same.map(fingerprint);
    for (let a = 0; a < same.length; a++) {
      for (let b = a + 1; b < same.length; b++) if (prints[a] === prints[b]) return [same[a]!.file, same[b]!.file];
    }
  }
  return undefined;
}

function answersIn(t: NonNullable<ParsedInput['answers']>[number]): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) for (let k = 0; k < KINDS; k++) n += t.count(i, k);
  return n;
}

/** An input's groups and counts as one text, in key order (a group read in two parts added up). */
function fingerprint(input: ParsedInput): string {
  const groups = new Map<string, number[]>();
  for (const t of input.answers!) {
    for (let i = 0; i < t.length; i++) {
      const key = [t.area(i).code, t.text(i, PERIOD), t.text(i, INDICATOR), t.text(i, SERVICE), t.gender(i)].join('\u0000');
      const counts = groups.get(key) ?? groups.set(key, new Array<number>(KINDS).fill(0)).get(key)!;
      for (let k = 0; k < KINDS; k++) counts[k]! += t.count(i, k);
    }
  }
  return [...groups].map(([key, counts]) => `${key}\u0001${counts.join(',')}`).sort().join('\n');
}
