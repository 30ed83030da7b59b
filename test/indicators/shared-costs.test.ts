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
    // The gap's usage is of a year too, said beside the population's.
    expect([a.usageYear, a.equalPercent]).toEqual(['2025', null]);
  });
  it('a mixed key says its equal part; a key without usage figures has no usage year', () => {
    const mixed = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 30, populationFrom: 'previous-year' } as Config['allocation']), [])!;
    expect([mixed.method, mixed.equalPercent]).toEqual(['mixed', 30]);
    const bare = [member('1460', { 2024: 3000 }), member('1461', { 2024: 1000 })];
    const plain = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, bare), [])!;
    expect([plain.usageYear, plain.equalPercent, plain.members[0]!.usageMeasure]).toEqual([null, null, null]);
  });
  it('an equal part under 1 % is split as written, and said: 0.3 for 30 % left the key all but population', () => {
    const findings: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 0.3, populationFrom: 'previous-year' } as Config['allocation']), findings)!;
    // 0.003 / 2 + 0.997 · 3/4 = 0.0015 + 0.74775 = 0.74925.
    expect(a.members.map((m) => m.sharePct)).toEqual([74.925, 25.075]);
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([['allocation-equal-fraction', 'warning', 'equalPercent 0.3 is per cent: 0.3 % of the shared costs is split equally and 99.7 % by population (written as a fraction, 0.3 means 30 %: write 30 to split that equally)']]);
    const none: Finding[] = [];
    allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 0, populationFrom: 'previous-year' } as Config['allocation']), none);
    allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 1, populationFrom: 'previous-year' } as Config['allocation']), none);
    expect(none).toEqual([]);
  });
  it('a fixed key that does not add up to 100 % is normalised, and said so', () => {
    const findings: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'fixed', shares: { 1460: 30, 1461: 30 }, populationFrom: 'previous-year' } as Config['allocation']), findings)!;
    expect(a.members.map((m) => m.sharePct)).toEqual([50, 50]);
    expect(findings.map((f) => f.code)).toEqual(['allocation-shares-normalised']);
    expect(findings[0]!.message).toBe('the fixed shares sum to 60 %, not 100 %: each share was divided by their sum');
  });
  it('a fraction among per cent is named: 0.52 beside 48 gave 1460 1.1 % of the costs', () => {
    const findings: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'fixed', shares: { 1460: 0.52, 1461: 48 }, populationFrom: 'previous-year' } as Config['allocation']), findings)!;
    expect(a.members.map((m) => m.sharePct)).toEqual([1.0717, 98.9283]);
    expect(findings.map((f) => f.message)).toEqual(["the fixed shares sum to 48.52 %, not 100 %: each share was divided by their sum; 1460's 0.52 beside shares above 1 look like fractions among per cent (0.52 for 52 %?)"]);
  });
  it('fixed shares written as fractions are read as such and said to be, not as a key summing to 1 %', () => {
    const findings: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'fixed', shares: { 1460: 0.25, 1461: 0.75 }, populationFrom: 'previous-year' } as Config['allocation']), findings)!;
    expect(a.members.map((m) => m.sharePct)).toEqual([25, 75]);
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([['allocation-shares-fractions', 'warning', 'the fixed shares are at most 1 and sum to 1: read as fractions of the whole (0.2 = 20 %); write them as per cent (20) to say so']]);
    // Fractions that fall short of 1 are normalised too, and said to be.
    const short: Finding[] = [];
    allocateSharedCosts(shared(), 2025, 12, settings({ method: 'fixed', shares: { 1460: 0.2, 1461: 0.6 }, populationFrom: 'previous-year' } as Config['allocation']), short);
    expect(short.map((f) => f.message)).toEqual(['the fixed shares are at most 1 and sum to 0.8: read as fractions of the whole (0.2 = 20 %), each divided by their sum; write them as per cent (20) to say so']);
  });
  it('a population of 0 is no figure: the finding says so rather than name the year as one the member has', () => {
    const findings: Finding[] = [];
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, [member('1460', { 2024: 0 }), member('1461', { 2024: 8931 })]), findings)).toBeNull();
    expect(findings.map((f) => f.message)).toEqual(['shared costs cannot be allocated by population: the members have no population figures for one common year up to 2025 (1460 none (population 0 in 2024), 1461 2024); set them for one year in the config']);
  });
  it('a key with nothing to go on (no population) allocates nothing, with a finding; no shared costs, no members: nothing', () => {
    const findings: Finding[] = [];
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, [member('1460', {}), member('1461', {})]), findings)).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['allocation-no-common-year']);
    expect(allocateSharedCosts(undefined, 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }), findings)).toBeNull();
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, []), findings)).toBeNull();
    // Up to February the line has no month: nothing to share.
    expect(allocateSharedCosts(shared(), 2025, 2, settings({ method: 'population', populationFrom: 'previous-year' }), findings)).toBeNull();
    expect(findings).toHaveLength(1);
  });
  it('a member whose population is of another year: nothing allocated, the years named (each member\'s latest year made one member pay for all)', () => {
    const findings: Finding[] = [];
    const members = [member('1460', { 2023: 3000, 2024: 3000 }), member('1461', { 2023: 1000, 2024: 1000 }), member('1438', { 2022: 500 })];
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, members), findings)).toBeNull();
    expect(findings.map((f) => f.message)).toEqual(['shared costs cannot be allocated by population: the members have no population figures for one common year up to 2025 (1460 2023–2024, 1461 2023–2024, 1438 2022); set them for one year in the config']);
    // One year in common, not the latest of each: 2023 for all three.
    members[2] = member('1438', { 2022: 500, 2023: 500 });
    const used: Finding[] = [];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'previous-year' }, members), used)!;
    expect([a.populationYear, a.members.map((m) => m.sharePct)]).toEqual(['2023', [66.6667, 22.2222, 11.1111]]);
    // 2023 is not the year the key asks for (2024): said, naming who lacks it.
    expect(used.map((f) => [f.code, f.severity, f.message])).toEqual([['allocation-population-year', 'warning', "the population key is of 2024 (the year before 2025), but 1438 has no population for 2024 in the config: shared costs are split by every member's population of 2023, the latest year before 2024 all members have (give 2024's population to use it)"]]);
  });
  it('a key of the year before, with only the report year\'s population: that year\'s used, and said; the year asked for, nothing said', () => {
    const findings: Finding[] = [];
    const members = [member('1460', { 2025: 3000 }), member('1461', { 2024: 900, 2025: 1000 })];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 30, populationFrom: 'previous-year' } as Config['allocation'], members), findings)!;
    expect(a.populationYear).toBe('2025');
    expect(findings.map((f) => f.message)).toEqual(["the population key is of 2024 (the year before 2025), but 1460 has no population for 2024 in the config: shared costs are split by every member's population of 2025, the only year up to the report year all members have (give 2024's population to use it)"]);
    const own: Finding[] = [];
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'population', populationFrom: 'report-year' } as Config['allocation'], members), own)!.populationYear).toBe('2025');
    expect(own).toEqual([]);
    // A key that uses no population (fixed, usage, all equal) says nothing of its year.
    const fixed: Finding[] = [];
    allocateSharedCosts(shared(), 2025, 12, settings({ method: 'fixed', shares: { 1460: 50, 1461: 50 }, populationFrom: 'previous-year' } as Config['allocation'], members), fixed);
    expect(fixed).toEqual([]);
  });
  it('a population of 0 is no figure; a mixed key split wholly equally needs none', () => {
    const findings: Finding[] = [];
    const members = [member('1460', { 2024: 3000 }), member('1461', { 2024: 0 })];
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 30, populationFrom: 'previous-year' } as Config['allocation'], members), findings)).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['allocation-no-common-year']);
    // The 0 is no year of 1461's: named as one, 2024 read as a year both members have.
    expect(findings[0]!.message).toBe('shared costs cannot be allocated by mixed: the members have no population figures for one common year up to 2025 (1460 2024, 1461 none (population 0 in 2024)); set them for one year in the config');
    const equal = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'mixed', equalPercent: 100, populationFrom: 'previous-year' } as Config['allocation'], [member('1460', {}), member('1461', {})]), findings)!;
    expect(equal.members.map((m) => m.sharePct)).toEqual([50, 50]);
  });
  it('usage of one year for every member: the latest they all have, else nothing allocated by usage', () => {
    const findings: Finding[] = [];
    const members = [member('1460', { 2024: 3000 }, { brukare: { 2024: 10, 2025: 10 } }), member('1461', { 2024: 1000 }, { brukare: { 2024: 10, 2025: 30 } }), member('1438', { 2024: 1000 }, { brukare: { 2024: 20 } })];
    const a = allocateSharedCosts(shared(), 2025, 12, settings({ method: 'usage', measure: 'brukare', populationFrom: 'previous-year' } as Config['allocation'], members), findings)!;
    // 2024 for all (10 : 10 : 20), not 2025 for two and 2024 for the third; the report says which year.
    expect(a.members.map((m) => m.sharePct)).toEqual([25, 25, 50]);
    expect([a.usageYear, a.equalPercent]).toEqual(['2024', null]);
    // Said: 1438 has no 2025, which the others have.
    expect(findings.map((f) => [f.code, f.message])).toEqual([['allocation-usage-year', "usage (brukare) is given for 2025, but 1438 has none for it in the config: shared costs are counted by every member's brukare of 2024, the latest year all members have (give 2025's to use it)"]]);
    findings.length = 0;
    members[2] = member('1438', { 2024: 1000 }, { brukare: {} });
    expect(allocateSharedCosts(shared(), 2025, 12, settings({ method: 'usage', measure: 'brukare', populationFrom: 'previous-year' } as Config['allocation'], members), findings)).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['allocation-no-common-year']);
  });
});
