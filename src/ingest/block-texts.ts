import { breaksIn, joinCells, lineStarts, type Delimiter, type Row } from './table.js';

/**
 * The texts of the blocks whose rows are being read (the early blocks until the table is set
 * up, then the current one): a rejected row's original text is cut from them, quotes and all.
 * Nothing is done per row until a row is rejected.
 */
export class BlockTexts {
  private sources: { first: number; text: string; starts?: number[] }[] = [];

  add(first: number, text: string): void {
    this.sources.push({ first, text });
  }

  /** Keeps only this block's text. */
  only(first: number, text: string): void {
    this.sources = [{ first, text }];
  }

  rawText(row: Row, delimiter: Delimiter): string {
    let src: { first: number; text: string; starts?: number[] } | undefined;
    for (const s of this.sources) if (s.first <= row.line) src = s;
    const joined = joinCells(row.cells, delimiter);
    if (src === undefined) return joined;
    const starts = (src.starts ??= lineStarts(src.text));
    const at = row.line - src.first;
    // A record spans one line more than the line breaks inside its cells.
    let span = 1;
    for (const cell of row.cells) span += breaksIn(cell);
    if (at >= starts.length) return joined;
    const end = at + span < starts.length ? starts[at + span]! : src.text.length;
    return src.text.slice(starts[at]!, end).replace(/(\r\n|\n|\r)$/, '');
  }
}
