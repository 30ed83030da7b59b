import type { Report } from '../model/report.js';
import { formatAmount, formatDiff, formatNumber, formatPct, formatPeriod, formatValue, sparkline, type Lang } from './format.js';
import { keyMessages } from './messages.js';
import { resultLine, signNote } from './render-table.js';
import { findingNotes } from './finding-words.js';
import { alphaText, areaName, areaQuality, budgetHeading, budgetLabel, budgetPeriodNote, indicatorTitle, indicatorUnit, latestQuality, NO_PAINT, olderPeriod, outdatedQuality, seriesValues, type RenderOptions } from './view.js';
import { words } from './words.js';
import { historyView, milestoneView, milestoneMethod, qualitySparkline } from './history.js';
import { PEER_WORDS, peerRows } from './peer-view.js';
import { besideSection } from './beside-view.js';

/**
 * A brief's content as plain text, before any markup: the Markdown and the HTML brief are both
 * rendered from it, so they say the same thing. Every text is unescaped; each renderer escapes.
 */
export interface Brief {
  lang: Lang;
  area: string;
  title: string;
  generated: string | null;
  messages: Section<string[]> | null;
  quality: Section<Table> | null;
  /** The area against its peer groups (totals). */
  peers: Section<Table> | null;
  budget: Section<Table> | null;
  /** The result against its target, as runs of text, some of them strong. */
  result: Cell[] | null;
  /** Each service's headline indicator beside the budget line that pays for it, and notes on both. */
  beside: (Section<Table> & { notes: string[] }) | null;
  allocation: Section<Table> | null;
  /** Years of balance: sentences on this year against the years before, the lines, the headline line's years. */
  history: Section<{ sentences: string[]; lines: Table; years: Table }> | null;
  /** Levels before and after each milestone, a sentence per milestone. */
  milestones: Section<string[]> | null;
  method: Section<string[]>;
}

export interface Section<T> {
  heading: string;
  body: T;
}

/** A table cell: text, shown strong (a total line) or marked as statistically significant. */
export interface Cell {
  text: string;
  strong?: boolean;
  significant?: boolean;
}

export interface Table {
  head: string[];
  rows: Cell[][];
}

const cell = (text: string, more: Omit<Cell, 'text'> = {}): Cell => ({ text, ...more });

/** The brief for one area (a municipality or the organisation), in plain language. */
export function buildBrief(report: Report, area: string, opts: RenderOptions): Brief {
  const { lang } = opts;
  const sv = lang === 'sv';
  const w = words(lang);
  const name = areaName(report, area);
  const isOrg = report.areas.find((a) => a.code === area)?.kind === 'organisation';
  const when = [report.period.survey && `${w.qualityFor} ${report.period.survey}`, report.period.budget && `${w.budgetAfter} ${formatPeriod(report.period.budget, lang)}`].filter(Boolean).join(', ');
  const messages = keyMessages(report, area, opts);
  return {
    lang,
    area,
    title: `${isOrg ? name : `${name} (${area})`} – ${sv ? 'uppföljning' : 'follow-up'}: ${when}`,
    generated: report.generatedAt ? `${sv ? 'Skapad' : 'Generated'} ${report.generatedAt}` : null,
    messages: messages.length > 0 ? { heading: sv ? 'Det viktigaste' : 'Key messages', body: messages } : null,
    quality: qualitySection(report, area, lang),
    peers: peerSection(report, area, lang),
    budget: budgetSection(report, area, lang),
    result: resultCells(report, area, opts),
    beside: besideSection(report, area, lang),
    allocation: isOrg ? allocationSection(report, lang) : null,
    ...historySections(report, area, lang),
    method: { heading: sv ? 'Om siffrorna' : 'About the figures', body: [...methodNote(report, lang), ...milestoneMethod(report, lang), ...dataNotes(report, area, lang)] },
  };
}

