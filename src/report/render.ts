import { QualityCell, type Comparison, type QualityRow, type Report } from '../model/report.js';
import { slug } from '../model/text.js';
import { buildBrief } from './brief.js';
import type { BriefCharts } from './charts/index.js';
import { formatPeriod } from './format.js';
import { keyMessages } from './messages.js';
import { renderCsv, renderCsvChunks, type CsvDialect } from './render-csv.js';
import { escapeMd, renderBrief } from './render-md.js';
import { renderHtmlDocument } from './render-html.js';
import { renderTable, type TableLayout } from './render-table.js';
import { reportAreas, scopeReport, type RenderOptions } from './view.js';
import { words } from './words.js';

export type Format = 'table' | 'json' | 'csv' | 'md' | 'html';
/**
 * `charts`: the briefs' rendered charts (md files in a directory link them, html inlines them);
 * `table`: the width the table is laid out to (absent: the wide layout).
 */
export type ReportRenderOptions = RenderOptions & { csvDialect: CsvDialect; charts?: BriefCharts; table?: TableLayout };

const EXT: Record<Format, string> = { table: 'txt', json: 'json', csv: 'csv', md: 'md', html: 'html' };

const json = JSON.stringify;
/** A number as JSON writes it (a non-finite one as null). */
const num = (v: number | null): string => (v === null || !Number.isFinite(v) ? 'null' : String(v));

/**
 * Quality rows as JSON, the bytes `JSON.stringify` gives. A national report has 459 000 of them,
 * series by series: a `QualityCell` (fields in schema order, by construction) is written field by
 * field, its series' first five fields once per series, and its comparisons, rank and sources in
 * their schema's key order with each text's JSON looked up (there are few different ones: areas,
 * periods, files): one `JSON.stringify` call costs ~0.15 µs before it writes a byte, and a row
 * would need six (writing a 2M-answer report's rows takes ~0.25 s this way, ~0.85 s with a
 * `JSON.stringify` per row). Any other row goes to `JSON.stringify`.
 * @internal Exported for its tests; no other module uses it.
 */
export function qualityRowWriter(): (q: QualityRow) => string {
  const texts = new Map<string, string>();
  const text = (s: string): string => {
    let out = texts.get(s);
    if (out === undefined) texts.set(s, (out = json(s)));
    return out;
  };
  const orText = (s: string | null): string => (s === null ? 'null' : text(s));
  const comparison = (c: Comparison | null): string => c === null
    ? 'null'
    : `{"area":${text(c.area)},"value":${num(c.value)},"differencePp":${num(c.differencePp)},"p":${num(c.p)},"significant":${c.significant}}`;
  const change = (c: QualityRow['change']): string => c === null
    ? 'null'
    : `{"from":${text(c.from)},"fromValue":${num(c.fromValue)},"differencePp":${num(c.differencePp)},"p":${num(c.p)},"significant":${c.significant}}`;
  const rank = (r: QualityRow['rank']): string => r === null ? 'null' : `{"position":${num(r.position)},"of":${num(r.of)},"quartile":${orText(r.quartile)}}`;
  const list = <T>(items: readonly T[], write: (item: T) => string): string => {
    let out = '[';
    for (let i = 0; i < items.length; i++) out += i === 0 ? write(items[i]!) : `,${write(items[i]!)}`;
    return `${out}]`;
  };
  const source = (s: QualityRow['sources'][number]): string => `{"file":${text(s.file)}}`;
  let series: QualityRow | undefined;
  let head = '';
  return (q) => {
    if (!(q instanceof QualityCell)) return json(q);
    if (series === undefined || q.area !== series.area || q.areaKind !== series.areaKind || q.indicator !== series.indicator || q.service !== series.service || q.gender !== series.gender) {
      series = q;
      head = `{"area":${json(q.area)},"areaKind":${json(q.areaKind)},"indicator":${json(q.indicator)},"service":${json(q.service)},"gender":${json(q.gender)},"period":`;
    }
    return `${head}${text(q.period)},"value":${num(q.value)},"n":${num(q.n)},"low":${num(q.low)},"high":${num(q.high)},"suppressed":${q.suppressed},"incomplete":${q.incomplete}`
      + `,"change":${change(q.change)},"trend":${q.trend === null ? 'null' : json(q.trend)},"reference":${comparison(q.reference)},"organisation":${comparison(q.organisation)}`
      + `,"peers":${list(q.peers, comparison)},"rank":${rank(q.rank)},"status":${orText(q.status)},"sources":${list(q.sources, source)}}`;
  };
}

/**
 * The JSON contract as text pieces: the model in schema key order, top-level keys indented, and
 * every element of a row array on one line (one piece each), so a national report streams out in
 * bounded memory and diffs line by line. `quality`, when given, stands for the model's quality
 * rows: rows made as they are written (`analyseLazily`) are never all held at once.
 */
