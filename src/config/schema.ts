import * as z from 'zod';
import { indicatorSchema, type IndicatorSpec } from '../model/indicator.js';
import { amountUnit, lang } from '../model/vocabulary.js';
import { KINDS, type Kind } from '../model/words.js';
import { READ_KEYS, READ_OPTIONS, type ConfigKey, type ReadOption, type ReadValue } from './options.js';
import { MEMBER_KINDS, memberCode, overlaps, registerKind } from '../model/membership.js';
import { MUNICIPALITIES, REGIONS, resolveArea } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';

export { indicatorSchema };

const code = z.string().regex(/^\d{4}$/, 'a four-digit municipality code as a string, e.g. "0680"');
/** A member's id: a kommunkod, a länskod (`12`, or Kolada's `0012`), or a kommunalförbund's own id. */
const anyMemberCode = z
  .string()
  // "1460 Bengtsfors", as data files write it: the message names the code meant.
  .regex(/^[\p{L}\d][\p{L}\d_-]*$/u, { error: (issue) => `a member code: a municipality's four digits ("0680"), a region's two ("12" or "0012"), or a kommunalförbund's own id ("SOT") (received "${String(issue.input)}"${codeHint(String(issue.input))})` })
  .transform(memberCode);

/** What a code written as a name (or a code and a name) names: `; "1460" is Bengtsfors' code`. */
function codeHint(text: string): string {
  const area = resolveArea(text);
  if (!area.ok || (area.area.kind !== 'municipality' && area.area.kind !== 'region')) return '';
  return `; write ${area.area.kind} ${area.area.code}'s code, "${area.area.code}"`;
}
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
/** Members that overlap (a region and its municipalities) count inhabitants twice unless this says which to use. */
const overlap = z
  .enum(['as-given', 'remainder'])
  .optional()
  .describe('Members that overlap (a region and its municipalities): "as-given" uses each member\'s population as written; "remainder" a region\'s (or kommunalförbund\'s) less the members it contains.');
const allocationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('population'), populationFrom, overlap }).strict(),
  z
    .object({
      method: z.literal('fixed'),
      shares: z
        .record(anyMemberCode, z.number().nonnegative())
        .describe('A share per member, every member (0 for one that pays nothing), in per cent; a sum other than 100 is normalised with a warning, shares all at most 1 and summing to at most 1 (0.2, 0.45, 0.35) are read as fractions, with a warning.'),
      populationFrom,
    })
    .strict(),
  z
    .object({ method: z.literal('mixed'), equalPercent: z.number().min(0).max(100), populationFrom, overlap })
    .strict()
    .describe('equalPercent split equally between members, the rest by population.'),
  z.object({ method: z.literal('usage'), measure: z.string().min(1), populationFrom }).strict(),
]);

