import type { QualityRow, Report } from '../model/report.js';
import type { CsvDialect } from '../model/vocabulary.js';
import { numberText } from './number-text.js';
import type { ReportFormat } from './report-format.js';
import { MORE_COLUMNS, allocationRecords, historyRecords, moreCells, peerRecords, type CsvCell } from './csv-sections.js';

export type { CsvDialect };

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for spreadsheets: a leading `=`, `+`, `-`, `@`, tab or CR would start a
 * formula in Excel or LibreOffice, so such cells get a leading apostrophe (OWASP CSV injection).
 * @example neutralise('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

type Cell = CsvCell;

/**
 * The report as one CSV table, its `section` saying what a row is: a row per area × indicator ×
 * service × gender × period (quality), per area × activity (budget), per member's part of the
 * shared costs (allocation), per balance-history line and year (history, history_year) and per peer
 * comparison (peer), with every measure. Numbers with `.` (RFC 4180) or `,`
 * (excel-sv, which also uses `;` and a BOM so Swedish Excel opens it as intended).
 */
export function renderCsv(report: Report, dialect: CsvDialect): string {
  return [...renderCsvChunks(report, dialect)].join('');
}

/**
 * `renderCsv` as text pieces, a line each, so a national report streams out; `quality`, when
 * given, stands for the model's quality rows (as in `renderJsonChunks`).
 */
export function* renderCsvChunks(report: Report, dialect: CsvDialect, quality: Iterable<QualityRow> = report.quality): Generator<string> {
  const delimiter = dialect === 'excel-sv' ? ';' : ',';
  const head = [
    'section', 'area', 'area_name', 'area_kind', 'indicator', 'service', 'gender', 'period', 'value', 'n', 'ci_low', 'ci_high',
    'suppressed', 'incomplete', 'change_from', 'change_pp', 'change_p', 'change_significant', 'trend_verdict', 'trend_points', 'theil_sen_slope',
    'mann_kendall_s', 'mann_kendall_p', 'ols_slope', 'ols_slope_low', 'ols_slope_high', 'r2', 'reference_area', 'reference_diff_pp',
    'reference_p', 'reference_significant', 'organisation_diff_pp', 'rank', 'rank_of', 'quartile', 'status',
    'budget_year_kr', 'budget_ytd_kr', 'budget_ytd_method', 'actual_ytd_kr', 'deviation_kr', 'deviation_pct', 'pace_pct', 'elapsed_pct',
    'forecast_kr', 'forecast_deviation_kr', 'forecast_deviation_pct', 'projection_kr', 'forecast_optimistic', 'sources', ...MORE_COLUMNS,
  ];
  const names = new Map(report.areas.map((a) => [a.code, a.name]));
  const name = (code: string) => names.get(code) ?? code;
  const cell = (c: Cell): string => {
    if (c === null) return '';
    if (typeof c === 'number') return dialect === 'excel-sv' ? numberText(c).replace('.', ',') : numberText(c);
    if (typeof c === 'boolean') return c ? 'true' : 'false';
    return quote(neutralise(c), delimiter);
  };
  const line = (cells: readonly Cell[]) => `${cells.map(cell).join(delimiter)}\r\n`;
  yield `${dialect === 'excel-sv' ? '\uFEFF' : ''}${head.join(delimiter)}\r\n`;
  for (const q of quality) {
    const t = q.trend;
    yield line([
      'quality', q.area, name(q.area), q.areaKind, q.indicator, q.service, q.gender, q.period, q.value, q.n, q.low, q.high,
      q.suppressed, q.incomplete, q.change?.from ?? null, q.change?.differencePp ?? null, q.change?.p ?? null, q.change?.significant ?? null,
      t?.verdict ?? null, t?.points ?? null, t?.theilSenSlope ?? null, t?.mannKendallS ?? null, t?.mannKendallP ?? null,
      t?.olsSlope ?? null, t?.olsSlopeLow ?? null, t?.olsSlopeHigh ?? null, t?.r2 ?? null, q.reference?.area ?? null,
      q.reference?.differencePp ?? null, q.reference?.p ?? null, q.reference?.significant ?? null, q.organisation?.differencePp ?? null,
      q.rank?.position ?? null, q.rank?.of ?? null, q.rank?.quartile ?? null, q.status,
      ...Array<Cell>(13).fill(null), q.sources.map((s) => s.file).join(' '), ...moreCells({ trend_from: t?.from ?? null, trend_to: t?.to ?? null, status_reasons: q.statusReasons.length === 0 ? null : q.statusReasons.join(' ') }),
    ]);
  }
  for (const b of report.budget) {
    yield line([
      'budget', b.area, name(b.area), b.areaKind, b.activity, '', '', b.period, ...Array<Cell>(27).fill(null), b.status,
      b.budgetYear, b.budgetYtd, b.budgetYtdMethod, b.actualYtd, b.deviation, b.deviationPct, b.pacePct, b.elapsedPct,
      b.forecast, b.forecastDeviation, b.forecastDeviationPct, b.projection, b.forecastOptimistic, '', ...moreCells({ total: b.total }),
    ]);
  }
  for (const cells of allocationRecords(report, head)) yield line(cells);
  for (const cells of historyRecords(report, head)) yield line(cells);
  for (const cells of peerRecords(report, head)) yield line(cells);
}

/** CSV, one table of every measure: streamed row by row; an area's file holds that area's rows. */
export const csvFormat: ReportFormat<'csv'> = {
  name: 'csv',
  ext: 'csv',
  streams: true,
  charts: 'none',
  render: (report, opts, quality) => renderCsvChunks(report, opts.csvDialect, quality),
};
