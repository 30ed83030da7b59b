import { finding, type Finding } from '../model/findings.js';
import type { ParsedInput } from '../model/input.js';
import { namesNegativeAnswers } from '../model/negative-wording.js';
import { firstNamed } from '../model/text.js';
import type { Settings } from './settings.js';

/**
 * A survey's share is read as its positive answers, better the higher it is; a file whose share
 * column names negative answers would show rising dissatisfaction as improving. Said per file for
 * its questions whose direction neither the config nor the catalogue gives.
 */
export function negativeShares(inputs: readonly ParsedInput[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  for (const input of inputs) {
    if (input.shareHeader === undefined || !namesNegativeAnswers(input.shareHeader)) continue;
    const questions = new Set<string>();
    for (const r of input.records) if (r.kind === 'survey' && settings.catalogue.get(r.indicator)?.better === undefined) questions.add(r.indicator);
    if (questions.size === 0) continue;
    const listed = [...questions].sort();
    const named = firstNamed(listed, 3);
    out.push(finding(input.file, { code: 'share-negative-header', args: { header: input.shareHeader, questions: named } }));
  }
  return out;
}
