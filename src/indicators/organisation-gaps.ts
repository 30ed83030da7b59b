import { finding, type Finding } from '../model/findings.js';
import { contains } from '../model/membership.js';
import { firstNamed } from '../model/text.js';
import type { ObservationColumns } from './observation-columns.js';
import type { OrganisationGap } from './observe.js';
import { periodRanges } from './selection.js';
import type { Settings } from './settings.js';

/** Indicators or services named in a finding before "and N more". */
const NAMED = 4;

/** A member's gap as it is said, with the member's code (a member with no data at all is said otherwise). */
export interface GapFinding {
  member: string;
  finding: Finding;
}

/**
 * The organisation's pooled survey figures need every member's: where one member lacks a cell
 * (no figure, or none with a number of respondents) that another has, the organisation has no
 * figure there. Said once per member: a warning where the organisation's series then starts later or
 * ends sooner than the other members' (a member's early years missing leave its trend with "too few
 * years" while each member's own has enough), an info where only a year inside the member's own
 * series is missing, a gap the organisation's series shows where it is.
 */
export function organisationGaps(obs: ObservationColumns, gaps: readonly OrganisationGap[], settings: Settings): GapFinding[] {
  if (gaps.length === 0) return [];
  const spans = memberSpans(obs, new Set(gaps.map((g) => g.member)));
  return gaps.flatMap(({ member, cells }) => {
    const code = obs.areaCodes.values[member]!;
    const name = settings.members.find((m) => m.code === code)?.name;
    const inside = (i: number) => {
      const span = spans.get(`${member}|${seriesOf(obs, i)}`);
      return span !== undefined && span.first < obs.periodOf(i) && obs.periodOf(i) < span.last;
    };
    const edges = cells.filter((i) => !inside(i));
    const holes = cells.filter(inside);
    return ([[edges, 'warning'], [holes, 'info']] as const).filter(([some]) => some.length > 0).map(([some, severity]) => ({
      member: code,
      finding: finding('(config)', { code: 'organisation-member-gap', severity, args: argsOf(obs, some, name === undefined ? code : `${code} ${name}`, settings.organisation.code) }),
    }));
  });
}

/**
 * Members inside another member (Helsingborg and Landskrona inside Region Skåne) are in the
 * organisation's pooled survey figures through it, not again: said where the organisation has such
 * a figure, as its n is then the containing member's, not the sum of every member's.
 */
export function poolOverlaps(obs: ObservationColumns, orgId: number, settings: Settings): Finding[] {
  if (settings.poolCodes.length === settings.memberCodes.length) return [];
  let pooled = false;
  for (let i = 0; i < obs.size && !pooled; i++) pooled = obs.areaId(i) === orgId && obs.isShare(i) && obs.hasN(i);
  if (!pooled) return [];
  return settings.poolCodes.flatMap((container) => {
    const inside = settings.members.filter((m) => m.code !== container && !settings.poolCodes.includes(m.code) && contains(settings.members.find((c) => c.code === container)!, m.code));
    if (inside.length === 0) return [];
    return [finding('(config)', { code: 'organisation-pool-overlap', args: { organisation: settings.organisation.code, container, inside: inside.map((m) => m.code).join(', ') } })];
  });
}

/** An observation's series apart from its area: indicator, service and gender. */
function seriesOf(obs: ObservationColumns, i: number): string {
  return `${obs.indicatorId(i)}|${obs.serviceId(i)}|${obs.genderId(i)}`;
}

/** Each member's first and last period with a figure (with n) per series, keyed `member|series`. */
function memberSpans(obs: ObservationColumns, members: ReadonlySet<number>): Map<string, { first: string; last: string }> {
  const spans = new Map<string, { first: string; last: string }>();
  for (let i = 0; i < obs.size; i++) {
    if (!members.has(obs.areaId(i)) || !obs.isShare(i) || !obs.hasN(i)) continue;
    const key = `${obs.areaId(i)}|${seriesOf(obs, i)}`;
    const period = obs.periodOf(i);
    const span = spans.get(key);
    if (span === undefined) spans.set(key, { first: period, last: period });
    else if (period < span.first) span.first = period;
    else if (period > span.last) span.last = period;
  }
  return spans;
}

function argsOf(obs: ObservationColumns, cells: readonly number[], member: string, organisation: string): Record<string, string | number> {
  const named = (ids: Iterable<string>) => firstNamed([...new Set(ids)].sort(), NAMED);
  return {
    member,
    periods: periodRanges(cells.map((i) => obs.periodOf(i))),
    indicators: named(cells.map((i) => obs.indicatorOf(i))),
    services: named(cells.map((i) => obs.serviceOf(i))),
    cells: cells.length,
    organisation,
  };
}
