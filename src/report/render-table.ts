import type { BudgetRow, QualityRow, Report } from '../model/report.js';
import { formatAmount, formatDiff, formatNumber, formatPct, formatPeriod, formatValue, sparkline } from './format.js';
import type { ValueUnit } from '../model/vocabulary.js';
import { alphaText, areaName, attributionLines, budgetHeading, budgetLabel, budgetPeriodNote, indicatorName, indicatorUnit, latestQuality, olderPeriod, outdatedQuality, referenceHeading, reportAreas, resultRuns, signNote, statusWhy, type RenderOptions } from './view.js';
import { wordCut } from './titles.js';
import { words } from './words.js';
import { TextTable } from './text-table.js';
import { fitTable, type Cell, type TableColumn } from './fit-table.js';
import { widestLine, wrapWords } from './wrap.js';
import { historyView, milestoneView, qualitySparkline } from './history.js';
import { peerRows, peerWords } from './peer-view.js';
import { wholeReport, type ReportFormat, type TableLayout } from './report-format.js';
import { bullet, historyColumns, peerColumns } from './fit-sections.js';
import { besideView } from './beside-view.js';
import { deviationText } from './deviation-text.js';

export type { TableLayout };

export type TableRenderOptions = RenderOptions & { table?: TableLayout };

/** A table and the notes under it: the columns it left out, when laid out to a width. */
function drawTable(columns: readonly TableColumn[], opts: TableRenderOptions): string {
  const layout = opts.table;
  if (layout === undefined) {
    const t = new TextTable(columns.map((c) => c.head));
    const painted = (cell: Cell) => (typeof cell === 'string' ? cell : cell.paint(cell.text));
    const rows = columns[0]?.cells.length ?? 0;
    for (let r = 0; r < rows; r++) t.push(columns.map((c) => painted(c.cells[r]!)));
    return t.toString();
  }
  const fitted = fitTable(columns, layout.width);
  if (fitted.dropped.length === 0) return fitted.text;
  return `${fitted.text}\n${prose(words(opts.lang).droppedColumns(fitted.dropped.join(', ')), opts.paint.dim, opts)}`;
}

/** A line of prose in one colour, wrapped to the layout's width (each line painted on its own). */
function prose(text: string, paint: (s: string) => string, opts: TableRenderOptions): string {
  const width = opts.table?.width;
  if (width === undefined || widestLine(text) <= width) return paint(text);
  // One argument each: chalk joins any further ones (the index, the array) into the text.
  return wrapWords(text, width).map((line) => paint(line)).join('\n');
}

function statusCell(status: 'green' | 'yellow' | 'red' | null, opts: RenderOptions): string {
  if (status === null) return '';
  const w = words(opts.lang).status[status];
  return opts.paint[status === 'green' ? 'green' : status === 'yellow' ? 'yellow' : 'red'](w);
}

/** The value and its interval; a row older than the report year (its latest available) starts with its year. */
function valueCell(q: QualityRow, report: Report, opts: RenderOptions): string {
  const older = olderPeriod(report, q);
  const value = valueText(q, report, opts);
  return older === null || value === '' ? value : `${opts.paint.dim(`${older}:`)} ${value}`;
}

function valueText(q: QualityRow, report: Report, opts: RenderOptions): string {
  const w = words(opts.lang);
  if (q.suppressed) return opts.paint.dim(`– ${w.suppressed}`);
  if (q.incomplete) return opts.paint.dim(`– ${w.incomplete}`);
  if (q.value === null) return '';
  const ci = q.low !== null && q.high !== null ? ` (${formatNumber(q.low, 1, opts.lang)}–${formatNumber(q.high, 1, opts.lang)})` : '';
  return `${formatValue(q.value, indicatorUnit(report, q.indicator), opts.lang)}${ci}`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** `12` as `¹²`: a footnote mark. */
function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');
}