export const memberSchema = z
  .object({
    code: anyMemberCode,
    kind: z.enum(MEMBER_KINDS).optional().describe('Taken from the code (four digits a municipality, two a region); "kommunalförbund" for a federation with its own id.'),
    name: z.string().regex(/\S/, 'an empty name: the member\'s rows and its part of the shared costs would be headed with nothing; leave "name" out to use the register\'s').optional(),
    aliases: z.array(z.string().min(1)).default([]).describe('For a kommunalförbund: cell texts in files that mean it (its name as its files write it).'),
    contains: z.array(code).default([]).describe('For a kommunalförbund: the municipalities it is made of (a region\'s are known).'),
    population: z.record(yearKey, z.number().int().nonnegative()).default({}),
    usage: z.record(z.string(), z.record(yearKey, z.number().nonnegative())).default({}),
  })
  .strict()
  .transform((m, ctx) => {
    const known = registerKind(m.code);
    if (m.kind === undefined && known === undefined) {
      const hint = codeHint(m.code);
      ctx.addIssue({ code: 'custom', path: ['code'], message: `"${m.code}" is no municipality code (four digits, "0680") or region code (two, "12" or "0012")${hint === '' ? '; a kommunalförbund needs "kind": "kommunalförbund"' : hint}` });
      return z.NEVER;
    }
    if (m.kind !== undefined && m.kind !== 'kommunalförbund' && m.kind !== known) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `"${m.code}" is a ${known === undefined ? 'code in no register' : `${known} code`}, not a ${m.kind}'s` });
      return z.NEVER;
    }
    const kind = m.kind ?? known!;
    // Read only for a kommunalförbund: elsewhere it would be ignored, and the user not know it.
    if (m.contains.length > 0 && kind !== 'kommunalförbund') {
      ctx.addIssue({ code: 'custom', path: ['contains'], message: `"contains" is for a kommunalförbund ("kind": "kommunalförbund"); ${kind === 'region' ? `region ${m.code}'s municipalities are known from its code` : `municipality ${m.code} contains no other area`}` });
      return z.NEVER;
    }
    // A name that is another area's (`{"code": "1460", "name": "Mellerud"}`) would head Bengtsfors'
    // figures with Mellerud's name: refused, as the same mismatch in a data file is.
    const named = m.name === undefined ? undefined : resolveArea(m.name);
    // Gotland is a municipality (0980) and a region (09) of one name: the name read beside the code decides.
    const itsOwn = named?.ok === true && resolveArea(`${m.code} ${m.name}`).ok;
    if (named?.ok === true && named.area.kind !== 'group' && named.area.code !== m.code && !itsOwn) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: `"${m.name}" is ${named.area.kind === 'nation' ? 'Riket' : `${named.area.kind} ${named.area.code}`}, not ${m.code}; give the member its own name, or the code of the area named` });
      return z.NEVER;
    }
    return { ...m, kind };
  });

