import type { ParsedInput } from '../ingest/parse-input.js';
import { neutralise } from './render-csv.js';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * Every rejected row as RFC 4180 CSV: `file,line,reason,text`, the text as it stood in the input
 * (a cell that would start a spreadsheet formula gets a leading apostrophe).
 */
export function renderRejects(inputs: readonly ParsedInput[]): { text: string; count: number } {
  const lines = ['file,line,reason,text'];
  let count = 0;
  for (const input of inputs) {
    for (const r of input.rejects) {
      lines.push([input.file, String(r.line), r.reason, neutralise(r.text)].map(quote).join(','));
      count++;
    }
  }
  return { text: `${lines.join('\r\n')}\r\n`, count };
}
