import { describe, expect, it } from 'vitest';
import type { BalanceHistory, Report } from '../../src/model/report.js';
import { BREAK_GAP, historySentences, historyView, markedSparkline, milestoneMethod, milestoneView, qualitySparkline, seriesBreak } from '../../src/report/history.js';
import { qualityRow, report as reportOf } from './factory.js';

describe('markedSparkline', () => {
  it('puts | before the milestone year, only inside the series', () => {
    // 1…4 over eight bars: 1 → ▁, 2 → ▃ (round 7/3), 3 → ▆ (round 14/3), 4 → █.
    expect(markedSparkline([1, 2, 3, 4], 2019, [2021])).toBe('▁▃|▆█');
    expect(markedSparkline([1, 2, 3, 4], 2019, [2019])).not.toContain('|');
    expect(markedSparkline([1, 2, 3, 4], 2019, [2023])).not.toContain('|');
    expect(markedSparkline([1, 2, 3, 4], 2019, [])).toBe(markedSparkline([1, 2, 3, 4], 2019, [2030]));
    expect(markedSparkline([1], 2019, [2020])).toBe('');
  });
  it('leaves a gap (a no-break space) at a series break: the years either side are not joined', () => {
    expect(markedSparkline([1, 2, 3, 4], 2019, [], [2021])).toBe(`▁▃${BREAK_GAP}▆█`);
    expect(markedSparkline([1, 2, 3, 4], 2019, [2022], [2021])).toBe(`▁▃${BREAK_GAP}▆|█`);
    expect(markedSparkline([1, 2, 3, 4], 2019, [], [2019])).toBe('▁▃▆█');
  });
});

describe('a quality series\' break in its sparkline', () => {
  // 2021–2022 on one scale, 2023–2024 on a new one: the trend is of 2023 on.
  const trend = { from: '2023', to: '2024', points: 2, theilSenSlope: null, mannKendallS: null, mannKendallP: null, olsSlope: null, olsSlopeLow: null, olsSlopeHigh: null, r2: null, verdict: 'too-few-points' as const };
  const rows = [qualityRow({ period: '2021', value: 80 }), qualityRow({ period: '2022', value: 82 }), qualityRow({ period: '2023', value: 60 }), qualityRow({ period: '2024', value: 66, trend })];
  it('is where its trend starts after its first shown year, and the line has a gap there', () => {
    const r = reportOf({ quality: rows, period: { survey: '2024', budget: null } });
    expect(seriesBreak(r, rows[3]!)).toBe(2023);
    expect(qualitySparkline(r, rows[3]!)).toBe(`▇█${BREAK_GAP}▁▃`);
  });
  it('no break where the trend starts at the first shown year (hidden years before it are no break)', () => {
    const hidden = [qualityRow({ period: '2022', value: null, suppressed: true }), rows[2]!, { ...rows[3]!, trend: { ...trend, from: '2023' } }];
    const r = reportOf({ quality: hidden, period: { survey: '2024', budget: null } });
    expect(seriesBreak(r, hidden[2]!)).toBeNull();
    expect(qualitySparkline(r, hidden[2]!)).toBe('·▁█');
  });
});

/** A report with one line's history; `over` replaces the history's fields. */
function report(over: Partial<BalanceHistory> = {}): Report {
  const year = (y: number, dev: number | null, missing: BalanceHistory['years'][number]['missing'] = null, missingMonths: number[] = [], missingParts: string[] = []) => ({
    year: String(y), budget: dev === null ? null : 1000, outcome: dev === null ? null : 1000 - dev * 10, deviation: dev === null ? null : dev * 10, deviationPct: dev, missing, missingMonths, missingParts,
  });
  const h: BalanceHistory = {
    area: 'BM', areaKind: 'organisation', activity: 'Totalt', total: true,
    years: [year(2021, -1), year(2022, null, 'months-missing', [6]), year(2023, null, 'parts-missing', [], ['1461']), year(2024, 1)],
    trend: { from: '2021', to: '2024', points: 2, theilSenSlope: null, mannKendallS: null, mannKendallP: null, verdict: 'too-few-points' },
    current: { period: '2025-08', basis: 'year-to-date', deviationPct: -0.5 },
    previous: { from: '2021', to: '2024', years: 2, mean: 0, min: -1, max: 1, overBudget: 1 },
    ...over,
  };
  return {
    areas: [{ code: 'BM', name: 'Gemensamt', kind: 'organisation', member: false }, { code: '1461', name: 'Mellerud', kind: 'municipality', member: true }],
    balanceHistory: [h], milestones: [], indicators: [], quality: [],
  } as unknown as Report;
}

