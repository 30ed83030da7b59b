import type { AmountUnit, Lang, ValueUnit } from '../model/vocabulary.js';
import { minMax } from '../model/array.js';
import { both, inLang } from './phrasebook.js';

export type { AmountUnit, Lang };

const UNIT_DIVISOR: Record<AmountUnit, number> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };
const UNIT_DECIMALS: Record<AmountUnit, number> = { kr: 0, tkr: 0, mnkr: 1 };

/** How each language writes numbers: thousands grouped by a no-break space (U+00A0) or a comma, a decimal comma or point. */
export const NUMBER_MARKS = { sv: { group: '\u00A0', decimal: ',' }, en: { group: ',', decimal: '.' } } as const satisfies Record<Lang, { group: string; decimal: string }>;

/** Units as each language writes them after a number. */
const UNITS = {
  percent: both(' %', '%'),
  pp: both('p.e.', 'pp'),
  krPerInhabitant: both('kr/inv', 'SEK/inh.'),
  /** Amounts: Swedish kronor as Swedish reports write them; English reports write SEK. */
  amount: both<Record<AmountUnit, string>>({ kr: 'kr', tkr: 'tkr', mnkr: 'mnkr' }, { kr: 'SEK', tkr: 'kSEK', mnkr: 'MSEK' }),
  hours: both('timmar', 'hours'),
  days: both('dagar', 'days'),
  /** The unit after a number printed as exactly 1 or -1: `1 dag`, `-1 timme`. */
  hour: both('timme', 'hour'),
  day: both('dag', 'day'),
};

/** Whether a number as printed is one (`1`, `-1`; `1,0 dagar` stays plural), so its unit is singular. */
const isOne = (printed: string) => /^-?1$/.test(printed);

const rounders = new Map<number, Intl.NumberFormat>();

/**
 * Rounds as the decimal a number is written as, not as its binary value: 1.005 is stored as
 * 1.00499999999999989…, so `Math.round(x * 100) / 100` gives 1.00 where a reader expects 1.01.
 * ICU rounds the shortest decimal that reads back as the number, half away from zero (halfExpand,
 * the default). The locale is `en-US` without grouping only to get plain digits: the separators are
 * set below, so the output does not depend on which locales the Node build carries.
 */
function rounder(decimals: number): Intl.NumberFormat {
  let f = rounders.get(decimals);
  if (f === undefined) rounders.set(decimals, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })));
  return f;
}

/**
 * A number for people: `1 234,5` in Swedish (a no-break space between digit groups, as
 * `Intl.NumberFormat('sv-SE')` writes it), `1,234.5` in English; ASCII minus so terminals and
 * spreadsheets agree. Rounds the decimal value half away from zero (1,005 → 1,01); never prints `-0`.
 * @example formatNumber(-1234.56, 1, 'sv') // '-1\u00A0234,6'
 * @example formatNumber(1.005, 2, 'en') // '1.01'
 */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const text = rounder(decimals).format(value);
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.') as [string, string | undefined];
  const { group, decimal } = NUMBER_MARKS[lang];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // -0,004 rounds to 0,00: a minus on zero would read as a loss.
  const sign = negative && /[1-9]/.test(text) ? '-' : '';
  return `${sign}${grouped}${frac !== undefined ? decimal + frac : ''}`;
}

/**
 * A number as `formatNumber` shows it at `decimals`, as a number: what a reader takes it for.
 * @example shownNumber(3.84, 1) // 3.8
 */
export function shownNumber(value: number, decimals: number): number {
  return Number(rounder(decimals).format(value));
}

/**
 * The difference a reader works out from two figures as shown at `decimals`: a difference printed
 * beside the figures it is between must be theirs (3,84 → 3,91 shown as 3,8 → 3,9 is +0,1, whatever
 * the unrounded +0,07 rounds to). Summed in whole units of the last decimal, so no binary residue
 * (3.9 − 3.8 = 0.10000000000000009) reaches the text.
 * @example shownDifference(3.91, 3.84, 1) // 0.1
 * @example shownDifference(86.4, 80.6, 0) // 5 (86 − 81; the unrounded 5.8 would print +6)
 */
export function shownDifference(after: number, before: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.round(shownNumber(after, decimals) * scale) - Math.round(shownNumber(before, decimals) * scale)) / scale;
}

