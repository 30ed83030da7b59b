import * as z from 'zod';
import { gender, lang, statusReason } from './vocabulary.js';
import { areaCode, areaKind, comparisonObject, comparisonSchema, count, DIFF, findingSchema, IN_UNIT, kr, MONTH, num, P_VALUE, PERIOD, text, verdict } from './report-fields.js';
import { balanceHistorySchema, balanceYearSchema, failOnMatchSchema, levelSchema, milestoneSchema, peerGroupSchema } from './report-years.js';


/**
 * The report model is the JSON contract (`--format json`): every renderer reads this and nothing
 * else. Bump REPORT_SCHEMA_VERSION on any breaking change; additions keep the version. Every field
 * has a description naming its unit (docs/outputs.md has the conventions): `tillit schema report`
 * prints them, and a test fails on a field without one.
 */
export const REPORT_SCHEMA_VERSION = 3;

export const qualityRowSchema = z
  .object({
    area: areaCode('The area the figure is for'),
    areaKind: areaKind(),
    indicator: text('The indicator: a catalogue id (`helhetssyn`), a Kolada KPI id (`U21468`) or the name the source gives it; its title, unit and better direction are in `indicators`.'),
    service: text('The surveyed service as the source names it (`Hemtjänst`, `Särskilt boende`); empty for an indicator with no service.'),
    gender: gender.describe('T: everyone (respondents who gave no gender too), K: women, M: men.'),
    period: text(`The period of the figure: ${PERIOD}.`),
    value: num(`The share of positive answers in percent (0–100) for a survey indicator, else the value ${IN_UNIT}. Null when hidden (\`suppressed\`), incomplete or not given.`),
    n: num('The number of respondents behind the share (a count). Null when hidden, incomplete, or when the source gives none.'),
    low: num('Lower end of the 95 % Wilson score interval of the share, in percent (0–100). Null for a value without n and for a hidden cell.'),
    high: num('Upper end of the 95 % Wilson score interval of the share, in percent (0–100). Null for a value without n and for a hidden cell.'),
    suppressed: z
      .boolean()
      .describe(
        // One label for every hidden cell, whatever hid it (too few respondents, or hidden so another
        // cannot be worked out), because telling them apart bounds the hidden n.
        'True for a hidden cell: fewer than `settings.minRespondents` respondents, or hidden so that another hidden cell cannot be worked out (which of the two is never said: it would bound the n). A hidden cell has no value, n, interval, change, comparison, rank or status.',
      ),
    incomplete: z
      .boolean()
      .describe(
        'True when some answers in the cell were rejected (a label on no scale, an answer on a row that could not be read): the share would be wrong, so value, n and interval are null, and a finding says why.',
      ),
    change: z
      .object({
        from: text(`The earlier period compared with, the series' previous shown one: ${PERIOD}.`),
        fromValue: z.number().describe(`The value at \`from\`, ${IN_UNIT}.`),
        differencePp: z.number().describe(`value minus fromValue: ${DIFF}.`),
        p: num(`Two-proportion z-test p-value (pooled variance), ${P_VALUE}; null when either value has no n (no test).`),
        significant: z.boolean().describe('Whether p is below `settings.alpha`; false without a test.'),
      })
      .nullable()
      .describe("The change since the series' previous shown period. Null for the first, for a hidden cell, and across a declared series break (the two values follow different definitions)."),
    trend: z
      .object({
        from: text(`The first period of the segment trended (after the latest declared series break): ${PERIOD}.`),
        to: text(`The last period of the segment trended: ${PERIOD}.`),
        points: count('The number of periods in the segment (a count); below 5 there is no verdict.'),
        theilSenSlope: num("Theil–Sen slope (the median of pairwise slopes), in the indicator's unit per year (percentage points per year for shares). Null below two points."),
        mannKendallS: num('Mann–Kendall S: the count of rising pairs minus falling pairs. Null below two points.'),
        mannKendallP: num(`Mann–Kendall two-sided p-value (tie-corrected variance, continuity correction), ${P_VALUE}. Null below two points.`),
        olsSlope: num("Least-squares slope, in the indicator's unit per year (percentage points per year for shares). Null below two years."),
        olsSlopeLow: num("Lower end of the least-squares slope's 95 % interval, in the indicator's unit per year. Null below three years."),
        olsSlopeHigh: num("Upper end of the least-squares slope's 95 % interval, in the indicator's unit per year. Null below three years."),
        r2: num("R² of the least-squares line, the share of the variance it explains, 0–1. Null below two years."),
        verdict: verdict().describe(
          'improving or worsening (by the indicator\'s better direction; increasing or decreasing when it has none) when mannKendallP is below `settings.alpha`; no-clear-trend otherwise; too-few-points below 5 points.',
        ),
      })
      .nullable()
      .describe("The series' trend up to this period, given on the row at the report's survey period only (null on the others)."),
    reference: comparisonSchema('Against the national level (Riket, `0000`), else the area\'s region. Null for the nation itself, a hidden cell, and where neither has the cell.'),
    organisation: comparisonSchema("Against the organisation's total (the members pooled). Null outside the members, for a hidden cell, and where the total is not there."),
    peers: z.array(comparisonObject.describe('Against one other member.')).describe('Against each other member that has the cell, in member order; empty outside the members.'),
    rank: z
      .object({
        position: count('The rank among the municipalities with this cell shown: 1 is best by the better direction; ties share the best rank (1, 2, 2, 4).'),
        of: count('How many municipalities were ranked (a count).'),
        quartile: z.enum(['best-25', 'middle-50', 'worst-25']).nullable().describe('The quartile class of the rank (best 25 %, middle 50 %, worst 25 %); null when fewer than 8 were ranked.'),
      })
      .nullable()
      .describe('Null for a hidden cell, an area that is not a municipality, and an indicator with no better direction.'),
    status: z
      .enum(['green', 'yellow', 'red'])
      .nullable()
      .describe(
        'red when the trend is worsening or the value is significantly worse than the reference; yellow when it worsened significantly since `change.from` or misses the target (`indicators[].target`); null (not assessed) when it is worse than the reference and the difference cannot be tested (`reference.p` null: no n); green otherwise, which means nothing is known to be wrong. Null also without a value, and for an indicator with no better direction. `statusReasons` says why.',
      ),
    statusReasons: z
      .array(
        statusReason.describe(
          'worsening-trend: `trend.verdict` is worsening; below-reference: significantly worse than `reference`; fell: significantly worse than at `change.from`; below-target: misses `indicators[].target`; untested-below-reference: worse than `reference` with no test (no n on either side).',
        ),
      )
      .describe('Every reason the row is short of green, in the order judged; the first decides `status` (red, red, yellow, yellow, null). Empty for green and for a row with no status for want of a value or a better direction.'),
    sources: z
      .array(z.object({ file: text('An input file the figure was read from.') }))
      // No line numbers: in an export sorted by group, the first lines of neighbouring groups give
      // the number of rows between them, hidden groups too.
      .describe('The files the figure comes from, each once; no line numbers (they could tell how many rows a hidden cell has).'),
  })
  .describe('One figure: area × indicator × service × gender × period, with its uncertainty, change, trend and comparisons.');


