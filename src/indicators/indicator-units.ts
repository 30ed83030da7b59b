import { finding, type Finding } from '../model/findings.js';
import { FractionCheck } from '../model/fractions.js';
import type { QualityRecord } from '../model/records.js';
import { isKoladaId, isRespondentShare, unitInTitle } from '../model/kolada-kpis.js';
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
 * Values in per cent by the config, the catalogue (Kolada's `andel (%)`) or their title (`Andel
 * nöjda …` beside a `Värde` column), not by their column (those are checked as read): shares
 * written as fractions among them are named (`share-fraction`, `share-fraction-among`; see
 * `FractionCheck`); nothing is rescaled.
 */
export function valueFractions(inputs: readonly (readonly QualityRecord[])[], units: ReadonlyMap<string, DataUnit>, catalogue: Settings['catalogue']): Finding[] {
  const byFile = new Map<string, FractionCheck>();
  const percent = new Map<string, boolean>();
  // Kolada calls many figures "andel (%)" that are no share (a result, a cost deviation): of its
  // KPIs only shares of respondents are checked; an indicator's own title saying per cent is.
  const isPercent = (id: string) => percent.get(id) ?? percent.set(id, isKoladaId(id) ? isRespondentShare(id) : (catalogue.get(id)?.unit ?? units.get(id)?.unit) === '%').get(id)!;
  for (const records of inputs) for (let ri = 0; ri < records.length; ri++) {
    const r = records[ri]!;
    if (r.kind !== 'values' || r.unit !== undefined || !isPercent(r.indicator)) continue;
    const check = byFile.get(r.source.file) ?? byFile.set(r.source.file, new FractionCheck()).get(r.source.file)!;
    check.add(r.area.code, r.indicator, r.value, r.source.line);
  }
  return [...byFile].flatMap(([file, check]) => check.findings().map((f) => finding(file, f)));
}
