import { addInputChecks } from '../indicators/input-checks.js';
import { loadConfig, loadInputs } from '../ingest/load.js';
import { inputOk, renderValidation, validationJson } from '../report/validation.js';
import { EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { checkForcedKind, checkIngestFlags, checkPathFlags, ingestOverrides, threadOptions, type IngestFlags } from './flags.js';
import { jsonChunks } from '../report/json-chunks.js';
import { writeRejects, writeStdout } from './output.js';
import { guardOutputs, protectedFiles } from './paths.js';

export async function runValidate(files: string[], opts: IngestFlags & { format: 'text' | 'json' }, io: Io): Promise<number> {
  checkPathFlags({ '--rejects': opts.rejects, '--config': opts.config });
  const loaded = await loadConfig(opts.config);
  if (files.length === 0 && loaded.config.inputs.length === 0) {
    throw new UsageError('no input files: name them (tillit validate FILE...) or list them under "inputs" in a config');
  }
  checkIngestFlags(opts, loaded.config.organisation);
  if (opts.rejects) await guardOutputs([{ role: '--rejects', path: opts.rejects }], protectedFiles(loaded, files));
  const inputs = await loadInputs(loaded, { files, overrides: ingestOverrides(opts), threads: threadOptions(opts, io), allowOutside: opts.allowOutside ?? false, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
  checkForcedKind(inputs);
  addInputChecks(inputs, loaded.config);
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
