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
 * services together wherever they all stand (`sumsOthers`): `Äldreomsorg` beside `Hemtjänst` and
 * `Särskilt boende`, a level between them and `Totalt`. Such a total less the services shown gives a
 * hidden one away, and the suppression's relations are across areas, not services: a total's row is
 * left out where another service of its indicator stands beside it, with what would give it back
 * (`totalRowsLeftOut`), said in a warning per file; a municipality's total standing alone is its
 * only figure and stays. A
 * service alone for an indicator is no total; where every service is labelled a total (`Hemtjänst
 * totalt`), the sums decide.
 */
export function withoutServiceTotals(inputs: readonly QualityInput[], minRespondents: number): { inputs: QualityInput[]; findings: Finding[] } {
  const records = inputs.flatMap((i) => i.records);
  const totals = totalServices(records, minRespondents);
  if (totals.size === 0) return { inputs: [...inputs], findings: [] };
  const leftOut = totalRowsLeftOut(records, totals);
  const out = inputs.map((input) => ({ ...input, records: input.records.filter((r) => !leftOut(r)) }));
  const byFile = new Map<string, string[]>();
  for (const r of records) {
    if (!leftOut(r)) continue;
    const list = byFile.get(r.source.file) ?? byFile.set(r.source.file, []).get(r.source.file)!;
    if (!list.includes(r.service)) list.push(r.service);
  }
  const findings = [...byFile].map(([file, services]) => finding(file, { code: 'service-total-left-out', args: { services: firstNamed(services, 3), count: services.length } }));
  return { inputs: out, findings };
}

/**
 * Which of the totals' rows go: those with another service of their indicator beside them, and
 * with them what would give them back: the same area and period's other genders (a woman's and a
 * man's add up to the total) and every container's row of the total in that period (Riket less the
 * municipalities' totals shown is the one left out). What stays is an area's only figure.
 */
function totalRowsLeftOut(records: readonly QualityRecord[], totals: ReadonlySet<string>): (r: QualityRecord) => boolean {
  const beside = new Set<string>();
  for (const r of records) if (isSurvey(r) && !totals.has(key(r.indicator, r.service))) beside.add(groupOf(r));
  const places = new Set<string>();
  const periods = new Set<string>();
  for (const r of records) {
    if (!isSurvey(r) || !totals.has(key(r.indicator, r.service)) || !beside.has(groupOf(r))) continue;
    places.add(`${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`);
    periods.add(`${key(r.indicator, r.service)}\u0000${r.period}`);
  }
  return (r) => isSurvey(r) && totals.has(key(r.indicator, r.service))
    && (places.has(`${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`) || (r.area.kind !== 'municipality' && periods.has(`${key(r.indicator, r.service)}\u0000${r.period}`)));
}

const isSurvey = (r: QualityRecord): r is Extract<QualityRecord, { kind: 'survey' | 'values' }> => r.kind === 'survey' || r.kind === 'values';
const key = (indicator: string, service: string) => `${indicator}\u0000${service}`;
/** A record's indicator, area, period and gender: where a total and its services stand together. */
const groupOf = (r: Extract<QualityRecord, { kind: 'survey' | 'values' }>) => `${r.indicator}\u0000${r.area.code}\u0000${r.period}\u0000${r.gender}`;

/** Each service's respondents per area, period and gender, by indicator. */
type Counts = Map<string, Map<string, Map<string, number>>>;

/** The (indicator, service) keys of the totals among records. */
function totalServices(records: readonly QualityRecord[], minRespondents: number): Set<string> {
  const cells: Counts = new Map();
  for (const r of records) {
    if (!isSurvey(r)) continue;
    const services = cells.get(r.indicator) ?? cells.set(r.indicator, new Map()).get(r.indicator)!;
    const groups = services.get(r.service) ?? services.set(r.service, new Map()).get(r.service)!;
    if (r.n !== null) groups.set(`${r.area.code}\u0000${r.period}\u0000${r.gender}`, r.n);
  }
  const out = new Set<string>();
  const sums = new Map<string, SumEvidence>();
  for (const [indicator, services] of cells) {
    if (services.size < 2) continue;
    const all = [...services.keys()];
    const named = all.filter(isTotalService);
    const labelled = named.length === all.length ? [] : named;
    for (const s of labelled) out.add(key(indicator, s));
    const parts = all.filter((s) => !labelled.includes(s));
    for (const s of parts) sumsOthers(indicator, s, parts.filter((o) => o !== s), services, sums, minRespondents);
  }
  for (const e of sums.values()) if (e.holds && (e.matched > 1 || e.protects)) for (const k of e.keys) out.add(k);
  return out;
}

/**
 * What the data say of one service as the sum of one set of others, over every indicator and group
 * where they all stand: whether the sum held everywhere, in how many groups, and whether one of them
 * had a part below the minimum (which the total less the others would give away).
 */
interface SumEvidence {
  holds: boolean;
  matched: number;
  protects: boolean;
  keys: string[];
}

/** At most this many other services are searched for a set that adds up to one (2^8 sets). */
const MAX_SEARCHED = 8;

/**
 * Adds to `sums` what one indicator says of service `s` as the sum of each set of two or more
 * `others`. A total is one where the sum holds everywhere they all stand, in more than one group
 * (over all indicators: a real total counts its services' respondents question after question), or
 * in its one group where a part is below the minimum: a service whose respondents only once happen
 * to equal two others' stays, unless leaving it would give a small one away.
 */
function sumsOthers(indicator: string, s: string, others: readonly string[], services: ReadonlyMap<string, ReadonlyMap<string, number>>, sums: Map<string, SumEvidence>, minRespondents: number): void {
  if (others.length < 2 || others.length > MAX_SEARCHED) return;
  const own = services.get(s)!;
  for (let set = 1; set < 1 << others.length; set++) {
    const members = others.filter((_, k) => (set >> k) & 1);
    if (members.length < 2) continue;
    let matched = 0;
    let holds = true;
    let protects = false;
    for (const [group, n] of own) {
      const counts = members.map((m) => services.get(m)!.get(group));
      if (counts.some((c) => c === undefined)) continue;
      if (counts.reduce((a, c) => a! + c!, 0) !== n) {
        holds = false;
        break;
      }
      matched++;
      protects ||= counts.some((c) => c! < minRespondents);
    }
    if (matched === 0 && holds) continue;
    const id = [s, ...members].join('\u0000');
    const e = sums.get(id) ?? sums.set(id, { holds: true, matched: 0, protects: false, keys: [] }).get(id)!;
    e.holds &&= holds;
    e.matched += matched;
    e.protects ||= protects;
    e.keys.push(key(indicator, s));
  }
}
