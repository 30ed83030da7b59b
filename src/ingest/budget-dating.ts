import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import { firstNamed, truncate } from '../model/text.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A budget file's periods against the months its year-to-date columns name (`Budget jan-aug`,
 * `Utfall t.o.m. augusti`; see `HeaderPlan.ytdMonth`). Those columns say what the amounts cover:
 * January to that month. A row dated by a year alone (`2025`, from a column, the title or
 * `--input-period`) is that year's follow-up at the named month, not the closed year: read as
 * `2025-08`, and said once per year. A period naming another month (`2025-06`), or another year
 * than the column's name (`Budget jan-aug 2024`), contradicts the columns: neither is taken on a
 * guess, the row is rejected (see `conflict`).
 */
export class YearToDateDating {
  private readonly month: string | undefined;
  private readonly year: string | undefined;
  private readonly dated = new Set<string>();

  constructor(private readonly ytd: { month: number; header: string } | undefined) {
    this.month = ytd === undefined ? undefined : String(ytd.month).padStart(2, '0');
    this.year = ytd === undefined ? undefined : /\b(19|20)\d{2}\b/.exec(ytd.header)?.[0];
  }

  /**
   * The period a row is read at; undefined when the period is unreadable or contradicts the
   * columns. Notes nothing: a row may yet be set aside (a heading, a footnote), so `used` says
   * which years were read at the columns' month.
   */
  date(period: string | undefined): string | undefined {
    if (period === undefined || this.month === undefined) return period;
    const year = /^\d{4}(?=-\d{2}$|$)/.exec(period)?.[0];
    // A pooled range (`2019-2022`) is no follow-up's date: left to the reading that rejects it.
    if (year === undefined) return period;
    if (this.year !== undefined && year !== this.year) return undefined;
    if (period.length === 4) return `${period}-${this.month}`;
    return period.slice(5) === this.month ? period : undefined;
  }

  /** Notes a row read at `date(period)`: a year read at the columns' month is said (`findings`). */
  used(period: string): void {
    if (period.length === 4 && this.month !== undefined) this.dated.add(period);
  }

  /** The error for a row whose period (as read) `date` found against the columns. */
  conflict(period: string, line: number, periodColumn: number | undefined, received: string): FindingInput {
    const ytd = this.ytd!;
    const to = this.year !== undefined ? `${MONTH_NAMES[ytd.month - 1]} ${this.year}` : MONTH_NAMES[ytd.month - 1]!;
    return {
      code: 'period-columns-differ', line, ...(periodColumn !== undefined ? { column: periodColumn + 1 } : {}), received: truncate(received),
      args: { period, header: truncate(ytd.header), to },
    };
  }

  /** One info finding per year read at the columns' month, at the header. */
  findings(headerLine: number): FindingInput[] {
    const header = truncate(this.ytd?.header ?? '');
    return [...this.dated].sort().map((year) => ({ code: 'period-from-columns', line: headerLine, args: { year, period: `${year}-${this.month}`, header } }));
  }
}

/**
 * A full-year budget named by its year (`Budget 2025`) is read as the year's budget, said; for a
 * file whose figures are of another year it is last (or next) year's, which the report would set
 * against this year's outcome: said as a warning, with the year it is.
 */
export function budgetYearNamed(named: { year: number; header: string; column: number } | undefined, months: readonly string[], line: number): FindingInput[] {
  if (named === undefined) return [];
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const other = years.find((y) => y !== named.year);
  const args = { header: truncate(named.header), year: named.year };
  return other === undefined
    ? [{ code: 'budget-year-column', line, column: named.column, args }]
    : [{ code: 'budget-year-column-differs', line, column: named.column, args: { ...args, other } }];
}

/**
 * A forecast column named by a year none of the file's figures are of (`Prognos 2026` in a 2025
 * follow-up) is next year's: set against this year's budget it was "prognos mot budget −5 558 tkr".
 * It is not read (its amounts are left blank), with a warning; a forecast of one of the figures'
 * years is read.
 */
export function forecastYearNamed(named: { years: number[]; header: string; column: number } | undefined, table: BudgetTable, line: number): FindingInput[] {
  if (named === undefined) return [];
  const years = new Set(table.months.map((m) => Number(m.slice(0, 4))));
  if (years.size === 0 || named.years.some((y) => years.has(y))) return [];
  const k = BUDGET_AMOUNTS.indexOf('forecast');
  for (let i = 0; i < table.length; i++) table.amounts[i * BUDGET_AMOUNTS.length + k] = Number.NaN;
  return [{ code: 'forecast-year-differs', line, column: named.column, args: { header: truncate(named.header), year: named.years.join('/'), years: [...years].sort().join(', ') } }];
}

/**
 * A title that names another area or period than the rows' own columns (`Melleruds kommun` above
 * rows of 1460, `jan-aug 2025` above rows of 2025-06): the columns are read, and the title said, as
 * one of the two is wrong and a reader of the file would believe the title.
 */
export function titleAgainstRows(aside: { area?: string; period?: string; title: string } | undefined, table: BudgetTable, line: number): FindingInput[] {
  if (aside === undefined || table.length === 0) return [];
  const out: FindingInput[] = [];
  const title = truncate(aside.title);
  const areas = table.areas.map((a) => a.code);
  if (aside.area !== undefined && !areas.includes(aside.area)) out.push({ code: 'title-area-differs', line, args: { code: aside.area, title, areas: firstNamed(areas, 6) } });
  const period = aside.period;
  if (period !== undefined && !table.months.some((m) => (period.length === 4 ? m.startsWith(period) : m === period))) {
    out.push({ code: 'title-period-differs', line, args: { period, title, periods: firstNamed([...table.months].sort(), 6) } });
  }
  return out;
}
