import { describe, expect, it } from 'vitest';
import { parsePeriod, parsePeriodHeader, periodInText } from '../../src/ingest/period.js';

describe('parsePeriod', () => {
  it.each([
    ['2024', '2024'], ['2025-03', '2025-03'], ['2025-3', '2025-03'], ['2025M03', '2025-03'], ['202503', '2025-03'],
    ['mars 2025', '2025-03'], ['2025 mars', '2025-03'], ['Okt 2024', '2024-10'], ['december 2024', '2024-12'], ['2025/11', '2025-11'],
    // A finance system's period end and month/year.
    ['2025-03-31', '2025-03'], ['2025-02-28', '2025-02'], ['2024-02-29', '2024-02'], ['03/2025', '2025-03'], ['12/2024', '2024-12'],
    // A tertial report is after its fourth month.
    ['T1 2025', '2025-04'], ['2025-T2', '2025-08'], ['Tertial 3 2024', '2024-12'], ['t1-2025', '2025-04'], ['2025 tertial 2', '2025-08'], ['Tertial 1, 2025', '2025-04'], ['2025T1', '2025-04'],
  ])('%s → %s', (cell, period) => {
    expect(parsePeriod(cell)).toBe(period);
  });
  it.each(['2025-13', '2025-00', '20253', 'mars', '1899', 'abc', '2025-03-01', '2025-03-15', '2025-02-29', '2025-04-31', '13/2025', '', 'T4 2025', 'T1', '2024 T1 2025'])('%s is not a period', (cell) => {
    expect(parsePeriod(cell)).toBeUndefined();
  });
});

// The Swedish ways of writing a tertial follow-up, each read as the month its tertial ends, in a
// period cell and in a title alike.
const TERTIALS: [string, string][] = [
  ['Tertial 1 (jan-apr) 2025', '2025-04'], ['Tertial 1 (jan–apr) 2025', '2025-04'], ['Tertial 1 (januari–april) 2025', '2025-04'], ['Tertial 1 jan-apr 2025', '2025-04'],
  ['Tertial 2 2025', '2025-08'], ['T2 2025', '2025-08'], ['T2 (jan-aug) 2025', '2025-08'], ['Tertial 2 (maj–aug) 2025', '2025-08'],
  ['Tertialrapport 1 (jan-apr) 2025', '2025-04'], ['Tertialuppföljning 2 2025', '2025-08'], ['Tertialbokslut 3 2025', '2025-12'],
  ['Delår 1 2025', '2025-04'], ['Delår 2 2025', '2025-08'], ['Delår 1, 2025', '2025-04'], ['Delårsrapport 1 2025', '2025-04'], ['Delårsrapport 2 (jan-aug) 2025', '2025-08'], ['Delårsbokslut 2 2025', '2025-08'],
  ['Första tertialen 2025', '2025-04'], ['andra tertialen 2025', '2025-08'], ['Tredje tertialen 2025', '2025-12'],
];
/** Tertials that cannot be read as one month: no number, a third delår, months that end elsewhere, `delar` without its å (an everyday word). */
const NOT_TERTIALS = ['Delårsrapport 2025', 'Delår 2025', 'Delår 3 2025', 'Tertial 1 (jan-mar) 2025', 'T2 (jan-jun) 2025', 'Tertial 2 (feb–aug) 2025', 'Delar 1 2025', 'Tertial 2025'];

describe('tertials', () => {
  it.each(TERTIALS)('the cell %s is %s', (cell, period) => {
    expect(parsePeriod(cell)).toBe(period);
  });
  it.each(TERTIALS)('the title %s names %s', (title, period) => {
    expect(periodInText(`Driftuppföljning ${title}, belopp i tkr`)).toBe(period);
  });
  it.each(NOT_TERTIALS)('%s is read as no month, neither in a cell nor in a title', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
    expect(periodInText(`Driftuppföljning ${text}`)).toBeUndefined();
  });
  it('a tertial with months that end elsewhere leaves the title unread, even where a month is named beside it', () => {
    expect(periodInText('Tertial 1 jan-mar 2025')).toBeUndefined();
  });
});

describe('periodInText', () => {
  it('finds the tertial a title names, as the month it ends', () => {
    expect(['Driftredovisning per tertial 2 2025 (mnkr)', 'Tertial 2 2025, mnkr', 'T2 2025 mnkr', 'Tertialrapport 2, 2025'].map(periodInText)).toEqual(Array(4).fill('2025-08'));
  });
  it('finds the month a title names', () => {
    expect(periodInText('Månadsuppföljning april 2025, belopp i tkr')).toBe('2025-04');
    expect(periodInText('Uppföljning jan–apr 2025')).toBe('2025-04');
    expect(periodInText('Prognos per 2025-08')).toBe('2025-08');
    expect(periodInText('Uppföljning april 2025 (2025-04)')).toBe('2025-04');
  });
  it('finds nothing in a title without a month and year', () => {
    expect(periodInText('Budgetuppföljning socialnämnden')).toBeUndefined();
    expect(periodInText('Bokslut 2024')).toBeUndefined();
    expect(periodInText('april')).toBeUndefined();
    expect(periodInText('Uppföljning 2025-13')).toBeUndefined();
    // Two months named: which one the figures are for would be a guess.
    expect(periodInText('Delårsrapport augusti 2024 (jämfört med april 2024)')).toBeUndefined();
  });
});

describe('pooled periods and R\'s year headers', () => {
  it('keeps a range as written; a slash with the next year is a school year, with another number a month', () => {
    expect(parsePeriod(' 2004-2007 ')).toBe('2004-2007');
    expect(parsePeriod('2019–2022')).toBe('2019–2022');
    expect(parsePeriod('2019/20')).toBe('2019/20');
    expect(parsePeriod('2025/11')).toBe('2025-11');
    expect(parsePeriod('1850-1860')).toBeUndefined();
  });
  it('reads X2019 and X2004.2007 (read.csv\'s names for 2019 and 2004-2007) as period headers, and nothing else with an X', () => {
    expect(parsePeriodHeader('X2019')).toBe('2019');
    expect(parsePeriodHeader('"X2020"')).toBe('2020');
    expect(parsePeriodHeader('X2004.2007')).toBe('2004-2007');
    expect(parsePeriodHeader('2021')).toBe('2021');
    expect(parsePeriodHeader('X')).toBeUndefined();
    expect(parsePeriodHeader('X20190')).toBeUndefined();
    expect(parsePeriodHeader('Xkonto')).toBeUndefined();
  });
});
