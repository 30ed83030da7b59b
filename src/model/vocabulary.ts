import { z } from 'zod';

/**
 * The words every layer shares, each spelled once: a zod enum (for schemas) and its type.
 */

/** Units an indicator's value can have: a share in percent, kronor, kronor per inhabitant, millions of kronor, days, hours, a count, a plain number. */
export const valueUnit = z.enum(['%', 'kr', 'kr/inv', 'mnkr', 'days', 'hours', 'count', 'number']);
export type ValueUnit = z.infer<typeof valueUnit>;

/**
 * Units of a count or a sum (persons, hours, millions of kronor): a place's figure grows with its
 * size, so it is never compared with the nation's or a group's, which are sums over more people.
 */
export function isCount(unit: ValueUnit | undefined): boolean {
  return unit === 'count' || unit === 'hours' || unit === 'mnkr';
}

/** Which direction of an indicator is better; `none` gives no status, no rank and no judgement. */
export const better = z.enum(['higher', 'lower', 'none']);
export type Better = z.infer<typeof better>;

/** Kinds of input data: aggregated survey results, respondent-level answers, budget follow-up, indicator values. */
export const KINDS = ['survey', 'answers', 'budget', 'values'] as const;
export const kind = z.enum(KINDS);
export type Kind = z.infer<typeof kind>;
