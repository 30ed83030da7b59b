import { MUNICIPALITY_TABLE, NAME_ALIASES, REGION_TABLE } from './register-data.js';
import { normalizeLabel } from './text.js';

/** `federation`: a kommunalförbund, known by the id its config gives it. */
export type AreaKind = 'municipality' | 'region' | 'nation' | 'group' | 'organisation' | 'federation';

/** A resolved geographic or organisational unit. Codes are strings: `0680` keeps its zero. */
export interface Area {
  code: string;
  kind: AreaKind;
  /** A Kolada group's name as its row gives it; other areas are named by the register. */
  name?: string;
}

function parseTable(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of table.split(/[|\n]/)) {
    const m = /^\s*(\d+) (.+?)\s*$/.exec(entry);
    if (m) map.set(m[1]!, m[2]!);
  }
  return map;
}

/** Kommunkod → name for all 290 municipalities. */
export const MUNICIPALITIES: ReadonlyMap<string, string> = parseTable(MUNICIPALITY_TABLE);
/**
 * Länskod (two digits) → name for the 21 regions.
 * @internal Exported for its tests; no other module uses it.
 */
export const REGIONS: ReadonlyMap<string, string> = parseTable(REGION_TABLE);

export const NATION_CODE = '0000';
const NATION_NAMES = new Set(['riket', 'hela riket', 'hela landet', 'sverige', 'riket totalt', 'sweden', 'alla kommuner']);
const NATION: AreaResolution = { ok: true, area: { code: NATION_CODE, kind: 'nation' } };

/** Like normalizeLabel but keeping å, ä, ö: Håbo (0305) and Habo (0643) differ only by the ring. */
function exactKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[_\-–./:]+/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
const byExact = new Map<string, string>();
const byFolded = new Map<string, string | null>();
for (const [code, name] of MUNICIPALITIES) {
  byExact.set(exactKey(name), code);
  const folded = normalizeLabel(name);
  // A folded name shared by two municipalities is ambiguous: only the exact spelling decides.
  byFolded.set(folded, byFolded.has(folded) ? null : code);
}
for (const [alias, code] of Object.entries(NAME_ALIASES)) byExact.set(alias, code);
const byName = {
  get(key: string): string | undefined {
    return byExact.get(key) ?? byFolded.get(normalizeLabel(key)) ?? undefined;
  },
};
/**
 * A region as people write it: `Dalarnas län`, `Region Dalarna`, `Region Jönköpings län`, and the
 * bare `Dalarna` (a bare name that is also a municipality's, `Uppsala`, is the municipality).
 */
const regionByName = new Map<string, string>();
for (const [code, name] of REGIONS) {
  const bare = name.replace(/s? län$/, '');
  for (const form of [name, bare, `Region ${bare}`, `Region ${name}`]) regionByName.set(normalizeLabel(form), code);
}
// The regions' own names where they differ from the county's.
for (const [form, code] of [['Region Sörmland', '04'], ['Sörmland', '04'], ['Region Jämtland Härjedalen', '23'], ['Jämtland Härjedalen', '23'], ['Västra Götalandsregionen', '14']] as const) {
  regionByName.set(normalizeLabel(form), code);
}

export type AreaResolution =
  | { ok: true; area: Area; repairedFrom?: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'mismatch'; code: string; registered: string; name: string };

function municipalityByName(raw: string): string | undefined {
  const key = exactKey(raw).replace(/ (kommun|stad|kommunkod)$/, '');
  return byName.get(key) ?? (key.endsWith('s') ? byName.get(key.slice(0, -1)) : undefined);
}

/**
 * A code of zeros: `0000` is the nation; with a name (SCB's PX-Web writes `00 Riket`, Kolada `0000
 * Riket`) the name must be one of the nation's, or code and name disagree. A bare `0` or `00` is left
 * to the caller: only in a file of four-digit codes is it Riket (see `CellLookups`).
 */
function nationByCode(digits: string, name: string | undefined): AreaResolution | undefined {
  if (!/^0+$/.test(digits)) return undefined;
  if (name === undefined) return digits === NATION_CODE ? NATION : undefined;
  if (NATION_NAMES.has(normalizeLabel(name))) return NATION;
  return { ok: false, reason: 'mismatch', code: digits, registered: 'Riket', name };
}

