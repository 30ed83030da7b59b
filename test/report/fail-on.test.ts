import { describe, expect, it } from 'vitest';
import type { FailOnMatch } from '../../src/model/report.js';
import { evaluateFailOn, failOnLine, failOnText, githubError, parseFailOn, type FailOnRule } from '../../src/report/fail-on.js';
import { renderSummary } from '../../src/report/render.js';
import { NO_PAINT } from '../../src/report/view.js';
import { budgetRow, qualityRow, report } from './factory.js';

const budget = (over: Partial<FailOnMatch> = {}): FailOnMatch => ({
  rule: 'deviation<-2%', section: 'budget', area: '1460', indicator: null, service: null, gender: null, activity: 'Äldreomsorg', period: '2025-10', valuePct: -3.4085, ...over,
});

describe('failOnLine', () => {
  it('names the place, and for a budget line the percent the rule read, rounded as a decimal', () => {
    expect(failOnLine(budget())).toBe('deviation<-2%: 1460 Äldreomsorg 2025-10 (-3.41 %)');
    // 2.675 is stored just below the half: toFixed(2) gave 2.67.
    expect(failOnLine(budget({ rule: 'forecast>2%', valuePct: 2.675 }))).toBe('forecast>2%: 1460 Äldreomsorg 2025-10 (2.68 %)');
    expect(failOnLine(budget({ rule: 'optimistic', valuePct: null }))).toBe('optimistic: 1460 Äldreomsorg 2025-10');
    expect(failOnLine({ rule: 'status=red', section: 'quality', area: '1461', indicator: 'helhetssyn', service: 'Hemtjänst', gender: 'T', activity: null, period: '2025', valuePct: null }))
      .toBe('status=red: 1461 helhetssyn Hemtjänst T 2025');
  });
});

describe('failOnText, the step summary\'s line', () => {
  it('writes the percent as the text formats do, in the report\'s language', () => {
    expect(failOnText(budget(), 'sv')).toBe('deviation<-2%: 1460 Äldreomsorg 2025-10 (-3,41 %)');
    expect(failOnText(budget(), 'en')).toBe('deviation<-2%: 1460 Äldreomsorg 2025-10 (-3.41%)');
    expect(failOnText(budget({ rule: 'optimistic', valuePct: null }), 'sv')).toBe('optimistic: 1460 Äldreomsorg 2025-10');
  });
  it('is what the summary lists under the rules that matched, not the stderr line', () => {
    const text = renderSummary(report(), [budget()], { lang: 'sv', unit: 'mnkr', paint: NO_PAINT });
    expect(text).toContain('- deviation&lt;-2%: 1460 Äldreomsorg 2025-10 (-3,41 %)\n');
    expect(text).not.toContain('-3.41');
  });
});

describe('githubError', () => {
  it('escapes the message as GitHub unescapes workflow command data: % first, then CR and LF', () => {
    expect(githubError('t', 'a%0A\r\nb')).toBe('::error title=t::a%250A%0D%0Ab');
    expect(githubError('t', 'x\n::warning::y')).toBe('::error title=t::x%0A::warning::y');
  });
  it('escapes a property value\'s : and , too', () => {
    expect(githubError('a:b,c%', 'm')).toBe('::error title=a%3Ab%2Cc%25::m');
  });
  it('never leaves a line break in the command', () => {
    for (const s of ['\n', '\r', '\r\n', '%\n%', 'a\u2028b']) expect(githubError(s, s)).not.toMatch(/[\r\n]/);
  });
});

const lines = (r: Parameters<typeof evaluateFailOn>[0], rs: readonly FailOnRule[]): string[] => evaluateFailOn(r, rs).map(failOnLine);
const rules = (...texts: string[]): FailOnRule[] => {
  const parsed = parseFailOn(texts);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rules;
};

