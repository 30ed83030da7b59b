import type { TopLevelSpec } from 'vega-lite';
import type { BudgetRow, QualityRow, Report } from '../../model/report.js';
import { periodYear } from '../../model/period.js';
import { slug } from '../../model/text.js';
import type { Lang } from '../format.js';
import { areaName, indicatorName, indicatorUnit, latestQuality, seriesQuality } from '../view.js';
import { chartWords, budgetAlt, qualityAlt, type LegendMark, type YearPoint } from './words.js';

export type { YearPoint };
import { yDomain } from './scale.js';

/** One chart of a brief: where its SVG goes (relative to the brief), its alt text and its Vega-Lite spec. */
export interface ChartSpec {
  file: string;
  alt: string;
  kind: 'quality' | 'budget';
  spec: TopLevelSpec;
  /** What an indicator chart draws beside its own line, for the legend under the brief's charts. */
  marks: readonly LegendMark[];
}


/** The marks a quality chart's spec draws: its layers with something to draw. */
function marksOf(spec: TopLevelSpec): LegendMark[] {
  const layers = (spec as { layer?: { name?: string; data?: { values?: unknown[] } }[] }).layer ?? [];
  const drawn = new Set(layers.filter((l) => (l.data?.values?.length ?? 0) > 0).map((l) => l.name));
  return (['band', 'nation', 'peers', 'target', 'break', 'milestone'] as const).filter((m) => drawn.has(m));
}

/** The plot area of an indicator chart, in pixels (axes and title come on top). */
export const QUALITY_SIZE = { width: 160, height: 60 };
/** Characters per title line: Vega estimates a 9 px character as 7.2 px wide, and a line must not widen the chart. */
const TITLE_WIDTH = 26;

/** At most this many indicator charts per brief (series in the quality table's order). */
export const MAX_QUALITY_CHARTS = 8;

const COLOR = { area: '#1f5fa8', nation: '#555555', peer: '#d9822b', target: '#2a8a2a', rule: '#777777', budget: '#8c8c8c', budgetYear: '#3d3d3d', forecast: '#d9822b', milestone: '#7a3e9d' };

/** A system font and no ARIA text of Vega's own (the chart gets its alt text as its title): nothing is fetched, every byte follows from the data. */
function config(lang: Lang) {
  return {
    font: 'sans-serif',
    aria: false,
    background: 'white',
    view: { stroke: null },
    axis: { labelFontSize: 9, titleFontSize: 9, labelColor: '#333333', tickColor: '#999999', domainColor: '#999999', gridColor: '#e8e8e8', titleFontWeight: 'normal' as const },
    legend: { labelFontSize: 9, symbolSize: 60 },
    title: { fontSize: 9, anchor: 'start' as const, color: '#222222', offset: 4 },
    locale: { number: chartWords(lang).numberLocale },
  };
}

/** Splits a title into lines of at most `width` characters, at spaces (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * An indicator chart's title in exactly two lines, the second cut after a whole word with "…"
 * when the title is longer (the alt text and the table have it in full).
 */
export function titleLines(text: string): [string, string] {
  const [first = '', ...rest] = wrapWords(text, TITLE_WIDTH);
  if (rest.length <= 1) return [first, rest[0] ?? ''];
  const words = rest.join(' ').split(' ');
  let second = '';
  for (const word of words) {
    const next = second ? `${second} ${word}` : word;
    if (next.length > TITLE_WIDTH - 1) break;
    second = next;
  }
  return [first, `${second}…`];
}


/** A series' years up to the report's survey year, one point per year. */
export function yearPoints(report: Report, row: QualityRow): YearPoint[] {
  return seriesQuality(report, row.area, row.indicator, row.service, row.gender)
    .filter((q) => q.period <= row.period)
    .map((q) => ({
      year: Number(q.period.slice(0, 4)),
      value: q.value,
      low: q.low,
      high: q.high,
      nation: q.reference?.value ?? null,
      peers: q.peers.map((p) => ({ name: areaName(report, p.area), value: p.value })),
    }));
}

/**
 * The year a series break starts, as far as the report shows it: the trend is computed on the
 * segment after the latest declared break, so a trend starting after the first shown year means
 * a break there. Earlier breaks are not in the report model.
 */
export function breakYear(row: QualityRow, points: readonly YearPoint[]): number | null {
  const first = points.find((p) => p.value !== null)?.year;
  const from = row.trend === null ? undefined : periodYear(row.trend.from);
  return from !== undefined && first !== undefined && from > first ? from : null;
}

/** Numbers the runs of consecutive years, so lines stop at a gap and at a series break. */
function segmentOf(years: readonly number[], breakAt: number | null): Map<number, number> {
  const out = new Map<number, number>();
  let segment = 0;
  years.forEach((year, i) => {
    if (i > 0 && (year - years[i - 1]! > 1 || year === breakAt)) segment++;
    out.set(year, segment);
  });
  return out;
}

