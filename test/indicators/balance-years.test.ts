import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import type { BalanceHistory } from '../../src/model/report.js';

const config = (more: object = {}) => parseConfig(JSON.stringify({
  organisation: { name: 'BM', code: 'BM' },
  members: [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }],
  milestones: [{ period: '2021', label: 'Gemensam nämnd bildas' }],
  ...more,
}), 'test.json');
const read = (file: string, text: string, c = config()) => parseInput(Buffer.from(text), { ...ingestOptions(c, { unit: 'kr', sign: 'costs-positive' }, {}), file });

/** Year-end deviations in % 2016–2024 on a budget of 1 000 000 kr (Bengtsfors improves; Mellerud wavers). */
const DEV: Record<string, number[]> = { '1460': [-3, -2, -2.5, -1, -0.5, 0.5, 1, 1.5, 2], '1461': [1, 0, -1, 0.5, -0.5, 1, 0, -1, 0.5] };
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const closing = (codes = ['1460', '1461'], years = YEARS) => `År;Kommun;Verksamhet;Budget helår;Utfall ack\n${years.flatMap((y) => codes.map((c) => `${y};${c};Äldreomsorg;1000000;${1000000 - DEV[c]![y - 2016]! * 10000}`)).join('\n')}\n`;
/** January–August 2025 for both, 1 % over budget to date, forecast 1,2 % over. */
const months2025 = `Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår\n${[1, 2, 3, 4, 5, 6, 7, 8].flatMap((m) => ['1460', '1461'].map((c) => `2025-0${m};${c};Äldreomsorg;1200000;${100000 * m};${101000 * m};1214400`)).join('\n')}\n`;
const line = (h: readonly BalanceHistory[], area: string, activity = 'Äldreomsorg') => h.find((x) => x.area === area && x.activity === activity)!;

describe('years of balance from year-end files over nine years and a year under way', () => {
  const report = analyse([read('bokslut.csv', closing()), read('manad-2025.csv', months2025)], config());
  it('per municipality: each year\'s budget, outcome and deviation, the trend, and this year\'s forecast against the years before', () => {
    const b = line(report.balanceHistory, '1460');
    expect(b.years.map((y) => `${y.year} ${y.budget} ${y.outcome} ${y.deviation} ${y.deviationPct}`)).toEqual(
      YEARS.map((y, i) => `${y} 1000000 ${1000000 - DEV['1460']![i]! * 10000} ${DEV['1460']![i]! * 10000} ${DEV['1460']![i]}`));
    expect(b.trend).toMatchObject({ from: '2016', to: '2024', points: 9, mannKendallS: 34, verdict: 'improving' });
    expect(b.current).toEqual({ period: '2025-08', basis: 'forecast', deviationPct: -1.2 });
    expect(b.previous).toEqual({ from: '2016', to: '2024', years: 9, mean: -0.4444, min: -3, max: 2, overBudget: 5 });
    expect(line(report.balanceHistory, '1461').trend?.verdict).toBe('no-clear-trend');
  });
  it('the organisation: the members summed year by year (−3 % and +1 % of equal budgets: −1 %)', () => {
    const o = line(report.balanceHistory, 'BM');
    expect(o.areaKind).toBe('organisation');
    expect(o.years.map((y) => y.deviationPct)).toEqual(YEARS.map((_, i) => (DEV['1460']![i]! + DEV['1461']![i]!) / 2));
  });
  it('a milestone gives the level before and after, and does not cut the trend', () => {
    const m = report.milestones[0]!;
    expect([m.period, m.label]).toEqual(['2021', 'Gemensam nämnd bildas']);
    // 1460: (−3 − 2 − 2,5 − 1 − 0,5)/5 = −1,8 before; (0,5 + 1 + 1,5 + 2)/4 = 1,25 after.
    expect(m.balance.find((x) => x.area === '1460')).toEqual({
      area: '1460', activity: 'Äldreomsorg', total: false,
      before: { from: '2016', to: '2020', years: 5, mean: -1.8, n: null }, after: { from: '2021', to: '2024', years: 4, mean: 1.25, n: null }, difference: 3.05,
    });
    expect(line(report.balanceHistory, '1460').trend?.from).toBe('2016');
  });
});

