import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, municipalityInText, REGIONS, resolveArea } from '../../src/model/register.js';

describe('the official register', () => {
  it('has exactly 290 unique four-digit municipality codes and 21 regions', () => {
    expect(MUNICIPALITIES.size).toBe(290);
    expect([...MUNICIPALITIES.keys()].every((c) => /^\d{4}$/.test(c))).toBe(true);
    expect(new Set(MUNICIPALITIES.values()).size).toBe(290);
    expect(REGIONS.size).toBe(21);
    // Every municipality belongs to a region whose code is its first two digits.
    expect([...MUNICIPALITIES.keys()].every((c) => REGIONS.has(c.slice(0, 2)))).toBe(true);
  });
  it('knows the organisations named in the mission', () => {
    expect(MUNICIPALITIES.get('1460')).toBe('Bengtsfors');
    expect(MUNICIPALITIES.get('0680')).toBe('Jönköping');
    expect(MUNICIPALITIES.get('2581')).toBe('Piteå');
    expect(MUNICIPALITIES.get('1267')).toBe('Höör');
  });
});

describe('resolveArea', () => {
  it.each([
    ['1460', '1460'], ['1460 Bengtsfors', '1460'], ['Bengtsfors', '1460'], ['Bengtsfors kommun', '1460'],
    ['Melleruds kommun', '1461'], ['Falu kommun', '2080'], ['MELLERUD', '1461'], ['Jonkoping', '0680'],
    ['Lilla Edet', '1462'], ['Region Gotland', '0980'], ['0980 Region Gotland', '0980'], ['Göteborgs Stad', '1480'],
  ])('%s → municipality %s', (cell, code) => {
    expect(resolveArea(cell)).toEqual({ ok: true, area: { code, kind: 'municipality' } });
  });
  it('every municipality resolves by code, "code name", name and "name kommun" to itself', () => {
    for (const [code, name] of MUNICIPALITIES) {
      for (const cell of [code, `${code} ${name}`, name, `${name} kommun`]) {
        expect([cell, resolveArea(cell)]).toEqual([cell, { ok: true, area: { code, kind: 'municipality' } }]);
      }
    }
  });
  it('keeps Håbo (0305) and Habo (0643) apart; accent-free spelling of a unique name still works', () => {
    expect(resolveArea('Håbo')).toEqual({ ok: true, area: { code: '0305', kind: 'municipality' } });
    expect(resolveArea('Habo')).toEqual({ ok: true, area: { code: '0643', kind: 'municipality' } });
    expect(resolveArea('Hababo')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolveArea('Ostersund')).toEqual({ ok: true, area: { code: '2380', kind: 'municipality' } });
  });
  it('repairs a lost leading zero and says so', () => {
    expect(resolveArea('680')).toEqual({ ok: true, area: { code: '0680', kind: 'municipality' }, repairedFrom: '680' });
  });
  it('reads regions, the nation and Kolada groups', () => {
    expect(resolveArea('14 Västra Götalands län')).toEqual({ ok: true, area: { code: '14', kind: 'region' } });
    expect(resolveArea('0014')).toEqual({ ok: true, area: { code: '14', kind: 'region' } });
    expect(resolveArea('Riket')).toEqual({ ok: true, area: { code: '0000', kind: 'nation' } });
    expect(resolveArea('0000')).toEqual({ ok: true, area: { code: '0000', kind: 'nation' } });
    expect(resolveArea('G34521')).toEqual({ ok: true, area: { code: 'G34521', kind: 'group' } });
    expect(resolveArea('G124026 Större stad')).toEqual({ ok: true, area: { code: 'G124026', kind: 'group', name: 'Större stad' } });
    expect(resolveArea('g124026  Större stad ')).toEqual({ ok: true, area: { code: 'G124026', kind: 'group', name: 'Större stad' } });
  });
  it.each(['00 Riket', '00 Sverige', '0 Riket', '0000 Riket', 'Hela landet', '00 Hela landet'])('%s is the nation, as SCB and others write it', (cell) => {
    expect(resolveArea(cell)).toEqual({ ok: true, area: { code: '0000', kind: 'nation' } });
  });
  it('a code of zeros with another name is a code/name disagreement, not the nation nor that place', () => {
    expect(resolveArea('00 Stockholms län')).toEqual({ ok: false, reason: 'mismatch', code: '00', registered: 'Riket', name: 'Stockholms län' });
    expect(resolveArea('0000 Bengtsfors')).toEqual({ ok: false, reason: 'mismatch', code: '0000', registered: 'Riket', name: 'Bengtsfors' });
  });
  it('a region code with its name is still the region; a bare 00 is no area outside a file of codes', () => {
    expect(resolveArea('01 Stockholms län')).toEqual({ ok: true, area: { code: '01', kind: 'region' } });
    expect(resolveArea('01')).toEqual({ ok: true, area: { code: '01', kind: 'region' } });
    expect(resolveArea('00')).toEqual({ ok: false, reason: 'unknown' });
  });
  it('never guesses: unknown codes and code/name disagreements are rejected', () => {
    expect(resolveArea('9999')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolveArea('Atlantis')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolveArea('1460 Mellerud')).toMatchObject({ ok: false, reason: 'mismatch', code: '1460', registered: 'Bengtsfors' });
    expect(resolveArea('')).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('municipalityInText', () => {
  it('finds the one municipality a title names, as capitalised words', () => {
    expect(municipalityInText('Bengtsfors kommun – Månadsuppföljning april 2025')).toBe('1460');
    expect(municipalityInText('Melleruds kommun, socialnämnden')).toBe('1461');
    expect(municipalityInText('Uppföljning Lilla Edet 2025')).toBe('1462');
    expect(municipalityInText('Håbo kommun')).toBe('0305');
    expect(municipalityInText('Habo kommun')).toBe('0643');
  });
  it('finds none when the title names none, a common word, or two municipalities', () => {
    expect(municipalityInText('Månadsuppföljning april 2025, belopp i tkr')).toBeUndefined();
    expect(municipalityInText('Vad ska budgeten vara till för')).toBeUndefined();
    expect(municipalityInText('Socialförvaltningen Bengtsfors–Mellerud')).toBeUndefined();
  });
});

describe('regions as they are written', () => {
  it.each(['20', '0020', '20 Dalarnas län', 'Dalarnas län', 'Region Dalarna', 'Dalarna', 'DALARNA'])('%s is region 20', (cell) => {
    expect(resolveArea(cell)).toEqual({ ok: true, area: { code: '20', kind: 'region' } });
  });
  it.each([
    ['Region Jönköpings län', '06'], ['Region Sörmland', '04'], ['Sörmland', '04'], ['Västra Götalandsregionen', '14'],
    ['Region Jämtland Härjedalen', '23'], ['Skåne', '12'], ['Region Kalmar län', '08'],
  ])('%s is region %s', (cell, code) => {
    expect(resolveArea(cell)).toEqual({ ok: true, area: { code, kind: 'region' } });
  });
  it('a bare name that is also a municipality\'s is the municipality', () => {
    expect(resolveArea('Uppsala')).toEqual({ ok: true, area: { code: '0380', kind: 'municipality' } });
    expect(resolveArea('Uppsala län')).toEqual({ ok: true, area: { code: '03', kind: 'region' } });
  });
});
