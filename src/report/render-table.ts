import type { BudgetRow, QualityRow, Report } from '../model/report.js';
import { formatAmount, formatDiff, formatNumber, formatPct, formatPeriod, formatPp, formatValue, sparkline } from './format.js';
import type { Lang, ValueUnit } from '../model/vocabulary.js';
import { alphaText, areaName, budgetHeading, budgetLabel, budgetPeriodNote, indicatorTitle, indicatorUnit, latestQuality, reportAreas, seriesValues, type RenderOptions } from './view.js';
import { truncate } from '../model/text.js';
import { words } from './words.js';
import { TextTable } from './text-table.js';
import { PEER_WORDS, peerRows } from './peer-view.js';

function table(head: string[]): TextTable {
  return new TextTable(head);
}

function statusCell(status: 'green' | 'yellow' | 'red' | null, opts: RenderOptions): string {
  if (status === null) return '';
  const w = words(opts.lang).status[status];
  return opts.paint[status === 'green' ? 'green' : status === 'yellow' ? 'yellow' : 'red'](w);
}

function valueCell(q: QualityRow, report: Report, opts: RenderOptions): string {
  const w = words(opts.lang);
  if (q.suppressed) return opts.paint.dim(`– ${w.suppressed}`);
  if (q.incomplete) return opts.paint.dim(`– ${w.incomplete}`);
  if (q.value === null) return '';
  const ci = q.low !== null && q.high !== null ? ` (${formatNumber(q.low, 1, opts.lang)}–${formatNumber(q.high, 1, opts.lang)})` : '';
  return `${formatValue(q.value, indicatorUnit(report, q.indicator), opts.lang)}${ci}`;
}

function diffCell(c: { differencePp: number; significant: boolean } | null, unit: ValueUnit, opts: RenderOptions): string {
  if (c === null) return '';
  return `${formatDiff(c.differencePp, unit, opts.lang)}${c.significant ? '*' : ''}`;
}

function qualityTable(report: Report, area: string, opts: RenderOptions): string | undefined {
  const rows = latestQuality(report, area);
  if (rows.length === 0) return undefined;
  const w = words(opts.lang);
  const t = table([w.indicator, w.service, `${report.period.survey} ${w.latest.replace(/^\S+ /, '')}`, w.n, w.change, w.trend, w.reference, w.statusHeader, w.series]);
  for (const q of rows) {
    const who = q.gender === 'T' ? '' : ` – ${q.gender === 'K' ? w.women : w.men}`;
    const unit = indicatorUnit(report, q.indicator);
    t.push([
      `${truncate(indicatorTitle(report, q.indicator, opts.lang), 48)}${who}`,
      q.service,
      valueCell(q, report, opts),
      q.n === null ? '' : formatNumber(q.n, 0, opts.lang),
      q.change ? `${diffCell(q.change, unit, opts)} ${opts.paint.dim(`(${q.change.from})`)}` : '',
      q.trend ? w.verdict[q.trend.verdict] : '',
      diffCell(q.reference, unit, opts),
      statusCell(q.status, opts),
      sparkline(seriesValues(report, q)),
    ]);
  }
  return `${opts.paint.bold(w.quality)}\n${t.toString()}\n${opts.paint.dim(w.significantNote(alphaText(report, opts.lang)))}`;
}

/** The area's figures against its peer groups (config `peers`, Kolada groups), when it has any. */
function peerTable(report: Report, area: string, opts: RenderOptions): string | undefined {
  const rows = peerRows(report, area, opts.lang);
  if (rows.length === 0) return undefined;
  const t = table([...PEER_WORDS[opts.lang].head]);
  for (const r of rows) t.push(r.map((c, i) => (i === 1 ? truncate(c, 48) : c)));
  return `${opts.paint.bold(PEER_WORDS[opts.lang].heading)}\n${t.toString()}`;
}

function budgetTable(report: Report, rows: readonly BudgetRow[], opts: RenderOptions): string | undefined {
  if (rows.length === 0) return undefined;
  const w = words(opts.lang);
  const t = table([w.activity, w.budgetYtd, w.actualYtd, w.deviation, w.deviationPct, w.pace, w.forecastDeviation, w.statusHeader, w.series]);
  const amount = (v: number | null, signed = false) => (v === null ? '' : formatAmount(v, opts.unit, opts.lang, signed));
  for (const b of rows) {
    const name = `${budgetLabel(report, b, opts.lang)}${budgetPeriodNote(b, rows, opts.lang)}`;
    const label = b.total ? opts.paint.bold(name) : name;
    const pace = b.pacePct === null ? '' : `${formatPct(b.pacePct, opts.lang)} (${formatPct(b.elapsedPct, opts.lang)})`;
    const fc = b.forecastDeviation === null ? '' : `${amount(b.forecastDeviation, true)}${b.forecastOptimistic ? ` ⚠ ${w.optimistic}` : ''}`;
    t.push([
      label, amount(b.budgetYtd), amount(b.actualYtd), amount(b.deviation, true),
      b.deviationPct === null ? '' : formatPp(b.deviationPct, opts.lang).replace(/ p[ep]$/, opts.lang === 'sv' ? ' %' : '%'),
      pace, fc, statusCell(b.status, opts),
      sparkline(b.series.map((s) => (s.actualYtd !== null && s.budgetYtd ? s.actualYtd / s.budgetYtd : null))),
    ]);
  }
  return `${opts.paint.bold(`${w.budget} (${budgetHeading(report, rows, opts.lang)})`)}\n${t.toString()}`;
}

