import { finding, type Finding } from '../model/findings.js';
import type { AreaKind } from '../model/register.js';
import { cellGroups } from './cell-groups.js';
import { containerRelations, NATION_AREAS, type Positives } from './container-relations.js';
import type { Contains } from './containers.js';
import { byCode } from './collation.js';
import { HIDDEN_BELOW, HIDDEN_INCOMPLETE, HIDDEN_SECONDARY, KIND_ID, type ObservationColumns } from './observation-columns.js';
import type { Disagreement, Observed } from './observe.js';
import { containerProtection } from './protect-containers.js';
import { countRange, decimalsOf } from './positive-share.js';
import { protectCounts } from './protect-counts.js';
import { protectPooled } from './protect-pooled.js';
import { protectUnnumbered } from './protect-unnumbered.js';
import { agreeWithPlain, configOnly, hideOwnRows } from './beside-plain.js';
import { suppressionCells } from './suppression-cells.js';
import { round } from './round.js';
import { BELOW, SHOWN, suppressCells, type IndexedGroup, type MeanAnswers } from './suppression.js';

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
export function suppressObservations(
  observed: Observed, min: number, containers: (code: string, kind: AreaKind) => Contains | undefined = () => undefined,
  plain?: { containers: (code: string, kind: AreaKind) => Contains | undefined; containersOnlyData: boolean },
): Suppressed {
  const { obs, memberIds, poolIds, orgId } = observed;
  // What a report of the same data without the config hides: the two published side by side must
  // give no more away than that one (see `agreeWithPlain`).
  const plainHidden = plain === undefined ? undefined : hiddenWithout(obs, min, plain.containers, orgId);
  const residualsByFile = new Map<number, number>();
  // Per area held back by `hideUnsolved`, and per container counting fewer respondents than the
  // areas in it: one of its observations, and in how many cells.
  const heldBack: Tally = new Map();
  const short: Tally = new Map();
  const protectContainers = containerProtection(obs, min, containers, memberIds, orgId);
  // Containers' figures (regions, the nation, kommunalförbund, peer groups) go to the solver as
  // relations; a report without any (the common case) does no work per cell for them.
  const modelled = hasContainers(obs) ? containers : undefined;
  // Ranges of positive answers matter only to the solver, which has work only beside containers or
  // an organisation: a national file of municipalities alone reads no decimals.
  const places = modelled !== undefined || poolIds.length > 0 ? shareDecimals(obs, orgId) : undefined;
  for (const list of suppressionCells(obs)) {
    let fewer = -1;
    const { residuals, solved, unsolved } = suppressCellWith(obs, list, poolIds, orgId, min, modelled, (area) => (fewer = area), places);
    for (const i of residuals) residualsByFile.set(obs.fileId(i), (residualsByFile.get(obs.fileId(i)) ?? 0) + 1);
    for (const i of hideUnsolved(obs, list, unsolved)) tally(heldBack, obs.areaId(i), i);
    protectContainers(list, solved);
    // Said only where the cell shows everything: beside a hidden area, that its container holds
    // fewer would bound the hidden one from below.
    if (fewer >= 0 && list.every((i) => obs.isShown(i))) tally(short, fewer, list.find((i) => obs.areaId(i) === fewer)!);
  }
  if (plainHidden !== undefined) agreeWithPlain(obs, plainHidden, poolIds, plain!.containersOnlyData);
  if (orgId >= 0) hideOwnRows(obs, orgId, poolIds, min);
  protectPooled(obs, containers);
  // Counts of respondents beside the shares that took their n from them, and beside each other.
  protectCounts(obs, observed.countLinks);
  // Containers' figures without an n, beside the areas they hold (the solver has no relation of theirs).
  protectUnnumbered(obs, containers, orgId, poolIds);
  // A row whose figure a disagreement set aside is published nowhere: its findings go without detail too.
  const hiddenRow = hiddenSources(obs, orgId);
  const aside = new Set(observed.disagreements.map((d) => `${d.at.file}\u0000${d.at.line}`));
  const behindHidden = (file: string, line: number) => aside.has(`${file}\u0000${line}`) || hiddenRow(file, line);
  const membersShown = (i: number) => memberIds.every((m) => obs.isShown(obs.find(m, obs.cellId(i))));
  const findings = observed.disagreements.map((d) => disagreementFinding(d, obs.key(d.obs), !obs.isShown(d.obs), min, d.pooled !== undefined && membersShown(d.obs)));
  for (const [file, cells] of residualsByFile) findings.push(finding(obs.files.values[file]!, { code: 'gender-unknown-residual', args: { cells, min } }));
  for (const { first, cells } of heldBack.values()) findings.push(heldBackFinding(obs.areaCode(first), obs.kindOf(first), cells, obs.fileOf(first)));
  // No figures: they would give the hidden areas' counts. The cell named is the first one.
  for (const { first, cells } of short.values()) findings.push(finding(obs.fileOf(first), { code: 'container-fewer', args: { area: obs.areaCode(first), cells, key: obs.key(first) } }));
  findings.push(...markIncomplete(observed));
  return { findings, behindHidden, hasHidden: hiddenFiles(obs, orgId) };
}

