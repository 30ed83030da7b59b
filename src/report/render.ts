import type { FailOnMatch, Report } from '../model/report.js';
import { slug } from '../model/text.js';
import type { BriefCharts } from './charts/index.js';
import { formatPeriod } from './format.js';
import { failOnText } from './fail-on.js';
import { FORMATS, renderArea } from './formats.js';
import { keyMessages } from './messages.js';
import { escapeMd } from './render-md.js';
import type { Format, ReportRenderOptions } from './report-format.js';
import { reportAreas, type RenderOptions } from './view.js';
import { words } from './words.js';

/** Briefs' chart files for `--out DIR` in Markdown, named as the briefs link them (`charts/NAME`, here `NAME`). */
export function chartFiles(charts: BriefCharts): { name: string; content: string }[] {
  return [...charts.values()].flat().map((c) => ({ name: c.file.replace(/^charts\//, ''), content: c.svg }));
}

/**
 * One file per area for `--out DIR`: `1460-bengtsfors.md` for municipalities, the organisation's
 * code and name for the organisation. Names come from codes and slugs only, never raw data.
 */
export function reportFiles(report: Report, format: Format, opts: ReportRenderOptions): { name: string; content: string }[] {
  return reportAreas(report).map((a) => ({ name: `${slug(a.code)}-${slug(a.name)}.${FORMATS[format].ext}`, content: renderArea(report, a.code, format, opts) }));
}

/** A short Markdown summary for CI step summaries: key messages per area and any --fail-on matches. */
export function renderSummary(report: Report, matches: readonly FailOnMatch[], opts: RenderOptions): string {
  const out = [`### ${escapeMd(report.organisation.name)}: ${[report.period.survey, report.period.budget && formatPeriod(report.period.budget, opts.lang)].filter(Boolean).join(' · ')}`, ''];
  for (const a of reportAreas(report)) {
    const messages = keyMessages(report, a.code, opts);
    if (messages.length === 0) continue;
    out.push(`**${escapeMd(a.name)}**`, '', ...messages.map((m) => `- ${escapeMd(m)}`), '');
  }
  if (matches.length > 0) {
    out.push(`**${words(opts.lang).rulesMatched} (--fail-on)**`, '');
    for (const m of matches) out.push(`- ${escapeMd(failOnText(m, opts.lang))}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
