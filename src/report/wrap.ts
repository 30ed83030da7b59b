import stringWidth from 'string-width';

/** Letters, digits and punctuation of the Latin scripts: one column each, no colour codes. */
const LATIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f]*$/;
/** Widths of the other texts met (symbols, dashes, sparklines: few, and met on every row). */
const measured = new Map<string, number>();

/**
 * A text's display width as `string-width` gives it (colour codes take none, wide characters two).
 * That builds its emoji pattern anew on every call, and a national table measures ~10⁶ cells and
 * words: Latin text is counted, and other texts are asked once (the remembered ones are let go past
 * 4096, so hostile data cannot grow them).
 */
export function displayWidth(text: string): number {
  if (LATIN.test(text)) return text.length;
  let width = measured.get(text);
  if (width === undefined) {
    if (measured.size >= 4096) measured.clear();
    measured.set(text, (width = stringWidth(text)));
  }
  return width;
}

/** A piece of text that wrapping never breaks, and its display width. */
export interface Unit {
  readonly text: string;
  readonly width: number;
}

const UNIT = /^(?:%|kr|tkr|mnkr|SEK|kSEK|MSEK|pe|pp|p\.e\.|år|years?)(?![\p{L}\p{N}])/u;
const DIGIT_END = /\p{N}$/u;
const DIGIT_START = /^\p{N}/u;
const NO_WORD = /^[^\p{L}\p{N}]+$/u;
/** Colour codes, left out when a word's kind is judged (a painted `✓` is still a bare symbol). */
const plain = (s: string) => (s.includes('\u001b') ? s.replace(/\u001b\[[\d;]*m/g, '') : s);

/**
 * A text's paragraphs (its lines as given) as units: its words, except that a digit group after a
 * number (`12 463`), a unit after a number (`87,3 %`, `-6 678 tkr`), any word after a bare symbol
 * (`→ ingen`, `✓ grön`) and a bare symbol ending the line (`… ━━`) are joined to what comes before,
 * so that no line ends in half a number or a lone mark. Runs of spaces count as one.
 */
export function units(text: string): Unit[][] {
  return text.split('\n').map((line) => {
    const words: string[] = [];
    let before: string | undefined;
    for (const word of line.split(' ')) {
      if (word === '') continue;
      const next = plain(word);
      const glue = before !== undefined && ((DIGIT_END.test(before) && (DIGIT_START.test(next) || UNIT.test(next))) || NO_WORD.test(before));
      if (glue) {
        words[words.length - 1] += ` ${word}`;
        before = `${before} ${next}`;
      } else {
        words.push(word);
        before = next;
      }
    }
    if (words.length > 1 && NO_WORD.test(plain(words.at(-1)!))) words.splice(-2, 2, `${words.at(-2)!} ${words.at(-1)!}`);
    return words.map((w) => ({ text: w, width: displayWidth(w) }));
  });
}

/**
 * Units laid into lines of at most `width` columns, greedily; a unit is never cut, so one wider than
 * `width` stands alone on a line that is wider.
 */
export function layUnits(paragraphs: readonly (readonly Unit[])[], width: number): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    let used = -1;
    for (const unit of paragraph) {
      if (used < 0) {
        line = unit.text;
        used = unit.width;
      } else if (used + 1 + unit.width <= width) {
        line += ` ${unit.text}`;
        used += 1 + unit.width;
      } else {
        out.push(line);
        line = unit.text;
        used = unit.width;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Text broken into lines of at most `width` columns at its spaces (see `units` for the spaces that
 * do not break), its own line breaks kept; a word is never cut. Widths are display widths, so text
 * painted within a word wraps as it shows; a table paints its cells after wrapping them instead, so
 * no colour runs past the end of a line into the border.
 * @example wrapWords('Nöjdhet totalt (helhetssyn)', 15) // ['Nöjdhet totalt', '(helhetssyn)']
 */
export function wrapWords(text: string, width: number): string[] {
  return layUnits(units(text), width);
}

/** The widest line of a text as it stands. */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}
