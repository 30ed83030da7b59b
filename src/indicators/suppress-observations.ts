import { finding, type Finding } from '../model/findings.js';
import { KeyNumbers } from '../model/row-index.js';
import type { AreaKind } from '../model/register.js';
import { cellGroups } from './cell-groups.js';
import type { Contains } from './containers.js';
import { byCode } from './collation.js';
import { HIDDEN_BELOW, HIDDEN_INCOMPLETE, HIDDEN_SECONDARY, type ObservationColumns } from './observation-columns.js';
import type { Disagreement, Observed } from './observe.js';
import { round } from './round.js';
import { BELOW, SHOWN, suppressCells } from './suppression.js';

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
  for (const list of suppressionCells(obs)) {
    for (const i of suppressCell(obs, list, memberIds, orgId, min)) residualsByFile.set(obs.fileId(i), (residualsByFile.get(obs.fileId(i)) ?? 0) + 1);
    protectContainers(obs, list, min, containers);
  }
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

/** The observations of each suppression cell that has counted shares, in order of first appearance. */
function suppressionCells(obs: ObservationColumns): number[][] {
  const numbers = new KeyNumbers();
  const cells: number[][] = [];
  for (let i = 0; i < obs.size; i++) {
    if (!obs.isShare(i) || !obs.hasN(i)) continue;
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
  const { reason } = suppressCells(n, groups, min, (a, b) => byCode(id(a), id(b)), residual.flags, positive);
  for (let k = 0; k < list.length; k++) if (reason[k] !== SHOWN) obs.hidden[list[k]!] = reason[k] === BELOW ? HIDDEN_BELOW : HIDDEN_SECONDARY;
  return residual.owner.map((k) => list[k]!);
}

/**
 * A region's, the nation's, a kommunalförbund's or a group's figure counts the respondents of the
 * municipalities in it: less those shown, it is the sum of those hidden (as the organisation's is
 * of its members', which the groups model). A sum that would pin or bound a hidden cell below `min`
 * (one hidden cell; all of them under `min` together; none or all positive) hides the container's
 * figures in the cell, every gender; repeated while hiding one changes another's sums.
 */
function protectContainers(obs: ObservationColumns, list: readonly number[], min: number, containers: (code: string, kind: AreaKind) => Contains | undefined): void {
  const boxes = list.filter((i) => containers(obs.areaCode(i), obs.kindOf(i)) !== undefined);
  for (let changed = boxes.length > 0; changed;) {
    changed = false;
    for (const box of boxes) {
      if (!obs.isShown(box)) continue;
      const contains = containers(obs.areaCode(box), obs.kindOf(box))!;
      const inside = list.filter((i) => i !== box && obs.areaId(i) !== obs.areaId(box) && obs.genderId(i) === obs.genderId(box) && contains(obs.areaCode(i), obs.kindOf(i)));
      if (!givesAway(obs, inside.filter((i) => !obs.isShown(i)), min)) continue;
      for (const i of list) if (obs.areaId(i) === obs.areaId(box) && obs.isShown(i)) obs.hidden[i] = HIDDEN_SECONDARY;
      changed = true;
    }
  }
}

/** Whether hidden cells whose sums (respondents, positives) a reader learns are given away by them. */
function givesAway(obs: ObservationColumns, hidden: readonly number[], min: number): boolean {
  if (hidden.length === 0) return false;
  let n = 0;
  let positive = 0;
  for (const i of hidden) {
    n += obs.rawN(i) || 0;
    positive += Math.round((obs.valueOf(i) * (obs.rawN(i) || 0)) / 100);
  }
  return hidden.length === 1 || n - (hidden.length - 1) < min || positive === 0 || positive === n;
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
