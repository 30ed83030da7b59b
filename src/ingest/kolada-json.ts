import type { FindingInput } from '../model/findings.js';
import { valueRecordSchema, type Gender, type ValueRecord } from '../model/records.js';
import { isRespondentShare, SHARE_RANGE, surveyFigureTitle } from '../model/kolada-kpis.js';
import { resolveArea } from '../model/register.js';
import { truncate, visibleLabel } from '../model/text.js';
import { GenderTally } from './gender-tally.js';
import { createJsonStream, type JsonPath, type JsonPos, type JsonWalker } from './json-stream.js';
import type { RejectedRow, RowCounts } from './records.js';
import type { GenderFilter } from '../model/vocabulary.js';
import type { PageLinks } from '../model/input.js';

export interface KoladaOptions {
  file: string;
  /** Keep only this gender; Kolada's default view is `T` (total). */
  gender: GenderFilter;
  /** Survey figures (`surveyFigureTitle`) of every gender whatever `gender` keeps (see `RecordPlan.surveyGenders`). */
  surveyGenders?: boolean;
}

export interface KoladaResult {
  version: 'v2' | 'v3' | undefined;
  /** Each page's links to the pages beside it (see `PageLinks`). */
  pages: PageLinks[];
  records: ValueRecord[];
  rejects: RejectedRow[];
  findings: FindingInput[];
  counts: RowCounts;
}

/** True when the text looks like a saved Kolada API response (one page or an array of pages). */
export function looksLikeKolada(text: string): boolean {
  const head = text.trimStart();
  return (head.startsWith('{') || head.startsWith('[')) && /"values"\s*:/.test(text.slice(0, 4096));
}

