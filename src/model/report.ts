import { z } from 'zod';
import { gender, lang } from './vocabulary.js';

/**
 * The report model is the JSON contract (`--format json`): every renderer reads this and nothing
 * else. Bump REPORT_SCHEMA_VERSION on any breaking change; additions keep the version.
 */
export const REPORT_SCHEMA_VERSION = 2;

const num = z.number().nullable();
const areaKind = z.enum(['municipality', 'region', 'nation', 'group', 'organisation', 'federation']);
const status = z.enum(['green', 'yellow', 'red']).nullable();
const verdict = z.enum(['improving', 'worsening', 'increasing', 'decreasing', 'no-clear-trend', 'too-few-points']);

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  received: z.string().optional(),
  message: z.string(),
});

const comparisonSchema = z.object({
  area: z.string(),
  value: z.number(),
  differencePp: z.number(),
  /** Two-proportion z-test p-value; null when either side has no n. */
  p: num,
  significant: z.boolean(),
});

export const qualityRowSchema = z.object({
  area: z.string(),
  areaKind,
  indicator: z.string(),
  service: z.string(),
  gender,
  period: z.string(),
  /** Share of positive answers in percent (0–100), or the KPI value in its unit. Null when suppressed. */
  value: num,
  n: num,
  low: num,
  high: num,
  /**
   * True for a hidden cell: one label for every hidden cell, whatever hid it (too few respondents,
   * or hidden so another cannot be worked out), because telling them apart bounds the hidden n.
   */
  suppressed: z.boolean(),
  /**
   * Some answers in the cell were rejected (a label on no scale, an answer on no row that could be
   * read): the share would be wrong, so value, n and interval are null; a finding says why.
   */
  incomplete: z.boolean(),
  change: z
    .object({ from: z.string(), fromValue: z.number(), differencePp: z.number(), p: num, significant: z.boolean() })
    .nullable(),
  trend: z
    .object({
      from: z.number(),
      to: z.number(),
      points: z.number().int(),
      theilSenSlope: num,
      mannKendallS: num,
      mannKendallP: num,
      olsSlope: num,
      olsSlopeLow: num,
      olsSlopeHigh: num,
      r2: num,
      verdict,
    })
    .nullable(),
  reference: comparisonSchema.nullable(),
  organisation: comparisonSchema.nullable(),
  peers: z.array(comparisonSchema),
  rank: z.object({ position: z.number().int(), of: z.number().int(), quartile: z.enum(['best-25', 'middle-50', 'worst-25']).nullable() }).nullable(),
  status,
  /**
   * The files the figure comes from, each once. No line numbers: in an export sorted by group, the
   * first lines of neighbouring groups give the number of rows between them, hidden groups too.
   */
  sources: z.array(z.object({ file: z.string() })),
});

export const budgetRowSchema = z.object({
  area: z.string(),
  areaKind,
  activity: z.string(),
  /** True for the sum over an area's activities. */
  total: z.boolean(),
  /**
   * An organisation line summed over its members: the member codes it covers, fewer than all when
   * some members do not report the activity. Null for other lines.
   */
  members: z.array(z.string()).nullable(),
  period: z.string(),
  /**
   * Why `period` is not the report's budget period, or a sum's parts are not all at it: `behind`
   * (the line's latest month is earlier), `common-month` (a sum at the latest month its parts
   * share, some of which go further), `no-common-month` (its parts share no month: no figures).
   */
  periodNote: z.enum(['behind', 'common-month', 'no-common-month']).nullable(),
  budgetYear: num,
  budgetYtd: num,
  /** How the YTD budget was made; `summed` for a sum of lines (each made year to date its own way). */
  budgetYtdMethod: z.enum(['ytd-column', 'sum-of-months', 'annual-pro-rata', 'summed']).nullable(),
  actualYtd: num,
  deviation: num,
  deviationPct: num,
  pacePct: num,
  elapsedPct: z.number(),
  forecast: num,
  forecastDeviation: num,
  forecastDeviationPct: num,
  projection: num,
  forecastOptimismPct: num,
  forecastOptimistic: z.boolean(),
  forecastAccuracy: z.array(z.object({ month: z.number().int(), forecast: z.number(), outcome: z.number(), error: z.number(), errorPct: z.number() })),
  status,
  series: z.array(z.object({ period: z.string(), actualYtd: num, budgetYtd: num })),
});

export const allocationSchema = z.object({
  method: z.enum(['population', 'fixed', 'mixed', 'usage']),
  period: z.string(),
  populationYear: z.string().nullable(),
  totals: z.object({ budgetYear: num, actualYtd: num, forecast: num }),
  members: z.array(
    z.object({
      area: z.string(),
      weight: z.number(),
      budgetYear: num,
      actualYtd: num,
      forecast: num,
      population: num,
      actualPerInhabitant: num,
      usageMeasure: z.string().nullable(),
      fairShareGap: num,
    }),
  ),
});

/**
 * A comparison group beside Riket and the region: a Kolada group (`G…` in the data) or one the
 * config defines under `peers`, and each member's figure against it at the report's period.
 */
