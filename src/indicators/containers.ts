import type { Config } from '../config/schema.js';
import { MEMBER_AREA_KIND } from '../model/membership.js';
import { MUNICIPALITIES, type AreaKind } from '../model/register.js';

/**
 * Whether an area (code, kind) is among a container's: its municipalities, or a group's members.
 * `guessed` marks a group whose members tillit does not know, taken to hold every municipality:
 * it may hold one, not surely. `listed`: the municipalities a kommunalförbund's or group's config
 * entry names (a region's and the nation's are the register's).
 */
export type Contains = ((code: string, kind: AreaKind) => boolean) & { guessed?: true; listed?: readonly string[] };

/**
 * The areas a figure of `code` counts respondents of, when the data may publish them beside it: the
 * nation its municipalities and regions, a region (two digits) those whose code begins with it, a kommunalförbund
 * the municipalities its config entry `contains`, a group the members the config's `peers` give it.
 * Undefined for any other area (the organisation's members are in the suppression groups).
 */
export function containersOf(config: Config): (code: string, kind: AreaKind) => Contains | undefined {
  // A config made in code (tests) may leave out what parsing defaults: none is none.
  const federations = new Map(config.members.filter((m) => (m.contains ?? []).length > 0).map((m) => [m.code, new Set(m.contains)]));
  const peers = new Map(Object.entries(config.peers ?? {}).map(([group, codes]) => [group, new Set(codes)]));
  return (code, kind) => {
    // The nation holds the regions too: less the regions shown, it is those hidden. It and a region
    // hold a kommunalförbund of their municipalities: less it, they give a hidden one beside it.
    if (kind === 'nation') return (_, k) => k === 'municipality' || k === 'region' || k === 'federation';
    if (kind === 'region') return (c, k) => (k === 'municipality' && c.startsWith(code)) || (k === 'federation' && [...(federations.get(c) ?? [])].every((m) => m.startsWith(code)));
    const listed = federations.get(code) ?? (kind === 'group' ? peers.get(code) : undefined);
    if (listed !== undefined) return Object.assign((c: string) => listed.has(c), { listed: [...listed] });
    // A group whose members tillit does not know (a Kolada `G…` group, or one the config keys by its
    // name) may hold any municipality: its members are public, so it is taken to hold them all.
    return kind === 'group' ? Object.assign((_: string, k: AreaKind) => k === 'municipality', { guessed: true as const }) : undefined;
  };
}

/**
 * The municipalities two containers may both hold, when neither holds the other: a region and a
 * group of municipalities in it and elsewhere, a kommunalförbund across a county line. Less each
 * other, such figures cancel what they share, the municipalities absent from the data among it
 * too: what protects a hidden area in one but not the other is only what that one holds alone.
 * Empty when they share none or one holds the other (its figure is then among the other's areas).
 * `extra` adds codes to look at beyond the register's municipalities (a config's own codes).
 */
export function sharedMunicipalities(
  a: { code: string; kind: AreaKind; contains: Contains }, b: { code: string; kind: AreaKind; contains: Contains }, extra: readonly string[] = [],
): string[] {
  // The common shapes answered without a look at each municipality: two counties share none, and
  // the nation holds every county and kommunalförbund.
  if (a.kind === 'region' && b.kind === 'region') return [];
  if (a.contains(b.code, b.kind) || b.contains(a.code, a.kind)) return [];
  const out: string[] = [];
  for (const code of new Set([...MUNICIPALITIES.keys(), ...extra])) if (a.contains(code, 'municipality') && b.contains(code, 'municipality')) out.push(code);
  return out;
}

/** An area as a comparison names it. */
export interface Place {
  code: string;
  kind: AreaKind;
}

/**
 * Whether every respondent of `inner` is among `outer`'s, as far as tillit knows: the nation holds
 * every other area, the organisation its members and what they hold, a region, kommunalförbund or
 * listed group the areas `containersOf` gives it. A group whose members tillit does not know holds
 * none for sure. What a comparison's test needs: a part is tested against the rest of its whole.
 */
export function holdsRespondents(config: Config): (outer: Place, inner: Place) => boolean {
  const containerOf = containersOf(config);
  const members: Place[] = config.members.map((m) => ({ code: m.code, kind: MEMBER_AREA_KIND[m.kind ?? 'municipality'] }));
  const listed = new Set(config.members.filter((m) => (m.contains ?? []).length > 0).map((m) => m.code));
  const holds = (outer: Place, inner: Place): boolean => {
    if (outer.code === inner.code && outer.kind === inner.kind) return false;
    if (outer.kind === 'nation') return inner.kind !== 'nation';
    if (outer.kind === 'organisation') return members.some((m) => (m.code === inner.code && m.kind === inner.kind) || holds(m, inner));
    // A kommunalförbund whose municipalities the config does not list is in no region for sure
    // (suppression's containers take it to be, which is the cautious way there, not here).
    if (inner.kind === 'federation' && !listed.has(inner.code)) return false;
    const contains = containerOf(outer.code, outer.kind);
    return contains !== undefined && contains.guessed !== true && contains(inner.code, inner.kind);
  };
  return holds;
}