/** Each peer's values, a line per peer and run of years. */
function peerValues(points: readonly YearPoint[], breakAt: number | null): { year: number; value: number; line: string }[] {
  const names = [...new Set(points.flatMap((p) => p.peers.map((x) => x.name)))];
  return names.flatMap((name, i) => {
    const own = points.flatMap((p) => p.peers.filter((x) => x.name === name).map((x) => ({ year: p.year, value: x.value })));
    const seg = segmentOf(own.map((p) => p.year), breakAt);
    return own.map((p) => ({ ...p, line: `${i}-${seg.get(p.year)}` }));
  });
}

/**
 * The milestone years a chart over `years` marks: inside its span (after its first year), each as a
 * line between the year before and the milestone year, where the change takes effect.
 */
export function chartMilestones(report: Report, years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return report.milestones.map((m) => Number(m.period)).filter((y) => y > first && y <= last);
}

/** Where the break line goes: halfway between the last year shown before the break and the first after it. */
function breakRuleAt(years: readonly number[], breakAt: number): number {
  const before = years.filter((y) => y < breakAt).at(-1);
  return before === undefined ? breakAt - 0.5 : (before + breakAt) / 2;
}

function qualitySpec(report: Report, row: QualityRow, points: readonly YearPoint[], lang: Lang): TopLevelSpec {
  const unit = indicatorUnit(report, row.indicator);
  const target = report.indicators.find((i) => i.id === row.indicator)?.target ?? null;
  const brk = breakYear(row, points);
  const shown = points.filter((p) => p.value !== null);
  const seg = segmentOf(shown.map((p) => p.year), brk);
  const nationPoints = points.filter((p) => p.nation !== null);
  const nationSeg = segmentOf(nationPoints.map((p) => p.year), brk);
  const domain = yDomain([...shown.flatMap((p) => [p.value!, p.low ?? p.value!, p.high ?? p.value!]), ...nationPoints.map((p) => p.nation!), ...points.flatMap((p) => p.peers.map((x) => x.value)), ...(target === null ? [] : [target])], unit);
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain, nice: false, zero: false }, axis: { title: null, tickCount: 4, format: unit === '%' ? 'd' : ',~r', grid: true, minExtent: 30, maxExtent: 30 } });
  const years = points.map((p) => p.year);
  const values = shown.map((p) => ({ year: p.year, value: p.value, low: p.low, high: p.high, seg: seg.get(p.year) }));
  // Two title lines always, and a y axis of fixed width: every indicator chart has the same size, so side by side they share one scale of ink.
  const title = titleLines(`${indicatorName(report, row.indicator, lang)}${row.service ? ` – ${row.service}` : ''}`);
  const layer: unknown[] = [
    { name: 'band', data: { values: values.filter((v) => v.low !== null && v.high !== null) }, mark: { type: 'area', color: COLOR.area, opacity: 0.18 }, encoding: { y: y('low'), y2: { field: 'high' }, detail: { field: 'seg' } } },
    { name: 'nation', data: { values: nationPoints.map((p) => ({ year: p.year, value: p.nation, seg: nationSeg.get(p.year) })) }, mark: { type: 'line', color: COLOR.nation, strokeDash: [4, 2], strokeWidth: 1.2 }, encoding: { y: y('value'), detail: { field: 'seg' } } },
    { name: 'peers', data: { values: peerValues(points, brk) }, mark: { type: 'line', color: COLOR.peer, strokeWidth: 1, opacity: 0.8 }, encoding: { y: y('value'), detail: { field: 'line' } } },
    { name: 'line', data: { values }, mark: { type: 'line', color: COLOR.area, strokeWidth: 2 }, encoding: { y: y('value'), detail: { field: 'seg' } } },
    { name: 'points', data: { values }, mark: { type: 'point', color: COLOR.area, filled: true, size: 18, opacity: 1 }, encoding: { y: y('value') } },
  ];
  if (brk !== null) layer.push({ name: 'break', data: { values: [{ year: breakRuleAt(shown.map((p) => p.year), brk) }] }, mark: { type: 'rule', color: COLOR.rule, strokeDash: [3, 2] }, encoding: {} });
  for (const m of chartMilestones(report, years)) layer.push({ name: 'milestone', data: { values: [{ year: m - 0.5 }] }, mark: { type: 'rule', color: COLOR.milestone, strokeWidth: 1.5 }, encoding: {} });
  if (target !== null) layer.push({ name: 'target', data: { values: [{ target }] }, mark: { type: 'rule', color: COLOR.target, strokeDash: [1, 2], strokeWidth: 1.5 }, encoding: { x: null, y: y('target') } });
  return {
    width: QUALITY_SIZE.width,
    height: QUALITY_SIZE.height,
    title: { text: [...title] },
    config: config(lang),
    encoding: { x: { field: 'year', type: 'quantitative', scale: { domain: [Math.min(...years), Math.max(...years)], nice: false, zero: false }, axis: { title: null, format: 'd', values: years, labelOverlap: 'parity', grid: false } } },
    layer,
  } as TopLevelSpec;
}

/** The month of a `YYYY-MM` period (1–12). */
const month = (period: string): number => Number(period.slice(5, 7));

