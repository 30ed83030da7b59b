import { describe, expect, it } from 'vitest';
import { respondentCounts } from '../../src/indicators/respondent-counts.js';
import type { ValueRecord } from '../../src/model/records.js';

/** A value record of `file`: indicator, area, period, value (service '', gender T). */
const value = (file: string, indicator: string, area: string, period: string, v: number, title?: string): ValueRecord => ({
  kind: 'values', area: { code: area, kind: 'municipality' }, period, indicator, ...(title ? { title } : {}), service: '', gender: 'T', value: v, n: null, source: { file, line: 2 },
});

const percent = (id: string) => /andel/i.test(id) && !/antal/i.test(id);

describe('respondentCounts', () => {
  it('a file with one count indicator gives each of its shares its n, place by place', () => {
    const records = [
      value('px.csv', 'Antal svarande', '0642', '2023', 20),
      value('px.csv', 'Andel positiva, procent', '0642', '2023', 50),
      value('px.csv', 'Andel nöjda', '0642', '2023', 60),
      value('px.csv', 'Andel positiva, procent', '0642', '2024', 70),
      value('px.csv', 'Antal svarande', '0643', '2023', 105),
      value('px.csv', 'Andel positiva, procent', '0643', '2023', 91),
    ];
    const counts = respondentCounts([records], percent);
    expect(counts.nOf(records[1]!)).toBe(20);
    expect(counts.nOf(records[2]!)).toBe(20);
    // 2024 has no count: no n, and one that cannot be checked (its count blank, as a small group's).
    expect(counts.nOf(records[3]!)).toBeNull();
    expect(counts.unchecked(records[3]!)).toBe(true);
    expect(counts.nOf(records[5]!)).toBe(105);
    expect(counts.findings.map((f) => [f.code, f.severity, f.file])).toEqual([['n-from-count', 'warning', 'px.csv'], ['n-count-missing', 'warning', 'px.csv']]);
    expect(counts.findings[0]!.message).toContain('"Andel positiva, procent", "Andel nöjda"');
    expect(counts.findings[0]!.message).toContain('"Antal svarande"');
  });

  it('another file\'s count, a count that is no whole number and a count indicator itself give no n', () => {
    const a = [value('a.csv', 'Andel positiva', '0642', '2023', 50)];
    const b = [value('b.csv', 'Antal svarande', '0642', '2023', 20)];
    expect(respondentCounts([a, b], percent).nOf(a[0]!)).toBeNull();
    const c = [value('c.csv', 'Antal svarande', '0642', '2023', 20.5), value('c.csv', 'Andel positiva', '0642', '2023', 50)];
    expect(respondentCounts([c], percent).nOf(c[1]!)).toBeNull();
    expect(respondentCounts([c], percent).nOf(c[0]!)).toBeNull();
  });

  it('with several counts a share takes the one whose title it begins with; a response rate takes none', () => {
    const ifo = 'Brukarbedömning individ- och familjeomsorg totalt';
    const eb = 'Brukarbedömning ekonomiskt bistånd IFO';
    const records = [
      value('k.json', 'U30901', '2506', '2024', 24, `${ifo}, antal svar`),
      value('k.json', 'U31901', '2506', '2024', 80, `${eb}, antal svar`),
      value('k.json', 'U30452', '2506', '2024', 96, `${ifo} - helhetssyn, andel (%)`),
      value('k.json', 'U31501', '2506', '2024', 70, `${eb} - helhetssyn, andel (%)`),
      value('k.json', 'U30900', '2506', '2024', 60, `${ifo}, svarsfrekvens (%)`),
      value('k.json', 'U99999', '2506', '2024', 55, 'Hemtjänst - helhetssyn, andel (%)'),
    ];
    const share = (id: string) => ['U30452', 'U31501', 'U30900', 'U99999'].includes(id);
    const counts = respondentCounts([records], share);
    expect(records.map((r) => counts.nOf(r))).toEqual([null, null, 24, 80, null, null]);
  });

  it('a count whose title names a survey only in part ("Brukarbedömning, antal svarande") is no share\'s: each survey its own count', () => {
    const records = [
      value('k.json', 'U23592', '2506', '2024', 24, 'Brukarbedömning, antal svarande'),
      value('k.json', 'U21468', '2506', '2024', 96, 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)'),
    ];
    const counts = respondentCounts([records], (id) => id === 'U21468');
    expect(counts.nOf(records[1]!)).toBeNull();
    expect(counts.findings).toEqual([]);
  });
  it('a count that names no survey is lent only to shares that are answers (not a population share or sick leave in the same file, a helper\'s key figures)', () => {
    const records = [
      value('x.csv', 'Antal svarande', '0642', '2023', 24),
      value('x.csv', 'Andel positiva', '0642', '2023', 80),
      value('x.csv', 'Andel invånare 65+ (%)', '0642', '2023', 28.3),
      value('x.csv', 'Sjukfrånvaro kommunalt anställda (%)', '0642', '2023', 7.6),
    ];
    const counts = respondentCounts([records], (id) => id !== 'Antal svarande');
    expect(records.map((r) => counts.nOf(r))).toEqual([null, 24, null, null]);
  });
  it('a gender or service within a counted group under the threshold takes the group\'s count (at most that many answered); above it, none (a reviewer\'s attack)', () => {
    const at = (gender: 'T' | 'K' | 'M', service: string, indicator: string, area: string, v: number): ValueRecord => ({ ...value('g.csv', indicator, area, '2024', v), gender, service });
    const records = [at('T', '', 'Antal svarande', '1460', 20), at('K', '', 'Andel positiva', '1460', 40), at('T', 'Hemtjänst', 'Andel positiva', '1460', 70), at('T', '', 'Antal svarande', '1461', 200), at('K', '', 'Andel positiva', '1461', 65)];
    const counts = respondentCounts([records], (id) => id === 'Andel positiva', 30);
    expect(records.map((r) => counts.nOf(r))).toEqual([null, 20, 20, null, null]);
  });
  it('a response rate or a count of something else is no count of respondents', () => {
    const records = [
      value('x.csv', 'Svarsfrekvens', '0642', '2023', 20),
      value('x.csv', 'Antal platser', '0642', '2023', 20),
      value('x.csv', 'Andel positiva', '0642', '2023', 50),
    ];
    const counts = respondentCounts([records], percent);
    expect(counts.nOf(records[2]!)).toBeNull();
    expect(counts.findings).toEqual([]);
  });
  it('a share with no count of its own where its file counts respondents is unchecked: women\'s 82.8 % and men\'s 54.5 % beside 75 % of 40 were 24 of 29 and 6 of 11 (a helper\'s attack)', () => {
    const at = (gender: 'T' | 'K' | 'M', indicator: string, period: string, v: number): ValueRecord => ({ ...value('g.csv', indicator, '0642', period, v), gender });
    const records = [at('T', 'Antal svarande', '2023', 40), at('T', 'Andel positiva', '2023', 75), at('K', 'Andel positiva', '2023', 82.8), at('M', 'Andel positiva', '2023', 54.5), at('T', 'Andel positiva', '2024', 50), at('K', 'Antal svarande', '2025', 20), at('K', 'Andel positiva', '2025', 50)];
    const counts = respondentCounts([records], (id) => id === 'Andel positiva', 30);
    // 2024's count is blank (a small group's, as publishers blank them); 2025's women are counted, under 30.
    expect(records.map((r) => counts.unchecked(r))).toEqual([false, false, true, true, true, false, false]);
    expect(counts.nOf(records[6]!)).toBe(20);
    expect(counts.findings.map((f) => f.code)).toEqual(['n-from-count', 'n-count-missing']);
    expect(counts.findings[1]!.message).not.toMatch(/\d/);
  });
});
