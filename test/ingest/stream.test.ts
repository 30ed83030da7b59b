import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { createIngest, type ParsedInput } from '../../src/ingest/parse-input.js';

function ingest(bytes: Uint8Array, chunkSizes: number[], blockBytes?: number): ParsedInput {
  const i = createIngest({ ...ingestOptions(defaultConfig(), {}, {}), file: 'x.csv', ...(blockBytes ? { blockBytes } : {}) });
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    i.write(bytes.subarray(at, at + size));
    at += size;
  }
  return i.end();
}

const cellText = fc.constantFrom('Hemtjänst', 'a;b', 'x\r\ny', 'två\nrader', 'citat ""här""', 'Särskilt boende', '');
const row = fc.record({ code: fc.constantFrom('1460', '1461 Mellerud', '0680', '9999', '680'), year: fc.constantFrom('2023', '2024', '2025-13'), service: cellText, share: fc.constantFrom('87,5', '104,5', '..', '12', 'x') });

describe('streaming ingest: the same result whatever the chunk and block boundaries', () => {
  it('property: random files with quoted newlines, CRLF and bad rows', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 8, max: 300 }),
        (rows, nl, bom, chunks, blockBytes) => {
          const q = (c: string) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          const text = `År;Kommun;Verksamhet;Fråga;Antal svarande;Andel${nl}${rows.map((r, i) => [r.year, r.code, q(r.service), `q${i}`, '100', r.share].join(';')).join(nl)}${nl}`;
          const bytes = new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${text}`);
          const whole = ingest(bytes, [bytes.length]);
          const streamed = ingest(bytes, chunks, blockBytes);
          expect(streamed).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('property: past the first 2000 rows (rows handed on as cut), blank lines, bad rows and the row limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2001, max: 2300 }),
        fc.constantFrom('\n', '\r\n'),
        fc.option(fc.integer({ min: 1990, max: 2400 }), { nil: undefined }),
        fc.integer({ min: 40, max: 4000 }),
        (count, nl, maxRows, blockBytes) => {
          const lines = Array.from({ length: count }, (_, i) => (i % 97 === 50 ? '' : i % 89 === 3 ? '1460;2024;bad' : `${i % 7 === 0 ? '1461 Mellerud' : '1460'};2024;q${i};100;${i % 13 === 0 ? '..' : '85,5'}`));
          const bytes = Buffer.from(`Kommun;År;Fråga;Antal svarande;Andel${nl}${lines.join(nl)}${nl}`);
          const read = (block?: number) => {
            const i = createIngest({ ...ingestOptions(defaultConfig(), {}, maxRows === undefined ? {} : { maxRows }), file: 'x.csv', ...(block ? { blockBytes: block } : {}) });
            for (let at = 0; at < bytes.length; at += 1000) if (!i.write(bytes.subarray(at, at + 1000))) break;
            return i.end();
          };
          const whole = read(bytes.length + 1);
          expect(read(blockBytes)).toEqual(whole);
        },
      ),
      { numRuns: 60, examples: [[2134, '\r\n', 2111, 40]] },
    );
  });
  it('a CRLF split across two chunks is one line break', () => {
    const bytes = new TextEncoder().encode('Kommun;År;Fråga;Antal svarande;Andel\r\n1460;2024;a;100;85\r\n1461;2024;a;100;86\r\n');
    const split = bytes.indexOf(0x0d, 40) + 1;
    const r = ingest(bytes, [split, bytes.length], 16);
    expect(r.records.map((x) => x.source.line)).toEqual([2, 3]);
    expect(r).toEqual(ingest(bytes, [bytes.length]));
  });
  it('Latin-1 bytes after a long ASCII start switch the file to Windows-1252, as a whole-file read would', () => {
    const ascii = Array.from({ length: 200 }, (_, i) => `1460;${2000 + (i % 26)};q${i};100;85`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`Kommun;Ar;Fraga;Antal svarande;Andel\n${ascii}\n`), Buffer.from('1461;2024;tr\u00e4ff;100;80\n', 'latin1')]);
    const r = ingest(bytes, [1000], 512);
    expect(r.encoding).toBe('windows-1252');
    expect(r.findings.map((f) => f.code)).toContain('encoding-detected');
    expect(r.records.at(-1)).toMatchObject({ indicator: 'träff' });
  });
  it('a file that is UTF-8 early and has a bad byte late is damaged UTF-8, with the position', () => {
    const bytes = Buffer.concat([Buffer.from('Kommun;År;Fråga;Antal svarande;Andel\n1460;2024;a;100;85\n'), Buffer.from('1461;2024;tr\u00e4ff;100;80\n', 'latin1')]);
    const r = ingest(bytes, [7], 16);
    expect(r.findings).toMatchObject([{ code: 'encoding-invalid', line: 3, column: 13 }]);
    expect(r.records).toEqual([]);
  });
  it('reads a record longer than its pending bytes can first hold (a 6 MB quoted cell) as the whole text does', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `1460;2024;q${i};100;85`);
    const text = `Kommun;År;Fråga;Antal svarande;Andel\n${rows.join('\n')}\n1461;2024;"${'lång\n'.repeat(1_000_000)}";100;70\n${rows.map((r) => `1461${r.slice(4)}`).join('\n')}\n`;
    const bytes = Buffer.from(text);
    const whole = ingest(bytes, [bytes.length]);
    expect(whole.records).toHaveLength(6001);
    expect(ingest(bytes, [1 << 20, 4099])).toEqual(whole);
  });
  it('stops reading at the row limit', () => {
    const bytes = Buffer.from(`Kommun;År;Fråga;Antal svarande;Andel\n${Array.from({ length: 500 }, (_, i) => `1460;2024;q${i};100;85`).join('\n')}\n`);
    const i = createIngest({ ...ingestOptions(defaultConfig(), {}, { maxRows: 10 }), file: 'x.csv', blockBytes: 64 });
    let more = true;
    for (let at = 0; at < bytes.length && more; at += 32) more = i.write(bytes.subarray(at, at + 32));
    expect(more).toBe(false);
    const r = i.end();
    expect(r.counts.read).toBe(10);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['rows-limit']);
  });
});

describe('streaming ingest: rows beyond what a function call can take as arguments', () => {
  it('a stray quote early in a block of 150 000 rows is read, not a RangeError', () => {
    const lines = ['Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår'];
    for (let i = 0; i < 150_000; i++) lines.push(`2024-01;Bengtsfors kommun;${i === 10 ? 'IT-skärmar 24"' : `Rad ${i}`};100;10;11;101`);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const r = ingest(bytes, [bytes.length], bytes.length + 1);
    expect(r.counts.read).toBe(150_000);
    expect(r.counts.read).toBe(r.counts.used + r.counts.rejected + r.counts.ignored);
  });
});

describe('streaming ingest: one record is bounded', () => {
  it('a record that runs past the bound without ending (an unterminated quote) is one finding, the file not held', () => {
    const bytes = Buffer.from(`År;Kommun;Fråga;Antal svarande;Andel positiva (%)\n2024;"1460;${'x'.repeat(300_000)}\n${'2024;1460;q;1;1\n'.repeat(10)}`);
    const i = createIngest({ ...ingestOptions(defaultConfig(), {}, {}), file: 'x.csv', maxRecordBytes: 100_000 });
    let fed = 0;
    for (let at = 0; at < bytes.length; at += 65_536) if (i.write(bytes.subarray(at, at + 65_536))) fed = at;
    const r = i.end();
    expect(fed).toBeLessThan(200_000);
    expect(r.findings.map((f) => `${f.code}: ${f.message}`)).toEqual(['record-too-long: one record runs past 100000 bytes without ending (an unterminated quote, or not a CSV file)']);
    expect(r.counts.read).toBe(0);
  });
});
