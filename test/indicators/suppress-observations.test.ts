import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { observe } from '../../src/indicators/observe.js';
import { settingsOf } from '../../src/indicators/settings.js';
import { suppressCell, suppressObservations } from '../../src/indicators/suppress-observations.js';
import type { AnswerRecord, Gender, SurveyRecord } from '../../src/model/records.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { inputsOf } from './inputs.js';

const answers = (code: string, gender: Gender, positive: number, other: number, line = 2, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  kind: 'answers', area: { code, kind: 'municipality' }, period: '2025', indicator: 'hjalp', service: 'PA', gender, positive, other, excluded: 0,
  source: { file: 'svar.csv', line }, ...extra,
});
const published = (code: string, gender: Gender, share: number, n: number, line: number): SurveyRecord => ({
  kind: 'survey', area: { code, kind: 'municipality' }, period: '2025', indicator: 'hjalp', service: 'PA', gender, n, positive: null, share, source: { file: 'kolada.csv', line },
});
const settings = settingsOf(defaultConfig());
/** Each observation as "area gender hidden". */
const hidden = (o: ReturnType<typeof observe>['obs']) => Array.from({ length: o.size }, (_, i) => `${o.areaCode(i)} ${o.genderOf(i)} ${o.hiddenAs(i)}`);

describe('suppressCell', () => {
  it('hides a gender below 30 and the other gender, from which it could be worked out (total − other)', () => {
    // Total 100 = women 20 + men 80: women are too few; men would give them away.
    const observed = observe(inputsOf([answers('1460', 'K', 10, 10, 2), answers('1460', 'M', 40, 40, 3)]), settings);
    const { obs } = observed;
    expect(suppressCell(obs, [0, 1, 2], [], -1, 30)).toEqual([]);
    expect(hidden(obs)).toEqual(['1460 T 0', '1460 K 1', '1460 M 2']);
  });
  it('says which totals hold respondents of unknown gender, and protects those that are too few', () => {
    // Total 120, women 40, men 40: 40 of unknown gender, never published and enough on their own.
    const enough = observe(inputsOf([published('1460', 'T', 50, 120, 2), published('1460', 'K', 50, 40, 3), published('1460', 'M', 50, 40, 4)]), settings);
    expect(suppressCell(enough.obs, [0, 1, 2], [], -1, 30)).toEqual([0]);
    expect(hidden(enough.obs)).toEqual(['1460 T 0', '1460 K 0', '1460 M 0']);
    // Total 100: 20 of unknown gender, which total − women − men would give away; the tie between
    // women and men (40 each) goes to "1460|K".
    const few = observe(inputsOf([published('1460', 'T', 50, 100, 2), published('1460', 'K', 50, 40, 3), published('1460', 'M', 50, 40, 4)]), settings);
    expect(suppressCell(few.obs, [0, 1, 2], [], -1, 30)).toEqual([0]);
    expect(hidden(few.obs)).toEqual(['1460 T 0', '1460 K 2', '1460 M 0']);
  });
});

