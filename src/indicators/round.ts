/**
 * A number rounded to `digits` decimals, half away from zero on the binary value, and never −0.
 * @example round(2.34567, 2) // 2.35
 */
export function round(v: number, digits: number): number {
  const f = POWERS[digits] ?? 10 ** digits;
  return Math.round(v * f) / f + 0;
}

/** 10 ** k for the decimals figures are rounded to, looked up: a report rounds millions of figures. */
const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * A figure that may be missing or not finite, rounded, or null.
 * @example opt(undefined) // null; opt(Number.NaN) // null; opt(1.23456) // 1.2346
 */
export function opt(v: number | undefined, digits = 4): number | null {
  return v === undefined || !Number.isFinite(v) ? null : round(v, digits);
}

/**
 * Whether two sources' figures for a cell agree: within 0.05 (a share to one decimal), or one is the
 * other rounded to the whole or one decimal (Kolada's 88 beside a file's 87,6).
 */
export function figuresAgree(a: number, b: number): boolean {
  if (Math.abs(a - b) < 0.05 + 1e-9) return true;
  for (const d of [0, 1]) if ((round(a, d) === a && round(b, d) === a) || (round(b, d) === b && round(a, d) === b)) return true;
  return false;
}
