import { budgetStatus, type BudgetStatus, type StatusThresholds } from '../model/budget-status.js';
import type { Lang } from '../model/vocabulary.js';
import { decimalsOf, formatPct, formatSignedPct, shownNumber } from './format.js';
import { both, inLang } from './phrasebook.js';

/** The most decimals a deviation is shown with to keep its colour: four is a hundred kronor on a budget of a billion. */
const MAX_DECIMALS = 4;

/**
 * The fewest decimals (one at least) at which a deviation, as shown, falls on the side of each
 * threshold its line's colour says: −0,04 % is yellow where yellow starts below 0 %, and `0,0 %`
 * would say green. Undefined when even `MAX_DECIMALS` rounds it across (a deviation of kronor).
 * @example deviationDecimals(-0.04, 'yellow', { yellowBelow: 0, redBelow: -2 }) // 2
 * @example deviationDecimals(-2.04, 'red', { yellowBelow: 0, redBelow: -2 }) // 2
 * @example deviationDecimals(-1.3, 'yellow', { yellowBelow: 0, redBelow: -2 }) // 1
 */
export function deviationDecimals(pct: number, status: BudgetStatus, t: StatusThresholds): number | undefined {
  for (let d = 1; d <= MAX_DECIMALS; d++) if (budgetStatus(shownNumber(pct, d), t) === status) return d;
  return undefined;
}

/**
 * A budget line's deviation in % as a brief shows it beside its colour: signed, one decimal, more
 * where one would show it on the other side of a threshold (`-0,04 %`, yellow), and "just below"
 * the threshold where no figure of a few decimals can (a deviation of a few kronor). `status` is
 * the line's own (the analysis judged the exact figure); by default the thresholds'.
 */
export function deviationText(pct: number, t: StatusThresholds, lang: Lang, status: BudgetStatus = budgetStatus(pct, t)): string {
  const d = deviationDecimals(pct, status, t);
  if (d !== undefined) return formatSignedPct(pct, lang, d);
  const limit = status === 'red' ? t.redBelow : t.yellowBelow;
  return inLang(STATUS_WORDS, lang).justBelow(formatSignedPct(limit, lang, decimalsOf(limit)));
}

/** Whether some deviation of `pcts` is shown with more than one decimal, or as "just below", to keep its colour. */
export function anyFinerDeviation(lines: readonly { deviationPct: number | null; status: BudgetStatus | null }[], t: StatusThresholds): boolean {
  return lines.some((b) => b.deviationPct !== null && b.status !== null && deviationDecimals(b.deviationPct, b.status, t) !== 1);
}

/** A threshold as a share of the budget, unsigned: `2 %`, `1,5 %`. */
function pct(v: number, lang: Lang): string {
  return formatPct(Math.abs(v), lang, decimalsOf(v));
}

export const STATUS_WORDS = {
  justBelow: both((limit: string) => `strax under ${limit}`, (limit) => `just below ${limit}`),
  /** Where costs stand against the budget at a deviation of `v` % (plus = under budget). */
  atOrBetter: both(
    (v: string, sign: number) => (sign === 0 ? 'på eller under budget' : sign < 0 ? `högst ${v} över budget` : `minst ${v} under budget`),
    (v, sign) => (sign === 0 ? 'at or under budget' : sign < 0 ? `at most ${v} over budget` : `at least ${v} under budget`),
  ),
  worse: both(
    (v: string, sign: number) => (sign === 0 ? 'över budget' : sign < 0 ? `mer än ${v} över budget` : `mindre än ${v} under budget, eller över`),
    (v, sign) => (sign === 0 ? 'over budget' : sign < 0 ? `more than ${v} over budget` : `less than ${v} under budget, or over it`),
  ),
  /** The colours of budget lines, with the config's thresholds in words (`green`/`red` from `atOrBetter`/`worse`). */
  note: both(
    (a: { green: string; red: string; yellow: boolean; closed: boolean; finer: boolean }) =>
      `Status: grön när kostnaderna ${a.closed ? 'för året' : 'hittills i år'} ligger ${a.green}, röd när de ligger ${a.red}${a.yellow ? ', gul däremellan' : ''}.${a.finer ? ' Färgen avgörs av den exakta avvikelsen; en avvikelse nära en gräns visas därför med fler decimaler.' : ''}`,
    (a) =>
      `Status: green when costs ${a.closed ? 'for the year' : 'so far this year'} are ${a.green}, red when they are ${a.red}${a.yellow ? ', yellow in between' : ''}.${a.finer ? ' The colour is judged on the exact deviation, so a deviation close to a limit is shown with more decimals.' : ''}`,
  ),
};

/**
 * What green, yellow and red mean for budget lines, with the thresholds in force (`settings`), in
 * words of costs against the budget: "Status: grön när kostnaderna hittills i år ligger på eller
 * under budget, röd när de ligger mer än 2 % över budget, gul däremellan." `finer` adds why some
 * deviations have more decimals.
 */
export function budgetStatusNote(t: StatusThresholds, lang: Lang, closed: boolean, finer: boolean): string {
  const w = inLang(STATUS_WORDS, lang);
  return w.note({
    green: w.atOrBetter(pct(t.yellowBelow, lang), Math.sign(t.yellowBelow)),
    red: w.worse(pct(t.redBelow, lang), Math.sign(t.redBelow)),
    yellow: t.redBelow < t.yellowBelow,
    closed,
    finer,
  });
}
