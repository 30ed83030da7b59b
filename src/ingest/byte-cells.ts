/**
 * Reading rows straight from a block's bytes, for the row kinds whose common row is a handful of
 * repeated texts (a national answers file: 2M rows, a few hundred distinct texts). A row is cut
 * into cell bounds without making a string per cell; each cell's bytes are matched against the
 * texts its column has seen, and only a text seen for the first time is decoded and worked out.
 * The text path stays the reference: a row the byte path cannot take whole goes to it unchanged.
 * Either encoding a block can have (UTF-8, Windows-1252) cuts the same way: the delimiters, CR and
 * LF are single ASCII bytes in both, and a file switches to Windows-1252 only while every earlier
 * byte was ASCII, so texts seen before the switch read the same after it.
 */

/** Where each cell of a row is in its block: start and end (exclusive) of cell k at 2k and 2k + 1. */
export type CellBounds = Int32Array;

/** Reads one row from its cells' bytes; false when the row needs the text path. */
export type ByteRowReader = (bytes: Uint8Array, bounds: CellBounds, line: number) => boolean;

/** Decodes a piece of a block as the whole block would be decoded (UTF-8 or Windows-1252, see `BlockDecoder.text`). */
export type TextOf = (bytes: Uint8Array) => string;

/**
 * Whether a block may be cut by `eachByteLine` as the text path would cut its text: no quote, and
 * every CR the first half of a CRLF (the text path then cuts CRLF lines like LF lines).
 */
export function bytesCutLikeText(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0x22) >= 0) return false;
  for (let cr = bytes.indexOf(0x0d); cr >= 0; cr = bytes.indexOf(0x0d, cr + 1)) if (bytes[cr + 1] !== 0x0a) return false;
  return true;
}

/**
 * Cuts an unquoted block (see `bytesCutLikeText`) into lines and each line's cells, as
 * `eachUnquoted` cuts its text: a line ends at LF (its CR dropped), cells at the delimiter byte
 * (ASCII: no byte of a multi-byte UTF-8 character nor of a Windows-1252 letter is one).
 * `visit` gets the line's number, its byte range and its cell count (bounds are filled for the first
 * `bounds.length / 2` cells); it returns false to stop.
 */
export function eachByteLine(bytes: Uint8Array, delimiter: number, firstLine: number, bounds: CellBounds, visit: (line: number, start: number, end: number, cells: number) => boolean): void {
  const n = bytes.length;
  const room = bounds.length >> 1;
  let line = firstLine;
  let start = 0;
  let from = 0;
  let cells = 0;
  /** A delimiter or LF at `i`: a cell ends, and at LF its line too; false when the visit says stop. */
  const hit = (i: number): boolean => {
    if (bytes[i] === 0x0a) {
      const end = i > start && bytes[i - 1] === 0x0d ? i - 1 : i;
      if (cells < room) (bounds[2 * cells] = from), (bounds[2 * cells + 1] = end);
      const go = visit(line, start, end, cells + 1);
      line++;
      cells = 0;
      start = from = i + 1;
      return go;
    }
    if (cells < room) (bounds[2 * cells] = from), (bounds[2 * cells + 1] = i);
    cells++;
    from = i + 1;
    return true;
  };
  if (!eachMark(bytes, delimiter, hit) || start >= n) return;
  // The last line, with no LF after it.
  const end = bytes[n - 1] === 0x0d ? n - 1 : n;
  if (cells < room) (bounds[2 * cells] = from), (bounds[2 * cells + 1] = end);
  visit(line, start, end, cells + 1);
}

/** Whether words read from typed arrays put their first byte lowest (as every machine Node runs on but s390x). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Calls `hit` at each delimiter and LF byte, in order, until it returns false (then false). The
 * bytes are read four at a time where they are aligned, each word tested for both bytes at once
 * (a byte-at-a-time loop took ~0.14 s a million answer rows, this ~0.10 s; AMD EPYC, warm).
 */
function eachMark(bytes: Uint8Array, delimiter: number, hit: (i: number) => boolean): boolean {
  const n = bytes.length;
  // Bytes before the first aligned word, and after the last whole one, one at a time.
  const head = LITTLE_ENDIAN ? Math.min(n, (4 - (bytes.byteOffset & 3)) & 3) : n;
  const count = (n - head) >> 2;
  for (let i = 0; i < head; i++) if ((bytes[i] === delimiter || bytes[i] === 0x0a) && !hit(i)) return false;
  if (count > 0) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset + head, count);
    const marks = Math.imul(delimiter, 0x01010101);
    for (let w = 0; w < count; w++) {
      const v = words[w]!;
      for (let m = zeroBytes(v ^ marks) | zeroBytes(v ^ 0x0a0a0a0a); m !== 0; m &= m - 1) {
        if (!hit(head + (w << 2) + ((31 - Math.clz32(m & -m)) >> 3))) return false;
      }
    }
  }
  for (let i = head + (count << 2); i < n; i++) if ((bytes[i] === delimiter || bytes[i] === 0x0a) && !hit(i)) return false;
  return true;
}

