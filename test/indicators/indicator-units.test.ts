import { describe, expect, it } from 'vitest';
import { dataUnits, valueFractions } from '../../src/indicators/indicator-units.js';
import type { ValueRecord } from '../../src/model/records.js';

const value = (indicator: string, more: Partial<ValueRecord> = {}, file = 'v.csv'): ValueRecord => ({
  kind: 'values', area: { code: '1460', kind: 'municipality' }, period: '2024', indicator, service: '', gender: 'T', value: 1, n: null, source: { file, line: 2 }, ...more,
});
const none = { get: () => undefined };

describe('dataUnits', () => {
  it('a share column says per cent, else the title names a unit, else a plain number; each with its evidence', () => {
    const units = dataUnits([[value('A', { unit: '%' }), value('B', { title: 'Väntetid, antal dagar' }), value('C', { title: 'Kostnad, kr per brukare' }), value('D'), value('E', { title: 'Andel nöjda' })]], none);
    expect(Object.fromEntries([...units].map(([id, u]) => [id, `${u.unit} ${u.from}`]))).toEqual({ A: '% column', B: 'days title', C: 'kr title', D: 'number none', E: '% title' });
  });
  it('a share column in a later file outweighs a title; the first title and file are kept', () => {
    const units = dataUnits([[value('A', {}, 'a.csv'), value('A', { title: 'Väntetid, dagar' }, 'b.csv')], [value('A', { unit: '%', title: 'Annat' }, 'c.csv')]], none);
    expect(units.get('A')).toEqual({ unit: '%', from: 'column', title: 'Väntetid, dagar', file: 'a.csv' });
  });
  it('an indicator whose unit the catalogue (or config) states, and survey records, are left out', () => {
    const catalogue = { get: (id: string) => (id === 'U21468' ? { id, title: { sv: id, en: id }, unit: '%' as const } : undefined) };
    expect([...dataUnits([[value('U21468'), value('X')]], catalogue).keys()]).toEqual(['X']);
    expect(dataUnits([[]], none).size).toBe(0);
  });
});

describe('valueFractions', () => {
  const units = new Map([['A', { unit: '%' as const, from: 'title' as const, title: 'Andel nöjda', file: 'v.csv' }], ['B', { unit: '%' as const, from: 'column' as const, title: 'B', file: 'v.csv' }]]);
  const kolada = { get: (id: string) => (id === 'U21468' ? { id, title: { sv: id, en: id }, unit: '%' as const } : undefined) };
  it('an area whose every value of a title-per-cent indicator is at most 1, one between 0 and 1, is named', () => {
    const f = valueFractions([[value('A', { value: 0.85 }), value('A', { value: 0.8, period: '2025' }), value('A', { value: 82, area: { code: '1461', kind: 'municipality' } })]], units, none);
    expect(f.map((x) => `${x.code} ${x.file}:${x.line} ${x.message.slice(0, 45)}`)).toEqual(['share-fraction v.csv:2 every share of 1460 is at most 1: read as per']);
  });
  it('a value of the column\'s own per cent is checked when read, not here; values above 1 or of 0 and 1 only say nothing', () => {
    expect(valueFractions([[value('B', { value: 0.5, unit: '%' }), value('A', { value: 1 }), value('A', { value: 0, period: '2025' })]], units, none)).toEqual([]);
  });
  it('a catalogue share (Kolada U21468): all fractions, or one fraction among per cent, a helper\'s files gave "0,9 % ✓ grön"', () => {
    const all = valueFractions([[value('U21468', { value: 0.86 }), value('U21468', { value: 0.88, period: '2025' })]], new Map(), kolada);
    expect(all.map((x) => `${x.code}:${x.line}`)).toEqual(['share-fraction:2']);
    const among = valueFractions([[value('U21468', { value: 86 }), value('U21468', { value: 88, period: '2023' }), value('U21468', { value: 0.91, period: '2025', source: { file: 'v.csv', line: 4 } })]], new Map(), kolada);
    expect(among.map((x) => x.message)).toEqual(["1460 U21468: a share under 1 beside figures of the same area and indicator over ten times as large: read as per cent it is under 1 %, as none of them is; a fraction (0.875 for 87.5 %) must be written as per cent"]);
    // A Kolada per-cent KPI that is no share of respondents (N03001, a result as % of tax revenue) is not checked.
    const result = { get: (id: string) => (id === 'N03001' ? { id, title: { sv: id, en: id }, unit: '%' as const } : undefined) };
    expect(valueFractions([[value('N03001', { value: 4.5 }), value('N03001', { value: 3.9, period: '2023' }), value('N03001', { value: 0.3, period: '2025' })]], new Map(), result)).toEqual([]);
    // A small share among small ones (0,5 beside 1,2 and 2,3) is a share.
    expect(valueFractions([[value('U21468', { value: 1.2 }), value('U21468', { value: 2.3, period: '2023' }), value('U21468', { value: 0.5, period: '2025' })]], new Map(), kolada)).toEqual([]);
  });
});
