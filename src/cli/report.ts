import { loadConfig, loadInputs } from '../ingest/load.js';
import { renderValidation } from '../report/validation.js';
import { EXIT } from './errors.js';
import { ingestOverrides, type IngestFlags } from './flags.js';

export async function runReport(files: string[], opts: IngestFlags): Promise<number> {
  const loaded = await loadConfig(opts.config);
  const inputs = await loadInputs(loaded, { files, overrides: ingestOverrides(opts) });
  process.stdout.write(renderValidation(inputs));
  return EXIT.ok;
}
