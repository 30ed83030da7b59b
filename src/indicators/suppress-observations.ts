import { finding, type Finding } from '../model/findings.js';
import { KeyNumbers } from '../model/row-index.js';
import { periodYear, pooledRange } from '../model/period.js';
import type { AreaKind } from '../model/register.js';
import { cellGroups } from './cell-groups.js';
import { sharedMunicipalities, type Contains } from './containers.js';
import { byCode } from './collation.js';
import { HIDDEN_BELOW, HIDDEN_INCOMPLETE, HIDDEN_SECONDARY, type ObservationColumns } from './observation-columns.js';
import type { Disagreement, Observed } from './observe.js';
import { restByHalves } from './rest-halves.js';
import { round } from './round.js';
import { atEnd, BELOW, SHOWN, suppressCells, type IndexedGroup, type MeanAnswers } from './suppression.js';

/** What suppression decided, beyond each observation's `hidden`. */
export interface Suppressed {
  /** Disagreeing sources, unknown-gender residuals and incomplete cells, in that order. */
  findings: Finding[];
  /** Whether an input row (file, line) is a source of a hidden cell: findings on it must not be published as they are. */
  behindHidden(file: string, line: number): boolean;
  /** Whether a file is a source of a hidden cell (small, given away or incomplete), the organisation's aside. */
  hasHidden(file: string): boolean;
}

/**
 * Hides what must not be published: cells with too few respondents and those that would give them
 * away (`suppressCell`), then cells with rejected answers. Each cell (question × service × period,
 * all areas and genders) is suppressed on its own, so the order cells are taken in does not matter;
 * within a cell, observations keep their order.
 */
export function suppressObservations(observed: Observed, min: number, containers: (code: string, kind: AreaKind) => Contains | undefined = () => undefined): Suppressed {
  const { obs, memberIds, orgId } = observed;
  const residualsByFile = new Map<number, number>();
  const shared = new Map<string, string[]>();
  const extra = [...new Set(obs.areaCodes.values)];
  const sharedOf = (a: Box, b: Box): string[] => {
    // Two counties, or the nation and a county, share nothing to cancel: asked per cell, without a key.
    if (a.kind === 'region' ? b.kind === 'region' || b.kind === 'nation' : a.kind === 'nation' && b.kind === 'region') return [];
    const key = `${a.kind}|${a.code}|${b.kind}|${b.code}`;
    return shared.get(key) ?? shared.set(key, sharedMunicipalities(a, b, extra)).get(key)!;
  };
  for (const list of suppressionCells(obs)) {
    for (const i of suppressCell(obs, list, memberIds, orgId, min)) residualsByFile.set(obs.fileId(i), (residualsByFile.get(obs.fileId(i)) ?? 0) + 1);
    protectContainers(obs, list, min, containers, memberIds, orgId, sharedOf);
  }
  protectPooled(obs);
  const behindHidden = hiddenSources(obs, orgId);
  const membersShown = (i: number) => memberIds.every((m) => obs.isShown(obs.find(m, obs.cellId(i))));
  const findings = observed.disagreements.map((d) => disagreementFinding(d, obs.key(d.obs), !obs.isShown(d.obs), min, d.pooled !== undefined && membersShown(d.obs)));
  for (const [file, cells] of residualsByFile) findings.push(finding(obs.files.values[file]!, { code: 'gender-unknown-residual', args: { cells, min } }));
  findings.push(...markIncomplete(observed));
  return { findings, behindHidden, hasHidden: hiddenFiles(obs, orgId) };
}

/** `Suppressed.hasHidden`, the files gathered at the first question (after incomplete cells are hidden). */
function hiddenFiles(obs: ObservationColumns, orgId: number): (file: string) => boolean {
  let files: Set<string> | undefined;
  const gather = (): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i < obs.size; i++) {
      if (obs.isShown(i) || obs.areaId(i) === orgId) continue;
      out.add(obs.fileOf(i));
      for (const src of obs.more.get(i) ?? []) out.add(src.file);
    }
    return out;
  };
  return (file) => (files ??= gather()).has(file);
}