/**
 * The observations a report of the same data without the config would hide (its containers only
 * those the data name, no organisation, no kommunalförbund): suppressed as such a report suppresses
 * them, the verdicts copied out and the observations left shown for the report's own suppression.
 */
function hiddenWithout(obs: ObservationColumns, min: number, containers: (code: string, kind: AreaKind) => Contains | undefined, orgId: number): Uint8Array {
  const modelled = hasContainers(obs) ? containers : undefined;
  // The organisation's figures tell nothing of how the files round their shares.
  const places = modelled !== undefined ? shareDecimals(obs, orgId) : undefined;
  const protect = containerProtection(obs, min, containers, [], -1);
  for (const all of suppressionCells(obs)) {
    const list = all.filter((i) => !configOnly(obs, i));
    if (list.length === 0) continue;
    const { solved, unsolved } = suppressCellWith(obs, list, [], -1, min, modelled, undefined, places);
    hideUnsolved(obs, list, unsolved);
    protect(list, solved);
  }
  protectPooled(obs, containers);
  const hidden = Uint8Array.from(obs.hidden.subarray(0, obs.size));
  obs.hidden.fill(0, 0, obs.size);
  return hidden;
}

/** Per area: the observation it was first counted at, and in how many cells. */
type Tally = Map<number, { first: number; cells: number }>;

/** Counts one more cell for `area`, keeping the observation it was first counted at. */
function tally(cells: Tally, area: number, first: number): void {
  const seen = cells.get(area);
  if (seen === undefined) cells.set(area, { first, cells: 1 });
  else seen.cells++;
}

/**
 * A container whose relations the solver does not have (`containerRelations`: a group whose members
 * tillit does not know, the nation of a cell too large for one program) is hidden, every gender,
 * wherever anything in the cell is: the conservative rules, asked beside containers and an
 * organisation solved jointly, let a reader combine them (an attack bounded a region's respondents
 * of no gender below the threshold through the nation). With it hidden, what is published is what
 * the solver had. Shown where nothing is hidden. Returns an observation of each area it hid.
 */
function hideUnsolved(obs: ObservationColumns, list: readonly number[], unsolved: ReadonlySet<number>): number[] {
  if (unsolved.size === 0 || !list.some((i) => !obs.isShown(i))) return [];
  const hid = new Map<number, number>();
  for (const i of list) if (unsolved.has(obs.areaId(i)) && obs.isShown(i)) (obs.hidden[i] = HIDDEN_SECONDARY), hid.set(obs.areaId(i), hid.get(obs.areaId(i)) ?? i);
  return [...hid.values()];
}

/**
 * What `hideUnsolved` held back, said once per area: a figure missing from every cell with a hidden
 * one would else look like a small group of its own. A group's members listed in the config let the
 * solver have it; the nation of a national file has no such remedy.
 */
function heldBackFinding(code: string, kind: AreaKind, cells: number, file: string): Finding {
  const why = kind === 'nation'
    ? `with more than ${NATION_AREAS} areas in a cell, tillit cannot check what Riket less its regions and municipalities would give away`
    : `tillit does not know the group's members, so it cannot check what its figure less theirs would give away; list them under "peers" in the config ("${code}": ["1460", …]) to have it checked, and shown where it gives nothing away`;
  return finding(file, { code: 'container-held-back', args: { area: kind === 'nation' ? 'Riket' : code, cells, why } });
}