/**
 * The decimals a setting is written with, as the config gives it: none for `5`, one for `0,5`, at
 * most four (a float's residue, 0.1 × 100 = 10.000000000000002, is none).
 * @example decimalsOf(-1.5) // 1
 */
export function decimalsOf(v: number): number {
  return String(Math.round(v * 1e4) / 1e4).split('.')[1]?.length ?? 0;
}

/** `87,3 %` (sv) or `87.3%` (en). */
export function formatPct(value: number, lang: Lang, decimals = 1): string {
  return `${formatNumber(value, decimals, lang)}${inLang(UNITS, lang).percent}`;
}

/** Percentage points with sign: `+4,2 p.e.` (procentenheter) / `+4.2 pp`. */
export function formatPp(value: number, lang: Lang, decimals = 1): string {
  const s = formatNumber(value, decimals, lang);
  return `${value > 0 && !/^0[,.]?0*$/.test(s) ? '+' : ''}${s} ${inLang(UNITS, lang).pp}`;
}

/** An amount in kronor shown in the chosen unit: `1 234 tkr`, `6,4 mnkr`. */
export function formatAmount(kr: number, unit: AmountUnit, lang: Lang, signed = false): string {
  const v = kr / UNIT_DIVISOR[unit];
  const s = formatNumber(v, UNIT_DECIMALS[unit], lang);
  return `${signed && v > 0 && /[1-9]/.test(s) ? '+' : ''}${s} ${inLang(UNITS, lang).amount[unit]}`;
}

/**
 * An amount in mnkr, or in tkr where mnkr would round a non-zero amount to `0,0 mnkr` (a reader
 * reads that as nothing): `7,9 mnkr`, `+19 tkr`, `0 tkr`.
 * @example formatAmountMnkr(19_000, 'sv', true) // '+19 tkr'
 */
export function formatAmountMnkr(kr: number, lang: Lang, signed = false): string {
  const mnkr = formatAmount(kr, 'mnkr', lang, signed);
  return /[1-9]/.test(mnkr) ? mnkr : formatAmount(kr, 'tkr', lang, signed);
}

/**
 * One unit for a column of amounts in a brief: mnkr, or tkr when mnkr would show one of them that
 * is not zero as `0,0 mnkr` (a reader reads that as nothing). One unit down a column: `0 tkr`
 * beside `-0,2 mnkr` reads as two scales. Missing amounts and zeros do not decide it.
 * @example columnUnit([7_900_000, -19_000]) // 'tkr'
 * @example columnUnit([7_900_000, 0, null]) // 'mnkr'
 */
export function columnUnit(kr: readonly (number | null)[]): AmountUnit {
  return kr.some((v) => v !== null && v !== 0 && !/[1-9]/.test(formatAmount(v, 'mnkr', 'sv'))) ? 'tkr' : 'mnkr';
}

/**
 * An amount in a brief's sentence, in `unit` (mnkr when none is set, tkr below a million); mnkr
 * that would round a non-zero amount to nothing gives way to tkr, as in `formatAmountMnkr`: a
 * sentence saying a forecast moved by `0,0 mnkr`, or did not move, would be wrong.
 */
export function formatAmountIn(kr: number, unit: AmountUnit | undefined, lang: Lang, signed = false): string {
  if (unit !== undefined && unit !== 'mnkr') return formatAmount(kr, unit, lang, signed);
  // Under a million, mnkr's one decimal is a rounding of up to a third (141 tkr as 0,1 mnkr) beside
  // a table that gives the tkr: unless a unit is asked for, such an amount is said in tkr.
  return unit === undefined && Math.abs(kr) < 1_000_000 ? formatAmount(kr, 'tkr', lang, signed) : formatAmountMnkr(kr, lang, signed);
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * Unicode sparkline over a series, one character per period; `·` marks a gap (missing or
 * suppressed). All-equal values draw a flat middle line; fewer than two values draw nothing.
 * @example sparkline([80, null, 85, 90]) // '▁·▄█'
 */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  // One value is not a series: draw nothing rather than a meaningless bar.
  if (present.length < 2) return '';
  const { min: lo, max: hi } = minMax(present);
  return values
    .map((v) => {
      if (v === null) return '·';
      if (hi === lo) return BARS[3];
      return BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))];
    })
    .join('');
}

