import { periodYear, pooledRange } from '../model/period.js';
import type { Kind, Role } from '../config/schema.js';
import type { FindingInput } from '../model/findings.js';
import { koladaIdOfTitle } from '../model/kolada-kpis.js';
import { committeeColumn } from './budget-committees.js';
import { detailColumns } from './budget-detail.js';
import { normalizeLabel, truncate } from '../model/text.js';
import { detectKind, mapColumns, type ColumnMap } from './columns.js';
import { parseNumber } from './number.js';
import { isPreliminary, MONTHS, parsePeriodHeader } from './period.js';
import type { Row } from './table.js';

/**
 * How a table's header is read: which column plays which role, and what the columns no role
 * names are. Decided once per file from the header and the first rows (the sample), so a row
 * costs nothing more than its shape needs.
 *
 * The columns no role names, in order:
 * - an unnamed column (R's `write.csv` row numbers, `""`) is ignored;
 * - in a long file with no value column, one numeric column is the value column, and its name
 *   the indicator: a Kolada id (`u21468` → U21468) or a title (`<KPI title>` from R);
 * - a text column (a stub) whose one value is the value column's name (`Andel och
 *   konfidensintervall` = `Andel`) only says what the value is: not a dimension;
 * - with no indicator column, no indicator from the config or a value column's name, and no title
 *   naming a wide table, a stub with one value throughout the sample, when it is the only such
 *   stub, names what is measured: it is the indicator (`Sociala relationer` = `Lågt socialt
 *   deltagande`: the selection made when the extract was downloaded). A stub whose values vary
 *   (age band, school level, account line) is a breakdown, never the indicator;
 * - the other stubs split series (their values join the service) unless the sample shows them
 *   constant, or with one value per area (they describe the area, like Kolada's
 *   `municipality_type`): then they are no dimension, but a row whose value differs from the
 *   sample's is still kept apart by it.
 */
export interface HeaderPlan {
  map: ColumnMap;
  layout: 'long' | 'wide';
  /** A wide table's period columns. */
  wide: { idx: number; period: string }[];
  /** The indicator of every row when no column holds it (from the config or a column's name). */
  indicator?: string;
  /** Text columns whose values keep series apart (joined into the service). */
  stubs: number[];
  /** Columns that are no dimension: the value the sample shows (undefined: one per area). */
  quiet: { idx: number; value?: string }[];
  /** Named columns no role, stub or value took. */
  unused: number[];
  /** Which of the unused columns hold numbers. */
  numeric: number[];
  /** `0`/`00` are the nation where the area column holds codes (Kolada's dumps write Riket `0`). */
  zeroIsNation: boolean;
  /** The month a year-to-date column's name gives (`Utfall jan–aug`), with the header. */
  ytdMonth?: { month: number; header: string };
  /** A finance file's committee column (`Nämnd`; see `committeeColumn`). */
  committee?: number;
  /** A finance file's columns of finer levels than its lines (`Kontoklass`, `Ansvar`; see `detailColumns`). */
  detail?: number[];
  findings: FindingInput[];
}

export interface PlanOptions {
  columns?: Partial<Record<Role, string>>;
  indicator?: string;
  kind?: Kind;
  title?: string;
  headerLine: number;
}

const KOLADA_ID = /^[nu]\d{5}$/i;
const SAMPLE_ROWS = 500;

/** Plans how to read a table with these headers (see `HeaderPlan`). */
/**
 * A wide table's pooled-period columns whose every year is a column of its own (`2019-2023` beside
 * 2019 … 2023: an average, or `2022-2023` a change): read as a period, each became the year's next
 * figure (a trend of six points, "+3,4 p.e." against the average, a change of 2 read as a share of
 * 2 %). A window over years the table does not give one by one stays a period of its own.
 */
function windowsCovered(wide: readonly { idx: number; period: string }[]): { idx: number; period: string }[] {
  const years = new Set(wide.flatMap((w) => (pooledRange(w.period) === undefined ? [periodYear(w.period)] : [])));
  return wide.filter((w) => {
    const r = pooledRange(w.period);
    if (r === undefined) return false;
    for (let y = r.from; y <= r.to; y++) if (!years.has(y)) return false;
    return true;
  });
}

