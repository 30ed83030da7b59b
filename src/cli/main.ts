import { setFlagsFromString } from 'node:v8';
import { EXIT } from './errors.js';
import { run } from './program.js';

// V8 allocates objects from a code site straight in the old generation once most of them
// survived a young-generation GC ("allocation-site pretenuring"). Reading a national file it
// takes that decision for sites that make millions of short-lived rows (which ones varies from
// run to run), and the old generation fills with dead rows: 2M answer rows read in 4.0 s with
// 900 MB promoted, or in 2.9 s with 300 MB without it (scripts/bench.mjs; set before any work,
// for this thread and the reading workers alike).
setFlagsFromString('--no-allocation-site-pretenuring');

// `tillit report | head` closes stdout early: that is the reader's choice, not an error. The run
// goes on without it (`writeStdout` stops writing) and ends with its own exit code, its summary
// appended: exiting here ended it with 0 before --fail-on's 1 was returned.
// Any other failure (a full disk, a device that refuses) is an output error: one sentence, exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`tillit: cannot write to standard output: ${error.code ?? error.message}\n`);
  process.exit(EXIT.usage);
});

// Messages are extras beside the results: a reader that left stderr (`2>&1 | head`) or a stderr
// that refuses must not end the run. Unhandled, the error killed it with exit 1 (the --fail-on
// code) before `--out` was written; now the rest of stderr is dropped and the run ends as it would.
process.stderr.on('error', () => undefined);

process.exitCode = await run(process.argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
