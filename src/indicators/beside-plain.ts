import type { Config } from '../config/schema.js';
import type { AreaKind } from '../model/register.js';
import { containersOf, type Contains } from './containers.js';
import { HIDDEN_SECONDARY, KIND_ID, type ObservationColumns } from './observation-columns.js';
import { suppressionCells } from './suppression-cells.js';

/**
 * How a report of the same data without the config suppresses (see `agreeWithPlain`): its
 * containers, those the data name alone, and whether the config adds relations beyond the
 * organisation's (a kommunalförbund's or a peer group's municipalities). Undefined for a config that
 * tells the suppression nothing the data do not.
 */
export function plainSuppression(config: Config): { containers: (code: string, kind: AreaKind) => Contains | undefined; containersOnlyData: boolean } | undefined {
  const peers = Object.keys(config.peers ?? {}).length > 0;
  if (config.members.length === 0 && !peers) return undefined;
  return {
    containers: containersOf({ ...config, members: [], peers: {} }),
    containersOnlyData: !peers && config.members.every((m) => (m.contains ?? []).length === 0),
  };
}

/**
 * The areas only a config makes: the organisation (pooled, or its own rows by an alias) and a
 * kommunalförbund (a code in no register). A report without the config has no figure of theirs.
 */
export function configOnly(obs: ObservationColumns, i: number): boolean {
  const kind = obs.kind[i]!;
  return kind === KIND_ID.organisation || kind === KIND_ID.federation;
}

/**
 * A report with the config and one without it, read side by side (attackers read every output,
 * and a config is no secret): where the config's relations made this report hide an area's cell the
 * plain one shows in a suppression cell (a member's total, where the plain report hides a region's
 * men), each report alone was safe and the two together were not (a reviewer's attack bounded a
 * member's 7 women to at most 22). There the areas' cells are hidden as the plain report hides
 * them, and the figures only the config makes (the organisation's, a kommunalförbund's) shown only
 * where tillit pooled them from areas all shown: then they add nothing a reader does not have.
 * Where the config also says which municipalities a kommunalförbund or a peer group holds
 * (`sameContainers` false), the plain report may show what those relations give away: every cell
 * hidden in either stays hidden, so this report shows a part of what the plain one shows.
 */
export function agreeWithPlain(obs: ObservationColumns, plainHidden: Uint8Array, poolIds: readonly number[], sameContainers: boolean): void {
  for (const list of suppressionCells(obs)) {
    // Showing all the plain report shows, and more, this report is the one a reader combining the
    // two has: it was solved with every relation, the config's among them.
    if (list.every((i) => configOnly(obs, i) || plainHidden[i] !== 0 || obs.isShown(i))) continue;
    for (const i of list) if (!configOnly(obs, i) && (plainHidden[i] !== 0 ? obs.isShown(i) : sameContainers)) obs.hidden[i] = plainHidden[i]!;
    for (const i of list) {
      if (!configOnly(obs, i)) continue;
      // A figure published in a file (the organisation's own row, a kommunalförbund's) adds its own
      // rounding to its parts' even where they are all shown: only one tillit pooled is given.
      const parts = obs.isPooled(i) ? poolIds : [];
      const given = parts.length > 0 && parts.every((m) => {
        const j = obs.find(m, obs.cellId(i));
        return j >= 0 && obs.isShown(j) && !configOnly(obs, j);
      });
      obs.hidden[i] = given ? 0 : obs.isShown(i) ? HIDDEN_SECONDARY : obs.hidden[i]!;
    }
  }
}

/**
 * The organisation's own published row (a row of its own, not pooled by tillit):
 * - counting a few more than its members (105 beside 50 + 50), the rest is a group of its own,
 *   respondents no member's row holds: below the minimum, the row is hidden (a helper's attack);
 * - counting exactly its members, a rounded share is hidden wherever its suppression cell hides
 *   anything: its rounding narrows the members' positive answers beyond what theirs allow, and
 *   through a region's figure that pinned a hidden neighbour's (15 % of 60, 43 % of 115, the
 *   organisation's 34 % of 175 and the region's 28 % of 210 left 0 positive answers for 1462's 10).
 *   The solver does not yet see this.
 */
export function hideOwnRows(obs: ObservationColumns, orgId: number, poolIds: readonly number[], min: number): void {
  if (poolIds.length === 0) return;
  const membersN = (i: number): number => poolIds.reduce((sum, m) => {
    const j = obs.find(m, obs.cellId(i));
    return j < 0 || !obs.hasN(j) ? Number.NaN : sum + obs.rawN(j);
  }, 0);
  for (const list of suppressionCells(obs)) {
    const anyHidden = list.some((i) => !obs.isShown(i));
    for (const i of list) {
      if (obs.areaId(i) !== orgId || !obs.isShown(i) || obs.isPooled(i) || obs.isFromAnswers(i)) continue;
      const rest = obs.rawN(i) - membersN(i);
      if ((rest > 0 && rest < min) || (rest === 0 && anyHidden && obs.isShare(i) && !obs.isExact(i))) obs.hidden[i] = HIDDEN_SECONDARY;
    }
  }
}
