import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/report/json-chunks.js';

describe('jsonChunks: the bytes of JSON.stringify(v, null, 2), in pieces', () => {
  it('property: any JSON value, with long arrays among it', () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 4, maxLength: 12 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), long, fc.string(), (v, l, key) => {
        for (const value of [v, { [key]: l, rest: v, none: undefined }, [l, { files: [{ findings: l }] }]]) {
          expect([...jsonChunks(value, '', 0, 3)].join('')).toBe(JSON.stringify(value, null, 2));
        }
      }),
      { numRuns: 100 },
    );
  });
  it('a long array is not one string: no piece holds more than one element', () => {
    const findings = Array.from({ length: 5000 }, (_, i) => ({ code: 'value-required', line: i + 2 }));
    const pieces = [...jsonChunks({ files: [{ findings }] })];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
    expect(pieces.join('')).toBe(JSON.stringify({ files: [{ findings }] }, null, 2));
  });
});