/**
 * Whether text opens as JSON does (an object or an array, then a key, a value or its end): a file
 * of JSON that is no Kolada response, which read as CSV was "a header but no data rows".
 */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]\s*(["{[\]}\d-]|true|false|null|$)/.test(text);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, key: string): unknown => (isObject(v) && Object.hasOwn(v, key) ? v[key] : undefined);
/** The original text of a rejected entry, as far as a reader needs it. */
const shown = (v: unknown) => truncate(JSON.stringify(v) ?? String(v), 500);

export interface KoladaIngest {
  write(bytes: Uint8Array): void;
  end(): KoladaResult;
}

/**
 * A saved Kolada values response (API v3, or v2 with `next_page` and no `isdeleted`), or an array
 * of such pages, read as a stream: one entry of a page's `values` is held at a time, so memory
 * follows the records kept, not the file. Each gender entry is one row: used, or ignored with a
 * finding (other gender, `isdeleted`, non-empty `status`, null value), or rejected (unknown area,
 * bad period). Broken JSON is one finding with its line and column, and no records.
 */
export function createKoladaIngest(opts: KoladaOptions): KoladaIngest {
  const out: KoladaResult = { version: undefined, pages: [], records: [], rejects: [], findings: [], counts: { read: 0, used: 0, rejected: 0, ignored: 0 } };
  const entries = new KoladaEntries(opts, out);
  const json = createJsonStream(new KoladaPages(out, (entry, at) => entries.read(entry, at, json.positions)));
  return {
    write: (bytes) => json.write(bytes),
    end() {
      const error = json.end();
      if (error === undefined) {
        entries.dropConflicted();
        out.findings.push(...entries.genders.findings());
        // An empty page is said, as a CSV file with a header and no rows is: nothing was read.
        if (out.counts.read === 0 && out.findings.length === 0) out.findings.push({ code: 'json-no-values' });
        return out;
      }
      const { reason, line, column } = error;
      // Half a document is not read as if it were all of it.
      return { version: undefined, pages: [], records: [], rejects: [], counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, findings: [{ code: 'json-invalid', line, column, args: { reason } }] };
    },
  };
}

const NOT_KOLADA = 'JSON without a "values" array (not a Kolada values response)';

/**
 * The shape of a values response: one page (an object with a `values` array) or an array of
 * pages. Walks to each page's entries, builds each entry whole and hands it on; a page without
 * `values` is a finding. Whether a page has `next_page` tells the API version.
 */
class KoladaPages implements JsonWalker {
  /** Depth of the pages: 0 for one page, 1 for an array of pages. */
  private pageDepth = 0;
  private page: { values: boolean; nextPage: boolean; at: JsonPos; links: PageLinks } | undefined;

  constructor(private readonly out: KoladaResult, private readonly entry: (entry: unknown, at: JsonPos) => void) {}

  enter(path: JsonPath, kind: 'object' | 'array', at: JsonPos): 'walk' | 'build' | 'skip' {
    const depth = this.pageDepth;
    if (path.length === 0 && kind === 'array') {
      this.pageDepth = 1;
      return 'walk';
    }
    if (path.length === depth) {
      if (kind === 'object') {
        this.page = { values: false, nextPage: false, at, links: { next: null, previous: null, count: null, entries: 0 } };
        return 'walk';
      }
      this.out.findings.push({ code: 'kind-unknown', ...at, args: { found: NOT_KOLADA } });
      return 'skip';
    }
    const page = this.page;
    if (page !== undefined && path.length === depth + 1 && path[depth] === 'values' && kind === 'array' && !page.values) {
      page.values = true;
      return 'walk';
    }
    if (page !== undefined && path.length === depth + 2 && path[depth] === 'values') return 'build';
    if (path.length === depth + 1 && path[depth] === 'next_page' && page) page.nextPage = true;
    return 'skip';
  }

  value(path: JsonPath, value: unknown, at: JsonPos): void {
    const depth = this.pageDepth;
    const page = this.page;
    if (path.length === depth + 1 && page) {
      if (path[depth] === 'next_page') page.nextPage = true;
      if (typeof value === 'string') notePageLink(page.links, String(path[depth]), value);
      if (path[depth] === 'count' && typeof value === 'number' && Number.isInteger(value)) page.links.count = value;
    } else if (path.length === depth && depth === 1) this.out.findings.push({ code: 'kind-unknown', ...at, args: { found: NOT_KOLADA } });
    else if (page?.values && path.length === depth + 2 && path[depth] === 'values') {
      page.links.entries++;
      this.entry(value, at);
    }
  }

  leave(path: JsonPath): void {
    const page = this.page;
    if (path.length !== this.pageDepth || page === undefined) return;
    if (!page.values) this.out.findings.push({ code: 'kind-unknown', ...page.at, args: { found: NOT_KOLADA } });
    else {
      this.out.version ??= page.nextPage ? 'v2' : 'v3';
      this.out.pages.push(page.links);
    }
    this.page = undefined;
  }
}

function notePageLink(links: PageLinks, key: string, url: string): void {
  if (key === 'next_url' || key === 'next_page') links.next = url;
  else if (key === 'previous_url' || key === 'previous_page' || key === 'prev_page') links.previous = url;
}

/** A values entry (one indicator, area and period) to a record per gender, each used, ignored or rejected. */
class KoladaEntries {
  /** Each cell's first entry: its line, value and record (a repeat with the same value is read once). */
  private readonly seen = new Map<string, { line: number; value: number; at: number }>();
  /** Records a later entry gave another value for: left out at the end (`dropConflicted`), with that entry's line and the key. */
  private readonly conflicted = new Map<number, { other: number; key: string }>();
  /** Which KPIs have entries of the gender read (see `GenderTally`). */
  readonly genders: GenderTally;

  constructor(private readonly opts: KoladaOptions, private readonly out: KoladaResult) {
    this.genders = new GenderTally(opts.gender);
  }

  read(entry: unknown, pos: JsonPos, positions: WeakMap<object, JsonPos>): void {
    const kpi = get(entry, 'kpi');
    // A code written as a number (a converted file): read as its digits, a lost zero repaired as in CSV.
    const code = get(entry, 'municipality');
    const municipality = typeof code === 'number' && Number.isInteger(code) && code >= 0 ? (code === 0 ? '0000' : String(code)) : code;
    const genders = get(entry, 'values');
    if (typeof kpi !== 'string' || typeof municipality !== 'string' || !Array.isArray(genders)) {
      this.out.counts.read++;
      const ou = get(entry, 'ou');
      if (typeof municipality !== 'string' && ou !== undefined) {
        this.reject(pos.line, entry, 'kolada-unit-level');
        this.out.findings.push({ code: 'kolada-unit-level', ...pos, received: truncate(String(ou)) });
        return;
      }
      const missing = [typeof kpi !== 'string' && 'kpi', typeof municipality !== 'string' && 'municipality', !Array.isArray(genders) && 'values'].filter((k) => k !== false);
      this.reject(pos.line, entry, 'value-required');
      this.out.findings.push({ code: 'value-required', ...pos, args: { role: missing.join(' and ') } });
      return;
    }
    const area = resolveArea(municipality);
    if (area.ok && area.repairedFrom !== undefined) this.out.findings.push({ code: 'area-code-repaired', ...pos, received: truncate(municipality), args: { from: area.repairedFrom, to: area.area.code } });
    for (const g of genders) {
      this.out.counts.read++;
      this.gender(kpi, municipality, area, get(entry, 'period'), g, isObject(g) ? positions.get(g) ?? pos : pos, pos);
    }
  }

  private gender(kpi: string, municipality: string, area: ReturnType<typeof resolveArea>, period: unknown, g: unknown, gpos: JsonPos, pos: JsonPos): void {
    const { findings, counts } = this.out;
    const gender = get(g, 'gender') as Gender | undefined;
    const value = get(g, 'value');
    const status = get(g, 'status');
    const ignore = (code: FindingInput['code'], args: Record<string, string | number> = {}, refers?: number) => {
      findings.push({ code, ...gpos, args, ...(refers === undefined ? {} : { refers }) });
      counts.ignored++;
    };
    if (gender !== 'T' && gender !== 'K' && gender !== 'M') {
      findings.push({ code: 'gender-invalid', ...gpos, received: truncate(String(gender)) });
      return this.reject(gpos.line, g, 'gender-invalid');
    }
    if (this.opts.gender !== 'all' && gender !== this.opts.gender && !(this.opts.surveyGenders === true && surveyFigureTitle(kpi))) {
      this.genders.skip(kpi, gender, gpos.line);
      return ignore('gender-filtered', { gender, selected: this.opts.gender });
    }
    this.genders.kept(kpi);
    if (get(g, 'isdeleted') === true) return ignore('value-deleted');
    if (typeof status === 'string' && status.trim() !== '') return ignore('status-excluded', { status: truncate(status) });
    if (value === null || value === undefined) return ignore('value-missing');
    const year = String(period);
    if (!area.ok) {
      findings.push({ code: 'area-unknown', ...pos, received: truncate(municipality) });
      return this.reject(gpos.line, g, 'area-unknown');
    }
    if (typeof value !== 'number') {
      findings.push({ code: 'value-out-of-range', ...gpos, received: truncate(typeof value === 'string' ? value : JSON.stringify(value) ?? ''), args: { role: 'value', range: 'a JSON number, not text' } });
      return this.reject(gpos.line, g, 'value-out-of-range');
    }

    const parsed = valueRecordSchema.safeParse({
      kind: 'values', area: area.area, period: year, indicator: visibleLabel(kpi), service: '', gender,
      value, n: null, source: { file: this.opts.file, line: gpos.line },
    });
    if (!parsed.success) {
      const path = String(parsed.error.issues[0]?.path[0] ?? 'value');
      findings.push({ code: path === 'period' ? 'period-invalid' : 'value-out-of-range', ...gpos, received: truncate(JSON.stringify(path === 'period' ? period : value) ?? ''), args: { role: path, range: parsed.error.issues[0]?.message ?? '' } });
      return this.reject(gpos.line, g, path === 'period' ? 'period-invalid' : 'value-out-of-range');
    }
    if (isRespondentShare(kpi) && !(parsed.data.value >= 0 && parsed.data.value <= 100)) {
      findings.push({ code: 'value-out-of-range', ...gpos, received: truncate(JSON.stringify(value)), args: { role: 'value', range: SHARE_RANGE } });
      return this.reject(gpos.line, g, 'value-out-of-range');
    }
    const key = `${kpi}|${area.area.code}|${year}|${gender}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      const args = { first: first.line, key: key.replace(/\|/g, ' / ') };
      // The same cell twice (a page fetched twice, a code written "1460" once and 1460 once) is no conflict.
      if (first.value === parsed.data.value) return ignore('duplicate-row', args, first.line);
      findings.push({ code: 'duplicate-conflict', ...gpos, args, refers: first.line });
      if (!this.conflicted.has(first.at)) this.conflicted.set(first.at, { other: gpos.line, key: args.key });
      return this.reject(gpos.line, g, 'duplicate-conflict');
    }
    this.seen.set(key, { line: gpos.line, value: parsed.data.value, at: this.out.records.length });
    this.out.records.push(parsed.data);
    counts.used++;
  }

  /** Two values for one cell are rejected, never picked: the first entry's record is left out too, and counted ignored. */
  dropConflicted(): void {
    if (this.conflicted.size === 0) return;
    const { out } = this;
    out.records = out.records.filter((r, i) => {
      const c = this.conflicted.get(i);
      if (c === undefined) return true;
      out.findings.push({ code: 'duplicate-conflict-first', line: r.source.line, args: c });
      out.counts.used--;
      out.counts.ignored++;
      return false;
    });
  }

  private reject(line: number, value: unknown, reason: string): void {
    this.out.counts.rejected++;
    this.out.rejects.push({ line, reason, text: shown(value) });
  }
}

/** A whole Kolada JSON text to records (the stream, fed at once). */
export function koladaJsonToRecords(text: string, opts: KoladaOptions): KoladaResult {
  const ingest = createKoladaIngest(opts);
  ingest.write(Buffer.from(text, 'utf8'));
  return ingest.end();
}