export const budgetRowSchema = z
  .object({
    area: areaCode('The area the line belongs to'),
    areaKind: areaKind(),
    activity: text('The activity (verksamhet) as the budget files name it (`Äldreomsorg`); for an area\'s total, `Totalt`.'),
    total: z.boolean().describe("True for the sum over an area's activities."),
    members: z
      .array(text("A member's code."))
      .nullable()
      .describe('For an organisation line summed over its members: the members it covers, fewer than all when some do not report the activity. Null for other lines.'),
    period: text(`The month the figures are after (year to date), ${MONTH}: the line's latest month up to the report's budget period.`),
    periodNote: z
      .enum(['behind', 'common-month', 'no-common-month'])
      .nullable()
      .describe("Why `period` is not the report's budget period, or a sum's parts are not all at it: `behind` (the line's latest month is earlier), `common-month` (a sum at the latest month its parts share, some of which go further), `no-common-month` (its parts share no month: no figures). Null otherwise."),
    budgetYear: kr('The full-year budget'),
    budgetYtd: kr('The budget year to date, after `period`'),
    budgetYtdMethod: z
      .enum(['ytd-column', 'sum-of-months', 'annual-pro-rata', 'summed'])
      .nullable()
      .describe('How budgetYtd was made: from a year-to-date column, as the sum of monthly budgets, as budgetYear × month / 12, or `summed` for a sum of lines (each made its own way).'),
    actualYtd: kr('The outcome (actual costs) year to date'),
    deviation: num('budgetYtd minus actualYtd, in kr: positive is better than budget.'),
    deviationPct: num('deviation in percent of budgetYtd: positive is better than budget.'),
    pacePct: num("actualYtd in percent of budgetYear: how much of the year's budget is spent. Null when budgetYear is under 1 kr."),
    elapsedPct: z.number().describe('The months gone in percent of the year (month / 12 × 100): the share an even pace would have spent (after August 66.6667).'),
    forecast: kr('The full-year forecast'),
    forecastDeviation: num('budgetYear minus forecast, in kr: positive is a surplus expected.'),
    forecastDeviationPct: num('forecastDeviation in percent of budgetYear.'),
    projection: kr("A naive full-year projection: actualYtd scaled along the budget's monthly profile (actualYtd × budgetYear / budgetYtd), or actualYtd / month × 12 without one"),
    forecastOptimismPct: num('projection minus forecast, in percent of budgetYear: positive when the forecast expects lower costs than the pace so far gives.'),
    forecastOptimistic: z.boolean().describe('Whether forecastOptimismPct is above `settings.forecastMargin` (percent).'),
    forecastAccuracy: z
      .array(
        z.object({
          period: text(`The month the forecast was made, ${MONTH}.`),
          forecast: z.number().describe('The full-year forecast made that month, in kr.'),
          outcome: z.number().describe("The year's outcome (actual costs after December), in kr."),
          error: z.number().describe('forecast minus outcome, in kr: positive when the forecast expected higher costs than came.'),
          errorPct: z.number().describe('error in percent of the outcome (its absolute value).'),
        }),
      )
      .describe("The year before's forecasts, month by month, against that year's outcome; empty when that year is not closed (no December)."),
    status: z
      .enum(['green', 'yellow', 'red'])
      .nullable()
      .describe('By deviationPct: red below `settings.budgetThresholds.redBelow`, yellow below `yellowBelow`, else green; null without a deviation.'),
    series: z
      .array(
        z.object({
          period: text(`The month, ${MONTH}.`),
          actualYtd: kr('The outcome year to date after that month'),
          budgetYtd: kr('The budget year to date after that month'),
          forecast: kr('The full-year forecast made that month (the brief says how it moved since the follow-up before)'),
        }),
      )
      .describe('Year to date after each month of the year up to `period` (for the charts), with the forecast made each month.'),
  })
  .describe('One budget line (an activity, or an area\'s total) year to date after its month.');

