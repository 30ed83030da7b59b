import { Chalk } from 'chalk';
import { wantsColor } from './color.js';
import { tableWidth } from './width.js';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { configInputPath } from '../ingest/resolve.js';
import { analyseLazily, type LazyReport } from '../indicators/analyse.js';
import { publishedFindings } from '../indicators/published-findings.js';
import { coverageText, isEmptyReport, municipalityCode, municipalityProblem, periodProblem, sectionlessAreas, type Coverage } from '../indicators/selection.js';
import { loadConfig, loadInputs, unreadableInputs, type LoadedConfig } from '../ingest/load.js';
import type { ParsedInput } from '../ingest/parse-input.js';
import { formatFinding, type Finding } from '../model/findings.js';
import { truncate, visible, visibleLabel } from '../model/text.js';
import { evaluateFailOn, failOnLine, githubError, parseFailOn, type FailOnRule } from '../report/fail-on.js';
import { withinWindow } from '../model/period.js';
import { resolveArea } from '../model/register.js';
import { keptOf } from '../model/input.js';
import { federationNamed, federationsOf } from '../model/membership.js';
import type { Report } from '../model/report.js';
import { renderBriefCharts, type BriefCharts } from '../report/charts/index.js';
import { FORMATS } from '../report/formats.js';
import { chartFiles, reportFiles, renderSummary } from '../report/render.js';
import type { Format, ReportRenderOptions } from '../report/report-format.js';
import { NO_PAINT, type Paint } from '../report/view.js';
import { budgetNotices } from '../report/notices.js';
import { warningLines } from '../report/warnings.js';
import { EXIT, InputError, UsageError } from './errors.js';
import type { Io, Output } from './io.js';
import { checkForcedKind, checkIngestFlags, checkPathFlags, ingestOverrides, threadOptions, type IngestFlags } from './flags.js';
import { collectGarbage, readMostlyGarbage } from './memory.js';
import { appendSummary, checkAppendable, writeOutputs, writeRejects, writeStdout } from './output.js';
import { guardOutputs, protectedFiles, type Named } from './paths.js';
import type { AmountUnit, CsvDialect, Lang } from '../model/vocabulary.js';

export interface ReportFlags extends IngestFlags {
  period?: string;
  municipality?: string[];
  format: Format;
  out: string;
  lang?: Lang;
  csvDialect: CsvDialect;
  amountUnit?: AmountUnit;
  failOn?: string[];
  summary?: string;
  add?: boolean;
  strict?: boolean;
  generatedAt?: string;
  color: boolean;
  /** False with --no-charts. */
  charts?: boolean;
  /** The table's width (--width N); --wide lays it out as wide as its cells; --genders shows rows by gender. */
  width?: number;
  wide?: boolean;
  genders?: boolean;
}

/** Colour is an extra signal (see `wantsColor`). */
function paintFor(flags: ReportFlags, toTerminal: boolean, io: Io): Paint {
  if (!wantsColor({ flag: flags.color, toStdout: toTerminal, isTTY: io.stdout.isTTY === true, env: io.env })) return NO_PAINT;
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, bold: c.bold };
}

