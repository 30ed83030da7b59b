/** One collator for Swedish order (å ä ö last); `localeCompare(x, 'sv')` would build one per call. */
export const SV = new Intl.Collator('sv');

/** Code-point order for codes and ids: fast, and the same on every machine whatever its locale. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
