import type { BudgetRow, QualityRow, Report } from '../../src/model/report.js';

/** Small hand-made reports: every field set to a plain default, overridden where a test cares. */

export function qualityRow(over: Partial<QualityRow> = {}): QualityRow {
  return {
    area: '1460', areaKind: 'municipality', indicator: 'helhet', service: 'Hemtjänst', gender: 'T', period: '2025',
    value: 90, n: 100, low: 82.6, high: 94.5, suppressed: false, incomplete: false,
    change: null, trend: null, reference: null, organisation: null, peers: [], rank: null, status: 'green', statusReasons: [],
    sources: [{ file: 'kvalitet.csv' }],
    ...over,
  };
}

export function budgetRow(over: Partial<BudgetRow> = {}): BudgetRow {
  return {
    area: '1460', areaKind: 'municipality', activity: 'Äldreomsorg', total: false, members: null, period: '2025-10', periodNote: null,
    budgetYear: 240_000_000, budgetYtd: 200_000_000, budgetYtdMethod: 'ytd-column', actualYtd: 204_000_000,
    deviation: -4_000_000, deviationPct: -2, pacePct: 85, elapsedPct: 83.3333,
    forecast: 245_000_000, forecastDeviation: -5_000_000, forecastDeviationPct: -2.0833, projection: 244_800_000,
    forecastOptimismPct: null, forecastOptimistic: false, forecastAccuracy: [], status: 'red',
    series: [{ period: '2025-09', actualYtd: 183_000_000, budgetYtd: 180_000_000, forecast: 243_800_000 }, { period: '2025-10', actualYtd: 204_000_000, budgetYtd: 200_000_000, forecast: 245_000_000 }],
    ...over,
  };
}

export function report(over: Partial<Report> = {}): Report {
  return {
    schemaVersion: 3,
    generatedAt: null,
    organisation: { name: 'Testförvaltningen', code: 'ORG', language: 'sv', members: ['1460'] },
    period: { survey: '2025', budget: '2025-10' },
    settings: {
      minRespondents: 30, alpha: 0.05, window: 2, interval: 'wilson-95', budgetThresholds: { yellowBelow: 0, redBelow: -1 }, forecastMargin: 1,
      amountUnit: 'kr', signConvention: 'costs-positive; deviation positive = better than budget',
    },
    inputs: [{ file: 'kvalitet.csv', format: 'csv', kind: 'survey', encoding: 'utf-8', unit: null, sign: null, areas: null, rows: { read: 1, used: 1, rejected: 0, ignored: 0 } }],
    attribution: [],
    areas: [{ code: '1460', name: 'Bengtsfors', kind: 'municipality', member: true }, { code: '0000', name: 'Riket', kind: 'nation', member: false }],
    indicators: [{ id: 'helhet', title: { sv: 'Nöjdhet totalt', en: 'Overall satisfaction' }, better: 'higher', unit: '%', target: null }],
    quality: [qualityRow()],
    budget: [],
    allocation: null,
    results: [],
    qualityBesideCost: [],
    findings: [],
    balanceHistory: [],
    milestones: [],
    failOn: [],
    ...over,
  };
}
