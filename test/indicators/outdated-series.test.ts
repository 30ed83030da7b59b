import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { observe } from '../../src/indicators/observe.js';
import { orderSeries } from '../../src/indicators/order-series.js';
import { outdatedSeries } from '../../src/indicators/outdated-series.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { ValueRecord } from '../../src/model/records.js';
import { inputsOf } from './inputs.js';

const value = (code: string, indicator: string, period: string, file = 'k.csv'): ValueRecord => ({
  kind: 'values', area: { code, kind: 'municipality' }, period, indicator, service: '', gender: 'T', value: 50, n: null, source: { file, line: 2 },
});
const outdated = (records: ValueRecord[], year: string | null, window = 2) => {
  const settings = settingsOf(defaultConfig());
  const { obs } = observe(inputsOf(records), settings);
  return outdatedSeries(obs, orderSeries(obs, settings), year, window).map((f) => `${f.file}: ${f.message.replace(/: listed as missing.*/, '')}`);
};

describe('outdatedSeries', () => {
  it('says each indicator once, naming three areas and how many more, with the latest year any of them has', () => {
    const records = ['1460', '1461', '1462', '1463', '1465'].flatMap((c, i) => [value(c, 'A', i === 0 ? '2020' : '2021', i === 0 ? 'first.csv' : 'k.csv'), value(c, 'B', '2019')]);
    expect(outdated(records, '2025')).toEqual([
      'first.csv: A: the latest figures for 1460, 1461, 1462 and 2 more are from 2021, more than 2 year(s) before the report year 2025',
      'k.csv: B: the latest figures for 1460, 1461, 1462 and 2 more are from 2019, more than 2 year(s) before the report year 2025',
    ]);
  });
  it('judges each series by its latest year up to the report year: a later figure does not help, one within the window does', () => {
    expect(outdated([value('1460', 'A', '2020'), value('1460', 'A', '2026')], '2025')).toHaveLength(1);
    expect(outdated([value('1460', 'A', '2020'), value('1460', 'A', '2023')], '2025')).toEqual([]);
    // A series with nothing up to the report year is not "older": there is nothing to show for it yet.
    expect(outdated([value('1460', 'A', '2026')], '2025')).toEqual([]);
    expect(outdated([value('1460', 'A', '2020')], null)).toEqual([]);
  });
});
