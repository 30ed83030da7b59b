import { describe, expect, it } from 'vitest';
import { parseText } from './helpers.js';

describe('wide value rows', () => {
  it('keep the title column a long file keeps: a count of respondents is known by it', () => {
    const rows = [
      'U21468;Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%);1461;92',
      'U23592;Brukarbedömning hemtjänst äldreomsorg - antal svar;1461;29',
    ];
    const wide = parseText(`KPI;Titel;Kommun;2024\n${rows.join('\n')}\n`);
    const long = parseText(`KPI;Titel;Kommun;År;Värde\n${rows.map((r) => r.replace(/;(\d+)$/, ';2024;$1')).join('\n')}\n`);
    const titles = (r: typeof wide) => r.records.map((x) => (x as { title?: string }).title);
    expect(titles(long)).toEqual(['Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)', 'Brukarbedömning hemtjänst äldreomsorg - antal svar']);
    expect(titles(wide)).toEqual(titles(long));
  });
});