/**
 * A pooled period (`2016-2018`) counts the respondents of the periods it covers: beside them, less
 * those shown it gives those hidden (2018's 10 = 100 − 40 − 50), and likewise a window inside it
 * (2016-2017 = 2016-2018 − 2018). A window is shown only where, for its question and service, no
 * period inside it is hidden and every series that has any of its years has them all (a year set
 * aside, its n blank, is one a reader would get back); else it is hidden in every area and gender:
 * a narrower rule would leave the organisation's and the genders' totals to solve with. Repeated,
 * as a window hidden so is itself inside a larger one. Heavy-handed, and rare: data mixing pooled
 * periods with the years they cover.
 */
function protectPooled(obs: ObservationColumns): void {
  const ranges = obs.periods.values.map((text) => pooledRange(text) ?? { from: periodYear(text), to: periodYear(text) });
  if (!ranges.some((r) => r.to > r.from)) return;
  const cell = (i: number) => `${obs.indicatorId(i)}|${obs.serviceId(i)}`;
  const series = (i: number) => `${cell(i)}|${obs.areaId(i)}|${obs.genderId(i)}`;
  const yearsOf = new Map<string, Set<number>>();
  for (let i = 0; i < obs.size; i++) {
    const r = ranges[obs.periodId(i)]!;
    if (r.to === r.from) (yearsOf.get(series(i)) ?? yearsOf.set(series(i), new Set()).get(series(i))!).add(r.from);
  }
  // A window some series has part of, not all: the years it lacks are hidden from the window's view.
  const partial = (i: number, r: { from: number; to: number }) => {
    const years = yearsOf.get(series(i));
    if (years === undefined) return false;
    let held = 0;
    for (let y = r.from; y <= r.to; y++) if (years.has(y)) held++;
    return held > 0 && held < r.to - r.from + 1;
  };
  for (let changed = true; changed;) {
    changed = false;
    const hidden = new Map<string, { from: number; to: number }[]>();
    for (let i = 0; i < obs.size; i++) {
      const r = ranges[obs.periodId(i)]!;
      if (obs.isShown(i) && !obs.isIncomplete(i) && !(r.to > r.from && partial(i, r))) continue;
      (hidden.get(cell(i)) ?? hidden.set(cell(i), []).get(cell(i))!).push(r);
    }
    for (let i = 0; i < obs.size; i++) {
      const r = ranges[obs.periodId(i)]!;
      if (r.to === r.from || !obs.isShown(i)) continue;
      const inside = (hidden.get(cell(i)) ?? []).some((h) => h.from >= r.from && h.to <= r.to);
      if (inside) (obs.hidden[i] = HIDDEN_SECONDARY), (changed = true);
    }
  }
}

/**
 * The observations of each suppression cell with respondents counted (shares, and values such as
 * a mean over n people: a total's n and sum give a hidden gender's mean alike), in order of first
 * appearance.
 */
function suppressionCells(obs: ObservationColumns): number[][] {
  const numbers = new KeyNumbers();
  const cells: number[][] = [];
  for (let i = 0; i < obs.size; i++) {
    if (!obs.hasN(i)) continue;
    const c = numbers.id(obs.indicatorId(i), obs.serviceId(i), obs.periodId(i));
    if (c === cells.length) cells.push([i]);
    else cells[c]!.push(i);
  }
  return cells;
}

/**
 * Suppresses one cell: its additivity groups (`cellGroups`), then primary and secondary suppression
 * (`suppressCells`), each hidden observation marked with its reason. Returns the observations that
 * have respondents of unknown gender (a residual cell of their own, never published).
 */
