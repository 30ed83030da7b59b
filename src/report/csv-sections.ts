import type { BalanceHistory, Report } from '../model/report.js';
import { areaName, resolveArea } from '../model/register.js';

/** A CSV cell before it is written: text, a number, a yes/no, or empty. */
export type CsvCell = string | number | boolean | null;

/**
 * The columns after `sources`, appended so that a reader that takes the older columns by position
 * still finds them: `total` (budget and history lines), the trended years (quality and history),
 * then the history's and the peer comparisons' own, then why a quality row is short of green, then
 * the shared costs' split. docs/outputs.md says what each holds per section.
 */
export const MORE_COLUMNS = [
  'total', 'trend_from', 'trend_to',
  'year_missing', 'missing_months', 'missing_parts', 'current_basis',
  'previous_from', 'previous_to', 'previous_years', 'previous_mean_pct', 'previous_min_pct', 'previous_max_pct', 'previous_over_budget',
  'peer_group_id', 'peer_group_name', 'peer_group_source', 'peer_value', 'peer_value_from', 'peer_members_present', 'peer_diff',
  'status_reasons',
  'share_pct', 'allocation_method', 'population_year', 'population', 'actual_per_inhabitant_kr', 'usage_measure', 'fair_share_gap_kr', 'usage_year',
] as const;

type Column = string;
type Fields = Partial<Record<Column, CsvCell>>;

/** A record's cells in the order of `head`, empty where it has no value. */
export function cellsOf(head: readonly Column[], fields: Fields): CsvCell[] {
  return head.map((c) => fields[c] ?? null);
}

/** The appended columns of a quality or budget row: the trended years, whether it is a total. */
export function moreCells(fields: Fields): CsvCell[] {
  return cellsOf(MORE_COLUMNS, fields);
}

/**
 * The balance history as records: per line a `history` record (its trend, the report year at its
 * period, the complete years before), then a `history_year` record per year (`period` the year,
 * `budget_year_kr` the full-year budget, `actual_ytd_kr` the outcome for the year, and why a year
 * has no figures). Every line the JSON has, in its order.
 */
export function* historyRecords(report: Report, head: readonly Column[]): Generator<CsvCell[]> {
  const names = new Map(report.areas.map((a) => [a.code, a.name]));
  for (const h of report.balanceHistory) {
    const where: Fields = { area: h.area, area_name: names.get(h.area) ?? h.area, area_kind: h.areaKind, indicator: h.activity, total: h.total };
    yield cellsOf(head, { section: 'history', ...where, ...lineFields(h) });
    for (const y of h.years) {
      yield cellsOf(head, {
        section: 'history_year', ...where, period: y.year, budget_year_kr: y.budget, actual_ytd_kr: y.outcome, deviation_kr: y.deviation, deviation_pct: y.deviationPct,
        year_missing: y.missing, missing_months: y.missingMonths.length === 0 ? null : y.missingMonths.join(' '), missing_parts: y.missingParts.length === 0 ? null : y.missingParts.join('|'),
      });
    }
  }
}

function lineFields(h: BalanceHistory): Fields {
  const t = h.trend;
  const p = h.previous;
  return {
    period: h.current?.period ?? null, deviation_pct: h.current?.deviationPct ?? null, current_basis: h.current?.basis ?? null,
    trend_verdict: t?.verdict ?? null, trend_points: t?.points ?? null, theil_sen_slope: t?.theilSenSlope ?? null, mann_kendall_s: t?.mannKendallS ?? null, mann_kendall_p: t?.mannKendallP ?? null, trend_from: t?.from ?? null, trend_to: t?.to ?? null,
    previous_from: p?.from ?? null, previous_to: p?.to ?? null, previous_years: p?.years ?? null, previous_mean_pct: p?.mean ?? null,
    previous_min_pct: p?.min ?? null, previous_max_pct: p?.max ?? null, previous_over_budget: p?.overBudget ?? null,
  };
}

/**
 * The peer comparisons as `peer` records, one per group × area × indicator × service × gender, as
 * the JSON has them: `value` the area's, `rank`, `rank_of` and `quartile` within the group.
 */
export function* peerRecords(report: Report, head: readonly Column[]): Generator<CsvCell[]> {
  const names = new Map(report.areas.map((a) => [a.code, a.name]));
  const kinds = new Map(report.areas.map((a) => [a.code, a.kind]));
  for (const g of report.peerGroups ?? []) {
    for (const c of g.comparisons) {
      yield cellsOf(head, {
        section: 'peer', area: c.area, area_name: names.get(c.area) ?? c.area, area_kind: kinds.get(c.area) ?? null,
        indicator: c.indicator, service: c.service, gender: c.gender, period: c.period, value: c.value,
        rank: c.rank?.position ?? null, rank_of: c.rank?.of ?? null, quartile: c.rank?.quartile ?? null,
        peer_group_id: g.id, peer_group_name: g.name, peer_group_source: g.source, peer_value: c.groupValue,
        peer_value_from: c.valueFrom, peer_members_present: c.membersPresent, peer_diff: c.difference,
      });
    }
  }
}

/**
 * The shared costs' split as records, a member each in config order: its share by the key, its
 * parts of the budget, the costs so far and the forecast, and the gap to a split by usage (the
 * JSON's `allocation`). None when nothing is allocated.
 */
export function* allocationRecords(report: Report, head: readonly Column[]): Generator<CsvCell[]> {
  // A report made in parts (tests, one section) may lack the key.
  const a = report.allocation ?? null;
  if (a === null) return;
  // A file of the organisation alone (`--out DIR/`) lists only its own area: members by the register.
  const listed = new Map(report.areas.map((x) => [x.code, x]));
  const member = (code: string): { name: string; kind: string | null } => {
    const known = listed.get(code);
    if (known !== undefined) return known;
    const r = resolveArea(code);
    return r.ok ? { name: areaName(r.area), kind: r.area.kind } : { name: code, kind: null };
  };
  for (const m of a.members) {
    const { name, kind } = member(m.area);
    yield cellsOf(head, {
      section: 'allocation', area: m.area, area_name: name, area_kind: kind, period: a.period,
      budget_year_kr: m.budgetYear, actual_ytd_kr: m.actualYtd, forecast_kr: m.forecast,
      share_pct: m.sharePct, allocation_method: a.method, population_year: a.populationYear, population: m.population,
      actual_per_inhabitant_kr: m.actualPerInhabitant, usage_measure: m.usageMeasure, fair_share_gap_kr: m.fairShareGap, usage_year: m.usageMeasure === null ? null : a.usageYear,
    });
  }
}
