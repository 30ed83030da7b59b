import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { notePagesMissing } from '../../src/ingest/kolada-pages.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';

const URL_OF = (page: number) => `https://api.kolada.se/v3/data/kpi/U21468/municipality/1460,0000?page=${page}&per_page=2`;
const link = (page: number | null) => (page === null ? 'null' : JSON.stringify(URL_OF(page)));
const entry = (area: string, year: number) => `{"kpi":"U21468","municipality":"${area}","period":${year},"values":[{"gender":"T","count":1,"status":"","value":80,"isdeleted":false}]}`;
/** Page n of a response of `of` pages, two values each; `previous: false` leaves its previous_url out, as some saved pages do. */
const page = (n: number, of: number, area: string, previous = true) =>
  `{"count":${2 * of},"values":[${entry(area, 2024)},${entry(area, 2025)}],"next_url":${link(n < of ? n + 1 : null)}${previous ? `,"previous_url":${link(n > 1 ? n - 1 : null)}` : ''}}`;
const read = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(defaultConfig(), {}, {}), file });
const said = (...inputs: ReturnType<typeof read>[]) => {
  notePagesMissing(inputs);
  return inputs.flatMap((i) => i.findings.filter((f) => f.code === 'kolada-page-missing').map((f) => `${f.file} ${f.severity} ${f.message.slice(f.message.indexOf(', and') + 6, f.message.indexOf(' among'))}`));
};

describe('notePagesMissing', () => {
  it('a saved first page whose response counts more values than the inputs hold is said, as a warning on that file', () => {
    const p1 = read('p1.json', page(1, 2, '1460'));
    expect(said(p1)).toEqual(['p1.json warning 2 of its 4 values are']);
    expect(p1.findings.find((f) => f.code === 'kolada-page-missing')!.message).toBe(`a page of a paged response (${URL_OF(2)}), and 2 of its 4 values are among the inputs: the values of its missing pages are missing from the report (save every page, following next_url until it is null, and name them all)`);
  });
  it('every page saved, as files in any order or as an array in one file: nothing said', () => {
    expect(said(read('p2.json', page(2, 3, '0000')), read('p1.json', page(1, 3, '1460')), read('p3.json', page(3, 3, '0001')))).toEqual([]);
    expect(said(read('all.json', `[${page(1, 2, '1460')},${page(2, 2, '0000')}]`))).toEqual([]);
  });
  it('a last page with no links at all (no previous_url) counts toward the response of its count', () => {
    expect(said(read('p1.json', page(1, 2, '1460')), read('p2.json', page(2, 2, '0000', false)))).toEqual([]);
    // Alone, its count says the response has more values than it holds.
    expect(said(read('p2.json', page(2, 2, '0000', false)))).toEqual(['p2.json warning 2 of its 4 values are']);
  });
  it('a middle page missing is said on each page held; a lone page with no links says nothing', () => {
    expect(said(read('p1.json', page(1, 3, '1460')), read('p3.json', page(3, 3, '0001')))).toEqual(['p1.json warning 4 of its 6 values are', 'p3.json warning 4 of its 6 values are']);
    expect(said(read('one.json', `{"count":2,"values":[${entry('1460', 2024)},${entry('1460', 2025)}],"next_url":null,"previous_url":null}`))).toEqual([]);
  });
  it('with no count, a page its links name that no input holds is said', () => {
    const noCount = (text: string) => text.replace(/"count":\d+,/, '');
    expect(said(read('p1.json', noCount(page(1, 2, '1460'))))).toEqual(['p1.json warning not every page it links to is']);
    expect(said(read('p1.json', noCount(page(1, 2, '1460'))), read('p2.json', noCount(page(2, 2, '0000'))))).toEqual([]);
  });
  it('a v2 link with no page number stands for its own response, held to its count', () => {
    const v2 = read('v2.json', `{"count":3,"values":[${entry('1460', 2025)}],"next_page":"http://api.kolada.se/v2/data/kpi/U21468/year/2025/next"}`);
    expect(said(v2)).toEqual(['v2.json warning 1 of its 3 values are']);
  });
});
