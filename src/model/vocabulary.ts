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

/** Languages a report is written in. */
export const lang = z.enum(['sv', 'en']);
export type Lang = z.infer<typeof lang>;

/** Units amounts are written or shown in: kronor, thousands, millions. */
export const amountUnit = z.enum(['kr', 'tkr', 'mnkr']);
export type AmountUnit = z.infer<typeof amountUnit>;

/** Decimal marks of numbers in input files. */
export const decimalMark = z.enum([',', '.']);
export type DecimalMark = z.infer<typeof decimalMark>;

/** Cell delimiters of CSV input files. */
export const delimiter = z.enum([';', ',', '\t']);
export type Delimiter = z.infer<typeof delimiter>;

/** Encodings a person may force; the UTF-16 ones are only ever detected (by their byte-order mark). */
export const forcedEncoding = z.enum(['utf-8', 'windows-1252']);
export type ForcedEncoding = z.infer<typeof forcedEncoding>;
export const encoding = z.enum([...forcedEncoding.options, 'utf-16le', 'utf-16be']);
export type Encoding = z.infer<typeof encoding>;

/** How a budget source writes costs. */
export const sign = z.enum(['costs-positive', 'costs-negative']);
export type Sign = z.infer<typeof sign>;

/** Respondent gender in the data: total, women (kvinnor), men (män). */
export const gender = z.enum(['T', 'K', 'M']);
export type Gender = z.infer<typeof gender>;

/** Which gender's rows are read: one of them, or all. */
export const genderFilter = z.enum([...gender.options, 'all']);
export type GenderFilter = z.infer<typeof genderFilter>;

/** What a lone "-" in a number cell means. */
export const dash = z.enum(['zero', 'missing']);
export type Dash = z.infer<typeof dash>;

/** Flavours of CSV output: RFC 4180, or what Excel in Swedish opens (semicolons, decimal commas). */
export const csvDialect = z.enum(['rfc4180', 'excel-sv']);
export type CsvDialect = z.infer<typeof csvDialect>;
