import type { Gender, QualityRecord } from '../model/records.js';
import { FractionCheck } from '../model/fractions.js';
import { surveyRecordSchema, valueRecordSchema } from '../model/records.js';
import type { Area } from '../model/register.js';
import { isKoladaId, isRespondentShare, koladaIdOfTitle, SHARE_RANGE } from '../model/kolada-kpis.js';
import { truncate } from '../model/text.js';
import { createPartsMap } from './groups.js';
import type { RowCells, RowEnv, RowReader, SharedFields } from './row-fields.js';

/** A record a row may give, before the schema has checked it. */
interface Candidate {
  schema: typeof surveyRecordSchema | typeof valueRecordSchema;
  value: Record<string, unknown>;
  /** What makes it the same record as another row's: area code, period, indicator, service, gender. */
  key: readonly string[];
  /** Its numbers, to tell a repeated row from a conflicting one. */
  fingerprint: readonly (number | null)[];
}

/** The parts of a row every candidate record of it shares. */
interface Parts extends SharedFields {
  indicator: string;
  service: string;
  indicatorTitle: string | undefined;
  source: { file: string; line: number };
}

/**
 * Aggregated scores (survey: n, positive count, share) and values (one per row, or one per period
 * column of a wide table): each row's records checked by the schema and against the rows before.
 */
export class ValueRows implements RowReader {
  /** The first row of each key, with its numbers. */
  private readonly seen = createPartsMap<{ line: number; value: readonly (number | null)[]; at: number }>();
  /** Records a later row gave another figure for (their index), with that row's line: left out at the end. */
  private readonly conflicted = new Map<number, number>();
  /** Columns tillit has no role for (age band, housing form…) that still keep series apart (see `HeaderPlan`). */
  private readonly stubs: readonly number[];
  /** Columns the sample shows constant: they keep apart only the rows that differ from it. */
  private readonly quietStubs: readonly { idx: number; value?: string }[];
  /** Indicator cells that are a Kolada KPI's title, to its id (undefined: not a title), each said once. */
  private readonly titled = new Map<string, string | undefined>();

  constructor(private readonly env: RowEnv) {
    this.stubs = env.plan.header.stubs;
    this.quietStubs = env.plan.header.quiet.filter((q) => q.value !== undefined);
  }

  /** Every row takes the general path. */
  quick(): boolean {
    return false;
  }

  read(cells: RowCells, fields: SharedFields): void {
    const { lookups, plan, opts, out } = this.env;
    const row = cells.row;
    const source = { file: opts.file, line: row.line };
    const service = lookups.kept(this.stubs.length > 0 || this.quietStubs.length > 0 ? this.stubParts(row.cells, cells.cell('service')) : cells.cell('service') ?? '');
    const written = lookups.kept(cells.cell('indicator') || plan.fileIndicator || '');
    const kpi = this.kpiOfTitle(written, cells);
    const indicator = kpi ?? written;
    const titleText = cells.cell('indicatorTitle') ?? (kpi === undefined ? undefined : written);
    const parts: Parts = { ...fields, indicator, service, indicatorTitle: titleText === undefined ? undefined : lookups.kept(titleText), source };
    const candidates = plan.kind === 'survey' ? this.survey(cells, parts) : this.values(cells, parts);
    if (candidates === undefined) return;
    if (cells.errors.length > 0 || fields.area === undefined) {
      out.rejectFor(row, cells.errors);
      return;
    }
    this.keep(cells, candidates);
  }

  finish(): void {
    this.dropConflicted();
    if (this.env.plan.roles.share !== undefined) this.noteFractions();
  }

  /**
   * Two figures for one cell are rejected, never picked: the later row was rejected when read, and
   * the first row's record is left out here, with a finding; a row left with no record counts as
   * ignored instead of used.
   */
  private dropConflicted(): void {
    if (this.conflicted.size === 0) return;
    const { out } = this.env;
    const records = out.records;
    const hit = new Map<number, number>();
    let to = 0;
    for (let i = 0; i < records.length; i++) {
      const line = records[i]!.source.line;
      const other = this.conflicted.get(i);
      if (other === undefined) {
        records[to++] = records[i]!;
        continue;
      }
      hit.set(line, hit.get(line) ?? 0);
      const r = records[i]!;
      const key = [r.area.code, r.period, r.indicator, r.service, r.gender].join(' / ');
      out.findings.push({ code: 'duplicate-conflict-first', line, args: { other, key } });
    }
    records.length = to;
    for (const r of records) if (hit.has(r.source.line)) hit.set(r.source.line, hit.get(r.source.line)! + 1);
    for (const left of hit.values()) {
      if (left > 0) continue;
      out.counts.used--;
      out.counts.ignored++;
    }
  }

