import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config, Member } from '../../src/config/schema.js';
import { BudgetYear } from '../../src/indicators/budget-balance.js';
import type { Line } from '../../src/indicators/budget-lines.js';
import { settingsOf } from '../../src/indicators/settings.js';
import { allocateSharedCosts } from '../../src/indicators/shared-costs.js';
import type { Finding } from '../../src/model/findings.js';

/** The organisation's own line: a full-year budget of 12 000, 3 001 spent by March, forecast 12 000. */
const shared = (): Line => ({ current: new BudgetYear().set(3, [12_000, 3000, Number.NaN, 3001, Number.NaN, 12_000]), before: new BudgetYear() });
const member = (code: string, population: Record<string, number>, usage: Record<string, Record<string, number>> = {}): Member => ({ code, name: code, population, usage }) as Member;
const settings = (allocation: Config['allocation'], members = [member('1460', { 2024: 3000 }, { brukare: { 2025: 10 } }), member('1461', { 2024: 1000 }, { brukare: { 2025: 30 } })]) =>
  settingsOf({ ...defaultConfig(), members, allocation } as Config);

describe('allocateSharedCosts', () => {
  it('splits the shared costs by last year’s population, the parts adding up (hand-worked: 3 001 by 3:1 → 2 251 + 750)', () => {
    const findings: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }), findings)!;
    expect(findings).toEqual([]);
    expect([a.period, a.populationYear, a.totals.actualYtd]).toEqual(['2025-03', '2024', 3001]);
    expect(a.members.map((m) => [m.area, m.sharePct, m.actualYtd, m.budgetYear, m.actualPerInhabitant])).toEqual([['1460', 75, 2251, 9000, 0.75], ['1461', 25, 750, 3000, 0.75]]);
    // By usage (10 : 30 users) 1460 would pay 750 and 1461 2 251: the gaps are the differences.
    expect(a.members.map((m) => [m.usageMeasure, m.fairShareGap])).toEqual([['brukare', 1501], ['brukare', -1501]]);
  });
  it('a fixed key that does not add up to 100 % is normalised, and said so', () => {
    const findings: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'fixed', shares: { 1460: 30, 1461: 30 }, populationFrom: 'previous-year' } as Config['allocation']), findings)!;
    expect(a.members.map((m) => m.sharePct)).toEqual([50, 50]);
    expect(findings.map((f) => f.code)).toEqual(['allocation-shares-normalised']);
  });
  it('a key with nothing to go on (no population) allocates nothing, with a finding; no shared costs, no members: nothing', () => {
    const findings: Finding[] = [];
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, [member('1460', {}), member('1461', {})]), findings)).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['allocation-impossible']);
    expect(allocateSharedCosts(undefined, 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }), findings)).toBeNull();
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, []), findings)).toBeNull();
    // Up to February the line has no month: nothing to share.
    expect(allocateSharedCosts(shared(), 2025, 2, settings({ method: 'population', populationFrom: 'previous-year' }), findings)).toBeNull();
    expect(findings).toHaveLength(1);
  });
});
