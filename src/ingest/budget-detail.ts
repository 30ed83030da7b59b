import { BUDGET_AMOUNTS, type BudgetTable } from '../model/budget-table.js';
import type { FindingInput } from '../model/findings.js';
import { normalizeLabel } from '../model/text.js';

/**
 * Headers of a finance export's levels finer than its lines (Hypergene, Stratsys, Raindance:
 * `Ansvar; Verksamhet; Kontoklass; Projekt; …`): account class, account, responsibility, cost
 * centre, project. Rows of one line that differ there are its parts (`BudgetDetail`).
 */
const DETAIL = /^(kontoklass|kontoklasser|konto|kontogrupp|kontotyp|kontoslag|kontonamn|ansvar|ansvarsomrade|ansvarsenhet|ansvarsnamn|ansvarskod|kostnadsstalle|kst|projekt|projektnamn|motpart|objekt|resultatenhet|account|account class|account group|cost centre|cost center|responsibility|project)$/;

/** The detail columns that split a line by account: a blank cell there is the sum of the accounts. */
const ACCOUNT = /^(kontoklass|kontoklasser|konto|kontogrupp|kontotyp|kontoslag|kontonamn|account|account class|account group)$/;

/** A finance file's columns of finer levels than its lines (see `DETAIL`), among those no role took. */
export function detailColumns(headers: readonly string[], free: readonly number[]): number[] {
  return free.filter((idx) => DETAIL.test(normalizeLabel(headers[idx] ?? '')));
}

/** A cell that is the sum of its line's or group's parts: `Netto`, `Nettokostnad`, `Summa`, `Totalt`. */
const NET = /^(netto\w*(\s.*)?|summa|totalt?|total|sum|s:a|resultat)$/;
/** A class's own sum (`Summa kostnader`): a part when the classes are not there, else a sum of some. */
const SUBTOTAL = /^(summa|s:a|totalt?)\s+\S/;
/** Part of another row's amount (`varav projekt P1`, `P1 (därav)`): already in a part. */
const INCLUDED = /\b(varav|darav)\b/;

const WIDTH = BUDGET_AMOUNTS.length;

interface DetailRow {
  cells: string[];
  amounts: (number | null)[];
  given: number | null;
  line: number;
}

/** A line worked out from its rows: its amounts and stated deviation, or why it has none. */
type Settled = { amounts: (number | null)[]; given: number | null; parts: number; left: number } | { conflict: number };

/**
 * The rows of each line in a file with detail columns, kept while the file is read and settled
 * at its end (`settle`): in each group of rows alike in the columns that are not accounts
 * (`Ansvar`, `Projekt`), the file's own net (a `Netto` or blank account row) where it gives one,
 * else the sum of its accounts (`Summa kostnader` beside the accounts it sums left out); the line is
 * the sum of its groups. `varav` rows are in another's amount. A part that lacks an amount another
 * part gives leaves the line without it; two nets of a group that differ are a conflict.
 */
export class BudgetDetail {
  private readonly rows = new Map<number, DetailRow[]>();
  private readonly account: boolean[];

  constructor(private readonly columns: readonly number[], private readonly headers: readonly string[]) {
    this.account = columns.map((c) => ACCOUNT.test(normalizeLabel(headers[c] ?? '')));
  }

  /** Keeps a row of table row `row`'s line. */
  keep(row: number, cells: readonly string[], amounts: (number | null)[], given: number | null, line: number): void {
    const list = this.rows.get(row) ?? this.rows.set(row, []).get(row)!;
    list.push({ cells: this.columns.map((c) => normalizeLabel(cells[c] ?? '')), amounts, given, line });
  }

  /** Settles every line with more than one row; returns the findings (a conflict is an error at its line). */
  settle(table: BudgetTable, given: Map<number, number>, headerLine: number): { findings: FindingInput[]; conflicted: { row: number; rows: number }[]; left: number; settled: number[]; most: number } {
    const findings: FindingInput[] = [];
    const conflicted: { row: number; rows: number }[] = [];
    const settled: number[] = [];
    let parts = 0;
    let left = 0;
    for (const [row, list] of this.rows) {
      if (list.length < 2) continue;
      const s = this.line(list);
      if ('conflict' in s) {
        table.blank(row);
        given.delete(row);
        conflicted.push({ row, rows: list.length });
        findings.push({ code: 'budget-detail-conflict', line: s.conflict, args: { first: list[0]!.line } });
        continue;
      }
      table.overwrite(row, table.line[row]!, s.amounts);
      settled.push(row);
      if (s.given === null) given.delete(row);
      else given.set(row, s.given);
      parts += s.parts;
      left += s.left;
    }
    if (parts + left > 0) findings.push({ code: 'budget-detail-summed', line: headerLine, args: { header: this.columns.map((c) => `"${this.headers[c]}"`).join(', '), rows: parts, sums: left } });
    return { findings, conflicted, left, settled, most: Math.max(1, ...[...this.rows.values()].map((l) => l.length)) };
  }

