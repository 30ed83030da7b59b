import { finding, type Finding } from '../model/findings.js';

/**
 * Where a respondent-level reader sends each answer that names its respondent: `cell` for a cell
 * (area, year, service, question; the caller keeps what it returns while a run of the cell's rows
 * lasts, as a respondent's rows come in runs), then `add` per answer, in line order.
 */
export interface AnswerSink<C = unknown> {
  cell(areaKey: string, period: string, service: string, question: string): C;
  add(cell: C, respondent: string, line: number): void;
}

/** Questions past this many share blocks of bits (a repeat may then be suspected, never missed). */
const QUESTION_BITS = 13;
const FOLDED = (1 << QUESTION_BITS) - 32;
const BLOCK_SHIFT = 24;
const GROUP_MASK = 0xffffff;
/** Entries, of three numbers each: the group's hash (24 high bits, with its block of questions above them; 32 low bits) and the bits of that block's questions answered. */
const WIDTH = 3;
/** Filled up to 85 % before the table doubles: a run of one respondent's answers looks it up once. */
const MAX_LOAD = 0.85;

/** A respondent set's parts in plain data (a worker transfers `table`'s buffer). */
export interface PackedRespondents {
  table: Uint32Array<ArrayBuffer>;
  questions: string[];
  suspects: number[];
  length: number;
  /** Entries in `table`. */
  entries: number;
}

/**
 * Which questions each respondent answered, per respondent in a cell group (area, year, service,
 * respondent number): one entry of 12 bytes per respondent and block of 32 questions (numbered as
 * they come), so memory follows respondents, not answers. A second answer to a question already
 * answered makes its respondent a suspect, by a 53-bit hash of the group; which lines repeat which
 * is found by `repeatedAnswers` in a re-read, comparing texts, only when there is a suspect.
 */
export class RespondentSet implements AnswerSink<number> {
  /** Answers added. */
  length = 0;
  readonly suspects = new Set<number>();
  private readonly questionIds = new Map<string, number>();
  private readonly questionTexts: string[] = [];
  private table = new Uint32Array(1024 * WIDTH);
  private slots = 1024;
  private used = 0;
  /** The last entry looked up (a respondent's rows come together): its key and place. */
  private lastHi = -1;
  private lastLo = -1;
  private lastAt = -1;
  /** The texts of the last cell's prefix (see `cell`), and their hash. */
  private cellArea = '';
  private cellPeriod = '';
  private cellService = '';
  private cellPrefix = prefixHash('', '', '');
  /** The group of the last answer added: its prefix, respondent and hash. */
  private runPrefix = -1;
  private runRespondent = '';
  private runHi = 0;
  private runLo = 0;

  /** Entries kept: respondents, and once more per further block of 32 questions one answers. */
  get entries(): number {
    return this.used;
  }

  /** A cell as one number: its group prefix's 40-bit hash and its question's number. */
  cell(areaKey: string, period: string, service: string, question: string): number {
    // A run of rows shares area, year and service: their hash is worked out once for the run.
    if (areaKey !== this.cellArea || period !== this.cellPeriod || service !== this.cellService) {
      this.cellPrefix = prefixHash(areaKey, period, service);
      this.cellArea = areaKey;
      this.cellPeriod = period;
      this.cellService = service;
    }
    return this.cellPrefix * (1 << QUESTION_BITS) + fold(this.question(question));
  }

  /** A question's number in this set, given as the question first comes. */
  private question(text: string): number {
    let q = this.questionIds.get(text);
    if (q === undefined) {
      q = this.questionTexts.length;
      this.questionTexts.push(text);
      this.questionIds.set(text, q);
    }
    return q;
  }

  add(cell: number, respondent: string): void {
    this.length++;
    const q = cell % (1 << QUESTION_BITS);
    const prefix = (cell - q) / (1 << QUESTION_BITS);
    // A respondent's answers come in a run: their group is hashed once for the run.
    if (prefix !== this.runPrefix || respondent !== this.runRespondent) {
      groupHash(prefix, respondent);
      this.runPrefix = prefix;
      this.runRespondent = respondent;
      this.runHi = gHi;
      this.runLo = gLo;
    }
    this.mark(this.runHi, this.runLo, q >>> 5, 1 << (q & 31));
  }

  /** Sets `bits` of block `block` of the group hashed (hi, lo); a bit already set makes the group a suspect. */
  private mark(hi: number, lo: number, block: number, bits: number): void {
    const key = ((hi & GROUP_MASK) | (block << BLOCK_SHIFT)) >>> 0;
    let at = key === this.lastHi && lo === this.lastLo ? this.lastAt : this.find(key, lo);
    const t = this.table;
    const had = t[at + 2]!;
    if ((had & bits) !== 0) this.suspects.add(suspectKey(hi, lo));
    t[at + 2] = had | bits;
    if (had === 0) {
      t[at] = key;
      t[at + 1] = lo;
      if (++this.used > this.slots * MAX_LOAD) {
        this.grow();
        at = this.find(key, lo);
      }
    }
    this.lastHi = key;
    this.lastLo = lo;
    this.lastAt = at;
  }

