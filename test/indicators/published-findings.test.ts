import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const config = parseConfig('{}', 'test.json');
const report = (text: string) => analyse([parseInput(Buffer.from(text), { ...ingestOptions(config, {}, {}), file: 'k.csv' })], config);
const HEAD = 'År;Kommun;Verksamhet;Fråga;Kön;Antal svarande;Antal positiva;Andel positiva (%)';

describe('a finding on a survey row the report does not read quotes none of its figures', () => {
  it('a warning on a rejected row: "share 83.3 disagrees with positive/n = 108.3" was the hidden men\'s share (a helper\'s attack)', () => {
    const r = report(`${HEAD}\n2025;1460;Hemtjänst;helhetssyn;T;100;80;80,0\n2025;1460;Hemtjänst;helhetssyn;K;88;70;79,5\n2025;1460;Hemtjänst;helhetssyn;M;12;13;83,3\n`);
    expect(r.quality.filter((q) => !q.suppressed).map((q) => q.gender)).toEqual(['T']);
    const text = JSON.stringify(r.findings);
    expect(text).not.toMatch(/83[.,]3|108[.,]3/);
    expect(r.findings.filter((f) => f.code === 'value-share-mismatch')).toEqual([expect.not.objectContaining({ line: expect.anything() })]);
  });
  it('a warning on one of two rows set aside as a conflict: "share 80 disagrees with positive/n = 83.3" (10 of 12)', () => {
    const r = report(`${HEAD}\n2025;1460;Hemtjänst;helhetssyn;T;100;80;80,0\n2025;1460;Hemtjänst;helhetssyn;K;88;70;79,5\n2025;1460;Hemtjänst;helhetssyn;M;12;10;80,0\n2025;1460;Hemtjänst;helhetssyn;M;12;9;75,0\n`);
    expect(JSON.stringify(r.findings)).not.toMatch(/83[.,]3|disagrees/);
    expect(r.findings.map((f) => f.code)).toContain('value-share-mismatch');
  });
  it('a warning on a row that is read keeps its figures', () => {
    const r = report(`${HEAD}\n2025;1460;Hemtjänst;helhetssyn;T;100;80;70,0\n`);
    expect(r.findings.find((f) => f.code === 'value-share-mismatch')).toMatchObject({ line: 2, message: 'share 70 disagrees with positive/n = 80.0' });
  });
});
