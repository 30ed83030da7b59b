import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { isTotalService } from '../../src/indicators/service-totals.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const config = parseConfig('{}', 'test.json');
const report = (head: string, rows: string[]) => analyse([parseInput(Buffer.from(`${head}\n${rows.join('\n')}\n`), { ...ingestOptions(config, {}, {}), file: 'k.csv' })], config);
const HEAD = 'År;Kommun;Verksamhet;Fråga;Antal svarande;Antal positiva';

describe('isTotalService', () => {
  it('knows the labels of a total of services, a stub value joined to a service too', () => {
    for (const label of ['Totalt', 'Total', 'Samtliga verksamheter', 'Alla enheter', 'Äldreomsorg totalt', 'Totalt äldreomsorg', 'Hemtjänst / Totalt', 'Hemtjänst – Totalt', 'Summa', 'S:a']) expect(isTotalService(label), label).toBe(true);
    for (const label of ['Hemtjänst', 'Särskilt boende', 'Äldreomsorg', 'Totalförsvar', 'Allaktivitetshus', 'Korttidsboende']) expect(isTotalService(label), label).toBe(false);
  });
});

describe('a total of services beside them', () => {
  it('is left out, said: 130 − 110 gave the hidden 20 of Särskilt boende (found by a new-analyst helper)', () => {
    for (const total of ['Totalt', 'Äldreomsorg totalt', 'Samtliga verksamheter', 'Äldreomsorg']) {
      const r = report(HEAD, ['2025;1460;Hemtjänst;helhetssyn;110;95', '2025;1460;Särskilt boende;helhetssyn;20;12', `2025;1460;${total};helhetssyn;130;107`]);
      expect(r.quality.map((q) => `${q.service} ${q.suppressed ? 'dold' : q.n}`), total).toEqual(['Hemtjänst 110', 'Särskilt boende dold']);
      expect(r.findings.filter((f) => f.code === 'service-total-left-out').map((f) => f.message), total).toEqual([
        `${total} is the total of the file's other services (by its label or its respondents): left out, as a total beside the services would give a hidden one away; the services are reported`,
      ]);
    }
  });
  it('a unit column\'s total within a service, as its stub joins it', () => {
    const r = report('År;Kommun;Verksamhet;Enhet;Fråga;Antal svarande;Antal positiva', ['2025;1460;Hemtjänst;Norr;helhetssyn;85;75', '2025;1460;Hemtjänst;Söder;helhetssyn;22;13', '2025;1460;Hemtjänst;Totalt;helhetssyn;107;88']);
    expect(r.quality.map((q) => `${q.service} ${q.suppressed ? 'dold' : q.n}`)).toEqual(['Hemtjänst / Norr 85', 'Hemtjänst / Söder dold']);
  });
  it('stays where it is the file\'s only service, or where a service only happens to be larger than the others', () => {
    expect(report(HEAD, ['2025;1460;Totalt;helhetssyn;130;107']).quality.map((q) => q.service)).toEqual(['Totalt']);
    const apart = report(HEAD, ['2025;1460;Hemtjänst;helhetssyn;110;95', '2025;1460;Särskilt boende;helhetssyn;40;30', '2025;1460;Korttidsboende;helhetssyn;160;120']);
    expect(apart.quality.map((q) => q.service)).toEqual(['Hemtjänst', 'Korttidsboende', 'Särskilt boende']);
    expect(apart.findings.some((f) => f.code === 'service-total-left-out')).toBe(false);
  });
});
