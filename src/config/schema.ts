import { z } from 'zod';
import { indicatorSchema, type IndicatorSpec } from '../model/indicator.js';
import { amountUnit, lang } from '../model/vocabulary.js';
import { KINDS, type Kind } from '../model/words.js';
import { READ_KEYS, READ_OPTIONS, type ConfigKey, type ReadOption, type ReadValue } from './options.js';

export { indicatorSchema };

const code = z.string().regex(/^\d{4}$/, 'a four-digit municipality code as a string, e.g. "0680"');
const yearKey = z.string().regex(/^\d{4}$/, 'a year, e.g. "2024"');

export { KINDS };
export const ROLES = [
  'municipality', 'municipalityName', 'period', 'service', 'indicator', 'indicatorTitle', 'answer',
  'respondent', 'n', 'positive', 'share', 'value', 'gender', 'budgetYear', 'budgetYtd', 'budgetMonth',
  'actualYtd', 'actualMonth', 'forecast', 'deviation', 'status',
] as const;

/** The schema of a read option's values (`options.ts` declares them without zod). */
type ValueSchema<V extends ReadValue> = V extends readonly (infer W extends string)[] ? z.ZodEnum<{ [K in W]: K }> : z.ZodString;

export function readValueSchema<V extends ReadValue>(value: V): ValueSchema<V>;
export function readValueSchema(value: ReadValue): z.ZodType {
  if (typeof value !== 'string') return z.enum(value);
  return value === 'name' ? z.string().min(1) : z.string();
}

/** The fields of a config's `inputs` entry that the table of read options gives a config key, each optional. */
const readConfigFields = Object.fromEntries(
  READ_KEYS.flatMap((key) => {
    const { value, config }: ReadOption = READ_OPTIONS[key];
    if (config === undefined) return [];
    const field = readValueSchema(value).optional();
    return [[key, config.description === undefined ? field : field.describe(config.description)]];
  }),
) as { [K in ConfigKey]: z.ZodOptional<ValueSchema<(typeof READ_OPTIONS)[K]['value']>> };

export const inputSchema = z
  .object({
    path: z.string().min(1).describe('Path to the file, relative to the config file.'),
    ...readConfigFields,
    columns: z
      .partialRecord(z.enum(ROLES), z.string())
      .optional()
      .superRefine((columns, ctx) => {
        // One column read as two roles (value and indicator, say) makes every value a name.
        const byHeader = new Map<string, string>();
        for (const [role, header] of Object.entries(columns ?? {})) {
          const key = header.trim().toLowerCase();
          const other = byHeader.get(key);
          if (other !== undefined) ctx.addIssue({ code: 'custom', path: [role], message: `column "${header}" is already mapped to ${other}; one column can play one role` });
          else byHeader.set(key, role);
        }
      })
      .describe('Role → header name.'),
  })
  .strict();


/** Agreements usually take population at 1 November of the year before the one being paid for. */
const populationFrom = z
  .enum(['previous-year', 'report-year'])
  .default('previous-year')
  .describe('Which year\'s population the key uses: the year before the report year (default, as agreements usually say: 1 November the year before) or the report year itself.');
const allocationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('population'), populationFrom }).strict(),
  z.object({ method: z.literal('fixed'), shares: z.record(code, z.number().nonnegative()), populationFrom }).strict(),
  z
    .object({ method: z.literal('mixed'), equalPercent: z.number().min(0).max(100), populationFrom })
    .strict()
    .describe('equalPercent split equally between members, the rest by population.'),
  z.object({ method: z.literal('usage'), measure: z.string().min(1), populationFrom }).strict(),
]);

