import { memberPopulations } from './member-population.js';
import type { Member } from '../config/schema.js';
import { finding, type Finding } from '../model/findings.js';
import type { AllocationResult } from '../model/report.js';
import { allocationWeights, largestRemainder, type AllocationKey, type MemberWeightInput } from './allocate.js';
import { budgetBalance, type BudgetBalance } from './budget-balance.js';
import type { Line } from './budget-lines.js';
import { round } from './round.js';
import type { Settings } from './settings.js';

/** The figures a key is worked out from: each member's population and usage, and their years. */
interface KeyInput {
  members: MemberWeightInput[];
  populationYear: string | null;
  /** The year the config asks the key's population of (`populationFrom`), which `populationYear` falls back from when a member lacks it. */
  populationWanted: string;
  usageYear: string | null;
  /** The usage measure the fair-share gap is counted by, when the members have one. */
  measure: string | undefined;
}

/**
 * The organisation's own costs (booked on it, at their latest month up to `upTo`) shared out over
 * the members by the config's key, each part rounded so the parts add up to the whole; beside it
 * the gap to each member's share by usage. Null when there are no shared costs or no members; a
 * key with nothing to go on is a finding, as is a fixed key that does not add up to 100 %.
 */
export function allocateSharedCosts(shared: Line | undefined, year: number, upTo: number, settings: Settings, findings: Finding[]): AllocationResult | null {
  const month = shared?.current.latest(upTo) ?? 0;
  const orgTotal = shared !== undefined && month > 0 ? budgetBalance(shared.current, month, settings.thresholds, settings.budget.forecastMargin) : undefined;
  if (!orgTotal || settings.members.length === 0) return null;
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const input = keyInput(settings, period.slice(0, 4), findings);
  const agreed = settings.allocation;
  const byPopulation = agreed.method === 'population' || (agreed.method === 'mixed' && agreed.equalPercent < 100);
  const noYear = byPopulation && input.populationYear === null ? 'population' : agreed.method === 'usage' && input.usageYear === null ? 'usage' : undefined;
  if (noYear !== undefined) {
    // Members' figures of different years are not one key: one member would pay for all.
    findings.push(finding('(config)', { code: 'allocation-no-common-year', args: { method: agreed.method, what: noYear, year: period.slice(0, 4), members: yearsOf(settings.members, noYear === 'usage' ? input.measure : undefined) } }));
    return null;
  }
  if (byPopulation && input.populationYear !== input.populationWanted) findings.push(populationFallback(settings, input, period.slice(0, 4)));
  const usageLate = usageFallback(settings, input, period.slice(0, 4));
  if (usageLate !== undefined) findings.push(usageLate);
  const key: AllocationKey = agreed.method === 'mixed' ? { method: 'mixed', equalPercent: agreed.equalPercent } : { method: agreed.method };
  const weights = allocationWeights(key, input.members);
  if (!weights) {
    findings.push(finding('(config)', { code: 'allocation-impossible', args: { method: agreed.method } }));
    return null;
  }
  // 0.3 for 30 %, as fixed shares are written as fractions: 0.3 % split equally is no agreement's.
  if (agreed.method === 'mixed' && agreed.equalPercent > 0 && agreed.equalPercent < 1) {
    findings.push(finding('(config)', { code: 'allocation-equal-fraction', args: { equal: agreed.equalPercent, rest: round(100 - agreed.equalPercent, 4), meant: round(agreed.equalPercent * 100, 4) } }));
  }
  if (agreed.method === 'fixed') {
    const note = sharesNote(settings.members.map((m) => [m.code, agreed.shares[m.code] ?? 0] as const));
    if (note !== undefined) findings.push(finding('(config)', note));
  }
  return split(orgTotal, weights, input, period, settings);
}

/**
 * What a fixed key that does not add up to 100 says: shares are normalised to their sum. Shares
 * all at most 1 that add up to at most 1 (0.2, 0.45, 0.35) are fractions of the whole, not a key
 * summing to 1 %: said as such.
 */