function diffCell(c: { differencePp: number; significant: boolean } | null, unit: ValueUnit, opts: RenderOptions): string {
  if (c === null) return '';
  return `${formatDiff(c.differencePp, unit, opts.lang)}${c.significant ? '*' : ''}`;
}

/**
 * Rows by gender whose total is in the table: folded under it when laid out to a width without
 * `genders` (a row by gender without its total, as with `--gender K`, stays).
 */
function foldedGenders(rows: readonly QualityRow[], opts: TableRenderOptions): Set<QualityRow> {
  if (opts.table === undefined || opts.table.genders) return new Set();
  const key = (q: QualityRow) => `${q.indicator}\u0000${q.service}`;
  const totals = new Set(rows.filter((q) => q.gender === 'T').map(key));
  return new Set(rows.filter((q) => q.gender !== 'T' && totals.has(key(q))));
}

/**
 * Quality rows. Laid out to a width, the columns left out first to last: series, change, n, the
 * difference from the nation; indicator, service, value with interval, trend and status stay.
 */
function qualityTable(report: Report, area: string, opts: TableRenderOptions): string | undefined {
  const all = latestQuality(report, area);
  const missing = outdatedQuality(report, area);
  if (all.length === 0 && missing.length === 0) return undefined;
  const w = words(opts.lang);
  const folded = foldedGenders(all, opts);
  // Each series' latest row within the window, then the series listed as missing (older than it).
  const rows = [...all.filter((q) => !folded.has(q)), ...missing];
  const gone = new Set(missing);
  // Wide, a title ends at a word by 48 characters; laid out to a width it wraps instead.
  const title = (q: QualityRow) => indicatorName(report, q.indicator, opts.lang, opts.table ? Infinity : 48);
  // A status short of green says why in a footnote, one per distinct reason: `! gul¹` … `¹ under nämndens mål på 90 %`.
  const reference = referenceHeading(report, rows.filter((q) => !gone.has(q)), opts.lang);
  const reasons = new Map<string, number>();
  const marked = (q: QualityRow) => {
    const why = q.status === 'green' ? null : statusWhy(report, q, opts.lang);
    if (why === null) return statusCell(q.status, opts);
    const n = reasons.get(why) ?? reasons.set(why, reasons.size + 1).get(why)!;
    return `${q.status === null ? opts.paint.dim(w.notAssessed) : statusCell(q.status, opts)}${superscript(n)}`;
  };
  const column = (head: string, cell: (q: QualityRow) => string, more: Partial<TableColumn> = {}): TableColumn => ({ head, cells: rows.map((q) => (gone.has(q) ? '' : cell(q))), ...more });
  // The legend and the value's head speak of tests and intervals only where the table shows some.
  const shown = rows.filter((q) => !gone.has(q));
  const interval = shown.some((q) => q.low !== null && q.high !== null);
  const tested = shown.some((q) => [q.change, q.reference].some((c) => c !== null && c.p !== null));
  const table = drawTable([
    { head: w.indicator, cells: rows.map((q) => `${title(q)}${q.gender === 'T' ? '' : ` – ${q.gender === 'K' ? w.women : w.men}`}`), wrap: true },
    { head: w.service, cells: rows.map((q) => q.service), wrap: true },
    { head: interval ? `${report.period.survey} ${w.latest.replace(/^\S+ /, '')}` : `${report.period.survey}`, cells: rows.map((q) => (gone.has(q) ? opts.paint.dim(`– ${w.missing(q.period)}`) : valueCell(q, report, opts))) },
    column(w.n, (q) => (q.n === null ? '' : formatNumber(q.n, 0, opts.lang)), { drop: 3 }),
    column(w.change, (q) => (q.change ? `${diffCell(q.change, indicatorUnit(report, q.indicator), opts)} ${opts.paint.dim(`(${q.change.from})`)}` : ''), { drop: 2 }),
    column(w.trend, (q) => (q.trend ? w.verdict[q.trend.verdict] : ''), { wrap: true }),
    column(reference.head, (q) => diffCell(q.reference, indicatorUnit(report, q.indicator), opts), { drop: 4 }),
    column(w.statusHeader, marked),
    { head: w.series, cells: rows.map((q) => qualitySparkline(report, q, !gone.has(q))), drop: 1 },
  ], opts);
  const legend = w.significantNote(tested ? alphaText(report, opts.lang) : null, interval);
  const notes = [...(legend ? [prose(legend, opts.paint.dim, opts)] : []), ...[...reasons].map(([why, n]) => prose(`${superscript(n)} ${why}`, opts.paint.dim, opts))];
  if (reference.note !== null) notes.push(prose(reference.note, opts.paint.dim, opts));
  if (report.period.survey !== null && all.some((q) => olderPeriod(report, q) !== null)) notes.push(prose(w.olderNote(report.period.survey, report.settings.window), opts.paint.dim, opts));
  if (folded.size > 0) notes.push(prose(w.foldedGenders(folded.size, [...folded].filter((q) => q.status === 'yellow' || q.status === 'red').length), opts.paint.dim, opts));
  return [prose(w.quality, opts.paint.bold, opts), table, ...notes].join('\n');
}

