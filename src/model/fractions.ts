import type { FindingInput } from './findings.js';

/**
 * Shares written as fractions (0,875 for 87,5 %) among shares written as per cent: read as per cent
 * they are under 1 %, which no satisfaction survey's area has and a KPI's series has only beside
 * other small shares. Nothing is rescaled on a guess; the shares are named:
 * - every share of an area at most 1, one of them between 0 and 1 (`share-fraction`): the file
 *   wrote fractions (an area, not a question: a rare event's KPI may stay under 1 % every year);
 * - a share between 0 and 1 under a tenth of the median of its area and indicator's shares above 1
 *   (`share-fraction-among`): 0,89 beside 85 and 86 reads as 89 % better than as 0,89 % (a tenth:
 *   nearer 89 than 0,89 on a log scale); 0,5 beside 1,2 and 2,3 is a small share;
 * - else a share of respondents between 0 and 1 that is no whole number of them (`share-fraction-count`).
 */
export class FractionCheck {
  private readonly areas = new Map<string, { above: boolean; negative: boolean; first?: { share: number; line: number } }>();
  private readonly series = new Map<string, { area: string; indicator: string; negative: boolean; shares: number[]; small: { share: number; line: number; n?: number }[] }>();

  /**
   * A share of an area and indicator; with `n`, a share of respondents, which read as per cent
   * must be a whole number of them (0,86 % of 112 is 0,96 of a person: `share-fraction-count`).
   * A series with a negative figure is no share and is not checked.
   */
  add(area: string, indicator: string, share: number, line: number, n?: number | null): void {
    const a = this.areas.get(area) ?? this.areas.set(area, { above: false, negative: false }).get(area)!;
    const key = `${area}\u0000${indicator}`;
    const s = this.series.get(key) ?? this.series.set(key, { area, indicator, negative: false, shares: [], small: [] }).get(key)!;
    if (share < 0) a.negative = s.negative = true;
    if (share > 1) {
      a.above = true;
      s.shares.push(share);
    } else if (share > 0 && share < 1) {
      a.first ??= { share, line };
      s.small.push(n !== undefined && n !== null && n > 0 && !wholeCount(share, n) ? { share, line, n } : { share, line });
    }
  }

  /** The findings, in the order the areas and indicators came. */
  findings(): FindingInput[] {
    const out: FindingInput[] = [];
    const named = new Set<string>();
    for (const [area, a] of this.areas) {
      if (a.above || a.negative || a.first === undefined) continue;
      // No figure is quoted: the row may be one set aside beside another file's, or beside hidden ones.
      out.push({ code: 'share-fraction', line: a.first.line, args: { area } });
      named.add(area);
    }
    for (const s of this.series.values()) {
      if (s.small.length === 0 || s.negative) continue;
      const median = s.shares.length > 0 ? medianOf(s.shares) : 0;
      for (const f of s.small) {
        // Neither the share nor the median is quoted: the figures may be hidden cells' or set aside.
        if (f.share * 10 < median) out.push({ code: 'share-fraction-among', line: f.line, args: { area: s.area, indicator: s.indicator } });
        else if (f.n !== undefined && !named.has(s.area)) out.push({ code: 'share-fraction-count', line: f.line, args: { area: s.area, indicator: s.indicator } });
      }
    }
    return out;
  }
}

function medianOf(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Whether `share` per cent of `n` is a whole number of at least one, within the rounding of a share given to two decimals. */
function wholeCount(share: number, n: number): boolean {
  const count = (share * n) / 100;
  const nearest = Math.round(count);
  return nearest >= 1 && Math.abs(count - nearest) <= (0.005 * n) / 100 + 1e-9;
}