/** The high bit of each byte of `v` that is zero, and no other bit (no carry crosses a byte). */
function zeroBytes(v: number): number {
  return ~(((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v | 0x7f7f7f7f);
}

/** A cell's text, trimmed as the text path trims a role's cell. */
export function cellText(bytes: Uint8Array, start: number, end: number, textOf: TextOf): string {
  return textOf(bytes.subarray(start, end)).trim();
}

/** One distinct cell text of a column: its bytes and what it means. */
interface Entry<T> {
  bytes: Uint8Array;
  value: T;
  /** The entry of the row after this one's last time (questions come in the same order each run). */
  next: Entry<T> | undefined;
  /** In the table (a column keeps at most MAX_ENTRIES texts). */
  kept: boolean;
}

/** Distinct texts a column keeps, as the text path's caches keep at most 100 000 (see `memo`). */
const MAX_ENTRIES = 100_000;

/**
 * What one column's cells mean, found by their bytes: the previous row's cell first (rows come in
 * runs), then the text that followed it last time, then (`keep: 'all'`) a hash table of the
 * texts seen; `keep: 'last'` remembers only the previous row's (respondent numbers, too many to
 * keep). `make` works a text out the first time it is seen, from the decoded, trimmed cell. One
 * class for every column and kind, so the row loop's calls stay monomorphic.
 */
export class ByteColumn<T> {
  private slots: (Entry<T> | undefined)[];
  private size = 0;
  private last: Entry<T> | undefined;
  /**
   * `keep: 'last'`: the previous cell's bytes, copied into one reused array. Not an entry per text:
   * entries linked one to the next kept each other alive through the old generation (a dead entry
   * promoted there keeps the next one alive at every young collection), 165 MB over 20M rows.
   */
  private lastBytes = new Uint8Array(32);
  private lastLength = -1;
  private lastValue: T | undefined;

  /**
   * `at` is the column's index; a role no column plays reads as `make(fixed)` (worked out at the
   * first row, as the text path works it out); `textOf` decodes a new cell.
   */
  constructor(private readonly at: number | undefined, private readonly fixed: string, private readonly make: (text: string) => T, private readonly textOf: TextOf, private readonly keep: 'all' | 'last' = 'all') {
    this.slots = keep === 'all' ? new Array<Entry<T> | undefined>(256).fill(undefined) : [];
  }

  get(bytes: Uint8Array, bounds: CellBounds): T {
    const last = this.last;
    if (this.at === undefined) return (this.last ??= { bytes: new Uint8Array(0), value: this.make(this.fixed), next: undefined, kept: true }).value;
    const start = bounds[2 * this.at]!;
    const end = bounds[2 * this.at + 1]!;
    if (this.keep === 'last') return this.previous(bytes, start, end);
    if (last !== undefined) {
      if (same(last.bytes, bytes, start, end)) return last.value;
      const next = last.next;
      if (next !== undefined && same(next.bytes, bytes, start, end)) {
        this.last = next;
        return next.value;
      }
    }
    const entry = this.find(bytes, start, end);
    // Past the cap an entry is not kept, nor linked from one that is: it would hold every later one.
    if (entry.kept) {
      if (last !== undefined) last.next = entry;
      this.last = entry;
    }
    return entry.value;
  }

  /** `keep: 'last'`: the previous cell's value when the bytes repeat, else the new text worked out. */
  private previous(bytes: Uint8Array, start: number, end: number): T {
    const n = end - start;
    const kept = this.lastBytes;
    if (n === this.lastLength && sameAt(kept, bytes, start, n)) return this.lastValue!;
    if (n > kept.length) this.lastBytes = new Uint8Array(2 * n);
    for (let i = 0; i < n; i++) this.lastBytes[i] = bytes[start + i]!;
    this.lastLength = n;
    return (this.lastValue = this.make(cellText(bytes, start, end, this.textOf)));
  }

  private entry(bytes: Uint8Array, start: number, end: number): Entry<T> {
    return { bytes: bytes.slice(start, end), value: this.make(cellText(bytes, start, end, this.textOf)), next: undefined, kept: false };
  }

  /** The entry of these bytes in the hash table (open addressing), added when new. */
  private find(bytes: Uint8Array, start: number, end: number): Entry<T> {
    const mask = this.slots.length - 1;
    for (let i = hashBytes(bytes, start, end) & mask; ; i = (i + 1) & mask) {
      const e = this.slots[i];
      if (e === undefined) break;
      if (same(e.bytes, bytes, start, end)) return e;
    }
    const entry = this.entry(bytes, start, end);
    if (this.size < MAX_ENTRIES) {
      entry.kept = true;
      this.add(entry);
    }
    return entry;
  }

  private add(entry: Entry<T>): void {
    if (2 * ++this.size > this.slots.length) {
      const old = this.slots;
      this.slots = new Array<Entry<T> | undefined>(2 * old.length).fill(undefined);
      for (const e of old) if (e !== undefined) this.place(e);
    }
    this.place(entry);
  }

  private place(entry: Entry<T>): void {
    const mask = this.slots.length - 1;
    let i = hashBytes(entry.bytes, 0, entry.bytes.length) & mask;
    while (this.slots[i] !== undefined) i = (i + 1) & mask;
    this.slots[i] = entry;
  }
}

/**
 * A Buffer as a plain Uint8Array over the same memory: its `slice` then copies (a Buffer's is a view
 * that would keep the block alive), and one element type keeps the comparisons monomorphic.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether `bytes` from `start` hold the first `n` bytes of `kept`. */
function sameAt(kept: Uint8Array, bytes: Uint8Array, start: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (kept[i] !== bytes[start + i]) return false;
  return true;
}

function same(kept: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  const n = kept.length;
  if (n !== end - start) return false;
  for (let i = 0; i < n; i++) if (kept[i] !== bytes[start + i]) return false;
  return true;
}

/** FNV-1a over a cell's bytes. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}
