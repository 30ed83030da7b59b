import { describe, expect, it } from 'vitest';
import type { QualityRow } from '../../src/model/report.js';
import { keyMessages } from '../../src/report/messages.js';
import { NO_PAINT, type RenderOptions } from '../../src/report/view.js';
import { budgetRow, qualityRow, report } from './factory.js';

const sv: RenderOptions = { lang: 'sv', unit: 'mnkr', paint: NO_PAINT };
const en: RenderOptions = { ...sv, lang: 'en' };
const trend = (verdict: NonNullable<QualityRow['trend']>['verdict']): QualityRow['trend'] =>
  ({ from: '2016', to: '2025', points: 10, theilSenSlope: 1, mannKendallS: 20, mannKendallP: 0.01, olsSlope: 1, olsSlopeLow: 0.5, olsSlopeHigh: 1.5, r2: 0.6, verdict });

describe('key messages', () => {
  it('calls a clear trend a change, from its first year, in each language', () => {
    const r = report({ quality: [qualityRow({ period: '2016', value: 80 }), qualityRow({ value: 90, trend: trend('improving') })] });
    expect(keyMessages(r, '1460', sv)[0]).toBe('Nöjdhet totalt inom hemtjänsten i Bengtsfors har ökat från 80 % till 90 % sedan 2016 – en tydlig förbättring.');
    expect(keyMessages(r, '1460', en)[0]).toBe('Overall satisfaction in home care in Bengtsfors has risen from 80% to 90% since 2016 – a clear improvement.');
  });
  it('figures set against each other never read alike: a decimal more where whole per cent would round them together', () => {
    const r = report({
      quality: [
        qualityRow({ period: '2016', value: 87.8 }),
        qualityRow({
          value: 88.3, trend: trend('improving'),
          reference: { area: '0000', value: 87.9, differencePp: 0.4, p: 0.001, significant: true },
        }),
        qualityRow({
          service: 'Särskilt boende', value: 88.04,
          change: { from: '2024', fromValue: 87.96, differencePp: 0.08, p: 0.01, significant: true },
        }),
      ],
    });
    const messages = keyMessages(r, '1460', sv);
    expect(messages).toContain('Nöjdhet totalt inom hemtjänsten i Bengtsfors har ökat från 87,8 % till 88,3 % sedan 2016 – en tydlig förbättring.');
    expect(messages).toContain('Nöjdhet totalt inom hemtjänsten i Bengtsfors (88,3 %) ligger över riket (87,9 %).');
    expect(messages).toContain('Nöjdhet totalt inom det särskilda boendet i Bengtsfors steg från 87,96 % (2024) till 88,04 % (2025), en statistiskt säkerställd förändring.');
    // Apart in whole per cent: whole per cent, as before.
    expect(keyMessages(report({ quality: [qualityRow({ value: 90, reference: { area: '0000', value: 86, differencePp: 4, p: 0.001, significant: true } })] }), '1460', sv))
      .toContain('Nöjdhet totalt inom hemtjänsten i Bengtsfors (90 %) ligger över riket (86 %).');
  });
  it('names a significant change with both years, and a significant gap to the nation', () => {
    const r = report({
      quality: [qualityRow({
        service: 'Särskilt boende', value: 75,
        change: { from: '2024', fromValue: 85, differencePp: -10, p: 0.01, significant: true },
        reference: { area: '0000', value: 86, differencePp: -11, p: 0.001, significant: true },
      })],
    });
    expect(keyMessages(r, '1460', sv).slice(0, 2)).toEqual([
      'Nöjdhet totalt inom det särskilda boendet i Bengtsfors sjönk från 85 % (2024) till 75 % (2025), en statistiskt säkerställd förändring.',
      'Nöjdhet totalt inom det särskilda boendet i Bengtsfors (75 %) ligger under riket (86 %).',
    ]);
  });
  it('says that nothing changed only where a test was made, and why not elsewhere', () => {
    const tested = report({ quality: [qualityRow({ change: { from: '2024', fromValue: 88, differencePp: 2, p: 0.5, significant: false } })] });
    expect(keyMessages(tested, '1460', sv)).toContain('Ingen av kvalitetsindikatorerna i Bengtsfors visar en statistiskt säkerställd förändring eller trend; skillnader mellan åren ligger inom den slumpmässiga osäkerheten.');
    const untested = report({ quality: [qualityRow({ n: null, low: null, high: null, change: { from: '2024', fromValue: 88, differencePp: 2, p: null, significant: false } })] });
    expect(keyMessages(untested, '1460', en)).toContain('The source gives no uncertainty for the quality indicators in Bengtsfors (no number of respondents), so year-to-year changes cannot be tested.');
    const some = report({ quality: [...tested.quality, qualityRow({ indicator: 'trygg', n: null, low: null, high: null, change: { from: '2024', fromValue: 70, differencePp: 1, p: null, significant: false } })] });
    expect(keyMessages(some, '1460', sv)).toContain('Ingen av de kvalitetsindikatorer i Bengtsfors som kan prövas visar en statistiskt säkerställd förändring eller trend; för 1 av dem anger källan ingen osäkerhet (inget antal svarande), så deras förändringar mellan åren har inte prövats.');
  });
  it('gives the budget total with its forecast, and red lines, worst first', () => {
    const r = report({
      quality: [],
      budget: [
        budgetRow({ activity: 'LSS', deviationPct: -3, forecastDeviation: 200, status: 'red' }),
        budgetRow(),
        budgetRow({ activity: 'Totalt', total: true, deviationPct: -2.4, forecastDeviation: -7_500_000, forecastOptimistic: true }),
      ],
    });
    expect(keyMessages(r, '1460', sv)).toEqual([
      'Verksamheterna i Bengtsfors ligger 2,4 % över budget efter oktober; prognosen pekar på ett underskott på 7,5 mnkr (prognos 245,0 mnkr mot budget 240,0 mnkr för helåret); prognosen har försämrats med 1,2 mnkr sedan september, men utfallstakten tyder på att prognosen är för optimistisk.',
      'LSS-verksamheten i Bengtsfors ligger 3,0 % över budget efter oktober; prognosen har försämrats med 1,2 mnkr sedan september.',
      'Äldreomsorgen i Bengtsfors ligger 2,0 % över budget efter oktober; prognosen pekar på ett underskott på 5,0 mnkr (prognos 245,0 mnkr mot budget 240,0 mnkr för helåret); prognosen har försämrats med 1,2 mnkr sedan september.',
    ]);
    expect(keyMessages(r, '1460', en)[0]).toBe('The services in Bengtsfors are 2.4% over budget after October; the forecast points to a deficit of 7.5 MSEK (forecast 245.0 MSEK against a full-year budget of 240.0 MSEK); the forecast has worsened by 1.2 MSEK since September, but the spending pace suggests the forecast is too optimistic.');
  });
  it('a deviation that shows as zero is on budget, not "0,0 % under budget"', () => {
    const onBudget = (over: Parameters<typeof budgetRow>[0]) => report({ quality: [], budget: [budgetRow({ activity: 'Totalt', total: true, status: 'green', forecastDeviation: 0, ...over })] });
    expect(keyMessages(onBudget({ deviationPct: 0, deviation: 0 }), '1460', sv)[0]).toMatch(/^Verksamheterna i Bengtsfors ligger i nivå med budget efter oktober/);
    expect(keyMessages(onBudget({ deviationPct: 0.0249, deviation: 50_000 }), '1460', en)[0]).toMatch(/^The services in Bengtsfors are on budget after October/);
    expect(keyMessages(onBudget({ deviationPct: 0.0249, deviation: 50_000, period: '2024-12' }), '1460', sv)[0]).toBe('Verksamheterna i Bengtsfors slutade 2024 i nivå med budget (utfall för året).');
    // A figure that keeps its colour with a decimal more is said with it.
    expect(keyMessages(onBudget({ deviationPct: -0.02, deviation: -40_000, status: 'yellow' }), '1460', sv)[0]).toMatch(/^Verksamheterna i Bengtsfors ligger 0,02 % över budget efter oktober/);
  });
  it('says an area\'s only line, red, once: it stands for the total too', () => {
    const r = report({ quality: [], budget: [budgetRow({ status: 'red' })] });
    const said = keyMessages(r, '1460', sv);
    expect(said.filter((t) => t.startsWith('Äldreomsorgen i Bengtsfors ligger'))).toHaveLength(1);
    expect(new Set(said).size).toBe(said.length);
  });
  it('says how the forecast moved since the month before only where the inputs have both months, and says so when it did not move', () => {
    const only = report({ quality: [], budget: [budgetRow({ total: true, activity: 'Totalt', series: [budgetRow().series[1]!] })] });
    expect(keyMessages(only, '1460', sv)[0]).not.toContain('sedan');
    const noForecastBefore = report({ quality: [], budget: [budgetRow({ total: true, activity: 'Totalt', series: [{ ...budgetRow().series[0]!, forecast: null }, budgetRow().series[1]!] })] });
    expect(keyMessages(noForecastBefore, '1460', sv)[0]).not.toContain('sedan');
    const same = report({ quality: [], budget: [budgetRow({ total: true, activity: 'Totalt', series: [{ ...budgetRow().series[0]!, forecast: 245_000_300 }, budgetRow().series[1]!] })] });
    expect(keyMessages(same, '1460', sv)[0]).toMatch(/; prognosen är oförändrad sedan september\.$/);
    // A move that rounds to 0,0 mnkr is said in tkr, not as no move.
    const little = report({ quality: [], budget: [budgetRow({ total: true, activity: 'Totalt', series: [{ ...budgetRow().series[0]!, forecast: 245_019_000 }, budgetRow().series[1]!] })] });
    expect(keyMessages(little, '1460', sv)[0]).toMatch(/; prognosen har förbättrats med 19 tkr sedan september\.$/);
    const better = report({ quality: [], budget: [budgetRow({ total: true, activity: 'Totalt', series: [{ ...budgetRow().series[0]!, forecast: 247_000_000 }, budgetRow().series[1]!] })] });
    expect(keyMessages(better, '1460', sv)[0]).toContain('; prognosen har förbättrats med 2,0 mnkr sedan september.');
  });
  it('says a forecast deviation that rounds to 0,0 mnkr in tkr', () => {
    const r = report({ quality: [], budget: [budgetRow({ activity: 'Samskapad digital tjänst', forecastDeviation: 12_000, forecast: 239_988_000, series: [budgetRow().series[1]!] })] });
    const text = keyMessages(r, '1460', sv).join(' ');
    expect(text).toContain('prognosen pekar på ett överskott på 12 tkr');
    expect(text).not.toMatch(/på 0,0 mnkr/);
  });
  it('puts only the known service words in their definite form; a line\'s own name is used as written', () => {
    const line = (activity: string) => keyMessages(report({ quality: [], budget: [budgetRow({ activity, series: [budgetRow().series[1]!] })] }), '1460', sv)[0]!;
    expect(line('Samskapad digital tjänst')).toMatch(/^Samskapad digital tjänst i Bengtsfors ligger/);
    expect(line('Hemtjänst')).toMatch(/^Hemtjänsten i Bengtsfors ligger/);
    expect(line('Individ- och familjeomsorg')).toMatch(/^Individ- och familjeomsorgen i Bengtsfors ligger/);
    expect(line('Kvalitetsomsorg')).toMatch(/^Kvalitetsomsorg i Bengtsfors ligger/);
  });
  it('says why a result short of green is so where the committee set a target, and names the target', () => {
    const withTarget = (target: number | null) => report({ indicators: [{ ...report().indicators[0]!, target }], quality: [qualityRow({ value: 88.3, status: 'yellow' })] });
    expect(keyMessages(withTarget(90), '1460', sv)).toContain('Nöjdhet totalt inom hemtjänsten i Bengtsfors (88 %) har status gul: under nämndens mål på 90 %.');
    expect(keyMessages(withTarget(90), '1460', en)).toContain('Overall satisfaction in home care in Bengtsfors (88%) is yellow: below the committee\'s target of 90%.');
    expect(keyMessages(withTarget(null), '1460', sv).join(' ')).not.toContain('status');
  });
  it('says first that results with rejected answers are left out, and counts hidden ones in a thin brief', () => {
    const r = report({ quality: [qualityRow({ value: null, n: null, low: null, high: null, incomplete: true, status: null }), qualityRow({ service: 'Särskilt boende', value: null, n: null, low: null, high: null, suppressed: true, status: null })] });
    const messages = keyMessages(r, '1460', sv);
    expect(messages[0]).toMatch(/^1 resultat redovisas inte eftersom en del svar i dem inte kunde läsas/);
    expect(messages.at(-1)).toBe('1 resultat redovisas inte eftersom för få svarat (under 30) eller för att de annars skulle gå att räkna fram.');
  });
  it('names a service the phrasebook does not know as it is, whatever it is called', () => {
    for (const service of ['constructor', 'toString', '__proto__']) {
      const r = report({ quality: [qualityRow({ service, change: { from: '2024', fromValue: 80, differencePp: 10, p: 0.001, significant: true } })] });
      expect(keyMessages(r, '1460', sv)[0]).toContain(`inom ${service} i Bengtsfors`);
      expect(keyMessages(r, '1460', en)[0]).toContain(`in ${service} in Bengtsfors`);
    }
  });
  it('has nothing to say about an area with no figures', () => {
    expect(keyMessages(report({ quality: [] }), '1460', sv)).toEqual([]);
  });
});

describe('a deviation a few kronor past a threshold', () => {
  it('is said as the table says it ("strax under −1 %"): "drygt 1 % över budget", never "1,0 %"', () => {
    const line = (deviationPct: number, status: 'red' | 'yellow' | 'green') => report({ quality: [], budget: [budgetRow({ deviationPct, status })] });
    // The factory's red starts below −1 %: −1,0000001 % is red, and even four decimals show −1,0000.
    expect(keyMessages(line(-1.0000001, 'red'), '1460', sv).join('\n')).toContain('Äldreomsorgen i Bengtsfors ligger drygt 1 % över budget efter oktober');
    expect(keyMessages(line(-1.0000001, 'red'), '1460', en).join('\n')).toContain('is just over 1% over budget after October');
    // A hair over budget where yellow starts below 0 %.
    expect(keyMessages(line(-0.0000001, 'yellow'), '1460', sv).join('\n')).toContain('ligger strax över budget efter oktober');
    // A figure a few decimals can show keeps its decimals.
    expect(keyMessages(line(-1.03, 'red'), '1460', sv).join('\n')).toContain('ligger 1,03 % över budget efter oktober');
  });
});
