import type { FindingInput } from './findings.js';

/**
 * Shares written as fractions (0,875 for 87,5 %) among shares written as per cent: read as per cent
 * they are under 1 %, which no satisfaction survey's area has and a KPI's series has only beside
 * other small shares. Nothing is rescaled on a guess; the shares are named:
 * - every share of an area at most 1, one of them between 0 and 1 (`share-fraction`): the file
 *   wrote fractions (an area, not a question: a rare event's KPI may stay under 1 % every year);
 * - a share between 0 and 1 under a tenth of the median of its area and indicator's shares above 1
 *   (`share-fraction-among`): 0,89 beside 85 and 86 reads as 89 % better than as 0,89 % (a tenth:
 *   nearer 89 than 0,89 on a log scale); 0,5 beside 1,2 and 2,3 is a small share.
 */
export class FractionCheck {
  private readonly areas = new Map<string, { above: boolean; first?: { share: number; line: number } }>();
  private readonly series = new Map<string, { area: string; indicator: string; shares: number[]; small: { share: number; line: number }[] }>();

  add(area: string, indicator: string, share: number, line: number): void {
    const a = this.areas.get(area) ?? this.areas.set(area, { above: false }).get(area)!;
    const key = `${area}\u0000${indicator}`;
    const s = this.series.get(key) ?? this.series.set(key, { area, indicator, shares: [], small: [] }).get(key)!;
    if (share > 1) {
      a.above = true;
      s.shares.push(share);
    } else if (share > 0 && share < 1) {
      a.first ??= { share, line };
      s.small.push({ share, line });
    }
  }

  /** The findings, in the order the areas and indicators came. */
  findings(): FindingInput[] {
    const out: FindingInput[] = [];
    for (const [area, a] of this.areas) if (!a.above && a.first !== undefined) out.push({ code: 'share-fraction', line: a.first.line, args: { area, share: a.first.share } });
    for (const s of this.series.values()) {
      if (s.small.length === 0 || s.shares.length === 0) continue;
      const median = medianOf(s.shares);
      // The median is not quoted: the figures it is of may be hidden cells'.
      for (const f of s.small) if (f.share * 10 < median) out.push({ code: 'share-fraction-among', line: f.line, args: { area: s.area, indicator: s.indicator, share: f.share } });
    }
    return out;
  }
}

function medianOf(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
