import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { notePagesMissing } from '../../src/ingest/kolada-pages.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const URL_OF = (page: number) => `https://api.kolada.se/v3/data/kpi/U21468/municipality/1460,0000?page=${page}&per_page=2`;
const link = (page: number | null) => (page === null ? 'null' : JSON.stringify(URL_OF(page)));
const entry = (area: string, year: number) => `{"kpi":"U21468","municipality":"${area}","period":${year},"values":[{"gender":"T","count":1,"status":"","value":80,"isdeleted":false}]}`;
const page = (n: number, of: number, area: string) => `{"count":${2 * of},"values":[${entry(area, 2024)},${entry(area, 2025)}],"next_url":${link(n < of ? n + 1 : null)},"previous_url":${link(n > 1 ? n - 1 : null)}}`;
const read = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(defaultConfig(), {}, {}), file });
const said = (...inputs: ReturnType<typeof read>[]) => {
  notePagesMissing(inputs);
  return inputs.flatMap((i) => i.findings.filter((f) => f.code === 'kolada-page-missing').map((f) => `${f.file} ${f.severity} ${f.message.slice(0, 60)}`));
};

describe('notePagesMissing', () => {
  it('a saved first page whose next_url names a page no input holds is said, as a warning on that file', () => {
    expect(said(read('p1.json', page(1, 2, '1460')))).toEqual(['p1.json warning the response is one page of several, and page 2 (https://api']);
  });
  it('every page saved, as files in any order or as an array in one file: nothing said', () => {
    expect(said(read('p2.json', page(2, 3, '0000')), read('p1.json', page(1, 3, '1460')), read('p3.json', page(3, 3, '0001')))).toEqual([]);
    expect(said(read('all.json', `[${page(1, 2, '1460')},${page(2, 2, '0000')}]`))).toEqual([]);
  });
  it('a middle page missing is said by both its neighbours; a lone page with no links says nothing', () => {
    expect(said(read('p1.json', page(1, 3, '1460')), read('p3.json', page(3, 3, '0001')))).toEqual([
      'p1.json warning the response is one page of several, and page 2 (https://api',
      'p3.json warning the response is one page of several, and page 2 (https://api',
    ]);
    const lone = read('one.json', `{"count":2,"values":[${entry('1460', 2025)}],"next_url":null,"previous_url":null}`);
    expect([lone.pages, said(lone)]).toEqual([undefined, []]);
  });
  it('a v2 page (next_page) with no page number in its link cannot be matched: said', () => {
    const v2 = read('v2.json', `{"count":3,"values":[${entry('1460', 2025)}],"next_page":"http://api.kolada.se/v2/data/kpi/U21468/year/2025/next"}`);
    expect(said(v2)).toEqual(['v2.json warning the response is one page of several, and another page (http:']);
  });
});
