import type { Report } from '../model/report.js';
import { formatDiff, formatValue, type Lang } from './format.js';
import { indicatorTitle, indicatorUnit } from './view.js';

/** The words of the peer comparison, both languages side by side. */
export const PEER_WORDS = {
  sv: {
    heading: 'Jämförelsegrupper',
    head: ['Grupp', 'Indikator', 'Värde', 'Gruppen', 'Skillnad', 'Plats'],
    kolada: 'Koladas värde',
    mean: (n: number) => `medel av ${n}`,
    rank: (position: number, of: number) => `${position} av ${of}`,
    quartile: { 'best-25': 'bästa fjärdedelen', 'middle-50': 'mittersta hälften', 'worst-25': 'sämsta fjärdedelen' },
  },
  en: {
    heading: 'Peer groups',
    head: ['Group', 'Indicator', 'Value', 'Group', 'Difference', 'Rank'],
    kolada: "Kolada's value",
    mean: (n: number) => `mean of ${n}`,
    rank: (position: number, of: number) => `${position} of ${of}`,
    quartile: { 'best-25': 'best quarter', 'middle-50': 'middle half', 'worst-25': 'worst quarter' },
  },
} as const;

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
export function peerCells(report: Report, area: string, lang: Lang): PeerCells[] {
  const w = PEER_WORDS[lang];
  const out: PeerCells[] = [];
  for (const g of report.peerGroups ?? []) {
    for (const c of g.comparisons) {
      if (c.area !== area || c.gender !== 'T') continue;
      const unit = indicatorUnit(report, c.indicator);
      out.push({
        group: g.name,
        indicator: `${indicatorTitle(report, c.indicator, lang)}${c.service ? ` – ${c.service}` : ''}`,
        value: formatValue(c.value, unit, lang),
        groupValue: formatValue(c.groupValue, unit, lang),
        basis: c.valueFrom === 'kolada' ? w.kolada : w.mean(c.membersPresent),
        difference: formatDiff(c.difference, unit, lang),
        rank: c.rank === null ? '' : w.rank(c.rank.position, c.rank.of),
        quartile: c.rank?.quartile ? w.quartile[c.rank.quartile] : '',
      });
    }
  }
  return out;
}

/** `peerCells` as the wide table's rows: the basis after the group's value, the quartile after the rank. */
export function peerRows(report: Report, area: string, lang: Lang): string[][] {
  return peerCells(report, area, lang).map((c) => [
    c.group, c.indicator, c.value, `${c.groupValue} (${c.basis})`, c.difference, c.rank === '' ? '' : `${c.rank}${c.quartile ? ` (${c.quartile})` : ''}`,
  ]);
}
