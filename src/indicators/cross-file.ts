import { finding, type Finding } from '../model/findings.js';
import type { QualityRecord } from '../model/records.js';
import { figuresAgree, round } from './round.js';

/**
 * Two files' figures for one cell (area, period, question or indicator, service, gender) that
 * differ, as a report finds them when it joins the files (`source-disagreement`): for `tillit
 * validate`, which checks each file alone otherwise, so a disagreement a report would settle by
 * the files' order is not called clean. Said in the later file, naming the first; within one file
 * a repeated cell is the reader's to reject. Files of answers are not compared (their cells are
 * counted when analysed).
 */
export function crossFileDisagreements(inputs: readonly { file: string; records: readonly QualityRecord[] }[]): Finding[] {
  const first = new Map<string, { file: string; value: number; n: number | null }>();
  const out: Finding[] = [];
  for (const input of inputs) {
    const mine = new Set<string>();
    for (const r of input.records) {
      const key = [r.area.code, r.indicator, r.service, r.gender, r.period].join(' / ');
      const value = r.kind !== 'survey' ? r.value : r.share ?? (r.positive !== null && r.n !== null && r.n > 0 ? (r.positive / r.n) * 100 : null);
      if (value === null) continue;
      const prior = first.get(key);
      if (prior === undefined) {
        first.set(key, { file: input.file, value, n: r.n });
        mine.add(key);
        continue;
      }
      if (prior.file === input.file || mine.has(key)) continue;
      const agrees = figuresAgree(prior.value, value) && (prior.n === null || r.n === null || prior.n === r.n);
      if (!agrees) out.push(finding(input.file, { code: 'source-disagreement', line: r.source.line, args: { key, value: round(value, 2), n: r.n ?? '–', other: prior.file, otherValue: round(prior.value, 2), otherN: prior.n ?? '–' } }));
    }
  }
  return out;
}
