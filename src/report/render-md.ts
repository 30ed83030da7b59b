import type { Report } from '../model/report.js';
import { buildBrief, type Brief, type Cell, type Table } from './brief.js';
import type { Chart } from './charts/index.js';
import { chartLegend } from './charts/words.js';
import { reportAreas, type RenderOptions } from './view.js';
import { wholeReport, type ReportFormat } from './report-format.js';
import { visible } from '../model/text.js';

/**
 * Escapes text for a GitHub-flavoured Markdown table cell or line: no pipe, newline, HTML tag,
 * code span, emphasis or math (`$…$`) can come through from data, and no bare URL, `www.` or
 * @mention becomes a link or a notification (a zero-width space, as an entity, breaks them).
 * @example escapeMd('a|b <script>') // 'a\\|b &lt;script&gt;'
 */
export function escapeMd(text: string): string {
  return visible(text.replace(/[\r\n]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~$])/g, '\\$1')
    .replace(/@/g, '@&#8203;')
    .replace(/:\/\//g, ':/&#8203;/')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#8203;.`)
    .trim();
}

function mdCell(c: Cell): string {
  const text = escapeMd(c.text);
  return `${c.strong && text ? `**${text}**` : text}${c.significant ? '\\*' : ''}`;
}

function mdTable({ head, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map((r) => line(r.map(mdCell)))].join('\n');
}

/** Images linked by relative path (`charts/….svg`), one a line in one paragraph; alt text as in the SVG's title. */
function mdCharts(charts: readonly Chart[]): string {
  return charts.map((c) => `![${escapeMd(c.alt)}](${c.file})`).join('\n');
}

/** The years of balance and the milestones, as Markdown lines (none when the brief has neither). */
function mdHistory(brief: Brief): string[] {
  const out: string[] = [];
  const h = brief.history;
  if (h) out.push(`## ${h.heading}`, '', ...h.body.sentences.map((s) => `${escapeMd(s)}`).flatMap((s) => [s, '']), mdTable(h.body.lines), '', mdTable(h.body.years), '');
  if (brief.milestones) out.push(`## ${brief.milestones.heading}`, '', ...brief.milestones.body.map((l) => `- ${escapeMd(l)}`), '');
  return out;
}

/** A brief as Markdown; `charts`, when given, are linked after the tables they illustrate. */
export function renderBriefMd(brief: Brief, charts: readonly Chart[] = []): string {
  const out: string[] = [`# ${escapeMd(brief.title)}`, ''];
  if (brief.asOf) out.push(escapeMd(brief.asOf), '');
  if (brief.generated) out.push(`_${escapeMd(brief.generated)}_`, '');
  if (brief.messages) out.push(`## ${brief.messages.heading}`, '', ...brief.messages.body.map((m) => `- ${escapeMd(m)}`), '');
  const quality = charts.filter((c) => c.kind === 'quality');
  const budget = charts.filter((c) => c.kind === 'budget');
  if (brief.quality) {
    out.push(`## ${brief.quality.heading}`, '', mdTable(brief.quality.body), '');
    if (brief.quality.note) out.push(`_${escapeMd(brief.quality.note)}_`, '');
    if (quality.length > 0) out.push(mdCharts(quality), '', `_${escapeMd(chartLegend(quality, brief.lang))}_`, '');
  }
  if (brief.peers) out.push(`## ${brief.peers.heading}`, '', mdTable(brief.peers.body), '');
  if (brief.budget) {
    out.push(`## ${brief.budget.heading}`, '', mdTable(brief.budget.body), '');
    if (brief.budget.note) out.push(`_${escapeMd(brief.budget.note)}_`, '');
    if (budget.length > 0) out.push(mdCharts(budget), '');
  }
  if (brief.result) out.push(brief.result.map((c) => c.text.replace(/^(\s*)([\s\S]*?)(\s*)$/, (_, lead: string, text: string, trail: string) => `${lead}${mdCell({ ...c, text })}${trail}`)).join(''), '');
  if (brief.beside) out.push(`## ${brief.beside.heading}`, '', ...(brief.beside.body.head.length > 0 ? [mdTable(brief.beside.body), ''] : []), ...brief.beside.notes.flatMap((n) => [`_${escapeMd(n)}_`, '']));
  if (brief.allocation) out.push(`## ${brief.allocation.heading}`, '', mdTable(brief.allocation.body), '', ...(brief.allocation.note ? [`_${escapeMd(brief.allocation.note)}_`, ''] : []));
  out.push(...mdHistory(brief));
  out.push(`## ${brief.method.heading}`, '', ...brief.method.body.map((l) => `- ${escapeMd(l)}`), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The brief for one area (a municipality or the organisation) as Markdown. */
export function renderBrief(report: Report, area: string, opts: RenderOptions, charts: readonly Chart[] = []): string {
  return renderBriefMd(buildBrief(report, area, opts), charts);
}

/**
 * Markdown briefs, one per area: all of them in one text, parted by rules; written to a directory,
 * a file each with its charts beside it.
 */
export const mdFormat: ReportFormat<'md'> = {
  name: 'md',
  ext: 'md',
  streams: false,
  charts: 'files',
  render: wholeReport((report, opts) => reportAreas(report).map((a) => renderBrief(report, a.code, opts)).join('\n---\n\n')),
  renderArea: (report, area, opts) => renderBrief(report, area, opts, opts.charts?.get(area)),
};
