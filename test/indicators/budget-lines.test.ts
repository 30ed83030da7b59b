import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { budgetConflicts, readLines, readYears } from '../../src/indicators/budget-lines.js';
import { BudgetYear } from '../../src/indicators/budget-balance.js';
import type { BudgetTable } from '../../src/model/budget-table.js';
import type { Area } from '../../src/model/register.js';
import { normalizeLabel } from '../../src/model/text.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { finding, type Finding } from '../../src/model/findings.js';

const config = parseConfig(JSON.stringify({ organisation: { name: 'BM', code: 'BM' } }), 'test.json');
const table = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'kr', sign: 'costs-positive' }, {}), file }).budget!;
const HEAD = 'Period;Kommun;Verksamhet;Budget ack;Utfall ack\n';
const a = table('a.csv', `${HEAD}2025-01;1460;LSS;100;90\n2025-02;1460;LSS;200;230\n2025-02;1460;IFO;50;50\n`);
// February's LSS differs from a.csv's; its IFO (spelled otherwise) is the same line with the same amounts.
const b = table('b.csv', `${HEAD}2025-02;1460;LSS;200;180\n2025-02;1460;ifo;50;50\n2025-03;1460;LSS;300;290\n`);

const read = (tables: Parameters<typeof readLines>[0]) => {
  const findings: Finding[] = [];
  const lines = readLines(tables, 2025, findings);
  const lss = lines.get('1460\u0000lss')!.line.current;
  return { lines, findings, lss };
};

