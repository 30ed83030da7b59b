import { describe, expect, it } from 'vitest';
import { isWeightHeader, mapColumns } from '../../src/ingest/columns.js';
import { parseText } from './helpers.js';

describe('mapColumns', () => {
  it('two month-named forecasts: the later month is the forecast, in either order, and the choice is said (a new analyst\'s case)', () => {
    const ahead = mapColumns(['Verksamhet', 'Budget 2025', 'Utfall ack', 'Prognos T1', 'Prognos aug']);
    expect(ahead.roles.forecast).toBe(4);
    expect(ahead.ambiguous).toEqual([{ role: 'forecast', columns: ['Prognos T1', 'Prognos aug'], used: 'Prognos aug' }]);
    const behind = mapColumns(['Verksamhet', 'Prognos augusti', 'Prognos april']);
    expect(behind.roles.forecast).toBe(1);
    expect(behind.ambiguous).toEqual([{ role: 'forecast', columns: ['Prognos augusti', 'Prognos april'] }]);
    // No month to tell them apart: the first, as before.
    expect(mapColumns(['Verksamhet', 'Prognos', 'Helårsprognos']).roles.forecast).toBe(1);
  });
  it('a forecast header that names a difference is no forecast; "Avvikelse …" stays a deviation (a new analyst\'s "Prognos +/-")', () => {
    for (const header of ['Prognos +/-', 'Prognos +-', 'Prognos ±', 'Prognos avvikelse', 'Prognos mot budget', 'Prognos diff', 'Prognos jmf budget']) {
      expect(mapColumns(['Verksamhet', 'Budget helår', header]).roles.forecast, header).toBeUndefined();
    }
    expect(mapColumns(['Verksamhet', 'Prognos aug']).roles.forecast).toBe(1);
    expect(mapColumns(['Verksamhet', 'Prognos helår']).roles.forecast).toBe(1);
    expect(mapColumns(['Verksamhet', 'Prognos helår exkl. avv.kostnader']).roles.forecast).toBe(1);
    expect(mapColumns(['Verksamhet', 'Avvikelse prognos']).roles.deviation).toBe(1);
  });
  it('every header naming a unit, by column', () => {
    expect([...mapColumns(['Verksamhet', 'Budget helår (tkr)', 'Budget månad (kr)', 'Utfall']).units]).toEqual([[1, 'tkr'], [2, 'kr']]);
  });
  it('the report reads the later forecast and says which', () => {
    const r = parseText('Kommun;Verksamhet;Budget 2025;Utfall ack;Prognos T1;Prognos aug\n1266;Äldreomsorg;182 000;124 900;184 000;186 400\n', { unit: 'tkr', period: '2025-08' });
    expect(r.budget!.records()[0]!.forecast).toBe(186_400_000);
    expect(r.findings.find((f) => f.code === 'header-ambiguous-column')!.message).toBe('columns Prognos T1, Prognos aug both mean forecast; using "Prognos aug", the later month');
  });
});

describe('isWeightHeader: a respondent\'s weight, by a word of its header', () => {
  it('Swedish and English names, alone, compounded or among other words, any case', () => {
    const weights = ['Vikt', 'VIKT', 'vikter', 'Viktfaktor', 'Kalibreringsvikt', 'Designvikt', 'Viktning', 'vikt_kalibrerad', 'Slutlig vikt', 'weight', 'Weights', 'FinalWeight', 'weight_final', 'wgt', 'calwgt', 'WT'];
    expect(weights.filter((h) => !isWeightHeader(h))).toEqual([]);
  });
  it('not "important" (viktig), a body\'s weight, or a word that only holds the letters', () => {
    const others = ['Viktigaste orsak', 'Viktigt', 'Övervikt', 'Kroppsvikt', 'Födelsevikt', 'Utförare', 'Enhet', 'Ålder', 'Löpnr', 'Kön', 'Weighbridge', 'twt'];
    expect(others.filter(isWeightHeader)).toEqual([]);
  });
});
