import { describe, expect, it } from 'vitest';
import { chartLegend, type LegendMark } from '../../../src/report/charts/words.js';

const charts = (...marks: LegendMark[][]) => marks.map((m) => ({ marks: m }));

describe('the legend under a brief\'s indicator charts', () => {
  it('explains what the charts draw and no more', () => {
    expect(chartLegend(charts(['nation', 'peers']), 'sv')).toBe('Blå linje: värdet per år; grå streckad: riket; orange: jämförelsekommuner.');
    expect(chartLegend(charts(['band', 'nation'], ['target'], ['break']), 'sv')).toBe('Blå linje: värdet per år, med ljusblått band för osäkerheten (95 %); grå streckad: riket; grön prickad: målvärde; lodrät streckad: serieavbrott (värden före och efter jämförs inte).');
    expect(chartLegend(charts(['milestone']), 'en')).toBe('Blue line: the value per year; purple: milestone (the level before and after).');
  });
  it('calls the line the value, whosever brief it is (the organisation\'s, a region\'s)', () => {
    expect(chartLegend(charts([]), 'sv')).toBe('Blå linje: värdet per år.');
  });
});
