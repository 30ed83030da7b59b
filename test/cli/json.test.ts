import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { CONFIG, tillit } from './run.js';

const jsonReport = async (args: string[] = [], env: Record<string, string> = {}) => {
  const r = await tillit(['report', '--config', CONFIG, '--format', 'json', ...args], { env });
  return { ...r, report: JSON.parse(r.stdout) as Report };
};

describe('the JSON report on the bundled example', () => {
  it('writes every period as a string, the trend\'s ends and forecast accuracy\'s months too', async () => {
    const { report, code } = await jsonReport();
    expect(code).toBe(0);
    const periods = new Set(report.quality.map((q) => q.period));
    const trends = report.quality.flatMap((q) => (q.trend ? [q.trend] : []));
    expect(trends.length).toBeGreaterThan(0);
    for (const t of trends) {
      expect(typeof t.from).toBe('string');
      expect(typeof t.to).toBe('string');
      // Each end is a period of the data, not a position on an axis.
      expect(periods.has(t.from) && periods.has(t.to)).toBe(true);
    }
    expect(trends[0]).toMatchObject({ from: '2016', to: '2025' });
    const accuracy = report.budget.flatMap((b) => b.forecastAccuracy);
    expect(accuracy.length).toBeGreaterThan(0);
    // The closed year before the report's budget year (2025-10), month by month.
    expect([...new Set(accuracy.map((a) => a.period))].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    // Whatever the key, a value named like a period is text.
    const stack: unknown[] = [report];
    let seen = 0;
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...(v as unknown[]));
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          // `budget` names a period only in `period`; elsewhere (a year of balance) it is an amount.
          if ((/^(period|from|to|survey|populationYear|year)$/.test(k) || (k === 'budget' && v === report.period)) && typeof x === 'number') throw new Error(`${k} is a number: ${x}`);
          if (/^(period|from|to|populationYear)$/.test(k)) seen++;
          stack.push(x);
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
  });
});

interface SchemaNode { properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[] }

/** Paths where an object's keys are not in the schema's order (the order docs/outputs.md promises). */
function outOfOrder(value: unknown, node: SchemaNode | undefined, path = '$', out = new Set<string>()): Set<string> {
  if (node === undefined || value === null || typeof value !== 'object') return out;
  for (const branch of node.anyOf ?? []) outOfOrder(value, branch, path, out);
  if (Array.isArray(value)) {
    for (const v of value) outOfOrder(v, node.items, `${path}[]`, out);
  } else if (node.properties) {
    const keys = Object.keys(value);
    if (keys.join() !== Object.keys(node.properties).filter((k) => keys.includes(k)).join()) out.add(path);
    for (const [k, v] of Object.entries(value)) outOfOrder(v, node.properties[k], `${path}.${k}`, out);
  }
  return out;
}

describe('the JSON keys', () => {
  it('come in the order of `tillit schema report`, at every depth', async () => {
    const schema = JSON.parse((await tillit(['schema', 'report'])).stdout) as SchemaNode;
    // The second example has peer groups: their findings came after failOn.
    for (const config of [CONFIG, 'fixtures/sources/tillit.config.json', 'fixtures/helsingborg-landskrona-skane/tillit.config.json']) {
      const r = await tillit(['report', '--config', config, '--format', 'json', '--fail-on', 'status=red']);
      expect([...outOfOrder(JSON.parse(r.stdout), schema)], config).toEqual([]);
    }
  });
});

