import type { PeerGroup, Report } from '../model/report.js';
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

/**
 * An area's comparisons with its peer groups as table rows (totals only, the women's and men's stay
 * in the JSON): the group, the indicator, the area's value, the group's with where it comes from,
 * the difference and the rank within the group (with its quartile when there is one).
 */
export function peerRows(report: Report, area: string, lang: Lang): string[][] {
  const w = PEER_WORDS[lang];
  const out: string[][] = [];
  for (const g of report.peerGroups ?? []) {
    for (const c of g.comparisons) {
      if (c.area !== area || c.gender !== 'T') continue;
      const unit = indicatorUnit(report, c.indicator);
      out.push([
        g.name,
        `${indicatorTitle(report, c.indicator, lang)}${c.service ? ` – ${c.service}` : ''}`,
        formatValue(c.value, unit, lang),
        `${formatValue(c.groupValue, unit, lang)} (${c.valueFrom === 'kolada' ? w.kolada : w.mean(c.membersPresent)})`,
        formatDiff(c.difference, unit, lang),
        rankText(c.rank, lang),
      ]);
    }
  }
  return out;
}

function rankText(rank: PeerGroup['comparisons'][number]['rank'], lang: Lang): string {
  if (rank === null) return '';
  const w = PEER_WORDS[lang];
  return `${w.rank(rank.position, rank.of)}${rank.quartile ? ` (${w.quartile[rank.quartile]})` : ''}`;
}