export const allocationSchema = z
  .object({
    method: z.enum(['population', 'fixed', 'mixed', 'usage']).describe("The key: by population, by fixed shares, mixed (a part equally, the rest by population), or by usage (`allocation.measure`)."),
    period: text(`The budget month the costs are split after, ${MONTH}.`),
    equalPercent: z.number().nullable().describe('For the `mixed` key, the percent of the costs split equally (the rest by population); null for any other key.'),
    populationYear: z.string().nullable().describe('The year of the population figures the key uses (a year, `2024`); null when there are none.'),
    usageYear: z.string().nullable().describe('The year of the usage figures the key (`usage`) or the members\' `fairShareGap` use: the latest up to the budget year every member has (a year, `2024`); null without usage figures.'),
    totals: z
      .object({
        budgetYear: kr('The full-year budget of the shared costs'),
        actualYtd: kr('The shared costs so far this year'),
        forecast: kr('The forecast of the shared costs'),
      })
      .describe('The costs booked on the organisation itself, which the key splits.'),
    members: z
      .array(
        z.object({
          area: text("The member's code."),
          sharePct: z.number().describe("The member's share of the shared costs by the key, in percent (0–100); the members' shares add up to 100."),
          budgetYear: kr("The member's part of the full-year budget, in whole kronor (largest remainder: the parts add up to the total)"),
          actualYtd: kr("The member's part of the costs so far, in whole kronor"),
          forecast: kr("The member's part of the forecast, in whole kronor"),
          population: num('Inhabitants in `populationYear` (a count); null when not given.'),
          actualPerInhabitant: num("actualYtd per inhabitant, in kr per inhabitant; null without a population."),
          usageMeasure: z.string().nullable().describe('The usage measure the gap is measured against (`brukare`); null without usage figures.'),
          fairShareGap: num('actualYtd minus the part a split by usage would give, in kr: positive when the key charges more than usage would. Null without usage figures.'),
        }),
      )
      .describe('Per member, in config order.'),
  })
  .describe("How the organisation's own (shared) costs are split among the members.");

