import { describe, expect, it } from 'vitest';
import { closestMunicipalities, editDistance, isEmptyReport, municipalityCode, municipalityProblem, periodHasData, periodProblem, periodRanges, type Coverage } from '../../src/indicators/selection.js';
import type { QualityRow, Report } from '../../src/model/report.js';

const coverage = (over: Partial<Coverage> = {}): Coverage => ({ municipalities: ['1460', '1461'], surveyYears: ['2016', '2017', '2018'], budgetMonths: ['2024-11', '2024-12', '2025-01'], ...over });

describe('periodRanges', () => {
  it('joins runs of consecutive years and months, across a year end', () => {
    expect(periodRanges(['2019', '2020', '2022'])).toBe('2019–2020, 2022');
    expect(periodRanges(['2025-01', '2024-12', '2024-11', '2025-03'])).toBe('2024-11 – 2025-01, 2025-03');
    expect(periodRanges(['2020', '2020'])).toBe('2020');
    expect(periodRanges([])).toBe('none');
  });
  it('says how many runs more there are past the limit', () => {
    expect(periodRanges(['2010', '2012', '2014', '2016'], 2)).toBe('2010, 2012 and 2 more');
  });
});

describe('periodHasData and periodProblem', () => {
  it('a year matches any budget month in it; a month matches its survey year', () => {
    expect(periodHasData('2025', coverage())).toEqual({ survey: false, budget: true });
    expect(periodHasData('2017-05', coverage())).toEqual({ survey: true, budget: false });
    expect(periodHasData('2024-12', coverage())).toEqual({ survey: false, budget: true });
  });
  it('is a problem only when no kind of input has the period', () => {
    expect(periodProblem('2025', coverage())).toBeUndefined();
    expect(periodProblem('2030', coverage())).toBe('--period 2030: the inputs have no figures for 2030; they have survey and indicator years 2016–2018; budget months 2024-11 – 2025-01');
    expect(periodProblem('2021', coverage({ budgetMonths: [] }))).toBe('--period 2021: the inputs have no figures for 2021; they have survey and indicator years 2016–2018');
  });
});

describe('--municipality', () => {
  it('reads codes, codes that lost a zero, names and both', () => {
    expect(['1460', '680', 'Mellerud', 'Melleruds kommun', '1461 Mellerud'].map(municipalityCode)).toEqual(['1460', '0680', '1461', '1461', '1461']);
    expect(municipalityCode('9999')).toBeUndefined();
    expect(municipalityCode('Riket')).toBeUndefined();
    expect(municipalityCode('1460 Mellerud')).toBeUndefined();
  });
  it('no problem when each value is in the data; else one sentence naming them all and the valid ones', () => {
    expect(municipalityProblem(['1460', 'Mellerud'], coverage())).toBeUndefined();
    expect(municipalityProblem(['9999', 'Falun'], coverage())).toBe('--municipality: "9999" is not a municipality code or name; 2080 Falun has no figures in the inputs; municipalities in the data: 1460 Bengtsfors, 1461 Mellerud');
    expect(municipalityProblem(['1460'], coverage({ municipalities: [] }))).toBe('--municipality: 1460 Bengtsfors has no figures in the inputs; the inputs have figures for no municipality');
  });
  it('closest by spelling for a name, by code for a code, all of them when few', () => {
    const many = ['0114', '0180', '1280', '1281', '1282', '1283', '1460', '1461', '1462', '2580'];
    const name = (c: string) => ({ '1280': 'Malmö', '1281': 'Lund', '1282': 'Landskrona', '1283': 'Helsingborg', '1460': 'Bengtsfors', '1461': 'Mellerud', '1462': 'Lilla Edet' } as Record<string, string>)[c] ?? 'X';
    expect(closestMunicipalities('Lundd', many, name, 1)).toEqual(['1281 Lund']);
    expect(closestMunicipalities('Landskorna', many, name, 1)).toEqual(['1282 Landskrona']);
    expect(closestMunicipalities('1463', many, name, 3)).toEqual(['1462 Lilla Edet', '1461 Mellerud', '1460 Bengtsfors']);
    expect(closestMunicipalities('x', ['1460', '1461'], name)).toEqual(['1460 Bengtsfors', '1461 Mellerud']);
  });
  it('editDistance is Levenshtein', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('bengtfors', 'bengtsfors')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('isEmptyReport', () => {
  const report = (over: Partial<Report> = {}, window = 0) => ({ period: { survey: '2025', budget: null }, settings: { window }, areas: [{ code: '1460', kind: 'municipality' }], budget: [], allocation: null, results: [], ...over }) as unknown as Report;
  const row = (area: string, areaKind: string, period: string) => ({ area, areaKind, period }) as QualityRow;
  const rowsOf = (list: QualityRow[]) => (filter: { row?: (a: string, k: never, p: string) => boolean } = {}) => list.filter((q) => filter.row?.(q.area, q.areaKind as never, q.period) ?? true);
  it('empty without budget, result, allocation, and quality rows of a municipality or the organisation at the survey year', () => {
    expect(isEmptyReport(report(), rowsOf([]))).toBe(true);
    expect(isEmptyReport(report(), rowsOf([row('0014', 'region', '2025'), row('1460', 'municipality', '2024')]))).toBe(true);
    expect(isEmptyReport(report({ period: { survey: null, budget: null } }), rowsOf([]))).toBe(true);
  });
  it('a report of regions or the nation alone (no municipality in it) is not empty with their rows', () => {
    const regional = report({ areas: [{ code: '20', kind: 'region' }] as never });
    expect(isEmptyReport(regional, rowsOf([row('20', 'region', '2025')]))).toBe(false);
    expect(isEmptyReport(regional, rowsOf([row('20', 'region', '2024')]))).toBe(true);
    // A pooled period counts at its end year.
    expect(isEmptyReport(report(), rowsOf([row('1460', 'municipality', '2022-2025')]))).toBe(false);
  });
  it('not empty with any of them', () => {
    expect(isEmptyReport(report(), rowsOf([row('1460', 'municipality', '2025')]))).toBe(false);
    expect(isEmptyReport(report(), rowsOf([row('BM', 'organisation', '2025')]))).toBe(false);
    expect(isEmptyReport(report({ budget: [{}] as never }), rowsOf([]))).toBe(false);
    expect(isEmptyReport(report({ allocation: {} as never }), rowsOf([]))).toBe(false);
  });
  it('rows before the survey year count within the window (a series shown at its latest year), not beyond it', () => {
    expect(isEmptyReport(report({}, 1), rowsOf([row('1460', 'municipality', '2024')]))).toBe(false);
    expect(isEmptyReport(report({}, 1), rowsOf([row('1460', 'municipality', '2023')]))).toBe(true);
    expect(isEmptyReport(report({}, 2), rowsOf([row('1460', 'municipality', '2026')]))).toBe(true);
  });
});
