import type { Config } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import { periodYear } from '../model/period.js';
import type { PeerGroup, QualityRow, Report } from '../model/report.js';
import { normalizeLabel } from '../model/text.js';
import { isCount, type Better, type ValueUnit } from '../model/vocabulary.js';
import { quartileClass, rank } from './rank.js';
import { type QualityTable } from './quality.js';
import { round } from './round.js';

/** A comparison group before it is compared: Kolada's (a `G…` id in the data) or the config's, or both at once. */
export interface PeerGroupSpec {
  id: string;
  name: string;
  source: PeerGroup['source'];
  /** The municipalities in it, as the config lists them (none for a Kolada group known only by its values). */
  members: readonly string[];
}

/**
 * The groups to compare with: each Kolada group in the data (by its id, named as its rows name it),
 * and each of the config's `peers`. A config group whose name is a data group's id or name gives
 * that group its members: one group, Kolada's value, ranked among the members listed.
 */
export function peerGroupSpecs(dataGroups: ReadonlyMap<string, string>, configured: Readonly<Record<string, readonly string[]>>): PeerGroupSpec[] {
  const out = new Map<string, PeerGroupSpec>();
  for (const [id, name] of dataGroups) out.set(id, { id, name, source: 'kolada', members: [] });
  for (const [name, members] of Object.entries(configured)) {
    const key = normalizeLabel(name);
    const data = [...out.values()].find((g) => g.source === 'kolada' && (normalizeLabel(g.id) === key || normalizeLabel(g.name) === key));
    if (data !== undefined) out.set(data.id, { ...data, members: [...members] });
    else out.set(name, { id: name, name, source: 'config', members: [...members] });
  }
  return [...out.values()];
}

export interface IndicatorSense {
  better: Better;
  unit: ValueUnit;
}

/**
 * Each subject's figure against each group, cell by cell (indicator × service × gender at the
 * report's period): the group's value (Kolada's own where the data has it, else the unweighted
 * mean of the members with a shown value, and `valueFrom` says which), the difference, and the
 * subject's rank among those members and itself, with its quartile (from eight values on), for
 * indicators with a better direction. A count (persons, hours, millions) is compared with no
 * group: a group's figure for it is a sum over places of other sizes. Hidden cells take no part.
 * `rows` are the report's rows at its period for the subjects, the groups and their members.
 */
export function peerComparisons(rows: Iterable<QualityRow>, groups: readonly PeerGroupSpec[], subjects: readonly string[], sense: (indicator: string) => IndicatorSense): PeerGroup[] {
  const byCell = new Map<string, Map<string, QualityRow>>();
  for (const q of rows) {
    if (q.value === null || isCount(sense(q.indicator).unit)) continue;
    const key = `${q.indicator}\u0000${q.service}\u0000${q.gender}\u0000${q.period}`;
    (byCell.get(key) ?? byCell.set(key, new Map()).get(key)!).set(q.area, q);
  }
  return groups.map((g) => {
    const comparisons: PeerGroup['comparisons'] = [];
    for (const cell of byCell.values()) {
      const presentCodes = g.members.filter((m) => cell.has(m));
      const present = presentCodes.map((m) => cell.get(m)!.value!);
      const own = g.source === 'kolada' ? cell.get(g.id)?.value ?? null : null;
      const groupValue = own ?? (present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null);
      if (groupValue === null) continue;
      for (const subject of subjects) {
        const q = cell.get(subject);
        if (q === undefined) continue;
        const { better } = sense(q.indicator);
        // A subject in the group is ranked once, at its own place; one outside it joins the field.
        const inGroup = presentCodes.indexOf(subject);
        const field = inGroup >= 0 ? present : [...present, q.value!];
        const ranked = better !== 'none' && present.length > 0;
        const position = ranked ? rank(field.map((v) => round(v, 4)), better)[inGroup >= 0 ? inGroup : field.length - 1]! : 0;
        comparisons.push({
          area: subject, indicator: q.indicator, service: q.service, gender: q.gender, period: q.period,
          value: q.value!, groupValue: round(groupValue, 4), valueFrom: own !== null ? 'kolada' : 'mean', membersPresent: present.length,
          difference: round(q.value! - groupValue, 4),
          rank: ranked ? { position, of: field.length, quartile: quartileClass(position, field.length) ?? null } : null,
        });
      }
    }
    return { id: g.id, name: g.name, source: g.source, members: [...g.members], comparisons };
  });
}

/**
 * The member municipalities against each comparison group (Kolada's in the data, the config's
 * `peers`) at the report's survey year; the rows read are only those of the groups, their members
 * and the organisation's municipalities.
 */
export function peerGroups(report: Report, table: QualityTable, config: Config, groupNames: ReadonlyMap<string, string>, findings: Finding[]): NonNullable<Report['peerGroups']> {
  const dataGroups = new Map<string, string>();
  for (const [code, kind] of table.areas) if (kind === 'group') dataGroups.set(code, groupNames.get(code) ?? code);
  const groups = peerGroupSpecs(dataGroups, config.peers);
  const year = report.period.survey;
  if (groups.length === 0 || year === null) return [];
  const subjects = config.members.filter((m) => m.kind === 'municipality').map((m) => m.code);
  const wanted = new Set([...subjects, ...groups.flatMap((g) => [g.id, ...g.members])]);
  const indicators = new Map(report.indicators.map((i) => [i.id, i]));
  const rows = table.rows({ series: (area) => wanted.has(area), row: (_, __, period) => String(periodYear(period)) === year });
  const out = peerComparisons(rows, groups, subjects, (id) => ({ better: indicators.get(id)?.better ?? 'none', unit: (indicators.get(id)?.unit ?? 'number') as ValueUnit }));
  // A config group none of whose members is in the data would vanish unremarked.
  for (const g of out) {
    if (g.source === 'config' && g.comparisons.length === 0) findings.push(finding('(config)', { code: 'peer-group-no-data', args: { group: g.name, members: g.members.join(', '), year } }));
  }
  return out;
}
