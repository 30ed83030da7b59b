import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { negativeShares as negativeSharesOf } from '../../src/indicators/share-direction.js';

/** The warnings alone. */
const negativeShares = (...args: Parameters<typeof negativeSharesOf>) => negativeSharesOf(...args).findings;
import { settingsOf } from '../../src/indicators/settings.js';

const text = (header: string, question: string) => `År;Kommun;Verksamhet;Fråga;Antal svarande;${header}\n2024;1460;Hemtjänst;${question};100;11\n2025;1460;Hemtjänst;${question};100;14\n`;
const read = (header: string, config = parseConfig('{}', 'test.json'), question = 'Helhetssyn') => parseInput(Buffer.from(text(header, question)), { ...ingestOptions(config, { columns: { share: header } }, {}), file: 's.csv' });
/** Published shares (`Andel (%)`) of the questions given, one row each. */
const shares = (questions: string[], config = parseConfig('{}', 'test.json')) =>
  parseInput(Buffer.from(`År;Kommun;Verksamhet;Fråga;Antal svarande;Andel (%)\n${questions.map((q) => `2024;0643;Särskilt boende;${q};400;20\n`).join('')}`), { ...ingestOptions(config, {}, {}), file: 'q.csv' });
/** Respondents' answers (Ja/Nej) to the questions given, in two groups (municipalities) each. */
const answers = (questions: string[]) =>
  parseInput(Buffer.from(`Löpnr;Kommun;År;Verksamhet;Fråga;Svar\n${questions.flatMap((q, i) => [`${2 * i + 1};0643;2024;Särskilt boende;${q};Ja`, `${2 * i + 2};0680;2024;Särskilt boende;${q};Nej`]).join('\n')}\n`), { ...ingestOptions(parseConfig('{}', 'test.json'), {}, {}), file: 'a.csv' });
const said = (findings: { severity: string; file: string; code: string; message: string }[]) => findings.map((f) => `${f.severity} ${f.file} ${f.code} ${/question "([^"]*)"/.exec(f.message)?.[1] ?? ''}`);

describe('negativeShares', () => {
  it('a share column naming negative answers, for questions whose direction nothing gives: said, as a warning on the file', () => {
    const plain = parseConfig('{}', 'test.json');
    expect(negativeShares([read('Andel missnöjda (%)')], settingsOf(plain)).map((f) => `${f.severity} ${f.file} ${f.code}`)).toEqual(['warning s.csv share-negative-header']);
    expect(negativeShares([read('Andel ej nöjda')], settingsOf(plain))).toHaveLength(1);
  });
  it('a positive share, or questions the config gives a direction, say nothing', () => {
    const plain = parseConfig('{}', 'test.json');
    expect(negativeShares([read('Andel nöjda (%)')], settingsOf(plain))).toEqual([]);
    const described = parseConfig(JSON.stringify({ indicators: [{ id: 'Helhetssyn', title: { sv: 'Missnöjda', en: 'Dissatisfied' }, better: 'lower' }] }), 'test.json');
    expect(negativeShares([read('Andel missnöjda (%)', described)], settingsOf(described))).toEqual([]);
  });

  it('a published question worded for negative answers, whose direction nothing gives: said per question, as a warning on the file', () => {
    const plain = settingsOf(parseConfig('{}', 'test.json'));
    const input = shares(['Besväras av ensamhet', 'Andel ej nöjda med maten', 'Väntetid för att få plats (andel som väntat mer än 3 mån)', 'Nöjd med maten', 'Känner sig trygg', 'Helhetssyn', 'bemotande', 'Får hjälp i tid']);
    expect(said(negativeShares([input], plain))).toEqual([
      'warning q.csv question-negative-wording Andel ej nöjda med maten',
      'warning q.csv question-negative-wording Besväras av ensamhet',
      'warning q.csv question-negative-wording Väntetid för att få plats (andel som väntat mer än 3 mån)',
    ]);
  });
  it("a respondent-level question worded for negative answers is said the same way, once however many groups ask it", () => {
    const plain = settingsOf(parseConfig('{}', 'test.json'));
    expect(said(negativeShares([answers(['Besväras du av ensamhet?', 'Nöjd med maten'])], plain))).toEqual(['warning a.csv question-negative-wording Besväras du av ensamhet?']);
  });
  it('a negatively worded question the config gives a direction, either way, says nothing', () => {
    for (const better of ['lower', 'higher']) {
      const described = parseConfig(JSON.stringify({ indicators: [{ id: 'Besväras av ensamhet', title: { sv: 'Besväras av ensamhet', en: 'Lonely' }, better }] }), 'test.json');
      expect(negativeShares([shares(['Besväras av ensamhet'], described)], settingsOf(described))).toEqual([]);
    }
  });
  it('the questions said are returned: they get no direction (no status or rank) until "better" says', () => {
    const plain = settingsOf(parseConfig('{}', 'test.json'));
    const input = shares(['Besväras av ensamhet', 'Nöjd med maten']);
    expect([...negativeSharesOf([input], plain).questions]).toEqual(['Besväras av ensamhet']);
    expect([...negativeSharesOf([read('Andel missnöjda (%)', parseConfig('{}', 'test.json'), 'Väntetid')], plain).questions]).toEqual(['Väntetid']);
  });
  it('a share column naming negative answers is said once for the file, not again per question', () => {
    const plain = parseConfig('{}', 'test.json');
    expect(said(negativeShares([read('Andel missnöjda (%)', plain, 'Väntetid')], settingsOf(plain)))).toEqual(['warning s.csv share-negative-header ']);
  });
});
