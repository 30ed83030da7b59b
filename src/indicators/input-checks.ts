import type { Config } from '../config/schema.js';
import type { Finding } from '../model/findings.js';
import type { ParsedInput } from '../model/input.js';
import { indicatorCatalogue } from '../model/kolada-kpis.js';
import { budgetMonthGaps } from './budget-gaps.js';
import { budgetConflicts } from './budget-lines.js';
import { crossFileDisagreements } from './cross-file.js';
import { dataUnits, valueFractions } from './indicator-units.js';

/**
 * What a report would say of the inputs that no file shows alone, for the commands that check files
 * without reporting (`validate`, `init`): budget files that disagree (an error in the file that
 * disagrees), lines whose outcome to date a missing month leaves unsummed, shares in per cent by the
 * catalogue or the config (Kolada's) written as fractions, and two files' figures for one cell.
 * Each finding is added to its file's input.
 */
export function addInputChecks(inputs: readonly ParsedInput[], config: Config): void {
  const tables = inputs.flatMap((i) => (i.budget ? [i.budget] : []));
  const catalogue = indicatorCatalogue(config.indicators);
  const records = inputs.map((i) => i.records);
  const found: Finding[] = [
    ...(tables.length > 1 ? budgetConflicts(tables) : []),
    ...(tables.length > 0 ? budgetMonthGaps(tables) : []),
    ...valueFractions(records, dataUnits(records, catalogue), catalogue),
    ...crossFileDisagreements(inputs),
  ];
  for (const f of found) inputs.find((i) => i.file === f.file)?.findings.push(f);
}
