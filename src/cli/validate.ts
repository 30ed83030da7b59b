import { budgetMonthGaps } from '../indicators/budget-gaps.js';
import { budgetConflicts } from '../indicators/budget-lines.js';
import { crossFileDisagreements } from '../indicators/cross-file.js';
import { dataUnits, valueFractions } from '../indicators/indicator-units.js';
import { indicatorCatalogue } from '../model/kolada-kpis.js';
import { loadConfig, loadInputs } from '../ingest/load.js';
import { inputOk, renderValidation, validationJson } from '../report/validation.js';
import { EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { checkForcedKind, checkIngestFlags, ingestOverrides, threadOptions, type IngestFlags } from './flags.js';
import { jsonChunks } from '../report/json-chunks.js';
import { writeRejects, writeStdout } from './output.js';
import { guardOutputs, protectedFiles } from './paths.js';

export async function runValidate(files: string[], opts: IngestFlags & { format: 'text' | 'json' }, io: Io): Promise<number> {
  const loaded = await loadConfig(opts.config);
  if (files.length === 0 && loaded.config.inputs.length === 0) {
    throw new UsageError('no input files: name them (tillit validate FILE...) or list them under "inputs" in a config');
  }
  checkIngestFlags(opts, loaded.config.organisation);
  if (opts.rejects) await guardOutputs([{ role: '--rejects', path: opts.rejects }], protectedFiles(loaded, files));
  const inputs = await loadInputs(loaded, { files, overrides: ingestOverrides(opts), threads: threadOptions(opts, io), allowOutside: opts.allowOutside ?? false, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
  checkForcedKind(inputs);
  // Budget files that disagree with one another: an error in the file that disagrees.
  const tables = inputs.flatMap((i) => (i.budget ? [i.budget] : []));
  if (tables.length > 1) for (const f of budgetConflicts(tables)) inputs.find((i) => i.file === f.file)?.findings.push(f);
  // A line whose outcome to date a missing month leaves unsummed: what the report warns of, said here too.
  if (tables.length > 0) for (const f of budgetMonthGaps(tables)) inputs.find((i) => i.file === f.file)?.findings.push(f);
  // Shares in per cent by the catalogue or the config (Kolada's), written as fractions: as the report says.
  const catalogue = indicatorCatalogue(loaded.config.indicators);
  const records = inputs.map((i) => i.records);
  for (const f of valueFractions(records, dataUnits(records, catalogue), catalogue)) inputs.find((i) => i.file === f.file)?.findings.push(f);
  // Two files' figures for one cell: a report uses one of them (answers first, else the file named first).
  for (const f of crossFileDisagreements(inputs)) inputs.find((i) => i.file === f.file)?.findings.push(f);
  if (opts.rejects) {
    const count = await writeRejects(opts.rejects, inputs);
    io.stderr.write(`tillit: wrote ${count} rejected row(s) to ${opts.rejects}\n`);
  }
  // JSON in pieces: two million rejected rows make a text longer than one string may be.
  await writeStdout(io.stdout, opts.format === 'json' ? lines(jsonChunks(validationJson(inputs))) : [renderValidation(inputs)]);
  return inputs.every(inputOk) ? EXIT.ok : EXIT.input;
}

function* lines(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}