export function planHeader(headers: readonly string[], sample: readonly Row[], opts: PlanOptions): HeaderPlan {
  const map = mapColumns(headers, opts.columns);
  const findings: FindingInput[] = [];
  const rows = sample.slice(0, SAMPLE_ROWS);
  const taken = () => new Set(Object.values(map.roles));
  const ytdMonth = yearToDateColumns(headers, map, taken());
  const roles = map.roles;
  const wide = roles.period === undefined && roles.value === undefined && roles.share === undefined
    ? headers.flatMap((h, idx) => {
      const period = taken().has(idx) ? undefined : parsePeriodHeader(h);
      return period === undefined ? [] : [{ idx, period }];
    })
    : [];
  const covered = windowsCovered(wide);
  for (const w of covered) findings.push({ code: 'period-window-covered', line: opts.headerLine, column: w.idx + 1, args: { header: truncate(headers[w.idx]!) } });
  const periodIdx = new Set(wide.map((w) => w.idx));
  if (covered.length > 0) wide.splice(0, wide.length, ...wide.filter((w) => !covered.includes(w)));
  const layout = wide.length > 0 ? 'wide' : 'long';
  for (const w of wide) {
    if (isPreliminary(headers[w.idx]!)) findings.push({ code: 'period-preliminary', line: opts.headerLine, column: w.idx + 1, args: { header: truncate(headers[w.idx]!), period: w.period } });
  }
  const free = () => headers.map((_, i) => i).filter((i) => !taken().has(i) && !periodIdx.has(i) && headers[i]!.trim() !== '');
  const numeric = (idx: number) => isNumericColumn(rows, idx);
  const plan: HeaderPlan = { map, layout, wide, stubs: [], quiet: [], unused: [], numeric: [], zeroIsNation: false, findings };
  if (ytdMonth !== undefined) plan.ytdMonth = ytdMonth;
  if (opts.indicator !== undefined && opts.indicator.trim() !== '') plan.indicator = opts.indicator.trim();

  if (layout === 'long' && opts.kind !== 'budget' && roles.value === undefined && roles.share === undefined && (opts.kind === 'values' || detectKind(roles) === undefined)) {
    const candidates = free().filter(numeric);
    if (candidates.length === 1) {
      const idx = candidates[0]!;
      roles.value = idx;
      if (roles.indicator === undefined && plan.indicator === undefined) {
        plan.indicator = indicatorOfHeader(headers[idx]!);
        findings.push({ code: 'indicator-from-header', line: opts.headerLine, column: idx + 1, args: { header: truncate(headers[idx]!), indicator: truncate(plan.indicator) } });
      }
    }
  }
  const kind = opts.kind ?? detectKind(roles);
  // Finance lines and respondents' answers are not split by columns tillit does not know.
  if (kind === 'budget' || kind === 'answers') {
    plan.unused = free();
    if (kind === 'budget') plan.committee = committeeColumn(headers, plan.unused);
    if (plan.committee !== undefined) plan.unused = plan.unused.filter((i) => i !== plan.committee);
    const detail = kind === 'budget' ? detailColumns(headers, plan.unused) : [];
    if (detail.length > 0) (plan.detail = detail), (plan.unused = plan.unused.filter((i) => !detail.includes(i)));
    return finishPlan(plan, rows);
  }
  const valueIdx = roles.value ?? roles.share;
  const valueName = valueIdx === undefined ? undefined : normalizeLabel(headers[valueIdx]!);
  const texts = free().filter((i) => !numeric(i));
  const profiles = texts.map((idx) => ({ idx, ...profile(rows, idx, roles.municipality) }));
  const measure = profiles.filter((p) => p.single !== undefined && normalizeLabel(p.single) === valueName);
  const rest = profiles.filter((p) => !measure.includes(p));
  for (const p of measure) plan.quiet.push({ idx: p.idx, value: p.single! });
  const indicatorKnown = roles.indicator !== undefined || plan.indicator !== undefined || (layout === 'wide' && opts.title !== undefined);
  const fixed = rest.filter((p) => p.single !== undefined);
  if (!indicatorKnown && fixed.length === 1) {
    const idx = fixed[0]!.idx;
    roles.indicator = idx;
    findings.push({ code: 'column-as-indicator', line: opts.headerLine, column: idx + 1, args: { header: truncate(headers[idx]!), value: truncate(fixed[0]!.single!) } });
    rest.splice(rest.indexOf(fixed[0]!), 1);
  }
  for (const p of rest) {
    if (p.single !== undefined || p.perArea) plan.quiet.push(p.single !== undefined ? { idx: p.idx, value: p.single } : { idx: p.idx });
    else plan.stubs.push(p.idx);
  }
  const used = new Set([...plan.stubs, ...plan.quiet.map((q) => q.idx)]);
  plan.unused = free().filter((i) => !used.has(i));
  return finishPlan(plan, rows);
}

