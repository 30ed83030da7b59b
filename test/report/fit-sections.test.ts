import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { BalanceHistory, PeerGroup, Report } from '../../src/model/report.js';
import { bullet, historyColumns, peerColumns } from '../../src/report/fit-sections.js';
import { fitTable } from '../../src/report/fit-table.js';
import { historyView } from '../../src/report/history.js';
import { peerRows } from '../../src/report/peer-view.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('bullet', () => {
  it('a dash before the first line, two spaces before the others, a number kept with its unit', () => {
    expect(bullet('Gemensam nämnd bildas (2021): helhetssyn i snitt 80 %', 30)).toEqual(['- Gemensam nämnd bildas', '  (2021): helhetssyn i snitt', '  80 %']);
    expect(bullet('kort', 80)).toEqual(['- kort']);
  });
});

type Comparison = PeerGroup['comparisons'][number];

/** A report with one peer group of `comparisons` for area 1283 (indicator U1, a share). */
function peerReport(comparisons: Partial<Comparison>[]): Report {
  const base: Comparison = {
    area: '1283', indicator: 'U1', service: '', gender: 'T', period: '2025', value: 85, groupValue: 88, valueFrom: 'mean',
    membersPresent: 8, difference: -3, rank: { position: 8, of: 9, quartile: null },
  };
  return {
    areas: [{ code: '1283', name: 'Helsingborg', kind: 'municipality', member: true }],
    indicators: [{ id: 'U1', title: { sv: 'Brukarbedömning hemtjänst', en: 'User assessment' }, unit: '%', better: 'higher' }],
    peerGroups: [{ id: 'Liknande kommuner', name: 'Liknande kommuner', source: 'config', members: [], comparisons: comparisons.map((c) => ({ ...base, ...c })) }],
    quality: [],
  } as unknown as Report;
}

describe('peerColumns', () => {
  it('a difference is that of the two values as shown beside it', () => {
    // 85,04 and 88,06 show as 85,0 % and 88,1 %: -3,1 p.e. (the unrounded -3,02 would print -3,0).
    const columns = peerColumns(peerReport([{ value: 85.04, groupValue: 88.06, difference: -3.02 }]), '1283', 'sv');
    expect(columns.map((c) => c.cells[0])).toEqual(expect.arrayContaining(['85,0 %', '88,1 %', '-3,1 p.e.']));
  });

  it('in a brief, rounded as the brief\'s quality table is: whole per cent and points, the difference of the two shown', () => {
    // 80,6 and 78,5 show as 81 % and 79 % (not 80,6 % beside the quality table's 81 %): +2 p.e.
    expect(peerRows(peerReport([{ value: 80.6, groupValue: 78.5, difference: 2.1 }]), '1283', 'sv', 0)[0]!.slice(2, 5)).toEqual(['81 %', '79 % (medel av 8)', '+2 p.e.']);
  });

  it('the group value, its basis, the rank and its quartile in columns of their own, with the order they are left out in', () => {
    const columns = peerColumns(peerReport([{}, { rank: { position: 9, of: 9, quartile: 'worst-25' }, valueFrom: 'kolada' }]), '1283', 'sv');
    expect(columns.map((c) => [c.head, c.drop])).toEqual([
      ['Grupp', undefined], ['Indikator', undefined], ['Värde', 2], ['Gruppens värde', undefined], ['Underlag', 3], ['Skillnad', undefined], ['Plats', undefined], ['Fjärdedel', 1],
    ]);
    expect(columns.map((c) => c.cells[1])).toEqual(['Liknande kommuner', 'Brukarbedömning hemtjänst', '85,0 %', '88,0 %', 'Koladas värde', '-3,0 p.e.', '9 av 9', 'sämsta fjärdedelen']);
    expect(columns[4]!.cells[0]).toBe('medel av 8');
  });
  it('no quartile column when no row has a quartile; no columns without comparisons of the area', () => {
    expect(peerColumns(peerReport([{}]), '1283', 'en').map((c) => c.head)).toEqual(['Group', 'Indicator', 'Value', "Group's value", 'Basis', 'Difference', 'Rank']);
    expect(peerColumns(peerReport([{ gender: 'K' }]), '1283', 'en')).toEqual([]);
    expect(peerColumns(peerReport([{}]), '1282', 'en')).toEqual([]);
  });
});

/** A report whose organisation has one history line with a year short of months. */
function historyReport(): Report {
  const year = (y: number, dev: number | null, missing: BalanceHistory['years'][number]['missing'] = null, missingMonths: number[] = []) => ({
    year: String(y), budget: dev === null ? null : 1000000, outcome: dev === null ? null : 1000000 - dev * 10000, deviation: dev === null ? null : dev * 10000, deviationPct: dev, missing, missingMonths, missingParts: [],
  });
  const h: BalanceHistory = {
    area: 'BM', areaKind: 'organisation', activity: 'Totalt', total: true,
    years: [year(2021, -1), year(2022, null, 'months-missing', [6, 7, 8]), year(2023, 0.5), year(2024, 1)],
    trend: { from: '2021', to: '2024', points: 3, theilSenSlope: null, mannKendallS: null, mannKendallP: null, verdict: 'too-few-points' },
    current: { period: '2025-08', basis: 'forecast', deviationPct: -0.5 },
    previous: { from: '2021', to: '2024', years: 3, mean: 0.2, min: -1, max: 1, overBudget: 1 },
  };
  return { areas: [{ code: 'BM', name: 'Gemensamt', kind: 'organisation', member: false }], balanceHistory: [h], milestones: [], indicators: [], quality: [] } as unknown as Report;
}

describe('historyColumns', () => {
  const view = historyView(historyReport(), 'BM', 'sv', 'tkr')!;
  const strong = (s: string) => `<${s}>`;
  it('the lines: series, lowest – highest, the years, years over budget left out in that order; the total painted strong', () => {
    const { lines } = historyColumns(view, strong);
    expect(lines.map((c) => c.drop)).toEqual([undefined, 3, undefined, 2, 4, undefined, undefined, 1]);
    expect(lines[0]!.cells[0]).toEqual({ text: 'Totalt', paint: strong });
    expect(fitTable(lines, 200).dropped).toEqual([]);
    const fitted = fitTable(lines, 60);
    expect(fitted.dropped).toEqual(['År', 'Lägst – högst 2021–2024', 'År över budget 2021–2024', 'Serie']);
    expect(widest(fitted.text)).toBeLessThanOrEqual(60);
    expect(fitted.text).toMatch(/│ <Totalt>\s+│ \+0,2 %\s+│ -0,5 %\s+│ · för få år │/);
  });
  it('the years: every column kept, a year without figures says why in wrapped lines, not cut', () => {
    const { years } = historyColumns(view, strong);
    const fitted = fitTable(years, 64);
    expect(fitted.dropped).toEqual([]);
    expect(widest(fitted.text)).toBeLessThanOrEqual(64);
    expect(fitted.text.split('\n').filter((l) => l.startsWith('│ 2022')).length).toBe(1);
    expect(fitted.text.replace(/[│ \n]+/g, ' ')).toContain('2022 ofullständigt år: juni, juli, augusti saknas');
  });
});