function qualitySection(report: Report, area: string, lang: Lang): Section<Table> | null {
  const w = words(lang);
  const quality = latestQuality(report, area).filter((q) => q.gender === 'T');
  const missing = outdatedQuality(report, area).filter((q) => q.gender === 'T');
  if (quality.length === 0 && missing.length === 0) return null;
  return {
    heading: w.quality,
    body: {
      head: [w.indicator, w.service, `${report.period.survey}`, lang === 'sv' ? 'Osäkerhet (95 %)' : 'Uncertainty (95%)', w.change, w.trend, w.reference, w.series],
      rows: quality.map((q) => {
        const unit = indicatorUnit(report, q.indicator);
        return [
          cell(indicatorTitle(report, q.indicator, lang)),
          cell(q.service),
          cell(withYear(olderPeriod(report, q), q.suppressed ? w.suppressed : q.incomplete ? w.incomplete : q.value === null ? '' : formatValue(q.value, unit, lang, 0))),
          cell(q.low !== null && q.high !== null ? `${formatNumber(q.low, 0, lang)}–${formatNumber(q.high, 0, lang)}` : ''),
          q.change ? cell(formatDiff(q.change.differencePp, unit, lang, 0), { significant: q.change.significant }) : cell(''),
          cell(q.trend ? w.verdict[q.trend.verdict] : ''),
          q.reference ? cell(formatDiff(q.reference.differencePp, unit, lang, 0), { significant: q.reference.significant }) : cell(''),
          cell(qualitySparkline(report, q)),
        ];
      }).concat(missing.map((q) => [
        cell(indicatorTitle(report, q.indicator, lang)), cell(q.service), cell(w.missing(q.period)), cell(''), cell(''), cell(''), cell(''), cell(sparkline(seriesValues(report, q))),
      ])),
    },
  };
}

function peerSection(report: Report, area: string, lang: Lang): Section<Table> | null {
  const rows = peerRows(report, area, lang);
  return rows.length === 0 ? null : { heading: PEER_WORDS[lang].heading, body: { head: [...PEER_WORDS[lang].head], rows: rows.map((r) => r.map((t) => cell(t))) } };
}

/** A value of a row older than the report year starts with its year: "2024: 81 %". */
function withYear(older: string | null, text: string): string {
  return older === null || text === '' ? text : `${older}: ${text}`;
}

function budgetSection(report: Report, area: string, lang: Lang): Section<Table> | null {
  const w = words(lang);
  const budget = report.budget.filter((b) => b.area === area);
  if (budget.length === 0) return null;
  const amount = (v: number | null, signed = false) => (v === null ? '' : formatAmount(v, 'mnkr', lang, signed));
  // After December the year is closed: the year's budget and outcome, and no forecast column.
  const closed = budget.every((b) => b.period.endsWith('-12'));
  const keep = <T>(cells: T[]) => (closed ? cells.filter((_, i) => i !== 4) : cells);
  return {
    heading: `${w.budget} (${budgetHeading(report, budget, lang)})`,
    body: {
      head: keep([w.activity, closed ? w.budgetYear : w.budgetYtd, closed ? (lang === 'sv' ? 'Utfall helår' : 'Outcome for the year') : w.actualYtd, w.deviationPct, w.forecastDeviation, w.statusHeader]),
      rows: budget.map((b) => keep([
        cell(budgetLabel(report, b, lang) + budgetPeriodNote(b, budget, lang), { strong: b.total }),
        cell(amount(b.budgetYtd)),
        cell(amount(b.actualYtd)),
        cell(b.deviationPct === null ? '' : `${b.deviationPct > 0 ? '+' : ''}${formatPct(b.deviationPct, lang)}`),
        cell(amount(b.forecastDeviation, true)),
        cell(b.status ? w.status[b.status] : ''),
      ])),
    },
  };
}

const STRONG_START = '\u0001';
const STRONG_END = '\u0002';

