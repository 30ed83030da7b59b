import type { Lang } from '../model/vocabulary.js';

/**
 * One entry of a phrasebook: the same word or sentence in Swedish and in English, side by side.
 * Both are of one type, so a sentence cannot take an argument in one language and not the other.
 * @example both((n: number) => `${n} fall`, (n) => `${n} cases`)
 */
export function both<T>(sv: T, en: T): { readonly sv: T; readonly en: T } {
  return { sv, en };
}

type Book = Readonly<Record<string, { readonly sv: unknown; readonly en: unknown }>>;

/** A phrasebook in one language: every entry's words for that language. */
export type InLang<B extends Book> = { readonly [K in keyof B]: B[K]['sv'] };

const cache = new WeakMap<Book, Partial<Record<Lang, unknown>>>();

/**
 * The phrasebook's entries in one language, made once per book and language.
 * @example inLang({ total: both('Totalt', 'Total') }, 'en').total // 'Total'
 */
export function inLang<B extends Book>(book: B, lang: Lang): InLang<B> {
  let langs = cache.get(book);
  if (langs === undefined) cache.set(book, (langs = {}));
  return (langs[lang] ??= Object.fromEntries(Object.entries(book).map(([k, v]) => [k, v[lang]]))) as InLang<B>;
}
