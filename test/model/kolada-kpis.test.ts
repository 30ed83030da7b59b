import { describe, expect, it } from 'vitest';
import { KOLADA_TITLES } from '../../src/model/kolada-titles.js';
import { normalizeLabel } from '../../src/model/text.js';
import { indicatorCatalogue, isKoladaId, koladaIdOfTitle, koladaKpi, normalizedTitles, unitFromTitle } from '../../src/model/kolada-kpis.js';

describe('unitFromTitle', () => {
  it.each([
    ['Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)', '%'],
    ['Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%) (-2018)', '%'],
    ['Resultat före extraordinära poster, andel av skatteintäkter och generella statsbidrag (%)', '%'],
    ['Personalkostnader, kr/inv', 'kr/inv'],
    ['Kostnadsutj.netto: Äldreomsorg, kr/inv 1 nov fg år', 'kr/inv'],
    ['Nettokostnadsavvikelse äldreomsorg, miljoner kronor', 'mnkr'],
    ['Kostnad hemtjänst äldreomsorg, kr', 'kr'],
    ['Invånare 80+, antal', 'count'],
    ['Väntetid till särskilt boende, dagar', 'days'],
    ['Antal timmar hemtjänst, timmar/vecka', 'hours'],
    ['Kostnad per elev, kr/elev', 'number'],
    ['Hushållsavfall, kg/inv', 'number'],
    ['Förändring av självskattad hälsa, index', 'number'],
  ])('%s → %s', (title, unit) => expect(unitFromTitle(title)).toBe(unit));
});

describe('koladaKpi', () => {
  it('knows every KPI of Kolada\'s list by title, in either case, under the id as the data spell it', () => {
    expect(koladaKpi('N00003')).toEqual({ id: 'N00003', title: { sv: 'Personalkostnader, kr/inv', en: 'Personalkostnader, kr/inv' }, better: 'none', unit: 'kr/inv', breaks: [] });
    expect(koladaKpi('n00003')).toMatchObject({ id: 'n00003', unit: 'kr/inv' });
  });
  it('the curated ones keep their English title, direction and breaks', () => {
    expect(koladaKpi('u21468')).toMatchObject({ id: 'u21468', better: 'higher', title: { en: 'User assessment, home care for the elderly – overall, share (%)' } });
    expect(koladaKpi('N20029')).toMatchObject({ unit: 'mnkr', breaks: [2019] });
  });
  it('survey KPIs have the direction their wording gives; descriptive ones none', () => {
    expect(koladaKpi('U21505')?.better).toBe('higher'); // trygghet
    expect(koladaKpi('U21478')?.better).toBe('lower'); // besväras ofta av ensamhet
    expect(koladaKpi('U21447')?.better).toBe('none'); // hälsotillstånd
  });
  it('an id not in the list, or not a Kolada id, is unknown', () => {
    expect(koladaKpi('U99999')).toBeUndefined();
    expect(koladaKpi('helhetssyn')).toBeUndefined();
    expect(isKoladaId('U2146')).toBe(false);
  });
});

describe('indicatorCatalogue', () => {
  it('the keys the config\'s entry states win over Kolada\'s', () => {
    const own = { id: 'U21468', title: { sv: 'Helhetssyn', en: 'Overall' }, better: 'lower' as const, unit: '%' as const, breaks: [] };
    const c = indicatorCatalogue([own]);
    expect(c.get('U21468')).toEqual({ ...own, service: 'Hemtjänst' });
    expect(c.get('U23471')?.better).toBe('higher');
    expect(c.get('mine')).toBeUndefined();
  });
  it('a key the entry leaves out is the catalogue\'s, never a default (a title alone keeps the unit and direction)', () => {
    const c = indicatorCatalogue([
      { id: 'N21026', title: { sv: 'Kostnad hemtjänst, kr/brukare', en: 'Cost home care, SEK per user' } },
      { id: 'N20029', title: { sv: 'NKA äo', en: 'Net cost deviation' } },
      { id: 'U23401', title: { sv: 'Väntetid', en: 'Wait' }, better: 'none', unit: undefined },
    ]);
    expect(c.get('N21026')).toEqual({ id: 'N21026', title: { sv: 'Kostnad hemtjänst, kr/brukare', en: 'Cost home care, SEK per user' }, better: 'none', unit: 'kr/inv', breaks: [] });
    expect(c.get('N20029')).toMatchObject({ better: 'none', unit: 'mnkr', breaks: [2019] });
    expect(c.get('U23401')).toMatchObject({ better: 'none', unit: 'days', service: 'Särskilt boende' });
  });
  it('an entry tillit has no catalogue entry for keeps what it leaves out unknown', () => {
    const own = { id: 'mine', title: { sv: 'Mitt', en: 'Mine' } };
    const spec = indicatorCatalogue([own]).get('mine');
    expect(spec).toEqual(own);
    expect(spec?.better).toBeUndefined();
    expect(spec?.unit).toBeUndefined();
  });
});

describe('koladaIdOfTitle', () => {
  it('knows a KPI by its title as Kolada writes it, folded for case, accents and spacing, with or without its years', () => {
    expect(koladaIdOfTitle('Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)')).toBe('U21468');
    // PX-Web's title names the dimensions too (a tester's file showed the title, no status).
    expect(koladaIdOfTitle('Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%) efter region och år')).toBe('U21468');
    expect(koladaIdOfTitle('Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%) efter region, tabellinnehåll och år')).toBe('U21468');
    // U23471's official title has a double space; one space (and other case) is the same title.
    expect(koladaIdOfTitle('brukarbedömning särskilt boende äldreomsorg - helhetssyn, andel (%)')).toBe('U23471');
    expect(koladaIdOfTitle('Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)')).toBe('N02904');
    expect(koladaIdOfTitle('Momsavgift, kr/inv (-2002)')).toBe('N00006');
    expect(koladaIdOfTitle('Momsavgift, kr/inv')).toBe('N00006');
  });
  it('every title of Kolada\'s list that no other KPI shares names its own KPI, and so do Kolada\'s titles of the KPIs tillit describes', () => {
    const titles = KOLADA_TITLES.split('\n').map((line) => [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)] as const);
    const count = new Map<string, number>();
    for (const [, title] of titles) count.set(normalizeLabel(title), (count.get(normalizeLabel(title)) ?? 0) + 1);
    const wrong = titles.filter(([id, title]) => count.get(normalizeLabel(title)) === 1 && koladaIdOfTitle(title) !== id);
    expect(wrong).toEqual([]);
    expect(titles.filter(([, title]) => count.get(normalizeLabel(title))! > 1).every(([, title]) => koladaIdOfTitle(title) === undefined)).toBe(true);
    expect(koladaIdOfTitle('Resultat före extraord. poster (kommunen), andel (%) av skatt & generella statsbidrag')).toBe('N03001');
  });
  it('folds the whole list at once exactly as normalizeLabel folds each title', () => {
    const titles = KOLADA_TITLES.split('\n').map((line) => line.slice(line.indexOf('\t') + 1));
    const folded = normalizedTitles();
    expect(folded).toHaveLength(titles.length);
    expect(titles.filter((title, i) => folded[i] !== normalizeLabel(title))).toEqual([]);
  });
  it('no KPI for a title Kolada does not have', () => {
    expect(koladaIdOfTitle('Lågt socialt deltagande')).toBeUndefined();
    expect(koladaIdOfTitle('')).toBeUndefined();
  });
});
