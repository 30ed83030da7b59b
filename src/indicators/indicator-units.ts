import { finding, type Finding } from '../model/findings.js';
import type { QualityRecord } from '../model/records.js';
import { unitInTitle } from '../model/kolada-kpis.js';
import type { ValueUnit } from '../model/vocabulary.js';
import type { Settings } from './settings.js';

/** Where the unit of an indicator the config and the catalogue leave open comes from. */
export type UnitEvidence = 'column' | 'title' | 'none';

/** An indicator's unit as the data give it, and the evidence for it. */
export interface DataUnit {
  unit: ValueUnit;
  from: UnitEvidence;
  /** The title the unit was read from (the indicator's id when the data give no title). */
  title: string;
  /** The file of the indicator's first figure. */
  file: string;
}

/**
 * The units of indicator values whose unit neither the config nor the catalogue states: a share
 * column (`Andel`) says percent, else the title may name one (`… antal dagar`), else a plain
 * number. One pass over the records; a share column found in any file outweighs a title.
 */
export function dataUnits(inputs: readonly (readonly QualityRecord[])[], catalogue: Settings['catalogue']): Map<string, DataUnit> {
  const titles = new Map<string, string>();
  const files = new Map<string, string>();
  const columnUnits = new Map<string, ValueUnit>();
  for (const records of inputs) for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if (r.kind !== 'values' || catalogue.get(r.indicator)?.unit !== undefined) continue;
    if (!files.has(r.indicator)) files.set(r.indicator, r.source.file);
    if (!titles.has(r.indicator) || (r.title !== undefined && titles.get(r.indicator) === r.indicator)) titles.set(r.indicator, r.title ?? r.indicator);
    if (r.unit !== undefined && !columnUnits.has(r.indicator)) columnUnits.set(r.indicator, r.unit);
  }
  const out = new Map<string, DataUnit>();
  for (const [id, title] of titles) {
    const column = columnUnits.get(id);
    const unit = column ?? unitInTitle(title);
    out.set(id, { unit, from: column !== undefined ? 'column' : unit === 'number' ? 'none' : 'title', title, file: files.get(id)! });
  }
  return out;
}

/**
 * Values whose per cent only their title gives (`Andel nöjda …` beside a `Värde` column): an area
 * whose every value is at most 1, one between 0 and 1, wrote fractions (0,85 for 85 %), read as
 * under 1 %. Named, as a share column's are when read (`share-fraction`); nothing is rescaled.
 */
export function titleFractions(inputs: readonly (readonly QualityRecord[])[], units: ReadonlyMap<string, DataUnit>): Finding[] {
  const byArea = new Map<string, { file: string; area: string; fraction: boolean; example?: { share: number; line: number } }>();
  for (const records of inputs) for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    const unit = r.kind === 'values' ? units.get(r.indicator) : undefined;
    if (r.kind !== 'values' || unit === undefined || unit.from !== 'title' || unit.unit !== '%') continue;
    const key = `${r.source.file}\u0000${r.area.code}`;
    const a = byArea.get(key) ?? byArea.set(key, { file: r.source.file, area: r.area.code, fraction: true }).get(key)!;
    if (r.value > 1) a.fraction = false;
    else if (r.value > 0 && r.value < 1) a.example ??= { share: r.value, line: r.source.line };
  }
  return [...byArea.values()].filter((a) => a.fraction && a.example !== undefined)
    .map((a) => finding(a.file, { code: 'share-fraction', line: a.example!.line, args: { area: a.area, share: a.example!.share } }));
}
