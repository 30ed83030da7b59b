import { describe, expect, it } from 'vitest';
import { koladaKpi } from '../../src/model/kolada-kpis.js';
import { KOLADA_TITLES } from '../../src/model/kolada-titles.js';
import { namesNegativeAnswers } from '../../src/model/negative-wording.js';

describe('namesNegativeAnswers', () => {
  it.each([
    'Besväras av ensamhet',
    'Besväras du av ensamhet?',
    'Besvaras ofta av ensamhet',
    'Andel ej nöjda med maten',
    'Andel inte nöjda',
    'Andel missnöjda',
    'Väntetid för att få plats (andel som väntat mer än 3 mån)',
    'Väntetid',
    'Andel som väntat längre än 90 dagar',
    'Svåra besvär av ängslan, oro eller ångest',
    'Känner sig ofta ensam',
    'Känner sig otrygg',
    'Andel missnöjda (%)',
    'Share dissatisfied',
  ])('%s: negative, so more of it is worse', (text) => expect(namesNegativeAnswers(text)).toBe(true));

  it.each([
    'Nöjd med maten',
    'Känner sig trygg',
    'Helhetssyn',
    'helhetssyn',
    'bemotande',
    'Bemötande',
    'Får hjälp i tid',
    'Andel nöjda',
    'Andel positiva',
    'Andel (%)',
    'Andel som inte besväras av ensamhet',
    'Trygg och utan oro',
    'Andel ej missnöjda',
    'Rimlig väntetid till vårdcentral',
    'Väntat högst 90 dagar på första besök',
    'Telefonsamtal som besvarats samma dag',
    'Gemensamt boende',
    'Ensamstående hushåll',
  ])('%s: not negative', (text) => expect(namesNegativeAnswers(text)).toBe(false));

  it("agrees with every direction tillit knows for Kolada's KPIs: a lower-is-better title is negative, a higher-is-better one is not", () => {
    const wrong: string[] = [];
    for (const line of KOLADA_TITLES.split('\n')) {
      const id = line.slice(0, line.indexOf('\t'));
      const kpi = koladaKpi(id)!;
      if (kpi.better === 'none') continue;
      if (namesNegativeAnswers(kpi.title.sv) !== (kpi.better === 'lower')) wrong.push(`${id} ${kpi.better} ${kpi.title.sv}`);
    }
    expect(wrong).toEqual([]);
  });
  it('questions asking for the content or safe answer are not flagged, whatever else they name (a helper\'s false positives)', () => {
    for (const q of ['Hur nöjd eller missnöjd är du med hemtjänsten?', 'Mina frågor besvaras av personalen', 'Kan du få hjälp om du känner dig orolig?', 'Känner du dig trygg när du är ensam hemma?', 'Nöjd med väntetiden till särskilt boende', 'Andel som inte känner sig otrygga']) {
      expect(namesNegativeAnswers(q), q).toBe(false);
    }
    for (const q of ['Besväras av ensamhet', 'Andel ej nöjda med maten', 'Andel missnöjda', 'Väntetid i dagar']) expect(namesNegativeAnswers(q), q).toBe(true);
  });
});
