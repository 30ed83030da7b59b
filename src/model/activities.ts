/** Budget lines that are revenue, not cost: tax revenue, general state grants, equalisation. */
const REVENUE = /skatteintakt|statsbidrag|utjamning|kommunalekonomisk|tax revenue|general grant/;

export function isRevenueLine(normalizedActivity: string, extra: readonly string[] = []): boolean {
  return REVENUE.test(normalizedActivity) || extra.includes(normalizedActivity);
}
