import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { FindingInput } from '../model/findings.js';
import { valueRecordSchema, type Gender, type ValueRecord } from '../model/records.js';
import { resolveArea } from '../model/register.js';
import { truncate } from '../model/text.js';
import type { RejectedRow, RowCounts } from './records.js';

export interface KoladaOptions {
  file: string;
  /** Keep only this gender; Kolada's default view is `T` (total). */
  gender: Gender | 'all';
}

export interface KoladaResult {
  version: 'v2' | 'v3' | undefined;
  records: ValueRecord[];
  rejects: RejectedRow[];
  findings: FindingInput[];
  counts: RowCounts;
}

/** Line and column (1-based) of a character offset. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function prop(node: Node | undefined, key: string): Node | undefined {
  return node?.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
}

/** True when the text looks like a saved Kolada API response (one page or an array of pages). */
export function looksLikeKolada(text: string): boolean {
  const head = text.trimStart();
  return (head.startsWith('{') || head.startsWith('[')) && /"values"\s*:/.test(text.slice(0, 4096));
}

/**
 * A saved Kolada values response (API v3, or v2 with `next_page` and no `isdeleted`), or an array
 * of such pages, to value records. Each gender entry is one row: used, or ignored with a finding
 * (other gender, `isdeleted`, non-empty `status`, null value), or rejected (unknown area, bad period).
 */
export function koladaJsonToRecords(text: string, opts: KoladaOptions): KoladaResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const at = locator(text);
  const findings: FindingInput[] = [];
  const counts: RowCounts = { read: 0, used: 0, rejected: 0, ignored: 0 };
  const rejects: RejectedRow[] = [];
  const out: KoladaResult = { version: undefined, records: [], rejects, findings, counts };
  const reject = (node: Node, reason: string) => {
    counts.rejected++;
    rejects.push({ line: at(node.offset).line, reason, text: text.slice(node.offset, node.offset + node.length) });
  };
  if (errors.length > 0 || root === undefined) {
    const e = errors[0];
    const pos = at(e?.offset ?? 0);
    findings.push({ code: 'json-invalid', ...pos, args: { reason: e ? printParseErrorCode(e.error) : 'empty document' } });
    return out;
  }
  const pages = root.type === 'array' ? root.children ?? [] : [root];
  const seen = new Map<string, number>();
  for (const page of pages) {
    const values = prop(page, 'values');
    if (values?.type !== 'array') {
      findings.push({ code: 'kind-unknown', ...at(page.offset), args: { found: 'JSON without a "values" array (not a Kolada values response)' } });
      continue;
    }
    out.version ??= prop(page, 'next_page') !== undefined ? 'v2' : 'v3';
    for (const entry of values.children ?? []) {
      const kpi = prop(entry, 'kpi')?.value;
      const municipality = prop(entry, 'municipality')?.value;
      const period = prop(entry, 'period')?.value;
      const genders = prop(entry, 'values');
      const pos = at(entry.offset);
      if (typeof kpi !== 'string' || typeof municipality !== 'string' || genders?.type !== 'array') {
        counts.read++;
        reject(entry, 'value-required');
        findings.push({ code: 'value-required', ...pos, args: { role: 'kpi, municipality and values' } });
        continue;
      }
      for (const g of genders.children ?? []) {
        counts.read++;
        const gpos = at(g.offset);
        const gender = prop(g, 'gender')?.value as Gender | undefined;
        const value = prop(g, 'value')?.value as unknown;
        const status = prop(g, 'status')?.value as unknown;
        const ignore = (code: FindingInput['code'], args: Record<string, string | number> = {}) => {
          findings.push({ code, ...gpos, args });
          counts.ignored++;
        };
        if (gender !== 'T' && gender !== 'K' && gender !== 'M') {
          findings.push({ code: 'gender-invalid', ...gpos, received: truncate(String(gender)) });
          reject(g, 'gender-invalid');
          continue;
        }
        if (opts.gender !== 'all' && gender !== opts.gender) {
          ignore('gender-filtered', { gender, selected: opts.gender });
          continue;
        }
        if (prop(g, 'isdeleted')?.value === true) {
          ignore('value-deleted');
          continue;
        }
        if (typeof status === 'string' && status.trim() !== '') {
          ignore('status-excluded', { status: truncate(status) });
          continue;
        }
        if (value === null || value === undefined) {
          ignore('value-missing');
          continue;
        }
        const area = resolveArea(municipality);
        const year = String(period);
        if (!area.ok) {
          findings.push({ code: 'area-unknown', ...pos, received: truncate(municipality) });
          reject(g, 'area-unknown');
          continue;
        }
        const parsed = valueRecordSchema.safeParse({
          kind: 'values', area: area.area, period: year, indicator: kpi, service: '', gender,
          value, n: null, source: { file: opts.file, line: gpos.line },
        });
        if (!parsed.success) {
          const path = String(parsed.error.issues[0]?.path[0] ?? 'value');
          findings.push({ code: path === 'period' ? 'period-invalid' : 'value-out-of-range', ...gpos, received: truncate(JSON.stringify(path === 'period' ? period : value)), args: { role: path, range: parsed.error.issues[0]?.message ?? '' } });
          reject(g, path === 'period' ? 'period-invalid' : 'value-out-of-range');
          continue;
        }
        const key = `${kpi}|${area.area.code}|${year}|${gender}`;
        const first = seen.get(key);
        if (first !== undefined) {
          findings.push({ code: 'duplicate-conflict', ...gpos, args: { first, key: key.replace(/\|/g, ' / ') } });
          reject(g, 'duplicate-conflict');
          continue;
        }
        seen.set(key, gpos.line);
        out.records.push(parsed.data);
        counts.used++;
      }
    }
  }
  return out;
}
