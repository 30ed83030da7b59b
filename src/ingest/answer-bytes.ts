import type { Gender } from '../model/records.js';
import { isMonthPeriod } from '../model/period.js';
import type { Area } from '../model/register.js';
import type { Counted } from './answers.js';
import { ByteColumn, type ByteRowReader, type TextOf } from './byte-cells.js';
import type { Place } from './cell-lookups.js';
import type { RowEnv } from './row-fields.js';

/** What the byte path counts rows with (`AnswerRows`): a cell found once per run, then each row in it. */
export interface AnswerCounter<C> {
  cellOf(place: Place, period: string, indicator: string, service: string): C;
  takeIn(cell: C, area: Area, period: string, indicator: string, service: string, gender: Gender, answerClass: Counted, line: number, respondent: string): true;
}

/** A question as the byte path knows it: its text, the class of each answer text, and its cell while a run lasts. */
interface Question<C> {
  text: string;
  /** By answer text; null: the text path must read the row (an answer the scale does not know). */
  classes: WeakMap<{ text: string }, Counted | null>;
  /** The run (area, period, service) `cell` belongs to. */
  run: number;
  cell: C | undefined;
}

/**
 * `AnswerRows.quick` over a row's bytes: the same checks, each cell text worked out once per
 * distinct text (see `ByteColumn`), the row then counted by `AnswerCounter.takeIn`. A row whose first
 * cell could repeat the header, or any cell the quick path would refuse, goes to the text path.
 */
export function answerBytes<C>(rows: AnswerCounter<C>, env: RowEnv, defaults: { area: string; period: string }, textOf: TextOf): ByteRowReader {
  const { lookups, shape, plan } = env;
  const roles = plan.roles;
  const column = <T>(at: number | undefined, fixed: string, make: (text: string) => T, keep: 'all' | 'last' = 'all') => new ByteColumn(at, fixed, make, textOf, keep);
  const first = column(0, '', (text) => ({ text, header: shape.mayRepeatHeader(text) }), 'last');
  // One place per area, whatever text names it ("0114", "0114 Upplands Väsby"): a run is not broken by a synonym.
  const places = new Map<string, Place>();
  const area = column(roles.municipality, defaults.area, (text): Place | undefined => {
    const p = lookups.place(text);
    return p === undefined ? undefined : (places.get(p.key) ?? places.set(p.key, p).get(p.key));
  });
  const gender = column(roles.gender, '', (text): Gender | undefined => lookups.respondentGender(text));
  const period = column(roles.period, defaults.period, (text) => {
    const p = lookups.period(text);
    // A year or pooled years (`2019/20`); a month is the general path's to reject.
    return p !== undefined && !isMonthPeriod(p) ? p : undefined;
  });
  const question = column(roles.indicator, '', (text): Question<C> | undefined => (text === '' ? undefined : { text, classes: new WeakMap(), run: -1, cell: undefined }));
  // An answer text's classes per question, by the text's entry (a column keeps at most MAX_ENTRIES).
  const answer = column(roles.answer, '', (text) => ({ text }));
  const service = column(roles.service, '', (text) => text);
  // Respondent numbers change every few rows: only the last is kept (the first column's, when it is that).
  const respondent = roles.respondent === 0 ? undefined : column(roles.respondent, '', (text) => text, 'last');
  const classOf = (q: Question<C>, a: { text: string }): Counted | null => {
    let c = q.classes.get(a);
    if (c === undefined) q.classes.set(a, (c = lookups.classify(q.text, a.text) ?? null));
    return c;
  };
  // A run: rows of one area, period and service (a respondent's, and often their neighbours').
  let run = 0;
  let runPlace: Place | undefined;
  let runPeriod = '';
  let runService = '';
  return (bytes, b, line) => {
    const head = first.get(bytes, b);
    if (head.header) return false;
    const place = area.get(bytes, b);
    const g = gender.get(bytes, b);
    const p = period.get(bytes, b);
    const q = question.get(bytes, b);
    if (place === undefined || g === undefined || p === undefined || q === undefined) return false;
    const answerClass = classOf(q, answer.get(bytes, b));
    if (answerClass === null) return false;
    const s = service.get(bytes, b);
    if (place !== runPlace || p !== runPeriod || s !== runService) {
      run++;
      runPlace = place;
      runPeriod = p;
      runService = s;
    }
    if (q.run !== run) {
      q.run = run;
      q.cell = rows.cellOf(place, p, q.text, s);
    }
    return rows.takeIn(q.cell!, place.area, p, q.text, s, g, answerClass, line, respondent === undefined ? head.text : respondent.get(bytes, b));
  };
}
