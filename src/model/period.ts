/**
 * A period is text: `2024` (a year), `2025-03` (a month) or a pooled range as its source wrote it
 * (`2004-2007`, `2019–2022`, `2019/20`): Folkhälsodata pools four survey years, school and
 * financial years straddle two. A range is ordered, compared and trended by its end year, the
 * last year whose data it holds; its label stays as written.
 */
const POOLED = /^(\d{4})\s*(?:[-–—]\s*(\d{4})|\/\s*(\d{2}|\d{4}))$/;

/** The years a pooled period spans, or undefined for a year or a month. */
export function pooledRange(period: string): { from: number; to: number } | undefined {
  const m = POOLED.exec(period);
  if (m === null) return undefined;
  const from = Number(m[1]);
  const end = m[2] ?? m[3]!;
  // `2019/20`: the next year in two digits (a school year); `2025/11` stays a month.
  if (end.length === 2) return (from + 1) % 100 === Number(end) ? { from, to: from + 1 } : undefined;
  const to = Number(end);
  return to - from >= 1 && to - from <= 20 ? { from, to } : undefined;
}

/** The year a period counts as: its own, or a range's end year. */
export function periodYear(period: string): number {
  // Four characters are no range: a plain year is read without the range's pattern (once or twice
  // a row of a national report, ~50 ms of writing 20M answers' rows).
  if (period.length === 4) return Number(period);
  return pooledRange(period)?.to ?? Number(period.slice(0, 4));
}

/** Whether a period is a single month (`2025-03`). */
export function isMonthPeriod(period: string): boolean {
  return /^\d{4}-\d{2}$/.test(period);
}

/**
 * The follow-up before a month: the latest of `months` that is earlier in the same year, not
 * necessarily the calendar month before (tertials follow April with August). Undefined when there
 * is none (a January: December is another year's) and for a period that is no month.
 * @example followUpBefore('2025-08', ['2025-04', '2025-08']) // '2025-04'
 * @example followUpBefore('2025-04', ['2025-02', '2025-03', '2025-04']) // '2025-03'
 * @example followUpBefore('2025-01', ['2024-12', '2025-01']) // undefined
 */
export function followUpBefore(period: string, months: Iterable<string>): string | undefined {
  if (!isMonthPeriod(period)) return undefined;
  const year = period.slice(0, 4);
  let before: string | undefined;
  // `YYYY-MM` texts of one year sort as time.
  for (const m of months) if (isMonthPeriod(m) && m.startsWith(year) && m < period && (before === undefined || m > before)) before = m;
  return before;
}

/** The period's position on a time axis in years: a month adds its fraction; a range counts at its end. */
export function periodPosition(period: string): number {
  return isMonthPeriod(period) ? Number(period.slice(0, 4)) + (Number(period.slice(5, 7)) - 1) / 12 : periodYear(period);
}

/**
 * Orders periods by time: by year (a range's end), then a year before its months, then a longer
 * range before a shorter one ending the same year, then as text.
 */
export function comparePeriods(a: string, b: string): number {
  if (a === b) return 0;
  const d = periodPosition(a) - periodPosition(b);
  if (d !== 0) return d;
  const fa = pooledRange(a)?.from ?? periodYear(a);
  const fb = pooledRange(b)?.from ?? periodYear(b);
  if (fa !== fb) return fa - fb;
  return a < b ? -1 : 1;
}

/**
 * Whether a period is recent enough to be a series' latest figure in a report of `year`: its year
 * (a range's end) is `year` or at most `window` years before it. Nothing is, without a report year.
 * @example withinWindow('2024', '2025', 2) // true
 * @example withinWindow('2022', '2025', 2) // false (three years before)
 * @example withinWindow('2026', '2025', 2) // false (after the report year)
 */
export function withinWindow(period: string, year: string | null, window: number): boolean {
  if (year === null) return false;
  const y = periodYear(period);
  const to = Number(year);
  return y <= to && y >= to - window;
}