describe('degenerate years of balance', () => {
  it('a closed report year (data to December) is itself the outcome, not a forecast', () => {
    const r = analyse([read('bokslut.csv', closing())], config());
    expect(r.period.budget).toBe('2024-12');
    const b = line(r.balanceHistory, '1460');
    expect(b.current).toEqual({ period: '2024-12', basis: 'outcome', deviationPct: 2 });
    expect(b.previous).toMatchObject({ from: '2016', to: '2023', years: 8 });
    expect(b.years).toHaveLength(9);
  });
  it('inputs of the report year only: no history at all', () => {
    expect(analyse([read('manad-2025.csv', months2025)], config()).balanceHistory).toEqual([]);
  });
  it('one year before the report year: one year, too few for a trend', () => {
    const r = analyse([read('bokslut.csv', closing(['1460'], [2024])), read('manad-2025.csv', months2025)], config());
    const b = line(r.balanceHistory, '1460');
    expect(b.years.map((y) => y.year)).toEqual(['2024']);
    expect(b.trend?.verdict).toBe('too-few-points');
  });
  it('a gap year is a year without figures; the organisation says which member lacks a year', () => {
    const text = closing(['1460']) + closing(['1461'], YEARS.filter((y) => y !== 2019)).split('\n').slice(1).join('\n');
    const r = analyse([read('bokslut.csv', text), read('manad-2025.csv', months2025)], config());
    expect(r.balanceHistory.length).toBeGreaterThan(0);
    const m = line(r.balanceHistory, '1461');
    expect(m.years.find((y) => y.year === '2019')).toMatchObject({ deviationPct: null, missing: 'not-closed' });
    expect(m.trend?.points).toBe(8);
    expect(line(r.balanceHistory, 'BM').years.find((y) => y.year === '2019')).toMatchObject({ deviationPct: null, missing: 'parts-missing', missingParts: ['1461'] });
  });
  it('a missing month makes a year of monthly figures incomplete, and the history says which', () => {
    const months = (year: number, skip: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => m !== skip).map((m) => `${year}-${String(m).padStart(2, '0')};1460;Äldreomsorg;100000;101000`);
    const text = `Period;Kommun;Verksamhet;Budget månad;Utfall månad\n${[...months(2023, 0), ...months(2024, 6)].join('\n')}\n`;
    const r = analyse([read('manad.csv', text), read('manad-2025.csv', months2025)], config());
    const b = line(r.balanceHistory, '1460');
    expect(b.years.map((y) => `${y.year} ${y.deviationPct} ${y.missing} ${y.missingMonths.join(',')}`)).toEqual(['2023 -1 null ', '2024 null months-missing 6']);
  });
  it('monthly figures from November 2024 only: the line keeps its row naming the months 2024 lacks, with no trend (null)', () => {
    const rows = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'].map((p) => `${p};1460;Äldreomsorg;1200000;100000;101000`);
    const r = analyse([read('manad.csv', `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${rows.join('\n')}\n`)], config());
    const b = line(r.balanceHistory, '1460');
    expect(b.years).toEqual([{ year: '2024', budget: null, outcome: null, deviation: null, deviationPct: null, missing: 'months-missing', missingMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], missingParts: [] }]);
    expect(b.trend).toBeNull();
    expect(b.previous).toBeNull();
    expect(b.current).toMatchObject({ period: '2025-03', basis: 'year-to-date' });
  });
  it('a conflict between files in an older year leaves that month without figures and is said', () => {
    const other = 'År;Kommun;Verksamhet;Budget helår;Utfall ack\n2018;1460;Äldreomsorg;1000000;999999\n';
    const r = analyse([read('bokslut.csv', closing()), read('rättelse.csv', other), read('manad-2025.csv', months2025)], config());
    expect(r.findings.filter((f) => f.code === 'budget-conflict').map((f) => f.file)).toEqual(['rättelse.csv']);
    expect(line(r.balanceHistory, '1460').years.find((y) => y.year === '2018')).toMatchObject({ deviationPct: null, missing: 'months-missing' });
  });
});

describe('milestones over quality series', () => {
  const HEAD = 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n';
  const rows = [[2019, 80], [2020, 82], [2021, 88], [2022, 90]].map(([y, v]) => `${y};1460;Hemtjänst;helhetssyn;100;${v}`).join('\n');
  it('the level before and after with a two-proportion test where n exists (162/200 against 178/200)', () => {
    const r = analyse([read('kvalitet.csv', `${HEAD}${rows}\n`)], config());
    const q = r.milestones[0]!.quality;
    expect(q).toEqual([{
      area: '1460', indicator: 'helhetssyn', service: 'Hemtjänst',
      before: { from: '2019', to: '2020', years: 2, mean: 81, n: 200 }, after: { from: '2021', to: '2022', years: 2, mean: 89, n: 200 },
      difference: 8, p: 0.025062, significant: true,
    }]);
  });
  it('no milestones in the config: an empty list', () => {
    expect(analyse([read('kvalitet.csv', `${HEAD}${rows}\n`)], config({ milestones: [] })).milestones).toEqual([]);
  });
});