export const reportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('The version of this contract, raised on every change that could break a reader (docs/outputs.md says what changed).'),
    generatedAt: z.string().nullable().describe('When the report was made (ISO 8601, UTC), only when asked (`--generated-at`, `SOURCE_DATE_EPOCH`); null otherwise, so the same inputs give the same bytes.'),
    organisation: z
      .object({
        name: text("The organisation's name from the config."),
        code: text("The organisation's code from the config (its rows' `area`)."),
        language: lang.describe('The language of the briefs.'),
        members: z.array(text("A member municipality's code.")).describe('The member municipalities, in config order.'),
      })
      .describe('Who the report is for.'),
    period: z
      .object({
        survey: z.string().nullable().describe('The survey year the report is at (a year, `2025`); null without survey figures.'),
        budget: z.string().nullable().describe(`The budget month the report is at, ${MONTH}; null without budget figures.`),
      })
      .describe('Where the report stands: the latest period in the inputs, or `--period`.'),
    settings: z
      .object({
        minRespondents: count('Cells with fewer respondents than this (a count) are hidden.'),
        alpha: z.number().describe(`The significance level of changes, comparisons and trends, ${P_VALUE}.`),
        window: z.number().int().describe("A count of years: how far before `period.survey` a series' latest row may be from and still be its shown row (labelled with its year); older series are listed as missing."),
        interval: z.literal('wilson-95').describe('The interval on shares: the Wilson score interval, 95 %.'),
        budgetThresholds: z
          .object({
            yellowBelow: z.number().describe('A budget line is yellow when deviationPct is below this, in percent of budget.'),
            redBelow: z.number().describe('A budget line is red when deviationPct is below this, in percent of budget.'),
          })
          .describe("The budget status's thresholds."),
        forecastMargin: z.number().describe('A forecast is optimistic when the projection exceeds it by more than this, in percent of the full-year budget.'),
        amountUnit: z.literal('kr').describe('Every amount in the report is in kr (kronor), whatever unit the inputs were in.'),
        signConvention: z.literal('costs-positive; deviation positive = better than budget').describe('Costs are positive, whatever sign the inputs used; a positive deviation is better than budget.'),
      })
      .describe('The settings the figures were made with.'),
    inputs: z
      .array(
        z.object({
          file: text('The file as named on the command line or in the config.'),
          format: z.string().nullable().describe('How it was read: `csv`, `px-web-csv`, `kolada-json` or `kolada-csv`; null when it could not be read.'),
          kind: z.string().nullable().describe('What it holds: `survey` (aggregated survey results), `answers` (respondent-level), `budget` or `values` (indicator values); null when it could not be read.'),
          encoding: z.string().nullable().describe('The character encoding it was read in (`utf-8`, `windows-1252`, `utf-16le`, `utf-16be`); null when not read as text.'),
          unit: z.string().nullable().describe('The amount unit a budget file was read in (`kr`, `tkr`, `mnkr`); its amounts are in kr in the report. Null for other files.'),
          sign: z.string().nullable().describe('How a budget file writes costs (`costs-positive`, `costs-negative`); null for other files.'),
          signByArea: z.object({
            negative: z.array(z.string()).describe('Area codes whose lines write costs negative.'),
            positive: z.array(z.string()).describe('Area codes whose lines write costs positive.'),
          }).optional()
            .describe('Only for a budget file whose areas write costs each their own way (every line of an area alike): the area codes written costs negative and costs positive; `sign` is then most areas\' way.'),
          areas: z.array(z.string()).nullable().describe('The area codes a budget file has lines for (a brief names only the files it draws on); null for other files, whose rows name their areas.'),
          rows: z
            .object({
              read: count('Data rows read (a count): read = used + rejected + ignored.'),
              used: count('Rows turned into figures (a count).'),
              rejected: count('Rows rejected, each with an error finding (a count).'),
              ignored: count('Rows set aside on purpose (total rows, other genders), each with an info finding (a count).'),
            })
            .nullable()
            .describe("What became of every data row; null for a file of respondents' answers with a hidden cell, whose respondents its counts would bound (`tillit validate` gives them)."),
        }),
      )
      .describe('The input files, in the order given.'),
    attribution: z.array(text('A credit line (`Källa: Kolada (RKA), CC BY 4.0`).')).describe("Credits the sources' licences ask for, to print with the figures."),
    areas: z
      .array(
        z.object({
          code: areaCode("The area's code"),
          kind: areaKind(),
          member: z.boolean().describe("Whether it is one of the organisation's members."),
          name: text('Its name, from the config or the register of municipalities and regions.'),
        }),
      )
      .describe('Every area in the report: members first, then others by code, the organisation last.'),
    indicators: z
      .array(
        z.object({
          id: text('The indicator id the rows use (`quality[].indicator`).'),
          title: z.object({ sv: text('Its title in Swedish.'), en: text('Its title in English (the Swedish one when no other is known).') }).describe('Its title in both languages.'),
          better: z.enum(['higher', 'lower', 'none']).describe('Which direction is better; `none` gives no status, rank or judgement.'),
          unit: z.string().describe("The unit of its values: `%` (percent, 0–100), `kr`, `kr/inv` (kr per inhabitant), `mnkr` (millions of kr), `days`, `hours`, `count` or `number`."),
          target: num("The committee's target, in the indicator's unit; null when none is set."),
        }),
      )
      .describe('The indicators in the report, in catalogue order.'),
    quality: z.array(qualityRowSchema).describe('The quality figures, series by series (members first), each series in period order; one row a line.'),
    budget: z.array(budgetRowSchema).describe('The budget lines, area by area.'),
    allocation: allocationSchema.nullable().describe('Null without members or without costs booked on the organisation.'),
    results: z
      .array(
        z.object({
          area: areaCode('The area'),
          period: text(`The month, ${MONTH}.`),
          target: z.number().describe('The result target for good financial management (`resultTarget`), in percent of revenue.'),
          revenueLines: z.array(text('A line as the budget files name it (`Skatteintäkter`).')).describe('The lines counted as revenue: tax revenue, general grants and equalisation, and `budget.revenueActivities`. They are not in `budget`.'),
          financialLines: z.array(text('A line as the budget files name it (`Finansnetto`).')).describe("The financial items (finansnetto, financial income and costs) counted in the result with the costs. They are not in `budget`."),
          revenueYtd: kr('Revenue (tax revenue, general state grants, equalisation) year to date, positive'),
          costsYtd: kr('Net costs year to date, financial items included'),
          resultYtd: num('revenueYtd minus costsYtd, in kr.'),
          resultYtdPct: num('resultYtd in percent of revenueYtd; null without positive revenue.'),
          revenueForecast: kr('Revenue by the forecast, full year, positive'),
          costsForecast: kr('Net costs by the forecast, full year'),
          resultForecast: num('revenueForecast minus costsForecast, in kr.'),
          resultForecastPct: num('resultForecast in percent of revenueForecast; null without positive revenue.'),
          status: z
            .enum(['green', 'yellow', 'red'])
            .nullable()
            .describe("By the forecast's result (else the year to date): green at or above the target, yellow between 0 and the target, red for a deficit."),
        }),
      )
      .describe('Where revenue lines exist: the result against the target, per area.'),
    qualityBesideCost: z
      .array(
        z.object({
          area: areaCode('The member, municipality with budget lines, or the organisation'),
          service: text('The service: the survey\'s, or the one the catalogue names for an indicator whose values carry none (Kolada\'s).'),
          indicator: text("The service's headline indicator: the same for every area of the service."),
          headlineRule: z
            .enum(['marked', 'first-listed', 'tillit-catalogue', 'first-by-id'])
            .describe("How the headline was chosen: `marked` (`\"headline\": true` in the config's indicators), `first-listed` (the first of the config's indicators with values for the service), `tillit-catalogue` (the first of the Kolada KPIs tillit knows that names the service), `first-by-id` (none listed: the first by id). Indicators without a better direction are never chosen by rule."),
          period: text(`The period of the value: the series' latest within \`settings.window\` years of the report year, ${PERIOD}.`),
          value: num(`The headline's value at that period, ${IN_UNIT}; null when hidden (\`suppressed\`) or not published.`),
          suppressed: z.boolean().describe('The value is hidden (too few respondents, or it would reveal a hidden cell).'),
          verdict: verdict().nullable().describe("Its trend's verdict (see `quality[].trend.verdict`)."),
          activity: z.string().nullable().describe('The budget line that pays for the service (`budget.serviceActivity`, else a built-in match); null when the area has none (a finding says so).'),
          deviationPct: num("That line's deviation in percent of its budget year to date; positive is better than budget."),
          actualPerInhabitant: num("That line's costs year to date per inhabitant, in kr per inhabitant; null without a population for the area."),
          populationYear: z.string().nullable().describe('The year of the population divided by: the latest in the config not after the budget year (the organisation: its members summed, when none contains another).'),
          volume: z
            .object({
              usage: text("The members' `usage` measure (config `budget.activityVolume`)."),
              per: z.enum(['user', 'hour']).describe('What the measure counts: users or hours.'),
              year: text('The budget year the volume is of.'),
              amount: z.number().describe('The volume: a count of users or hours in that year (the organisation: its members summed).'),
            })
            .nullable()
            .describe('The volume of what the line pays for; null when the config names none for the line or the area has none for the year (a finding says so).'),
          costPerVolume: num("The line's full-year costs (the forecast; the outcome once December is booked) per user or per hour, in kr; null without a volume above 0 or without a forecast."),
        }),
      )
      .describe("Per area and service: the service's headline quality indicator and its trend beside the budget line that pays for the service: deviation, cost per inhabitant and, with a volume, per user or hour."),
    qualityBesideCostLeftOut: z
      .array(
        z.object({
          area: areaCode('The area with figures for the service but none for its headline'),
          service: text('The service left out of the area\'s `qualityBesideCost`.'),
          indicator: text("The service's headline indicator, which has no figure for the area within `settings.window` years of the report year."),
        }),
      )
      .optional()
      .describe('Services an area has figures for but not for their headline indicator, so they have no row in `qualityBesideCost` (a finding, `beside-cost-no-headline`, says so too); absent when there are none (or no budget figures).'),
    peerGroups: z.array(peerGroupSchema).optional().describe('Comparison groups (Kolada groups in the data, `peers` in the config); absent when there are none.'),
    findings: z.array(findingSchema).describe('What was noticed while reading and analysing, input by input.'),
    balanceHistory: z.array(balanceHistorySchema).describe('Year-end budget balance per year, per line that has figures in a year before the report year.'),
    milestones: z.array(milestoneSchema).describe("The config's milestones, each with the levels before and after it."),
    failOn: z.array(failOnMatchSchema).describe('The rows `--fail-on` rules matched, rule by rule in the order given; empty without rules or when none matched (exit code 1 when not empty).'),
  })
  .describe('tillit report --format json: quality figures, budget follow-up, the split of shared costs and what was noticed, for one organisation. Shares and percentages in percent (0–100), probabilities 0–1, amounts in kr, periods as text.');

export type Report = z.infer<typeof reportSchema>;
export type QualityRow = z.infer<typeof qualityRowSchema>;
export type BudgetRow = z.infer<typeof budgetRowSchema>;
export type AllocationResult = z.infer<typeof allocationSchema>;
/** How shared costs are split: by population, fixed shares, mixed, or usage. */
export type AllocationMethod = AllocationResult['method'];
export type Comparison = z.infer<typeof comparisonObject>;
export type FailOnMatch = z.infer<typeof failOnMatchSchema>;
export type PeerGroup = z.infer<typeof peerGroupSchema>;
export type BalanceHistory = z.infer<typeof balanceHistorySchema>;
export type BalanceYear = z.infer<typeof balanceYearSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Level = z.infer<typeof levelSchema>;

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
    public statusReasons: QualityRow['statusReasons'],
    public sources: QualityRow['sources'],
  ) {}
}
