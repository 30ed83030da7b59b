import { finding, type Finding } from '../model/findings.js';
import type { QualityInput } from '../model/input.js';
import type { QualityRecord } from '../model/records.js';
import { firstNamed, normalizeLabel } from '../model/text.js';

/** A service that names all the others: `Totalt`, `Samtliga verksamheter`, `Äldreomsorg totalt`, a stub's `Totalt`. */
const TOTAL_WORD = /^(total|totalt|totalsumma|summa|s a|sammantaget|samtliga( .+)?|alla( .+)?)$/;

/** Whether a service's label says it is the total of the others (a stub value joined to it counts: `Hemtjänst – Totalt`). */
export function isTotalService(service: string): boolean {
  const text = normalizeLabel(service);
  return TOTAL_WORD.test(text) || text.endsWith(' totalt') || text.startsWith('totalt ') || text.endsWith(' summa');
}

/**
 * A file's survey rows of a service that is the total of its other services for an indicator:
 * labelled so (`isTotalService`), or counting, wherever it stands beside two or more other
 * services (an area, period and gender), exactly their respondents together (`Äldreomsorg` beside
 * `Hemtjänst` and `Särskilt boende`). Such a total less the services shown gives a hidden one away,
 * and the suppression's relations are across areas, not services: the totals are left out (the
 * services are what the report compares), said in a warning per file. A service alone in its file
 * for an indicator is no total and stays.
 */
export function withoutServiceTotals(inputs: readonly QualityInput[]): { inputs: QualityInput[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const out = inputs.map((input) => {
    const totals = totalServices(input.records);
    if (totals.size === 0) return input;
    const left = input.records.filter((r) => !(r.kind === 'survey' || r.kind === 'values') || !totals.has(key(r.source.file, r.indicator, r.service)));
    for (const [file, services] of byFile(totals)) {
      findings.push(finding(file, { code: 'service-total-left-out', args: { services: firstNamed(services, 3), count: services.length } }));
    }
    return { ...input, records: left };
  });
  return { inputs: out, findings };
}

const key = (file: string, indicator: string, service: string) => `${file}\u0000${indicator}\u0000${service}`;

/** The (file, indicator, service) keys of the totals among a run of records. */
function totalServices(records: readonly QualityRecord[]): Set<string> {
  // By file and indicator: each service's respondents per area, period and gender.
  const cells = new Map<string, Map<string, Map<string, number>>>();
  for (const r of records) {
    if (r.kind !== 'survey' && r.kind !== 'values') continue;
    const at = `${r.source.file}\u0000${r.indicator}`;
    const services = cells.get(at) ?? cells.set(at, new Map()).get(at)!;
    const groups = services.get(r.service) ?? services.set(r.service, new Map()).get(r.service)!;
    if (r.n !== null) groups.set(`${r.area.code}\u0000${r.period}\u0000${r.gender}`, r.n);
  }
  const out = new Set<string>();
  for (const [at, services] of cells) {
    if (services.size < 2) continue;
    const labelled = [...services.keys()].filter(isTotalService);
    if (labelled.length === services.size) continue;
    for (const s of labelled) out.add(`${at}\u0000${s}`);
    for (const s of services.keys()) if (!labelled.includes(s) && sumsOthers(s, services, labelled)) out.add(`${at}\u0000${s}`);
  }
  return out;
}

/** Whether service `s` counts, in every group where two or more other services stand (at least one), exactly their respondents together. */
function sumsOthers(s: string, services: ReadonlyMap<string, ReadonlyMap<string, number>>, totals: readonly string[]): boolean {
  let matched = 0;
  for (const [group, n] of services.get(s)!) {
    let sum = 0;
    let others = 0;
    for (const [other, groups] of services) {
      if (other === s || totals.includes(other)) continue;
      const m = groups.get(group);
      if (m !== undefined) (sum += m), others++;
    }
    if (others < 2) continue;
    if (sum !== n) return false;
    matched++;
  }
  return matched > 0;
}

/** The totals' service names by file. */
function byFile(totals: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of totals) {
    const [file, , service] = k.split('\u0000') as [string, string, string];
    const list = out.get(file) ?? out.set(file, []).get(file)!;
    if (!list.includes(service)) list.push(service);
  }
  return out;
}