/** Whether any observation is a container's: a region's, the nation's, a kommunalförbund's or a group's. */
function hasContainers(obs: ObservationColumns): boolean {
  const kinds = [KIND_ID.region, KIND_ID.nation, KIND_ID.federation, KIND_ID.group];
  for (let i = 0; i < obs.size; i++) if (kinds.includes(obs.kind[i]!)) return true;
  return false;
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
 * Suppresses one cell: its additivity groups (`cellGroups`), then primary and secondary suppression
 * (`suppressCells`), each hidden observation marked with its reason. Returns the observations that
 * have respondents of unknown gender (a residual cell of their own, never published).
 */
export function suppressCell(obs: ObservationColumns, list: readonly number[], memberIds: readonly number[], orgId: number, min: number): number[] {
  return suppressCellWith(obs, list, memberIds, orgId, min).residuals;
}

/**
 * `suppressCell`, with the relations of the containers in the cell (regions, the nation,
 * kommunalförbund, peer groups) given to the solver where `containers` is given and they can be
 * modelled (`containerRelations`). Returns, beside the residuals, the area ids of the containers so
 * solved (`protectContainers` leaves them to the solver but for what it does not check: a rest all
 * alike) and of those it could not have (`hideUnsolved`).
 */
function suppressCellWith(
  obs: ObservationColumns, list: readonly number[], memberIds: readonly number[], orgId: number, min: number,
  containers?: (code: string, kind: AreaKind) => Contains | undefined, fewer?: (area: number) => void, places?: ReadonlyMap<number, number>,
): { residuals: number[]; solved: ReadonlySet<number>; unsolved: ReadonlySet<number> } {
  const cell = cellGroups(list, obs, memberIds, orgId);
  const { residual, irregular } = cell;
  let { n, positive, groups } = cell;
  const residuals = residual.owner.map((k) => list[k]!);
  if (irregular) {
    for (let k = 0; k < list.length; k++) obs.hidden[list[k]!] = n[k]! < min ? HIDDEN_BELOW : HIDDEN_SECONDARY;
    return { residuals, solved: NONE, unsolved: NONE };
  }
  let flags: ArrayLike<number> = residual.flags;
  const share = obs.isShare(list[0]!);
  const ranges = share && places !== undefined ? positiveRanges(obs, list, n, positive, places) : undefined;
  // Every count one number (small cells, shares written in full): the solver reads them as such.
  let rounded = false;
  for (let k = 0; ranges !== undefined && k < list.length && !rounded; k++) rounded = ranges.lo[k] !== ranges.hi[k];
  const boxes = containers === undefined ? undefined : containerRelations(list, obs, n, ranges, groups, residual.owner, containers, undefined, fewer);
  if (boxes !== undefined) {
    // Free cells after the others: n and positive 0, flag 2.
    const size = n.length + boxes.free;
    const grow = (a: Float64Array) => { const out = new Float64Array(size); out.set(a); return out; };
    n = grow(n);
    positive = grow(positive);
    if (ranges !== undefined) (ranges.lo = grow(ranges.lo as Float64Array)), (ranges.hi = grow(ranges.hi as Float64Array));
    const f = new Uint8Array(size);
    f.set(residual.flags);
    f.fill(2, residual.flags.length);
    flags = f;
    groups = boxes.groups;
  }
  // Ties in n (rare) are broken by the "area|gender" id; a residual sorts after its area's cells.
  const id = (k: number) => (k < list.length ? `${obs.areaCode(list[k]!)}|${obs.genderOf(list[k]!)}` : `${obs.areaCode(list[residual.owner[k - list.length]!]!)}|U`);
  // Answers all alike give each answer away: for shares, none or every one positive; for means,
  // hidden parts averaging at an end of the cell's means.
  // A count of respondents has no answers: its n alone is solved for.
  const means = share || obs.isCount(list[0]!) ? undefined : meanAnswers(obs, list, n, groups, residual.owner);
  const { reason } = suppressCells(n, groups, min, (a, b) => byCode(id(a), id(b)), flags, share ? positive : undefined, means, rounded ? ranges : undefined);
  for (let k = 0; k < list.length; k++) if (reason[k] !== SHOWN) obs.hidden[list[k]!] = reason[k] === BELOW ? HIDDEN_BELOW : HIDDEN_SECONDARY;
  // A container solved for its counts only answers to the conservative rules too.
  const solved = boxes === undefined ? NONE : new Set([...boxes.containers].filter((a) => !boxes.countsOnly.has(a)));
  return { residuals, solved, unsolved: boxes?.unsolved ?? NONE };
}

const NONE: ReadonlySet<number> = new Set();

/**
 * The least and most positive answers each observation's share can stand for, rounded as it is
 * written: 78,6 % of 2 600 is 2 043 or 2 044 (a share read to its last written decimal, at most
 * six); cells after the observations (residuals, then free cells) keep their one count.
 */
function positiveRanges(obs: ObservationColumns, list: readonly number[], n: ArrayLike<number>, positive: ArrayLike<number>, places: ReadonlyMap<number, number>): Positives {
  const lo = Float64Array.from(positive);
  const hi = Float64Array.from(positive);
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    [lo[k], hi[k]] = countRange(obs.valueOf(i), n[k]!, Math.max(decimalsOf(obs.valueOf(i)), places.get(obs.fileId(i)) ?? 0));
  }
  return { lo, hi };
}