function finishPlan(plan: HeaderPlan, rows: readonly Row[]): HeaderPlan {
  plan.numeric = plan.unused.filter((i) => isNumericColumn(rows, i));
  const area = plan.map.roles.municipality;
  plan.zeroIsNation = area !== undefined && rows.some((r) => /^\s*\d{3,4}\s*$/.test(r.cells[area] ?? ''));
  return plan;
}

/** `u21468` → `U21468`; a title → the Kolada id it is the title of, else the title itself. */
function indicatorOfHeader(header: string): string {
  const h = header.trim();
  if (KOLADA_ID.test(h)) return h.toUpperCase();
  return koladaIdOfTitle(h) ?? h;
}

/** A column whose sample cells are all numbers or gaps, with at least one number. */
function isNumericColumn(rows: readonly Row[], idx: number): boolean {
  let numbers = 0;
  for (const row of rows) {
    const cell = (row.cells[idx] ?? '').trim();
    if (cell === '' || /^(na|null|\.+|-)$/i.test(cell)) continue;
    if (parseNumber(cell, '.', 'missing').kind !== 'value' && parseNumber(cell, ',', 'missing').kind !== 'value') return false;
    numbers++;
  }
  return numbers > 0;
}

/** A text column's values in the sample: its one value, or whether each area has only one. */
function profile(rows: readonly Row[], idx: number, areaIdx: number | undefined): { single?: string; perArea: boolean } {
  const values = new Set<string>();
  const byArea = new Map<string, string>();
  let perArea = areaIdx !== undefined;
  for (const row of rows) {
    const v = (row.cells[idx] ?? '').trim();
    values.add(v);
    if (areaIdx === undefined || !perArea) continue;
    const a = (row.cells[areaIdx] ?? '').trim();
    const prior = byArea.get(a);
    if (prior === undefined) byArea.set(a, v);
    else if (prior !== v) perArea = false;
  }
  if (values.size === 1) return { single: [...values][0]!, perArea: true };
  return { perArea: perArea && byArea.size > 1 && byArea.size < rows.length };
}

const YTD_HEADER = /^(budget|utfall|avvikelse)(?: ack(?:umulerat)?)? (?:(?:jan|januari) )?(?:t ?o ?m |till och med )?([a-z]+)(?: (\d{4}))?$/;
const YTD_ROLE: Record<string, Role> = { budget: 'budgetYtd', utfall: 'actualYtd', avvikelse: 'deviation' };

/**
 * Finance columns named by the months they cover (`Budget jan-aug`, `Utfall jan–aug`, `Avvikelse
 * jan-aug`, `Utfall t.o.m. augusti`) are year-to-date amounts up to that month. Gives the month
 * when every such column names the same one, with the header that dates the file. Of two such
 * columns for one role that differ by their year (`Utfall jan-aug 2024` beside `Utfall jan-aug
 * 2025`, last year's for comparison) the latest is the year's, and one without a year beside one
 * with is this year's: the first in the file, read as this year's, gave last year's outcome
 * against this year's budget ("+4,2 %" for "-1,5 %"). The other is left unused, and said so.
 */
function yearToDateColumns(headers: readonly string[], map: ColumnMap, taken: Set<number>): HeaderPlan['ytdMonth'] {
  const months = new Set<number>();
  const chosen = new Map<Role, { idx: number; year: number; header: string }>();
  headers.forEach((header, idx) => {
    const m = YTD_HEADER.exec(normalizeLabel(header.replace(/[()[\]]/g, ' ')));
    const month = m === null ? undefined : MONTHS[m[2]!];
    if (m === null || month === undefined) return;
    months.add(month);
    const role = YTD_ROLE[m[1]!]!;
    // `Avvikelse jan-aug` is already the deviation by its prefix; a named role stays where it is.
    if (taken.has(idx) || (map.roles[role] !== undefined && !chosen.has(role))) return;
    const year = m[3] === undefined ? Infinity : Number(m[3]);
    const prior = chosen.get(role);
    if (prior !== undefined && prior.year >= year) return;
    chosen.set(role, { idx, year, header });
    map.roles[role] = idx;
  });
  if (months.size !== 1) return undefined;
  // The file is dated by a chosen column, one that names its year when one does.
  const dating = [...chosen.values()].sort((a, b) => a.idx - b.idx);
  const first = dating.find((c) => c.year !== Infinity) ?? dating[0];
  return { month: [...months][0]!, header: first?.header ?? headers.find((h) => YTD_HEADER.test(normalizeLabel(h.replace(/[()[\]]/g, ' '))))! };
}
