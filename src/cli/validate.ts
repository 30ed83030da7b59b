import { budgetConflicts } from '../indicators/budget-lines.js';
import { loadConfig, loadInputs } from '../ingest/load.js';
import { inputOk, renderValidation, validationJson } from '../report/validation.js';
import { EXIT, UsageError } from './errors.js';
import { checkForcedKind, ingestOverrides, threadOptions, type IngestFlags } from './flags.js';
import { writeRejects } from './output.js';

export async function runValidate(files: string[], opts: IngestFlags & { format: 'text' | 'json' }): Promise<number> {
  const loaded = await loadConfig(opts.config);
  if (files.length === 0 && loaded.config.inputs.length === 0) {
    throw new UsageError('no input files: name them (tillit validate FILE...) or list them under "inputs" in a config');
  }
  const inputs = await loadInputs(loaded, { files, overrides: ingestOverrides(opts), threads: threadOptions(opts), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
  checkForcedKind(inputs);
  // Budget files that disagree with one another: an error in the file that disagrees.
  const tables = inputs.flatMap((i) => (i.budget ? [i.budget] : []));
  if (tables.length > 1) for (const f of budgetConflicts(tables)) inputs.find((i) => i.file === f.file)?.findings.push(f);
  if (opts.rejects) {
    const count = await writeRejects(opts.rejects, inputs);
    process.stderr.write(`tillit: wrote ${count} rejected row(s) to ${opts.rejects}\n`);
  }
  process.stdout.write(opts.format === 'json' ? `${JSON.stringify(validationJson(inputs), null, 2)}\n` : renderValidation(inputs));
  return inputs.every(inputOk) ? EXIT.ok : EXIT.input;
}
