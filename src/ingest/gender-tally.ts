import type { FindingInput } from '../model/findings.js';
import type { Gender } from '../model/records.js';
import { truncate } from '../model/text.js';
import type { GenderFilter } from '../model/vocabulary.js';

const NAMES: Record<Gender, string> = { T: 'T (total)', K: 'K (women)', M: 'M (men)' };
const BITS: Record<Gender, number> = { T: 1, K: 2, M: 4 };
const ORDER: readonly Gender[] = ['T', 'K', 'M'];

/** An indicator's rows of genders not read: which genders, how many rows, the first one's line. */
interface Skipped {
  genders: number;
  rows: number;
  line: number;
}

/**
 * Which indicators of a file read for one gender (Kolada's total, `T`, by default) have rows of
 * that gender. An indicator whose rows are all of other genders (a KPI Kolada publishes for women
 * and men only, U23471) is left out of the report whole; each of its rows is an info
 * (`gender-filtered`), as a skipped row beside a read total is, so without this nothing would say
 * an indicator is gone. Kept per indicator, not per row: a map lookup a row, skipped when the row's
 * indicator is the one before's, as in a file grouped by indicator.
 */
export class GenderTally {
  private readonly read = new Set<string>();
  private readonly skipped = new Map<string, Skipped>();
  private last = '';

  constructor(private readonly selected: GenderFilter) {}

  /** A row of the gender read, whatever becomes of it: the indicator has rows of that gender. */
  kept(indicator: string): void {
    if (indicator === this.last) return;
    this.last = indicator;
    this.read.add(indicator);
  }

  /** A row of another gender, set aside. */
  skip(indicator: string, gender: Gender, line: number): void {
    const s = this.skipped.get(indicator) ?? this.skipped.set(indicator, { genders: 0, rows: 0, line }).get(indicator)!;
    s.genders |= BITS[gender];
    s.rows++;
  }

  /** One warning per indicator with rows, none of them of the gender read, in the order first met. */
  findings(): FindingInput[] {
    if (this.selected === 'all') return [];
    const out: FindingInput[] = [];
    for (const [indicator, s] of this.skipped) {
      if (this.read.has(indicator) || indicator === '') continue;
      const genders = ORDER.filter((g) => (s.genders & BITS[g]) !== 0);
      const flags = ['--gender all (every gender, each shown as its own row)', ...genders.map((g) => `--gender ${g}`)];
      out.push({
        code: 'gender-only-skipped',
        line: s.line,
        args: { indicator: truncate(indicator), genders: genders.map((g) => NAMES[g]).join(' and '), rows: s.rows, selected: NAMES[this.selected], flags: flags.join(' or ') },
      });
    }
    return out;
  }
}