/** The area's figures against its peer groups (config `peers`, Kolada groups), when it has any. */
function peerTable(report: Report, area: string, opts: TableRenderOptions): string | undefined {
  if (opts.table !== undefined) {
    const columns = peerColumns(report, area, opts.lang);
    return columns.length === 0 ? undefined : `${prose(peerWords(opts.lang).heading, opts.paint.bold, opts)}\n${drawTable(columns, opts)}`;
  }
  const rows = peerRows(report, area, opts.lang);
  if (rows.length === 0) return undefined;
  const t = new TextTable([...peerWords(opts.lang).head]);
  for (const r of rows) t.push(r.map((c, i) => (i === 1 ? wordCut(c, 48) : c)));
  return `${opts.paint.bold(peerWords(opts.lang).heading)}\n${t.toString()}`;
}

/**
 * Budget lines. Laid out to a width, the columns left out first to last: series, spent against the
 * benchmark, actual to date, budget to date; activity, deviation, deviation %, forecast against
 * budget (unless no line has a forecast) and status stay.
 */
function budgetTable(report: Report, rows: readonly BudgetRow[], opts: TableRenderOptions): string | undefined {
  if (rows.length === 0) return undefined;
  const w = words(opts.lang);
  const amount = (v: number | null, signed = false) => (v === null ? '' : formatAmount(v, opts.unit, opts.lang, signed));
  const column = (head: string, cell: (b: BudgetRow) => Cell, more: Partial<TableColumn> = {}): TableColumn => ({ head, cells: rows.map(cell), ...more });
  const table = drawTable([
    column(w.activity, (b) => {
      const name = `${budgetLabel(report, b, opts.lang)}${budgetPeriodNote(b, rows, opts.lang)}`;
      return b.total ? { text: name, paint: opts.paint.bold } : name;
    }, { wrap: true }),
    column(w.budgetYtd, (b) => amount(b.budgetYtd), { drop: 4 }),
    column(w.actualYtd, (b) => amount(b.actualYtd), { drop: 3 }),
    column(w.deviation, (b) => amount(b.deviation, true)),
    column(w.deviationPct, (b) => (b.deviationPct === null ? '' : deviationText(b.deviationPct, report.settings.budgetThresholds, opts.lang, b.status ?? undefined))),
    column(w.pace, (b) => (b.pacePct === null ? '' : `${formatPct(b.pacePct, opts.lang)} (${formatPct(b.elapsedPct, opts.lang)})`), { drop: 2 }),
    // Laid out to a width, a forecast column no line has a figure for is left out (inputs without
    // forecasts): kept, it took the room of a column with figures. `--wide` draws every column.
    ...(opts.table !== undefined && rows.every((b) => b.forecastDeviation === null) ? [] : [
      column(w.forecastDeviation, (b) => (b.forecastDeviation === null ? '' : `${amount(b.forecastDeviation, true)}${b.forecastOptimistic ? ` ⚠ ${w.optimistic}` : ''}`), { wrap: true }),
    ]),
    column(w.statusHeader, (b) => statusCell(b.status, opts)),
    column(w.series, (b) => sparkline(monthByMonth(b.series, (s) => (s.actualYtd !== null && s.budgetYtd ? s.actualYtd / s.budgetYtd : null))), { drop: 1 }),
  ], opts);
  return `${prose(`${w.budget} (${budgetHeading(report, rows, opts.lang)})`, opts.paint.bold, opts)}\n${table}`;
}

