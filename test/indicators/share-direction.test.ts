import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { negativeShares } from '../../src/indicators/share-direction.js';
import { settingsOf } from '../../src/indicators/settings.js';

const text = (header: string) => `År;Kommun;Verksamhet;Fråga;Antal svarande;${header}\n2024;1460;Hemtjänst;Helhetssyn;100;11\n2025;1460;Hemtjänst;Helhetssyn;100;14\n`;
const read = (header: string, config = parseConfig('{}', 'test.json')) => parseInput(Buffer.from(text(header)), { ...ingestOptions(config, { columns: { share: header } }, {}), file: 's.csv' });

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
});