describe('readLines', () => {
  it('leaves a month two files give different amounts without figures, naming both lines, whichever file comes first', () => {
    for (const [tables, here, there] of [[[a, b], 'b.csv:2', 'a.csv:3'], [[b, a], 'a.csv:3', 'b.csv:2']] as const) {
      const { findings, lss } = read(tables);
      const conflict = findings.filter((f) => f.code === 'budget-conflict');
      expect(conflict.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`${here} error`]);
      expect(conflict[0]!.message).toContain(`1460 / 2025-02 / LSS: different amounts here and at ${there}`);
      expect([lss.has(2), lss.get(2, 1), lss.get(2, 3)]).toEqual([true, null, null]);
      // The months only one file gives are read.
      expect([lss.get(1, 3), lss.get(3, 3), lss.latest()]).toEqual([90, 290, 3]);
    }
  });
  it('reads the same amounts from two files once, with one info finding per pair of files', () => {
    const { lines, findings } = read([a, b]);
    expect(lines.size).toBe(2);
    expect(lines.get('1460\u0000ifo')!.line.current.get(2, 3)).toBe(50);
    expect(findings.filter((f) => f.code === 'budget-repeated').map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`))
      .toEqual(['b.csv:3 info 1 row(s) repeat the same amounts as a.csv:4 (the first of them); read once']);
  });
  it('reads one file with no finding', () => {
    expect(read([a]).findings).toEqual([]);
  });
});

describe('budgetConflicts', () => {
  it('finds conflicts in every year the tables hold, each once', () => {
    const old = table('old.csv', `${HEAD}2022-05;1460;LSS;10;10\n2023-05;1460;LSS;20;20\n2025-02;1460;LSS;200;230\n`);
    const other = table('other.csv', `${HEAD}2022-05;1460;LSS;10;11\n2023-05;1460;LSS;20;21\n2025-02;1460;LSS;200;230\n`);
    expect(budgetConflicts([old, other]).map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual(['other.csv:2 budget-conflict', 'other.csv:3 budget-conflict']);
  });
});

/**
 * Two years' reading as it was before readYears (the reference the property below holds both
 * readings to): lines in order of first appearance, each month a copy of its row's amounts, a
 * month an earlier table gave a conflict (different amounts: left missing) or a repeat.
 */
function referenceLines(tables: readonly BudgetTable[], year: number, conflicts: Finding[]): Map<string, { area: Area; activity: string; line: { current: BudgetYear; before: BudgetYear } }> {
  const entries = new Map<string, { area: Area; activity: string; line: { current: BudgetYear; before: BudgetYear } }>();
  tables.forEach((t, ti) => {
    for (let i = 0; i < t.length; i++) {
      const area = t.areas[t.area[i]!]!;
      const activity = t.activities[t.activity[i]!]!;
      const key = `${area.code}\u0000${normalizeLabel(activity)}`;
      const { line } = entries.get(key) ?? entries.set(key, { area, activity, line: { current: new BudgetYear(), before: new BudgetYear() } }).get(key)!;
      const month = t.months[t.month[i]!]!;
      const y = Number(month.slice(0, 4));
      const m = Number(month.slice(5, 7));
      if (y !== year && y !== year - 1) continue;
      const figures = y === year ? line.current : line.before;
      if (!figures.has(m)) {
        figures.set(m, t.amounts, i * 6, ti * 2 ** 32 + t.line[i]!);
        continue;
      }
      if (figures.same(m, t.amounts, i * 6)) continue;
      const o = figures.origin(m);
      figures.blank(m);
      conflicts.push(finding(t.file, { code: 'budget-conflict', line: t.line[i]!, args: { other: `${tables[Math.floor(o / 2 ** 32)]!.file}:${o % 2 ** 32}`, key: `${area.code} / ${month} / ${activity}` } }));
    }
  });
  return entries;
}

describe('readYears', () => {
  // Rows of a few files over years 2015-2022: two areas, activities spelled two ways, months a
  // file repeats with the same amounts or others.
  const row = fc.record({
    year: fc.integer({ min: 2015, max: 2022 }),
    month: fc.integer({ min: 1, max: 12 }),
    area: fc.constantFrom('1460', '1438'),
    activity: fc.constantFrom('LSS', 'lss', 'IFO', 'Äldreomsorg'),
    budget: fc.integer({ min: 0, max: 3 }),
    actual: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  });
  const files = fc.array(fc.uniqueArray(row, { selector: (r) => `${r.year}-${r.month} ${r.area} ${r.activity.toLowerCase()}`, minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 3 });
  const figures = (y: BudgetYear | undefined) => y === undefined || y.latest() === 0
    ? []
    : Array.from({ length: 12 }, (_, m) => (y.has(m + 1) ? [m + 1, y.get(m + 1, 1), y.get(m + 1, 3), y.origin(m + 1)] : [])).filter((a) => a.length > 0);

  it('reads every year as the two-year reading did (a copy of it): the same lines, figures, and conflicts in the same order', () => {
    fc.assert(fc.property(files, fc.integer({ min: 2015, max: 2022 }), fc.integer({ min: 0, max: 7 }), (rows, last, span) => {
      const tables = rows.map((rs, i) => table(`${i}.csv`, HEAD + rs.map((r) => `${r.year}-${String(r.month).padStart(2, '0')};${r.area};${r.activity};${r.budget};${r.actual ?? '..'}\n`).join('')));
      const first = last - span;
      const found: Finding[] = [];
      const years = readYears(tables, first, last, found);
      const expected: Finding[] = [];
      for (let y = last; y >= first; y -= 2) {
        const pass: Finding[] = [];
        const lines = referenceLines(tables, y, pass);
        // The report year's reading is the same reading (its repeats told besides).
        const read: Finding[] = [];
        const shown = (m: ReadonlyMap<string, { line: { current: BudgetYear; before: BudgetYear } }>) => [...m].map(([k, e]) => [k, figures(e.line.current), figures(e.line.before)]);
        expect(shown(readLines(tables, y, read))).toEqual(shown(lines));
        expect(read.filter((f) => f.code === 'budget-conflict')).toEqual(pass);
        // A reading of two years from `first` covers the year before it too: its conflicts are not asked for here.
        expected.push(...pass.filter((f) => Number(/ \/ (\d{4})-/.exec(f.message)![1]) >= first));
        expect([...years.keys()]).toEqual([...lines.keys()]);
        for (const [key, e] of lines) {
          const got = years.get(key)!;
          expect([got.area, got.activity]).toEqual([e.area, e.activity]);
          expect(figures(got.years[last - y])).toEqual(figures(e.line.current));
          if (y - 1 >= first) expect(figures(got.years[last - y + 1])).toEqual(figures(e.line.before));
        }
      }
      expect(found).toEqual(expected);
    }), { numRuns: 150 });
  });
});
