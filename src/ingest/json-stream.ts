import { Tokenizer, TokenType, type ParsedTokenInfo } from '@streamparser/json';

/** A 1-based line and column (in characters) in the document. */
export interface JsonPos {
  line: number;
  column: number;
}

/** Object keys and array indexes from the root to a value. */
export type JsonPath = readonly (string | number)[];

/**
 * What a reader does with the document. Containers the walker does not `build` are walked
 * through (their values reported one by one) or skipped; a built container arrives whole, with
 * the position of every object in it in `positions`.
 */
export interface JsonWalker {
  enter(path: JsonPath, kind: 'object' | 'array', at: JsonPos): 'walk' | 'build' | 'skip';
  value(path: JsonPath, value: unknown, at: JsonPos): void;
  leave(path: JsonPath, kind: 'object' | 'array', at: JsonPos): void;
}

export interface JsonStream {
  write(bytes: Uint8Array): void;
  /** The first syntax error, if any (reading stops there). */
  end(): { reason: string; line: number; column: number } | undefined;
  /** Where each object of a built value began. */
  positions: WeakMap<object, JsonPos>;
}

const BOM = [0xef, 0xbb, 0xbf];

const enum Expect { Value, ValueOrEnd, Key, KeyOrEnd, Colon, CommaOrEnd, Nothing }

interface Frame {
  object: boolean;
  mode: 'walk' | 'build' | 'skip';
  expect: Expect;
  key: string;
  index: number;
  container?: Record<string, unknown> | unknown[];
  at: JsonPos;
}

/** The longest one value (or gap between values) may be. */
export const MAX_JSON_VALUE_BYTES = 1024 * 1024;

/** Deeper than any response a statistics API gives; bounds the stack whatever the file holds. */
export const MAX_JSON_DEPTH = 64;

/**
 * Line and column of byte offsets that only grow: it counts forward through the current chunk
 * and the one before it (a token may begin in the previous chunk). Memory is two chunks.
 */
class Positions {
  private prev: Uint8Array = new Uint8Array(0);
  private cur: Uint8Array = new Uint8Array(0);
  private curBase = 0;
  private cursor = 0;
  private line = 1;
  private column = 1;

  push(chunk: Uint8Array): void {
    // The chunk before the current one is let go: its lines are counted first.
    this.at(this.curBase);
    this.curBase += this.cur.length;
    this.prev = this.cur;
    this.cur = chunk;
  }

  at(offset: number): JsonPos {
    const prevBase = this.curBase - this.prev.length;
    while (this.cursor < offset) {
      const rel = this.cursor - this.curBase;
      const b = rel >= 0 ? this.cur[rel] : this.prev[this.cursor - prevBase];
      if (b === undefined) break;
      if (b === 0x0a) {
        this.line++;
        this.column = 1;
      } else if ((b & 0xc0) !== 0x80) this.column++;
      this.cursor++;
    }
    return { line: this.line, column: this.column };
  }

  /** Offset just past the bytes seen so far. */
  end(): number {
    return this.curBase + this.cur.length;
  }
}

/**
 * A JSON document read as a stream of bytes, in memory bounded by what the walker builds and
 * the nesting limit, never by the file's size. Syntax is checked as strictly as `JSON.parse`
 * (no comments, no trailing commas, one value); the first error ends reading.
 */
export function createJsonStream(walker: JsonWalker): JsonStream {
  return new JsonReader(walker);
}

/** The tokenizer's tokens checked against JSON's grammar, one frame per open container. */
class JsonReader implements JsonStream {
  readonly positions = new WeakMap<object, JsonPos>();
  private readonly where = new Positions();
  private readonly frames: Frame[] = [];
  private readonly tokenizer = new Tokenizer();
  /** The top-level value is complete. */
  private done = false;
  /** Bytes of a byte-order mark seen at the start. */
  private bomSeen = 0;
  /** Offset of the last token: a value that runs on past the bound is refused there. */
  private lastToken = 0;
  private error: { reason: string; line: number; column: number } | undefined;

  constructor(private readonly walker: JsonWalker) {
    this.tokenizer.onToken = (t) => this.onToken(t);
    this.tokenizer.onError = (e: Error) => {
      const offset = /absolute position "(\d+)"/.exec(e.message)?.[1];
      this.fail(/middle of a token/.test(e.message) ? 'UnexpectedEndOfFile' : 'InvalidSymbol', this.where.at(offset === undefined ? this.where.end() : Number(offset)));
    };
    this.tokenizer.onEnd = () => undefined;
  }

  write(bytes: Uint8Array): void {
    if (this.error !== undefined || bytes.length === 0) return;
    // A byte-order mark (maybe split across chunks) is not part of the document.
    while (this.bomSeen < 3 && bytes.length > 0 && bytes[0] === BOM[this.bomSeen] && this.where.end() === 0) {
      bytes = bytes.subarray(1);
      this.bomSeen++;
    }
    if (bytes.length === 0) return;
    this.where.push(bytes);
    if (this.tokenizer.isEnded) return this.fail('EndOfFileExpected', this.where.at(this.where.end() - bytes.length));
    this.tokenizer.write(bytes as unknown as Iterable<number>);
    // One string or number this long is held whole by the tokenizer: bounded here.
    if (this.where.end() - this.lastToken > MAX_JSON_VALUE_BYTES) this.fail(`a value runs past ${MAX_JSON_VALUE_BYTES} bytes`, this.where.at(this.lastToken));
  }

