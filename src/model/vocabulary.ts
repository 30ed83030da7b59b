import * as z from 'zod';
import { AMOUNT_UNITS, BETTER, GENDERS, LANGS, STATUS_REASONS, VALUE_UNITS } from './words.js';
import type { ValueUnit } from './words.js';

/** The shared words (`words.ts`) that schemas take, as zod enums; their types are the words'. */
export type {
  AmountUnit, Better, CsvDialect, Dash, DecimalMark, Delimiter, Encoding, ForcedEncoding, Gender, GenderFilter, Kind, Lang, Sign,
  StatusReason, ValueUnit,
} from './words.js';

export const valueUnit = z.enum(VALUE_UNITS);
export const better = z.enum(BETTER);
export const statusReason = z.enum(STATUS_REASONS);
export const lang = z.enum(LANGS);
export const amountUnit = z.enum(AMOUNT_UNITS);
export const gender = z.enum(GENDERS);

/**
 * Units of a count or a sum (persons, hours, millions of kronor): a place's figure grows with its
 * size, so it is never compared with the nation's or a group's, which are sums over more people.
 */
export function isCount(unit: ValueUnit | undefined): boolean {
  return unit === 'count' || unit === 'hours' || unit === 'mnkr';
}

export { TOTAL_ACTIVITY } from './words.js';