describe('--fail-on rules', () => {
  it('reads each documented form, with a comma or a point and with or without %', () => {
    expect(rules('status=red', ' trend = worsening ', 'deviation<-2%', 'forecast>=1,5', 'suppressed', 'optimistic')).toEqual([
      { kind: 'status', value: 'red', text: 'status=red' },
      { kind: 'trend', value: 'worsening', text: 'trend = worsening' },
      { kind: 'deviation', op: '<', value: -2, text: 'deviation<-2%' },
      { kind: 'forecast', op: '>=', value: 1.5, text: 'forecast>=1,5' },
      { kind: 'suppressed', text: 'suppressed' },
      { kind: 'optimistic', text: 'optimistic' },
    ]);
  });
  it('refuses a rule it cannot read, naming it and the valid forms', () => {
    for (const bad of ['status=blue', 'trend=sideways', 'deviation=-2', 'forecast<', 'red']) {
      const parsed = parseFailOn(['status=red', bad]);
      expect(parsed).toEqual({ error: expect.stringContaining(`cannot read rule "${bad}"`) });
      expect((parsed as { error: string }).error).toContain('status=red|yellow|green');
    }
  });

  const r = report({
    quality: [
      qualityRow({ period: '2024', status: 'red', suppressed: true }),
      qualityRow({ status: 'red', trend: { from: '2016', to: '2025', points: 10, theilSenSlope: -1, mannKendallS: -20, mannKendallP: 0.01, olsSlope: -1, olsSlopeLow: -2, olsSlopeHigh: -0.5, r2: 0.6, verdict: 'worsening' } }),
      qualityRow({ gender: 'K', value: null, n: null, low: null, high: null, suppressed: true, status: null }),
    ],
    budget: [
      budgetRow(),
      budgetRow({ activity: 'LSS', status: 'green', deviationPct: 0.5, forecastDeviationPct: -0.4, forecastOptimistic: true }),
    ],
  });

  it('matches the report year only, quality and budget rows alike, with the rule and where it matched', () => {
    expect(lines(r, rules('status=red'))).toEqual([
      'status=red: 1460 helhet Hemtjänst T 2025',
      'status=red: 1460 Äldreomsorg 2025-10 (-2.00 %)',
    ]);
    expect(lines(r, rules('trend=worsening', 'suppressed'))).toEqual(['trend=worsening: 1460 helhet Hemtjänst T 2025', 'suppressed: 1460 helhet Hemtjänst K 2025']);
  });
  it('compares deviation and forecast with each operator, at the bound too', () => {
    expect(lines(r, rules('deviation<-2'))).toEqual([]);
    expect(lines(r, rules('deviation<=-2'))).toEqual(['deviation<=-2: 1460 Äldreomsorg 2025-10 (-2.00 %)']);
    expect(lines(r, rules('deviation>0'))).toEqual(['deviation>0: 1460 LSS 2025-10 (0.50 %)']);
    expect(lines(r, rules('forecast<-1'))).toEqual(['forecast<-1: 1460 Äldreomsorg 2025-10 (-2.08 %)']);
    expect(lines(r, rules('forecast>=-0.4'))).toEqual(['forecast>=-0.4: 1460 LSS 2025-10 (-0.40 %)']);
    expect(lines(r, rules('optimistic'))).toEqual(['optimistic: 1460 LSS 2025-10']);
  });
  it('matches nothing on a report with nothing to match', () => {
    expect(lines(report({ quality: [], budget: [] }), rules('status=red', 'deviation<0', 'suppressed', 'optimistic'))).toEqual([]);
  });
});

describe('--fail-on judges the report\'s own areas', () => {
  const red = (area: string, areaKind: 'municipality' | 'nation' | 'organisation' | 'group') => qualityRow({ area, areaKind, status: 'red' });
  it('with members: the members and the organisation, never Riket, a group or another municipality', () => {
    const r = report({ quality: [red('1460', 'municipality'), red('ORG', 'organisation'), red('0000', 'nation'), red('1461', 'municipality'), red('G1', 'group')] });
    expect(lines(r, rules('status=red')).map((l) => l.split(' ')[1])).toEqual(['1460', 'ORG']);
  });
  it('without members: every area but Riket and groups; a rule given twice matches once', () => {
    const r = report({ organisation: { name: 'x', code: 'ORG', language: 'sv', members: [] }, quality: [red('1460', 'municipality'), red('0000', 'nation'), red('G1', 'group')] });
    expect(lines(r, rules('status=red', 'status=red'))).toEqual(['status=red: 1460 helhet Hemtjänst T 2025']);
  });
});
