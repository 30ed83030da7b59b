import type { BudgetTable } from '../model/budget-table.js';
import { normalizeLabel } from '../model/text.js';

/** Headers of a finance export's committee column (`Nämnd`, `Nämnd/styrelse`). */
const COMMITTEE = /^(namnd|namnder|committee|styrelse|namnd styrelse|styrelse namnd|namnd och styrelse)$/;

/**
 * A finance file's committee column, among those no role took: its lines are the committee's
 * (Raindance and similar exports write `Nämnd; Verksamhet; …`, with the committee's headings and
 * sums in it), so an activity two committees both have (`Administration`) is two lines, not a
 * conflict that leaves the area's total without figures.
 */
export function committeeColumn(headers: readonly string[], free: readonly number[]): number | undefined {
  return free.find((idx) => COMMITTEE.test(normalizeLabel(headers[idx] ?? '')));
}

const SEP = '\u0000';

/** The text a committee's line is kept under until the file is read (see `nameCommitteeLines`). */
export function committeeLine(activity: string, committee: string): string {
  return `${activity}${SEP}${committee}`;
}

/**
 * Names each committee's line once the file is read: by its activity alone, unless another
 * committee (or a row with none) has a line of that name, then `Activity (Committee)`.
 */
export function nameCommitteeLines(table: BudgetTable): void {
  const texts = table.activities;
  const committees = new Map<string, Set<string>>();
  for (const text of texts) {
    const sep = text.indexOf(SEP);
    const activity = sep < 0 ? text : text.slice(0, sep);
    const set = committees.get(activity) ?? committees.set(activity, new Set()).get(activity)!;
    set.add(sep < 0 ? '' : text.slice(sep + 1));
  }
  texts.forEach((text, id) => {
    const sep = text.indexOf(SEP);
    if (sep < 0) return;
    const activity = text.slice(0, sep);
    table.renameActivity(id, committees.get(activity)!.size > 1 ? `${activity} (${text.slice(sep + 1)})` : activity);
  });
}

/**
 * Headers of a finance export's levels finer than its lines (Hypergene, Stratsys, Raindance:
 * `Ansvar; Verksamhet; Kontoklass; Projekt; …`): account class, account, responsibility, cost
 * centre, project. Rows of one line that differ there are its parts, added up (`BudgetDetail`).
 */
const DETAIL = /^(kontoklass|kontoklasser|konto|kontogrupp|kontotyp|kontoslag|kontonamn|ansvar|ansvarsomrade|ansvarsenhet|ansvarsnamn|ansvarskod|kostnadsstalle|kst|projekt|projektnamn|motpart|objekt|resultatenhet|account|account class|account group|cost centre|cost center|responsibility|project)$/;

/** A finance file's columns of finer levels than its lines (see `DETAIL`), among those no role took. */
export function detailColumns(headers: readonly string[], free: readonly number[]): number[] {
  return free.filter((idx) => DETAIL.test(normalizeLabel(headers[idx] ?? '')));
}

/**
 * A detail cell that is the sum of its line's parts (`Netto`, `Nettokostnad`, `Summa`, `Totalt`):
 * its parts are added up instead. `Summa intäkter` is a part (a class's sum), not the line's.
 */
const DETAIL_TOTAL = /^(netto\w*(\s.*)?|summa|totalt?|total|sum|s:a|resultat)$/;

/** A detail cell that is part of another row's amount (`varav projekt P1`, `P1 (därav)`): already in the line. */
const DETAIL_INCLUDED = /\b(varav|darav)\b/;

/** What a row of a line met before is to it (see `BudgetDetail.meet`). */
export type DetailStep = 'first' | 'add' | 'replace' | 'skip' | 'same';

/**
 * The parts of each line in a file with detail columns: the first row of a line keeps its place,
 * each later row with another detail is added to it. A sum row (`Netto`) is the line while it has no
 * parts, replaced by the first part and left out once parts come: the parts are added instead. A row
 * of a detail already met is the duplicate it was before (`same`). Counts what it did for one finding.
 */
export class BudgetDetail {
  private readonly state = new Map<number, Set<string> | 'sum'>();
  /** Each detail column's texts, the first few. */
  private readonly texts: Set<string>[];
  private added = 0;
  private sums = 0;

  constructor(private readonly columns: readonly number[], private readonly headers: readonly string[]) {
    this.texts = columns.map(() => new Set());
  }

  /** The row's detail: its detail cells, trimmed, joined. */
  of(cells: readonly string[]): string {
    return this.columns.map((c) => (cells[c] ?? '').trim()).join(' / ');
  }

  /**
   * What a row with `detail` is to table row `row` (its line's first row), noted. A row whose detail
   * cells are all blank is the line's sum as a `Netto` row is (an export's subtotal row); a `varav`
   * row is skipped once the line has parts (its amount is in theirs).
   */
  meet(row: number, detail: string): DetailStep {
    const cells = detail.split(' / ');
    cells.forEach((d, k) => this.texts[k]!.size < 4 && this.texts[k]!.add(d));
    const labels = cells.map(normalizeLabel);
    const sum = labels.every((d) => d === '') || labels.some((d) => DETAIL_TOTAL.test(d));
    if (labels.some((d) => DETAIL_INCLUDED.test(d)) && this.state.has(row)) {
      this.sums++;
      return 'skip';
    }
    const state = this.state.get(row);
    if (state === undefined) {
      this.state.set(row, sum ? 'sum' : new Set([detail]));
      return 'first';
    }
    if (state === 'sum') {
      if (sum) return 'same';
      this.state.set(row, new Set([detail]));
      this.sums++;
      return 'replace';
    }
    if (sum) {
      this.sums++;
      return 'skip';
    }
    if (state.has(detail)) return 'same';
    state.add(detail);
    this.added++;
    return 'add';
  }

  /** What was added up and left out, once for the file at its header line. */
  findings(line: number): { code: 'budget-detail-summed'; line: number; args: Record<string, string | number> }[] {
    if (this.added === 0 && this.sums === 0) return [];
    // The columns whose texts differ: those the parts are of.
    const varied = this.columns.filter((_, k) => this.texts[k]!.size > 1).map((c) => ({ header: this.headers[c]!, texts: [...this.texts[this.columns.indexOf(c)]!].filter((t) => t !== '') }));
    const header = varied.map((v) => `"${v.header}"`).join(', ');
    const examples = varied.map((v) => v.texts.slice(0, 3).join(', ')).join('; ');
    return [{ code: 'budget-detail-summed', line, args: { header, examples, rows: this.added, sums: this.sums } }];
  }
}
