import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/render-csv.js';
import { csvReport, records } from './csv-records.js';

describe('renderCsv', () => {
  it('every row has a cell per column, each measure under its own head (quality and budget)', () => {
    for (const dialect of ['rfc4180', 'excel-sv'] as const) {
      const rows = records(renderCsv(csvReport(), dialect));
      expect(rows.map((r) => r.section)).toEqual(['quality', 'budget']);
      const [q, b] = rows;
      expect([q!.status, q!.sources, q!.value]).toEqual(['yellow', 'svar.csv', dialect === 'excel-sv' ? '87,5' : '87.5']);
      expect([b!.indicator, b!.status, b!.budget_year_kr, b!.budget_ytd_method, b!.deviation_pct, b!.forecast_optimistic, b!.quartile, b!.sources]).toEqual(['Äldreomsorg', 'red', '1200', 'ytd-column', '-3', 'false', '', '']);
    }
  });
});
