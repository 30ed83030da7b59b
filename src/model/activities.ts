/** Budget lines that are revenue, not cost: tax revenue, general state grants, equalisation. */
const REVENUE = /skatteintakt|statsbidrag|utjamning|kommunalekonomisk|tax revenue|general grant|government grant|kommunalskatt|^skatter\b|generella bidrag|regleringsbidrag|regleringsavgift|strukturbidrag|slutavrakning|fastighetsavgift/;

/**
 * Financial items of a resultaträkning (finansnetto, financial income and costs): they count in the
 * year's result, but are neither an activity's cost nor the revenue the result is a share of.
 */
const FINANCIAL = /^(finansnetto|finansiella? (intakter|kostnader|poster|netto)|financial (income|costs?|expenses|items|net))\b/;

/**
 * Lines written with the opposite sign to costs under the net convention: revenue, an activity's
 * own income (`Verksamhetens intäkter`) and financial income. Under the gross convention they
 * would be positive like costs, which is why they cannot tell how costs are written.
 */
const INCOME = /^(verksamhetens intakter|finansiella? intakter|financial income|operating (income|revenue))\b/;

/** A net of income and costs (finansnetto): either sign is plausible, so its sign says nothing. */
const NET = /^(finansnetto|finansiella? (poster|netto)|financial (items|net))\b/;

/**
 * A grant for a purpose (`Riktade statsbidrag äldreomsorg`): an activity's own income, not the
 * general revenue a result is a share of (read as that, a committee's one grant line made its
 * result -1 950 % "of tax revenue and general state grants").
 */
const TARGETED = /\b(riktade?|riktat|specialdestinerade?|oronmarkta?|targeted|earmarked)\b/;

const isRevenue = (normalizedActivity: string): boolean => REVENUE.test(normalizedActivity) && !TARGETED.test(normalizedActivity);

export function isRevenueLine(normalizedActivity: string, extra: readonly string[] = []): boolean {
  return isRevenue(normalizedActivity) || extra.includes(normalizedActivity);
}

/**
 * Lines paid or booked a month ahead (tax revenue, state grants, financial items): their outcome
 * says nothing of which months the ledger has closed.
 */
export function isBookedAhead(normalizedActivity: string): boolean {
  // A targeted grant is no general revenue, but is paid ahead or by the quarter as grants are.
  return REVENUE.test(normalizedActivity) || FINANCIAL.test(normalizedActivity);
}

/** Whether a line is a financial item of the result (see `FINANCIAL`), not an activity. */
export function isFinancialLine(normalizedActivity: string): boolean {
  return FINANCIAL.test(normalizedActivity);
}

/**
 * What a line's sign says about how a file writes costs: `cost` lines carry the costs' sign,
 * `income` lines the opposite one under the net convention, `net` lines either.
 */
export function signSense(normalizedActivity: string, extra: readonly string[] = []): 'cost' | 'income' | 'net' {
  if (NET.test(normalizedActivity)) return 'net';
  return isRevenueLine(normalizedActivity, extra) || INCOME.test(normalizedActivity) ? 'income' : 'cost';
}
