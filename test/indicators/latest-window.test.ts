import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/schema.js';
import { analyseLazily, type AnalyseOptions } from '../../src/indicators/analyse.js';
import { isEmptyReport } from '../../src/indicators/selection.js';
import { parseText } from '../ingest/helpers.js';
import { KOLADA, OWN_SURVEY } from './older-data.js';

const members = [{ code: '1460', name: 'Bengtsfors', population: {}, usage: {} }, { code: '1461', name: 'Mellerud', population: {}, usage: {} }];
const analysed = (window?: number, opts: AnalyseOptions = {}, files = [OWN_SURVEY, KOLADA]) => {
  const base = defaultConfig();
  const config = { ...base, members, survey: { ...base.survey, ...(window === undefined ? {} : { window }) } } as Config;
  return analyseLazily(files.map((text, i) => parseText(text, {}, i === 0 ? 'kvalitet.csv' : 'kolada.csv')), config, opts);
};
/** "indicator period" of each row of 1460's totals that carries a trend: a series' shown row. */
const withTrend = (a: ReturnType<typeof analysed>) => [...a.rows()].filter((q) => q.area === '1460' && q.trend !== null).map((q) => `${q.indicator} ${q.period}`);
const outdated = (a: ReturnType<typeof analysed>) => a.report.findings.filter((f) => f.code === 'series-outdated').map((f) => `${f.file}: ${f.message}`);

describe('each series at its latest period within the window', () => {
  it('by default up to two years before the report year: a Kolada series ending 2024 is shown at 2024 (its trend there) beside the 2025 survey', () => {
    const a = analysed();
    expect(a.report.period.survey).toBe('2025');
    expect(a.report.settings.window).toBe(2);
    expect(withTrend(a)).toEqual(['U21468 2024', 'helhetssyn 2025']);
    // Only the shown row carries the trend; the series' 2023 row does not.
    expect([...a.rows()].find((q) => q.area === '1460' && q.indicator === 'U21468' && q.period === '2023')!.trend).toBeNull();
  });
  it('a series older than the window is said once per indicator, naming its areas and latest year, and keeps its rows (JSON, CSV)', () => {
    const a = analysed();
    expect(outdated(a)).toEqual([
      'kolada.csv: X0001: the latest figures for 1460, 1461 are from 2021, more than 2 year(s) before the report year 2025: listed as missing in tables and briefs (the JSON and CSV keep every year; survey.window in the config sets how old a latest figure may be)',
    ]);
    expect(a.report.findings.find((f) => f.code === 'series-outdated')!.severity).toBe('warning');
    expect([...a.rows()].filter((q) => q.indicator === 'X0001' && q.area === '1460').map((q) => q.period)).toEqual(['2017', '2018', '2019', '2020', '2021']);
  });
  it('the config sets the window: 0 shows the report year only (both Kolada series said), 4 reaches 2021', () => {
    const none = analysed(0);
    expect(withTrend(none)).toEqual(['helhetssyn 2025']);
    expect(outdated(none).map((m) => m.replace(/:.*? are from (\d+),.*/, ' $1'))).toEqual(['kolada.csv 2024', 'kolada.csv 2021']);
    const wide = analysed(4);
    expect(withTrend(wide)).toEqual(['U21468 2024', 'X0001 2021', 'helhetssyn 2025']);
    expect(outdated(wide)).toEqual([]);
  });
  it('counts back from --period: at 2024 every series is at 2024 or within two years of it', () => {
    const a = analysed(undefined, { period: '2024' });
    expect(withTrend(a)).toEqual(['U21468 2024', 'helhetssyn 2024']);
    expect(outdated(a)).toEqual([
      'kolada.csv: X0001: the latest figures for 1460, 1461 are from 2021, more than 2 year(s) before the report year 2024: listed as missing in tables and briefs (the JSON and CSV keep every year; survey.window in the config sets how old a latest figure may be)',
    ]);
    expect(withTrend(analysed(3, { period: '2024' }))).toEqual(['U21468 2024', 'X0001 2021', 'helhetssyn 2024']);
  });
  it('a report whose only figures are older than its year but within the window is not empty; older than the window it is', () => {
    const kolada = analysed(undefined, { period: '2025' }, [KOLADA]);
    expect(isEmptyReport(kolada.report, kolada.rows)).toBe(false);
    const zero = analysed(0, { period: '2025' }, [KOLADA]);
    expect(isEmptyReport(zero.report, zero.rows)).toBe(true);
  });
});