export function suppressCell(obs: ObservationColumns, list: readonly number[], memberIds: readonly number[], orgId: number, min: number): number[] {
  const { n, positive, groups, residual, irregular } = cellGroups(list, obs, memberIds, orgId);
  if (irregular) {
    for (let k = 0; k < list.length; k++) obs.hidden[list[k]!] = n[k]! < min ? HIDDEN_BELOW : HIDDEN_SECONDARY;
    return residual.owner.map((k) => list[k]!);
  }
  // Ties in n (rare) are broken by the "area|gender" id; a residual sorts after its area's cells.
  const id = (k: number) => (k < list.length ? `${obs.areaCode(list[k]!)}|${obs.genderOf(list[k]!)}` : `${obs.areaCode(list[residual.owner[k - list.length]!]!)}|U`);
  // Answers all alike give each answer away: for shares, none or every one positive; for means,
  // hidden parts averaging at an end of the cell's means.
  const share = obs.isShare(list[0]!);
  const { reason } = suppressCells(n, groups, min, (a, b) => byCode(id(a), id(b)), residual.flags, share ? positive : undefined, share ? undefined : meanAnswers(obs, list, n, groups, residual.owner));
  for (let k = 0; k < list.length; k++) if (reason[k] !== SHOWN) obs.hidden[list[k]!] = reason[k] === BELOW ? HIDDEN_BELOW : HIDDEN_SECONDARY;
  return residual.owner.map((k) => list[k]!);
}

/**
 * The sums of answers of a cell of means (`MeanAnswers`), numbered as `cellGroups` numbers them:
 * its observations' mean × n, then each unknown-gender residual's (its total's sum less its women's
 * and men's), and the lowest and highest mean among them all.
 */
function meanAnswers(obs: ObservationColumns, list: readonly number[], n: ArrayLike<number>, groups: readonly IndexedGroup[], owner: readonly number[]): MeanAnswers {
  const sum = new Float64Array(n.length);
  for (let k = 0; k < list.length; k++) sum[k] = obs.valueOf(list[k]!) * n[k]!;
  // A residual's own relation is its area's: total = women + men + residual.
  for (const g of groups) {
    const r = g.parts.at(-1)!;
    if (r < list.length || owner[r - list.length] !== g.total) continue;
    sum[r] = sum[g.total]!;
    for (const p of g.parts) if (p !== r && p >= 0) sum[r] -= sum[p]!;
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n.length; k++) {
    if (!(n[k]! > 0)) continue;
    const mean = sum[k]! / n[k]!;
    if (mean < lo) lo = mean;
    if (mean > hi) hi = mean;
  }
  return { sum, lo, hi };
}

/**
 * A region's, the nation's, a kommunalförbund's or a group's figure counts the respondents of the
 * areas in it, a relation the groups do not model: less the areas shown, it bounds those hidden,
 * alone or with any other relation. Such a figure is hidden, every gender, unless for each of its
 * genders the areas it holds leave out at least `min` respondents (areas absent from the data) or
 * none of them is hidden or lacks that gender's row: an attack that solved the relations jointly
 * found any narrower test wanting. It is hidden too where what it leaves all answered alike (at
 * 0 % or 100 %, or a mean at an end of the cell's: `alikeRest`), where what it leaves, positive
 * answers and the rest apart, or less a gender, bounds a small hidden part (`restByHalves`: an
 * unknown-gender residual among them), and where a container it overlaps
 * cancels what it leaves (`throughOverlap`). A member hidden so hides the organisation's figure too
 * (it is the members' sum). Repeated while hiding one changes another's test.
 */
function protectContainers(
  obs: ObservationColumns, list: readonly number[], min: number, containers: (code: string, kind: AreaKind) => Contains | undefined, memberIds: readonly number[], orgId: number,
  shared: (a: Box, b: Box) => string[],
): void {
  const rowsOf = new Map<number, number[]>();
  for (const i of list) (rowsOf.get(obs.areaId(i)) ?? rowsOf.set(obs.areaId(i), []).get(obs.areaId(i))!).push(i);
  const boxes: Box[] = [];
  for (const [area, rows] of rowsOf) {
    const contains = containers(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!));
    if (contains !== undefined) boxes.push({ area, code: obs.areaCode(rows[0]!), kind: obs.kindOf(rows[0]!), contains, rows });
  }
  const hide = (area: number) => {
    let any = false;
    for (const i of rowsOf.get(area) ?? []) if (obs.isShown(i)) (obs.hidden[i] = HIDDEN_SECONDARY), (any = true);
    return any;
  };
  const insideOf = (box: Box) => [...rowsOf.entries()].filter(([a, rows]) => a !== box.area && box.contains(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!))).map(([, rows]) => rows);
  const ends = cellEnds(obs, list);
  for (let changed = boxes.length > 0; changed;) {
    changed = false;
    for (const box of boxes) {
      const inside = insideOf(box);
      const exposed = exposes(obs, box.rows, inside, min) || alikeRest(obs, box.rows, inside, ends) || restByHalves(obs, box.rows, inside, min, ends.share)
        || boxes.some((other) => other !== box && shared(box, other).length > 0 && throughOverlap(obs, box, inside, other, insideOf(other), shared(box, other), rowsOf, min));
      if (!exposed || !hide(box.area)) continue;
      changed = true;
      if (memberIds.includes(box.area)) hide(orgId);
    }
  }
}

