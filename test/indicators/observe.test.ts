import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/schema.js';
import { observe } from '../../src/indicators/observe.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { AnswerRecord, Gender, SurveyRecord, ValueRecord } from '../../src/model/records.js';
import { answerTable, inputsOf } from './inputs.js';

const answers = (code: string, gender: Gender, positive: number, other: number, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  kind: 'answers', area: { code, kind: 'municipality' }, period: '2025', indicator: 'hjalp', service: 'PA', gender, positive, other, excluded: 0,
  source: { file: 'svar.csv', line: 2 }, ...extra,
});
const published = (code: string, share: number, n: number | null, line = 5): SurveyRecord => ({
  kind: 'survey', area: { code, kind: 'municipality' }, period: '2025', indicator: 'hjalp', service: 'PA', gender: 'T', n, positive: null, share,
  source: { file: 'kolada.csv', line },
});
const value = (indicator: string, v: number, n: number | null): ValueRecord => ({
  kind: 'values', area: { code: '1460', kind: 'municipality' }, period: '2025', indicator, service: '', gender: 'T', value: v, n, source: { file: 'v.csv', line: 3 },
});
const members = (...codes: string[]) => settingsOf({ ...defaultConfig(), members: codes.map((code) => ({ code, name: code, population: {}, usage: {} })) } as Config);

/** Every observation as "area gender value/n [flags]". */
function shown(records: Parameters<typeof inputsOf>[0], settings = settingsOf(defaultConfig())) {
  const { obs } = observe(inputsOf(records), settings);
  return Array.from({ length: obs.size }, (_, i) =>
    `${obs.areaCode(i)} ${obs.genderOf(i)} ${Math.round(obs.valueOf(i) * 100) / 100}/${obs.nOf(i) ?? '-'}${obs.isShare(i) ? ' share' : ''}${obs.isFromAnswers(i) ? ' answers' : ''}${obs.isIncomplete(i) ? ' incomplete' : ''}`);
}

describe('observe', () => {
  it('counts answers per gender and their total (hand-worked: women 40 of 50, men 30 of 40 → total 70 of 90)', () => {
    expect(shown([answers('1460', 'K', 40, 10), answers('1460', 'M', 30, 10)])).toEqual([
      '1460 T 77.78/90 share answers', '1460 K 80/50 share answers', '1460 M 75/40 share answers',
    ]);
  });
  it('keeps the share counted from answers over a published one, notes the disagreement and merges the sources', () => {
    const { obs, disagreements } = observe(inputsOf([published('1460', 60, 90), answers('1460', 'T', 70, 20)]), settingsOf(defaultConfig()));
    expect(obs.size).toBe(1);
    expect([obs.valueOf(0), obs.nOf(0), obs.isFromAnswers(0)]).toEqual([(70 / 90) * 100, 90, true]);
    expect(obs.sourcesOf(0)).toEqual([{ file: 'svar.csv', line: 2 }, { file: 'kolada.csv', line: 5 }]);
    expect(disagreements).toHaveLength(1);
    expect(disagreements[0]).toMatchObject({ obs: 0, at: { file: 'kolada.csv', line: 5 }, atAnswers: false, keptFile: 'svar.csv', value: 60, n: 90 });
  });
  it('two figures within 0.05 percentage points and the same n agree: no disagreement', () => {
    const { obs, disagreements } = observe(inputsOf([published('1460', 77.8, 90, 5), answers('1460', 'T', 70, 20)]), settingsOf(defaultConfig()));
    expect(disagreements).toEqual([]);
    expect(obs.sourcesOf(0)).toHaveLength(2);
  });
  it('a cell with rejected answers is kept, marked incomplete', () => {
    const { obs } = observe(inputsOf([answers('1460', 'T', 10, 10, { rejected: 2 })]), settingsOf(defaultConfig()));
    expect([obs.size, obs.isIncomplete(0)]).toEqual([1, true]);
  });
  it('pools the organisation only where every member has the cell with n (hand-worked: 40 of 50 and 45 of 60 → 85 of 110)', () => {
    const two = members('1460', '1461');
    expect(shown([answers('1460', 'T', 40, 10), answers('1461', 'T', 45, 15)], two)).toEqual([
      // Pooled from answers, the organisation's figure is one from answers too (it wins over a published one).
      '1460 T 80/50 share answers', '1461 T 75/60 share answers', 'ORG T 77.27/110 share answers',
    ]);
    expect(shown([answers('1460', 'T', 40, 10)], two)).toEqual(['1460 T 80/50 share answers']);
  });
  it('a value is a share when its unit is % and it has an n; a survey indicator is named as such', () => {
    // X1's column said per cent (`Andel`); nothing says what X3 (a title with no unit) counts.
    expect(shown([{ ...value('X1', 55, 120), unit: '%' }, value('X2', 55, null), value('X3', 55, 120)])).toEqual(['1460 T 55/120 share', '1460 T 55/-', '1460 T 55/120']);
    // A unit named in the title counts too: days are no share, a share is.
    expect(shown([{ ...value('X4', 45, 120), title: 'Väntetid, antal dagar' }, { ...value('X5', 45, 120), title: 'Andel nöjda' }])).toEqual(['1460 T 45/120', '1460 T 45/120 share']);
    expect([...observe(inputsOf([published('1460', 60, 90)]), settingsOf(defaultConfig())).surveyIndicators]).toEqual(['hjalp']);
  });
  it('a group read in two parts of a file (in two tables) is observed as one read whole: counts added, the first part\'s source', () => {
    const whole = [answers('1460', 'K', 40, 10), answers('1460', 'M', 30, 10), answers('1461', 'T', 45, 15, { source: { file: 'svar.csv', line: 40 } })];
    const first = answerTable([answers('1460', 'K', 25, 4), answers('1460', 'M', 30, 10)]);
    const later = answerTable([answers('1461', 'T', 45, 15, { source: { file: 'svar.csv', line: 40 } }), answers('1460', 'K', 15, 6, { source: { file: 'svar.csv', line: 41 } })]);
    const seen = (inputs: Parameters<typeof observe>[0]) => {
      const { obs } = observe(inputs, settingsOf(defaultConfig()));
      return Array.from({ length: obs.size }, (_, i) => `${obs.areaCode(i)} ${obs.genderOf(i)} ${obs.valueOf(i)}/${obs.nOf(i)} ${JSON.stringify(obs.sourcesOf(i))}`);
    };
    expect(seen([{ records: [], answers: [first, later] }])).toEqual(seen(inputsOf(whole)));
    expect(seen(inputsOf(whole))).toHaveLength(4);
  });
});