/**
 * A budget line's series as one value per month from its first month to its last: a month with no
 * row is null, drawn as a gap (`·`), so the sparkline never joins the months either side of it.
 */
function monthByMonth(series: BudgetRow['series'], value: (s: BudgetRow['series'][number]) => number | null): (number | null)[] {
  const at = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  if (series.length === 0) return [];
  const first = at(series[0]!.period);
  const out: (number | null)[] = new Array(at(series.at(-1)!.period) - first + 1).fill(null);
  for (const s of series) out[at(s.period) - first] = value(s);
  return out;
}

/**
 * Shared costs by member. Laid out to a width, the columns left out first to last: per inhabitant,
 * actual to date, annual budget; member, share, forecast and the gap against usage stay.
 */
function allocationTable(report: Report, opts: TableRenderOptions): string | undefined {
  const a = report.allocation;
  if (!a) return undefined;
  const w = words(opts.lang);
  const amount = (v: number | null, signed = false) => (v === null ? '' : formatAmount(v, opts.unit, opts.lang, signed));
  const members = a.members;
  const column = (head: string, cell: (m: (typeof members)[number]) => string, more: Partial<TableColumn> = {}): TableColumn => ({ head, cells: members.map(cell), ...more });
  const table = drawTable([
    column(w.member, (m) => areaName(report, m.area), { wrap: true }),
    column(w.share, (m) => formatPct(m.sharePct, opts.lang)),
    column(w.budgetYear, (m) => amount(m.budgetYear), { drop: 3 }),
    column(w.actualYtd, (m) => amount(m.actualYtd), { drop: 2 }),
    column(w.forecast, (m) => amount(m.forecast)),
    column(w.perInhabitant, (m) => (m.actualPerInhabitant === null ? '' : formatNumber(m.actualPerInhabitant, 0, opts.lang)), { drop: 1 }),
    column(w.fairGap, (m) => (m.fairShareGap === null ? '' : `${amount(m.fairShareGap, true)} (${m.usageMeasure}${a.usageYear ? ` ${a.usageYear}` : ''})`), { wrap: true }),
  ], opts);
  const key = `${w.allocationKey[a.method]}${a.method === 'usage' && a.usageYear ? ` ${a.usageYear}` : ''}`;
  const month = a.period === report.period.budget ? '' : `, ${formatPeriod(a.period, opts.lang)}`;
  return `${prose(`${w.allocation} (${key}${a.populationYear ? `, ${w.population} ${a.populationYear}` : ''}${month})`, opts.paint.bold, opts)}\n${table}`;
}

/** Quality beside cost: the area's headline indicators beside the lines that pay for them (`beside-view.ts`). */
function besideTable(report: Report, area: string, opts: TableRenderOptions): string | undefined {
  const v = besideView(report, area, opts.lang);
  // With no row left, the section is its notes alone (the services left out, and why).
  return v === null ? undefined : [prose(v.heading, opts.paint.bold, opts), ...(v.columns.length > 0 ? [drawTable(v.columns, opts)] : []), ...v.notes.map((n) => prose(n, opts.paint.dim, opts))].join('\n');
}