/** A container in one suppression cell: its area, code, kind, what it holds and its rows. */
interface Box {
  area: number;
  code: string;
  kind: AreaKind;
  contains: Contains;
  rows: readonly number[];
}

/** What an answer of a cell can be: for shares each respondent 0 or 1 (counts), for means the lowest and highest mean of the cell. */
interface CellEnds {
  share: boolean;
  lo: number;
  hi: number;
}

function cellEnds(obs: ObservationColumns, list: readonly number[]): CellEnds {
  if (obs.isShare(list[0]!)) return { share: true, lo: 0, hi: 1 };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of list) {
    if (!(obs.rawN(i) > 0)) continue;
    lo = Math.min(lo, obs.valueOf(i));
    hi = Math.max(hi, obs.valueOf(i));
  }
  return { share: false, lo, hi };
}

/** A row's answers: positive answers of a share, the sum of a mean's (mean × n). */
function answersOf(obs: ObservationColumns, i: number, share: boolean): number {
  const n = obs.rawN(i) || 0;
  return share ? Math.round((obs.valueOf(i) * n) / 100) : obs.valueOf(i) * n;
}

/**
 * Whether a shown container figure, less the areas in it shown for its gender (one kind of area
 * at a time: the nation's municipalities, then its regions), leaves respondents who all answered
 * alike while an area in it is hidden or lacks that gender: every one of them positive or none, or
 * (a mean) averaging at the lowest or highest mean of the cell, which a scale's end would be. A
 * region at 100 % says each hidden municipality in it is at 100 %; counts and sizes the other rules
 * leave open do not hide that. For a mean, where the areas left unknown all have rows of that
 * gender (hidden ones), the rest must average exactly at the cell's end: one beyond it is no end.
 */
function alikeRest(obs: ObservationColumns, own: readonly number[], inside: readonly (readonly number[])[], ends: CellEnds): boolean {
  return own.some((box) => {
    if (!obs.isShown(box)) return false;
    const g = obs.genderId(box);
    const rowOf = (rows: readonly number[]) => rows.find((r) => obs.genderId(r) === g);
    const unknown = inside.filter((rows) => { const r = rowOf(rows); return r === undefined || !obs.isShown(r); });
    if (unknown.length === 0) return false;
    const lacking = unknown.some((rows) => rowOf(rows) === undefined);
    const kinds = new Set(inside.map((rows) => obs.kindOf(rows[0]!)));
    for (const kind of kinds) {
      let mass = obs.rawN(box) || 0;
      let sum = answersOf(obs, box, ends.share);
      for (const rows of inside) {
        const r = rowOf(rows);
        if (r === undefined || !obs.isShown(r) || obs.kindOf(r) !== kind) continue;
        mass -= obs.rawN(r) || 0;
        sum -= answersOf(obs, r, ends.share);
      }
      if (!(mass > 0) || !atEnd(sum, mass, ends.share ? 0 : ends.lo, ends.share ? 1 : ends.hi)) continue;
      if (ends.share || lacking || near(sum, mass, ends.lo) || near(sum, mass, ends.hi)) return true;
    }
    return false;
  });
}

