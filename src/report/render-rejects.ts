import type { ParsedInput } from '../model/input.js';
import { visibleLabel } from '../model/text.js';
import { neutralise } from './render-csv.js';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * Every rejected row as RFC 4180 CSV: `file,line,reason,text`, the text as it stood in the input
 * (a file name or text that would start a spreadsheet formula gets a leading apostrophe). One
 * piece per line: two million rejected rows are more text than one string may hold.
 */
export function renderRejects(inputs: readonly ParsedInput[]): { lines: string[]; count: number } {
  const lines = ['file,line,reason,text\r\n'];
  let count = 0;
  for (const input of inputs) {
    for (const r of input.rejects) {
      // The row as it stood: a quoted cell's line breaks kept (CSV quotes them), other control characters made visible.
      lines.push(`${[neutralise(input.file), String(r.line), r.reason, neutralise(visibleLabel(r.text))].map(quote).join(',')}\r\n`);
      count++;
    }
  }
  return { lines, count };
}