describe('--fail-on in the JSON', () => {
  it('lists every match with its rule, place and the percent it read; the same matches as on stderr', async () => {
    const { report, stderr, code } = await jsonReport(['--fail-on', 'deviation<-2%', 'trend=worsening']);
    expect(code).toBe(1);
    // Worked out from the report's own rows, independently of the rule code.
    const deviations = report.budget.filter((b) => b.deviationPct !== null && b.deviationPct < -2);
    const worsening = report.quality.filter((q) => q.period === report.period.survey && q.trend?.verdict === 'worsening');
    expect(deviations.length).toBeGreaterThan(0);
    expect(worsening.length).toBeGreaterThan(0);
    expect(report.failOn).toEqual([
      ...deviations.map((b) => ({ rule: 'deviation<-2%', section: 'budget', area: b.area, indicator: null, service: null, gender: null, activity: b.activity, period: b.period, valuePct: b.deviationPct })),
      ...worsening.map((q) => ({ rule: 'trend=worsening', section: 'quality', area: q.area, indicator: q.indicator, service: q.service, gender: q.gender, activity: null, period: q.period, valuePct: null })),
    ]);
    expect(report.failOn[0]).toEqual({ rule: 'deviation<-2%', section: 'budget', area: '1460', indicator: null, service: null, gender: null, activity: 'Äldreomsorg', period: '2025-10', valuePct: -3.4085 });
    expect(stderr).toContain(`--fail-on matched ${report.failOn.length} time(s):\n  deviation<-2%: 1460 Äldreomsorg 2025-10 (-3.41 %)\n`);
    expect(Object.keys(report).at(-1)).toBe('failOn');
  });

  it('is empty without rules and when none matches', async () => {
    expect((await jsonReport()).report.failOn).toEqual([]);
    const none = await jsonReport(['--fail-on', 'deviation<-50%']);
    expect([none.code, none.report.failOn]).toEqual([0, []]);
  });

  it('each area\'s file under --out DIR/ holds that area\'s matches', async () => {
    const dir = `${mkdtempSync(join(tmpdir(), 'tillit-'))}/`;
    const r = await tillit(['report', '--config', CONFIG, '--format', 'json', '--out', dir, '--fail-on', 'deviation<-2%']);
    expect(r.code).toBe(1);
    const files = readdirSync(dir).sort();
    const byArea = Object.fromEntries(files.map((f) => [f.split('-')[0]!, (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report).failOn]));
    expect(byArea['1460']!.map((m) => m.activity)).toEqual(['Äldreomsorg', 'Totalt']);
    expect(byArea['1461']!.map((m) => m.activity)).toEqual(['Individ- och familjeomsorg']);
    expect(byArea.bm!.map((m) => [m.area, m.activity])).toEqual([['BM', 'Äldreomsorg']]);
  });
});

describe('--fail-on in GitHub Actions (GITHUB_ACTIONS=true)', () => {
  it('prints each match as an ::error:: annotation on stderr, and the JSON is unchanged', async () => {
    const plain = await jsonReport(['--fail-on', 'deviation<-2%']);
    const actions = await jsonReport(['--fail-on', 'deviation<-2%'], { GITHUB_ACTIONS: 'true' });
    expect(actions.code).toBe(1);
    expect(actions.stdout).toBe(plain.stdout);
    const annotations = actions.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(plain.report.failOn.length);
    expect(annotations[0]).toBe('::error title=tillit --fail-on::deviation<-2%25: 1460 Äldreomsorg 2025-10 (-3.41 %25)');
    expect(actions.stderr).toContain('tillit: --fail-on matched 4 time(s):\n::error ');
    // Outside Actions (any other value too) the matches are plain lines.
    for (const env of [{}, { GITHUB_ACTIONS: 'false' }] as Record<string, string>[]) expect((await jsonReport(['--fail-on', 'deviation<-2%'], env)).stderr).not.toMatch(/^::/m);
  });

  it('escapes %, CR and LF in names from the data, so none ends the command or starts another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-'));
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({
      organisation: { name: 'Test', code: 'T', language: 'sv' },
      members: [{ code: '1461', name: 'Mellerud', population: { '2025': 8902 } }],
      inputs: [{ path: 'ekonomi.csv', municipality: '1461', period: '2025-08' }],
    }));
    // An activity named over two lines, with a percent sign and what would be a workflow command.
    writeFileSync(join(dir, 'ekonomi.csv'), 'Verksamhet;Budget helår;Budget ack;Utfall ack\n"Vård 100%\n::warning::x";−182 035 000;−121 357 000;−125 000 000\n');
    const r = await tillit(['report', '--config', join(dir, 'tillit.config.json'), '--format', 'json', '--fail-on', 'deviation<-2%'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.failOn.map((m) => m.activity)).toContain('Vård 100%\n::warning::x');
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('::warning'))).toEqual([]);
    expect(lines).toContain('::error title=tillit --fail-on::deviation<-2%25: 1461 Vård 100%25%0A::warning::x 2025-08 (-3.00 %25)');
  });
});
