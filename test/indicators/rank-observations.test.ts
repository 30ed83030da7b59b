import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { observe } from '../../src/indicators/observe.js';
import { rankObservations } from '../../src/indicators/rank-observations.js';
import { settingsOf } from '../../src/indicators/settings.js';
import type { ValueRecord } from '../../src/model/records.js';
import type { AreaKind } from '../../src/model/register.js';
import type { Better } from '../../src/model/vocabulary.js';
import { inputsOf } from './inputs.js';

const value = (code: string, v: number, kind: AreaKind = 'municipality'): ValueRecord => ({
  kind: 'values', area: { code, kind }, period: '2025', indicator: 'X1', service: '', gender: 'T', value: v, n: null, source: { file: 'v.csv', line: 2 },
});
const ranked = (better: Better, hide?: number) => {
  const { obs } = observe(inputsOf([value('1460', 80), value('1461', 90.00004), value('1462', 90), value('0000', 99, 'nation')]), settingsOf(defaultConfig()));
  if (hide !== undefined) obs.hidden[hide] = 1;
  const { position, of } = rankObservations(obs, () => better);
  return Array.from({ length: obs.size }, (_, i) => `${obs.areaCode(i)} ${position[i]}/${of[i]}`);
};

describe('rankObservations', () => {
  it('ranks the municipalities of a cell by the value as published (four decimals: a tie), best first', () => {
    expect(ranked('higher')).toEqual(['1460 3/3', '1461 1/3', '1462 1/3', '0000 0/0']);
    expect(ranked('lower')).toEqual(['1460 1/3', '1461 2/3', '1462 2/3', '0000 0/0']);
  });
  it('leaves hidden cells out, and ranks nothing without a better direction', () => {
    expect(ranked('higher', 1)).toEqual(['1460 2/2', '1461 0/0', '1462 1/2', '0000 0/0']);
    expect(ranked('none')).toEqual(['1460 0/0', '1461 0/0', '1462 0/0', '0000 0/0']);
  });
});