function sharesNote(byMember: readonly (readonly [string, number])[]): Pick<Finding, 'code'> & { args: Record<string, number | string> } | undefined {
  const shares = byMember.map(([, v]) => v);
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) <= 1e-9) return undefined;
  if (sum <= 1 + 1e-9 && shares.every((v) => v <= 1)) return { code: 'allocation-shares-fractions', args: { sum: round(sum, 4) } };
  // 0.52 beside 48: a fraction among per cent, which the division by the sum turns into 1 % of the costs.
  const fractions = shares.some((v) => v > 1) ? byMember.filter(([, v]) => v > 0 && v < 1) : [];
  return { code: 'allocation-shares-normalised', args: { sum: round(sum, 4), ...(fractions.length > 0 ? { fractions: fractions.map(([code, v]) => `${code}'s ${v}`).join(', ') } : {}) } };
}

/**
 * The key's figures in `year`, of one year for every member: the population of the config's year
 * (the year before, by default) or the latest every member has before it, else (a config with only
 * this year's figures) this year's; the usage of the latest year up to it every member has. Null
 * years when the members share none.
 */
function keyInput(settings: Settings, year: string, findings: Finding[]): KeyInput {
  const { members, allocation } = settings;
  const from = allocation.populationFrom === 'previous-year' ? String(Number(year) - 1) : year;
  // A population of 0 is no figure: a member would pay nothing (or only its equal part).
  const populationYears = commonYears(members.map((m) => Object.fromEntries(Object.entries(m.population).filter(([, v]) => v > 0))));
  const populationYear = populationYears.filter((y) => y <= from).at(-1) ?? populationYears.filter((y) => y <= year).at(-1) ?? null;
  const measure = allocation.method === 'usage' ? allocation.measure : Object.keys(members[0]!.usage).sort()[0];
  const usageYear = measure === undefined ? null : commonYears(members.map((m) => m.usage[measure] ?? {})).filter((y) => y <= year).at(-1) ?? null;
  const usageOf = (m: Member) => (measure === undefined || usageYear === null ? undefined : m.usage[measure]?.[usageYear]);
  // Members that contain one another (a region and its municipalities) count as the config's `overlap` says.
  const population = memberPopulations(settings.config, populationYear, findings);
  return {
    populationYear,
    populationWanted: from,
    usageYear,
    measure,
    members: members.map((m, i) => {
      const fixedShare = allocation.method === 'fixed' ? allocation.shares[m.code] : undefined;
      const usage = usageOf(m);
      return {
        code: m.code,
        population: population[i]!,
        ...(fixedShare !== undefined ? { fixedShare } : {}),
        ...(usage !== undefined ? { usage } : {}),
      };
    }),
  };
}

/**
 * What a key by population of another year than the config's says: the year wanted, the members
 * without a population for it, and the year every member's is taken from instead (one year for
 * all: each member's own latest would make members of different years one key).
 */
function populationFallback(settings: Settings, input: KeyInput, year: string): Finding {
  const wanted = input.populationWanted;
  const lacking = settings.members.filter((m) => !((m.population[wanted] ?? 0) > 0)).map((m) => m.code);
  const why = settings.allocation.populationFrom === 'previous-year' ? `the year before ${year}` : 'the report year';
  return finding('(config)', { code: 'allocation-population-year', args: { wanted, why, members: lacking.join(', '), count: lacking.length, used: input.populationYear!, later: input.populationYear! > wanted ? 1 : 0 } });
}

/**
 * What usage of an earlier year than some member gives says, where usage counts (the key, or the
 * gap to a split by usage): the latest year up to the report's any member has, the members without
 * it, and the year all are counted by instead (one year for all, as for population).
 */
