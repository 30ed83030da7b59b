import type { Config } from '../config/schema.js';
import type { AreaKind } from '../model/register.js';

/** Whether an area (code, kind) is among a container's: its municipalities, or a group's members. */
export type Contains = (code: string, kind: AreaKind) => boolean;

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
    if (listed !== undefined) return (c) => listed.has(c);
    // A group whose members tillit does not know (a Kolada `G…` group, or one the config keys by its
    // name) may hold any municipality: its members are public, so it is taken to hold them all.
    return kind === 'group' ? (_, k) => k === 'municipality' : undefined;
  };
}
