import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { containerRelations, type AreaRows } from '../../src/indicators/container-relations.js';
import { containersOf } from '../../src/indicators/containers.js';
import type { IndexedGroup } from '../../src/indicators/suppression.js';
import type { AreaKind } from '../../src/model/register.js';

/** A cell of total rows only (gender 0), one per area, numbered in the order given. */
function cell(areas: [string, AreaKind][]): AreaRows {
  return {
    areaId: (i) => i,
    areaCode: (i) => areas[i]![0],
    kindOf: (i) => areas[i]![1],
    genderId: () => 0,
  };
}

/** The relations' parts for each container total, as area codes; a free cell reads `free`. */
function relations(groups: readonly IndexedGroup[], areas: [string, AreaKind][]): string[] {
  const name = (id: number) => (id < 0 ? '-' : id < areas.length ? areas[id]![0] : 'free');
  return groups.filter((g) => g.container === true && g.total < areas.length && g.total >= 0)
    .map((g) => `${name(g.total)} = ${g.parts.filter((p) => p >= 0).map(name).join(' + ')}`);
}

describe('containerRelations', () => {
  const config = parseConfig(JSON.stringify({
    organisation: { name: 'O', code: 'O' },
    members: [{ code: '1380' }, { code: '1381' }],
    peers: { G1: ['1381', '0180', '1315'] },
  }), 'test.json');
  const contains = containersOf(config);
  const solve = (areas: [string, AreaKind][], nationAreas?: number) =>
    containerRelations(areas.map((_, i) => i), cell(areas), Float64Array.from(areas, ([, kind]) => (kind === 'municipality' ? 50 : 500)), undefined, [], [], contains, nationAreas);

  it('an organisation beside a region: the region is solved, the organisation is no part of it (its relations are the members\')', () => {
    const areas: [string, AreaKind][] = [['1380', 'municipality'], ['1381', 'municipality'], ['O', 'organisation'], ['13', 'region']];
    const out = solve(areas)!;
    expect([...out.containers]).toEqual([3]);
    expect(relations(out.groups, areas)).toContain('13 = 1380 + 1381 + free');
  });
  it('a group member absent from the data is one unknown, in the group\'s relation and its region\'s alike', () => {
    const areas: [string, AreaKind][] = [['1380', 'municipality'], ['1381', 'municipality'], ['0180', 'municipality'], ['13', 'region'], ['G1', 'group']];
    const out = solve(areas)!;
    expect([...out.containers].sort()).toEqual([3, 4]);
    const totals = out.groups.filter((g) => g.container === true && g.total >= 0 && g.total < areas.length);
    const region = totals.find((g) => g.total === 3 && g.parts.includes(0))!;
    const group = totals.find((g) => g.total === 4 && g.parts.includes(1))!;
    // The group names every member: no unknown rest. 1315's cell is the same in both.
    const shared = group.parts.filter((p) => p >= areas.length);
    expect(shared).toHaveLength(1);
    expect(region.parts).toContain(shared[0]);
    // The region has the other municipalities of Halland besides: a rest of its own.
    expect(region.parts.filter((p) => p >= areas.length)).toHaveLength(2);
  });
  it('a group whose members tillit does not know, and the nation of a large cell, are not solved: they are to be hidden wherever anything is', () => {
    const areas: [string, AreaKind][] = [['1380', 'municipality'], ['0180', 'municipality'], ['G9', 'group'], ['0000', 'nation']];
    const out = solve(areas)!;
    expect([...out.containers]).toEqual([3]);
    expect([...out.unsolved]).toEqual([2]);
    const large = solve(areas, 2)!;
    expect([...large.containers]).toEqual([]);
    expect([...large.unsolved].sort()).toEqual([2, 3]);
    // Nothing solved: the cell's own groups stand, no free cells.
    expect([large.free, large.groups.length]).toEqual([0, 0]);
  });
  it('a cell of municipalities only has no relations to add; a container holding fewer than its areas is left to the conservative rules', () => {
    expect(solve([['1380', 'municipality'], ['1381', 'municipality']])).toBeUndefined();
    const areas: [string, AreaKind][] = [['1380', 'municipality'], ['1381', 'municipality'], ['13', 'region']];
    const n = Float64Array.from([50, 40, 80]);
    expect(containerRelations([0, 1, 2], cell(areas), n, undefined, [], [], contains)).toBeUndefined();
  });
});