export function* renderJsonChunks(report: Report, quality: Iterable<QualityRow> = report.quality): Generator<string> {
  const entries = Object.entries(report);
  const qualityRow = qualityRowWriter();
  yield '{\n';
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k]!;
    const comma = k < entries.length - 1 ? ',' : '';
    if (key === 'quality' || Array.isArray(value)) {
      yield* jsonList(key, key === 'quality' ? quality : (value as unknown[]), key === 'quality' ? qualityRow : json, comma);
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

/** A top-level list, one element a line (`[]` when empty), looking one element ahead for the commas. */
function* jsonList<T>(key: string, items: Iterable<T>, write: (item: T) => string, comma: string): Generator<string> {
  const it = items[Symbol.iterator]();
  let item = it.next();
  if (item.done === true) {
    yield `  ${JSON.stringify(key)}: []${comma}\n`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [\n`;
  for (;;) {
    const next = it.next();
    yield `    ${write(item.value)}${next.done === true ? '' : ','}\n`;
    if (next.done === true) break;
    item = next;
  }
  yield `  ]${comma}\n`;
}

/**
 * The JSON contract in one string (small reports; large ones stream with renderJsonChunks).
 * @internal Exported for its tests; no other module uses it.
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The report as text pieces, by format: JSON and CSV stream, a line each; the others (which look
 * across rows) are one piece. `quality`, when given, stands for the model's quality rows (JSON and
 * CSV take them as they come; the others hold them all).
 */
export function* renderReportChunks(report: Report, format: Format, opts: ReportRenderOptions, quality: Iterable<QualityRow> = report.quality): Generator<string> {
  if (format === 'json') yield* renderJsonChunks(report, quality);
  else if (format === 'csv') yield* renderCsvChunks(report, opts.csvDialect, quality);
  else yield renderReport(quality === report.quality ? report : { ...report, quality: [...quality] }, format, opts);
}

/** The whole report in one string, by format name. */
export function renderReport(report: Report, format: Format, opts: ReportRenderOptions): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report, opts.csvDialect);
    case 'table':
      return renderTable(report, opts);
    case 'md':
      return reportAreas(report).map((a) => renderBrief(report, a.code, opts)).join('\n---\n\n');
    case 'html':
      return renderHtml(report, reportAreas(report).map((a) => a.code), opts);
  }
}

/** Briefs as one HTML document, a section each, with their charts when rendered. */
function renderHtml(report: Report, areas: readonly string[], opts: ReportRenderOptions): string {
  const briefs = areas.map((area) => ({ brief: buildBrief(report, area, opts), charts: opts.charts?.get(area) ?? [] }));
  const title = areas.length === 1 ? briefs[0]!.brief.title : `${report.organisation.name}: ${[report.period.survey, report.period.budget && formatPeriod(report.period.budget, opts.lang)].filter(Boolean).join(' · ')}`;
  return renderHtmlDocument(title, briefs);
}

/** Briefs' chart files for `--out DIR` in Markdown, named as the briefs link them (`charts/NAME`, here `NAME`). */
export function chartFiles(charts: BriefCharts): { name: string; content: string }[] {
  return [...charts.values()].flat().map((c) => ({ name: c.file.replace(/^charts\//, ''), content: c.svg }));
}

/**
 * One file per area for `--out DIR`: `1460-bengtsfors.md` for municipalities, the organisation's
 * code and name for the organisation. Names come from codes and slugs only, never raw data.
 */
export function reportFiles(report: Report, format: Format, opts: ReportRenderOptions): { name: string; content: string }[] {
  return reportAreas(report).map((a) => {
    const name = `${slug(a.code)}-${slug(a.name)}.${EXT[format]}`;
    const content = format === 'md'
      ? renderBrief(report, a.code, opts, opts.charts?.get(a.code))
      : format === 'html' ? renderHtml(report, [a.code], opts) : renderReport(scopeReport(report, a.code), format, opts);
    return { name, content };
  });
}

/** A short Markdown summary for CI step summaries: key messages per area and any --fail-on matches. */
export function renderSummary(report: Report, matches: readonly string[], opts: RenderOptions): string {
  const out = [`### ${escapeMd(report.organisation.name)}: ${[report.period.survey, report.period.budget && formatPeriod(report.period.budget, opts.lang)].filter(Boolean).join(' · ')}`, ''];
  for (const a of reportAreas(report)) {
    const messages = keyMessages(report, a.code, opts);
    if (messages.length === 0) continue;
    out.push(`**${escapeMd(a.name)}**`, '', ...messages.map((m) => `- ${escapeMd(m)}`), '');
  }
  if (matches.length > 0) {
    out.push(`**${words(opts.lang).rulesMatched} (--fail-on)**`, '');
    for (const m of matches) out.push(`- ${escapeMd(m)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
