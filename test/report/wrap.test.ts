import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, units, widestLine, wrapWords } from '../../src/report/wrap.js';

const words = (s: string) => s.split(/[ \n]+/).filter(Boolean);

describe('wrapWords', () => {
  it('breaks at spaces, never inside a word', () => {
    expect(wrapWords('Nöjdhet totalt (helhetssyn)', 15)).toEqual(['Nöjdhet totalt', '(helhetssyn)']);
    expect(wrapWords('Nöjdhet totalt (helhetssyn)', 27)).toEqual(['Nöjdhet totalt (helhetssyn)']);
    expect(wrapWords('Individ- och familjeomsorg', 12)).toEqual(['Individ- och', 'familjeomsorg']);
  });
  it('leaves a word wider than the line whole, on a line of its own', () => {
    expect(wrapWords('Socialförvaltningen i Bengtsfors', 10)).toEqual(['Socialförvaltningen', 'i', 'Bengtsfors']);
  });
  it('keeps the text\'s own line breaks', () => {
    expect(wrapWords('Äldreomsorg\nhemtjänst och boende', 12)).toEqual(['Äldreomsorg', 'hemtjänst', 'och boende']);
    expect(wrapWords('a\n\nb', 5)).toEqual(['a', '', 'b']);
  });
  it('keeps numbers, their units and a symbol with its word together', () => {
    expect(units('-6 678 tkr ⚠ optimistisk?')[0]!.map((u) => u.text)).toEqual(['-6 678 tkr', '⚠ optimistisk?']);
    expect(units('75,0 % (62,8–84,2)')[0]!.map((u) => u.text)).toEqual(['75,0 %', '(62,8–84,2)']);
    expect(units('+4,6 pe (2024)')[0]!.map((u) => u.text)).toEqual(['+4,6 pe', '(2024)']);
    expect(wrapWords('→ ingen tydlig trend', 8)).toEqual(['→ ingen', 'tydlig', 'trend']);
    expect(wrapWords('━━ Socialförvaltningen Bengtsfors ━━', 22)).toEqual(['━━ Socialförvaltningen', 'Bengtsfors ━━']);
    // A word after a unit breaks as any word does.
    expect(wrapWords('från 82 % till 88 % sedan 2016', 9)).toEqual(['från 82 %', 'till 88 %', 'sedan', '2016']);
  });
  it('measures coloured words by what shows, and keeps a painted symbol with its word', () => {
    const green = (s: string) => `\u001b[32m${s}\u001b[39m`;
    expect(wrapWords(`Resultat: +12,3 mnkr ${green('✓ grön')}`, 20)).toEqual(['Resultat: +12,3 mnkr', green('✓ grön')]);
  });
  it('property: no line wider than the width unless it is one word, and every word kept in order', () => {
    const word = fc.oneof(fc.constantFrom('Hemtjänst', 'och', '→', '12', '345', 'tkr', '%', 'särskilt', '漢字', '(2024)', '–'), fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[\s\u001b]/g, 'x')));
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), (ws, width) => {
      const text = ws.join(' ');
      const lines = wrapWords(text, width);
      expect(words(lines.join(' '))).toEqual(words(text));
      for (const line of lines) if (stringWidth(line) > width) expect(units(line)).toHaveLength(1);
    }), { numRuns: 300 });
  });
});

describe('displayWidth', () => {
  it('property: what string-width gives, for any text', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Äldreomsorg', '→ ingen tydlig trend', '▁▂▃█', '漢字', '\u001b[31mröd\u001b[39m', 'a\u0301', '©®', '👍🏽'));
    fc.assert(fc.property(text, (s) => {
      expect(displayWidth(s)).toBe(stringWidth(s));
    }), { numRuns: 500 });
  });
  it('widestLine measures each line', () => {
    expect(widestLine('ab\nabcd\n')).toBe(4);
  });
});
