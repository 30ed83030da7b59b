import { describe, expect, it } from 'vitest';
import type { FailOnMatch } from '../../src/model/report.js';
import { failOnLine, githubError } from '../../src/report/fail-on.js';

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