function generatedAt(flags: ReportFlags, env: NodeJS.ProcessEnv): string | undefined {
  if (flags.generatedAt !== undefined) {
    const d = isoInstant(flags.generatedAt);
    if (d === undefined) throw new UsageError(`--generated-at: not an ISO 8601 date, or time with its zone: "${truncate(flags.generatedAt)}" (expected e.g. 2025-11-05 or 2025-11-05T08:00:00Z; a time needs Z or an offset such as +01:00, so that every machine stamps the same)`);
    return d.toISOString();
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const d = new Date(Number(epoch) * 1000);
    // A Date reaches 8.64e15 ms (year 275760); beyond it there is no time to print.
    if (!/^\d+$/.test(epoch) || Number.isNaN(d.getTime())) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 up to 8640000000000, got "${truncate(epoch)}"`);
    return d.toISOString();
  }
  return undefined;
}

/**
 * An ISO 8601 date (`2025-11-05`, midnight UTC) or date and time with its zone (`Z`, `+01:00`),
 * a real day and time. `new Date(text)` alone took anything it could guess (`5` was May 2001),
 * rolled an impossible day over (`2025-02-30` was 2 March) and read a time without a zone in the
 * machine's own, so the same command stamped different bytes on two machines.
 */
function isoInstant(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x)));
  const day0 = new Date(Date.UTC(year!, month! - 1, day!));
  if (day0.getUTCFullYear() !== year || day0.getUTCMonth() !== month! - 1 || day0.getUTCDate() !== day) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const offset = m[7];
  if (offset !== undefined && offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(-2)) > 59)) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Only a person at a terminal waiting on large inputs sees a progress line, on stderr. */
async function progressLine(paths: string[], stderr: Output): Promise<{ done(): void }> {
  if (!stderr.isTTY) return { done: () => undefined };
  const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < 20 * 1024 * 1024) return { done: () => undefined };
  const started = Date.now();
  stderr.write(`tillit: reading ${paths.length} file(s), ${(total / 1e6).toFixed(0)} MB …`);
  return { done: () => stderr.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`) };
}

/**
 * Answers read twice (a file named twice under other names, rows appended twice) would count twice
 * in every share they touch: they are listed and no report is written.
 */
function refuseRepeatedAnswers(inputs: readonly ParsedInput[], stderr: Output): void {
  const repeats = (i: ParsedInput) => i.findings.some((f) => f.code === 'answer-repeated' || f.code === 'answer-repeated-more');
  const files = inputs.filter(repeats);
  if (files.length === 0) return;
  // Where a respondent's rows lie is said by tillit validate, not in a report's output: a line of a
  // file of answers sorted by group says where a group's rows start.
  for (const i of files) stderr.write(`  ${i.file}: error answer-repeated: the same respondent answers the same question again (same municipality, year, service, question and respondent number); tillit validate names the lines\n`);
  throw new InputError('answers read twice: the same respondent answers the same question more than once (listed above); each would count twice, so no report is written');
}

/**
 * Charts for the briefs that show them: HTML always (inline), Markdown when written to a directory
 * (files beside the briefs; `--out` names a directory as writeOutputs decides: a trailing slash
 * or an existing directory). Rendering loads the chart library, so nothing else pays for it.
 */
async function briefCharts(flags: ReportFlags, report: () => Report, lang: Lang): Promise<BriefCharts | undefined> {
  const where = FORMATS[flags.format].charts;
  if (flags.charts === false || where === 'none') return undefined;
  if (where === 'inline') return renderBriefCharts(report(), lang);
  if (flags.out === '-') return undefined;
  const toDirectory = flags.out.endsWith('/') || flags.out.endsWith(sep) || (await stat(flags.out).then((s) => s.isDirectory(), () => false));
  return toDirectory ? renderBriefCharts(report(), lang) : undefined;
}

/**
 * A selection that matches nothing is an error, not an empty report: a --municipality with no
 * figures is a usage error (2) naming the valid ones nearby, a --period with none an input error
 * (3) naming the periods there are (a report with nothing in any section is refused after the
 * warnings that may explain it).
 */
function checkSelection(flags: ReportFlags, coverage: Coverage, federation: (text: string) => string | undefined): void {
  const unknown = flags.municipality ? municipalityProblem(flags.municipality, coverage, undefined, federation) : undefined;
  if (unknown) throw new UsageError(unknown);
  const period = flags.period ? periodProblem(flags.period, coverage) : undefined;
  if (period) throw new InputError(`${period}; nothing written`);
}

