import { finding, type Finding } from '../model/findings.js';
import type { QualityInput } from '../model/input.js';
import type { QualityRecord } from '../model/records.js';
import { firstNamed, normalizeLabel } from '../model/text.js';

/** Words that make a service a total wherever they stand: `Totalt`, `Äldreomsorg (totalt)`, a stub's `Hemtjänst – Totalt`. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(['total', 'totalt', 'totalsumma', 'summa', 'sammantaget']);
/** Words that do as a service's first word: `Samtliga verksamheter`, `Alla enheter`, `Hela kommunen`. */
const ALL_WORDS: ReadonlySet<string> = new Set(['samtliga', 'alla', 'hela']);

/** Whether a service's label says it is the total of the others. */
export function isTotalService(service: string): boolean {
  const words = normalizeLabel(service).split(/[^\p{L}\d]+/u).filter((w) => w !== '');
  return words.some((w) => TOTAL_WORDS.has(w)) || (words.length > 0 && ALL_WORDS.has(words[0]!)) || words.join(' ') === 's a';
}

/**
 * Survey rows of a service that is the total of other services for an indicator, in any of the
 * inputs: labelled so (`isTotalService`), or counting exactly the respondents of two or more other
 * services together wherever they all stand (an area, period and gender): `Äldreomsorg` beside
 * `Hemtjänst` and `Särskilt boende`, a level between them and `Totalt`. Such a total less the
 * services shown gives a hidden one away, and the suppression's relations are across areas, not
 * services: the totals are left out (the services are what the report compares), said in a warning
 * per file. A service alone for an indicator is no total and stays; where every service is labelled
 * a total (`Hemtjänst totalt`), the sums decide.
 */
export function withoutServiceTotals(inputs: readonly QualityInput[]): { inputs: QualityInput[]; findings: Finding[] } {
  const totals = totalServices(inputs.flatMap((i) => i.records));
  if (totals.size === 0) return { inputs: [...inputs], findings: [] };
  const out = inputs.map((input) => ({ ...input, records: input.records.filter((r) => !(r.kind === 'survey' || r.kind === 'values') || !totals.has(key(r.indicator, r.service))) }));
  const byFile = new Map<string, string[]>();
  for (const input of inputs) for (const r of input.records) {
    if ((r.kind !== 'survey' && r.kind !== 'values') || !totals.has(key(r.indicator, r.service))) continue;
    const list = byFile.get(r.source.file) ?? byFile.set(r.source.file, []).get(r.source.file)!;
    if (!list.includes(r.service)) list.push(r.service);
  }
  const findings = [...byFile].map(([file, services]) => finding(file, { code: 'service-total-left-out', args: { services: firstNamed(services, 3), count: services.length } }));
  return { inputs: out, findings };
}

const key = (indicator: string, service: string) => `${indicator}\u0000${service}`;

/** The (indicator, service) keys of the totals among records. */
function totalServices(records: readonly QualityRecord[]): Set<string> {
  // By indicator: each service's respondents per area, period and gender.
  const cells = new Map<string, Map<string, Map<string, number>>>();
  for (const r of records) {
    if (r.kind !== 'survey' && r.kind !== 'values') continue;
    const services = cells.get(r.indicator) ?? cells.set(r.indicator, new Map()).get(r.indicator)!;
    const groups = services.get(r.service) ?? services.set(r.service, new Map()).get(r.service)!;
    if (r.n !== null) groups.set(`${r.area.code}\u0000${r.period}\u0000${r.gender}`, r.n);
  }
  const out = new Set<string>();
  for (const [indicator, services] of cells) {
    if (services.size < 2) continue;
    const all = [...services.keys()];
    const named = all.filter(isTotalService);
    const labelled = named.length === all.length ? [] : named;
    for (const s of labelled) out.add(key(indicator, s));
    const parts = all.filter((s) => !labelled.includes(s));
    for (const s of parts) if (sumsOthers(s, parts.filter((o) => o !== s), services)) out.add(key(indicator, s));
  }
  return out;
}

/** At most this many other services are searched for a set that adds up to one (2^8 sets). */
const MAX_SEARCHED = 8;

/**
 * Whether service `s` counts exactly the respondents of some set of two or more `others` together,
 * in every group where `s` and all of them stand (at least one): the same set everywhere.
 */
function sumsOthers(s: string, others: readonly string[], services: ReadonlyMap<string, ReadonlyMap<string, number>>): boolean {
  if (others.length < 2 || others.length > MAX_SEARCHED) return false;
  const own = services.get(s)!;
  for (let set = 1; set < 1 << others.length; set++) {
    const members = others.filter((_, k) => (set >> k) & 1);
    if (members.length < 2) continue;
    let matched = 0;
    let holds = true;
    for (const [group, n] of own) {
      const counts = members.map((m) => services.get(m)!.get(group));
      if (counts.some((c) => c === undefined)) continue;
      if (counts.reduce((a, c) => a! + c!, 0) !== n) {
        holds = false;
        break;
      }
      matched++;
    }
    if (holds && matched > 0) return true;
  }
  return false;
}