/** Whether `mass` respondents whose answers sum to `sum` average `mean`, within `atEnd`'s slack. */
function near(sum: number, mass: number, mean: number): boolean {
  return Math.abs(sum - mean * mass) <= 1e-9 * mass * Math.max(1, Math.abs(mean));
}

/**
 * Whether container `box`, less `other` (a container overlapping it, neither holding the other),
 * could narrow a hidden area of `box`'s: the two cancel what they share, the municipalities they
 * both hold that have no shown row, so what protects an area in `box` only is what `box` leaves
 * out less what `other` leaves out (all of `other` when it is a group of unknown members). The
 * same test as `exposes`, on that smaller rest, for each gender both show.
 */
function throughOverlap(
  obs: ObservationColumns, box: Box, inside: readonly (readonly number[])[], other: Box, otherInside: readonly (readonly number[])[],
  shared: readonly string[], rowsOf: ReadonlyMap<number, readonly number[]>, min: number,
): boolean {
  if (shared.length === 0) return false;
  const byCode = new Map([...rowsOf.values()].map((rows) => [obs.areaCode(rows[0]!), rows]));
  return box.rows.some((b) => {
    if (!obs.isShown(b)) return false;
    const g = obs.genderId(b);
    const c = other.rows.find((r) => obs.genderId(r) === g);
    if (c === undefined || !obs.isShown(c)) return false;
    const shownOf = (rows: readonly number[] | undefined) => rows?.find((r) => obs.genderId(r) === g && obs.isShown(r));
    // Nothing cancels where every municipality both hold is shown for this gender.
    if (shared.every((code) => shownOf(byCode.get(code)) !== undefined)) return false;
    // Areas of `box` to protect that `other` does not surely hold too (those cancel with it).
    const alone = inside.some((rows) => shownOf(rows) === undefined && (other.contains.guessed === true || !other.contains(obs.areaCode(rows[0]!), obs.kindOf(rows[0]!))));
    if (!alone) return false;
    let held = 0;
    for (const rows of inside) {
      const part = heldBy(obs, rows, g);
      if (part === undefined) return true;
      held += part.n;
    }
    let otherHeld = 0;
    if (other.contains.guessed !== true) {
      for (const rows of otherInside) if (obs.kindOf(rows[0]!) === 'municipality') otherHeld += obs.rawN(shownOf(rows) ?? -1) || 0;
    }
    return (obs.rawN(b) || 0) - held - ((obs.rawN(c) || 0) - otherHeld) < min;
  });
}

/** Whether a container's figures (`own`) less the areas in it (`inside`, each its rows) could narrow a hidden one. */
function exposes(obs: ObservationColumns, own: readonly number[], inside: readonly (readonly number[])[], min: number): boolean {
  const hidden = inside.some((rows) => rows.some((i) => !obs.isShown(i)));
  return own.some((box) => {
    let held = 0;
    let lacking = false;
    for (const rows of inside) {
      const part = heldBy(obs, rows, obs.genderId(box));
      if (part === undefined) return true;
      held += part.n;
      lacking ||= part.lacking;
    }
    return (obs.rawN(box) || 0) - held < min && (hidden || lacking);
  });
}

/**
 * The most of a container's figure for gender `g` an area in it can hold, from its rows: its own
 * figure for `g`; without one, its women and men (for the total) or its total less the other gender
 * (for women or men: they and those of no gender), `lacking` then. Undefined when its rows cannot
 * bound it: the whole rest could be that area's.
 */
function heldBy(obs: ObservationColumns, rows: readonly number[], g: number): { n: number; lacking: boolean } | undefined {
  const of = (gender: number) => {
    const i = rows.find((r) => obs.genderId(r) === gender);
    return i === undefined ? undefined : obs.rawN(i) || 0;
  };
  const own = of(g);
  if (own !== undefined) return { n: own, lacking: false };
  const [total, women, men] = [of(0), of(1), of(2)];
  if (g === 0) return women !== undefined && men !== undefined ? { n: women + men, lacking: true } : undefined;
  const other = g === 1 ? men : women;
  return total !== undefined && other !== undefined ? { n: total - other, lacking: true } : undefined;
}