  /** Shares written as fractions among shares in per cent, named (see `FractionCheck`): nothing is rescaled. */
  private noteFractions(): void {
    const { out } = this.env;
    const check = new FractionCheck();
    for (const r of out.records) {
      // A survey's share, or a value from a share column (`Andel`): per cent either way.
      const share = r.kind === 'survey' ? r.share : r.unit === '%' ? r.value : null;
      if (share !== null) check.add(r.area.code, r.indicator, share, r.source.line, r.kind === 'survey' ? r.n : null);
    }
    const column = (this.env.plan.roles.share ?? this.env.plan.roles.value ?? 0) + 1;
    out.findings.push(...check.findings().map((f) => ({ ...f, column })));
  }

  /** A survey row's record; undefined when it gives neither a share nor a positive count (a known gap, set aside). */
  private survey(cells: RowCells, p: Parts): Candidate[] | undefined {
    const n = cells.num('n');
    const positive = cells.num('positive');
    let share = cells.num('share');
    if (share === null && positive === null && cells.errors.length === 0) {
      const role = this.env.plan.roles.share !== undefined ? 'share' : 'positive';
      this.env.out.ignore({ code: 'value-missing', line: cells.row.line, column: cells.col(role), received: truncate(cells.cell(role) ?? '') });
      return undefined;
    }
    if (this.withoutN(cells, p, n, share ?? positive, share !== null ? 'share' : 'positive')) return undefined;
    // No respondents, no share: a cell of none is no figure (shown hidden, it would claim at least one).
    if (n === 0 && cells.errors.length === 0) {
      this.env.out.ignore({ code: 'n-zero', line: cells.row.line, column: cells.col('n'), received: truncate(cells.cell('n') ?? '') });
      return undefined;
    }
    if (share === null && positive !== null && n !== null && n > 0 && positive <= n) share = (positive / n) * 100;
    const value = {
      kind: 'survey', area: p.area, period: p.period, indicator: p.indicator, service: p.service, gender: p.gender, n, positive, share, source: p.source,
      ...(p.indicatorTitle ? { title: p.indicatorTitle } : {}),
    };
    if (positive !== null && n !== null && cells.cell('share') && share !== null && n > 0 && Math.abs((positive / n) * 100 - share) > 0.6) {
      this.env.out.findings.push({ code: 'value-share-mismatch', line: cells.row.line, column: cells.col('share'), args: { share, computed: ((positive / n) * 100).toFixed(1) } });
    }
    return [{ schema: surveyRecordSchema, value, key: key(p.area, p.period, p), fingerprint: [n, positive, share] }];
  }

  /**
   * The Kolada KPI an indicator cell names by its title (an rKolada extract's `kpi` column holds
   * titles): read as the KPI, so it meets the same KPI's ids, direction and unit; said once.
   */
  private kpiOfTitle(written: string, cells: RowCells): string | undefined {
    if (this.titled.has(written)) return this.titled.get(written);
    const id = isKoladaId(written) ? undefined : koladaIdOfTitle(written);
    this.titled.set(written, id);
    if (id !== undefined) this.env.out.findings.push({ code: 'indicator-from-title', line: cells.row.line, column: cells.col('indicator'), args: { title: truncate(written), id } });
    return id;
  }

  /**
   * A figure whose n is blank (empty, `..`) in a file with an n column: publishers blank the n of a
   * small group, and without it the respondent minimum cannot be checked. Set aside, said; a
   * cell's total less its shown parts still counts those respondents (see `cellGroups`). The
   * nation's figure is often published without an n and is no small group: kept (with no interval),
   * as comparisons with Riket need it. A region's is not: it may hold one municipality (Gotland),
   * and its share less its municipalities' gives the hidden ones.
   */
  private withoutN(cells: RowCells, p: Parts, n: number | null, figure: number | null, role: 'share' | 'positive' | 'value'): boolean {
    if (this.env.plan.roles.n === undefined || n !== null || figure === null || cells.errors.length > 0) return false;
    if (p.area?.kind === 'nation') return false;
    this.env.out.ignore({ code: 'n-missing', line: cells.row.line, column: cells.col('n'), received: truncate(cells.cell('n') ?? ''), args: { role } });
    return true;
  }

