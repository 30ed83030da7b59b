import { describe, expect, it } from 'vitest';
import type { AreaKind } from '../../src/model/register.js';
import { parseConfig } from '../../src/config/parse.js';
import { containersOf, holdsRespondents, sharedMunicipalities } from '../../src/indicators/containers.js';

describe('containersOf', () => {
  const config = parseConfig(JSON.stringify({
    organisation: { name: 'O', code: 'O' },
    members: [{ code: 'SOTEA', kind: 'kommunalförbund', contains: ['1214', '1260'] }],
    peers: { G124026: ['1214', '1260'] },
  }), 'test.json');
  const of = containersOf(config);
  it('the nation holds every municipality and region, a region those of its code, a kommunalförbund and a group their listed ones', () => {
    expect(of('0000', 'nation')!('2580', 'municipality')).toBe(true);
    expect(of('0000', 'nation')!('13', 'region')).toBe(true);
    expect(of('13', 'region')!('1380', 'municipality')).toBe(true);
    expect(of('13', 'region')!('1480', 'municipality')).toBe(false);
    expect(of('SOTEA', 'federation')!('1214', 'municipality')).toBe(true);
    expect(of('SOTEA', 'federation')!('1280', 'municipality')).toBe(false);
    expect(of('G124026', 'group')!('1260', 'municipality')).toBe(true);
  });
  it('no other area holds any', () => {
    expect(of('1460', 'municipality')).toBeUndefined();
    expect(of('O', 'organisation')).toBeUndefined();
  });
  it('a group whose members tillit does not know may hold any municipality: taken to hold them all', () => {
    const unknown = of('G999', 'group')!;
    expect([unknown('1460', 'municipality'), unknown('0180', 'municipality'), unknown('14', 'region')]).toEqual([true, true, false]);
  });
});

describe('sharedMunicipalities', () => {
  const config = parseConfig(JSON.stringify({ peers: { G1: ['0180', '1315', '1382'], G2: ['0180', '0181'] } }), 'test.json');
  const of = containersOf(config);
  const box = (code: string, kind: 'region' | 'nation' | 'group') => ({ code, kind, contains: of(code, kind)! });
  it('what two containers, neither holding the other, may both hold', () => {
    expect(sharedMunicipalities(box('13', 'region'), box('G1', 'group'))).toEqual(['1315', '1382']);
    expect(sharedMunicipalities(box('13', 'region'), box('G2', 'group'))).toEqual([]);
    expect(sharedMunicipalities(box('13', 'region'), box('G9', 'group'))).toHaveLength(6);
    expect(sharedMunicipalities(box('0000', 'nation'), box('G2', 'group'))).toEqual(['0180', '0181']);
  });
  it('none where one holds the other or two counties meet', () => {
    expect(sharedMunicipalities(box('0000', 'nation'), box('13', 'region'))).toEqual([]);
    expect(sharedMunicipalities(box('13', 'region'), box('14', 'region'))).toEqual([]);
  });
});

describe('holdsRespondents', () => {
  const config = parseConfig(JSON.stringify({
    organisation: { name: 'O', code: 'O' },
    members: [{ code: 'SOTEA', kind: 'kommunalförbund', contains: ['1214', '1260'] }, { code: '12' }, { code: '1460' }],
    peers: { G124026: ['1214', '1260'] },
  }), 'test.json');
  const holds = holdsRespondents(config);
  const at = (code: string, kind: AreaKind) => ({ code, kind });
  it('the nation every other area; a region, kommunalförbund and listed group their municipalities', () => {
    expect(holds(at('0000', 'nation'), at('G999', 'group'))).toBe(true);
    expect(holds(at('0000', 'nation'), at('O', 'organisation'))).toBe(true);
    expect(holds(at('0000', 'nation'), at('0000', 'nation'))).toBe(false);
    expect(holds(at('14', 'region'), at('1460', 'municipality'))).toBe(true);
    expect(holds(at('14', 'region'), at('1260', 'municipality'))).toBe(false);
    expect(holds(at('SOTEA', 'federation'), at('1260', 'municipality'))).toBe(true);
    expect(holds(at('G124026', 'group'), at('1214', 'municipality'))).toBe(true);
  });
  it('the organisation its members and what they hold, nothing else', () => {
    expect(holds(at('O', 'organisation'), at('1460', 'municipality'))).toBe(true);
    expect(holds(at('O', 'organisation'), at('1280', 'municipality'))).toBe(true);
    expect(holds(at('O', 'organisation'), at('SOTEA', 'federation'))).toBe(true);
    expect(holds(at('O', 'organisation'), at('1461', 'municipality'))).toBe(false);
    expect(holds(at('1460', 'municipality'), at('O', 'organisation'))).toBe(false);
  });
  it('a group whose members tillit does not know holds none for sure; a municipality holds nothing', () => {
    expect(holds(at('G999', 'group'), at('1460', 'municipality'))).toBe(false);
    expect(holds(at('12', 'region'), at('SOTEA', 'federation'))).toBe(true);
    // A kommunalförbund the config lists no municipalities of: no region holds it for sure.
    const unlisted = holdsRespondents(parseConfig(JSON.stringify({ members: [{ code: '14' }, { code: 'KF1', kind: 'kommunalförbund', name: 'Dalslands KF' }] }), 'test.json'));
    expect(unlisted(at('14', 'region'), at('KF1', 'federation'))).toBe(false);
    expect(unlisted(at('0000', 'nation'), at('KF1', 'federation'))).toBe(true);
    expect(holds(at('1460', 'municipality'), at('1460', 'municipality'))).toBe(false);
  });
});
