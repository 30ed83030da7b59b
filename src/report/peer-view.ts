import type { PeerGroup, Report } from '../model/report.js';
import { formatDiff, formatValue, shownDifference, VALUE_DECIMALS, type Lang } from './format.js';
import { indicatorName, indicatorUnit } from './view.js';
import { both, inLang } from './phrasebook.js';

/** The words of the peer comparison, Swedish beside English. */
export const PEER_WORDS = {
  heading: both('Jämförelsegrupper', 'Peer groups'),
  head: both<readonly [string, string, string, string, string, string]>(['Grupp', 'Indikator', 'Värde', 'Gruppen', 'Skillnad', 'Plats'], ['Group', 'Indicator', 'Value', 'Group', 'Difference', 'Rank']),
  kolada: both('Koladas värde', "Kolada's value"),
  mean: both((n: number) => `medel av ${n}`, (n) => `mean of ${n}`),
  rank: both((position: number, of: number) => `${position} av ${of}`, (position, of) => `${position} of ${of}`),
  quartile: both<Record<Quartile, string>>(
    { 'best-25': 'bästa fjärdedelen', 'middle-50': 'mittersta hälften', 'worst-25': 'sämsta fjärdedelen' },
    { 'best-25': 'best quarter', 'middle-50': 'middle half', 'worst-25': 'worst quarter' },
  ),
};

type Quartile = NonNullable<NonNullable<PeerGroup['comparisons'][number]['rank']>['quartile']>;

export function peerWords(lang: Lang) {
  return inLang(PEER_WORDS, lang);
}

/** One comparison's cells, each its own text: the table joins some of them, the width layout splits them. */
export interface PeerCells {
  group: string;
  indicator: string;
  value: string;
  groupValue: string;
  /** Where the group's value comes from: Kolada's own, or a mean of the members present. */
  basis: string;
  difference: string;
  rank: string;
  quartile: string;
}

/**
 * An area's comparisons with its peer groups (totals only, the women's and men's stay in the JSON):
 * the group, the indicator, the area's value, the group's and where it comes from, the difference
 * and the rank within the group with its quartile when there is one.
 */
export function peerCells(report: Report, area: string, lang: Lang, decimals?: number): PeerCells[] {
  const w = peerWords(lang);
  const out: PeerCells[] = [];
  for (const g of report.peerGroups ?? []) {
    for (const c of g.comparisons) {
      if (c.area !== area || c.gender !== 'T') continue;
      const unit = indicatorUnit(report, c.indicator);
      const places = decimals ?? VALUE_DECIMALS[unit];
      out.push({
        group: g.name,
        indicator: `${indicatorName(report, c.indicator, lang)}${c.service ? ` – ${c.service}` : ''}`,
        value: formatValue(c.value, unit, lang, places),
        groupValue: formatValue(c.groupValue, unit, lang, places),
        basis: c.valueFrom === 'kolada' ? w.kolada : w.mean(c.membersPresent),
        // The difference of the two values as shown beside it, so the row adds up (the JSON keeps the exact one).
        difference: formatDiff(shownDifference(c.value, c.groupValue, places), unit, lang, places),
        rank: c.rank === null ? '' : w.rank(c.rank.position, c.rank.of),
        quartile: c.rank?.quartile ? w.quartile[c.rank.quartile] : '',
      });
    }
  }
  return out;
}

/** `peerCells` as the wide table's rows: the basis after the group's value, the quartile after the rank. `decimals` as the rest of a brief rounds (0). */
export function peerRows(report: Report, area: string, lang: Lang, decimals?: number): string[][] {
  return peerCells(report, area, lang, decimals).map((c) => [
    c.group, c.indicator, c.value, `${c.groupValue} (${c.basis})`, c.difference, c.rank === '' ? '' : `${c.rank}${c.quartile ? ` (${c.quartile})` : ''}`,
  ]);
}
