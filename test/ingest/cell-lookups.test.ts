import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { CellLookups, memo } from '../../src/ingest/cell-lookups.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const lookups = (zeroIsNation = false, pooled?: string) => {
  const opts = { ...ingestOptions(defaultConfig(), {}, {}), file: 'x.csv', organisation: { code: '1460', name: 'Bengtsfors kommun', aliases: ['Vård och omsorg'] } };
  return new CellLookups(opts, zeroIsNation, pooled);
};

describe('memo', () => {
  it('works a text out once, however often and in whatever order it comes', () => {
    const seen: string[] = [];
    const upper = memo((t) => (seen.push(t), t.toUpperCase()));
    expect(['a', 'a', 'b', 'a', 'b'].map(upper)).toEqual(['A', 'A', 'B', 'A', 'B']);
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('CellLookups', () => {
  it('a quick path takes the organisation by any alias and a registered area as written, not one that needs repair', () => {
    const l = lookups();
    expect(l.place('vård och omsorg')).toEqual({ area: { code: '1460', kind: 'organisation' }, key: 'organisation\u00001460' });
    expect(l.place('1461')?.area).toMatchObject({ code: '1461', kind: 'municipality' });
    expect(l.place('1461')?.key).toBe('municipality\u00001461');
    expect(l.place('680')).toBeUndefined();
    expect(l.area('680')).toMatchObject({ ok: true, repairedFrom: '680' });
  });

  it("the organisation's name is its cells' only where it names no area: a one-member organisation is named by its member", () => {
    const named = (name: string) => new CellLookups({ ...ingestOptions(defaultConfig(), {}, {}), file: 'x.csv', organisation: { code: 'ORG', name, aliases: [] } }, false, undefined);
    // Read as the organisation's, Bengtsfors' own budget became the shared costs.
    expect(named('Bengtsfors').place('Bengtsfors')?.area).toEqual({ code: '1460', kind: 'municipality' });
    expect(named('Bengtsfors kommun').place('Bengtsfors kommun')?.area).toEqual({ code: '1460', kind: 'municipality' });
    expect(named('Gemensam nämnd').place('Gemensam nämnd')?.area).toEqual({ code: 'ORG', kind: 'organisation' });
  });

  it('`0` is the nation only where the plan says the area column holds codes', () => {
    expect(lookups(true).area('0')).toMatchObject({ ok: true, area: { code: '0000', kind: 'nation' } });
    expect(lookups(false).area('0').ok).toBe(false);
  });

  it('notes the first pooled period a row names, and keeps the one the header gave', () => {
    const l = lookups();
    expect(l.period('2024')).toBe('2024');
    expect(l.pooled).toBeUndefined();
    l.period('2004-2007');
    l.period('2008-2011');
    expect(l.pooled).toBe('2004-2007');
    const given = lookups(false, '1998-2001');
    given.period('2004-2007');
    expect(given.pooled).toBe('1998-2001');
  });

  it('notes the built-in positive labels among the answers it classifies (normalised), and no other label', () => {
    const l = lookups();
    for (const a of ['Ja', 'Nej', 'Ganska  nöjd', 'ja', 'Vet ej', '4', 'Oftast']) l.classify('hjalp', a);
    expect([...l.builtInPositives].sort()).toEqual(['ganska nojd', 'ja', 'oftast']);
  });

  it('genders in the words files use; an unknown one is undefined', () => {
    const l = lookups();
    expect(['Kvinnor', 'män', 'Totalt', 'x'].map((t) => l.gender(t))).toEqual(['K', 'M', 'T', undefined]);
  });
});