/**
 * The most decimals each file writes its shares with (a reader who sees 78,6 beside 78,0 knows the
 * latter to a tenth too); the organisation's figures, pooled by tillit, aside.
 */
function shareDecimals(obs: ObservationColumns, orgId: number): Map<number, number> {
  const places = new Map<number, number>();
  for (let i = 0; i < obs.size; i++) {
    if (!obs.isShare(i) || obs.areaId(i) === orgId) continue;
    const d = decimalsOf(obs.valueOf(i));
    if (d > (places.get(obs.fileId(i)) ?? -1)) places.set(obs.fileId(i), d);
  }
  return places;
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
 * figures never (those kept are the cell's, shown where it is; those set aside are published
 * nowhere else), the line of the figure set aside only when the cell is shown, neither side counts
 * fewer than `min` respondents and it is an aggregated row (a respondent-level group's first line
 * would tell where its rows start).
 */
function disagreementFinding(d: Disagreement, key: string, hidden: boolean, min: number, membersShown: boolean): Finding {
  const small = (d.n !== null && d.n < min) || (d.keptN !== null && d.keptN < min);
  if (d.pooled !== undefined) return organisationDisagreement(d, d.pooled.poolKept, key, !hidden && !small && membersShown, min);
  if (hidden || small) return finding(d.at.file, { code: 'source-disagreement-hidden', args: { key, other: d.keptFile } });
  // The figure set aside is not published: the other file's total less its women and men gave its
  // respondents with no gender (112 − 56 − 44), which that file's own report hides.
  return finding(d.at.file, { code: 'source-disagreement', ...(d.atAnswers ? {} : { line: d.at.line }), args: { key, other: d.keptFile } });
}

/**
 * The organisation's own published row against its members pooled. The pool is a total no output
 * shows: its figures are printed only when the organisation's cell and every member's are shown
 * (the pool then follows from them), else they could be solved for a hidden member's; and only
 * where the own row counts the members' respondents, or at least `min` more or fewer: the
 * difference is a group of its own (its own 65.7 of 105 beside the pool's 65 of 100 gave 5
 * respondents no member's row holds and their 4 positive answers, a helper's attack). The finding
 * is on the organisation's row, which is one input row.
 */
function organisationDisagreement(d: Disagreement, poolKept: boolean, key: string, shown: boolean, min: number): Finding {
  const own = poolKept ? { value: d.value, n: d.n, source: d.at } : { value: d.keptValue, n: d.keptN, source: { file: d.keptFile, line: undefined } };
  const pool = poolKept ? { value: d.keptValue, n: d.keptN } : { value: d.value, n: d.n };
  const rest = own.n !== null && pool.n !== null ? Math.abs(own.n - pool.n) : 0;
  const showFigures = shown && (rest === 0 || rest >= min);
  const text = (f: { value: number; n: number | null }) => `${round(f.value, 2)} (n ${f.n ?? '–'})`;
  const figures = showFigures ? `(its own ${text(own)}, the members pooled ${text(pool)})` : "(the figures are not printed: they could give away a hidden member's)";
  const line = showFigures && own.source.line !== undefined ? { line: own.source.line } : {};
  return finding(own.source.file, { code: 'organisation-disagreement', ...line, args: { key, figures, used: poolKept ? "the members' answers pooled are" : "this file's figure is" } });
}
