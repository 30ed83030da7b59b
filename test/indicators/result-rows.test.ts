import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { resultRows } from '../../src/indicators/result-rows.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { Finding } from '../../src/model/findings.js';
import type { BudgetRow } from '../../src/model/report.js';

const line = (activity: string, actualYtd: number | null, forecast: number | null, extra: Partial<BudgetRow> = {}): BudgetRow =>
  ({ area: '1460', areaKind: 'municipality', activity, total: false, period: '2025-06', actualYtd, forecast, ...extra }) as BudgetRow;

describe('resultRows', () => {
  it('hand-worked: revenue 1 000 (held as −1 000) and costs 970 → a result of 30, 3 % of revenue; the status is the forecast’s (0.5 %: yellow against a 2 % target)', () => {
    const [r] = resultRows([line('Skatteintäkter', -1000, -2000), line('Äldreomsorg', 970, 1990), line('Totalt', 0, 0, { total: true })], settingsOf(defaultConfig()), []);
    expect(r).toMatchObject({ area: '1460', period: '2025-06', target: 2, revenueYtd: 1000, costsYtd: 970, resultYtd: 30, resultYtdPct: 3, resultForecast: 10, resultForecastPct: 0.5 });
    expect(r!.status).toBe('yellow');
  });
  it('no revenue line, lines at different months or a missing figure: no result, or none for that side', () => {
    const settings = settingsOf(defaultConfig());
    expect(resultRows([line('Äldreomsorg', 970, 1990)], settings, [])).toEqual([]);
    expect(resultRows([line('Skatteintäkter', -1000, -2000), line('Äldreomsorg', 970, 1990, { period: '2025-05' })], settings, [])).toEqual([]);
    const [r] = resultRows([line('Skatteintäkter', -1000, null), line('Äldreomsorg', 970, 1990)], settings, []);
    expect([r!.resultYtd, r!.resultForecast]).toEqual([30, null]);
  });
  it('the config names further revenue lines', () => {
    const settings = settingsOf({ ...defaultConfig(), budget: { ...defaultConfig().budget, revenueActivities: ['Bidrag från regionen'] } });
    expect(resultRows([line('Bidrag från regionen', -500, -1000), line('LSS', 400, 900)], settings, [])).toHaveLength(1);
  });
  it('revenue lines covering under half the costs are no whole result statement: no result, a warning (a committee\'s grant line made -1 950 %)', () => {
    const settings = settingsOf(defaultConfig());
    const findings: Finding[] = [];
    expect(resultRows([line('Statsbidrag', -3750, -15000), line('Hemtjänst', 31000, 122000), line('IFO', 15500, 61000)], settings, findings)).toEqual([]);
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([['result-revenue-partial', 'warning', expect.stringContaining('1460: the revenue lines (Statsbidrag) cover 8 % of the other lines\' costs')]]);
    // A deficit of a municipality's size is still a result: 1 000 against costs of 1 300.
    expect(resultRows([line('Skatteintäkter', -1000, -2000), line('Äldreomsorg', 1300, 2600)], settings, findings)).toHaveLength(1);
  });
  it('revenue is judged by the full-year forecast where there is one: tax booked by the quarter is small to date (a helper\'s February)', () => {
    const findings: Finding[] = [];
    expect(resultRows([line('Skatteintäkter', -300, -6000), line('Äldreomsorg', 980, 5880)], settingsOf(defaultConfig()), findings)).toHaveLength(1);
    expect(findings).toEqual([]);
  });
  it('a targeted grant (Riktade statsbidrag) is an activity\'s income, not revenue: no result from it', () => {
    expect(resultRows([line('Riktade statsbidrag äldreomsorg', -3750, -15000), line('Hemtjänst', 31000, 122000)], settingsOf(defaultConfig()), [])).toEqual([]);
  });
});
