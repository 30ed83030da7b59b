import { describe, expect, it } from 'vitest';
import type { BalanceHistory, PeerGroup } from '../../src/model/report.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { csvReport, records } from './csv-records.js';

const history: BalanceHistory = {
  area: '1460', areaKind: 'municipality', activity: 'Äldreomsorg', total: false,
  years: [
    { year: '2023', budget: 1000, outcome: 1020, deviation: -20, deviationPct: -2, missing: null, missingMonths: [], missingParts: [] },
    { year: '2024', budget: null, outcome: null, deviation: null, deviationPct: null, missing: 'months-missing', missingMonths: [6, 7], missingParts: [] },
    { year: '2025', budget: null, outcome: null, deviation: null, deviationPct: null, missing: 'parts-missing', missingMonths: [], missingParts: ['1461', 'Gemensam ledning'] },
  ],
  trend: { from: '2023', to: '2023', points: 1, theilSenSlope: null, mannKendallS: null, mannKendallP: null, verdict: 'too-few-points' },
  current: { period: '2025-10', basis: 'forecast', deviationPct: -4.2 },
  previous: { from: '2023', to: '2023', years: 1, mean: -2, min: -2, max: -2, overBudget: 1 },
};

const peers: PeerGroup = {
  id: 'G124026', name: 'Större stad', source: 'kolada', members: [],
  comparisons: [{
    area: '1460', indicator: 'helhetssyn', service: 'Hemtjänst', gender: 'K', period: '2025', value: 87.5, groupValue: 86.4, valueFrom: 'kolada',
    membersPresent: 7, difference: 1.1, rank: { position: 4, of: 8, quartile: 'middle-50' },
  }],
};

describe('renderCsv: balance history and peers', () => {
  const rows = records(renderCsv(csvReport({ balanceHistory: [history], peerGroups: [peers] }), 'rfc4180'));
  it('after quality and budget: a history record per line, a history_year per year, a peer record per comparison', () => {
    expect(rows.map((r) => r.section)).toEqual(['quality', 'budget', 'history', 'history_year', 'history_year', 'history_year', 'peer']);
  });
  it('a history line: its trend, the report year at its period, the complete years before', () => {
    const line = rows.find((r) => r.section === 'history')!;
    expect(line).toMatchObject({
      area: '1460', area_name: 'Bengtsfors', area_kind: 'municipality', indicator: 'Äldreomsorg', total: 'false', period: '2025-10', deviation_pct: '-4.2', current_basis: 'forecast',
      trend_verdict: 'too-few-points', trend_points: '1', trend_from: '2023', trend_to: '2023',
      previous_from: '2023', previous_to: '2023', previous_years: '1', previous_mean_pct: '-2', previous_min_pct: '-2', previous_max_pct: '-2', previous_over_budget: '1',
      budget_year_kr: '', status: '', peer_group_id: '',
    });
  });
  it('a history year: budget and outcome for the year, or why it has none', () => {
    const years = rows.filter((r) => r.section === 'history_year');
    expect(years.map((y) => [y.period, y.budget_year_kr, y.actual_ytd_kr, y.deviation_kr, y.deviation_pct, y.year_missing, y.missing_months, y.missing_parts])).toEqual([
      ['2023', '1000', '1020', '-20', '-2', '', '', ''],
      ['2024', '', '', '', '', 'months-missing', '6 7', ''],
      ['2025', '', '', '', '', 'parts-missing', '', '1461|Gemensam ledning'],
    ]);
  });
  it('a peer comparison: the area\'s value, the group\'s and where it comes from, the difference, the rank within the group', () => {
    expect(rows.find((r) => r.section === 'peer')).toMatchObject({
      area: '1460', area_name: 'Bengtsfors', area_kind: 'municipality', indicator: 'helhetssyn', service: 'Hemtjänst', gender: 'K', period: '2025', value: '87.5',
      rank: '4', rank_of: '8', quartile: 'middle-50', peer_group_id: 'G124026', peer_group_name: 'Större stad', peer_group_source: 'kolada',
      peer_value: '86.4', peer_value_from: 'kolada', peer_members_present: '7', peer_diff: '1.1', n: '', status: '',
    });
  });
  it('quality rows carry their trended years, budget rows whether they are a total', () => {
    const trended = csvReport();
    trended.quality[0] = { ...trended.quality[0]!, trend: { from: '2016', to: '2025', points: 10, verdict: 'improving' } as never };
    const [q, b] = records(renderCsv(trended, 'excel-sv'));
    expect([q!.trend_from, q!.trend_to, q!.total, b!.total, b!.trend_from]).toEqual(['2016', '2025', '', 'false', '']);
  });
  it('no peer groups and no history: no rows of them', () => {
    expect(records(renderCsv(csvReport({ peerGroups: undefined }), 'rfc4180')).map((r) => r.section)).toEqual(['quality', 'budget']);
  });
});

describe('renderCsv: the shared costs\' split', () => {
  const allocation = {
    method: 'population', period: '2025-10', equalPercent: null, populationYear: '2024', usageYear: '2025', totals: { budgetYear: 2000, actualYtd: 1500, forecast: 2100 },
    members: [
      { area: '1460', sharePct: 60, budgetYear: 1200, actualYtd: 900, forecast: 1260, population: 600, actualPerInhabitant: 1.5, usageMeasure: 'brukare', fairShareGap: 150 },
      { area: '1461', sharePct: 40, budgetYear: 800, actualYtd: 600, forecast: 840, population: 400, actualPerInhabitant: 1.5, usageMeasure: 'brukare', fairShareGap: -150 },
    ],
  };
  it('a record per member after the budget: its share by the key, its parts and the gap to a split by usage', () => {
    const rows = records(renderCsv(csvReport({ allocation } as never), 'rfc4180'));
    expect(rows.map((r) => r.section)).toEqual(['quality', 'budget', 'allocation', 'allocation']);
    const [a, b] = rows.slice(2);
    expect([a!.area, a!.area_name, a!.period, a!.share_pct, a!.allocation_method, a!.population_year, a!.population, a!.budget_year_kr, a!.actual_ytd_kr, a!.forecast_kr, a!.actual_per_inhabitant_kr, a!.usage_measure, a!.fair_share_gap_kr])
      .toEqual(['1460', 'Bengtsfors', '2025-10', '60', 'population', '2024', '600', '1200', '900', '1260', '1.5', 'brukare', '150']);
    expect([b!.area_name, b!.share_pct, b!.fair_share_gap_kr, b!.value]).toEqual(['Mellerud', '40', '-150', '']);
    // The usage the gap is measured by is of a year, said in its own column.
    expect([a!.usage_year, b!.usage_year]).toEqual(['2025', '2025']);
  });
  it('a file of the organisation alone names its members by the register', () => {
    const rows = records(renderCsv(csvReport({ allocation, areas: [{ code: 'BM', name: 'BM', kind: 'organisation', member: false }] } as never), 'rfc4180'));
    expect(rows.filter((r) => r.section === 'allocation').map((r) => `${r.area} ${r.area_name} ${r.area_kind}`)).toEqual(['1460 Bengtsfors municipality', '1461 Mellerud municipality']);
  });
  it('nothing allocated: no rows of it', () => {
    expect(records(renderCsv(csvReport({ allocation: null } as never), 'rfc4180')).map((r) => r.section)).toEqual(['quality', 'budget']);
  });
});