function budgetSpec(row: BudgetRow, lang: Lang): TopLevelSpec {
  const w = chartWords(lang);
  const year = row.period.slice(0, 4);
  const series = (row.series.length > 0 ? row.series : [{ period: row.period, actualYtd: row.actualYtd, budgetYtd: row.budgetYtd }]).filter((s) => s.period.slice(0, 4) === year && s.period.length === 7);
  const mn = (v: number) => v / 1e6;
  const solid = series.flatMap((s) => [
    ...(s.budgetYtd === null ? [] : [{ month: month(s.period), value: mn(s.budgetYtd), label: w.budgetYtd }]),
    ...(s.actualYtd === null ? [] : [{ month: month(s.period), value: mn(s.actualYtd), label: w.actualYtd }]),
  ]);
  const last = series.at(-1);
  const ahead: { month: number; value: number; label: string }[] = [];
  if (last && last.budgetYtd !== null && row.budgetYear !== null) ahead.push({ month: month(last.period), value: mn(last.budgetYtd), label: w.budgetYear }, { month: 12, value: mn(row.budgetYear), label: w.budgetYear });
  if (last && last.actualYtd !== null && row.forecast !== null) ahead.push({ month: month(last.period), value: mn(last.actualYtd), label: w.forecast }, { month: 12, value: mn(row.forecast), label: w.forecast });
  const color = { field: 'label', type: 'nominal' as const, scale: { domain: [w.budgetYtd, w.actualYtd, w.budgetYear, w.forecast], range: [COLOR.budget, COLOR.area, COLOR.budgetYear, COLOR.forecast] }, legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2, symbolType: 'stroke' } };
  const y = { field: 'value', type: 'quantitative' as const, scale: { zero: true, nice: true }, axis: { title: w.millions, tickCount: 4, format: ',~r', grid: true, minExtent: 30 } };
  return {
    width: 180,
    height: 70,
    config: config(lang),
    encoding: { x: { field: 'month', type: 'quantitative', scale: { domain: [1, 12], nice: false, zero: false }, axis: { title: null, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], labelExpr: `${JSON.stringify(w.months)}[datum.value - 1]`, grid: false } } },
    layer: [
      { name: 'ahead', data: { values: ahead }, mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { y, color, detail: { field: 'label' } } },
      { name: 'lines', data: { values: solid }, mark: { type: 'line', strokeWidth: 2 }, encoding: { y, color } },
      { name: 'points', data: { values: solid.filter((d) => d.label === w.actualYtd) }, mark: { type: 'point', filled: true, size: 16, opacity: 1 }, encoding: { y, color } },
      { name: 'ends', data: { values: ahead.filter((d) => d.month === 12) }, mark: { type: 'point', filled: true, size: 30, shape: 'diamond', opacity: 1 }, encoding: { y, color } },
    ],
  } as TopLevelSpec;
}

/** The series a brief charts: the quality table's total rows with at least two years shown, in order, at most MAX_QUALITY_CHARTS. */
export function chartedRows(report: Report, area: string): { row: QualityRow; points: YearPoint[] }[] {
  const out: { row: QualityRow; points: YearPoint[] }[] = [];
  for (const row of latestQuality(report, area)) {
    if (row.gender !== 'T') continue;
    const points = yearPoints(report, row);
    if (points.filter((p) => p.value !== null).length < 2) continue;
    out.push({ row, points });
    if (out.length === MAX_QUALITY_CHARTS) break;
  }
  return out;
}

/** The budget line a brief charts: the area's total, or its only line. */
export function chartedBudget(report: Report, area: string): BudgetRow | undefined {
  const rows = report.budget.filter((b) => b.area === area);
  return rows.find((b) => b.total) ?? (rows.length === 1 ? rows[0] : undefined);
}

/**
 * The charts of one area's brief, files named from codes and slugs only
 * (`charts/1460-bengtsfors-helhetssyn-hemtjanst.svg`).
 */
export function briefChartSpecs(report: Report, area: string, lang: Lang): ChartSpec[] {
  const base = `${slug(area)}-${slug(areaName(report, area))}`;
  const used = new Set<string>();
  const file = (name: string): string => {
    let candidate = name;
    for (let i = 2; used.has(candidate); i++) candidate = `${name}-${i}`;
    used.add(candidate);
    return `charts/${candidate}.svg`;
  };
  const out: ChartSpec[] = chartedRows(report, area).map(({ row, points }) => {
    const spec = qualitySpec(report, row, points, lang);
    return {
      file: file(`${base}-${slug(row.indicator)}${row.service ? `-${slug(row.service)}` : ''}`),
      alt: qualityAlt(report, row, points, breakYear(row, points), lang),
      kind: 'quality' as const,
      spec,
      marks: marksOf(spec),
    };
  });
  const budget = chartedBudget(report, area);
  if (budget && (budget.actualYtd !== null || budget.series.length > 0)) {
    out.push({ file: file(`${base}-budget`), alt: budgetAlt(report, budget, lang), kind: 'budget', spec: budgetSpec(budget, lang), marks: [] });
  }
  return out;
}
