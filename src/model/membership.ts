import { MUNICIPALITIES, REGIONS } from './register.js';
import { normalizeLabel } from './text.js';

/**
 * What an organisation's members can be: municipalities (kommunkod, four digits), regions
 * (länskod, two digits; Kolada writes them `0012`) and kommunalförbund (a legal body of its own,
 * with an id the config gives it). A region contains the municipalities whose code starts with its
 * own; a kommunalförbund contains the municipalities the config says it is made of.
 */
export type MemberKind = 'municipality' | 'region' | 'kommunalförbund';
export const MEMBER_KINDS = ['municipality', 'region', 'kommunalförbund'] as const;

/** The area kind a member's rows carry (a kommunalförbund is a `federation`). */
export const MEMBER_AREA_KIND = { municipality: 'municipality', region: 'region', kommunalförbund: 'federation' } as const;

/**
 * A member code as the rest of tillit keys it: a region's `0012` (Kolada's spelling) is `12`, the
 * code its rows resolve to; any other code is kept as written.
 * @example memberCode('0012') // '12'
 */
export function memberCode(code: string): string {
  const text = code.trim();
  return /^00\d\d$/.test(text) && text !== '0000' ? text.slice(2) : text;
}

/** The kind a register code names (after `memberCode`), or undefined for a code in no register. */
export function registerKind(code: string): 'municipality' | 'region' | undefined {
  if (/^\d{4}$/.test(code)) return 'municipality';
  if (/^\d{2}$/.test(code) && REGIONS.has(code)) return 'region';
  return undefined;
}

export interface MemberShape {
  code: string;
  kind: MemberKind;
  /** For a kommunalförbund: the municipality codes it is made of. */
  contains?: readonly string[];
}

/** Whether `container` contains the area `code` (a region its municipalities, a kommunalförbund its listed ones). */
export function contains(container: MemberShape, code: string): boolean {
  if (container.code === code) return false;
  if (container.kind === 'region') return code.length === 4 && code.startsWith(container.code) && MUNICIPALITIES.has(code);
  if (container.kind === 'kommunalförbund') return (container.contains ?? []).includes(code);
  return false;
}

/** Each member that contains other members, with the members it contains (in member order). */
export function overlaps(members: readonly MemberShape[]): { container: string; contained: string[] }[] {
  const out: { container: string; contained: string[] }[] = [];
  for (const m of members) {
    const inside = members.filter((o) => contains(m, o.code)).map((o) => o.code);
    if (inside.length > 0) out.push({ container: m.code, contained: inside });
  }
  return out;
}

/**
 * The population each member brings to a population key. `as-given`: the figures as the config
 * writes them (the config vouches they do not overlap, e.g. a region's served population);
 * `remainder`: a member's own figure less those of the members it contains (Region Skåne's key is
 * the rest of Skåne). A remainder below zero is undefined: the figures cannot both be right.
 * @example keyPopulations([{code:'12',kind:'region'},{code:'1283',kind:'municipality'}], [1_400_000, 150_000], 'remainder') // [1_250_000, 150_000]
 */
export function keyPopulations(members: readonly MemberShape[], populations: readonly number[], overlap: 'as-given' | 'remainder' | undefined): (number | undefined)[] {
  if (overlap !== 'remainder') return [...populations];
  return members.map((m, i) => {
    let rest = populations[i]!;
    members.forEach((o, j) => {
      if (contains(m, o.code)) rest -= populations[j]!;
    });
    return rest < 0 ? undefined : rest;
  });
}

/** A kommunalförbund member and the names its rows may give it: the config's name and aliases. */
export interface FederationNames {
  code: string;
  names: readonly string[];
}

/** The config's kommunalförbund members with their names. */
export function federationsOf(members: readonly { code: string; kind?: string | undefined; name?: string | undefined; aliases?: readonly string[] | undefined }[]): FederationNames[] {
  return members.filter((m) => m.kind === 'kommunalförbund').map((m) => ({ code: m.code, names: [...(m.name === undefined ? [] : [m.name]), ...(m.aliases ?? [])] }));
}

/** A kommunalförbund's code from its id or one of its names (any case), else undefined. */
export function federationNamed(federations: readonly FederationNames[]): (text: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const f of federations) for (const name of [f.code, ...f.names]) byName.set(normalizeLabel(name), f.code);
  return (text) => byName.get(normalizeLabel(text));
}
