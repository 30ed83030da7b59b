import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config, Member } from '../../src/config/schema.js';
import { memberPopulations } from '../../src/indicators/member-population.js';
import type { Finding } from '../../src/model/findings.js';

const member = (code: string, population: Record<string, number>): Member => ({ code, name: code, population, usage: {}, aliases: [], kind: 'municipality' }) as unknown as Member;
const config = (members: Member[]): Config => ({ ...defaultConfig(), members, allocation: { method: 'population', populationFrom: 'previous-year' } } as Config);

describe('memberPopulations', () => {
  const two = config([member('1460', { 2023: 3000, 2024: 3100 }), member('1461', { 2024: 1000 })]);
  it("a year every member has: each member's figure", () => {
    const findings: Finding[] = [];
    expect(memberPopulations(two, '2024', findings)).toEqual([3100, 1000]);
    expect(findings).toEqual([]);
  });
  it('no year: no population for anyone (a key that uses none)', () => {
    expect(memberPopulations(two, null, [])).toEqual([0, 0]);
  });
  it('a year a member lacks is a fault of the caller, thrown, never a key of 0 that leaves the member out unsaid', () => {
    expect(() => memberPopulations(two, '2023', [])).toThrow('memberPopulations: member 1461 has no population for 2023');
  });
});