/** One sentence for the files a run cannot read: the first by name and why, and how many more. */
export function unreadableSentence(failed: readonly Finding[]): string {
  const f = failed[0]!;
  const at = f.line === undefined ? f.file : `${f.file}:${f.line}${f.column === undefined ? '' : `:${f.column}`}`;
  const first = f.code === 'file-not-found' ? `file not found: ${f.file}${f.message.replace(/^file not found/, '')}`
    : f.code === 'file-unreadable' ? `cannot read ${f.file}: ${f.message.replace(/^cannot read file: /, '')}`
    : `cannot use ${at}: ${f.message}`;
  return failed.length === 1 ? first : `${first} (and ${failed.length - 1} more file(s) that cannot be read; tillit validate lists them)`;
}

/** `tillit report`: parse options → read inputs → analyse → render → write → exit code. */
export async function runReport(files: string[], flags: ReportFlags, io: Io): Promise<number> {
  const plan = await parseOptions(files, flags);
  const analysed = decideFailOn(flags, plan, analyseInputs(await readInputs(files, flags, plan, io), flags, plan, io));
  const rendering = await renderWith(flags, plan, analysed, io);
  await writeReport(flags, plan, analysed, rendering, io);
  return exitCode(flags, analysed, rendering, io);
}

/** What the options say, checked before any input is read. */
interface Plan {
  rules: FailOnRule[];
  loaded: LoadedConfig;
  /** What no output may overwrite: the inputs and the config. */
  kept: Named[];
}

/** Options checked, the config loaded, outputs that would overwrite an input refused: nothing read yet. */
async function parseOptions(files: string[], flags: ReportFlags): Promise<Plan> {
  checkPathFlags({ '--out': flags.out, '--summary': flags.summary, '--rejects': flags.rejects, '--config': flags.config });
  refuseSwallowedFiles(flags);
  if (flags.period !== undefined && !/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(flags.period)) {
    throw new UsageError(`--period: expected YYYY or YYYY-MM, got "${flags.period}"`);
  }
  const parsedRules = parseFailOn(flags.failOn ?? []);
  if ('error' in parsedRules) throw new UsageError(parsedRules.error);
  const loaded = await loadConfig(flags.config);
  if (files.length === 0 && loaded.config.inputs.length === 0) {
    throw new UsageError('no input files: name them (tillit report FILE...) or list them under "inputs" in a config');
  }
  checkIngestFlags(flags, loaded.config.organisation);
  const kept = protectedFiles(loaded, files, flags.add);
  await guardOutputs([
    ...(flags.out === '-' ? [] : [{ role: '--out', path: flags.out }]),
    ...(flags.rejects ? [{ role: '--rejects', path: flags.rejects }] : []),
    ...(flags.summary ? [{ role: '--summary', path: flags.summary }] : []),
  ], kept);
  if (flags.summary) await checkAppendable(flags.summary);
  return { rules: parsedRules.rules, loaded, kept };
}

/**
 * `-m` and `--fail-on` take every word after them: `tillit report -m 1461 budget.csv` took the
 * file as a municipality, and said "no input files" (or that it is no municipality). A value that
 * is a file is refused saying so, and how to name both.
 */
function refuseSwallowedFiles(flags: ReportFlags): void {
  for (const [flag, values] of [['--municipality', flags.municipality], ['--fail-on', flags.failOn]] as const) {
    const file = (values ?? []).find((v) => statSync(v, { throwIfNoEntry: false })?.isFile() === true);
    if (file !== undefined) throw new UsageError(`${flag} took the file ${file} as one of its values: it takes every word after it; name the files first (tillit report FILE... ${flag} ...) or end its values with -- (${flag} ... -- FILE...)`);
  }
}

/**
 * The inputs read: a file that cannot be read, answers read twice, or no usable row at all stop
 * the run; rejected rows are listed on stderr (and written to --rejects), and stop it with --strict.
 */
