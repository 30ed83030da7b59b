import { TextTable } from './text-table.js';
import { layUnits, units, widestLine, type Unit } from './wrap.js';

/** A cell's text, and the colour its lines get once wrapped (a colour never spans a line break). */
export type Cell = string | { readonly text: string; readonly paint: (line: string) => string };

export interface TableColumn {
  readonly head: string;
  /** One cell per row. */
  readonly cells: readonly Cell[];
  /** Its cells may wrap at spaces (titles, names, verdicts); other cells stay on one line. */
  readonly wrap?: boolean;
  /** Its place in the order columns are left out of a table too wide (1 first); none: always kept. */
  readonly drop?: number;
}

export interface FittedTable {
  readonly text: string;
  /** Heads of the columns left out, in table order. */
  readonly dropped: readonly string[];
}

/**
 * A title no longer than this stays on one line before a column is left out to make room; a longer
 * one wraps first (national Kolada titles run to 80 characters and would push out everything else).
 */
const TITLE_COMFORT = 30;

const textOf = (c: Cell) => (typeof c === 'string' ? c : c.text);

/** One text of a column (its head or a cell): its widest line, its lines as given, its units when it may wrap. */
interface Text {
  natural: number;
  paragraphs: number;
  units: Unit[][] | undefined;
}

function text(value: string, wraps: boolean): Text {
  const u = wraps ? units(value) : undefined;
  return { natural: widestLine(value), paragraphs: u?.length ?? value.split('\n').length, units: u };
}

const widestUnit = (t: Text) => (t.units ?? []).reduce((m, p) => p.reduce((n, u) => Math.max(n, u.width), m), 0);

/** A column's texts, head first, its widths, and the lines each text takes at a width. */
class Column {
  readonly texts: Text[];
  /** Every text on one line. */
  readonly natural: number;
  /** Cells on one line (wrapping ones up to TITLE_COMFORT), the head wrapped: what a kept column needs. */
  readonly need: number;
  /** Cells and head wrapped at every space: the narrowest without cutting a word. */
  readonly min: number;
  private readonly memo = new Map<number, number>();

  constructor(readonly source: TableColumn) {
    const head = text(source.head, true);
    const cells = source.cells.map((c) => text(textOf(c), source.wrap === true));
    this.texts = [head, ...cells];
    const cellNatural = cells.reduce((m, t) => Math.max(m, t.natural), 0);
    const cellMin = source.wrap ? cells.reduce((m, t) => Math.max(m, widestUnit(t)), 0) : cellNatural;
    this.natural = Math.max(cellNatural, head.natural);
    this.min = Math.max(cellMin, widestUnit(head));
    this.need = Math.max(this.min, source.wrap ? Math.min(cellNatural, TITLE_COMFORT) : cellNatural);
  }

  /** Lines text `r` takes at `width`, as `layUnits` lays it. */
  lines(r: number, width: number): number {
    const t = this.texts[r]!;
    if (t.natural <= width || t.units === undefined) return t.paragraphs;
    const key = width * this.texts.length + r;
    let n = this.memo.get(key);
    if (n === undefined) this.memo.set(key, (n = lineCount(t.units, width)));
    return n;
  }

  /** The narrowest width above `from`, up to `to`, at which text `r` takes fewer lines, if any. */
  fewerLines(r: number, from: number, to: number): number | undefined {
    const now = this.lines(r, from);
    if (to <= from || this.lines(r, to) >= now) return undefined;
    let lo = from;
    let hi = to;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.lines(r, mid) < now) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** Text `r` drawn at `width`: wrapped only when it does not fit as it stands. */
  draw(r: number, width: number): string[] {
    const t = this.texts[r]!;
    const value = r === 0 ? this.source.head : textOf(this.source.cells[r - 1]!);
    return t.natural <= width || t.units === undefined ? value.split('\n') : layUnits(t.units, width);
  }
}

/** Lines that units take at a width, as `layUnits` breaks them. */
function lineCount(paragraphs: readonly (readonly Unit[])[], width: number): number {
  let lines = 0;
  for (const units of paragraphs) {
    lines++;
    let used = -1;
    for (const u of units) {
      if (used >= 0 && used + 1 + u.width > width) {
        lines++;
        used = u.width;
      } else used = used < 0 ? u.width : used + 1 + u.width;
    }
  }
  return lines;
}

/**
 * Widths for the kept columns, starting from `start`, with the room left given where it saves the
 * most per column of width, until nothing is saved: lines of the table first (the head counts as a
 * row), then lines of cells (so that heads wrapped in two columns unwrap one at a time). Only the
 * widths at which some text loses a line are tried, and only texts that wrap are counted: a
 * national table has hundreds of rows.
 */
