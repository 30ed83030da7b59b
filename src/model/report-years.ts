import * as z from 'zod';
import { gender } from './vocabulary.js';
import { areaCode, areaKind, count, kr, num, text, verdict, DIFF, IN_UNIT, MONTH, PERIOD, P_VALUE } from './report-fields.js';

// The report's sections over years and groups: fail-on matches, balance history, milestones, peers.

/** One match of a `--fail-on` rule: a quality row or a budget line at the report's period. */
export const failOnMatchSchema = z
  .object({
    rule: text('The rule as given to `--fail-on` (`deviation<-2%`, `status=red`).'),
    section: z.enum(['quality', 'budget']).describe('Whether a quality row or a budget line matched.'),
    area: areaCode('The area of the row that matched'),
    indicator: z.string().nullable().describe("The quality row's indicator; null for a budget line."),
    service: z.string().nullable().describe("The quality row's service; null for a budget line."),
    gender: gender.nullable().describe("The quality row's gender; null for a budget line."),
    activity: z.string().nullable().describe("The budget line's activity; null for a quality row."),
    period: text(`The period of the row: ${PERIOD}.`),
    valuePct: num('For a budget line, the percent the rule read: deviationPct (for `status` and `deviation`), forecastDeviationPct (`forecast`), forecastOptimismPct (`optimistic`). Null for a quality row.'),
  })
  .describe('A row a `--fail-on` rule matched.');

// ---- years of balance and milestones ---------------------------------------------------------

/** A series' level on one side of a milestone: the unweighted mean of its years there. */
export const levelSchema = z
  .object({
    from: text('The first year on this side, `YYYY`.'),
    to: text('The last year on this side, `YYYY`.'),
    years: count('How many years (a count) the mean is over.'),
    mean: z.number().describe("The unweighted mean of those years' values, in the indicator's unit (percent for shares and deviations)."),
    n: num('Respondents summed over the years (a count); null when any year has no n (then no test).'),
  })
  .describe('The level on one side of a milestone.');

export const balanceYearSchema = z.object({
  year: text('The year, `YYYY`.'),
  budget: kr('Full-year budget after December; null when the year is not complete'),
  outcome: kr('Outcome for the year (actual after December); null when the year is not complete'),
  deviation: num('budget − outcome, in kr: positive = the year ended better than budget; null when the year is not complete.'),
  deviationPct: num('deviation in percent of budget; null when the year is not complete.'),
  missing: z.enum(['not-closed', 'months-missing', 'parts-missing']).nullable().describe('Why the year has no year-end figures, never guessed: `not-closed` (no December), `months-missing` (months without figures), `parts-missing` (a sum whose parts lack the year end, named in `missingParts`); null for a complete year.'),
  missingMonths: z.array(count('A month number, 1–12 (a count); 0 for a year without any record.')).describe('The last month with a record (`not-closed`) or the months without figures (`months-missing`).'),
  missingParts: z.array(text("A part's area code or activity.")).describe('The parts of a sum without the year end (`parts-missing`).'),
}).describe("One year's year-end balance.");

