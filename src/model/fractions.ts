import type { FindingInput } from './findings.js';

/**
 * Shares written as fractions (0,875 for 87,5 %) among shares written as per cent: read as per cent
 * they are under 1 %, which no satisfaction survey's area has and a KPI's series has only beside
 * other small shares. Nothing is rescaled on a guess; the shares are named:
 * - every share of a group at most 1, one of them between 0 and 1 (`all`): the file wrote fractions;
 * - a share between 0 and 1 under a tenth of the median of its group's shares above 1 (`among`):
 *   0,89 beside 85 and 86 reads as 89 % better than as 0,89 % (a tenth: nearer 89 than 0,89 on a
 *   log scale); 0,5 beside 1,2 and 2,3 is a small share.
 */
export class FractionCheck<K> {
  private readonly groups = new Map<K, { shares: number[]; small: { share: number; line: number }[] }>();

  add(group: K, share: number, line: number): void {
    let g = this.groups.get(group);
    if (g === undefined) this.groups.set(group, (g = { shares: [], small: [] }));
    if (share > 1) g.shares.push(share);
    else if (share > 0 && share < 1) g.small.push({ share, line });
  }

  /** Per group with fractions: `all` with the first of them, or `among` with each and the group's median. */
  *suspects(): Generator<{ group: K; kind: 'all'; share: number; line: number } | { group: K; kind: 'among'; share: number; line: number; median: number }> {
    for (const [group, g] of this.groups) {
      if (g.small.length === 0) continue;
      if (g.shares.length === 0) {
        yield { group, kind: 'all', ...g.small[0]! };
        continue;
      }
      const median = medianOf(g.shares);
      for (const s of g.small) if (s.share * 10 < median) yield { group, kind: 'among', ...s, median };
    }
  }
}

function medianOf(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * The findings of a check grouped by area and indicator (`area\u0000indicator`): `share-fraction`
 * once per area where every share is, `share-fraction-among` per share among larger ones.
 */
export function fractionFindings(suspects: Iterable<{ group: string; kind: 'all' | 'among'; share: number; line: number; median?: number }>): FindingInput[] {
  const out: FindingInput[] = [];
  const named = new Set<string>();
  for (const s of suspects) {
    const [area, indicator] = s.group.split('\u0000') as [string, string];
    if (s.kind === 'among') out.push({ code: 'share-fraction-among', line: s.line, args: { area, indicator, share: s.share, median: s.median! } });
    else if (!named.has(area)) {
      named.add(area);
      out.push({ code: 'share-fraction', line: s.line, args: { area, share: s.share } });
    }
  }
  return out;
}
