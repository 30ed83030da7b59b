// Helpers of the CSV tests: a small report, and the CSV read back as records by its header.
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Report } from '../../src/model/report.js';

/** The CSV as records keyed by its header; fails when a row has more or fewer cells than the header. */
export function records(csv: string): Record<string, string>[] {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { delimiter: csv.startsWith('\uFEFF') ? ';' : ',' }) as string[][];
  const [head, ...body] = rows;
  for (const r of body) expect(r.length, r.join(',')).toBe(head!.length);
  return body.map((r) => Object.fromEntries(head!.map((c, i) => [c, r[i]!])));
}

/** A report of one quality row and one budget line, with `over` replacing its fields. */
export function csvReport(over: Partial<Report> = {}): Report {
  return {
    areas: [{ code: '1460', name: 'Bengtsfors', kind: 'municipality', member: true }],
    quality: [{
      area: '1460', areaKind: 'municipality', indicator: 'helhetssyn', service: 'Hemtjänst', gender: 'T', period: '2025', value: 87.5, n: 120, low: 80.4, high: 92.3,
      suppressed: false, incomplete: false, change: null, trend: null, reference: null, organisation: null, rank: null, status: 'yellow', statusReasons: ['below-target'], sources: [{ file: 'svar.csv' }],
    }],
    budget: [{
      area: '1460', areaKind: 'municipality', activity: 'Äldreomsorg', total: false, period: '2025-10', status: 'red', budgetYear: 1200, budgetYtd: 1000, budgetYtdMethod: 'ytd-column',
      actualYtd: 1030, deviation: -30, deviationPct: -3, pacePct: 85.8, elapsedPct: 83.3, forecast: 1250, forecastDeviation: -50, forecastDeviationPct: -4.2, projection: 1236, forecastOptimistic: false,
    }],
    balanceHistory: [],
    ...over,
  } as unknown as Report;
}
