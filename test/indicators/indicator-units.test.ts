import { describe, expect, it } from 'vitest';
import { dataUnits, titleFractions } from '../../src/indicators/indicator-units.js';
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

describe('titleFractions', () => {
  const units = new Map([['A', { unit: '%' as const, from: 'title' as const, title: 'Andel nöjda', file: 'v.csv' }], ['B', { unit: '%' as const, from: 'column' as const, title: 'B', file: 'v.csv' }]]);
  it('an area whose every value of a title-per-cent indicator is at most 1, one between 0 and 1, is named', () => {
    const f = titleFractions([[value('A', { value: 0.85 }), value('A', { value: 0.8, period: '2025' }), value('A', { value: 82, area: { code: '1461', kind: 'municipality' } })]], units);
    expect(f.map((x) => `${x.code} ${x.file}:${x.line} ${x.message.slice(0, 40)}`)).toEqual(['share-fraction v.csv:2 every share of 1460 is at most 1 (here 0']);
  });
  it('a share column\'s values are checked when read, not here; values above 1 or of 0 and 1 only say nothing', () => {
    expect(titleFractions([[value('B', { value: 0.5 }), value('A', { value: 1 }), value('A', { value: 0, period: '2025' })]], units)).toEqual([]);
  });
});
