import { addInputChecks } from '../indicators/input-checks.js';
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { defaultConfig, parseConfig } from '../config/parse.js';
import type { ConfigProposal } from '../config/proposal.js';
import { renderProposal } from '../config/render-proposal.js';
import { CONFIG_FILE, loadInputs } from '../ingest/load.js';
import type { ParsedInput } from '../ingest/parse-input.js';
import { proposeConfig, rowsOutsideMembers, rowsUsed } from '../ingest/propose.js';
import { MUNICIPALITIES } from '../model/register.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { checkPathFlags, ingestOverrides, threadOptions, type IngestFlags } from './flags.js';
import { reason, writeOutputs, writeRejects } from './output.js';
import { guardOutputs } from './paths.js';

export interface InitFlags extends IngestFlags {
  out: string;
  force?: boolean;
}

/**
 * `tillit init [FILES...]`: reads the files with the defaults, proposes a config for them (members,
 * organisation, inputs with what was detected, indicators), checks that the proposal reads the same
 * files, and writes it as commented JSON. Never replaces an existing file without `--force`.
 */
export async function runInit(files: string[], opts: InitFlags, io: Io): Promise<number> {
  checkPathFlags({ '--out': opts.out, '--rejects': opts.rejects });
  const target = resolve(opts.out);
  const overrides = ingestOverrides(opts);
  // --rejects is never one of the files read, nor the config written (checked before reading).
  if (opts.rejects) await guardOutputs([{ role: '--rejects', path: opts.rejects }], [...files.map((path) => ({ role: 'the input', path })), { role: '--out', path: target }]);
  const inputs = await loadInputs({ config: defaultConfig() }, { files, overrides, threads: threadOptions(opts, io), ...limits(opts) });
  const toConfig = (file: string): string => relative(dirname(target), resolve(file)).split(sep).join('/');
  // A config reads its inputs only below its own folder: one written elsewhere would not run.
  const outside = files.filter((f) => toConfig(f).startsWith('../') || isAbsolute(toConfig(f)));
  if (outside.length > 0 && !opts.allowOutside) throw new UsageError(`${outside[0]} is outside ${dirname(opts.out) === '.' ? 'this folder' : dirname(opts.out)}, where the config would be written; a config reads its inputs only below its own folder: write it (--out) in a folder that holds the files, or pass --allow-outside (then every command run with the config needs it too)`);
  const allowOutside = outside.length > 0;
  const proposed = proposeConfig(inputs, toConfig);
  // Such a config runs only with the flag: its first lines say so, as does the next step on screen.
  const first = allowOutside
    ? { ...proposed, notes: [proposed.notes[0]!, `Inputs outside this file's folder (${outside.join(', ')}): run every command with --allow-outside,`, 'e.g. tillit report --allow-outside   (validate the inputs with: tillit validate --allow-outside)'] }
    : proposed;
  // Files read through the first proposal (the organisation's own rows attached) tell what the
  // first reading could not, e.g. the unit of the organisation's amounts: propose again from them.
  const again = await readThrough(first, target, opts, io, allowOutside);
  const proposal = { ...first, inputs: mergeInputs(first, proposeConfig(again, toConfig, first.organisation)) };
  const text = renderProposal(proposal);
  // The proposal must read the files as it says: parse it back and read them through it.
  const reread = await readThrough(proposal, target, opts, io, allowOutside);
  addInputChecks(reread, parseConfig(text, opts.out));
  await write(target, text, opts, files);
  const left = proposal.inputs.filter((i) => i.disabled).map((i) => ({ path: i.spec.path, why: i.disabled! }));
  io.stderr.write(summary(opts.out, reread, left, membership(proposal, reread), allowOutside));
  // The rows the config written rejects, as `tillit validate --rejects` with it would list them.
  if (opts.rejects) io.stderr.write(`tillit: wrote ${await writeRejects(opts.rejects, reread)} rejected row(s) to ${opts.rejects}\n`);
  return EXIT.ok;
}

/** `--max-bytes`, as every command that reads files takes it (the row limit is in the overrides). */
function limits(opts: InitFlags): { maxBytes?: number } {
  return opts.maxBytes ? { maxBytes: opts.maxBytes } : {};
}