export const balanceHistorySchema = z.object({
  area: areaCode('The area'),
  areaKind: areaKind(),
  activity: text('The activity (budget line), or the area total.'),
  total: z.boolean().describe("Whether the line is the area's total."),
  years: z.array(balanceYearSchema).describe('Every year from the first with figures to the report year (closed) or the year before it (open).'),
  trend: z.object({
    from: text('The first year of the trended years, `YYYY`.'),
    to: text('The last year of the trended years, `YYYY`.'),
    points: count('How many complete years were trended (a count).'),
    theilSenSlope: num('Theil–Sen slope of the deviation, in percent of budget per year.'),
    mannKendallS: num('Mann–Kendall S statistic (a count of concordant minus discordant pairs).'),
    mannKendallP: num(`Mann–Kendall p-value, ${P_VALUE}.`),
    verdict: verdict().describe('improving, worsening, no-clear-trend or too-few-points (the quality trends\' rules; better = higher).'),
  }).nullable().describe('Trend of the year-end deviation in percent over the complete years; null when no year is complete (every year lacks December or a month\'s figures: `years[].missing` says which).'),
  current: z.object({
    period: text(`The period the report year is at, ${MONTH}.`),
    basis: z.enum(['outcome', 'forecast', 'year-to-date']).describe('What the figure is: the outcome of a closed year, the forecast, else the year to date.'),
    deviationPct: num('Its deviation in percent of budget.'),
  }).nullable().describe('The report year as the budget section has it; null without it.'),
  previous: z.object({
    from: text('The first complete year before the report year, `YYYY`.'),
    to: text('The last complete year before the report year, `YYYY`.'),
    years: count('How many complete years (a count).'),
    mean: z.number().describe('Their mean deviation, in percent of budget.'),
    min: z.number().describe('The lowest deviation, in percent of budget.'),
    max: z.number().describe('The highest deviation, in percent of budget.'),
    overBudget: count('How many of them ended over budget (a count).'),
  }).nullable().describe('The complete years before the report year; null when there are none.'),
}).describe("A budget line's years of balance.");

export const milestoneSchema = z.object({
  period: text('The milestone\'s year, `YYYY`.'),
  label: text('Its label from the config.'),
  quality: z.array(z.object({
    area: areaCode('The area'),
    indicator: text('The indicator.'),
    service: text('The service.'),
    before: levelSchema,
    after: levelSchema,
    difference: z.number().describe(`after.mean − before.mean: ${DIFF}.`),
    p: num(`Two-proportion z-test of the pooled shares on each side, ${P_VALUE}; null unless every year has n.`),
    significant: z.boolean().describe('Whether p is below `settings.alpha`; false without a test.'),
  })).describe('Quality series (both genders) with years on both sides: the mean before, and from the milestone on.'),
  balance: z.array(z.object({
    area: areaCode('The area'),
    activity: text('The activity.'),
    total: z.boolean().describe("Whether the line is the area's total."),
    before: levelSchema,
    after: levelSchema,
    difference: z.number().describe('after.mean − before.mean, in percentage points of budget.'),
  })).describe('Year-end deviation in percent of budget, before and from the milestone on (no n: no test).'),
}).describe('A change the config marks, with levels before and after; it does not cut trends.');

/**
 * A comparison group beside Riket and the region: a Kolada group (`G…` in the data) or one the
 * config defines under `peers`, and each member's figure against it at the report's period.
 */
export const peerGroupSchema = z.object({
  id: text("The group's id: a Kolada group's code (`G124026`) or the config's name for it."),
  name: text("The group's name (Kolada's, or the config's key)."),
  source: z.enum(['kolada', 'config']).describe('`kolada`: a group in the data (its own value); `config`: defined by its members only.'),
  members: z.array(text("A member municipality's code.")).describe('The municipalities in the group as the config lists them; empty for a Kolada group known only by its values.'),
  comparisons: z.array(z.object({
    area: areaCode('The member compared'),
    indicator: text('The indicator.'),
    service: text('The service.'),
    gender: gender.describe('T, K or M.'),
    period: text(`The period: ${PERIOD}.`),
    value: z.number().describe(`The member's value, ${IN_UNIT}.`),
    groupValue: z.number().describe(`The group's value, ${IN_UNIT}.`),
    valueFrom: z.enum(['kolada', 'mean']).describe("`kolada`: the group's own published value; `mean`: the unweighted mean of the members present."),
    membersPresent: count('Members of the group with a shown value in this cell (a count).'),
    difference: z.number().describe(`value − groupValue: ${DIFF}.`),
    rank: z.object({
      position: count('Its rank (1 = best), a count.'),
      of: count('Among how many (a count): the members present and the area itself.'),
      quartile: z.enum(['best-25', 'middle-50', 'worst-25']).nullable().describe('Its quartile, from eight values on; null below.'),
    }).nullable().describe('Null without a better direction or without members.'),
  })).describe("Each member's figures against the group."),
}).describe('A comparison group beside Riket and the region.');
