import type { Report } from '../model/report.js';
import { buildBrief, type Brief, type Cell, type Table } from './brief.js';
import type { Chart } from './charts/index.js';
import { formatPeriod } from './format.js';
import { wholeReport, type ReportFormat, type ReportRenderOptions } from './report-format.js';
import { reportAreas } from './view.js';
import { inlineSvg } from './charts/svg.js';
import { chartLegend } from './charts/words.js';

/**
 * Escapes text for HTML element content and quoted attributes.
 * @example escapeHtml('<b a="1">&') // '&lt;b a=&quot;1&quot;&gt;&amp;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * On screen a readable column; in print one A4 page per brief (`break-after: page`), with type
 * and charts sized so a brief of eight indicator charts and a budget chart fits. System fonts
 * only: nothing is fetched.
 */
const STYLE = `
@page { size: A4; margin: 12mm; }
html { font-family: Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans Condensed', sans-serif; font-size: 10pt; line-height: 1.3; color: #222; background: white; }
body { margin: 0 auto; max-width: 186mm; padding: 8mm 4mm; }
section.brief { break-after: page; page-break-after: always; }
section.brief:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 14pt; margin: 0 0 1mm; }
h2 { font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; }
p, ul { margin: 0 0 1.5mm; }
.as-of { font-weight: 600; }
ul { padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5mm; }
th, td { text-align: left; padding: 0.3mm 1.5mm; border-bottom: 0.5pt solid #ccc; vertical-align: top; }
th { font-weight: 600; border-bottom-color: #888; }
td.series { font-family: monospace; letter-spacing: -0.05em; white-space: nowrap; }
.generated, .legend, .method { color: #444; font-size: 8.5pt; }
.charts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1mm 3mm; margin: 1mm 0; }
.budget-row { display: grid; grid-template-columns: minmax(0, 1fr); gap: 3mm; align-items: start; }
.budget-row .budget-chart { max-width: 62mm; }
.budget-row td:not(:first-child) { white-space: nowrap; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; }
@media print {
  /* One A4 page a brief with any of the fonts above (DejaVu Sans, the widest common fallback, needs 7.5). */
  html { font-size: 7.5pt; }
  body { max-width: none; padding: 0; }
  h1 { font-size: 12pt; }
  h2 { font-size: 9.5pt; margin: 1.5mm 0 0.8mm; }
  /* The budget table's nine columns beside its chart, and eight indicator charts in two rows. */
  table { font-size: 7pt; }
  th, td { padding: 0.2mm 1.2mm; }
  .budget-row { grid-template-columns: minmax(0, 1fr) 50mm; }
  .charts { grid-template-columns: repeat(5, 1fr); }
  .generated, .legend, .method { font-size: 7pt; }
  /* A cell on one line: a wrapped indicator or status doubles its row's height. The budget table
     beside its chart has less width and keeps wrapping. */
  td { white-space: nowrap; }
  .budget-row td { white-space: normal; }
}
`;

function htmlCell(c: Cell, tag: 'td' | 'th', cls?: string): string {
  const text = escapeHtml(c.text);
  const body = `${c.strong && text ? `<strong>${text}</strong>` : text}${c.significant ? '*' : ''}`;
  return `<${tag}${cls ? ` class="${cls}"` : ''}>${body}</${tag}>`;
}

/** A table; a column headed `seriesHead` (sparklines) gets a monospace class. */
function htmlTable({ head, rows }: Table, seriesColumn = -1): string {
  const headRow = `<tr>${head.map((h) => htmlCell({ text: h }, 'th')).join('')}</tr>`;
  const bodyRows = rows.map((r) => `<tr>${r.map((c, i) => htmlCell(c, 'td', i === seriesColumn ? 'series' : undefined)).join('')}</tr>`);
  return `<table>\n<thead>${headRow}</thead>\n<tbody>\n${bodyRows.join('\n')}\n</tbody>\n</table>`;
}

function htmlCharts(charts: readonly Chart[], cls: string): string {
  return `<div class="${cls}">\n${charts.map((c) => `<figure>${inlineSvg(c.svg)}</figure>`).join('\n')}\n</div>`;
}