function regionName(code: string): string | undefined {
  return REGIONS.get(code);
}

/**
 * Reads a municipality cell the way people write it: `1460`, `680` (repaired to `0680`),
 * `Bengtsfors`, `Melleruds kommun`, `1460 Bengtsfors`, `14 Västra Götalands län`, `Riket`,
 * Kolada ids (`0014` region, `0000` nation, `G…` groups, `G124026 Större stad`). A code and a name that disagree are a
 * mismatch, never a guess.
 */
export function resolveArea(cell: string): AreaResolution {
  const text = cell.trim();
  if (text === '') return { ok: false, reason: 'unknown' };
  const key = normalizeLabel(text);
  if (NATION_NAMES.has(key)) return { ok: true, area: { code: NATION_CODE, kind: 'nation' } };
  if (/^g\d+$/.test(key)) return { ok: true, area: { code: text.toUpperCase(), kind: 'group' } };
  // `G124026 Större stad`: the group's id and the name its rows give it, in one cell.
  const group = /^(g\d+)\s+(\S.*)$/i.exec(text);
  if (group) return { ok: true, area: { code: group[1]!.toUpperCase(), kind: 'group', name: group[2]! } };

  const m = /^(\d{1,4})(?:\s+(.+))?$/.exec(text);
  if (m) {
    const digits = m[1]!;
    const name = m[2];
    const nation = nationByCode(digits, name);
    if (nation !== undefined) return nation;
    // A four-digit code outside 00NN is a municipality's, whatever its name: `0980 Region Gotland`.
    const looksRegion = name !== undefined && / län$|^region /i.test(name) && (digits.length < 4 || digits.startsWith('00'));
    if (looksRegion || digits.length <= 2 || /^00\d\d$/.test(digits)) {
      const code = digits.padStart(4, '0').slice(2);
      const registered = regionName(code);
      if (registered === undefined) return { ok: false, reason: 'unknown' };
      if (name !== undefined && regionByName.get(normalizeLabel(name)) !== code) {
        return { ok: false, reason: 'mismatch', code, registered, name };
      }
      return { ok: true, area: { code, kind: 'region' } };
    }
    const code = digits.padStart(4, '0');
    const registered = MUNICIPALITIES.get(code);
    if (registered === undefined) return { ok: false, reason: 'unknown' };
    if (name !== undefined && municipalityByName(name) !== code) {
      return { ok: false, reason: 'mismatch', code, registered, name };
    }
    const area: Area = { code, kind: 'municipality' };
    return code === digits ? { ok: true, area } : { ok: true, area, repairedFrom: digits };
  }
  const code = municipalityByName(text);
  if (code !== undefined) return { ok: true, area: { code, kind: 'municipality' } };
  const region = regionByName.get(key);
  if (region !== undefined) return { ok: true, area: { code: region, kind: 'region' } };
  return { ok: false, reason: 'unknown' };
}

/**
 * The one municipality a title names (`Bengtsfors kommun – Månadsuppföljning april 2025`): names
 * are looked for as capitalised words (so the verb "vara" is not Vara), up to three words long
 * (`Lilla Edet`, `Upplands Väsby`). Undefined when none or more than one is named.
 */
export function municipalityInText(text: string): string | undefined {
  const words = text.normalize('NFC').split(/[\s\u00a0\u202f_\-–./:,;()"']+/).filter((w) => w !== '');
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      if (!/^\p{Lu}/u.test(words[i + n - 1]!)) break;
      const code = municipalityByName(words.slice(i, i + n).join(' '));
      if (code !== undefined) found.add(code);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Display name for an area code, falling back to the code itself. */
export function areaName(area: Area, organisationName?: string): string {
  switch (area.kind) {
    case 'municipality':
      return MUNICIPALITIES.get(area.code) ?? area.code;
    case 'region':
      return REGIONS.get(area.code) ?? area.code;
    case 'nation':
      return 'Riket';
    case 'organisation':
      return organisationName ?? area.code;
    case 'group':
    case 'federation':
      return area.code;
  }
}