/** Peer groups: a name (or a Kolada group id, `G…`) and the municipalities in it. */
const peersSchema = z
  .record(
    z.string().min(1),
    z.array(code).min(1).superRefine((codes, ctx) => {
      // A code listed twice counted twice in the group's mean and rank; one that is no municipality
      // (a typo, a region in Kolada's spelling "0012") was left out of the group without a word.
      const seen = new Map<string, number>();
      codes.forEach((c, i) => {
        const earlier = seen.get(c);
        if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: `${c} is listed twice (also [${earlier}]); it would count twice in the group's mean and rank` });
        else seen.set(c, i);
        if (MUNICIPALITIES.has(c)) return;
        const region = REGIONS.has(memberCode(c)) ? memberCode(c) : undefined;
        ctx.addIssue({ code: 'custom', path: [i], message: region !== undefined ? `"${c}" is region ${region}'s code (as Kolada writes it); a peer group lists municipalities` : `"${c}" is no municipality code` });
      });
    }),
  )
  .default({})
  .describe('Comparison groups beside Riket and the region: {"Liknande kommuner": ["1438", "1439"]}. A key that is a Kolada group\'s id or name in the data gives that group its members.');

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    organisation: z
      .object({
        name: z.string().min(1).regex(/\S/, 'a name of only spaces: the organisation\'s section would be headed with nothing'),
        code: z.string().min(1).default('ORG').describe('Id used for rows booked on the organisation itself.'),
        aliases: z.array(z.string()).default([]).describe('Cell texts meaning the organisation.'),
        language: lang.default('sv'),
      })
      .strict()
      .prefault({ name: 'tillit' }),
    members: z.array(memberSchema).default([]),
    allocation: allocationSchema.prefault({ method: 'population' }),
    peers: peersSchema,
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
        positive: z.array(z.string()).optional().describe('Answer labels counted as positive, over the built-in scales: a label not named keeps its built-in class, except the other positive answers of a built-in scale this names some of (said on stderr).'),
        excluded: z.array(z.string()).optional().describe('Labels left out of the denominator ("Ingen erfarenhet"), besides the built-in "Vet ej", "Vet inte", "Ingen åsikt", "Ingen uppfattning", "Ej aktuellt".'),
        other: z.array(z.string()).default([]).describe('Further valid, non-positive labels (in the denominator); a built-in "Vet ej" named here is counted in the denominator.'),
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
      .superRefine((survey, ctx) => {
        // A label in two lists was decided by a rule of precedence no one reads: a config error instead.
        const seen = new Map<string, string>();
        for (const list of ['positive', 'excluded', 'other'] as const) {
          (survey[list] ?? []).forEach((label, i) => {
            const key = normalizeLabel(label);
            const earlier = seen.get(key);
            if (earlier !== undefined && !earlier.startsWith(`survey.${list}[`)) ctx.addIssue({ code: 'custom', path: [list, i], message: `"${label}" is also under ${earlier}: an answer is positive, left out or other, not two of them; name it in one list` });
            if (earlier === undefined) seen.set(key, `survey.${list}[${i}]`);
          });
        }
      })
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
        activityVolume: z
          .record(z.string(), z.object({ usage: z.string().min(1), per: z.enum(['user', 'hour']) }).strict())
          .default({})
          .describe('Budget activity → the members\' `usage` measure that counts what it pays for, e.g. {"Äldreomsorg": {"usage": "brukare äldreomsorg", "per": "user"}}: quality beside cost then gives its full-year cost per user or per hour.'),
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
  organisation: { code: string; aliases?: readonly string[] };
  budget: { yellowBelow: number; redBelow: number };
  members: Member[];
  allocation: { method: string; shares?: Record<string, number>; overlap?: string | undefined; measure?: string };
  indicators: readonly { id: string; service?: string | undefined; headline?: boolean | undefined }[];
}): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  out.push(...overlapContradictions(config));
  out.push(...headlineContradictions(config.indicators));
  out.push(...organisationNameContradictions(config.organisation, config.members));
  out.push(...repeatedIndicators(config.indicators));
  // Red above yellow would make every line short of budget by less than the yellow mark red.
  if (config.budget.redBelow > config.budget.yellowBelow) {
    out.push({ path: ['budget', 'redBelow'], message: `red below ${config.budget.redBelow} % is above yellow below ${config.budget.yellowBelow} %: red must be the lower mark (e.g. yellowBelow 0, redBelow -2)` });
  }
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
  if (config.allocation.method === 'fixed') out.push(...missingShares(config.members, shares));
  out.push(...unknownMeasure(config.members, config.allocation.measure));
  return out;
}

/**
 * A key by a usage measure no member gives while they give others (a misspelt "brukare"): nothing
 * could be split, and the section would go with a note on years where the name is what is wrong.
 */
function unknownMeasure(members: readonly Member[], measure: string | undefined): { path: (string | number)[]; message: string }[] {
  if (measure === undefined || members.some((m) => m.usage[measure] !== undefined)) return [];
  // No usage given at all is figures still to come: said when the report is made (allocation-no-common-year).
  const given = [...new Set(members.flatMap((m) => Object.keys(m.usage)))];
  return given.length === 0 ? [] : [{ path: ['allocation', 'measure'], message: `no member gives usage "${measure}" (members' usage: ${given.map((g) => `"${g}"`).join(', ')})` }];
}

/**
 * A fixed key without a share for some member: nothing says what it pays (all of it, by being
 * left over, or nothing), and the key could not be split at all. Every member is to have one; 0
 * for a member that pays nothing.
 */
function missingShares(members: readonly Member[], shares: Record<string, number>): { path: (string | number)[]; message: string }[] {
  const missing = members.filter((m) => shares[m.code] === undefined).map((m) => (m.name === undefined ? m.code : `${m.code} (${m.name})`));
  if (missing.length === 0) return [];
  const given = Object.keys(shares);
  return [{
    path: ['allocation', 'shares'],
    message: `no share for member${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (shares given: ${given.length === 0 ? 'none' : given.join(', ')}); every member needs a share, 0 for one that pays nothing`,
  }];
}

