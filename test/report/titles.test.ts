import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readerTitle, wordCut } from '../../src/report/titles.js';

describe('indicator names for readers', () => {
  it('gives a known Kolada KPI the name a reader knows, in each language', () => {
    expect(readerTitle('U21468', 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)', 'sv')).toBe('Helhetssyn, hemtjänst');
    expect(readerTitle('u23401', 'Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum till särskilt boende, medelvärde', 'en')).toBe('Waiting time for special housing');
  });
  it('leaves out what the value column says and the survey\'s database wording', () => {
    expect(readerTitle('U23464', 'Brukarbedömning särskilt boende äldreomsorg -  trygghet, andel (%)', 'sv')).toBe('Trygghet, särskilt boende');
    expect(readerTitle('px', 'Nettokostnad äldreomsorg, kronor per invånare efter region och år', 'sv')).toBe('Nettokostnad äldreomsorg');
    expect(readerTitle('N00203', 'Arbetad tid utförd av tillsvidareanställda månadsavlönade, kommunalt anställda, andel (%)', 'sv')).toBe('Arbetad tid utförd av tillsvidareanställda månadsavlönade…');
    expect(readerTitle('N00063', 'Månadsavlönad personal, kommunalt anställda i övrigt socialt kurativt arbete, antal (-2017)', 'sv')).toBe('Månadsavlönad personal, kommunalt anställda i övrigt…');
    expect(readerTitle('helhet', 'Nöjdhet totalt (helhetssyn)', 'sv')).toBe('Nöjdhet totalt (helhetssyn)');
  });
  it('never cuts inside a word: a cut title is whole words of the title, then "…"', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-zåäö]{1,12}$/), { minLength: 1, maxLength: 15 }), fc.integer({ min: 5, max: 70 }), (ws, max) => {
      const text = ws.join(' ');
      const cut = wordCut(text, max);
      if (cut === text) return;
      expect(cut.endsWith('…')).toBe(true);
      const kept = cut.slice(0, -1).split(' ');
      expect(kept).toEqual(ws.slice(0, kept.length));
      if (kept.length > 1) expect([...cut].length).toBeLessThanOrEqual(max);
    }));
  });
});

describe('readerTitle and a config title', () => {
  it('keeps the title a config gave a known Kolada KPI; Kolada\'s own title gets the known name', () => {
    expect(readerTitle('U23401', 'Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum till särskilt boende, medelvärde', 'sv')).toBe('Väntetid till särskilt boende');
    expect(readerTitle('U23401', 'Väntetid till boende (vår egen rubrik)', 'sv')).toBe('Väntetid till boende (vår egen rubrik)');
  });
});
