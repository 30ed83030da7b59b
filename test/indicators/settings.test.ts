import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/schema.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { IndicatorSpec } from '../../src/model/indicator.js';

const spec = (id: string): IndicatorSpec => ({ id, title: { sv: id, en: id }, better: 'higher', unit: '%', breaks: [] });

const config = { ...defaultConfig(), members: [{ code: '1461', name: 'Mellerud', population: {}, usage: {} }, { code: '1460', name: 'Bengtsfors', population: {}, usage: {} }], indicators: [spec('trygg'), spec('hjalp')] } as Config;

describe('settingsOf', () => {
  it('unpacks the config once: members, thresholds, revenue names, the headline indicator', () => {
    const s = settingsOf({ ...config, budget: { ...config.budget, revenueActivities: ['Skatteintäkter Extra'] } });
    expect(s.memberCodes).toEqual(['1461', '1460']);
    expect([s.alpha, s.minRespondents, s.headline]).toEqual([0.05, 30, 'trygg']);
    expect(s.thresholds).toEqual({ yellowBelow: 0, redBelow: -2 });
    expect(s.revenueNames).toEqual(['skatteintakter extra']);
    expect(settingsOf(defaultConfig()).headline).toBe('helhetssyn');
  });
  it('orders members as the config lists them, then other areas by kind; the config indicators first', () => {
    const s = settingsOf(config);
    const areas = [['0000', 'nation'], ['1460', 'municipality'], ['14', 'region'], ['1470', 'municipality'], ['ORG', 'organisation'], ['1461', 'municipality']] as const;
    expect([...areas].sort(([a, ak], [b, bk]) => s.areaOrder(a, ak) - s.areaOrder(b, bk)).map(([c]) => c)).toEqual(['1461', '1460', '1470', 'ORG', '14', '0000']);
    expect(['X', 'hjalp', 'trygg'].map(s.indicatorOrder)).toEqual([Number.MAX_SAFE_INTEGER, 1, 0]);
  });
  it('--municipality narrows municipalities and regions only, and only when given', () => {
    const narrowed = settingsOf(config, { municipalities: ['1460', '14'], period: '2025' });
    expect([narrowed.keepArea('1460', 'municipality'), narrowed.keepArea('1461', 'municipality'), narrowed.keepArea('14', 'region'), narrowed.keepArea('13', 'region'), narrowed.keepArea('0000', 'nation'), narrowed.keepArea('ORG', 'organisation')])
      .toEqual([true, false, true, false, true, true]);
    expect(narrowed.period).toBe('2025');
    expect(settingsOf(config).keepArea('1461', 'municipality')).toBe(true);
  });
});
