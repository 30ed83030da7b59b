// npm run bench: national-scale inputs in a temporary folder, `tillit report --format json` on each,
// next to a bare single-threaded csv-parse pass and DuckDB computing the same core figures
// (scripts/bench-duckdb.mjs) over the same file in the same run.
// Prints rows, MB, seconds, rows/s, MB/s, peak memory and the report's size (written to a file, as a CI
// job would), and the ratio to the bare pass.
// Every command runs --runs times (default 3): seconds are the fastest run (the least disturbed by
// whatever else the machine does; the same rule for the bare pass and for tillit), peak memory the
// largest of the runs.
// Options: --rows N[,N…] (answer rows, default 2 000 000), --budget-rows N (default ~500 000), --runs N, --keep.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { municipalities, writeBudget, writeSurvey } from './bench-inputs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
// --rows takes one count or several, comma-separated (`--rows 2000000,20000000`): a survey file each.
const rowsAt = args.indexOf('--rows');
const answerCounts = (rowsAt >= 0 ? args[rowsAt + 1] : '2000000').split(',').map(Number);
const budgetTarget = arg('--budget-rows', 500_000);
const runs = Math.max(1, arg('--runs', 3));
const dir = mkdtempSync(join(tmpdir(), 'tillit-bench-'));

const codes = await municipalities(root);

console.log(`tillit bench: best of ${runs} run(s) each; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`generating in ${dir} …`);
const surveys = [];
for (const count of answerCounts) {
  const file = join(dir, `svar-riket-${count}.csv`);
  surveys.push(['survey answers', 'survey', file, await writeSurvey(file, codes, count)]);
}
const budgetFile = join(dir, 'budget-riket.csv');
const budgetCount = await writeBudget(budgetFile, codes, budgetTarget);

/**
 * Runs a command with its standard output going to a file (as a CI job writes its report), returns
 * seconds and the peak resident memory (GNU time's %M, in KiB).
 */
function measureOnce(cmd, cmdArgs, env = {}) {
  const outPath = join(dir, 'stdout');
  const out = openSync(outPath, 'w');
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...cmdArgs], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', out, 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  const peakKiB = Number(r.stderr.trim().split('\n').at(-1));
  return { seconds, peakMB: peakKiB / 1024, status: r.status, stderr: r.stderr, stdoutBytes: statSync(outPath).size };
}

/** The fastest of `runs` runs, with the largest peak memory of them. */
function measure(cmd, cmdArgs) {
  const all = Array.from({ length: runs }, () => measureOnce(cmd, cmdArgs));
  const best = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, peakMB: Math.max(...all.map((m) => m.peakMB)), status: all.find((m) => m.status !== 0 && m.status !== 1)?.status ?? best.status, stderr: all.map((m) => m.stderr).join('') };
}

const bare = join(root, 'scripts/bare-csv-parse.mjs');
const duckdb = (kind, file) => measure(process.execPath, [join(root, 'scripts/bench-duckdb.mjs'), kind, file, join(dir, `duckdb-${kind}.csv`)]);
const tillit = (file, ...extra) => measure(process.execPath, [join(root, 'bin/tillit.js'), 'report', file, '--format', 'json', ...extra]);
const rows = [];
for (const [label, kind, file, count] of [...surveys, ['budget months', 'budget', budgetFile, budgetCount]]) {
  const mb = statSync(file).size / 1e6;
  const runs = [['bare csv-parse', measure(process.execPath, [bare, file])], ['DuckDB', duckdb(kind, file)], ['tillit report', tillit(file)]];
  // Respondent files are read on every core; the one-thread run shows what that buys.
  if (kind === 'survey') runs.push(['  --threads 1', tillit(file, '--threads', '1')]);
  for (const [, run] of runs.slice(2)) if (run.status !== 0 && run.status !== 1) console.error(`tillit exited ${run.status}:\n${run.stderr}`);
  rows.push({ label, kind, count, mb, runs });
}
const pad = (s, n) => String(s).padStart(n);
console.log('');
console.log(`${'input'.padEnd(16)}${pad('rows', 11)}${pad('MB', 8)} | ${'tool'.padEnd(15)}${pad('s', 7)}${pad('rows/s', 11)}${pad('MB/s', 7)}${pad('peak MB', 9)}${pad('out MB', 8)} | ÷ bare | ÷ DuckDB`);
for (const r of rows) {
  const [bareRun, duckRun] = [r.runs[0][1], r.runs[1][1]];
  for (const [tool, m] of r.runs) {
    const ratio = (to) => (m === bareRun || m === duckRun ? '' : (m.seconds / to.seconds).toFixed(2));
    const out = tool === 'DuckDB' ? statSync(join(dir, `duckdb-${r.kind}.csv`)).size : m.stdoutBytes;
    console.log(`${r.label.padEnd(16)}${pad(r.count.toLocaleString('en'), 11)}${pad(r.mb.toFixed(1), 8)} | ${tool.padEnd(15)}${pad(m.seconds.toFixed(2), 7)}${pad(Math.round(r.count / m.seconds).toLocaleString('en'), 11)}${pad((r.mb / m.seconds).toFixed(1), 7)}${pad(m.peakMB.toFixed(0), 9)}${pad((out / 1e6).toFixed(1), 8)} | ${pad(ratio(bareRun), 6)} | ${pad(ratio(duckRun), 8)}`);
  }
}
const version = measure(process.execPath, [join(root, 'bin/tillit.js'), '--version']);
const example = measure(process.execPath, [join(root, 'bin/tillit.js'), 'report', '--config', join(root, 'fixtures/bengtsfors-mellerud/tillit.config.json')]);
console.log('');
console.log(`tillit --version:          ${(version.seconds * 1000).toFixed(0)} ms`);
console.log(`bundled example report:    ${(example.seconds * 1000).toFixed(0)} ms, peak ${example.peakMB.toFixed(0)} MB`);
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`inputs kept in ${dir}`);
