import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const config = parseConfig('{}', 'c.json');
const shown = (rows: readonly (readonly [string, number, number])[]) => {
  const px = '"Brukarbedömning efter region, tabellinnehåll och år"\n\n"region";"tabellinnehåll";"2023"\n'
    + rows.map(([s, n, v]) => `"0642 Mullsjö";"${s}, antal svarande";${n}\n"0642 Mullsjö";"${s}, andel positiva";${v}\n`).join('');
  return analyse([parseInput(Buffer.from(px), { ...ingestOptions(config, {}, {}), file: 'px.csv' })], config).quality.map((q) => `${q.indicator} ${q.suppressed ? 'dold' : q.value}`);
};

describe('protectCounts', () => {
  it('hides a count that is others\' sum with a hidden one among them, and its share: "Äldreomsorg totalt" 112 less "Hemtjänst" 100 gave the hidden 12 (a helper\'s attack)', () => {
    expect(shown([['Hemtjänst', 100, 80], ['Särskilt boende', 12, 75], ['Äldreomsorg totalt', 112, 79.5]])).toEqual([
      'Hemtjänst, andel positiva 80', 'Hemtjänst, antal svarande 100', 'Särskilt boende, andel positiva dold', 'Särskilt boende, antal svarande dold', 'Äldreomsorg totalt, andel positiva dold', 'Äldreomsorg totalt, antal svarande dold',
    ]);
  });
  it('leaves a count that is no sum with a hidden part, or one whose parts are all shown', () => {
    expect(shown([['Hemtjänst', 100, 80], ['Särskilt boende', 12, 75], ['Daglig verksamhet', 113, 70]]).filter((q) => q.includes('dold'))).toEqual(['Särskilt boende, andel positiva dold', 'Särskilt boende, antal svarande dold']);
    expect(shown([['Hemtjänst', 100, 80], ['Särskilt boende', 40, 75], ['Äldreomsorg totalt', 140, 78.6]]).filter((q) => q.includes('dold'))).toEqual([]);
  });
});
