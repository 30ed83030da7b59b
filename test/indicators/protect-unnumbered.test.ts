import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const WITH_N = 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)';
const WITHOUT_N = 'År;Kommun;Verksamhet;Fråga;Andel positiva (%)';
const shown = (configText: string, withN: string[], withoutN: string[]) => {
  const config = parseConfig(configText, 'c.json');
  const input = (file: string, head: string, rows: string[]) => parseInput(Buffer.from(`${head}\n${rows.map((r) => `2025;${r}`).join('\n')}\n`), { ...ingestOptions(config, {}, {}), file });
  return analyse([input('n.csv', WITH_N, withN), input('utan.csv', WITHOUT_N, withoutN)], config).quality.map((q) => `${q.area} ${q.suppressed ? 'dold' : q.value}`);
};

describe('protectUnnumbered', () => {
  it('hides a region\'s share without an n whose every municipality is in the data, one hidden: region 09\'s 83.3 % was Gotland\'s hidden 12 (a helper\'s attack)', () => {
    expect(shown('{}', ['0980;Hemtjänst;helhetssyn;12;83,3', '1460;Hemtjänst;helhetssyn;50;60,0'], ['09;Hemtjänst;helhetssyn;83,3'])).toEqual(['0980 dold', '1460 60', '09 dold']);
  });
  it('keeps one that holds municipalities absent from the data (Västra Götaland beside two of its 49)', () => {
    expect(shown('{}', ['1460;Hemtjänst;helhetssyn;50;60,0', '1461;Hemtjänst;helhetssyn;12;100,0'], ['14;Hemtjänst;helhetssyn;67,7'])).toEqual(['1460 60', '1461 dold', '14 67.7']);
  });
  it('hides a kommunalförbund\'s and the organisation\'s own share without an n: 67.7 % of the two beside 30 of 50 left the hidden 12 all positive (or 14 of 15, 16 of 18)', () => {
    const config = JSON.stringify({ organisation: { name: 'X', code: 'X', aliases: ['Gemensamt'] }, members: [{ code: 'KF1', kind: 'kommunalförbund', name: 'F', contains: ['1460', '1461'] }] });
    expect(shown(config, ['1460;Hemtjänst;helhetssyn;50;60,0', '1461;Hemtjänst;helhetssyn;12;100,0'], ['KF1;Hemtjänst;helhetssyn;67,7', 'Gemensamt;Hemtjänst;helhetssyn;67,7'])).toEqual(['KF1 dold', '1460 60', '1461 dold', 'X dold']);
  });
});