  /** A long row's value, or a wide row's one per period column; undefined when a long row's value is a known gap (set aside). */
  private values(cells: RowCells, p: Parts): Candidate[] | undefined {
    const candidates: Candidate[] = [];
    const row = cells.row;
    if (this.env.plan.layout === 'wide') {
      for (const w of this.env.plan.header.wide) {
        const v = cells.num(w.idx);
        if (v === null) continue;
        if (isRespondentShare(p.indicator) && !(v >= 0 && v <= 100)) {
          cells.fail('value-out-of-range', w.idx, { range: SHARE_RANGE });
          continue;
        }
        // The title column names the indicator in a wide file as in a long one: a count of
        // respondents is known by it (`n-from-count`), and a share of fewer is hidden.
        const value = { kind: 'values', area: p.area, period: w.period, indicator: p.indicator, service: p.service, gender: p.gender, value: v, n: null, source: p.source, ...(p.indicatorTitle ? { title: p.indicatorTitle } : {}) };
        candidates.push({ schema: valueRecordSchema, value, key: key(p.area, w.period, p), fingerprint: [v] });
      }
      return candidates;
    }
    const role = this.env.plan.roles.value !== undefined ? 'value' : 'share';
    const v = cells.num(role);
    const n = cells.num('n');
    // A share column (`Andel`) says its values are per cent, whatever the indicator.
    const share = role === 'share';
    if (v !== null && (share || isRespondentShare(p.indicator)) && !(v >= 0 && v <= 100)) cells.fail('value-out-of-range', role, { range: SHARE_RANGE });
    if (this.withoutN(cells, p, n, v, role)) return undefined;
    if (v !== null) {
      const value = {
        kind: 'values', area: p.area, period: p.period, indicator: p.indicator, service: p.service, gender: p.gender, value: v, n,
        ...(share ? { unit: '%' } : {}),
        source: p.source,
        ...(p.indicatorTitle ? { title: p.indicatorTitle } : {}),
      };
      candidates.push({ schema: valueRecordSchema, value, key: key(p.area, p.period, p), fingerprint: [v, n] });
    } else if (cells.errors.length === 0) {
      // A missing value (`..`, NA) is a known gap, not an error: read and reported as ignored.
      this.env.out.ignore({ code: 'value-missing', line: row.line, column: cells.col(role), received: truncate(cells.cell(role) ?? '') });
      return undefined;
    }
    return candidates;
  }

  /** Keeps the records the schema accepts and no row before gave; counts the row by what became of them. */
  private keep(cells: RowCells, candidates: readonly Candidate[]): void {
    const { out } = this.env;
    const row = cells.row;
    let used = false;
    let rejected = false;
    const reasons: string[] = [];
    for (const c of candidates) {
      const parsed = c.schema.safeParse(c.value);
      if (!parsed.success) {
        cells.outOfRange(parsed.error.issues, out.findings);
        rejected = true;
        reasons.push('value-out-of-range');
        continue;
      }
      const prior = this.seen.get(c.key);
      if (prior) {
        // Same values (NaN never reaches here: numbers are parsed finite).
        const same = prior.value.length === c.fingerprint.length && prior.value.every((v, i) => v === c.fingerprint[i]);
        out.findings.push({ code: same ? 'duplicate-row' : 'duplicate-conflict', line: row.line, refers: prior.line, args: { first: prior.line, key: c.key.join(' / ') } });
        rejected ||= !same;
        if (!same) {
          reasons.push('duplicate-conflict');
          if (!this.conflicted.has(prior.at)) this.conflicted.set(prior.at, row.line);
        }
        continue;
      }
      this.seen.set(c.key, { line: row.line, value: c.fingerprint, at: out.records.length });
      out.records.push(parsed.data as QualityRecord);
      used = true;
    }
    if (candidates.length === 0) out.findings.push({ code: 'value-missing', line: row.line });
    if (used) out.counts.used++;
    else if (rejected) out.reject(row, [...new Set(reasons)].join('; '));
    else out.counts.ignored++;
  }

  private stubParts(cells: readonly string[], service: string | undefined): string {
    const parts = service === undefined || service === '' ? [] : [service];
    for (const i of this.stubs) {
      const v = (cells[i] ?? '').trim();
      if (v !== '') parts.push(v);
    }
    for (const q of this.quietStubs) {
      const v = (cells[q.idx] ?? '').trim();
      if (v !== q.value && v !== '') parts.push(v);
    }
    return parts.join(' / ');
  }
}

function key(area: Area | undefined, period: string | undefined, p: { indicator: string; service: string; gender: Gender }): string[] {
  return [area?.code ?? '', period ?? '', p.indicator, p.service, p.gender];
}
