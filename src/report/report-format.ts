import type { QualityRow, Report } from '../model/report.js';
import type { BriefCharts } from './charts/index.js';
import type { RenderOptions } from './view.js';
import type { CsvDialect } from '../model/vocabulary.js';

/**
 * The names of the report formats, in the order `--help` lists them. Kept apart from the renderers
 * so the command line can list them without loading any; `FORMATS` (formats.ts) must have exactly
 * these, which the compiler holds it to.
 */
export const FORMAT_NAMES = ['table', 'json', 'csv', 'md', 'html'] as const;
export type Format = (typeof FORMAT_NAMES)[number];

export type { CsvDialect };

/**
 * The table laid out to a width (`--width`, the terminal's): the columns that matter kept, the
 * others left out in their order (see each table) with a note, titles wrapped at spaces, prose
 * wrapped to the width, rows by gender folded under their total unless `genders`. Without it the
 * report keeps the wide layout (`--wide`): every column and row, nothing wrapped.
 */
export interface TableLayout {
  width: number;
  genders: boolean;
}

/**
 * `charts`: the briefs' rendered charts (md files in a directory link them, html inlines them);
 * `table`: the width the table is laid out to (absent: the wide layout).
 */
export type ReportRenderOptions = RenderOptions & { csvDialect: CsvDialect; charts?: BriefCharts; table?: TableLayout };

/** One output format: its name, its file extension and its renderer. */
export interface ReportFormat<N extends Format = Format> {
  readonly name: N;
  /** The extension of an area's file when `--out` names a directory. */
  readonly ext: string;
  /** Written row by row as analysis makes the rows (a national report is never held whole). */
  readonly streams: boolean;
  /** Charts in its briefs: inline (always), as files beside the briefs (when written to a directory), or none. */
  readonly charts: 'inline' | 'files' | 'none';
  /**
   * The whole report as text pieces. `quality`, when given, stands for the report's quality rows:
   * a streaming format takes them as they come, the others hold them all.
   */
  render(report: Report, opts: ReportRenderOptions, quality?: Iterable<QualityRow>): Iterable<string>;
  /** One area's file for `--out DIR`; without it, the whole rendering of the report narrowed to the area. */
  renderArea?(report: Report, area: string, opts: ReportRenderOptions): string;
}

/** The `render` of a format that looks across rows: one piece, from every quality row at once. */
export function wholeReport(render: (report: Report, opts: ReportRenderOptions) => string): ReportFormat['render'] {
  return function* (report, opts, quality = report.quality) {
    yield render(quality === report.quality ? report : { ...report, quality: [...quality] }, opts);
  };
}
