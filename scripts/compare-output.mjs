// Proves that a change keeps every report byte-identical: builds a base commit (default HEAD) in a
// temporary worktree and runs the same commands with both builds, comparing stdout, stderr, exit
// code and every file written. Cases: the bundled examples in every format and language (the table
// both laid out to 80 columns and `--wide`), the sources fixture, test/cli/years, validate on every
// fixture, and (with --bench) generated national inputs.
// Usage: node scripts/compare-output.mjs [--base REF] [--bench] [--rows N] [--budget-rows N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { municipalities, writeBudget, writeSurvey } from './bench-inputs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const base = opt('--base', 'HEAD');
const work = mkdtempSync(join(tmpdir(), 'tillit-compare-'));
const baseTree = join(work, 'base');

function sh(cmd, cmdArgs, cwd) {
  execFileSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

console.log(`building ${base} in ${baseTree} …`);
sh('git', ['worktree', 'add', '--detach', '--quiet', baseTree, base], root);
sh('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--silent'], baseTree);
sh('node', ['scripts/build.mjs'], baseTree);
sh('node', ['scripts/build.mjs'], root);

/** Every file under `dir` as relative path → bytes. */
function files(dir) {
  const out = new Map();
  if (!existsSync(dir)) return out;
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Runs one case with one build; `{out}` in args becomes a fresh output folder. */
function run(tree, label, caseArgs) {
  const outDir = join(work, 'out', label);
  rmSync(outDir, { recursive: true, force: true });
  // There, so that `--summary {out}/summary.md` is appended to (and compared) rather than refused.
  mkdirSync(outDir, { recursive: true });
  const argv = caseArgs.map((a) => a.replaceAll('{out}', outDir));
  const r = spawnSync(process.execPath, [join(tree, 'bin/tillit.js'), ...argv], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C', TILLIT_PARALLEL_MIN_BYTES: process.env.TILLIT_PARALLEL_MIN_BYTES ?? '' },
    maxBuffer: 1 << 30,
  });
  const written = files(outDir);
  rmSync(outDir, { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString().replaceAll(tree, '<tree>'), written };
}

function same(a, b) {
  if (a.code !== b.code) return `exit ${a.code} vs ${b.code}`;
  if (!a.stdout.equals(b.stdout)) return 'stdout differs';
  if (a.stderr !== b.stderr) return 'stderr differs';
  const names = new Set([...a.written.keys(), ...b.written.keys()]);
  for (const n of names) if (!a.written.get(n)?.equals(b.written.get(n) ?? Buffer.alloc(0)) || !b.written.has(n)) return `file ${n} differs`;
  return null;
}

const example = 'fixtures/bengtsfors-mellerud/tillit.config.json';
const sources = 'fixtures/sources/tillit.config.json';
const cases = [];
// test/cli/years: nine closed years and a milestone, the sections the bundled examples do not have.
for (const config of [example, sources].concat(readdirSync(join(root, 'fixtures')).map((d) => `fixtures/${d}/tillit.config.json`), 'test/cli/years/tillit.config.json'))
  if (existsSync(join(root, config)) && !cases.some((c) => c[1].includes(config))) {
    for (const format of ['table', 'json', 'csv', 'md']) {
      cases.push([`${config} ${format}`, ['report', '--config', config, '--format', format]]);
      cases.push([`${config} ${format} en`, ['report', '--config', config, '--format', format, '--lang', 'en']]);
    }
    cases.push([`${config} table --wide`, ['report', '--config', config, '--wide']]);
    cases.push([`${config} table --wide en`, ['report', '--config', config, '--wide', '--lang', 'en']]);
    cases.push([`${config} md dir`, ['report', '--config', config, '--format', 'md', '--out', '{out}/']]);
    cases.push([`${config} -p 2024`, ['report', '--config', config, '--format', 'json', '-p', '2024']]);
    cases.push([`${config} csv excel-sv`, ['report', '--config', config, '--format', 'csv', '--csv-dialect', 'excel-sv']]);
    cases.push([`${config} fail-on`, ['report', '--config', config, '--fail-on', 'status=red', 'deviation<-1%', '--summary', '{out}/summary.md']]);
    cases.push([`${config} validate`, ['validate', '--config', config]]);
    cases.push([`${config} validate json`, ['validate', '--config', config, '--format', 'json']]);
  }
for (const dir of ['test/cli/bad', 'test/cli/hostile'])
  for (const name of readdirSync(join(root, dir)).sort()) cases.push([`validate ${dir}/${name}`, ['validate', `${dir}/${name}`]]);
cases.push(['schema report', ['schema', 'report']], ['schema config', ['schema', 'config']]);

if (args.includes('--bench')) {
  const codes = await municipalities(root);
  const survey = join(work, 'svar-riket.csv');
  const budget = join(work, 'budget-riket.csv');
  console.log('generating bench inputs …');
  await writeSurvey(survey, codes, Number(opt('--rows', 2_000_000)));
  await writeBudget(budget, codes, Number(opt('--budget-rows', 500_000)));
  for (const format of ['json', 'csv', 'md']) cases.push([`bench survey ${format}`, ['report', survey, '--format', format]]);
  cases.push(['bench survey threads 1', ['report', survey, '--format', 'json', '--threads', '1']]);
  cases.push(['bench budget json', ['report', budget, '--format', 'json']]);
  cases.push(['bench budget md', ['report', budget, '--format', 'md']]);
  cases.push(['bench budget validate', ['validate', budget, budget.replace('budget', 'svar')]]);
}

let differ = 0;
for (const [label, caseArgs] of cases) {
  const problem = same(run(baseTree, label, caseArgs), run(root, label, caseArgs));
  if (problem) differ++;
  console.log(`${problem ? 'DIFFERS' : 'same   '}  ${label}${problem ? `: ${problem}` : ''}`);
}
sh('git', ['worktree', 'remove', '--force', baseTree], root);
rmSync(work, { recursive: true, force: true });
console.log(`\n${cases.length - differ} of ${cases.length} cases byte-identical to ${base}`);
process.exit(differ ? 1 : 0);
