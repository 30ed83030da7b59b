import type { Config } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import { contains, keyPopulations } from '../model/membership.js';

/**
 * Each member's population for the key in `year`, counted as the config's `overlap` says where
 * members contain one another (a region and its municipalities). `year` is one every member has a
 * population for (the caller picks it, and says when it is not the year asked for); null, no
 * population at all (0 for every member: a key that uses none). A member without a figure for
 * `year` is a fault of the caller, thrown, never a key of 0: it would leave that member out of the
 * split without a word. A remainder below zero is 0 for every member, with a finding: no share is
 * made from figures that cannot both be right.
 */
export function memberPopulations(config: Config, year: string | null, findings: Finding[]): number[] {
  const given = config.members.map((m) => {
    if (year === null) return 0;
    const count = m.population[year];
    if (count === undefined) throw new Error(`memberPopulations: member ${m.code} has no population for ${year}; the key's year must be one every member has`);
    return count;
  });
  const overlap = config.allocation.method === 'population' || config.allocation.method === 'mixed' ? config.allocation.overlap : undefined;
  const key = keyPopulations(config.members, given, overlap);
  const negative = key.findIndex((p) => p === undefined);
  if (negative < 0) return key.map((p) => p!);
  const member = config.members[negative]!;
  const contained = config.members.filter((o) => contains(member, o.code)).map((o) => o.code).join(', ');
  findings.push(finding('(config)', { code: 'allocation-overlap-negative', args: { member: member.code, population: given[negative]!, contained } }));
  return given.map(() => 0);
}
