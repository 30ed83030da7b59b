/**
 * Folds a label for matching: lower case, accents removed (å→a, ö→o), punctuation that people
 * use interchangeably (`_`, `-`, `.`, `/`) and runs of white space (incl. NBSP) to one space.
 * @example normalizeLabel('Antal_svarande ') // 'antal svarande'
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-–./:]+/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Shortens received text for messages so a 10 MB cell never floods a terminal. */
export function truncate(text: string, max = 60): string {
  const oneLine = text.replace(/\r?\n/g, '⏎');
  return detach(visible(oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`));
}

/**
 * Control characters (ESC, CR, LF, C1), bidi overrides and isolates, zero-width and other
 * invisible format characters: what could move a terminal's cursor, recolour it, forge a line,
 * or make text read other than it is stored.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/**
 * Text from data as it may be shown anywhere (terminal, CI log, Markdown, CSV): every invisible or
 * controlling character written out as an escape, `\x1b`, `\u202e`.
 * @example visible('ok\u001b[2J') // 'ok\\x1b[2J'
 */
export function visible(text: string): string {
  if (!INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE_ALL, escapeChar);
}

const escapeChar = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};
const INVISIBLE_BUT_LINES = /(?:\r(?!\n))|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/g;

/**
 * A label from data (a service, question or activity) as `visible` shows it, its line breaks and
 * tabs kept: a name may span lines in its cell. Whoever prints it on one line (stderr, Markdown)
 * folds them; a lone CR, which would return a terminal's cursor over the line, is escaped.
 */
export function visibleLabel(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_BUT_LINES, escapeChar) : text;
}

/**
 * The same text, no longer tied to the text it was cut from. V8 keeps a cut of 13 characters or
 * more as a view into its parent, so one kept cell would keep its whole decoded block alive (with
 * 1 MiB blocks a 20M-row file held most of them). Only for texts that are kept: it copies.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Turns a display name into a safe file-name part: `Lilla Edet` → `lilla-edet`. */
export function slug(text: string): string {
  const s = normalizeLabel(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.length > 0 ? s.slice(0, 60) : 'x';
}

/** Distinct texts, numbered in order of first appearance. */
export class TextIndex {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.values.push(text) - 1));
    return id;
  }

  /** Gives id `id` another text (a text already in the index keeps its own id). */
  rename(id: number, text: string): void {
    this.ids.delete(this.values[id]!);
    this.values[id] = text;
    if (!this.ids.has(text)) this.ids.set(text, id);
  }
}

/**
 * The first `max` items joined with commas, then how many more: how a message names a list it
 * cannot give whole.
 * @example firstNamed(['0180', '1280', '1480', '2480'], 3) // '0180, 1280, 1480 and 1 more'
 */
export function firstNamed(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
