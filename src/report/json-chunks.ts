/** Arrays longer than this are written element by element; anything smaller in one call. */
const LONG = 1000;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `JSON.stringify` would leave this property out of an object. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The text `JSON.stringify(value, null, 2)` gives, in pieces: long arrays (a validation's two
 * million rejected rows) are written element by element, so no single string grows past what
 * V8 allows (~512 MB: "Invalid string length"). Plain data only (no `toJSON`).
 */
export function* jsonChunks(value: unknown, pad = '', depth = 0, long = LONG): Generator<string> {
  // Arrays near the top are opened up too: a short list of files holds long lists of findings.
  if (Array.isArray(value) && value.length > 0 && (value.length > long || depth < 4)) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield `${pad}  `;
      yield* jsonChunks(omitted(value[i]) ? null : value[i], `${pad}  `, depth + 1, long);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${pad}]`;
    return;
  }
  // Objects near the top are opened up in case a long array is inside; deeper ones are small.
  if (isPlainObject(value) && depth < 4) {
    const keys = Object.keys(value).filter((k) => !omitted(value[k]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (const [i, k] of keys.entries()) {
      yield `${pad}  ${JSON.stringify(k)}: `;
      yield* jsonChunks(value[k], `${pad}  `, depth + 1, long);
      yield i < keys.length - 1 ? ',\n' : '\n';
    }
    yield `${pad}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2) ?? 'null';
  yield pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
}