/**
 * The input rows behind hidden cells (the organisation's are its members' rows, judged on their own),
 * as suppression left them (before incomplete cells are hidden too). Gathered at the first question:
 * only a finding with a line asks, and a national file with none (400 000 hidden cells) asks nothing.
 */
function hiddenSources(obs: ObservationColumns, orgId: number): (file: string, line: number) => boolean {
  const size = obs.size;
  const hidden = obs.hidden.slice(0, size);
  let rows: Map<string, Set<number>> | undefined;
  const gather = (): Map<string, Set<number>> => {
    const out = new Map<string, Set<number>>();
    for (let i = 0; i < size; i++) {
      if (hidden[i] === 0 || obs.areaId(i) === orgId) continue;
      for (const src of obs.sourcesOf(i)) {
        let lines = out.get(src.file);
        if (lines === undefined) out.set(src.file, (lines = new Set()));
        lines.add(src.line);
      }
    }
    return out;
  };
  return (file, line) => (rows ??= gather()).get(file)?.has(line) === true;
}

/**
 * Incomplete cells are kept out of everything published, whatever suppression decided (publishing
 * less never reveals more), with a finding each. Suppression saw their counted n: a cell hidden
 * as small says "incomplete" instead, which tells nothing about its n.
 */
function markIncomplete({ obs }: Observed): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < obs.size; i++) {
    if (!obs.isIncomplete(i)) continue;
    obs.hidden[i] = HIDDEN_INCOMPLETE;
    // No line and no count: either would say something of a cell that is not published.
    findings.push(finding(obs.fileOf(i), { code: 'cell-incomplete', args: { key: obs.key(i) } }));
  }
  return findings;
}

/**
 * The finding for two sources that disagree on a cell. It names the cell and the files; the
 * figures only when the cell is shown and neither side counts fewer than `min` respondents, and the
 * line of the figure set aside only then and when it is an aggregated row (a respondent-level
 * group's first line would tell where its rows start). A hidden cell's figures would undo hiding it.
 */
function disagreementFinding(d: Disagreement, key: string, hidden: boolean, min: number, membersShown: boolean): Finding {
  const small = (d.n !== null && d.n < min) || (d.keptN !== null && d.keptN < min);
  if (d.pooled !== undefined) return organisationDisagreement(d, d.pooled.poolKept, key, !hidden && !small && membersShown);
  if (hidden || small) return finding(d.at.file, { code: 'source-disagreement-hidden', args: { key, other: d.keptFile } });
  return finding(d.at.file, {
    code: 'source-disagreement', ...(d.atAnswers ? {} : { line: d.at.line }),
    args: { key, value: round(d.value, 2), n: d.n ?? '–', other: d.keptFile, otherValue: round(d.keptValue, 2), otherN: d.keptN ?? '–' },
  });
}

/**
 * The organisation's own published row against its members pooled. The pool is a total no output
 * shows: its figures are printed only when the organisation's cell and every member's are shown
 * (the pool then follows from them), else they could be solved for a hidden member's. The finding
 * is on the organisation's row, which is one input row.
 */
function organisationDisagreement(d: Disagreement, poolKept: boolean, key: string, showFigures: boolean): Finding {
  const own = poolKept ? { value: d.value, n: d.n, source: d.at } : { value: d.keptValue, n: d.keptN, source: { file: d.keptFile, line: undefined } };
  const pool = poolKept ? { value: d.keptValue, n: d.keptN } : { value: d.value, n: d.n };
  const text = (f: { value: number; n: number | null }) => `${round(f.value, 2)} (n ${f.n ?? '–'})`;
  const figures = showFigures ? `(its own ${text(own)}, the members pooled ${text(pool)})` : "(the figures are not printed: they could give away a hidden member's)";
  const line = showFigures && own.source.line !== undefined ? { line: own.source.line } : {};
  return finding(own.source.file, { code: 'organisation-disagreement', ...line, args: { key, figures, used: poolKept ? "the members' answers pooled are" : "this file's figure is" } });
}
