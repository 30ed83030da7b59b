import { pooledRange } from '../model/period.js';
import { normalizeLabel } from '../model/text.js';

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mar: 3, mars: 3, march: 3,
  apr: 4, april: 4, maj: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7,
  aug: 8, augusti: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10,
  october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/**
 * Normalises a period cell to `YYYY` or `YYYY-MM`: `2024`, `2025-03`, `2025-3`, `2025M03`
 * (PX-Web), `202503`, `mars 2025`, `2025 mars`, `03/2025`; a finance system's period end (`2025-03-31`, the
 * month's last day: any other day, `2025-03-01` too, could be a date "as of" and is no period). A pooled range (`2004-2007`, `2019–2022`,
 * `2019/20`) is kept as written (see `model/period.ts`). Returns undefined for anything else,
 * month 13 included. Years outside 1900–2100 are rejected as typos.
 * @example parsePeriod('mars 2025') // '2025-03'
 */
export function parsePeriod(cell: string): string | undefined {
  const s = cell.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return year(m[1]!);
  const pooled = pooledRange(s);
  if (pooled !== undefined) return year(String(pooled.from)) !== undefined && year(String(pooled.to)) !== undefined ? s : undefined;
  m = /^(\d{4})(?:-|\/|M|m|\.)?(\d{1,2})$/.exec(s);
  if (m && (s.length > 6 || /\D/.test(s.slice(4)) || s.length === 6)) return month(m[1]!, Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return lastDay(m[1]!, Number(m[2])) === Number(m[3]) ? month(m[1]!, Number(m[2])) : undefined;
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return month(m[2]!, Number(m[1]));
  const tertial = tertialIn(s, true);
  if (tertial.length > 0) return tertial[0] ?? undefined;
  const folded = normalizeLabel(s);
  const words = folded.split(' ');
  if (words.length === 2) {
    const [a, b] = words as [string, string];
    const [name, y] = /^\d{4}$/.test(a) ? [b, a] : [a, b];
    const mm = MONTHS[name];
    if (mm !== undefined && /^\d{4}$/.test(y)) return month(y, mm);
  }
  return undefined;
}

/** The last day of month `m` of year `y` (0 for no month). */
function lastDay(y: string, m: number): number {
  return m >= 1 && m <= 12 ? new Date(Date.UTC(Number(y), m, 0)).getUTCDate() : 0;
}

function year(y: string): string | undefined {
  const n = Number(y);
  return n >= 1900 && n <= 2100 ? y : undefined;
}

function month(y: string, m: number): string | undefined {
  if (year(y) === undefined || !Number.isInteger(m) || m < 1 || m > 12) return undefined;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/**
 * A wide table's period header: a period, or R's name for one (`read.csv` makes `2019` into
 * `X2019` and `2004-2007` into `X2004.2007`). A period marked preliminary (`2024*`, as SCB's
 * tables mark their newest year) is that period: `isPreliminary` tells the reader to say so.
 */
export function parsePeriodHeader(header: string): string | undefined {
  const h = header.trim().replace(/^"|"$/g, '').replace(PRELIMINARY, '');
  const r = /^X(\d{4})(?:\.(\d{4}))?$/.exec(h);
  if (r !== null) return r[2] === undefined ? year(r[1]!) : parsePeriod(`${r[1]}-${r[2]}`);
  return parsePeriod(h);
}

/** A preliminary mark after a period header: one or more stars. */
const PRELIMINARY = /\s*\*+$/;

/** Whether a period header carries a preliminary mark (`2024*`). */
export function isPreliminary(header: string): boolean {
  return PRELIMINARY.test(header.trim().replace(/^"|"$/g, ''));
}

/** Month number 1–12 of a monthly period, or 12 for a year (a closed year). */
export function periodMonth(period: string): number {
  return period.length > 4 ? Number(period.slice(5, 7)) : 12;
}

/**
 * The month a title speaks of: `Månadsuppföljning april 2025` or `jan–apr 2025` give `2025-04`,
 * `Uppföljning 2025-08` gives `2025-08`. Undefined when there is none, or when the title names two
 * different months (which one the figures are for is then a guess).
 */
export function periodInText(text: string): string | undefined {
  const named = [...normalizeLabel(text).matchAll(/\b([a-z]+) (\d{4})\b/g)]
    .map((m) => (MONTHS[m[1]!] !== undefined ? month(m[2]!, MONTHS[m[1]!]!) : undefined));
  const iso = [...text.matchAll(/\b(\d{4})-(\d{2})\b/g)].map((m) => month(m[1]!, Number(m[2])));
  const tertials = tertialIn(text, false);
  // A tertial whose months say otherwise (`Tertial 1 (jan–mar) 2025`) leaves the month a guess.
  if (tertials.includes(null)) return undefined;
  const found = new Set([...named, ...iso, ...tertials].filter((p): p is string => p !== undefined && p !== null));
  return found.size === 1 ? [...found][0] : undefined;
}

/** A month name, longest first so `januari` is not read as `jan` and a stray `i`. */
const MONTH_WORD = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})`;
/**
 * How Swedish follow-ups number a tertial: `T2`, `Tertial 2`, `Tertialrapport 2`,
 * `Tertialuppföljning 2`, `Delår 2`, `Delårsrapport 2`, `andra tertialen`. Delår is matched with its
 * å: `delar` is an everyday word ("parts").
 */
const TERTIAL_NUMBERED = String.raw`(?:(t|tertial|tertialrapport|tertialuppföljning|tertialbokslut|delår|delårsrapport|delårsbokslut) ?([123])|(första|andra|tredje) tertialen)`;
/** The months it covers, when written beside it: `(jan-apr)`, `januari–april`. */
const TERTIAL_MONTHS = String.raw`(?: \(?${MONTH_WORD} ${MONTH_WORD}\)?)?`;
const TERTIAL_AFTER = String.raw`${TERTIAL_NUMBERED}${TERTIAL_MONTHS},? (\d{4})`;
const TERTIAL_CELL = new RegExp(String.raw`^(?:${TERTIAL_AFTER}|(\d{4}) ?${TERTIAL_NUMBERED}${TERTIAL_MONTHS})$`);
const TERTIAL_TEXT = new RegExp(String.raw`(?<![\p{L}\d])${TERTIAL_AFTER}(?!\d)`, 'gu');
const ORDINAL: Readonly<Record<string, number>> = { första: 1, andra: 2, tredje: 3 };

/**
 * The months tertial follow-ups name, each the month its tertial ends: after April, August or
 * December (`T2 2025`, `Tertial 1 (jan-apr) 2025`, `Delår 1 2025` → `2025-04`). Delår (an interim
 * report) is numbered by the tertials: `Delår 1` after April, `Delår 2` after August; there is no
 * third (the year ends in the annual accounts), so `Delår 3` is no month. A tertial whose written
 * months end elsewhere (`T1 (jan–mar) 2025`) is null: which month is meant would be a guess.
 * `whole` reads a cell that is nothing but the tertial (the year before it or after it); otherwise
 * every tertial in a text, year after it.
 */
/** Whether a period cell is a tertial follow-up (`T2 2025`, `Delår 1 2025`): read as the month its tertial ends, which is said. */
export function isTertialCell(cell: string): boolean {
  return tertialIn(cell.trim(), true).length > 0;
}

function tertialIn(text: string, whole: boolean): (string | null)[] {
  const folded = text.normalize('NFC').toLowerCase().replace(/[_\-–—./:]+/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const matches = whole ? [TERTIAL_CELL.exec(folded)].filter((m) => m !== null) : [...folded.matchAll(TERTIAL_TEXT)];
  return matches.map((m) => {
    // The cell's two shapes: word, number, months, year (groups 1–6), or year, word, number, months (7–12).
    const [word, num, ordinal, from, to, year] = m[6] !== undefined || !whole ? m.slice(1, 7) : [m[8], m[9], m[10], m[11], m[12], m[7]];
    const n = ordinal !== undefined ? ORDINAL[ordinal]! : Number(num);
    if (word?.startsWith('delår') && n === 3) return null;
    const end = month(year!, 4 * n);
    if (end === undefined) return null;
    // The months written beside it are the tertial's own (from its first month) or the year's to date.
    if (to !== undefined && (MONTHS[to] !== 4 * n || (MONTHS[from!]! !== 1 && MONTHS[from!]! !== 4 * n - 3))) return null;
    return end;
  });
}