function usageFallback(settings: Settings, input: KeyInput, year: string): Finding | undefined {
  const { measure, usageYear } = input;
  if (measure === undefined || usageYear === null) return undefined;
  const series = settings.members.map((m) => m.usage[measure] ?? {});
  const wanted = series.flatMap((s) => Object.keys(s)).filter((y) => y <= year).sort().at(-1);
  if (wanted === undefined || wanted <= usageYear) return undefined;
  const lacking = settings.members.filter((_, i) => series[i]![wanted] === undefined).map((m) => m.code);
  const what = settings.allocation.method === 'usage' ? 'shared costs' : 'the gaps to a split by usage';
  return finding('(config)', { code: 'allocation-usage-year', args: { measure, wanted, members: lacking.join(', '), count: lacking.length, used: usageYear, what } });
}

/** The years every one of these series has a figure for, in order. */
function commonYears(series: readonly Readonly<Record<string, number>>[]): string[] {
  const [first, ...rest] = series;
  return Object.keys(first ?? {}).filter((y) => rest.every((s) => s[y] !== undefined)).sort();
}

/** Each member's years of population (or of usage `measure`), for a finding: `1460 2023–2025, 1438 2022`. */
function yearsOf(members: readonly Member[], measure: string | undefined): string {
  return members.map((m) => {
    const given = Object.entries(measure === undefined ? m.population : m.usage[measure] ?? {});
    // A population of 0 is no figure for the key (`keyInput` passes over it): named as such, not as a year it has.
    const zero = measure === undefined ? given.filter(([, v]) => v <= 0).map(([y]) => y).sort() : [];
    const years = given.map(([y]) => y).filter((y) => !zero.includes(y)).sort();
    const span = years.length === 0 ? 'none' : years.length === 1 ? years[0] : `${years[0]}–${years.at(-1)}`;
    return `${m.code} ${span}${zero.length > 0 ? ` (population 0 in ${zero.join(', ')})` : ''}`;
  }).join(', ');
}

/** The organisation's totals split by `weights`, member by member, with the gap to a split by usage. */
function split(orgTotal: BudgetBalance, weights: number[], input: KeyInput, period: string, settings: Settings): AllocationResult {
  const by = (v: number | null) => (v === null ? null : largestRemainder(Math.round(v), weights)!);
  const actual = by(orgTotal.actualYtd);
  const bYear = by(orgTotal.budgetYear);
  const fc = by(orgTotal.forecast);
  const usageWeights = allocationWeights({ method: 'usage' }, input.members);
  // The usage shares are rounded as the allocation is, so the gaps sum to 0 as the two splits do.
  const fair = usageWeights && orgTotal.actualYtd !== null ? largestRemainder(Math.round(orgTotal.actualYtd), usageWeights)! : null;
  return {
    method: settings.allocation.method, period, equalPercent: settings.allocation.method === 'mixed' ? settings.allocation.equalPercent : null, populationYear: input.populationYear, usageYear: usageWeights || settings.allocation.method === 'usage' ? input.usageYear : null,
    totals: { budgetYear: rnd(orgTotal.budgetYear), actualYtd: rnd(orgTotal.actualYtd), forecast: rnd(orgTotal.forecast) },
    members: settings.members.map((m, i) => {
      const pop = input.members[i]!.population;
      const a = actual?.[i] ?? null;
      return {
        area: m.code, sharePct: round(weights[i]! * 100, 4), budgetYear: bYear?.[i] ?? null, actualYtd: a, forecast: fc?.[i] ?? null,
        population: pop > 0 ? pop : null, actualPerInhabitant: a !== null && pop > 0 ? round(a / pop, 2) : null,
        usageMeasure: usageWeights ? input.measure ?? null : null,
        fairShareGap: fair && a !== null ? a - fair[i]! + 0 : null,
      };
    }),
  };
}

/** A sum in whole kronor (never −0), or null. */
export function rnd(v: number | null): number | null {
  return v === null ? null : Math.round(v) + 0;
}
