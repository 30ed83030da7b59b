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
  const positions = new WeakMap<object, JsonPos>();
  const where = new Positions();
  const frames: Frame[] = [];
  const tokenizer = new Tokenizer();
  let done = false;
  let bomSeen = 0;
  let lastToken = 0;
  let error: { reason: string; line: number; column: number } | undefined;

  const fail = (reason: string, at: JsonPos) => {
    error ??= { reason, ...at };
  };
  const path = (): (string | number)[] => frames.map((f) => (f.object ? f.key : f.index));

  function complete(value: unknown, at: JsonPos): void {
    const parent = frames.at(-1);
    if (parent === undefined) {
      done = true;
      walker.value([], value, at);
    } else if (parent.mode === 'build') {
      if (Array.isArray(parent.container)) parent.container.push(value);
      // A key given twice in one object has two values and no rule says which is meant (JSON.parse
      // keeps the last, other readers the first): the document is refused at the second.
      else if (Object.hasOwn(parent.container!, parent.key)) fail(`the key "${parent.key}" appears twice in one object; which value is meant cannot be known`, at);
      else parent.container![parent.key] = value;
    } else if (parent.mode === 'walk') walker.value(path(), value, at);
  }

  function open(object: boolean, at: JsonPos): void {
    if (frames.length >= MAX_JSON_DEPTH) return fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, at);
    const parent = frames.at(-1);
    const mode = parent === undefined || parent.mode === 'walk' ? walker.enter(path(), object ? 'object' : 'array', at) : parent.mode;
    const frame: Frame = { object, mode, expect: object ? Expect.KeyOrEnd : Expect.ValueOrEnd, key: '', index: 0, at };
    if (mode === 'build') {
      frame.container = object ? (Object.create(null) as Record<string, unknown>) : [];
      if (object) positions.set(frame.container, at);
    }
    frames.push(frame);
  }

  function close(at: JsonPos): void {
    const frame = frames.pop()!;
    const parent = frames.at(-1);
    if (frame.mode === 'build' && parent?.mode === 'build') complete(frame.container, frame.at);
    else if (frame.mode === 'build') walker.value(path(), frame.container, frame.at);
    else if (frame.mode === 'walk') walker.leave(path(), frame.object ? 'object' : 'array', at);
    if (frames.length === 0) done = true;
  }

  function beginValue(t: ParsedTokenInfo, at: JsonPos): void {
    const top = frames.at(-1);
    if (top !== undefined) top.expect = Expect.CommaOrEnd;
    if (t.token === TokenType.LEFT_BRACE) open(true, at);
    else if (t.token === TokenType.LEFT_BRACKET) open(false, at);
    else if (t.token === TokenType.STRING || t.token === TokenType.NUMBER || t.token === TokenType.TRUE || t.token === TokenType.FALSE || t.token === TokenType.NULL) complete(t.value, at);
    else fail('ValueExpected', at);
  }

  function onToken(t: ParsedTokenInfo): void {
    lastToken = t.offset;
    if (error !== undefined) return;
    const at = where.at(t.offset);
    const top = frames.at(-1);
    if (top === undefined) return done ? fail('EndOfFileExpected', at) : beginValue(t, at);
    switch (top.expect) {
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (t.token === TokenType.STRING) {
          top.key = t.value as string;
          top.expect = Expect.Colon;
        } else if (t.token === TokenType.RIGHT_BRACE && top.expect === Expect.KeyOrEnd) close(at);
        else fail('PropertyNameExpected', at);
        return;
      case Expect.Colon:
        if (t.token === TokenType.COLON) top.expect = Expect.Value;
        else fail('ColonExpected', at);
        return;
      case Expect.ValueOrEnd:
        if (t.token === TokenType.RIGHT_BRACKET) return close(at);
        return beginValue(t, at);
      case Expect.Value:
        return beginValue(t, at);
      case Expect.CommaOrEnd:
        if (t.token === TokenType.COMMA) {
          top.expect = top.object ? Expect.Key : Expect.Value;
          if (!top.object) top.index++;
        } else if (t.token === (top.object ? TokenType.RIGHT_BRACE : TokenType.RIGHT_BRACKET)) close(at);
        else fail(top.object ? 'CommaOrCloseBraceExpected' : 'CommaOrCloseBracketExpected', at);
        return;
      default:
        fail('EndOfFileExpected', at);
    }
  }

  tokenizer.onToken = onToken;
  tokenizer.onError = (e: Error) => {
    const offset = /absolute position "(\d+)"/.exec(e.message)?.[1];
    fail(/middle of a token/.test(e.message) ? 'UnexpectedEndOfFile' : 'InvalidSymbol', where.at(offset === undefined ? where.end() : Number(offset)));
  };
  tokenizer.onEnd = () => undefined;

  return {
    positions,
    write(bytes) {
      if (error !== undefined || bytes.length === 0) return;
      // A byte-order mark (maybe split across chunks) is not part of the document.
      while (bomSeen < 3 && bytes.length > 0 && bytes[0] === BOM[bomSeen] && where.end() === 0) {
        bytes = bytes.subarray(1);
        bomSeen++;
      }
      if (bytes.length === 0) return;
      where.push(bytes);
      if (tokenizer.isEnded) return fail('EndOfFileExpected', where.at(where.end() - bytes.length));
      tokenizer.write(bytes as unknown as Iterable<number>);
      // One string or number this long is held whole by the tokenizer: bounded here.
      if (where.end() - lastToken > MAX_JSON_VALUE_BYTES) fail(`a value runs past ${MAX_JSON_VALUE_BYTES} bytes`, where.at(lastToken));
    },
    end() {
      if (error === undefined && !tokenizer.isEnded) tokenizer.end();
      if (error === undefined && !done) {
        const at = where.at(where.end());
        const top = frames.at(-1);
        fail(top === undefined ? 'ValueExpected' : top.object ? 'CloseBraceExpected' : 'CloseBracketExpected', at);
      }
      return error;
    },
  };
}
