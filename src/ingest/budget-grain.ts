import type { BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import type { RejectedRow, RowCounts } from '../model/input.js';

/** Rows whose text is kept whatever their grain: a file whose first rows are the odd ones out. */
const KEEP_FIRST = 100;

/**
 * Whether a budget file's rows are dated by month (`2025-03`) or by year (`2025`), row by row,
 * and the text of each row that may turn out to be dated otherwise than the file (to write it to
 * `--rejects`). The file's grain is known only at its end: the one more rows have.
 */
export class BudgetGrain {
  private first: boolean | undefined;
  private readonly texts = new Map<number, string>();

  /** Notes table row `index`, dated by year when `year`; true when its text is to be kept (`keep`). */
  note(index: number, year: boolean): boolean {
    this.first ??= year;
    return year !== this.first || index < KEEP_FIRST;
  }

  /** Keeps the text of table row `index` (see `note`). */
  keep(index: number, text: string): void {
    this.texts.set(index, text);
  }

  /**
   * Rejects the rows dated otherwise than most of the file (an error each, at the period column;
   * on a tie the year-dated ones), drops them from the table, and renames a year-dated file's
   * years `YYYY-12`: its figures are those after December. `remap` is told each kept row's old
   * and new index. Returns how many rows were rejected.
   */
  settle(table: BudgetTable, periodColumn: number | undefined, out: { findings: FindingInput[]; counts: RowCounts; rejects: RejectedRow[] }, remap: (from: number, to: number) => void): number {
    const yearly = table.months.map((m) => m.length === 4);
    const perMonth = new Int32Array(yearly.length);
    for (let i = 0; i < table.length; i++) perMonth[table.month[i]!]!++;
    let years = 0;
    let months = 0;
    perMonth.forEach((n, id) => (yearly[id] ? (years += n) : (months += n)));
    const dropYears = years > 0 && months > 0 && years <= months;
    const dropMonths = years > 0 && months > 0 && !dropYears;
    let rejected = 0;
    if (dropYears || dropMonths) {
      const fileGrain = dropYears ? 'month' : 'year';
      for (let i = 0; i < table.length; i++) {
        if (yearly[table.month[i]!] !== dropYears) continue;
        const line = table.line[i]!;
        const period = table.months[table.month[i]!]!;
        out.findings.push({
          code: 'period-grain', line, ...(periodColumn !== undefined ? { column: periodColumn + 1 } : {}), received: period,
          args: { grain: dropYears ? 'year' : 'month', fileGrain, rows: dropYears ? months : years },
        });
        out.counts.used--;
        out.counts.rejected++;
        out.rejects.push({ line, reason: 'period-grain', text: this.texts.get(i) ?? '' });
        rejected++;
      }
      let to = 0;
      table.retain((i) => {
        if (yearly[table.month[i]!] === dropYears) return false;
        remap(i, to++);
        return true;
      });
    }
    this.texts.clear();
    if (!dropMonths && months > 0) return rejected;
    yearly.forEach((isYear, id) => {
      if (isYear) table.renameMonth(id, `${table.months[id]}-12`);
    });
    return rejected;
  }
}