describe('suppressObservations', () => {
  it('marks the rows behind a hidden cell, and says a disagreement on it without its figures', () => {
    const observed = observe(inputsOf([answers('1460', 'T', 10, 10, 7), published('1460', 'T', 30, 20, 9), answers('1461', 'T', 50, 50, 8)]), settings);
    const { findings, behindHidden } = suppressObservations(observed, 30);
    expect([behindHidden('svar.csv', 7), behindHidden('kolada.csv', 9), behindHidden('svar.csv', 8)]).toEqual([true, true, false]);
    expect(findings.map((f) => f.code)).toEqual(['source-disagreement-hidden']);
    expect(findings[0]!.message).not.toContain('30');
  });
  it('keeps an incomplete cell out whatever suppression decided, with a finding naming it (no line, no count: the cell is not published)', () => {
    const observed = observe(inputsOf([answers('1460', 'T', 100, 20, 2, { rejected: 3 })]), settings);
    const { findings } = suppressObservations(observed, 30);
    expect(hidden(observed.obs)).toEqual(['1460 T 3']);
    expect(findings.map((f) => [f.code, f.file, f.line])).toEqual([['cell-incomplete', 'svar.csv', undefined]]);
    expect(findings[0]!.message).toMatch(/^1460 \/ hjalp \/ PA \/ T \/ 2025: not published \(ofullständig\): answers in this cell were rejected/);
    expect(findings[0]!.message).not.toMatch(/\d answer/);
  });
  it('quotes the organisation\'s own row beside its members\' pool only where both count the same respondents, or the minimum more or fewer (65.7 of 105 beside 65 of 100: 5 respondents, 4 positive, a helper\'s attack)', () => {
    const config = parseConfig(JSON.stringify({ organisation: { name: 'X', code: 'X', aliases: ['Gemensamt'] }, members: [{ code: '1460' }, { code: '1461' }] }), 'c.json');
    const svar = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar'];
    for (let k = 0; k < 100; k++) svar.push(`${k + 1};${k < 50 ? '1460' : '1461'};2025;Hemtjänst;helhetssyn;${k % 50 < (k < 50 ? 30 : 35) ? 'Mycket nöjd' : 'Ganska missnöjd'}`);
    const messages = (n: number, share: string) => analyse([
      parseInput(Buffer.from(`${svar.join('\n')}\n`), { ...ingestOptions(config, {}, {}), file: 'svar.csv' }),
      parseInput(Buffer.from(`År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2025;Gemensamt;Hemtjänst;helhetssyn;${n};${share}\n`), { ...ingestOptions(config, {}, {}), file: 'org.csv' }),
    ], config).findings.filter((f) => f.code === 'organisation-disagreement').map((f) => f.message);
    expect(messages(105, '65,7')).toEqual([expect.stringContaining('the figures are not printed')]);
    expect(messages(105, '65,7')[0]).not.toMatch(/105|65[.,]7/);
    expect(messages(100, '66,0')).toEqual([expect.stringContaining('(its own 66 (n 100), the members pooled 65 (n 100))')]);
    expect(messages(130, '66,0')).toEqual([expect.stringContaining('(its own 66 (n 130), the members pooled 65 (n 100))')]);
  });
  it('hides a count of respondents given as an indicator of its own as the cell it counts: "Antal svarande" 20 beside the hidden share was its n, and men\'s 12 beside 100 and 88 (a helper\'s attack)', () => {
    const config = parseConfig('{}', 'c.json');
    const shown = (text: string) => analyse([parseInput(Buffer.from(text), { ...ingestOptions(config, {}, {}), file: 'px.csv' })], config).quality.map((q) => `${q.indicator} ${q.gender} ${q.period} ${q.suppressed ? 'dold' : q.value}`);
    expect(shown('"Brukarbedömning hemtjänst efter region, tabellinnehåll och år"\n\n"region";"tabellinnehåll";"2022";"2023"\n"0642 Mullsjö";"Antal svarande";40;20\n"0642 Mullsjö";"Andel positiva, procent";80;50\n')).toEqual([
      'Andel positiva, procent T 2022 80', 'Andel positiva, procent T 2023 dold', 'Antal svarande T 2022 40', 'Antal svarande T 2023 dold',
    ]);
    const genders = '"Brukarbedömning hemtjänst efter region, kön, tabellinnehåll och år"\n\n"region";"kön";"tabellinnehåll";"2023"\n'
      + [['totalt', 100, 80], ['kvinnor', 88, 79.5], ['män', 12, 83.3]].map(([g, n, v]) => `"0642 Mullsjö";"${g}";"Antal svarande";${n}\n"0642 Mullsjö";"${g}";"Andel positiva, procent";${v}\n`).join('');
    expect(shown(genders)).toEqual(['Andel positiva, procent T 2023 80', 'Andel positiva, procent K 2023 dold', 'Andel positiva, procent M 2023 dold', 'Antal svarande T 2023 100', 'Antal svarande K 2023 dold', 'Antal svarande M 2023 dold']);
    // A count with no share beside it is hidden under the threshold too, and its genders with it.
    expect(shown('"Brukarbedömning efter region, kön, tabellinnehåll och år"\n\n"region";"kön";"tabellinnehåll";"2023"\n"0642 Mullsjö";"totalt";"Antal svarande";100\n"0642 Mullsjö";"kvinnor";"Antal svarande";88\n"0642 Mullsjö";"män";"Antal svarande";12\n')).toEqual(['Antal svarande T 2023 100', 'Antal svarande K 2023 dold', 'Antal svarande M 2023 dold']);
  });
});
