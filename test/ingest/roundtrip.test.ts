import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import type { SurveyRecord } from '../../src/model/records.js';
import { MUNICIPALITIES } from '../../src/model/register.js';

const codes = [...MUNICIPALITIES.keys()];
const services = ['Hemtjänst', 'Särskilt boende', 'Dag; verksamhet', 'Kort, "växel"', 'Två\nrader', 'Äldre Å Ö'];

const record = fc.record({
  code: fc.constantFrom(...codes),
  year: fc.integer({ min: 2010, max: 2025 }),
  service: fc.constantFrom(...services),
  question: fc.constantFrom('helhetssyn', 'trygghet', 'bemötande'),
  // A figure of no respondents is set aside (n-zero; records.test.ts): the valid ones have one or more.
  n: fc.integer({ min: 1, max: 250_000 }),
  tenths: fc.integer({ min: 0, max: 1000 }),
});

const dialect = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t'),
  decimal: fc.constantFrom(',', '.'),
  thousands: fc.constantFrom('', ' ', '\u00a0', '\u202f'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  latin1: fc.boolean(),
  nameStyle: fc.constantFrom('code', 'code name', 'name kommun'),
});

function cell(text: string, delimiter: string, quoteAll: boolean): string {
  return quoteAll || text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

describe('round trip: random valid records in every dialect read back unchanged', () => {
  it('survey files', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { minLength: 1, maxLength: 25, selector: (r) => `${r.code}|${r.year}|${r.service}|${r.question}` }), dialect, (rows, d) => {
        const nl = d.crlf ? '\r\n' : '\n';
        const share = (t: number) => (t / 10).toFixed(1).replace('.', d.decimal);
        const n = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, d.thousands);
        const area = (code: string) => (d.nameStyle === 'code' ? code : d.nameStyle === 'code name' ? `${code} ${MUNICIPALITIES.get(code)}` : `${MUNICIPALITIES.get(code)} kommun`);
        const lines = [['År', 'Kommun', 'Verksamhet', 'Fråga', 'Antal svarande', 'Andel positiva'].map((h) => cell(h, d.delimiter, d.quoteAll)).join(d.delimiter)];
        for (const r of rows) {
          lines.push([String(r.year), area(r.code), r.service, r.question, n(r.n), share(r.tenths)].map((c) => cell(c, d.delimiter, d.quoteAll)).join(d.delimiter));
        }
        const text = `${lines.join(nl)}${nl}`;
        const latin1 = d.latin1 && /^[\u0000-\u00ff]*$/.test(text);
        const body = latin1 ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
        const bytes = d.bom && !latin1 ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        // The decimal mark is the file's, stated as a user would when the data cannot show it.
        const parsed = parseInput(bytes, { ...ingestOptions(defaultConfig(), { decimal: d.decimal }, {}), file: 'x.csv' });
        expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(parsed.counts).toEqual({ read: rows.length, used: rows.length, rejected: 0, ignored: 0 });
        const back = (parsed.records as SurveyRecord[]).map((r) => ({ code: r.area.code, year: Number(r.period), service: r.service, question: r.indicator, n: r.n, tenths: Math.round(r.share! * 10) }));
        expect(back).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
  it('the decimal mark is detected when the data show it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 3, maxLength: 20 }), fc.constantFrom(';', ',', '\t'), fc.constantFrom(',', '.'), (tenths, delimiter, decimal) => {
        // Shares with a non-zero tenth are unambiguous (`87,5` cannot be a grouped thousand).
        const shares = tenths.map((t) => `${Math.floor(t / 10)}${decimal}${(t % 10) || 5}`);
        const text = `Kommun${delimiter}År${delimiter}Fråga${delimiter}Antal svarande${delimiter}Andel\n${shares.map((s, i) => `1460${delimiter}${2000 + i}${delimiter}q${delimiter}100${delimiter}${cell(s, delimiter, false)}`).join('\n')}\n`;
        const parsed = parseInput(new TextEncoder().encode(text), { ...ingestOptions(defaultConfig(), {}, {}), file: 'x.csv' });
        expect(parsed.decimal).toBe(decimal);
        expect((parsed.records as SurveyRecord[]).map((r) => r.share)).toEqual(shares.map((s) => Number(s.replace(',', '.'))));
      }),
      { numRuns: 200 },
    );
  });
});