function widen(columns: readonly Column[], start: readonly number[], room: number): number[] {
  const widths = [...start];
  const rows = columns[0]?.texts.length ?? 0;
  const lines = columns.map((col, c) => Array.from({ length: rows }, (_, r) => col.lines(r, widths[c]!)));
  const wrapping = columns.map((col, c) => rowsWrapping(col, widths[c]!, rows));
  // A line of the table outweighs all the lines of cells there are.
  const tableLine = lines.reduce((s, col) => s + col.reduce((t, n) => t + n, 0), 1);
  let extra = room;
  while (extra > 0) {
    const top = tallest(lines, rows);
    let best: { c: number; w: number; saved: number; cost: number } | undefined;
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      const from = widths[c]!;
      const to = Math.min(col.natural, from + extra);
      const candidates = new Set<number>();
      for (const r of wrapping[c]!) {
        const w = col.fewerLines(r, from, to);
        if (w !== undefined) candidates.add(w);
      }
      if (candidates.size === 0) continue;
      const others = wrapping[c]!.map((r) => (top.column[r] === c ? top.second[r]! : top.first[r]!));
      const cost = (w: number) => wrapping[c]!.reduce((s, r, i) => {
        const n = col.lines(r, w);
        return s + Math.max(others[i]!, n) * tableLine + n;
      }, 0);
      const now = cost(from);
      for (const w of candidates) {
        const saved = now - cost(w);
        const spent = w - from;
        if (saved > 0 && (best === undefined || saved * best.cost > best.saved * spent)) best = { c, w, saved, cost: spent };
      }
    }
    if (best === undefined) break;
    const { c, w } = best;
    widths[c] = w;
    lines[c] = Array.from({ length: rows }, (_, r) => columns[c]!.lines(r, w));
    wrapping[c] = rowsWrapping(columns[c]!, w, rows);
    extra -= best.cost;
  }
  return widths;
}

const rowsWrapping = (col: Column, width: number, rows: number) => Array.from({ length: rows }, (_, r) => r).filter((r) => col.lines(r, width) > col.texts[r]!.paragraphs);

/** Per row the most lines of any column, which column that is, and the most of the others. */
function tallest(lines: readonly (readonly number[])[], rows: number): { first: number[]; column: number[]; second: number[] } {
  const first = new Array<number>(rows).fill(1);
  const column = new Array<number>(rows).fill(-1);
  const second = new Array<number>(rows).fill(1);
  lines.forEach((col, c) => col.forEach((n, r) => {
    if (n > first[r]!) {
      second[r] = first[r]!;
      first[r] = n;
      column[r] = c;
    } else if (n > second[r]!) second[r] = n;
  }));
  return { first, column, second };
}

/**
 * A table laid out to `width` display columns: columns marked `drop` are left out in their order
 * while the kept ones' cells do not fit on one line (titles of up to TITLE_COMFORT columns
 * included), then wrapping cells and heads are wrapped at spaces where the room is short. A word is
 * never cut: when the columns always kept cannot fit even wrapped at every space, the table is as
 * narrow as it can be and wider than `width`.
 */
export function fitTable(source: readonly TableColumn[], width: number): FittedTable {
  const columns = source.map((c) => new Column(c));
  const kept = [...columns];
  const total = (pick: (c: Column) => number) => kept.reduce((s, c) => s + pick(c), 0) + 3 * kept.length + 1;
  for (const column of columns.filter((c) => c.source.drop !== undefined).sort((a, b) => a.source.drop! - b.source.drop!)) {
    if (total((c) => c.need) <= width) break;
    kept.splice(kept.indexOf(column), 1);
  }
  const pick = total((c) => c.need) <= width ? (c: Column) => c.need : (c: Column) => c.min;
  const widths = widen(kept, kept.map(pick), width - total(pick));
  const table = new TextTable(kept.map((c, k) => c.draw(0, widths[k]!).join('\n')));
  const rows = source[0]?.cells.length ?? 0;
  for (let r = 1; r <= rows; r++) {
    table.push(kept.map((c, k) => {
      const cell = c.source.cells[r - 1]!;
      const lines = c.draw(r, widths[k]!);
      // One argument each: chalk joins any further ones (the index, the array) into the text.
      return (typeof cell === 'string' ? lines : lines.map((line) => cell.paint(line))).join('\n');
    }));
  }
  return { text: table.toString(), dropped: columns.filter((c) => !kept.includes(c)).map((c) => c.source.head) };
}
