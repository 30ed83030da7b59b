import type { Report } from '../model/report.js';
import { periodYear } from '../model/period.js';
import type { Lang } from '../model/vocabulary.js';
import { BESIDE_WORDS } from './beside-words.js';
import { inLang } from './phrasebook.js';
import type { TableColumn } from './fit-table.js';
import { formatNumber, formatValue } from './format.js';
import { budgetLabel, indicatorName, indicatorUnit } from './view.js';
import { words } from './words.js';
import { deviationText } from './deviation-text.js';

type BesideRow = Report['qualityBesideCost'][number];

/** Quality beside cost for one area, as columns (the terminal table's, with their order of leaving) and notes. */
export interface BesideView {
  heading: string;
  columns: TableColumn[];
  notes: string[];
}

/**
 * An area's quality beside cost: per service, its headline indicator's value (with its year when
 * older than the report's) and trend, the budget line that pays for the service (marked shared when
 * it pays for more than one: its figures are then the whole line's), its deviation, its cost per
 * inhabitant where any row has one and, where any row has a volume, per user or hour. Null when the
 * area has no rows, or neither it nor the report has any budget line to set beside them; in a brief
 * (`inBrief`), rows without a line are left out (a row of empty cells tells a committee nothing),
 * and null when none is left. A service the area has figures for but none for its headline
 * (`qualityBesideCostLeftOut`) is named in a note under the table, and when no row is left the
 * section is that note alone (no columns). Laid out to a width, the columns left out first to last: cost per
 * inhabitant, trend (the quality table above has it); the budget line is always kept, as it says
 * whose the figures beside it are.
 */
/** A row's budget line as the budget table names it: an organisation's line of some members says whose ("Äldreomsorg (endast Bengtsfors)"). */
function lineName(report: Report, q: BesideRow, lang: Lang): string {
  const line = report.budget.find((r) => r.area === q.area && !r.total && r.activity === q.activity);
  return line === undefined ? q.activity! : budgetLabel(report, line, lang);
}

export function besideView(report: Report, area: string, lang: Lang, decimals = 1, inBrief = false): BesideView | null {
  const all = report.qualityBesideCost.filter((q) => q.area === area);
  const b = inLang(BESIDE_WORDS, lang);
  const leftOut = (report.qualityBesideCostLeftOut ?? []).filter((q) => q.area === area).map((q) => b.leftOut(q.service, indicatorName(report, q.indicator, lang)));
  if ((all.length === 0 && leftOut.length === 0) || (report.budget.length === 0 && all.every((q) => q.activity === null))) return null;
  const rows = inBrief ? all.filter((q) => q.activity !== null) : all;
  if (rows.length === 0) return leftOut.length === 0 ? null : { heading: b.heading, columns: [], notes: leftOut };
  const w = words(lang);
  const served = servicesByLine(rows);
  const head = inBrief ? { ...b.head, ...b.briefHead } : b.head;
  const column = (head: string, cell: (q: BesideRow) => string, more: Partial<TableColumn> = {}): TableColumn => ({ head, cells: rows.map(cell), ...more });
  const columns = [
    column(head.service, (q) => q.service, { wrap: true }),
    column(head.headline, (q) => indicatorName(report, q.indicator, lang), { wrap: true }),
    column(report.period.survey ?? head.value, (q) => valueText(report, q, lang, decimals)),
    column(head.trend, (q) => (q.verdict === null ? '' : w.verdict[q.verdict]), { wrap: true, drop: 2 }),
    column(head.activity, (q) => (q.activity === null ? `– ${b.noActivity}` : (served.get(q.activity)?.length ?? 0) > 1 ? `${q.activity} (${b.shared})` : lineName(report, q, lang)), { wrap: true }),
    // As the budget table shows the same line's deviation: no colour here, but no other figure either.
    column(head.deviationPct, (q) => (q.deviationPct === null ? '' : deviationText(q.deviationPct, report.settings.budgetThresholds, lang))),
  ];
  if (rows.some((q) => q.actualPerInhabitant !== null)) columns.push(column(head.perInhabitant, (q) => (q.actualPerInhabitant === null ? '' : formatNumber(q.actualPerInhabitant, 0, lang)), { drop: 1 }));
  const per = new Set(rows.flatMap((q) => (q.costPerVolume !== null && q.volume !== null ? [q.volume.per] : [])));
  if (per.size > 0) {
    const [only] = per.size === 1 ? per : [];
    columns.push(column(only ? b.perHead[only] : head.perVolume, (q) => (q.costPerVolume === null || q.volume === null ? '' : `${formatNumber(q.costPerVolume, 0, lang)}${only ? '' : ` ${b.per[q.volume.per]}`}`), { wrap: true }));
  }
  return { heading: b.heading, columns, notes: [...notes(rows, served, lang, inBrief), ...leftOut] };
}