/** An indicator given twice: the second entry would silently replace the first's direction, target and title. */
function repeatedIndicators(indicators: readonly { id: string }[]): { path: (string | number)[]; message: string }[] {
  const first = new Map<string, number>();
  const out: { path: (string | number)[]; message: string }[] = [];
  indicators.forEach((ind, i) => {
    const earlier = first.get(ind.id);
    if (earlier !== undefined) out.push({ path: ['indicators', i, 'id'], message: `indicator ${ind.id} is given twice (also indicators[${earlier}]); give it once` });
    else first.set(ind.id, i);
  });
  return out;
}

/**
 * An organisation code or alias that names a member (its code, name or alias) or any other area
 * tillit knows (a municipality, a region, Riket, a Kolada group): cells are matched to the
 * organisation before the register, so that area's rows would be read as the organisation's own
 * (`"code": "1281"` made Lund's figures the organisation's). The name is what reports head it with,
 * and is matched only where it names no area (`ingest/cell-lookups.ts`).
 */
function organisationNameContradictions(
  organisation: { code: string; aliases?: readonly string[] },
  members: readonly Member[],
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const check = (text: string, path: (string | number)[], memberCodeSaid: boolean) => {
    const key = normalizeLabel(text);
    const area = resolveArea(text);
    const member = members.find((m) => (area.ok && area.area.code === m.code) || (m.name !== undefined && normalizeLabel(m.name) === key) || normalizeLabel(m.code) === key || m.aliases.some((a) => normalizeLabel(a) === key));
    if (member !== undefined) {
      if (!memberCodeSaid) out.push({ path, message: `"${text}" names the member ${member.code}${member.name === undefined ? '' : ` ${member.name}`}; its rows would be read as the organisation's` });
    } else if (area.ok) {
      const named = area.area.kind === 'nation' ? 'Riket' : `${area.area.kind} ${area.area.code}`;
      out.push({ path, message: `"${text}" names ${named}; its rows would be read as the organisation's: ${path[2] === undefined ? 'give the organisation an id of its own' : 'leave it out of the aliases'}` });
    }
  };
  // A member's own code as the organisation's is said by `configContradictions`.
  check(organisation.code, ['organisation', 'code'], members.some((m) => m.code === organisation.code));
  (organisation.aliases ?? []).forEach((alias, i) => check(alias, ['organisation', 'aliases', i], false));
  return out;
}

/** Two indicators marked `headline` for one service (or both for every service): which heads it would be a guess. */
function headlineContradictions(indicators: readonly { id: string; service?: string | undefined; headline?: boolean | undefined }[]): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const first = new Map<string, number>();
  indicators.forEach((spec, i) => {
    if (spec.headline !== true) return;
    const key = spec.service?.trim().toLowerCase() ?? '';
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else out.push({ path: ['indicators', i, 'headline'], message: `indicators[${earlier}] (${indicators[earlier]!.id}) already heads ${spec.service === undefined ? 'every service without a headline of its own' : `"${spec.service}"`}; mark one indicator per service` });
  });
  return out;
}

/**
 * A population key over members that overlap counts the contained members' inhabitants twice (a
 * region's population includes its municipalities'): refused until the config says which to use.
 */
function overlapContradictions(config: { members: Member[]; allocation: { method: string; overlap?: string | undefined } }): { path: (string | number)[]; message: string }[] {
  const { method, overlap: chosen } = config.allocation;
  if ((method !== 'population' && method !== 'mixed') || chosen !== undefined) return [];
  return overlaps(config.members).map((o) => ({
    path: ['allocation', 'overlap'],
    message: `member ${o.container} contains member${o.contained.length > 1 ? 's' : ''} ${o.contained.join(', ')}: a ${method} key would count their inhabitants twice; say which population to use: "overlap": "as-given" (each member's population as written) or "remainder" (${o.container}'s less ${o.contained.join(', ')})`,
  }));
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