async function readInputs(files: string[], flags: ReportFlags, { loaded }: Plan, io: Io): Promise<ParsedInput[]> {
  const { stderr } = io;
  const progress = await progressLine(files.length > 0 ? files : loaded.path ? loaded.config.inputs.map((i) => configInputPath(loaded.path!, i)) : [], stderr);
  // A finance export without a period column is "after" the report's --period month.
  const overrides = { ...ingestOverrides(flags), ...(flags.period?.length === 7 ? { fallbackPeriod: flags.period } : {}) };
  const inputs = await loadInputs(loaded, { files, addToConfig: flags.add ?? false, overrides, threads: threadOptions(flags, io), allowOutside: flags.allowOutside ?? false, ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}) });
  progress.done();
  const unreadable = unreadableInputs(inputs);
  if (unreadable.length > 0) throw new InputError(unreadableSentence(unreadable));
  checkForcedKind(inputs);
  if (flags.rejects) {
    const count = await writeRejects(flags.rejects, inputs);
    stderr.write(`tillit: wrote ${count} rejected row(s) to ${flags.rejects}\n`);
  }
  refuseRepeatedAnswers(inputs, stderr);
  listRejected(inputs, flags.strict ?? false, stderr);
  if (inputs.every((i) => keptOf(i) === 0)) throw new InputError('no usable rows in the input; nothing to report');
  // Collected before analysis, the heap V8 sizes from the live data stays smaller: 2M answers'
  // report peaked at 414 instead of 567 MB, for one ~35 ms collection (scripts/bench.mjs).
  if (readMostlyGarbage(inputs)) collectGarbage();
  return inputs;
}

/** Input errors on stderr, the first ten; with --strict, no report. */
function listRejected(inputs: readonly ParsedInput[], strict: boolean, stderr: Output): void {
  // As the report publishes them: a respondent's line, or a hidden cell's figure as written, stays out.
  const rejected = inputs.flatMap((i) => publishedFindings(i).filter((f) => f.severity === 'error'));
  if (rejected.length === 0) return;
  const rejectedRows = inputs.reduce((a, i) => a + i.counts.rejected, 0);
  // Rejected answers are not counted here, as a report counts no rows of a file of answers.
  const answers = inputs.some((i) => i.kind === 'answers' && i.counts.rejected > 0);
  const left = strict ? '' : ' and left out of the report';
  // A file can fail with no row rejected (every row set aside on purpose): no "0 rows" line then.
  stderr.write(answers ? `tillit: input rows rejected${left} (rows of answers are not counted here: tillit validate counts them):\n` : rejectedRows > 0 ? `tillit: ${rejectedRows} input row(s) rejected${left}:\n` : 'tillit: input errors:\n');
  for (const f of rejected.slice(0, 10)) stderr.write(`  ${formatFinding(f)}\n`);
  if (rejected.length > 10) stderr.write(`  … ${rejected.length - 10} more (tillit validate, or the JSON report's findings)\n`);
  if (strict) throw new InputError('--strict: no report written');
}

/** The report, its quality rows made on demand; the whole report (every row) made once, when first asked for. */
class Analysed {
  private whole: Report | undefined;

  constructor(readonly report: Report, readonly rows: LazyReport['rows'], whole?: Report) {
    this.whole = whole;
  }

  full(): Report {
    return (this.whole ??= { ...this.report, quality: [...this.rows()] });
  }

  /** The whole report when something has made it already. */
  get made(): Report | undefined {
    return this.whole;
  }
}

/**
 * The inputs analysed (and let go), with budget conflicts and warnings on stderr; a selection that
 * matches nothing, or a report with nothing in it, is refused.
 */
