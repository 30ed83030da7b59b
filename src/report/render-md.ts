import type { Report } from '../model/report.js';
import { formatAmount, formatDiff, formatNumber, formatPct, formatPeriod, formatValue, sparkline } from './format.js';
import { keyMessages } from './messages.js';
import { resultLine, signNote } from './render-table.js';
import { alphaText, areaName, budgetLabel, indicatorTitle, indicatorUnit, latestQuality, seriesValues, type RenderOptions } from './view.js';
import { words } from './words.js';
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

function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The brief for one area (a municipality or the organisation), in plain language. */
export function renderBrief(report: Report, area: string, opts: RenderOptions): string {
  const { lang } = opts;
  const w = words(lang);
  const name = areaName(report, area);
  const isOrg = report.areas.find((a) => a.code === area)?.kind === 'organisation';
  const out: string[] = [];
  const when = [report.period.survey && `${w.qualityFor} ${report.period.survey}`, report.period.budget && `${w.budgetAfter} ${formatPeriod(report.period.budget, lang)}`].filter(Boolean).join(', ');
  out.push(`# ${escapeMd(isOrg ? name : `${name} (${area})`)} – ${lang === 'sv' ? 'uppföljning' : 'follow-up'}: ${when}`, '');
  if (report.generatedAt) out.push(`_${lang === 'sv' ? 'Skapad' : 'Generated'} ${report.generatedAt}_`, '');
  const messages = keyMessages(report, area, opts);
  if (messages.length > 0) {
    out.push(`## ${lang === 'sv' ? 'Det viktigaste' : 'Key messages'}`, '', ...messages.map((m) => `- ${escapeMd(m)}`), '');
  }
  const quality = latestQuality(report, area).filter((q) => q.gender === 'T');
  if (quality.length > 0) {
    out.push(`## ${w.quality}`, '');
    out.push(mdTable(
      [w.indicator, w.service, `${report.period.survey}`, lang === 'sv' ? 'Osäkerhet (95 %)' : 'Uncertainty (95%)', w.change, w.trend, w.reference, w.series],
      quality.map((q) => [
        escapeMd(indicatorTitle(report, q.indicator, lang)),
        escapeMd(q.service),
        q.value === null ? (q.suppressed === 'secondary' ? w.suppressedSecondary : w.suppressedBelow(report.settings.minRespondents)) : formatValue(q.value, indicatorUnit(report, q.indicator), lang, 0),
        q.low !== null && q.high !== null ? `${formatNumber(q.low, 0, lang)}–${formatNumber(q.high, 0, lang)}` : '',
        q.change ? `${formatDiff(q.change.differencePp, indicatorUnit(report, q.indicator), lang, 0)}${q.change.significant ? '\\*' : ''}` : '',
        q.trend ? w.verdict[q.trend.verdict] : '',
        q.reference ? `${formatDiff(q.reference.differencePp, indicatorUnit(report, q.indicator), lang, 0)}${q.reference.significant ? '\\*' : ''}` : '',
        sparkline(seriesValues(report, q)),
      ]),
    ), '');
  }
  const budget = report.budget.filter((b) => b.area === area);
  if (budget.length > 0) {
    const amount = (v: number | null, signed = false) => (v === null ? '' : formatAmount(v, 'mnkr', lang, signed));
    out.push(`## ${w.budget} (${formatPeriod(budget[0]!.period, lang)})`, '');
    out.push(mdTable(
      [w.activity, w.budgetYtd, w.actualYtd, w.deviationPct, w.forecastDeviation, w.statusHeader],
      budget.map((b) => [
        b.total ? `**${escapeMd(budgetLabel(report, b, lang))}**` : escapeMd(budgetLabel(report, b, lang)), amount(b.budgetYtd), amount(b.actualYtd),
        b.deviationPct === null ? '' : `${b.deviationPct > 0 ? '+' : ''}${formatPct(b.deviationPct, lang)}`,
        amount(b.forecastDeviation, true), b.status ? w.status[b.status] : '',
      ]),
    ), '');
  }
  const result = resultLine(report, area, { ...opts, paint: { ...opts.paint, bold: (t) => `**${t}**` } });
  if (result) out.push(result, '');
  if (isOrg && report.allocation) {
    const a = report.allocation;
    out.push(`## ${w.allocation}`, '');
    out.push(mdTable(
      [w.member, w.share, w.actualYtd, w.perInhabitant],
      a.members.map((m) => [escapeMd(areaName(report, m.area)), formatPct(m.weight * 100, lang), m.actualYtd === null ? '' : formatAmount(m.actualYtd, 'mnkr', lang), m.actualPerInhabitant === null ? '' : formatNumber(m.actualPerInhabitant, 0, lang)]),
    ), '');
  }
  out.push(`## ${lang === 'sv' ? 'Om siffrorna' : 'About the figures'}`, '');
  out.push(...methodNote(report, lang).map((l) => `- ${escapeMd(l)}`), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The short method note every brief ends with. */
export function methodNote(report: Report, lang: 'sv' | 'en'): string[] {
  const min = report.settings.minRespondents;
  const alpha = alphaText(report, lang);
  const sources = [...new Set(report.inputs.map((i) => i.file))].join(', ');
  return lang === 'sv'
    ? [
        `Andel positiva svar räknas utan "Vet ej/Ingen åsikt". Resultat med färre än ${min} svarande visas inte, och inte heller resultat som annars skulle gå att räkna fram ur andra.`,
        `Osäkerheten är ett 95 % konfidensintervall (Wilson). En förändring kallas förändring bara när den är statistiskt säkerställd (p < ${alpha}); en trend kräver minst fem år (Mann–Kendall).`,
        signNote(report, lang),
        `Källor: ${sources}.`,
        ...report.attribution,
      ]
    : [
        `Share of positive answers excludes "Don't know". Results with fewer than ${min} respondents are not shown, nor results that could otherwise be worked out from others.`,
        `Uncertainty is a 95% confidence interval (Wilson). A change is only called a change when statistically significant (p < ${alpha}); a trend needs at least five years (Mann–Kendall).`,
        signNote(report, lang),
        `Sources: ${sources}.`,
        ...report.attribution,
      ];
}
