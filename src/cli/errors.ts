/** Documented exit codes: the CI contract. */
export const EXIT = {
  ok: 0,
  /** A `--fail-on` rule matched (the report was still written). */
  failOn: 1,
  /** Usage or config error: bad flags, invalid config, an output path that cannot be written. */
  usage: 2,
  /** Input problem: unreadable file, rejected rows (validate, report --strict). */
  input: 3,
} as const;

/** Bad flags or arguments: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input that cannot be used at all: exit 3. */
export class InputError extends Error {
  override name = 'InputError';
}

/** An output (--out, --summary, --rejects) that cannot be written: exit 2, the path and the reason. */
export class OutputError extends Error {
  override name = 'OutputError';
}