  /** The place of the entry with this key, or of the empty slot where it goes. */
  private find(key: number, lo: number): number {
    const t = this.table;
    const mask = this.slots - 1;
    let slot = (lo ^ Math.imul(key >>> BLOCK_SHIFT, 0x9e3779b1)) & mask;
    for (;;) {
      const at = slot * WIDTH;
      if (t[at + 2] === 0 || (t[at + 1] === lo && t[at] === key)) return at;
      slot = (slot + 1) & mask;
    }
  }

  /** Room for `entries` entries without growing (a part's set about to be merged in). */
  private reserve(entries: number): void {
    let slots = this.slots;
    while (entries > slots * MAX_LOAD) slots *= 2;
    if (slots > this.slots) this.grow(slots);
  }

  private grow(slots = this.slots * 2): void {
    const old = this.table;
    this.slots = slots;
    const t = (this.table = new Uint32Array(this.slots * WIDTH));
    for (let at = 0; at < old.length; at += WIDTH) {
      if (old[at + 2] === 0) continue;
      const to = this.find(old[at]!, old[at + 1]!);
      // Word by word: a view per entry to copy from was most of a 2M file's garbage while reading.
      t[to] = old[at]!;
      t[to + 1] = old[at + 1]!;
      t[to + 2] = old[at + 2]!;
    }
    this.lastAt = -1;
    this.lastHi = -1;
  }

  /** Adds another set's answers (a later part of a file, a later file): an answer to a question both answered makes a suspect. */
  merge(other: RespondentSet | PackedRespondents): void {
    const p = other instanceof RespondentSet ? other.pack() : other;
    this.length += p.length;
    for (const s of p.suspects) this.suspects.add(s);
    // Their question numbers as ours, per folded number (a folded bit stands for each question folded onto it).
    const ours: number[][] = [];
    p.questions.forEach((text, q) => (ours[fold(q)] ??= []).push(fold(this.question(text))));
    // Per block of theirs whose questions all have numbers in one block here (a file cut in parts:
    // the same questions, met in another order), that block and each bit's bit in it: an entry's
    // word of bits is marked at once, not bit by bit (20M answers: 6 million marks were 0.44 s of
    // joining the parts). -1: a block folded onto by more questions, marked bit by bit.
    const blocks = Math.ceil(ours.length / 32);
    const toBlock = new Int32Array(blocks).fill(-1);
    const toBit = new Int32Array(blocks * 32);
    for (let block = 0; block < blocks; block++) {
      const targets = ours.slice(block * 32, block * 32 + 32);
      const one = targets.find((to) => to !== undefined)?.[0];
      if (one === undefined || !targets.every((to) => to === undefined || (to.length === 1 && to[0]! >>> 5 === one >>> 5))) continue;
      // Two of theirs on one bit here (folded): bit by bit, so the second still makes a suspect.
      const bits = targets.flatMap((to) => to ?? []);
      if (new Set(bits).size < bits.length) continue;
      toBlock[block] = one >>> 5;
      targets.forEach((to, bit) => (toBit[block * 32 + bit] = to === undefined ? 0 : to[0]! & 31));
    }
    const t = p.table;
    const slots = t.length / WIDTH;
    this.reserve(this.used + p.entries);
    // Their entries in a scrambled order: taken in slot order they come sorted by the same hash
    // this table probes by, and linear probing then builds one long run (76 000 respondents took
    // 0.9 s instead of 0.02 s). An odd multiplier permutes a power-of-two number of slots.
    const scramble = (slots & (slots - 1)) === 0;
    for (let i = 0; i < slots; i++) {
      const at = (scramble ? Math.imul(i, 0x9e3779b1) & (slots - 1) : i) * WIDTH;
      let bits = t[at + 2]!;
      if (bits === 0) continue;
      const block = t[at]! >>> BLOCK_SHIFT;
      const hi = t[at]! & GROUP_MASK;
      if (toBlock[block]! >= 0) {
        let word = 0;
        for (let b = bits; b !== 0; b &= b - 1) word |= 1 << toBit[block * 32 + 31 - Math.clz32(b & -b)]!;
        this.mark(hi, t[at + 1]!, toBlock[block]!, word);
        continue;
      }
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits);
        bits &= ~(1 << bit);
        for (const q of ours[block * 32 + bit]!) this.mark(hi, t[at + 1]!, q >>> 5, 1 << (q & 31));
      }
    }
  }

  pack(): PackedRespondents {
    return { table: this.table, questions: this.questionTexts, suspects: [...this.suspects], length: this.length, entries: this.used };
  }
}

/** A question's number, those past the last whole block folded onto its 32 bits. */
function fold(q: number): number {
  return q < FOLDED ? q : FOLDED + (q % 32);
}

