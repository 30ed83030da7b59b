import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detach, truncate } from '../../src/model/text.js';

describe('detach', () => {
  it('gives back exactly the same text, lone surrogates and all', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), minLength: 13, maxLength: 80 }), (s) => {
      const block = `x;${s};y`;
      expect(detach(block.slice(2, 2 + s.length))).toBe(s);
    }), { numRuns: 2000 });
  });
});

describe('truncate', () => {
  it('keeps one line of at most max characters', () => {
    expect(truncate('a\r\nb')).toBe('a⏎b');
    expect(truncate('x'.repeat(70), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
