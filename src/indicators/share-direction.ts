import { finding, type Finding } from '../model/findings.js';
import { INDICATOR } from '../model/answer-table.js';
import type { ParsedInput } from '../model/input.js';
import { namesNegativeAnswers } from '../model/negative-wording.js';
import { firstNamed } from '../model/text.js';
import type { Settings } from './settings.js';

/**
 * A survey's share is read as its positive answers, better the higher it is; a file whose share
 * column names negative answers (`Andel missnöjda`), or a question worded for them (`Besväras av
 * ensamhet`, `Andel ej nöjda`, `Väntetid`), would show rising dissatisfaction as improving. Said
 * for the questions whose direction neither the config nor the catalogue gives: per file for its
 * share column, else per question. Such a question gets no direction (no status, rank or better or
 * worse wording; red where it was better misled more than none): the wording is a guess, the warning
 * asks the analyst to set it. Returns the warnings and the questions.
 */
export function negativeShares(inputs: readonly ParsedInput[], settings: Settings): { findings: Finding[]; questions: Set<string> } {
  const out: Finding[] = [];
  const negative = new Set<string>();
  for (const input of inputs) {
    const questions = [...surveyQuestions(input)].filter(([id]) => settings.catalogue.get(id)?.better === undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (questions.length === 0) continue;
    // A negative share column makes every question's share a negative one: said once, for the file.
    if (input.shareHeader !== undefined && namesNegativeAnswers(input.shareHeader)) {
      out.push(finding(input.file, { code: 'share-negative-header', args: { header: input.shareHeader, questions: firstNamed(questions.map(([id]) => id), 3) } }));
      for (const [id] of questions) negative.add(id);
      continue;
    }
    for (const [id, texts] of questions) {
      if (!texts.some(namesNegativeAnswers) || negative.has(id)) continue;
      negative.add(id);
      out.push(finding(input.file, { code: 'question-negative-wording', args: { question: id } }));
    }
  }
  return { findings: out, questions: negative };
}

/**
 * A file's survey questions, each with its texts: its id and any title its rows give, for published
 * shares; the question as written, for respondents' answers (told apart by number, not per group).
 */
function surveyQuestions(input: ParsedInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of input.records) {
    if (r.kind !== 'survey') continue;
    const texts = out.get(r.indicator) ?? out.set(r.indicator, [r.indicator]).get(r.indicator)!;
    if (r.title !== undefined && !texts.includes(r.title)) texts.push(r.title);
  }
  for (const t of input.answers ?? []) {
    const seen = new Set<number>();
    for (let g = 0; g < t.length; g++) {
      const k = t.key(g, INDICATOR);
      if (seen.has(k)) continue;
      seen.add(k);
      const id = t.text(g, INDICATOR);
      if (!out.has(id)) out.set(id, [id]);
    }
  }
  return out;
}