/** A group (hashed by `groupHash`) as a number, 53 bits: exact in a double. */
function suspectKey(hi: number, lo: number): number {
  return (hi & 0x1fffff) * 0x100000000 + lo;
}

/** The running hash of `hashText` (two 32-bit halves), module state so hashing allocates nothing. */
let h1 = 0;
let h2 = 0;
/** The last group hashed: high and low half. */
let gHi = 0;
let gLo = 0;

/** Area, year and service as a 40-bit number. */
function prefixHash(areaKey: string, period: string, service: string): number {
  h1 = 0x811c9dc5;
  h2 = 0x9747b28c;
  hashText(areaKey);
  hashText(period);
  hashText(service);
  return (mix(h1) & 0xff) * 0x100000000 + mix(h2);
}

/** Hashes a group (its prefix from `prefixHash` and the respondent number) into `gHi` and `gLo`. */
function groupHash(prefix: number, respondent: string): void {
  h1 = Math.floor(prefix / 0x100000000) | 0;
  h2 = prefix | 0;
  hashText(respondent);
  gHi = mix((h1 + Math.imul(h2, 0x9e3779b1)) | 0);
  gLo = mix(h2 ^ h1);
}

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

/** The group of a suspect, by its texts, for `ExactRepeats`. */
interface ExactCell {
  prefix: number;
  /** The cell's texts as JSON, which holds no raw NUL: with a NUL and the respondent number after it, one key per answer. */
  key: string;
}

/**
 * The answers of suspected respondents by their texts, in the order re-read: the first of each
 * (area, year, service, question, respondent) is kept with its input and line; a later one is a
 * repeat naming it. Memory follows the answers of suspects only.
 */
export class ExactRepeats implements AnswerSink<ExactCell> {
  /** Per input: the repeats' lines and the first answers they repeat. */
  readonly found: { line: number; first: { input: number; line: number } }[][] = [];
  readonly more: number[] = [];
  input = 0;
  /** Per answer: its input × 2³² + its line. */
  private readonly firsts = new Map<string, number>();

  constructor(private readonly suspects: ReadonlySet<number>, private readonly listed: number) {}

  cell(areaKey: string, period: string, service: string, question: string): ExactCell {
    return { prefix: prefixHash(areaKey, period, service), key: JSON.stringify([areaKey, period, service, question]) };
  }

  add(cell: ExactCell, respondent: string, line: number): void {
    groupHash(cell.prefix, respondent);
    if (!this.suspects.has(suspectKey(gHi, gLo))) return;
    const key = `${cell.key}\u0000${respondent}`;
    const first = this.firsts.get(key);
    if (first === undefined) {
      this.firsts.set(key, this.input * 0x100000000 + line);
      return;
    }
    const list = (this.found[this.input] ??= []);
    if (list.length < this.listed) list.push({ line, first: { input: Math.floor(first / 0x100000000), line: first % 0x100000000 } });
    else this.more[this.input] = (this.more[this.input] ?? 0) + 1;
  }
}

/** Findings named per file at most; the rest are counted in one more. */
const LISTED = 20;

/** Re-reads input `k` (one with respondent numbers), sending its answers to `sink` in line order. */
export type Replay = (k: number, sink: AnswerSink) => Promise<void>;

/**
 * Answers given twice by the same respondent to the same question (same municipality, year,
 * service, question and respondent number), within a file or across files: one error finding per
 * repeat at its line, naming the first answer's file and line; an answer read twice would count
 * twice. The inputs' sets are joined in order; only when that leaves a suspect are the inputs with
 * respondents re-read (`replay`), in order and each in line order, and the texts compared, so
 * "first" is the same on any number of threads and a hash shared by two groups reports nothing.
 * Returns the findings per input, in the inputs' order.
 */
export async function repeatedAnswers(inputs: readonly { file: string; respondents?: RespondentSet }[], replay: Replay): Promise<Finding[][]> {
  const out: Finding[][] = inputs.map(() => []);
  // Joined into the first input's set (it is let go after the check): no second copy of it.
  const sets = inputs.flatMap((input) => (input.respondents === undefined ? [] : [input.respondents]));
  const all = sets[0];
  for (const set of sets.slice(1)) all!.merge(set);
  if (all === undefined || all.suspects.size === 0) return out;
  const exact = new ExactRepeats(all.suspects, LISTED);
  for (let k = 0; k < inputs.length; k++) {
    if (inputs[k]!.respondents === undefined) continue;
    exact.input = k;
    await replay(k, exact as AnswerSink);
  }
  inputs.forEach((input, k) => {
    for (const { line, first } of exact.found[k] ?? []) {
      out[k]!.push(finding(input.file, { code: 'answer-repeated', line, args: { first: `${inputs[first.input]!.file}:${first.line}` } }));
    }
    if ((exact.more[k] ?? 0) > 0) out[k]!.push(finding(input.file, { code: 'answer-repeated-more', args: { count: exact.more[k]! } }));
  });
  return out;
}