export const memberSchema = z
  .object({
    code,
    name: z.string().optional(),
    population: z.record(yearKey, z.number().int().nonnegative()).default({}),
    usage: z.record(z.string(), z.record(yearKey, z.number().nonnegative())).default({}),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    organisation: z
      .object({
        name: z.string().min(1),
        code: z.string().min(1).default('ORG').describe('Id used for rows booked on the organisation itself.'),
        aliases: z.array(z.string()).default([]).describe('Cell texts meaning the organisation.'),
        language: lang.default('sv'),
      })
      .strict()
      .prefault({ name: 'tillit' }),
    members: z.array(memberSchema).default([]),
    allocation: allocationSchema.prefault({ method: 'population' }),
    inputs: z.array(inputSchema).default([]),
    milestones: z
      .array(z.object({ period: yearKey, label: z.string().min(1) }).strict())
      .superRefine((milestones, ctx) => {
        // Two changes in one year would each claim the same before and after.
        const seen = new Map<string, number>();
        milestones.forEach((m, i) => {
          const earlier = seen.get(m.period);
          if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'period'], message: `milestone ${m.period} is given twice (also milestones[${earlier}]); name both changes in one label` });
          else seen.set(m.period, i);
        });
      })
      .default([])
      .describe('Changes to compare before and after, e.g. {"period": "2021", "label": "Gemensam nämnd bildas"}: the level of the years before against the years from it on. Unlike a series break, a milestone does not cut the trend.'),
    indicators: z.array(indicatorSchema).default([]),
    survey: z
      .object({
        positive: z.array(z.string()).optional().describe('Answer labels counted as positive.'),
        excluded: z.array(z.string()).optional().describe('Labels left out of the denominator.'),
        other: z.array(z.string()).default([]).describe('Further valid, non-positive labels.'),
        questions: z
          .record(z.string(), z.object({ positive: z.array(z.string()) }).strict())
          .default({})
          .describe('Per-question positive labels.'),
        minRespondents: z.number().int().min(1).default(30),
        alpha: z.number().gt(0).lt(1).default(0.05),
        window: z
          .number()
          .int()
          .min(0)
          .default(2)
          .describe('Years before the report year a series\' latest figures may be from and still be shown, labelled with their year; older ones are listed as missing.'),
      })
      .strict()
      .prefault({}),
    budget: z
      .object({
        yellowBelow: z.number().default(0).describe('Deviation % of budget below which status is yellow.'),
        redBelow: z.number().default(-2).describe('Deviation % of budget below which status is red.'),
        forecastMargin: z.number().nonnegative().default(1).describe('% of budget; optimism flag.'),
        resultTarget: z.number().default(2).describe('% of tax revenue and general grants.'),
        displayUnit: amountUnit.default('tkr'),
        serviceActivity: z
          .record(z.string(), z.string())
          .default({})
          .describe('Survey service → budget activity, e.g. {"Hemtjänst": "Äldreomsorg"}; common ones are built in.'),
        revenueActivities: z
          .array(z.string())
          .default([])
          .describe('Further activity names that are revenue lines (tax revenue, grants and equalisation are recognised).'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const issue of configContradictions(config)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** The largest fixed share taken: far above any real key, far below where sums overflow. */
const MAX_SHARE = 1e9;

/**
 * What each key may hold but the whole cannot mean: a member listed twice (charged twice), the
 * organisation's code taken by a member (its lines would be the organisation's), fixed shares
 * for a code that is no member, or so large their sum overflows.
 */
function configContradictions(config: {
  organisation: { code: string };
  members: { code: string }[];
  allocation: { method: string; shares?: Record<string, number> };
}): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const first = new Map<string, number>();
  config.members.forEach((m, i) => {
    const earlier = first.get(m.code);
    if (earlier !== undefined) out.push({ path: ['members', i, 'code'], message: `member ${m.code} is listed twice (also members[${earlier}]); its costs would be counted twice` });
    else first.set(m.code, i);
    if (m.code === config.organisation.code) out.push({ path: ['organisation', 'code'], message: `the organisation's code ${m.code} is also a member's (members[${i}]); use another id` });
  });
  const shares = config.allocation.method === 'fixed' ? config.allocation.shares ?? {} : {};
  for (const [memberCode, share] of Object.entries(shares)) {
    if (share > MAX_SHARE) out.push({ path: ['allocation', 'shares', memberCode], message: `a share above ${MAX_SHARE} (received ${share}); shares are weights such as percentages` });
    if (config.members.length > 0 && !first.has(memberCode)) out.push({ path: ['allocation', 'shares', memberCode], message: `${memberCode} is not among the members (${[...first.keys()].join(', ')})` });
  }
  if (config.allocation.method === 'fixed' && Object.keys(shares).length > 0 && Object.values(shares).every((v) => v === 0)) {
    out.push({ path: ['allocation', 'shares'], message: 'every share is 0: the shared costs would be allocated to nobody' });
  }
  return out;
}

export type Config = z.infer<typeof configSchema>;
export type InputSpec = z.infer<typeof inputSchema>;
export type { IndicatorSpec };
export type Member = z.infer<typeof memberSchema>;
export type Allocation = z.infer<typeof allocationSchema>;
export type { Kind };
export type Role = (typeof ROLES)[number];

/** The config's JSON Schema, published by `tillit schema config`. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input' });
}
