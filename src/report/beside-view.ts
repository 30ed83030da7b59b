import type { Report } from '../model/report.js';
import { periodYear } from '../model/period.js';
import type { Lang } from '../model/vocabulary.js';
import { BESIDE_WORDS } from './beside-words.js';
import { inLang } from './phrasebook.js';
import type { TableColumn } from './fit-table.js';
import { formatNumber, formatPct, formatValue } from './format.js';
import { indicatorName, indicatorUnit } from './view.js';
import { words } from './words.js';

type BesideRow = Report['qualityBesideCost'][number];

/** Quality beside cost for one area, as columns (the terminal table's, with their order of leaving) and notes. */
export interface BesideView {
  heading: string;
  columns: TableColumn[];
  notes: string[];
}

/**
 * An area's quality beside cost: per service, its headline indicator's value (with its year when
 * older than the report's) and trend, the budget line that pays for the service, its deviation,
 * its cost per inhabitant and, where any row has a volume, per user or hour. Null when the area
 * has no rows, or neither it nor the report has any budget line to set beside them. Laid out to a
 * width, the columns left out first to last: budget line, cost per inhabitant.
 */
export function besideView(report: Report, area: string, lang: Lang, decimals = 1): BesideView | null {
  const rows = report.qualityBesideCost.filter((q) => q.area === area);
  if (rows.length === 0 || (report.budget.length === 0 && rows.every((q) => q.activity === null))) return null;
  const b = inLang(BESIDE_WORDS, lang);
  const w = words(lang);
  const column = (head: string, cell: (q: BesideRow) => string, more: Partial<TableColumn> = {}): TableColumn => ({ head, cells: rows.map(cell), ...more });
  const columns = [
    column(b.head.service, (q) => q.service, { wrap: true }),
    column(b.head.headline, (q) => indicatorName(report, q.indicator, lang), { wrap: true }),
    column(report.period.survey ?? b.head.value, (q) => valueText(report, q, lang, decimals)),
    column(b.head.trend, (q) => (q.verdict === null ? '' : w.verdict[q.verdict]), { wrap: true }),
    column(b.head.activity, (q) => q.activity ?? `– ${b.noActivity}`, { wrap: true, drop: 1 }),
    column(b.head.deviationPct, (q) => (q.deviationPct === null ? '' : `${q.deviationPct > 0 ? '+' : ''}${formatPct(q.deviationPct, lang)}`)),
    column(b.head.perInhabitant, (q) => (q.actualPerInhabitant === null ? '' : formatNumber(q.actualPerInhabitant, 0, lang)), { drop: 2 }),
  ];
  const per = new Set(rows.flatMap((q) => (q.costPerVolume !== null && q.volume !== null ? [q.volume.per] : [])));
  if (per.size > 0) {
    const [only] = per.size === 1 ? per : [];
    columns.push(column(only ? b.perHead[only] : b.head.perVolume, (q) => (q.costPerVolume === null || q.volume === null ? '' : `${formatNumber(q.costPerVolume, 0, lang)}${only ? '' : ` ${b.per[q.volume.per]}`}`), { wrap: true }));
  }
  return { heading: b.heading, columns, notes: notes(rows, lang) };
}

/** The headline's value as the quality table gives it, its year first when older than the report's. */
function valueText(report: Report, q: BesideRow, lang: Lang, decimals: number): string {
  if (q.suppressed) return words(lang).suppressed;
  if (q.value === null) return '';
  const text = formatValue(q.value, indicatorUnit(report, q.indicator), lang, decimals);
  return report.period.survey !== null && String(periodYear(q.period)) !== report.period.survey ? `${q.period}: ${text}` : text;
}

/** How each service's headline was chosen (one sentence per rule), then what the cost columns are. */
function notes(rows: readonly BesideRow[], lang: Lang): string[] {
  const b = inLang(BESIDE_WORDS, lang);
  const byRule = new Map<BesideRow['headlineRule'], string[]>();
  for (const q of rows) {
    const services = byRule.get(q.headlineRule) ?? [];
    if (!services.includes(q.service)) services.push(q.service);
    byRule.set(q.headlineRule, services);
  }
  const list = (s: string[]) => (s.length === 1 ? s[0]! : `${s.slice(0, -1).join(', ')} ${b.and} ${s.at(-1)}`);
  const population = rows.find((q) => q.populationYear !== null)?.populationYear ?? null;
  const counted = rows.flatMap((q) => (q.costPerVolume !== null && q.volume !== null ? [q.volume] : []));
  const pers = new Set(counted.map((v) => v.per));
  const volume = counted[0] === undefined ? null : { year: counted[0].year, unit: pers.size === 1 ? b.per[counted[0].per] : b.perEither };
  const lines = [...new Set(rows.flatMap((q) => (q.activity === null ? [] : [q.activity])))];
  return [...[...byRule].map(([rule, services]) => b.rule[rule](list(services))), b.costs({ names: lines.length === 0 ? '' : list(lines), count: lines.length }, population, volume)];
}

/** The view as a brief's section: a table of plain cells and the notes under it. */
export function besideSection(report: Report, area: string, lang: Lang): { heading: string; body: { head: string[]; rows: { text: string }[][] }; notes: string[] } | null {
  const v = besideView(report, area, lang, 0);
  if (v === null) return null;
  const count = v.columns[0]?.cells.length ?? 0;
  const rows = Array.from({ length: count }, (_, r) => v.columns.map((c) => ({ text: String(c.cells[r]) })));
  return { heading: v.heading, body: { head: v.columns.map((c) => c.head), rows }, notes: v.notes };
}