describe('historySentences and historyView', () => {
  it('a year to date against the years before, and the incomplete years said, never estimated', () => {
    const r = report();
    expect(historySentences(r, r.balanceHistory[0]!, 'sv')).toEqual([
      'Verksamheterna i den gemensamma organisationen ligger hittills 2025 (efter augusti 2025) 0,5 % över budget. Åren 2021–2024 slutade i snitt i nivå med budget (som sämst 1,0 % över budget, som bäst 1,0 % under budget); 1 av 2 år slutade över budget.',
      '2022, 2023 saknar fullständiga siffror för helåret och räknas inte med i snitt och trend; inget år uppskattas.',
    ]);
  });
  it('names the missing month and the missing member in the years table', () => {
    const v = historyView(report(), 'BM', 'sv', 'kr')!;
    expect(v.years.rows.map((r) => r.map((c) => c.text).join(' | '))).toEqual([
      '2021 | 1 000 kr | 1 010 kr | -10 kr | -1,0 %',
      '2022 | ofullständigt år: juni saknas |  |  | ',
      '2023 | ofullständigt år: Mellerud saknas |  |  | ',
      '2024 | 1 000 kr | 990 kr | +10 kr | +1,0 %',
    ]);
    expect(v.lines.rows[0]!.map((c) => c.text).slice(0, 2)).toEqual(['Totalt', '2021–2024 (2 av 4)']);
  });
  it('no section for a line with a single complete year', () => {
    const one = report({ years: [{ year: '2024', budget: 1000, outcome: 990, deviation: 10, deviationPct: 1, missing: null, missingMonths: [], missingParts: [] }] });
    expect(historyView(one, 'BM', 'sv', 'kr')).toBeNull();
  });
});

describe('milestoneView', () => {
  const level = (from: string, to: string, mean: number) => ({ from, to, years: Number(to) - Number(from) + 1, mean, n: null });
  const r = {
    areas: [{ code: '1460', name: 'Bengtsfors', kind: 'municipality', member: true }],
    indicators: [
      { id: 'helhet', title: { sv: 'Nöjdhet', en: 'Satisfaction' }, better: 'higher', unit: '%', target: null },
      { id: 'medel', title: { sv: 'Medelbetyg', en: 'Mean score' }, better: 'higher', unit: 'number', target: null },
    ],
    milestones: [{
      period: '2021', label: 'Ny taxa',
      quality: [
        { area: '1460', indicator: 'helhet', service: 'Hemtjänst', before: level('2018', '2020', 80.6), after: level('2021', '2024', 86.4), difference: 5.8, p: null, significant: false },
        { area: '1460', indicator: 'medel', service: 'Hemtjänst', before: level('2018', '2020', 3.86), after: level('2021', '2024', 3.94), difference: 0.08, p: null, significant: false },
      ],
      balance: [],
    }],
    quality: [], balanceHistory: [],
  } as unknown as Report;
  it('the difference is that of the two means as shown, so the three figures add up', () => {
    const body = milestoneView(r, '1460', 'sv')!.body.join('\n');
    // 80,6 and 86,4 show as 81 % and 86 %: +5 p.e. (the unrounded 5,8 would print +6).
    expect(body).toContain('Nöjdhet (Hemtjänst) i snitt 81 % 2018–2020 och 86 % 2021–2024 (+5 p.e.,');
    // 3,86 and 3,94 both show as 3,9: no difference to see (the unrounded 0,08 would print +0,1).
    expect(body).toContain('Medelbetyg (Hemtjänst) i snitt 3,9 2018–2020 och 3,9 2021–2024 (0,0,');
  });
});

describe('the words of years and milestones name no statistical method', () => {
  it('a clear trend and the milestone note in plain words', () => {
    const r = report({ trend: { from: '2016', to: '2024', points: 9, theilSenSlope: 0.3, mannKendallS: 34, mannKendallP: 0.0005, verdict: 'improving' } });
    const withMilestone = { ...r, milestones: [{ period: '2021', label: 'Ny taxa', quality: [], balance: [] }] } as Report;
    for (const lang of ['sv', 'en'] as const) {
      const text = [...historySentences(r, r.balanceHistory[0]!, lang), ...milestoneMethod(withMilestone, lang)].join('\n');
      expect(text).not.toMatch(/mann|kendall|tvåproportion|two-proportion|test\b|p < /i);
    }
    expect(historySentences(r, r.balanceHistory[0]!, 'sv')).toContain('Avvikelsen vid årets slut har förbättrats över åren 2016–2024, en tydlig trend som knappast är en slump.');
  });
});