/** The result line as runs: what the table's paint would make bold comes out strong. */
function resultCells(report: Report, area: string, opts: RenderOptions): Cell[] | null {
  const line = resultLine(report, area, { ...opts, paint: { ...NO_PAINT, bold: (t) => `${STRONG_START}${t}${STRONG_END}` } });
  if (!line) return null;
  return line.split(STRONG_START).flatMap((part, i) => {
    if (i === 0) return part ? [cell(part)] : [];
    const [strong = '', rest = ''] = part.split(STRONG_END);
    return [cell(strong, { strong: true }), ...(rest ? [cell(rest)] : [])];
  });
}

function allocationSection(report: Report, lang: Lang): Section<Table> | null {
  const w = words(lang);
  const a = report.allocation;
  if (!a) return null;
  return {
    heading: w.allocation,
    body: {
      head: [w.member, w.share, w.actualYtd, w.perInhabitant],
      rows: a.members.map((m) => [
        cell(areaName(report, m.area)),
        cell(formatPct(m.sharePct, lang)),
        cell(m.actualYtd === null ? '' : formatAmount(m.actualYtd, 'mnkr', lang)),
        cell(m.actualPerInhabitant === null ? '' : formatNumber(m.actualPerInhabitant, 0, lang)),
      ]),
    },
  };
}

/** The short method note every brief ends with. */
export function methodNote(report: Report, lang: Lang): string[] {
  const min = report.settings.minRespondents;
  const alpha = alphaText(report, lang);
  const sources = [...new Set(report.inputs.map((i) => i.file))].join(', ');
  return lang === 'sv'
    ? [
        `Andel positiva svar räknas utan "Vet ej/Ingen åsikt". Resultat med färre än ${min} svarande visas inte, och inte heller resultat som annars skulle gå att räkna fram ur andra (till exempel totalen minus kvinnor och män, där de som inte angett kön är en egen grupp). Alla sådana står som "dold", utan skäl: skälet skulle säga ungefär hur många som svarat.`,
        `Osäkerheten är ett 95 % konfidensintervall (Wilson). En förändring kallas förändring bara när den är statistiskt säkerställd (p < ${alpha}); en trend kräver minst fem år (Mann–Kendall).`,
        signNote(report, lang),
        `Källor: ${sources}.`,
        ...report.attribution,
      ]
    : [
        `Share of positive answers excludes "Don't know". Results with fewer than ${min} respondents are not shown, nor results that could otherwise be worked out from others (for example the total less women and men, where those who gave no gender are a group of their own). All of them read "hidden", with no reason: the reason would tell roughly how many answered.`,
        `Uncertainty is a 95% confidence interval (Wilson). A change is only called a change when statistically significant (p < ${alpha}); a trend needs at least five years (Mann–Kendall).`,
        signNote(report, lang),
        `Sources: ${sources}.`,
        ...report.attribution,
      ];
}

/**
 * What the method note says about these data: that values given without n carry no uncertainty
 * (so no interval and no test), and every warning and every kind of row left out, in plain words.
 */
export function dataNotes(report: Report, area: string, lang: Lang): string[] {
  const out: string[] = [];
  const year = report.period.survey;
  if (year !== null && latestQuality(report, area).some((q) => olderPeriod(report, q) !== null)) out.push(words(lang).olderNote(year, report.settings.window));
  if (areaQuality(report, area).some((q) => q.value !== null && q.n === null)) {
    out.push(lang === 'sv'
      ? 'För värden utan antal svarande anger källan ingen osäkerhet: de visas utan intervall, och deras förändringar mellan åren prövas inte statistiskt.'
      : 'For values without a number of respondents the source gives no uncertainty: they are shown without an interval, and their year-to-year changes are not tested.');
  }
  return [...out, ...findingNotes(report.findings, lang)];
}

/** The brief's years of balance and milestones, both in their own modules' words. */
function historySections(report: Report, area: string, lang: Lang): Pick<Brief, 'history' | 'milestones'> {
  const h = historyView(report, area, lang, 'mnkr');
  return { history: h && { heading: h.heading, body: { sentences: h.sentences, lines: h.lines, years: h.years } }, milestones: milestoneView(report, area, lang) };
}
