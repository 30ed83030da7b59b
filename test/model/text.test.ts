import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detach, firstNamed, truncate, visible, visibleLabel } from '../../src/model/text.js';

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

describe('visible: nothing from data controls a terminal or hides itself', () => {
  it('escapes ESC, CR, LF, C1, bidi overrides, zero-width characters and the BOM; leaves Swedish text alone', () => {
    expect(visible('ok\u001b]0;pwned\u0007\u001b[2J')).toBe('ok\\x1b]0;pwned\\x07\\x1b[2J');
    expect(visible('a\r\n::error title=x::y')).toBe('a\\x0d\\x0a::error title=x::y');
    expect(visible('\u202egnp.exe\u200b\u2066\ufeff\u0085\u00ad')).toBe('\\u202egnp.exe\\u200b\\u2066\\ufeff\\x85\\xad');
    expect(visible('Äldreomsorg – hemtjänst 24" (§ 5) €')).toBe('Äldreomsorg – hemtjänst 24" (§ 5) €');
  });
  it('truncate shows the escapes too', () => {
    expect(truncate('x\u001b[31my')).toBe('x\\x1b[31my');
  });
});

describe('visibleLabel: a label keeps its line breaks, nothing else hides or controls', () => {
  it('keeps LF, CRLF and tabs; escapes a lone CR, ESC and bidi overrides', () => {
    expect(visibleLabel('Två\nrader\r\noch\ttabb')).toBe('Två\nrader\r\noch\ttabb');
    expect(visibleLabel('FAIL\rOK \u001b[32m\u202e')).toBe('FAIL\\x0dOK \\x1b[32m\\u202e');
  });
});

describe('firstNamed', () => {
  it('names up to max items, then how many more', () => {
    expect(firstNamed([], 3)).toBe('');
    expect(firstNamed(['a', 'b', 'c'], 3)).toBe('a, b, c');
    expect(firstNamed(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c and 2 more');
  });
});
