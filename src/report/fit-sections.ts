import type { Report } from '../model/report.js';
import type { Lang } from './format.js';
import type { TableColumn } from './fit-table.js';
import type { HistoryView } from './history.js';
import { peerWords, peerCells } from './peer-view.js';
import { layUnits, units } from './wrap.js';
import { both, inLang } from './phrasebook.js';

/**
 * The heads of the columns the width layout makes by splitting a wide cell in two (the group's
 * value and its basis, the rank and its quartile), both languages side by side.
 */
export const FIT_WORDS = {
  groupValue: both('Gruppens värde', "Group's value"),
  basis: both('Underlag', 'Basis'),
  quartile: both('Fjärdedel', 'Quartile'),
};

/**
 * The peer table laid out to a width. The group's value and where it comes from, and the rank and
 * its quartile, are columns of their own here, so the part that matters stays when room is short.
 * Left out first to last: quartile, the area's own value (the quality table above has it), basis
 * (Kolada's value or a mean of members); group, indicator, the group's value, difference and rank
 * stay. The quartile column is there only when some row has a quartile.
 */
export function peerColumns(report: Report, area: string, lang: Lang): TableColumn[] {
  const rows = peerCells(report, area, lang);
  if (rows.length === 0) return [];
  const [group, indicator, value, , difference, rank] = peerWords(lang).head;
  const w = inLang(FIT_WORDS, lang);
  const columns: TableColumn[] = [
    { head: group, cells: rows.map((r) => r.group), wrap: true },
    { head: indicator, cells: rows.map((r) => r.indicator), wrap: true },
    { head: value, cells: rows.map((r) => r.value), drop: 2 },
    { head: w.groupValue, cells: rows.map((r) => r.groupValue) },
    { head: w.basis, cells: rows.map((r) => r.basis), wrap: true, drop: 3 },
    { head: difference, cells: rows.map((r) => r.difference) },
    { head: rank, cells: rows.map((r) => r.rank) },
  ];
  if (rows.some((r) => r.quartile !== '')) columns.push({ head: w.quartile, cells: rows.map((r) => r.quartile), wrap: true, drop: 1 });
  return columns;
}

/** Which columns of the history's tables wrap, and the order they are left out in (1 first). */
interface Fit {
  wrap?: boolean;
  drop?: number;
}

/**
 * The lines of balance: activity, mean deviation of the years before, this year and the trend stay;
 * left out first to last: series, lowest – highest, the years covered, years over budget.
 */
const LINES: readonly Fit[] = [{ wrap: true }, { wrap: true, drop: 3 }, {}, { wrap: true, drop: 2 }, { drop: 4 }, {}, { wrap: true }, { drop: 1 }];

/**
 * The headline line's years: five narrow columns, all kept; the budget column wraps, since a year
 * without figures says why there (`ofullständigt år: …`).
 */
const YEARS: readonly Fit[] = [{}, { wrap: true }, {}, {}, {}];

/** A history table of the view as columns to lay out, its strong cells (totals) painted. */
function columnsOf(table: HistoryView['lines'], fits: readonly Fit[], strong: (s: string) => string): TableColumn[] {
  return table.head.map((head, i) => ({
    head,
    cells: table.rows.map((row) => {
      const cell = row[i]!;
      return cell.strong ? { text: cell.text, paint: strong } : cell.text;
    }),
    ...fits[i],
  }));
}

/** The years of balance laid out to a width: the lines, then the headline line's years. */
export function historyColumns(view: HistoryView, strong: (s: string) => string): { lines: TableColumn[]; years: TableColumn[] } {
  return { lines: columnsOf(view.lines, LINES, strong), years: columnsOf(view.years, YEARS, strong) };
}

/**
 * A list item wrapped to `width`: `- ` before the first line and two spaces before the others, so
 * that a long sentence reads as one item.
 * @example bullet('Gemensam nämnd bildas (2021): helhetssyn i snitt 80 %', 30)
 * // ['- Gemensam nämnd bildas', '  (2021): helhetssyn i snitt', '  80 %']
 */
export function bullet(text: string, width: number): string[] {
  return layUnits(units(text), Math.max(1, width - 2)).map((line, i) => `${i === 0 ? '-' : ' '} ${line}`);
}
