import { finding, type Finding } from '../model/findings.js';

/** Entries per chunk (a power of two): chunks are never copied as they grow (2M answers: 24 MB in 31 chunks). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const WIDTH = 3;

/**
 * Every answer that names its respondent, as a 64-bit hash of its key (area, year, service,
 * question, respondent number) and its line: 12 bytes an answer in typed arrays, where a map of key
 * texts would hold ~100 bytes an answer and a string each. Filled in line order.
 */
export class RespondentKeys {
  /** Entry i is at `chunks[i >>> CHUNK_BITS]`, from `(i & (CHUNK - 1)) * 3`: hash high, hash low, line. */
  readonly chunks: Uint32Array[] = [];
  length = 0;

  /**
   * A cell's part of the key (area, year, service, question) as a number: a row's key is then
   * this and its respondent number, so a national file's rows hash a few characters each instead
   * of ~45 (a respondent's rows come in runs of questions: the caller keeps it per cell).
   */
  static cellHash(area: string, period: string, service: string, question: string): number {
    h1 = 0x811c9dc5;
    h2 = 0x9747b28c;
    hashText(area);
    hashText(period);
    hashText(service);
    hashText(question);
    // 53 bits: exact in a double.
    return (mix(h1) & 0x1fffff) * 0x100000000 + mix(h2);
  }

  /** Adds the answer of `respondent` in the cell with this hash (`cellHash`), read on `line`. */
  add(cell: number, respondent: string, line: number): void {
    h1 = Math.floor(cell / 0x100000000) | 0;
    h2 = cell | 0;
    hashText(respondent);
    this.push(mix(h1), mix(h2 ^ h1), line);
  }

  push(hi: number, lo: number, line: number): void {
    const c = this.length >>> CHUNK_BITS;
    // The first chunk grows from small (most files have few answers), later ones are made whole.
    let chunk = this.chunks[c];
    const at = (this.length & (CHUNK - 1)) * WIDTH;
    if (chunk === undefined || at >= chunk.length) {
      const next = new Uint32Array(c === 0 ? Math.min(CHUNK, Math.max(1024, (chunk?.length ?? 0) / WIDTH * 4)) * WIDTH : CHUNK * WIDTH);
      if (chunk !== undefined) next.set(chunk);
      this.chunks[c] = chunk = next;
    }
    chunk[at] = hi;
    chunk[at + 1] = lo;
    chunk[at + 2] = line;
    this.length++;
  }

  /** Entry `i`'s hash (high and low half) or line: `part` 0, 1 or 2. */
  get(i: number, part: number): number {
    return this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * WIDTH + part]!;
  }

  /** The entries in one buffer (a worker transfers it). */
  pack(): Uint32Array<ArrayBuffer> {
    const out = new Uint32Array(this.length * WIDTH);
    for (let c = 0; c < this.chunks.length; c++) {
      const from = c * CHUNK * WIDTH;
      out.set(this.chunks[c]!.subarray(0, Math.min(CHUNK * WIDTH, out.length - from)), from);
    }
    return out;
  }

  /** Adds packed entries, their lines moved on by `shift` (a later part of a split file). */
  append(packed: Uint32Array, shift: number): void {
    for (let at = 0; at < packed.length; at += WIDTH) this.push(packed[at]!, packed[at + 1]!, packed[at + 2]! + shift);
  }
}

/** The running hash of `hashText` (two 32-bit halves), module state so hashing allocates nothing. */
let h1 = 0;
let h2 = 0;

/** Adds a text and a separator to the running hash, so ("ab", "c") and ("a", "bc") differ. */
function hashText(text: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  h1 = Math.imul(a ^ 0x1f, 0x01000193);
  h2 = Math.imul(b ^ 0x1f, 0x5bd1e995);
}

/** Murmur3's finaliser: every input bit moves about half the output bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Findings named per file at most; the rest are counted in one more. */
const LISTED = 20;

/**
 * Answers given twice by the same respondent to the same question (same municipality, year,
 * service, question and respondent number), within a file or across files: one error finding per
 * repeat at its line, naming the first answer's file and line; an answer read twice would count
 * twice. Files are taken in order and each in line order, so "first" is the same on any number of
 * threads. Two different keys share a 64-bit hash with odds of about n²/2⁶⁵ (2M answers: 1 in
 * 10 million). Returns the findings per input, in the inputs' order.
 */
export function repeatedAnswers(inputs: readonly { file: string; respondents?: RespondentKeys }[]): Finding[][] {
  const out: Finding[][] = inputs.map(() => []);
  // Every input's chunks in one list: an entry's number is its chunk's place there and its place
  // in the chunk, so the table finds an entry's hash with two look-ups.
  const chunks: Uint32Array[] = [];
  const chunkInput: number[] = [];
  let total = 0;
  inputs.forEach((input, k) => {
    for (const chunk of input.respondents?.chunks ?? []) {
      chunks.push(chunk);
      chunkInput.push(k);
    }
    total += input.respondents?.length ?? 0;
  });
  if (total === 0) return out;
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  // Open addressing on entry numbers alone (4 bytes a slot): the first entry with each hash.
  const table = new Int32Array(size).fill(-1);
  let base = 0;
  inputs.forEach((input, k) => {
    const keys = input.respondents;
    let more = 0;
    for (let j = 0; j < (keys?.length ?? 0); j++) {
      const mine = keys!.chunks[j >>> CHUNK_BITS]!;
      const at = (j & (CHUNK - 1)) * WIDTH;
      const hi = mine[at]!;
      const lo = mine[at + 1]!;
      let slot = lo & mask;
      let g = table[slot]!;
      while (g !== -1) {
        const theirs = chunks[g >>> CHUNK_BITS]!;
        const o = (g & (CHUNK - 1)) * WIDTH;
        if (theirs[o + 1] === lo && theirs[o] === hi) break;
        slot = (slot + 1) & mask;
        g = table[slot]!;
      }
      if (g === -1) {
        table[slot] = ((base + (j >>> CHUNK_BITS)) << CHUNK_BITS) | (j & (CHUNK - 1));
        continue;
      }
      if (out[k]!.length >= LISTED) {
        more++;
        continue;
      }
      const firstLine = chunks[g >>> CHUNK_BITS]![(g & (CHUNK - 1)) * WIDTH + 2]!;
      const first = `${inputs[chunkInput[g >>> CHUNK_BITS]!]!.file}:${firstLine}`;
      out[k]!.push(finding(input.file, { code: 'answer-repeated', line: mine[at + 2]!, args: { first } }));
    }
    base += keys?.chunks.length ?? 0;
    if (more > 0) out[k]!.push(finding(input.file, { code: 'answer-repeated-more', args: { count: more } }));
  });
  return out;
}
