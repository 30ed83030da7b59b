import { ByteColumn, type ByteRowReader, type TextOf } from './byte-cells.js';
import type { Place } from './cell-lookups.js';
import type { RowEnv } from './row-fields.js';

/** What the byte path reads budget rows with (`BudgetRows`). */
export interface BudgetTaker {
  date(period: string | undefined): { written: string; read: string } | undefined;
  used(period: string): void;
  take(place: Place, period: string, activityText: string, amounts: readonly (number | null)[], line: number): number;
  /** The `k`th amount column's cell (each column may name its own unit). */
  amountOfBytes(bytes: Uint8Array, start: number, end: number, textOf: TextOf, k: number): number | null | undefined;
  wantsText(added: number, period: string): boolean;
  keepText(added: number, text: string): void;
}

/**
 * `BudgetRows.quick` over a row's bytes: area, period and activity cells worked out once per
 * distinct text (see `ByteColumn`), amounts read from the bytes (`plainNumberBytes`, any other cell
 * decoded and read as the text path reads it), the row then added by `BudgetRows.take`. A row
 * whose first cell could repeat the header, a cell the quick path would refuse, a row with no
 * amount or a key read before goes to the text path.
 */
export function budgetBytes(rows: BudgetTaker, env: RowEnv, defaults: { area: string; period: string; amounts: readonly (number | undefined)[] }, textOf: TextOf): ByteRowReader {
  const { lookups, shape, plan, table } = env;
  const roles = plan.roles;
  const column = <T>(at: number | undefined, fixed: string, make: (text: string) => T, keep: 'all' | 'last' = 'all') => new ByteColumn(at, fixed, make, textOf, keep);
  const first = column(0, '', (text) => shape.mayRepeatHeader(text), 'last');
  const area = column(roles.municipality, defaults.area, (text): Place | undefined => lookups.place(text));
  const period = column(roles.period, defaults.period, (text) => rows.date(lookups.period(text)));
  const service = column(roles.service, '', (text) => text);
  const indicator = column(roles.indicator, '', (text) => text);
  const columns = defaults.amounts;
  const amounts: (number | null)[] = columns.map(() => null);
  const last = 2 * table.headers.length - 1;
  return (bytes, b, line) => {
    if (first.get(bytes, b)) return false;
    const place = area.get(bytes, b);
    const p = period.get(bytes, b);
    const activity = service.get(bytes, b) || indicator.get(bytes, b);
    if (place === undefined || p === undefined || activity === '') return false;
    let given = false;
    for (let k = 0; k < columns.length; k++) {
      const at = columns[k];
      const v = at === undefined ? null : rows.amountOfBytes(bytes, b[2 * at]!, b[2 * at + 1]!, textOf, k);
      if (v === undefined) return false;
      amounts[k] = v;
      given ||= v !== null;
    }
    // No amount: a heading or a padded footnote, which the text path tells apart and reports.
    if (!given) return false;
    const added = rows.take(place, p.read, activity, amounts, line);
    if (added < 0) return false;
    rows.used(p.written);
    // The row's own text, as `--rejects` would show it, only for rows the grain may reject.
    if (rows.wantsText(added, p.read)) rows.keepText(added, textOf(bytes.subarray(b[0]!, b[last]!)));
    return true;
  };
}