  private line(list: readonly DetailRow[]): Settled {
    const total = list.filter((r) => r.cells.some((c, k) => !this.account[k] && NET.test(c)));
    if (total.length > 0) return this.netOf(total, list.length - total.length);
    const groups = new Map<string, DetailRow[]>();
    for (const r of list) {
      const key = r.cells.filter((_, k) => !this.account[k]).join('\u0000');
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    const settled = [...groups.values()].map((g) => this.group(g));
    const conflict = settled.find((s) => 'conflict' in s);
    if (conflict !== undefined) return conflict;
    const all = settled as Exclude<Settled, { conflict: number }>[];
    const ok = all.filter((s) => s.parts >= 0);
    const left = all.reduce((a, s) => a + s.left, 0);
    if (ok.length === 0) return { amounts: BUDGET_AMOUNTS.map(() => null), given: null, parts: 0, left };
    return { ...sum(ok.map((s) => ({ amounts: s.amounts, given: s.given }))), parts: ok.reduce((a, s) => a + s.parts, 0) + ok.length - 1, left };
  }

  /** One group of rows alike outside the accounts: its net where given, else its accounts summed. */
  private group(all: readonly DetailRow[]): Settled {
    const rows = once(all);
    if ('conflict' in rows) return rows;
    // A row with no amount at all (a line's heading row) is nothing to add.
    const kept = rows.filter((r) => !r.cells.some((c) => INCLUDED.test(c)) && r.amounts.some((a) => a !== null));
    const net = kept.filter((r) => r.cells.every((c, k) => !this.account[k] || c === '' || NET.test(c)) && r.amounts.some((a) => a !== null));
    if (net.length > 0) return this.netOf(net, all.length - net.length);
    const accounts = kept.filter((r) => !r.cells.some((c, k) => this.account[k] && SUBTOTAL.test(c)));
    const used = accounts.length > 0 ? accounts : kept;
    // Nothing to add (only `varav` rows, or none with amounts): the group adds nothing to the line.
    if (used.length === 0) return { amounts: [], given: null, parts: -1, left: all.length };
    return { ...sum(used), parts: used.length - 1, left: all.length - used.length };
  }

  /** Net rows that agree are the figure (the others counted left out); two that differ are a conflict. */
  private netOf(net: readonly DetailRow[], others: number): Settled {
    const first = net[0]!;
    const differs = net.find((r) => r.amounts.some((a, k) => a !== first.amounts[k]));
    if (differs !== undefined) return { conflict: differs.line };
    return { amounts: first.amounts, given: first.given, parts: 0, left: others + net.length - 1 };
  }
}

/** A group's rows, each detail once: the same row again is read once; the same detail with other amounts is a conflict. */
function once(rows: readonly DetailRow[]): DetailRow[] | { conflict: number } {
  const seen = new Map<string, DetailRow>();
  for (const r of rows) {
    const key = r.cells.join('\u0000');
    const prior = seen.get(key);
    if (prior === undefined) seen.set(key, r);
    else if (r.amounts.some((a, k) => a !== prior.amounts[k])) return { conflict: r.line };
  }
  return [...seen.values()];
}

/** Amounts added up: one a part lacks where another gives it is none for the sum (a forecast of costs alone is no net forecast). */
function sum(rows: readonly { amounts: readonly (number | null)[]; given: number | null }[]): { amounts: (number | null)[]; given: number | null } {
  const amounts: (number | null)[] = [];
  for (let k = 0; k < WIDTH; k++) {
    const given = rows.map((r) => r.amounts[k] ?? null);
    amounts.push(given.every((a) => a === null) ? null : given.some((a) => a === null) ? null : given.reduce((a, b) => a! + b!, 0));
  }
  const stated = rows.map((r) => r.given);
  return { amounts, given: stated.every((g) => g !== null) ? stated.reduce((a, b) => a! + b!, 0) : null };
}