/** The years of balance: the sentences, a row per line, and the headline line's years. */
function historyTable(report: Report, area: string, opts: TableRenderOptions): string | undefined {
  const h = historyView(report, area, opts.lang, opts.unit);
  if (h === null) return undefined;
  if (opts.table !== undefined) {
    const fitted = historyColumns(h, opts.paint.bold);
    return [prose(h.heading, opts.paint.bold, opts), ...h.sentences.map((s) => prose(s, (t) => t, opts)), drawTable(fitted.lines, opts), drawTable(fitted.years, opts)].join('\n');
  }
  const text = (t: { head: string[]; rows: { text: string; strong?: boolean }[][] }) => {
    const out = new TextTable(t.head);
    for (const r of t.rows) out.push(r.map((c) => (c.strong ? opts.paint.bold(c.text) : c.text)));
    return out.toString();
  };
  return [opts.paint.bold(h.heading), ...h.sentences, text(h.lines), text(h.years)].join('\n');
}

function milestoneLines(report: Report, area: string, opts: TableRenderOptions): string | undefined {
  const m = milestoneView(report, area, opts.lang);
  if (m === null) return undefined;
  const width = opts.table?.width;
  if (width !== undefined) return [prose(m.heading, opts.paint.bold, opts), ...m.body.flatMap((l) => bullet(l, width))].join('\n');
  return [opts.paint.bold(m.heading), ...m.body.map((l) => `- ${l}`)].join('\n');
}

/** The terminal report: a section per municipality, then the organisation. */
export function renderTable(report: Report, opts: TableRenderOptions): string {
  const w = words(opts.lang);
  const out: string[] = [];
  const survey = report.period.survey;
  const budget = report.period.budget;
  const plain = (s: string) => s;
  out.push(prose(`${report.organisation.name} — ${[survey && `${w.qualityFor} ${survey}`, budget && `${w.budgetAfter} ${formatPeriod(budget, opts.lang)}`].filter(Boolean).join(' · ')}`, opts.paint.bold, opts));
  for (const area of reportAreas(report)) {
    const result = resultLine(report, area.code, opts);
    const parts = [
      qualityTable(report, area.code, opts),
      peerTable(report, area.code, opts),
      budgetTable(report, report.budget.filter((b) => b.area === area.code), opts),
      result === undefined ? undefined : prose(result, plain, opts),
      besideTable(report, area.code, opts),
      area.kind === 'organisation' ? allocationTable(report, opts) : undefined,
      historyTable(report, area.code, opts),
      milestoneLines(report, area.code, opts),
    ].filter((p): p is string => p !== undefined);
    if (parts.length === 0) continue;
    const title = area.kind === 'organisation' ? area.name : `${area.code} ${area.name}`;
    out.push('', prose(`━━ ${title} ━━`, opts.paint.bold, opts), ...parts.flatMap((p) => [p, '']));
    out.pop();
  }
  // How deviations are signed, only where the report has a budget line to sign.
  const tail = [...(report.budget.length > 0 ? [signNote(report, opts.lang)] : []), ...attributionLines(report, opts.lang)];
  if (tail.length > 0) out.push('', ...tail.map((t) => prose(t, opts.paint.dim, opts)));
  return `${out.join('\n')}\n`;
}

/** `Resultat: +12,3 mnkr = 2,1 % av skatteintäkter och statsbidrag (mål 2 %) ✓ grön` per area with revenue lines. */
function resultLine(report: Report, area: string, opts: RenderOptions): string | undefined {
  return resultRuns(report, area, opts.lang)?.map((r) => (r.strong ? opts.paint.bold(r.text) : r.status ? opts.paint[r.status](r.text) : r.text)).join('');
}

/** The terminal's tables: a section per area. */
export const tableFormat: ReportFormat<'table'> = { name: 'table', ext: 'txt', streams: false, charts: 'none', render: wholeReport(renderTable) };