/** One brief as an HTML section, its charts inline. */
export function renderBriefSection(brief: Brief, charts: readonly Chart[]): string {
  const out = [`<section class="brief" id="area-${escapeHtml(brief.area)}">`, `<h1>${escapeHtml(brief.title)}</h1>`];
  if (brief.asOf) out.push(`<p class="as-of">${escapeHtml(brief.asOf)}</p>`);
  if (brief.generated) out.push(`<p class="generated">${escapeHtml(brief.generated)}</p>`);
  if (brief.messages) out.push(`<h2>${escapeHtml(brief.messages.heading)}</h2>`, `<ul>\n${brief.messages.body.map((m) => `<li>${escapeHtml(m)}</li>`).join('\n')}\n</ul>`);
  const quality = charts.filter((c) => c.kind === 'quality');
  const budget = charts.filter((c) => c.kind === 'budget');
  if (brief.quality) {
    out.push(`<h2>${escapeHtml(brief.quality.heading)}</h2>`, htmlTable(brief.quality.body, brief.quality.body.head.length - 1));
    if (brief.quality.note) out.push(`<p class="legend">${escapeHtml(brief.quality.note)}</p>`);
    if (quality.length > 0) out.push(htmlCharts(quality, 'charts'), `<p class="legend">${escapeHtml(chartLegend(quality, brief.lang))}</p>`);
  }
  if (brief.peers) out.push(`<h2>${escapeHtml(brief.peers.heading)}</h2>`, htmlTable(brief.peers.body));
  if (brief.budget) {
    out.push(`<h2>${escapeHtml(brief.budget.heading)}</h2>`);
    if (budget.length > 0) out.push(`<div class="budget-row">\n${htmlTable(brief.budget.body)}\n${htmlCharts(budget, 'budget-chart')}\n</div>`);
    else out.push(htmlTable(brief.budget.body));
    if (brief.budget.note) out.push(`<p class="legend">${escapeHtml(brief.budget.note)}</p>`);
  }
  if (brief.result) out.push(`<p>${brief.result.map((c) => (c.strong ? `<strong>${escapeHtml(c.text)}</strong>` : escapeHtml(c.text))).join('')}</p>`);
  if (brief.beside) out.push(`<h2>${escapeHtml(brief.beside.heading)}</h2>`, ...(brief.beside.body.head.length > 0 ? [htmlTable(brief.beside.body)] : []), `<p class="legend">${brief.beside.notes.map(escapeHtml).join(' ')}</p>`);
  if (brief.allocation) out.push(`<h2>${escapeHtml(brief.allocation.heading)}</h2>`, htmlTable(brief.allocation.body), ...(brief.allocation.note ? [`<p class="legend">${escapeHtml(brief.allocation.note)}</p>`] : []));
  if (brief.history) out.push(`<h2>${escapeHtml(brief.history.heading)}</h2>`, ...brief.history.body.sentences.map((t) => `<p>${escapeHtml(t)}</p>`), htmlTable(brief.history.body.lines), htmlTable(brief.history.body.years));
  if (brief.milestones) out.push(`<h2>${escapeHtml(brief.milestones.heading)}</h2>`, `<ul>\n${brief.milestones.body.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>`);
  out.push(`<h2>${escapeHtml(brief.method.heading)}</h2>`, `<ul class="method">\n${brief.method.body.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>`);
  out.push('</section>');
  return out.join('\n');
}

/**
 * A self-contained HTML document of one or more briefs: styles inline, charts as inline SVG, no
 * script, font, image or link to fetch; printed, each brief starts on a new A4 page.
 */
export function renderHtmlDocument(title: string, briefs: readonly { brief: Brief; charts: readonly Chart[] }[]): string {
  const lang = briefs[0]?.brief.lang ?? 'sv';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...briefs.map((b) => renderBriefSection(b.brief, b.charts)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Briefs as one HTML document, a section each, with their charts when rendered. */
function renderHtml(report: Report, areas: readonly string[], opts: ReportRenderOptions): string {
  const briefs = areas.map((area) => ({ brief: buildBrief(report, area, opts), charts: opts.charts?.get(area) ?? [] }));
  const title = areas.length === 1 ? briefs[0]!.brief.title : `${report.organisation.name}: ${[report.period.survey, report.period.budget && formatPeriod(report.period.budget, opts.lang)].filter(Boolean).join(' · ')}`;
  return renderHtmlDocument(title, briefs);
}

/** The briefs as one self-contained HTML document, charts inline; an area's file holds its brief alone. */
export const htmlFormat: ReportFormat<'html'> = {
  name: 'html',
  ext: 'html',
  streams: false,
  charts: 'inline',
  render: wholeReport((report, opts) => renderHtml(report, reportAreas(report).map((a) => a.code), opts)),
  renderArea: (report, area, opts) => renderHtml(report, [area], opts),
};
