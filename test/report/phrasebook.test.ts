import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_WORDS } from '../../src/report/charts/words.js';
import { FINDING_WORDS } from '../../src/report/finding-words.js';
import { HISTORY_WORDS } from '../../src/report/history-words.js';
import { PEER_WORDS } from '../../src/report/peer-view.js';
import { both, inLang } from '../../src/report/phrasebook.js';
import { PHRASES } from '../../src/report/phrases.js';
import { WORDS } from '../../src/report/words.js';

const SRC = resolve(import.meta.dirname, '../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('phrasebooks', () => {
  it('give each entry in the language asked for', () => {
    const book = { total: both('Totalt', 'Total'), cases: both((n: number) => `${n} fall`, (n) => `${n} cases`) };
    expect(inLang(book, 'sv').total).toBe('Totalt');
    expect(inLang(book, 'en').cases(3)).toBe('3 cases');
    expect(inLang(book, 'en')).toBe(inLang(book, 'en'));
  });
  it('have every entry in both languages, of one kind and taking the same arguments', () => {
    for (const book of [WORDS, PHRASES, CHART_WORDS, FINDING_WORDS, HISTORY_WORDS, PEER_WORDS] as Record<string, { sv: unknown; en: unknown }>[]) {
      for (const [key, { sv, en }] of Object.entries(book)) {
        expect(typeof en, key).toBe(typeof sv);
        if (typeof sv === 'function') expect((en as () => string).length, key).toBe(sv.length);
        if (typeof sv === 'string') expect(sv.length > 0 && (en as string).length > 0, key).toBe(true);
        if (typeof sv === 'object') expect(Object.keys(en as object), key).toEqual(Object.keys(sv as object));
      }
    }
  });
  it('are where words are chosen by language: no renderer, indicator or command asks which language it is', () => {
    const asking = sources(SRC).flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
        /(lang|language)\s*[!=]==\s*'(sv|en)'|\bsv\s*\?|'(sv|en)'\s*[!=]==/.test(line) ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`] : []));
    expect(asking).toEqual([]);
  });
});
