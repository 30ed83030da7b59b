/** Above this a figure goes to `String`: from 2^33 the doubles are over 1e-6 apart. */
const FAST_BELOW = 1e9;

/**
 * A finite number as `String(v)` writes it (the shortest decimal that reads back as `v`), three
 * times faster for the report's figures, which are rounded to at most six decimals: a national
 * JSON report writes ~7 million of them, and `String` took ~0.5 s of its 2.4 s (20M answers,
 * AMD EPYC). Integers go to `String` as small integers; a value below 1e9 that is a whole number
 * of millionths is written from that number, since then no shorter decimal reads back as it
 * (those lie 1e-6 apart, its neighbours far closer); any other value goes to `String`.
 * @example numberText(81.25) // "81.25"; numberText(-0.000012) // "-0.000012"; numberText(1 / 3) // "0.3333333333333333"
 */
export function numberText(v: number): string {
  if ((v | 0) === v) return String(v | 0);
  const a = v < 0 ? -v : v;
  if (!(a < FAST_BELOW)) return String(v);
  const millionths = Math.round(a * 1e6);
  if (millionths / 1e6 !== a) return String(v);
  const whole = Math.floor(millionths / 1e6);
  let fraction = millionths - whole * 1e6;
  let width = 6;
  while (fraction % 10 === 0) {
    fraction /= 10;
    width--;
  }
  const digits = String(fraction);
  return `${v < 0 ? '-' : ''}${whole}.${'0'.repeat(width - digits.length)}${digits}`;
}
