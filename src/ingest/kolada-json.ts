import type { FindingInput } from '../model/findings.js';
import { valueRecordSchema, type Gender, type ValueRecord } from '../model/records.js';
import { resolveArea } from '../model/register.js';
import { truncate, visibleLabel } from '../model/text.js';
import { createJsonStream, type JsonPath, type JsonPos } from './json-stream.js';
import type { RejectedRow, RowCounts } from './records.js';
import type { GenderFilter } from '../model/vocabulary.js';

export interface KoladaOptions {
  file: string;
  /** Keep only this gender; Kolada's default view is `T` (total). */
  gender: GenderFilter;
}

export interface KoladaResult {
  version: 'v2' | 'v3' | undefined;
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
  const findings: FindingInput[] = [];
  const counts: RowCounts = { read: 0, used: 0, rejected: 0, ignored: 0 };
  const rejects: RejectedRow[] = [];
  const out: KoladaResult = { version: undefined, records: [], rejects, findings, counts };
  const seen = new Map<string, number>();
  /** Depth of the pages: 0 for one page, 1 for an array of pages. */
  let pageDepth = 0;
  let page: { values: boolean; nextPage: boolean; at: JsonPos } | undefined;
  const json = createJsonStream({
    enter(path, kind, at) {
      if (path.length === 0 && kind === 'array') {
        pageDepth = 1;
        return 'walk';
      }
      if (path.length === pageDepth) {
        if (kind === 'object') {
          page = { values: false, nextPage: false, at };
          return 'walk';
        }
        findings.push({ code: 'kind-unknown', ...at, args: { found: 'JSON without a "values" array (not a Kolada values response)' } });
        return 'skip';
      }
      if (page !== undefined && isValuesArray(path) && kind === 'array' && !page.values) {
        page.values = true;
        return 'walk';
      }
      if (page !== undefined && path.length === pageDepth + 2 && path[pageDepth] === 'values') return 'build';
      if (path.length === pageDepth + 1 && path[pageDepth] === 'next_page' && page) page.nextPage = true;
      return 'skip';
    },
    value(path, value, at) {
      if (path.length === pageDepth + 1 && path[pageDepth] === 'next_page' && page) page.nextPage = true;
      else if (path.length === pageDepth && pageDepth === 1) findings.push({ code: 'kind-unknown', ...at, args: { found: 'JSON without a "values" array (not a Kolada values response)' } });
      else if (page?.values && path.length === pageDepth + 2 && path[pageDepth] === 'values') readEntry(value, at);
    },
    leave(path) {
      if (path.length !== pageDepth || page === undefined) return;
      if (!page.values) findings.push({ code: 'kind-unknown', ...page.at, args: { found: 'JSON without a "values" array (not a Kolada values response)' } });
      else out.version ??= page.nextPage ? 'v2' : 'v3';
      page = undefined;
    },
  });
  const isValuesArray = (path: JsonPath) => path.length === pageDepth + 1 && path[pageDepth] === 'values';
  const reject = (line: number, value: unknown, reason: string) => {
    counts.rejected++;
    rejects.push({ line, reason, text: shown(value) });
  };

  function readEntry(entry: unknown, pos: JsonPos): void {
    const kpi = get(entry, 'kpi');
    const municipality = get(entry, 'municipality');
    const genders = get(entry, 'values');
    if (typeof kpi !== 'string' || typeof municipality !== 'string' || !Array.isArray(genders)) {
      counts.read++;
      reject(pos.line, entry, 'value-required');
      findings.push({ code: 'value-required', ...pos, args: { role: 'kpi, municipality and values' } });
      return;
    }
    for (const g of genders) {
      counts.read++;
      readGender(kpi, municipality, get(entry, 'period'), g, isObject(g) ? json.positions.get(g) ?? pos : pos, pos);
    }
  }

  function readGender(kpi: string, municipality: string, period: unknown, g: unknown, gpos: JsonPos, pos: JsonPos): void {
    const gender = get(g, 'gender') as Gender | undefined;
    const value = get(g, 'value');
    const status = get(g, 'status');
    const ignore = (code: FindingInput['code'], args: Record<string, string | number> = {}) => {
      findings.push({ code, ...gpos, args });
      counts.ignored++;
    };
    if (gender !== 'T' && gender !== 'K' && gender !== 'M') {
      findings.push({ code: 'gender-invalid', ...gpos, received: truncate(String(gender)) });
      return reject(gpos.line, g, 'gender-invalid');
    }
    if (opts.gender !== 'all' && gender !== opts.gender) return ignore('gender-filtered', { gender, selected: opts.gender });
    if (get(g, 'isdeleted') === true) return ignore('value-deleted');
    if (typeof status === 'string' && status.trim() !== '') return ignore('status-excluded', { status: truncate(status) });
    if (value === null || value === undefined) return ignore('value-missing');
    const area = resolveArea(municipality);
    const year = String(period);
    if (!area.ok) {
      findings.push({ code: 'area-unknown', ...pos, received: truncate(municipality) });
      return reject(gpos.line, g, 'area-unknown');
    }
    const parsed = valueRecordSchema.safeParse({
      kind: 'values', area: area.area, period: year, indicator: visibleLabel(kpi), service: '', gender,
      value, n: null, source: { file: opts.file, line: gpos.line },
    });
    if (!parsed.success) {
      const path = String(parsed.error.issues[0]?.path[0] ?? 'value');
      findings.push({ code: path === 'period' ? 'period-invalid' : 'value-out-of-range', ...gpos, received: truncate(JSON.stringify(path === 'period' ? period : value) ?? ''), args: { role: path, range: parsed.error.issues[0]?.message ?? '' } });
      return reject(gpos.line, g, path === 'period' ? 'period-invalid' : 'value-out-of-range');
    }
    const key = `${kpi}|${area.area.code}|${year}|${gender}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push({ code: 'duplicate-conflict', ...gpos, args: { first, key: key.replace(/\|/g, ' / ') } });
      return reject(gpos.line, g, 'duplicate-conflict');
    }
    seen.set(key, gpos.line);
    out.records.push(parsed.data);
    counts.used++;
  }

  return {
    write: (bytes) => json.write(bytes),
    end() {
      const error = json.end();
      if (error === undefined) return out;
      const { reason, line, column } = error;
      // Half a document is not read as if it were all of it.
      return { version: undefined, records: [], rejects: [], counts: { read: 0, used: 0, rejected: 0, ignored: 0 }, findings: [{ code: 'json-invalid', line, column, args: { reason } }] };
    },
  };
}

/** A whole Kolada JSON text to records (the stream, fed at once). */
export function koladaJsonToRecords(text: string, opts: KoladaOptions): KoladaResult {
  const ingest = createKoladaIngest(opts);
  ingest.write(Buffer.from(text, 'utf8'));
  return ingest.end();
}