export const peerGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `kolada`: a group in the data (its own value); `config`: defined by its members only. */
  source: z.enum(['kolada', 'config']),
  /** The municipalities in the group as the config lists them; empty for a Kolada group known only by its values. */
  members: z.array(z.string()),
  comparisons: z.array(
    z.object({
      area: z.string(),
      indicator: z.string(),
      service: z.string(),
      gender: z.enum(['T', 'K', 'M']),
      period: z.string(),
      value: z.number(),
      groupValue: z.number(),
      /** `kolada`: the group's own published value; `mean`: the unweighted mean of the members present. */
      valueFrom: z.enum(['kolada', 'mean']),
      /** Members of the group with a shown value in this cell. */
      membersPresent: z.number().int(),
      /** value − groupValue, in the indicator's unit (percentage points for shares). */
      difference: z.number(),
      /** Among the members present and the area itself; null without a better direction or members. */
      rank: z.object({ position: z.number().int(), of: z.number().int(), quartile: z.enum(['best-25', 'middle-50', 'worst-25']).nullable() }).nullable(),
    }),
  ),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.string().nullable(),
  organisation: z.object({ name: z.string(), code: z.string(), language: lang, members: z.array(z.string()) }),
  period: z.object({ survey: z.string().nullable(), budget: z.string().nullable() }),
  settings: z.object({
    minRespondents: z.number().int(),
    alpha: z.number(),
    interval: z.literal('wilson-95'),
    budgetThresholds: z.object({ yellowBelow: z.number(), redBelow: z.number() }),
    forecastMargin: z.number(),
    amountUnit: z.literal('kr'),
    signConvention: z.literal('costs-positive; deviation positive = better than budget'),
  }),
  inputs: z.array(
    z.object({
      file: z.string(),
      format: z.string().nullable(),
      kind: z.string().nullable(),
      encoding: z.string().nullable(),
      unit: z.string().nullable(),
      sign: z.string().nullable(),
      rows: z.object({ read: z.number().int(), used: z.number().int(), rejected: z.number().int(), ignored: z.number().int() }),
    }),
  ),
  attribution: z.array(z.string()),
  areas: z.array(z.object({ code: z.string(), name: z.string(), kind: areaKind, member: z.boolean() })),
  indicators: z.array(
    z.object({ id: z.string(), title: z.object({ sv: z.string(), en: z.string() }), better: z.enum(['higher', 'lower', 'none']), unit: z.string(), target: num }),
  ),
  quality: z.array(qualityRowSchema),
  budget: z.array(budgetRowSchema),
  allocation: allocationSchema.nullable(),
  /** Where revenue lines (tax revenue, general grants) exist: the result against the target. */
  results: z.array(
    z.object({
      area: z.string(),
      period: z.string(),
      target: z.number(),
      revenueYtd: num,
      costsYtd: num,
      resultYtd: num,
      resultYtdPct: num,
      revenueForecast: num,
      costsForecast: num,
      resultForecast: num,
      resultForecastPct: num,
      status,
    }),
  ),
  qualityBesideCost: z.array(
    z.object({
      area: z.string(),
      service: z.string(),
      indicator: z.string(),
      value: num,
      verdict: verdict.nullable(),
      activity: z.string().nullable(),
      deviationPct: num,
      actualPerInhabitant: num,
    }),
  ),
  /** Comparison groups (config `peers`, Kolada groups in the data); absent when there are none. */
  peerGroups: z.array(peerGroupSchema).optional(),
  findings: z.array(findingSchema),
});

export type Report = z.infer<typeof reportSchema>;
export type QualityRow = z.infer<typeof qualityRowSchema>;
export type BudgetRow = z.infer<typeof budgetRowSchema>;
export type AllocationResult = z.infer<typeof allocationSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type PeerGroup = z.infer<typeof peerGroupSchema>;

/**
 * A quality row as analysis makes it: the schema's fields, always in the schema's order. The JSON
 * writer relies on that order to write such rows without `JSON.stringify` (same bytes, half the
 * time); rows made any other way are written by `JSON.stringify`.
 */
export class QualityCell implements QualityRow {
  constructor(
    public area: QualityRow['area'],
    public areaKind: QualityRow['areaKind'],
    public indicator: QualityRow['indicator'],
    public service: QualityRow['service'],
    public gender: QualityRow['gender'],
    public period: QualityRow['period'],
    public value: QualityRow['value'],
    public n: QualityRow['n'],
    public low: QualityRow['low'],
    public high: QualityRow['high'],
    public suppressed: QualityRow['suppressed'],
    public incomplete: QualityRow['incomplete'],
    public change: QualityRow['change'],
    public trend: QualityRow['trend'],
    public reference: QualityRow['reference'],
    public organisation: QualityRow['organisation'],
    public peers: QualityRow['peers'],
    public rank: QualityRow['rank'],
    public status: QualityRow['status'],
    public sources: QualityRow['sources'],
  ) {}
}
