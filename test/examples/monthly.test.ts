import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE, ROOT } from '../cli/run.js';

// examples/monthly.yml run as a runner would run it, in a repository made from the bundled example:
// each `run:` step's script under bash -e (as GitHub runs it: `bash --noprofile --norc -eo
// pipefail`), with GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY as files; `uses:` steps (checkout,
// setup-node, upload-artifact) are the runner's and are not run. A step after a failed one runs
// only with `if: always()`.

interface Step { id?: string; name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string> }
interface Result { step: Step; code: number | null; stderr: string }

const workflow = parse(readFileSync(join(ROOT, 'examples/monthly.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs)[0]!.steps;
const work = mkdtempSync(join(tmpdir(), 'tillit-monthly-'));
let tarball: string;

/** The environment without npm's own `npm_*` variables, so npm inside `npm test` acts as a user's. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

function npm(args: string[], cwd: string): string {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** A user's repository: the example's config and inputs, and tillit (this build, packed) in package.json. */
function userRepository(name: string): string {
  const repo = join(work, name);
  cpSync(join(ROOT, EXAMPLE), repo, { recursive: true });
  cpSync(tarball, join(repo, 'tillit.tgz'));
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ private: true, devDependencies: { tillit: 'file:tillit.tgz' } }));
  npm(['install', '--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund'], repo);
  return repo;
}

/** Only the expressions the example uses in `env:`: a previous step's output. */
function expand(text: string, outputs: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (!m) throw new Error(`the test runner does not evaluate \${{ ${expr} }}`);
    return outputs[m[1]!]?.[m[2]!] ?? '';
  });
}

function runJob(repo: string): { results: Result[]; summary: string } {
  const files = { GITHUB_OUTPUT: join(repo, '.output'), GITHUB_PATH: join(repo, '.path'), GITHUB_STEP_SUMMARY: join(repo, '.summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const outputs: Record<string, Record<string, string>> = {};
  const results: Result[] = [];
  let failed = false;
  for (const step of steps) {
    if (step.run === undefined) continue; // a `uses:` action, the runner's own
    if (failed && step.if !== 'always()') continue;
    const env: NodeJS.ProcessEnv = { ...cleanEnv(), CI: 'true', GITHUB_ACTIONS: 'true', ...files };
    const path = readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean).reverse();
    env.PATH = [...path, process.env.PATH ?? ''].join(':');
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v), outputs);
    if (step.run.includes('${{')) throw new Error(`a run script with an expression: ${step.name}`);
    const script = join(repo, '.step.sh');
    writeFileSync(script, step.run);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: repo, encoding: 'utf8', env, timeout: 120_000 });
    results.push({ step, code: r.status, stderr: r.stderr });
    const written = readFileSync(files.GITHUB_OUTPUT, 'utf8');
    writeFileSync(files.GITHUB_OUTPUT, '');
    if (step.id) outputs[step.id] = Object.fromEntries(written.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (r.status !== 0) failed = true;
  }
  return { results, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

beforeAll(() => {
  // This build as it is (the tests run after `npm run build`); --ignore-scripts: no rebuild of the
  // dist/ that other tests are running.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as { filename: string }[];
  tarball = join(work, packed!.filename);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('examples/monthly.yml', () => {
  it('sets up node 20, checks out and uploads the briefs with the runner\'s actions', () => {
    expect(steps.map((s) => s.uses?.replace(/@.*/, '')).filter(Boolean)).toEqual(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact']);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))).toMatchObject({ with: { 'node-version': 20 } });
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toMatchObject({ if: 'always()', with: { path: 'out/' } });
    expect(steps.indexOf(upload!)).toBe(steps.length - 2);
  });

  it('on the example: writes every output, then fails last with the --fail-on exit code 1', () => {
    const repo = userRepository('matched');
    const { results, summary } = runJob(repo);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 1]);
    expect(results.at(-1)!.step).toBe(steps.at(-1));
    expect(results[2]!.stderr).toContain('--fail-on matched');
    // The runner turns these into annotations on the run (GITHUB_ACTIONS=true).
    expect(results[2]!.stderr).toMatch(/^::error title=tillit --fail-on::deviation<-2%25: 1460 Äldreomsorg 2025-10 \(-3\.41 %25\)$/m);

    const report = JSON.parse(readFileSync(join(repo, 'out/report.json'), 'utf8')) as { schemaVersion: number };
    expect(report.schemaVersion).toBe(3);
    expect(readFileSync(join(repo, 'out/rejects.csv'), 'utf8')).toMatch(/^file,line,reason,text/);
    expect(readdirSync(join(repo, 'out/briefs')).sort()).toEqual(['1460-bengtsfors.md', '1461-mellerud.md', 'bm-socialforvaltningen-bengtsfors-mellerud-exempeldata.md', 'charts']);
    expect(readdirSync(join(repo, 'out/briefs/charts')).length).toBeGreaterThan(0);
    expect(summary).toContain('deviation&lt;-2%: 1460 Äldreomsorg');
  }, 180_000);

  it('a config error fails the job at the first report step, with its code 2, and skips the rest', () => {
    const repo = userRepository('broken');
    writeFileSync(join(repo, 'tillit.config.json'), '{"members": "none"}');
    const { results } = runJob(repo);
    expect(results.map((r) => [r.step.name, r.code])).toEqual([['Install tillit', 0], ['JSON report and rejected rows', 2]]);
    expect(existsSync(join(repo, 'out/briefs'))).toBe(false);
  }, 180_000);
});
