import type { Report } from '../model/report.js';
import { csvFormat } from './render-csv.js';
import { htmlFormat } from './render-html.js';
import { jsonFormat } from './render-json.js';
import { mdFormat } from './render-md.js';
import { tableFormat } from './render-table.js';
import type { Format, ReportFormat, ReportRenderOptions } from './report-format.js';
import { scopeReport } from './view.js';

/** Every report format by name: the one list the command line, the renderers and the files follow. */
export const FORMATS: { readonly [N in Format]: ReportFormat<N> } = {
  table: tableFormat,
  json: jsonFormat,
  csv: csvFormat,
  md: mdFormat,
  html: htmlFormat,
};

/** The whole report in one string, by format name. */
export function renderReport(report: Report, format: Format, opts: ReportRenderOptions): string {
  return [...FORMATS[format].render(report, opts)].join('');
}

/** One area's file for `--out DIR`: the format's own, else the report narrowed to the area. */
export function renderArea(report: Report, area: string, format: Format, opts: ReportRenderOptions): string {
  const f: ReportFormat = FORMATS[format];
  return f.renderArea ? f.renderArea(report, area, opts) : renderReport(scopeReport(report, area), format, opts);
}
