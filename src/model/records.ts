import * as z from 'zod';
import { pooledRange } from './period.js';
import { gender, valueUnit, type Gender } from './vocabulary.js';

/**
 * One zod schema per record kind (STYLE rule 4): the check on rows read the general way. The
 * fast paths for common rows build only what these schemas allow, without calling them (property
 * tests read random files both ways).
 */
const area = z.object({
  code: z.string().min(1),
  kind: z.enum(['municipality', 'region', 'nation', 'group', 'organisation', 'federation']),
  /** A Kolada group's name as its row gives it ("Större stad"): no register knows it. */
  name: z.string().optional(),
});
const source = z.object({ file: z.string(), line: z.number().int().nonnegative() });
const year = z.string().regex(/^\d{4}$/);
/** A pooled range as written (`2004-2007`, `2019/20`): see `model/period.ts`. */
const isPooled = (p: string) => pooledRange(p) !== undefined;
const yearOrPooled = z.string().refine((p) => /^\d{4}$/.test(p) || isPooled(p), 'a year or a pooled range of years');
const period = z.string().refine((p) => /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(p) || isPooled(p), 'a year, a month or a pooled range of years');

export const surveyRecordSchema = z
  .object({
    kind: z.literal('survey'),
    area,
    period: yearOrPooled,
    indicator: z.string().min(1),
    title: z.string().optional(),
    service: z.string(),
    gender,
    n: z.number().int('a whole number').nonnegative('zero or more').nullable(),
    positive: z.number().nonnegative('zero or more').nullable(),
    share: z.number().min(0, 'between 0 and 100').max(100, 'between 0 and 100').nullable(),
    source,
  })
  .refine((r) => r.positive === null || r.n === null || r.positive <= r.n, {
    path: ['positive'],
    message: 'at most the number of respondents',
  });

/**
 * Respondent-level answers arrive one row per respondent and question; ingest counts them per
 * group (area × period × question × service × respondent gender). `source` is the group's first row.
 * @internal Exported for its tests; no other module uses it.
 */
export const answerRecordSchema = z.object({
  kind: z.literal('answers'),
  area,
  period: year,
  indicator: z.string().min(1),
  service: z.string(),
  gender,
  positive: z.number().int().nonnegative(),
  /** Valid answers that are not positive. */
  other: z.number().int().nonnegative(),
  /** "Vet ej/Ingen åsikt" and blanks. */
  excluded: z.number().int().nonnegative(),
  /** Rows of this group that were rejected (a label on no scale, a repeated answer): the share is not published. */
  rejected: z.number().int().nonnegative().optional(),
  /**
   * Answers 1–10 on a numeric scale not yet decided, counted by value (index 1–10): ingest turns
   * them into positive and other once the whole run is read (see `resolveScores`).
   */
  scores: z.array(z.number().int().nonnegative()).optional(),
  source,
});

const amount = z.number().nullable();
export const budgetRecordSchema = z.object({
  kind: z.literal('budget'),
  area,
  /** Month `YYYY-MM`: the follow-up's "after month" for YTD files, the month for monthly ones. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  activity: z.string().min(1),
  /** All amounts in kronor, costs positive (whatever the source wrote). */
  budgetYear: amount,
  budgetYtd: amount,
  budgetMonth: amount,
  actualYtd: amount,
  actualMonth: amount,
  forecast: amount,
  source,
});

export const valueRecordSchema = z.object({
  kind: z.literal('values'),
  area,
  period,
  indicator: z.string().min(1),
  title: z.string().optional(),
  service: z.string(),
  gender,
  value: z.number(),
  n: z.number().nonnegative('zero or more').nullable(),
  /** The unit the value's column names: `%` for a share column (`Andel`); left out when it names none. */
  unit: valueUnit.optional(),
  source,
});

export type SurveyRecord = z.infer<typeof surveyRecordSchema>;
export type AnswerRecord = z.infer<typeof answerRecordSchema>;
export type BudgetRecord = z.infer<typeof budgetRecordSchema>;
export type ValueRecord = z.infer<typeof valueRecordSchema>;
export type DataRecord = SurveyRecord | AnswerRecord | BudgetRecord | ValueRecord;
/**
 * What a quality file gives as records: published shares and indicator values. A respondent-level
 * file gives its answer groups as an `AnswerTable` (one `AnswerRecord` each, to look at), a budget
 * file its rows as a `BudgetTable`.
 */
export type QualityRecord = SurveyRecord | ValueRecord;
export type { Gender };
