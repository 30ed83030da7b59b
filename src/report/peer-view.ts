import type { PeerGroup, Report } from '../model/report.js';
import { formatDiff, formatValue, type Lang } from './format.js';
import { indicatorName, indicatorUnit } from './view.js';
import { both, inLang } from './phrasebook.js';

/** The words of the peer comparison, Swedish beside English. */
export const PEER_WORDS = {
  heading: both('Jämförelsegrupper', 'Peer groups'),
  head: both(['Grupp', 'Indikator', 'Värde', 'Gruppen', 'Skillnad', 'Plats'], ['Group', 'Indicator', 'Value', 'Group', 'Difference', 'Rank']),
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

/**
 * An area's comparisons with its peer groups as table rows (totals only, the women's and men's stay
 * in the JSON): the group, the indicator, the area's value, the group's with where it comes from,
 * the difference and the rank within the group (with its quartile when there is one).
 */
export function peerRows(report: Report, area: string, lang: Lang): string[][] {
  const w = peerWords(lang);
  const out: string[][] = [];
  for (const g of report.peerGroups ?? []) {
    for (const c of g.comparisons) {
      if (c.area !== area || c.gender !== 'T') continue;
      const unit = indicatorUnit(report, c.indicator);
      out.push([
        g.name,
        `${indicatorName(report, c.indicator, lang)}${c.service ? ` – ${c.service}` : ''}`,
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
  const w = peerWords(lang);
  return `${w.rank(rank.position, rank.of)}${rank.quartile ? ` (${w.quartile[rank.quartile]})` : ''}`;
}

