import * as z from 'zod';

// Descriptions are given where a field is used, not on a shared schema: the same type means
// different things in different places (a value in percent, in kr, a p-value).
export const num = (description: string) => z.number().nullable().describe(description);
export const text = (description: string) => z.string().describe(description);
export const count = (description: string) => z.number().int().describe(description);
export const areaKind = () =>
  z.enum(['municipality', 'region', 'nation', 'group', 'organisation', 'federation']).describe(
    'What the area is: a municipality, a region, the nation (Riket), a group of municipalities from the source (a Kolada group, `G…`), the organisation (its members together), or a kommunalförbund (a federation) that is a member.',
  );
export const areaCode = (what: string) =>
  text(`${what}: a municipality's four digits (\`0680\`), a region as \`00\` and its two digits (\`0014\`), the nation \`0000\`, a group's code, or the organisation's code from the config.`);
export const verdict = () => z.enum(['improving', 'worsening', 'increasing', 'decreasing', 'no-clear-trend', 'too-few-points']);
export const PERIOD = 'a year (`2025`), a month (`2025-03`) or a pooled range as the source wrote it (`2016-2019`, `2019/20`)';
export const MONTH = 'a month, `YYYY-MM`';
export const IN_UNIT = "in the indicator's unit (`indicators[].unit`; percent, 0–100, for shares)";
export const DIFF = "percentage points for shares, else the indicator's unit";
export const P_VALUE = 'a probability, 0–1';

export const findingSchema = z
  .object({
    code: text('What kind of finding it is (`value-out-of-range`, `unit-inferred`): stable, to match on; the message may be reworded.'),
    severity: z.enum(['error', 'warning', 'info']).describe('error: a row or file was rejected (left out of the report); warning: read, but worth a look; info: how something was read.'),
    file: text('The input file as named on the command line or in the config; `(config)` or an option (`--period`) when the finding is about a setting.'),
    message: text('The finding in one English sentence, with what was expected and what was received.'),
    line: count('The 1-based line in the file where the record starts; absent for a finding about a whole file, and for a row behind a hidden cell.').optional(),
    column: count('The 1-based field (CSV column) in the record; absent when the whole row or file is meant.').optional(),
    received: text('The offending text as read, control characters made visible, cut at 60 characters; absent when there is none.').optional(),
  })
  .describe('Something tillit noticed while reading or analysing: a rejected row, a guess it had to make, a setting that does not fit the data.');

export const comparisonObject = z.object({
  area: areaCode('The area compared with'),
  value: z.number().describe(`Its value for the same indicator, service, gender and period, ${IN_UNIT}.`),
  differencePp: z.number().describe(`This row's value minus the compared value: ${DIFF}.`),
  p: num(`Two-proportion z-test p-value (pooled variance), ${P_VALUE}; where one side holds the other's respondents (an area and its region, Riket or organisation), the part against the rest of the whole. Null when either side has no n, or the whole has no one besides the part (no test).`),
  significant: z.boolean().describe('Whether p is below `settings.alpha`; false without a test.'),
});
export const comparisonSchema = (against: string) => comparisonObject.nullable().describe(against);

/** An amount in kr, its description naming what it is. */
export const kr = (what: string) => num(`${what}, in kr (costs positive).`);