function analyseInputs(inputs: ParsedInput[], flags: ReportFlags, { loaded }: Plan, { stderr, env }: Io): Analysed {
  // `-m 1460`, `-m Bengtsfors`, `-m 20`, `-m Dalarna`: a municipality or a region, as the data names them;
  // one that names nothing in the data is refused below with the valid ones.
  const federation = federationNamed(federationsOf(loaded.config.members));
  const municipalities = flags.municipality?.map((m) => municipalityCode(m) ?? federation(m) ?? ((r) => (r.ok ? r.area.code : m))(resolveArea(m)));
  const at = generatedAt(flags, env);
  const { report, rows, coverage } = analyseLazily(inputs, loaded.config, {
    ...(flags.period ? { period: flags.period } : {}),
    ...(municipalities ? { municipalities } : {}),
    ...(at ? { generatedAt: at } : {}),
  });
  // Budget sources that disagree are errors of the report, not of a row: said here; warnings below.
  const conflicts = budgetNotices(report).filter((n) => n.includes(' error '));
  if (conflicts.length > 0) stderr.write(`tillit: ${conflicts.length} budget conflict(s):\n${conflicts.map((n) => `  ${n}\n`).join('')}`);
  if (flags.strict && report.findings.some((f) => f.code === 'budget-conflict')) throw new InputError('--strict: budget sources disagree; no report written');
  // Analysis has what it needs: the records (2M answers: ~40 MB) are let go before writing.
  inputs.length = 0;
  checkSelection(flags, coverage, federation);
  for (const line of warningLines(report.findings)) stderr.write(`${line}\n`);
  if (flags.strict && report.findings.some((f) => f.code === 'unit-implausible')) throw new InputError('--strict: amounts implausible in the unit they were read in (unit-implausible above); no report written');
  if (isEmptyReport(report, rows)) {
    const when = [report.period.survey, report.period.budget].filter((p) => p !== null).join(' / ');
    // Cells there may be, every one without a figure because answers in it were rejected (listed above).
    const rejected = report.findings.some((f) => f.code === 'cell-incomplete') ? ': every cell has answers rejected (listed above)' : '';
    throw new InputError(`nothing to report: no figures for a municipality or the organisation${when ? ` at ${when}` : ''} (the inputs have ${coverageText(coverage)})${rejected}; nothing written`);
  }
  if (municipalities && !ALL_ROWS.has(flags.format)) refuseSectionless(sectionlessAreas(municipalities, report, rows), flags.format);
  return new Analysed(report, rows);
}

/** Formats that carry every row of the areas kept, sections or not. */
const ALL_ROWS: ReadonlySet<Format> = new Set(['json', 'csv']);

/** `-m` naming a region or the nation a table or brief would leave out (it is only the rows' comparison there): refused, with where it is. */
function refuseSectionless(areas: Report['areas'], format: Format): void {
  if (areas.length === 0) return;
  const named = areas.map((a) => `${a.code} ${a.name}`).join(', ');
  // A peer group's member is compared in the peer table; a region or the nation beside each row.
  const where = areas.every((a) => a.kind === 'municipality') ? 'Jämförelsegrupper: it is in a peer group' : 'Mot riket / Mot länet';
  throw new UsageError(`--municipality: ${named} gets no section of its own in a ${format} report beside the organisation or its municipalities: it is what their rows are compared with (${where}). Its rows are in --format json and csv; a report of it alone is made without --config (tillit report FILE -m ${areas[0]!.code})`);
}

/** How the report is rendered: its options (language, unit, colour, charts) and its text as chunks. */
interface Rendering {
  options: ReportRenderOptions;
  charts: BriefCharts | undefined;
  chunks(paint: Paint): Iterable<string>;
}

/**
 * JSON and CSV are rendered row by row as the rows are made; the other formats look across rows
 * and get them all at once.
 */
