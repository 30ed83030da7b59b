import { AnswerTable, EXCLUDED, OTHER, POSITIVE, REJECTED } from '../../src/model/answer-table.js';
import type { QualityInput } from '../../src/model/input.js';
import type { AnswerRecord, QualityRecord } from '../../src/model/records.js';

/** Answer groups written as records, in a table as a respondent-level file gives them. */
export function answerTable(groups: readonly AnswerRecord[], file = groups[0]?.source.file ?? 'svar.csv'): AnswerTable {
  const t = new AnswerTable(file);
  for (const g of groups) {
    const i = t.add(g.area, g.period, g.indicator, g.service, g.gender, g.source.line);
    t.tally(i, POSITIVE, g.positive);
    t.tally(i, OTHER, g.other);
    t.tally(i, EXCLUDED, g.excluded);
    t.tally(i, REJECTED, g.rejected ?? 0);
    g.scores?.forEach((n, v) => n > 0 && t.score(i, v, n));
  }
  return t;
}

/**
 * Records and answer groups as the analysis takes its inputs, in order: each run of answer groups
 * from one file an input with its table, each run of other records an input of records.
 */
export function inputsOf(items: readonly (QualityRecord | AnswerRecord)[]): QualityInput[] {
  const out: QualityInput[] = [];
  let run: (QualityRecord | AnswerRecord)[] = [];
  const close = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    out.push(first.kind === 'answers' ? { records: [], answers: [answerTable(run as AnswerRecord[])] } : { records: run as QualityRecord[] });
    run = [];
  };
  for (const r of items) {
    const prior = run[0];
    const apart = prior !== undefined && ((prior.kind === 'answers') !== (r.kind === 'answers') || (r.kind === 'answers' && r.source.file !== prior.source.file));
    if (apart) close();
    run.push(r);
  }
  close();
  return out;
}
