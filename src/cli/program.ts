import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { flagChoices, READ_OPTIONS } from '../config/options.js';
import { AMOUNT_UNITS, CSV_DIALECTS, LANGS } from '../model/words.js';
import { EXIT, InputError, OutputError, UsageError } from './errors.js';
import type { Io } from './io.js';
import packageJson from '../../package.json' with { type: 'json' };
import { FORMAT_NAMES } from '../report/report-format.js';
import { stopWarmWorkers } from '../ingest/reading-workers.js';
import { warmReaders } from './warm.js';

// Commands load their modules (csv-parse, renderers, zod) only when run: `tillit --version` and
// `--help` stay fast. The flags' choices are the plain word lists of model/words.ts for that.

const { version } = packageJson;

const EXIT_HELP = `
Exit codes:
  0  success (validate: every row accepted)
  1  report: a --fail-on rule matched (the report is still written)
  2  usage or config error, a --municipality with no figures, or an output that cannot be written
  3  input error: a file unreadable or rows rejected (validate; report with --strict),
     a --period with no figures, or nothing to report`;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/**
 * Flags shared by every command that reads inputs, listed after the command's own options under a
 * heading of their own: the options an analyst needs most come first in `--help`.
 */
function ingestFlags(cmd: Command, { config = true } = {}): Command {
  if (config) cmd.option('-c, --config <file>', 'config file (default: ./tillit.config.json when present)');
  cmd.optionsGroup('Reading input files (override the config and what is detected):');
  for (const o of Object.values(READ_OPTIONS)) {
    if (!('flag' in o)) continue;
    const choices = flagChoices(o);
    cmd.addOption(choices ? new Option(o.flag.name, o.flag.help).choices(choices) : new Option(o.flag.name, o.flag.help));
  }
  return cmd
    .option('--max-bytes <n>', 'largest input file accepted, in bytes (default 2 GiB)', positiveInt)
    .option('--max-rows <n>', 'most data rows read from one file (default 50 000 000)', positiveInt)
    .option('--rejects <file>', 'write every rejected row (file, line, reason, original text) as CSV')
    .option('--threads <n>', 'threads for reading one large respondent file (default: the machine\'s cores; 1: one thread)', positiveInt)
    .option('--allow-outside', 'read config inputs outside the config\'s folder (a config reads only below its own folder otherwise)');
}

/**
 * The action of a command that reads files: reading workers are warmed for the files it names
 * while its module loads (`warmReaders`), and those it did not take are stopped when it ends.
 */
function readingAction<F extends { threads?: number }>(io: Io, done: (code: number) => void, run: (files: string[], opts: F) => Promise<number>) {
  return async (files: string[], opts: F): Promise<void> => {
    warmReaders(files, opts.threads, io.env);
    done(await run(files, opts).finally(stopWarmWorkers));
  };
}

/**
 * The command line's commands; a command's action leaves its exit code with `done`. Output goes
 * to `io` only, commander's own too (its help is as wide as a terminal `io` names, and has no
 * colour to keep or strip).
 */
export function buildProgram(io: Io, done: (code: number) => void = () => undefined): Command {
  const program = new Command();
  program
    .name('tillit')
    .description('Trust-based governance indicators for Swedish municipalities: survey quality and budget balance.')
    .version(version, '-V, --version')
    // A typo gets the error and commander's suggestion, not the whole help.
    .showHelpAfterError('(tillit --help lists the commands, tillit COMMAND --help their options)')
    .addHelpText('after', EXIT_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's own width: a terminal's, else 80.
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });

  const validate = program.command('validate').argument('[files...]', 'CSV or JSON files (default: the config inputs)')
    .description('check input files: encoding, delimiter, kind, rows read/used/rejected with reasons')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  ingestFlags(validate)
    .addHelpText('after', EXIT_HELP)
    .action(readingAction(io, done, async (files, opts) => (await import('./validate.js')).runValidate(files, opts, io)));

  const report = program.command('report').argument('[files...]', 'input files (add to or replace the config inputs)')
    .description('comparison report per municipality: quality, budget, shared costs')
    .option('-p, --period <period>', 'report period YYYY or YYYY-MM (default: latest in the data)')
    .option('-m, --municipality <code...>', 'only these municipalities or regions (codes or names)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --out <path>', 'output file, directory (one file per municipality) or - for stdout', '-')
    .option('--width <n>', 'lay the table out to N columns (default: the terminal\'s width, else COLUMNS, else 80)', positiveInt)
    .addOption(new Option('--wide', 'the table with every column and row, nothing wrapped, however wide').conflicts('width'))
    .option('--genders', 'the table\'s rows by gender (folded under their total otherwise)')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(LANGS))
    .addOption(new Option('--csv-dialect <dialect>', 'CSV flavour').choices(CSV_DIALECTS).default('rfc4180'))
    .addOption(new Option('--amount-unit <unit>', 'unit for amounts in the table and the md and html briefs (default: table config budget.displayUnit, tkr; briefs mnkr, a column of small amounts tkr)').choices(AMOUNT_UNITS))
    .option('--fail-on <rule...>', 'exit 1 when a rule matches: status=red|yellow|green, trend=worsening, deviation<-2%, forecast<-1% (<, <=, >, >=), suppressed, optimistic')
    .option('--summary <file>', 'append a short Markdown summary (e.g. $GITHUB_STEP_SUMMARY)')
    .option('--add', 'add FILES to the config inputs instead of replacing them')
    .option('--strict', 'a rejected input row, budget files that disagree or amounts implausible in their unit: exit 3, no report')
    .option('--generated-at <iso>', 'stamp the report with this time: an ISO 8601 date, or time with Z or an offset (default: none, or SOURCE_DATE_EPOCH)')
    .option('--no-color', 'no colour (also when NO_COLOR is set or stdout is not a terminal; FORCE_COLOR=1 forces it)')
    .option('--no-charts', 'no charts in md (--out DIR/) and html briefs (drawing them takes ~60 ms each)');
  ingestFlags(report)
    .addHelpText('after', EXIT_HELP)
    .action(readingAction(io, done, async (files, opts) => (await import('./report.js')).runReport(files, opts, io)));

  const init = program.command('init').argument('[files...]', 'your data files: their kind, members, periods and columns are read')
    .description('write a commented tillit.config.json for your files (a template without files)')
    .option('-o, --out <file>', 'where to write the config', 'tillit.config.json')
    .option('--force', 'replace an existing config');
  ingestFlags(init, { config: false })
    .addHelpText('after', EXIT_HELP)
    .action(async (files: string[], opts) => {
      const { runInit } = await import('./init.js');
      done(await runInit(files, opts, io));
    });

  program
    .command('schema')
    .description('print a JSON Schema')
    .argument('<which>', 'config | report')
    .action(async (which: string) => {
      const { runSchema } = await import('./schema.js');
      done(runSchema(which, io));
    });
  return program;
}

/**
 * Runs the command line on `argv` (as `process.argv`: node, the script, then the arguments) and
 * returns its exit code. The one top-level catch: known errors become a sentence and an exit code;
 * unknown ones are re-thrown.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError') || error instanceof OutputError) {
      io.stderr.write(`tillit: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`tillit: ${error.message}\n`);
      return EXIT.input;
    }
    throw error;
  }
}