async function renderWith(flags: ReportFlags, { loaded }: Plan, analysed: Analysed, io: Io): Promise<Rendering> {
  const lang = flags.lang ?? loaded.config.organisation.language;
  const charts = await briefCharts(flags, () => analysed.full(), lang);
  const toStdout = flags.out === '-';
  const table = flags.wide === true ? {} : { table: { width: tableWidth({ flag: flags.width, toStdout, stdout: io.stdout, env: io.env }), genders: flags.genders ?? false } };
  // A brief's amounts are in mnkr unless the flag says otherwise (`displayUnit` is the table's).
  const options = { lang, unit: flags.amountUnit ?? loaded.config.budget.displayUnit, ...(flags.amountUnit ? { briefUnit: flags.amountUnit } : {}), paint: paintFor(flags, toStdout, io), csvDialect: flags.csvDialect, ...(charts ? { charts } : {}), ...table };
  const format = FORMATS[flags.format];
  return {
    options,
    charts,
    chunks: (paint) => (format.streams ? format.render(analysed.report, { ...options, paint }, analysed.rows()) : format.render(analysed.full(), { ...options, paint })),
  };
}

/** The report to stdout, or to --out (a file, or a directory of briefs with their charts first). */
async function writeReport(flags: ReportFlags, { kept }: Plan, analysed: Analysed, rendering: Rendering, { stdout, stderr }: Io): Promise<void> {
  if (flags.out === '-') {
    await writeStdout(stdout, rendering.chunks(rendering.options.paint));
    return;
  }
  const guarded = [...kept, ...(flags.rejects ? [{ role: '--rejects', path: flags.rejects }] : []), ...(flags.summary ? [{ role: '--summary', path: flags.summary }] : [])];
  // Charts first: a brief never links a chart that is not there yet.
  const { charts } = rendering;
  if (charts && FORMATS[flags.format].charts === 'files') {
    const paths = await writeOutputs(join(flags.out, 'charts') + sep, () => chartFiles(charts), () => [], guarded);
    if (paths.length > 0) stderr.write(`tillit: wrote ${paths.length} chart(s) to ${dirname(paths[0]!)}${sep}\n`);
  }
  const written = await writeOutputs(flags.out, () => reportFiles(analysed.full(), flags.format, rendering.options), () => rendering.chunks(NO_PAINT), guarded);
  for (const path of written) stderr.write(`tillit: wrote ${path}\n`);
}

/**
 * --fail-on is decided before anything is written, so the JSON carries its matches. It reads each
 * series' latest row within the window: made again for it when the rest are written as they come.
 */
function decideFailOn(flags: ReportFlags, { rules }: Plan, analysed: Analysed): Analysed {
  if (rules.length === 0) return analysed;
  const { report } = analysed;
  const year = report.period.survey;
  const latest = () => ({ ...report, quality: [...analysed.rows({ row: (_code, _kind, period) => withinWindow(period, year, report.settings.window) })] });
  const failOn = evaluateFailOn(FORMATS[flags.format].streams && !flags.summary ? latest() : analysed.full(), rules);
  const whole = analysed.made;
  return new Analysed({ ...report, failOn }, analysed.rows, whole ? { ...whole, failOn } : undefined);
}

/** --summary appended; the exit code: --fail-on's when a rule matches (each match on stderr), else 0. */
async function exitCode(flags: ReportFlags, analysed: Analysed, rendering: Rendering, { stderr, env }: Io): Promise<number> {
  const lines = analysed.report.failOn.map(failOnLine);
  if (flags.summary) await appendSummary(flags.summary, renderSummary(analysed.full(), analysed.report.failOn, { ...rendering.options, paint: NO_PAINT }));
  if (lines.length === 0) return EXIT.ok;
  stderr.write(`tillit: --fail-on matched ${lines.length} time(s):\n`);
  // In GitHub Actions each match is an error annotation on the run; elsewhere a line a person reads.
  // A rule's match names data: folded onto its line (escaped in an annotation), so no data begins a line on stderr.
  const actions = env.GITHUB_ACTIONS === 'true';
  for (const m of lines) stderr.write(actions ? `${githubError('tillit --fail-on', visibleLabel(m))}\n` : `  ${visible(m.replace(/\r?\n/g, '⏎'))}\n`);
  return EXIT.failOn;
}