async function readThrough(proposal: ConfigProposal, target: string, opts: InitFlags, io: Io, allowOutside: boolean): Promise<ParsedInput[]> {
  const config = parseConfig(renderProposal(proposal), opts.out);
  return loadInputs({ config, path: target }, { files: [], overrides: ingestOverrides(opts), threads: threadOptions(opts, io), allowOutside, ...limits(opts) });
}

/**
 * Who the config counts as the organisation, said on screen: the areas kept as comparisons, and any
 * budget rows no member has (left out of the organisation's figures), never dropped in silence.
 */
function membership(proposal: ConfigProposal, inputs: readonly ParsedInput[]): string[] {
  const lines: string[] = [];
  if (proposal.members.length > 0) lines.push(`  members: ${proposal.members.map((m) => m.name).join(', ')}`);
  if (proposal.peers) {
    const names = proposal.peers.codes.map((c) => MUNICIPALITIES.get(c) ?? c);
    lines.push(`  not members, compared with (peer group "${proposal.peers.name}"): ${names.join(', ')}`);
  }
  const outside = rowsOutsideMembers(inputs, proposal.members.map((m) => m.code));
  if (outside.size > 0) {
    const rows = [...outside.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${rows} budget row(s) left out of the organisation's figures, no member has them: ${[...outside].map(([name, n]) => `${name} (${n})`).join(', ')}; list them under "members" to count them`);
  }
  return lines;
}

/** The organisation's own files as the second pass read them (named as its own); the rest as first proposed. */
function mergeInputs(first: ConfigProposal, second: ConfigProposal): ConfigProposal['inputs'] {
  const byPath = new Map(second.inputs.map((i) => [i.spec.path, i]));
  return first.inputs.map((i) => {
    const again = i.organisationsOwn ? byPath.get(i.spec.path) : undefined;
    // The rows used as the second reading counts them (the organisation's own rows among them).
    return again ? { ...again, notes: [again.notes[0]!, ...i.notes.slice(1), ...again.notes.slice(1)] } : i;
  });
}

async function write(target: string, text: string, opts: InitFlags, inputs: string[]): Promise<void> {
  if (opts.force) {
    await writeOutputs(target, () => [], () => [text], inputs.map((path) => ({ role: 'the input', path })));
    return;
  }
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${opts.out} exists; tillit init never replaces a config (--force to do so)`);
    throw new OutputError(`cannot write ${opts.out}: ${reason(error)}`, { cause: error });
  }
}

/** A file's warnings by code, for the line that names it: what `tillit validate` lists in full (counts left out for a file of answers, as its rows are). */
function warningsOf(input: ParsedInput): string {
  const codes = new Map<string, number>();
  for (const f of input.findings) if (f.severity === 'warning') codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  if (codes.size === 0) return '';
  const named = [...codes].map(([code, n]) => (input.kind === 'answers' || n === 1 ? code : `${code} ×${n}`));
  return `; CHECK warnings: ${named.join(', ')} (tillit validate names them)`;
}

function summary(out: string, inputs: Awaited<ReturnType<typeof loadInputs>>, left: readonly { path: string; why: string }[], members: readonly string[], allowOutside: boolean): string {
  const lines = [`tillit: wrote ${out}`];
  // Why, on screen too (a finding's message, control characters already made visible): a name
  // mistyped ("file not found") is seen before the config is opened.
  for (const { path, why } of left) lines.push(`  ${path}: ${why}, left out (commented out in the config)`);
  for (const i of inputs) {
    const rejected = i.kind !== 'answers' && i.counts.rejected > 0 ? `, ${i.counts.rejected} rejected` : '';
    lines.push(`  ${relative(process.cwd(), i.file) || i.file}: ${i.kind ?? 'not readable'}, ${rowsUsed(i)}${rejected}${warningsOf(i)}`);
  }
  lines.push(...members);
  const next = `${out === CONFIG_FILE ? 'tillit report' : `tillit report --config ${out}`}${allowOutside ? ' --allow-outside' : ''}`;
  lines.push(inputs.length + left.length === 0 ? `  a template: add your files under "inputs", then run: ${next}` : `  check the lines marked CHECK, then run: ${next}`);
  return `${lines.join('\n')}\n`;
}