  end(): { reason: string; line: number; column: number } | undefined {
    if (this.error === undefined && !this.tokenizer.isEnded) this.tokenizer.end();
    if (this.error === undefined && !this.done) {
      const at = this.where.at(this.where.end());
      const top = this.frames.at(-1);
      this.fail(top === undefined ? 'ValueExpected' : top.object ? 'CloseBraceExpected' : 'CloseBracketExpected', at);
    }
    return this.error;
  }

  private fail(reason: string, at: JsonPos): void {
    this.error ??= { reason, ...at };
  }

  private path(): (string | number)[] {
    return this.frames.map((f) => (f.object ? f.key : f.index));
  }

  private onToken(t: ParsedTokenInfo): void {
    this.lastToken = t.offset;
    if (this.error !== undefined) return;
    const at = this.where.at(t.offset);
    const top = this.frames.at(-1);
    if (top === undefined) return this.done ? this.fail('EndOfFileExpected', at) : this.beginValue(t, at);
    switch (top.expect) {
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (t.token === TokenType.STRING) {
          top.key = t.value as string;
          top.expect = Expect.Colon;
        } else if (t.token === TokenType.RIGHT_BRACE && top.expect === Expect.KeyOrEnd) this.close(at);
        else this.fail('PropertyNameExpected', at);
        return;
      case Expect.Colon:
        if (t.token === TokenType.COLON) top.expect = Expect.Value;
        else this.fail('ColonExpected', at);
        return;
      case Expect.ValueOrEnd:
        if (t.token === TokenType.RIGHT_BRACKET) return this.close(at);
        return this.beginValue(t, at);
      case Expect.Value:
        return this.beginValue(t, at);
      case Expect.CommaOrEnd:
        if (t.token === TokenType.COMMA) {
          top.expect = top.object ? Expect.Key : Expect.Value;
          if (!top.object) top.index++;
        } else if (t.token === (top.object ? TokenType.RIGHT_BRACE : TokenType.RIGHT_BRACKET)) this.close(at);
        else this.fail(top.object ? 'CommaOrCloseBraceExpected' : 'CommaOrCloseBracketExpected', at);
        return;
      default:
        this.fail('EndOfFileExpected', at);
    }
  }

  private beginValue(t: ParsedTokenInfo, at: JsonPos): void {
    const top = this.frames.at(-1);
    if (top !== undefined) top.expect = Expect.CommaOrEnd;
    if (t.token === TokenType.LEFT_BRACE) this.open(true, at);
    else if (t.token === TokenType.LEFT_BRACKET) this.open(false, at);
    else if (t.token === TokenType.STRING || t.token === TokenType.NUMBER || t.token === TokenType.TRUE || t.token === TokenType.FALSE || t.token === TokenType.NULL) this.complete(t.value, at);
    else this.fail('ValueExpected', at);
  }

  private complete(value: unknown, at: JsonPos): void {
    const parent = this.frames.at(-1);
    if (parent === undefined) {
      this.done = true;
      this.walker.value([], value, at);
    } else if (parent.mode === 'build') {
      if (Array.isArray(parent.container)) parent.container.push(value);
      // A key given twice in one object has two values and no rule says which is meant (JSON.parse
      // keeps the last, other readers the first): the document is refused at the second.
      else if (Object.hasOwn(parent.container!, parent.key)) this.fail(`the key "${parent.key}" appears twice in one object; which value is meant cannot be known`, at);
      else parent.container![parent.key] = value;
    } else if (parent.mode === 'walk') this.walker.value(this.path(), value, at);
  }

  private open(object: boolean, at: JsonPos): void {
    if (this.frames.length >= MAX_JSON_DEPTH) return this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, at);
    const parent = this.frames.at(-1);
    const mode = parent === undefined || parent.mode === 'walk' ? this.walker.enter(this.path(), object ? 'object' : 'array', at) : parent.mode;
    const frame: Frame = { object, mode, expect: object ? Expect.KeyOrEnd : Expect.ValueOrEnd, key: '', index: 0, at };
    if (mode === 'build') {
      frame.container = object ? (Object.create(null) as Record<string, unknown>) : [];
      if (object) this.positions.set(frame.container, at);
    }
    this.frames.push(frame);
  }

  private close(at: JsonPos): void {
    const frame = this.frames.pop()!;
    const parent = this.frames.at(-1);
    if (frame.mode === 'build' && parent?.mode === 'build') this.complete(frame.container, frame.at);
    else if (frame.mode === 'build') this.walker.value(this.path(), frame.container, frame.at);
    else if (frame.mode === 'walk') this.walker.leave(this.path(), frame.object ? 'object' : 'array', at);
    if (this.frames.length === 0) this.done = true;
  }
}