/** Each budget line in the rows, and the services it pays for, in row order. */
function servicesByLine(rows: readonly BesideRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const q of rows) {
    if (q.activity === null) continue;
    const services = out.get(q.activity) ?? [];
    if (!services.includes(q.service)) services.push(q.service);
    out.set(q.activity, services);
  }
  return out;
}

/** The headline's value as the quality table gives it, its year first when older than the report's. */
function valueText(report: Report, q: BesideRow, lang: Lang, decimals: number): string {
  if (q.suppressed) return words(lang).suppressed;
  if (q.value === null) return '';
  const text = formatValue(q.value, indicatorUnit(report, q.indicator), lang, decimals);
  return report.period.survey !== null && String(periodYear(q.period)) !== report.period.survey ? `${q.period}: ${text}` : text;
}

/**
 * The notes, first that a shared line's figures are the whole line's (right under the rows they
 * concern), then how each service's headline was chosen (one sentence per rule; a brief's without
 * the config's keys), then what the cost columns shown are, where any row has an amount.
 */
function notes(rows: readonly BesideRow[], served: Map<string, string[]>, lang: Lang, inBrief: boolean): string[] {
  const b = inLang(BESIDE_WORDS, lang);
  const byRule = new Map<BesideRow['headlineRule'], string[]>();
  for (const q of rows) {
    const services = byRule.get(q.headlineRule) ?? [];
    if (!services.includes(q.service)) services.push(q.service);
    byRule.set(q.headlineRule, services);
  }
  const list = (s: string[]) => (s.length === 1 ? s[0]! : `${s.slice(0, -1).join(', ')} ${b.and} ${s.at(-1)}`);
  const amounts = rows.some((q) => q.actualPerInhabitant !== null || q.costPerVolume !== null);
  const shared = [...served].filter(([, services]) => services.length > 1).map(([line, services]) => b.sharedNote(line, list(services), amounts));
  const rule = inBrief ? b.ruleInBrief : b.rule;
  const perInhabitant = rows.some((q) => q.actualPerInhabitant !== null) ? { populationYear: rows.find((q) => q.populationYear !== null)?.populationYear ?? null, inBrief } : null;
  const counted = rows.flatMap((q) => (q.costPerVolume !== null && q.volume !== null ? [q.volume] : []));
  const pers = new Set(counted.map((v) => v.per));
  const volume = counted[0] === undefined ? null : { year: counted[0].year, unit: pers.size === 1 ? b.per[counted[0].per] : b.perEither, counted: pers.size === 1 ? b.counted[counted[0].per] : b.countedEither };
  const lines = [...new Set(rows.flatMap((q) => (q.activity !== null && (q.actualPerInhabitant !== null || q.costPerVolume !== null) ? [q.activity] : [])))];
  const costs = lines.length === 0 ? [] : [b.costs({ names: list(lines), count: lines.length }, perInhabitant, volume)].filter((t) => t !== '');
  return [...shared, ...[...byRule].map(([r, services]) => rule[r](list(services))), ...costs];
}

/** The view as a brief's section: a table of plain cells and the notes under it. */
export function besideSection(report: Report, area: string, lang: Lang): { heading: string; body: { head: string[]; rows: { text: string }[][] }; notes: string[] } | null {
  const v = besideView(report, area, lang, 0, true);
  if (v === null) return null;
  const count = v.columns[0]?.cells.length ?? 0;
  const rows = Array.from({ length: count }, (_, r) => v.columns.map((c) => ({ text: String(c.cells[r]) })));
  return { heading: v.heading, body: { head: v.columns.map((c) => c.head), rows }, notes: v.notes };
}
