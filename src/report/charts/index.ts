import type { Report } from '../../model/report.js';
import type { Lang } from '../format.js';
import { reportAreas } from '../view.js';
import { briefChartSpecs, type ChartSpec } from './spec.js';
import { renderSvg } from './svg.js';

/** A rendered chart: its file relative to the brief, its alt text and its SVG. */
export interface Chart {
  file: string;
  alt: string;
  kind: ChartSpec['kind'];
  /** What it draws beside its own line (`ChartSpec.marks`), for the brief's legend. */
  marks: ChartSpec['marks'];
  svg: string;
}

/** Every brief's charts, by area code. */
export type BriefCharts = ReadonlyMap<string, readonly Chart[]>;

/** Renders the charts of every area's brief (one after the other: the output is the same each time). */
export async function renderBriefCharts(report: Report, lang: Lang): Promise<BriefCharts> {
  const out = new Map<string, Chart[]>();
  for (const area of reportAreas(report)) {
    const charts: Chart[] = [];
    for (const c of briefChartSpecs(report, area.code, lang)) charts.push({ file: c.file, alt: c.alt, kind: c.kind, marks: c.marks, svg: await renderSvg(c.spec, c.alt) });
    out.set(area.code, charts);
  }
  return out;
}
