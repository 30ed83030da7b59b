import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/schema.js';
import { observe } from '../../src/indicators/observe.js';
import { orderSeries } from '../../src/indicators/order-series.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { IndicatorSpec } from '../../src/model/indicator.js';

const spec = (id: string): IndicatorSpec => ({ id, title: { sv: id, en: id }, better: 'higher', unit: '%', breaks: [] });
import type { Gender, SurveyRecord } from '../../src/model/records.js';
import type { AreaKind } from '../../src/model/register.js';
import { inputsOf } from './inputs.js';

const row = (code: string, kind: AreaKind, period: string, indicator = 'hjalp', gender: Gender = 'T', service = 'PA'): SurveyRecord => ({
  kind: 'survey', area: { code, kind }, period, indicator, service, gender, n: 100, positive: null, share: 50, source: { file: 'k.csv', line: 2 },
});

describe('orderSeries', () => {
  it('members first in the config order, then other areas by kind and code; within an area the config indicators first, then service and gender', () => {
    const config = { ...defaultConfig(), members: [{ code: '1461', name: 'M', population: {}, usage: {} }, { code: '1460', name: 'B', population: {}, usage: {} }], indicators: [spec('trygg')] } as Config;
    const { obs } = observe(inputsOf([
      row('0000', 'nation', '2025'), row('14', 'region', '2025'), row('1470', 'municipality', '2025'), row('1460', 'municipality', '2025'),
      row('1461', 'municipality', '2025', 'hjalp', 'M'), row('1461', 'municipality', '2025', 'hjalp', 'K', 'SÄBO'), row('1461', 'municipality', '2025', 'trygg'),
    ]), settingsOf(config));
    const { series, members, start } = orderSeries(obs, settingsOf(config));
    const names = series.map((s) => {
      const i = members[start[s]!]!;
      return `${obs.areaCode(i)} ${obs.indicatorOf(i)} ${obs.serviceOf(i)} ${obs.genderOf(i)}`;
    });
    expect(names).toEqual([
      '1461 trygg PA T', '1461 hjalp PA M', '1461 hjalp SÄBO K', '1460 hjalp PA T', '1470 hjalp PA T', '14 hjalp PA T', '0000 hjalp PA T',
    ]);
  });
  it('puts each series in time order, a pooled range at its end year before that year’s months', () => {
    const settings = settingsOf(defaultConfig());
    const { obs } = observe(inputsOf([row('1460', 'municipality', '2025'), row('1460', 'municipality', '2019-2022'), row('1460', 'municipality', '2021'), row('1460', 'municipality', '2022')]), settings);
    const { series, members, start, periodRank } = orderSeries(obs, settings);
    const s = series[0]!;
    expect(Array.from(members.subarray(start[s]!, start[s + 1]!), (i) => obs.periodOf(i))).toEqual(['2021', '2019-2022', '2022', '2025']);
    expect(periodRank[obs.periods.id('2025')]).toBe(3);
  });
});
