import { describe, expect, it } from 'vitest';
import { financialResult } from '../../src/indicators/financial-result.js';
import { isRevenueLine } from '../../src/model/activities.js';
import { normalizeLabel } from '../../src/model/text.js';

describe('financialResult', () => {
  it('result as % of tax revenue and grants against the target (hand-worked)', () => {
    expect(financialResult(1000, 975, 2)).toEqual({ revenue: 1000, costs: 975, result: 25, resultPct: 2.5, status: 'green' });
    expect(financialResult(1000, 990, 2)).toMatchObject({ result: 10, resultPct: 1, status: 'yellow' });
    expect(financialResult(1000, 1010, 2)).toMatchObject({ result: -10, resultPct: -1, status: 'red' });
    expect(financialResult(1000, 980, 2).status).toBe('green');
  });
  it('degenerate: no or negative revenue gives no percentage and no status', () => {
    expect(financialResult(0, 10, 2)).toEqual({ revenue: 0, costs: 10, result: -10, resultPct: null, status: null });
    expect(financialResult(-251, 0, 2)).toMatchObject({ resultPct: null, status: null });
  });
});

describe('isRevenueLine', () => {
  it('recognises tax revenue, grants and equalisation, and configured names', () => {
    expect(isRevenueLine('skatteintakter')).toBe(true);
    expect(isRevenueLine('generella statsbidrag och utjamning')).toBe(true);
    expect(isRevenueLine('aldreomsorg')).toBe(false);
    expect(isRevenueLine('finansnetto', ['finansnetto'])).toBe(true);
  });
  it('knows the names municipalities and SKR give tax revenue and grants', () => {
    const names = ['Kommunalskatt', 'Allmän kommunalskatt', 'Skatter', 'Skatter och bidrag', 'Generella bidrag från staten', 'Regleringsbidrag', 'Regleringsavgift',
      'Strukturbidrag', 'Slutavräkning', 'Kommunal fastighetsavgift', 'Inkomstutjämning', 'Kostnadsutjämning', 'LSS-utjämning', 'General government grants and equalisation'];
    expect(names.filter((n) => !isRevenueLine(normalizeLabel(n)))).toEqual([]);
    expect(['Skattehandläggning', 'Bidrag till föreningar', 'Fastighetsförvaltning'].filter((n) => isRevenueLine(normalizeLabel(n)))).toEqual([]);
  });
});
