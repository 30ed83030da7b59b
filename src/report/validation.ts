import type { Finding } from '../model/findings.js';
import type { ParsedInput } from '../model/input.js';

/** The JSON shape of `tillit validate --format json`. Versioned with the report schema. */
export interface ValidationJson {
  schemaVersion: 1;
  ok: boolean;
  files: {
    file: string;
    format: string | null;
    encoding: string | null;
    bom: boolean;
    delimiter: string | null;
    decimal: string | null;
    kind: string | null;
    title: string | null;
    unit: string | null;
    sign: string | null;
    rows: { read: number; used: number; rejected: number; ignored: number };
    rejectedByReason: Record<string, number>;
    findings: Finding[];
  }[];
}

/**
 * Warnings that leave a file unclean: a numeric column left unread, an indicator left unread
 * whole (its rows all of genders not read), amount columns whose
 * amounts contradict what their names say (monthly amounts under a year-to-date or full-year
 * name) or whose unit makes them implausible, which only the config settles, a year-to-date column
 * that is not the sum of the monthly column beside it (one of the two is wrong), a line whose outcome
 * to date a missing month leaves unsummed (the report shows it without a deviation or status),
 * a saved page whose other pages are not read, shares that look written as fractions, two
 * files' different figures for one cell (a report would use one by the files' order), and a
 * respondent file's weights (its shares are counted unweighted).
 */
const UNCLEAN: ReadonlySet<string> = new Set(['column-unused', 'column-weight', 'budget-columns-monthly', 'budget-columns-unsure', 'budget-ytd-months-differ', 'gender-only-skipped', 'unit-implausible', 'budget-months-missing', 'kolada-page-missing', 'budget-year-column-differs', 'forecast-year-differs', 'forecast-implausible', 'share-fraction', 'share-fraction-among', 'share-fraction-count', 'source-disagreement']);

/**
 * A file passes when it was readable, no row was rejected (it has no error finding), every
 * amount column of a finance file was read (a numeric column left unused is a warning) and its
 * amount columns hold what their names say.
 */
export function inputOk(input: ParsedInput): boolean {
  return !input.findings.some((f) => f.severity === 'error' || (UNCLEAN.has(f.code) && f.severity === 'warning'));
}

function byReason(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) if (f.severity === 'error') out[f.code] = (out[f.code] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function validationJson(inputs: readonly ParsedInput[]): ValidationJson {
  return {
    schemaVersion: 1,
    ok: inputs.every(inputOk),
    files: inputs.map((i) => ({
      file: i.file,
      format: i.format ?? null,
      encoding: i.encoding ?? null,
      bom: i.bom ?? false,
      delimiter: i.delimiter ?? null,
      decimal: i.decimal ?? null,
      kind: i.kind ?? null,
      title: i.title ?? null,
      unit: i.unit ?? null,
      sign: i.sign ?? null,
      rows: i.counts,
      rejectedByReason: byReason(i.findings),
      findings: i.findings,
    })),
  };
}

const SHOW = 5;
const DELIMITER_NAMES: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

/** Human-readable validation summary, one block per file. */
export function renderValidation(inputs: readonly ParsedInput[]): string {
  const out: string[] = [];
  for (const i of inputs) {
    out.push(i.file);
    if (i.format !== undefined) {
      const parts = [`format ${i.format}`, `encoding ${i.encoding}${i.bom ? ' with BOM' : ''}`];
      if (i.delimiter !== undefined) parts.push(`delimiter ${DELIMITER_NAMES[i.delimiter]}`);
      if (i.decimal !== undefined) parts.push(`decimal mark "${i.decimal}"`);
      parts.push(`kind ${i.kind ?? 'unknown'}`);
      if (i.unit !== undefined) parts.push(`unit ${i.unit}`);
      if (i.sign !== undefined) parts.push(`costs written ${i.sign === 'costs-negative' ? 'negative' : 'positive'}`);
      out.push(`  ${parts.join(' · ')}`);
      if (i.title !== undefined) out.push(`  title: ${i.title}`);
    }
    const c = i.counts;
    out.push(`  rows: ${c.read} read, ${c.used} used, ${c.rejected} rejected, ${c.ignored} ignored`);
    const groups = new Map<string, Finding[]>();
    for (const f of i.findings) {
      const key = `${f.severity}\u0000${f.code}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
    }
    const order = { error: 0, warning: 1, info: 2 };
    const sorted = [...groups.values()].sort((a, b) => order[a[0]!.severity] - order[b[0]!.severity] || (a[0]!.code < b[0]!.code ? -1 : a[0]!.code > b[0]!.code ? 1 : 0));
    for (const list of sorted) {
      const f0 = list[0]!;
      out.push(`  ${f0.severity} ${f0.code} ×${list.length}`);
      for (const f of list.slice(0, SHOW)) {
        const where = f.line !== undefined ? `line ${f.line}${f.column !== undefined ? `, column ${f.column}` : ''}: ` : '';
        const got = f.received !== undefined ? ` (received "${f.received}")` : '';
        out.push(`    ${where}${f.message}${got}`);
      }
      if (list.length > SHOW) out.push(`    … and ${list.length - SHOW} more (see --format json)`);
    }
    out.push('');
  }
  const ok = inputs.filter(inputOk);
  const warned = ok.filter((i) => i.findings.some((f) => f.severity === 'warning')).length;
  out.push(`${ok.length} of ${inputs.length} file(s) clean${warned === 0 ? '' : `, ${warned} of them with warnings to read (above)`}`);
  return `${out.join('\n')}\n`;
}
