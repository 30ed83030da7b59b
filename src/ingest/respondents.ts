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
  private readonly chunks: Uint32Array[] = [];
  length = 0;

  /** Adds the answer with this key, read on `line`. */
  add(area: string, period: string, service: string, question: string, respondent: string, line: number): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (const part of [area, period, service, question, respondent]) {
      for (let i = 0; i < part.length; i++) {
        const c = part.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 13;
      }
      // A separator, so ("ab", "c") and ("a", "bc") differ.
      h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
      h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
    }
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
  const starts: number[] = [];
  let total = 0;
  for (const i of inputs) {
    starts.push(total);
    total += i.respondents?.length ?? 0;
  }
  if (total === 0) return out;
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  // Open addressing on references alone (4 bytes a slot): the first entry with each hash, numbered
  // across the inputs; its hash and line are read from its input's keys.
  const table = new Int32Array(size).fill(-1);
  const inputOf = (g: number): number => {
    let k = starts.length - 1;
    while (starts[k]! > g) k--;
    return k;
  };
  const part = (g: number, p: number): number => {
    const k = inputOf(g);
    return inputs[k]!.respondents!.get(g - starts[k]!, p);
  };
  inputs.forEach((input, k) => {
    const keys = input.respondents;
    let more = 0;
    for (let j = 0; j < (keys?.length ?? 0); j++) {
      const hi = keys!.get(j, 0);
      const lo = keys!.get(j, 1);
      let slot = lo & mask;
      let g = table[slot]!;
      while (g !== -1 && !(part(g, 1) === lo && part(g, 0) === hi)) {
        slot = (slot + 1) & mask;
        g = table[slot]!;
      }
      if (g === -1) {
        table[slot] = starts[k]! + j;
        continue;
      }
      if (out[k]!.length >= LISTED) {
        more++;
        continue;
      }
      const first = `${inputs[inputOf(g)]!.file}:${part(g, 2)}`;
      out[k]!.push(finding(input.file, { code: 'answer-repeated', line: keys!.get(j, 2), args: { first } }));
    }
    if (more > 0) out[k]!.push(finding(input.file, { code: 'answer-repeated-more', args: { count: more } }));
  });
  return out;
}
