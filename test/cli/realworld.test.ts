import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tillit } from './run.js';

/**
 * Real public files, byte for byte as downloaded, in `shared/realworld/` beside the repository
 * (CI clones the repository with `shared/` next to it). Each is read with no config and must give
 * a report whose every value stands on the line it cites. Locally the folder may be missing (the
 * tests are skipped); in CI a missing folder fails.
 */
const DIR = join(ROOT, '..', 'shared', 'realworld');
const present = existsSync(DIR);
const files = present ? readdirSync(DIR).filter((f) => /\.(csv|json)$/i.test(f)).sort() : [];

interface QualityRow { area: string; areaKind: string; indicator: string; service: string; gender: string; period: string; value: number | null }
interface JsonReport { quality: QualityRow[]; budget: unknown[]; inputs: { rows: { read: number; used: number; rejected: number; ignored: number } }[] }

/** The numbers written in a line's cells: split at any delimiter (decimal point), or at `;` and tab (decimal comma). */
function numbersOn(line: string): number[] {
  const cells = [...line.split(/[;,\t]/), ...line.split(/[;\t]/).map((c) => c.replace(',', '.'))];
  return cells.map((c) => Number(c.replace(/^\s*"|"\s*$/g, '').replace(/[\s\u00a0]/g, ''))).filter((n) => Number.isFinite(n));
}

it('the real files are there when CI runs', () => {
  if (process.env.CI === 'true') expect([DIR, present]).toEqual([DIR, true]);
  if (present) expect(files.length).toBeGreaterThan(0);
});

describe.skipIf(!present)('every real file, read as downloaded', () => {
  it.each(files)('%s: validate accounts for every row; report is non-empty and each value stands on its line', async (name) => {
    const path = join(DIR, name);
    const v = await tillit(['validate', path, '--format', 'json']);
    expect([0, 3]).toContain(v.code);
    const file = (JSON.parse(v.stdout) as { files: { rows: { read: number; used: number; rejected: number; ignored: number } }[] }).files[0]!;
    expect(file.rows.used).toBeGreaterThan(0);
    expect(file.rows.read).toBe(file.rows.used + file.rows.rejected + file.rows.ignored);

    const r = await tillit(['report', path, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.quality.length + report.budget.length).toBeGreaterThan(0);
    // Published sources name files, not lines (a line would tell the size of a hidden group): each
    // value must stand on a line of the file that also names its period.
    const lines = readFileSync(path, 'latin1').split(/\r\n|\n|\r/).map((l) => ({ text: l, numbers: numbersOn(l) }));
    for (const q of report.quality) {
      if (q.value === null) continue;
      const year = /\d{4}$/.exec(q.period)![0];
      // The report rounds to four decimals; the file's own number rounds the same.
      // A wide table names its periods in the header only.
      const wide = lines[0]!.text.includes(year);
      const found = lines.some((l) => (wide || l.text.includes(year)) && l.numbers.some((n) => Math.abs(n - q.value!) <= 5e-5 + 1e-9));
      expect([q.area, q.period, q.value, found]).toEqual([q.area, q.period, q.value, true]);
    }
    const table = await tillit(['report', path]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^━━ .+ ━━$/m);
  });
});

/** Values read off the five files in `SOURCES.md`, row by row, where they are present. */
const KNOWN: Record<string, { area: string; period: string; service?: string; gender?: string; value: number }[]> = {
  'dalarna-utsatthet.csv': [{ area: '20', period: '2007', value: 10.4274 }],
  'ddf--datapoints--u21468--by--geo--year.csv': [{ area: '0114', period: '2012', value: 87 }],
  'SCB_resultatrakning.csv': [{ area: '0114', period: '2019', service: 'skatteintäkter', value: 44386 }],
  'dalarna-deltagande_ny.csv': [{ area: '20', period: '2004-2007', value: 22.8 }],
  'dalarna-lupp-ungadel.csv': [{ area: '20', period: '2015', service: 'Gymnasiet', value: 19.8 }, { area: '2084', period: '2015', service: 'Gymnasiet', value: 29.1 }],
};

describe.skipIf(!present)('the files of SOURCES.md', () => {
  it.each(Object.keys(KNOWN).filter((f) => files.includes(f)))('%s: clean, and its rows give the values written in it', async (name) => {
    const path = join(DIR, name);
    expect((await tillit(['validate', path])).code).toBe(0);
    const report = JSON.parse((await tillit(['report', path, '--format', 'json'])).stdout) as JsonReport;
    for (const k of KNOWN[name]!) {
      const row = report.quality.find((q) => q.area === k.area && q.period === k.period && q.gender === (k.gender ?? 'T') && (k.service === undefined || q.service === k.service));
      expect([k, row?.value]).toEqual([k, k.value]);
    }
  });
});