/** Month names for "after August" phrasing. */
const MONTHS: Record<Lang, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `oktober 2025` / `October 2025` for `2025-10`; a year stays a year. */
export function formatPeriod(period: string, lang: Lang): string {
  if (period.length === 4) return period;
  return `${MONTHS[lang][Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

/** The last day of a month, as a date a reader says: `31 oktober 2025` / `31 October 2025`; a year stays a year. */
export function formatMonthEnd(period: string, lang: Lang): string {
  if (period.length === 4) return period;
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${days} ${formatPeriod(period, lang)}`;
}

/**
 * A moment (`generatedAt`, ISO 8601 in UTC) as a reader says it: `5 november 2025 kl. 08:00 (UTC)`,
 * `5 November 2025, 08:00 UTC`, not `2025-11-05T08:00:00.000Z`.
 */
export function formatStamp(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (m === null) return iso;
  return STAMP[lang](`${Number(m[3])} ${formatPeriod(`${m[1]}-${m[2]}`, lang)}`, m[4]!);
}

/** A day and a time of day (UTC) as each language writes them together. */
const STAMP: Record<Lang, (day: string, time: string) => string> = {
  sv: (day, time) => `${day} kl. ${time} (UTC)`,
  en: (day, time) => `${day}, ${time} UTC`,
};

export function monthName(period: string, lang: Lang): string {
  return MONTHS[lang][Number(period.slice(5, 7)) - 1]!;
}


/**
 * Two values a sentence sets against each other ("from … to …", "… above the nation's …"), with
 * the fewest decimals from `decimals` up to two more at which they read differently: a change the
 * data support is never printed as 88 % to 88 %.
 * @example distinctValues(88.31, 87.94, '%', 'sv', 0) // ['88,3 %', '87,9 %']
 */
export function distinctValues(a: number, b: number, unit: ValueUnit, lang: Lang, decimals: number): [string, string] {
  for (let d = decimals; ; d++) {
    const pair: [string, string] = [formatValue(a, unit, lang, d), formatValue(b, unit, lang, d)];
    if (pair[0] !== pair[1] || d >= decimals + 2) return pair;
  }
}

/** The decimals a value of each unit is shown with unless told otherwise. */
export const VALUE_DECIMALS: Readonly<Record<ValueUnit, number>> = { '%': 1, kr: 0, 'kr/inv': 0, mnkr: 1, hours: 1, days: 1, count: 0, number: 1 };

/** A value in its indicator's unit: `87,3 %`, `25 256 kr`, `91,7 dagar`, `1 234`. */
export function formatValue(value: number, unit: ValueUnit, lang: Lang, decimals = VALUE_DECIMALS[unit]): string {
  switch (unit) {
    case '%':
      return formatPct(value, lang, decimals);
    case 'kr':
      return `${formatNumber(value, decimals, lang)} ${inLang(UNITS, lang).amount.kr}`;
    case 'kr/inv':
      return `${formatNumber(value, decimals, lang)} ${inLang(UNITS, lang).krPerInhabitant}`;
    case 'mnkr':
      return `${formatNumber(value, decimals, lang)} ${inLang(UNITS, lang).amount.mnkr}`;
    case 'hours': {
      const n = formatNumber(value, decimals, lang);
      return `${n} ${inLang(UNITS, lang)[isOne(n) ? 'hour' : 'hours']}`;
    }
    case 'days': {
      const n = formatNumber(value, decimals, lang);
      return `${n} ${inLang(UNITS, lang)[isOne(n) ? 'day' : 'days']}`;
    }
    case 'count':
    case 'number':
      return formatNumber(value, decimals, lang);
  }
}

/** A signed difference in the indicator's unit: percentage points for shares, else the unit. */
export function formatDiff(value: number, unit: ValueUnit, lang: Lang, decimals?: number): string {
  if (unit === '%') return formatPp(value, lang, decimals ?? 1);
  const s = formatValue(value, unit, lang, decimals);
  return value > 0 && /[1-9]/.test(s) ? `+${s}` : s;
}

/**
 * A signed share with a plus for a positive one that does not round to zero: `+2,1 %`, `-0,4 %`, `0,0 %`.
 * @example formatSignedPct(2.06, 'sv') // '+2,1 %'
 */
export function formatSignedPct(value: number, lang: Lang, decimals = 1): string {
  const s = formatNumber(value, decimals, lang);
  return `${value > 0 && !/^0[,.]?0*$/.test(s) ? '+' : ''}${s}${inLang(UNITS, lang).percent}`;
}
