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