function allocationTable(report: Report, opts: RenderOptions): string | undefined {
  const a = report.allocation;
  if (!a) return undefined;
  const w = words(opts.lang);
  const t = table([w.member, w.share, w.budgetYear, w.actualYtd, w.forecast, w.perInhabitant, w.fairGap]);
  const amount = (v: number | null, signed = false) => (v === null ? '' : formatAmount(v, opts.unit, opts.lang, signed));
  for (const m of a.members) {
    t.push([
      areaName(report, m.area), formatPct(m.weight * 100, opts.lang), amount(m.budgetYear), amount(m.actualYtd), amount(m.forecast),
      m.actualPerInhabitant === null ? '' : formatNumber(m.actualPerInhabitant, 0, opts.lang),
      m.fairShareGap === null ? '' : `${amount(m.fairShareGap, true)} (${m.usageMeasure})`,
    ]);
  }
  const key = opts.lang === 'sv'
    ? { population: 'efter befolkning', fixed: 'fasta andelar', mixed: 'blandad nyckel', usage: 'efter nyttjande' }[a.method]
    : { population: 'by population', fixed: 'fixed shares', mixed: 'mixed key', usage: 'by usage' }[a.method];
  return `${opts.paint.bold(`${w.allocation} (${key}${a.populationYear ? `, ${opts.lang === 'sv' ? 'befolkning' : 'population'} ${a.populationYear}` : ''})`)}\n${t.toString()}`;
}

/** The terminal report: a section per municipality, then the organisation. */
export function renderTable(report: Report, opts: RenderOptions): string {
  const w = words(opts.lang);
  const out: string[] = [];
  const survey = report.period.survey;
  const budget = report.period.budget;
  out.push(opts.paint.bold(`${report.organisation.name} — ${[survey && `${w.qualityFor} ${survey}`, budget && `${w.budgetAfter} ${formatPeriod(budget, opts.lang)}`].filter(Boolean).join(' · ')}`));
  for (const area of reportAreas(report)) {
    const parts = [
      qualityTable(report, area.code, opts),
      peerTable(report, area.code, opts),
      budgetTable(report, report.budget.filter((b) => b.area === area.code), opts),
      resultLine(report, area.code, opts),
      area.kind === 'organisation' ? allocationTable(report, opts) : undefined,
    ].filter((p): p is string => p !== undefined);
    if (parts.length === 0) continue;
    const title = area.kind === 'organisation' ? area.name : `${area.code} ${area.name}`;
    out.push('', opts.paint.bold(`━━ ${title} ━━`), ...parts.flatMap((p) => [p, '']));
    out.pop();
  }
  out.push('', opts.paint.dim(signNote(report, opts.lang)));
  for (const a of report.attribution) out.push(opts.paint.dim(a));
  return `${out.join('\n')}\n`;
}

/** `Resultat: +12,3 mnkr = 2,1 % av skatteintäkter och statsbidrag (mål 2 %) ✓ grön` per area with revenue lines. */
export function resultLine(report: Report, area: string, opts: RenderOptions): string | undefined {
  const r = report.results.find((x) => x.area === area);
  if (!r) return undefined;
  const sv = opts.lang === 'sv';
  const part = (result: number | null, pct: number | null, label: string) =>
    result === null ? undefined : `${label} ${formatAmount(result, 'mnkr', opts.lang, true)}${pct === null ? '' : ` = ${formatPct(pct, opts.lang)}`}`;
  const parts = [part(r.resultYtd, r.resultYtdPct, sv ? 'hittills' : 'to date'), part(r.resultForecast, r.resultForecastPct, sv ? 'prognos helår' : 'full-year forecast')].filter(Boolean);
  const of = sv ? `av skatteintäkter och generella statsbidrag (mål ${formatPct(r.target, opts.lang, 0)})` : `of tax revenue and general grants (target ${formatPct(r.target, opts.lang, 0)})`;
  return `${opts.paint.bold(sv ? 'Resultat' : 'Result')}: ${parts.join('; ')} ${of} ${statusCell(r.status, opts)}`;
}

/** One sentence on how budget figures are signed, and how each source wrote them. */
export function signNote(report: Report, lang: Lang): string {
  const files = report.inputs.filter((i) => i.sign !== null);
  const list = files.map((i) => `${i.file}: ${i.sign === 'costs-negative' ? (lang === 'sv' ? 'kostnader negativa' : 'costs negative') : lang === 'sv' ? 'kostnader positiva' : 'costs positive'}`).join('; ');
  return lang === 'sv'
    ? `Avvikelse = budget − utfall: positiv är bättre än budget, oavsett källans teckenkonvention${list ? ` (${list})` : ''}.`
    : `Deviation = budget − actual: positive is better than budget, whatever the source's sign convention${list ? ` (${list})` : ''}.`;
}
