import fc from 'fast-check';
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { renderReport } from '../../src/report/formats.js';
import { NO_PAINT } from '../../src/report/view.js';

/**
 * An attacker's view of a report. Random tables of respondents (members × women, men and people
 * with no gender × services) go through the real ingest, analysis and every renderer; everything
 * published (n, shares, intervals, labels, sources, in JSON, CSV, Markdown and the table) becomes
 * constraints of an integer program, with the public bounds (a hidden cell has at least one
 * respondent, a positive count lies between 0 and n, the threshold is in the report). HiGHS then
 * finds each hidden cell's smallest and largest possible n and positive count.
 */

const MEMBERS = [['1460', 'Bengtsfors'], ['1461', 'Mellerud'], ['1462', 'Lilla Edet']] as const;
const SERVICES = ['Hemtjänst', 'Särskilt boende'];
const GENDERS = ['K', 'M', 'U'] as const;
type G = (typeof GENDERS)[number];
const ORG = 'ORG';

/** n counts answers on the scale; `rejected` more answers in the cell are not (they make it incomplete). */
interface Cell { n: number; positive: number; rejected?: number }
/** cells[member][service][g]: respondents and positive answers; g = 2 is "no gender given". */
interface Table { min: number; cells: [Cell, Cell, Cell][][] }

// The package's types are read as CommonJS, where the loader is `default` of the module.
const loadHighs = highsModule.default as unknown as () => Promise<Highs>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const cell = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 70 }))
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: 14 })).map(([positive, r]) => ({ n, positive, rejected: r === 14 ? 1 : 0 })));
const tables: fc.Arbitrary<Table> = fc.record({ members: fc.integer({ min: 2, max: 3 }), services: fc.integer({ min: 1, max: 2 }), min: fc.constantFrom(5, 10, 30) })
  .chain(({ members, services, min }) => fc.array(fc.array(fc.tuple(cell, cell, cell), { minLength: services, maxLength: services }), { minLength: members, maxLength: members })
    .map((cells) => ({ min, cells })));

/** The answers file: one row per respondent, sorted by member, service and gender (the order that made line numbers tell sizes). */
function answersFile(t: Table): string {
  const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön'];
  let id = 0;
  t.cells.forEach((services, m) => services.forEach((genders, s) => genders.forEach((c, g) => {
    for (let k = 0; k < c.n; k++) {
      rows.push(`${++id};${MEMBERS[m]![0]};2025;${SERVICES[s]};helhetssyn;${k < c.positive ? 'Mycket nöjd' : 'Ganska missnöjd'};${['Kvinna', 'Man', ''][g]}`);
    }
    for (let k = 0; k < (c.rejected ?? 0); k++) rows.push(`${++id};${MEMBERS[m]![0]};2025;${SERVICES[s]};helhetssyn;Kanske;${['Kvinna', 'Man', ''][g]}`);
  })));
  return `${rows.join('\n')}\n`;
}

interface Published {
  json: { quality: Row[]; findings: { code: string; message: string; line?: number }[] };
  texts: { format: string; text: string }[];
}
interface Row {
  area: string; gender: 'T' | 'K' | 'M'; service: string; value: number | null; n: number | null; low: number | null; high: number | null;
  suppressed: unknown; incomplete?: boolean; change: unknown; reference: unknown; organisation: unknown; peers: unknown[]; rank: unknown; status: unknown; sources: Record<string, unknown>[];
}

function publish(t: Table): Published {
  const members = t.cells.length;
  const config = parseConfig(JSON.stringify({
    organisation: { name: 'Förbundet', code: ORG },
    members: MEMBERS.slice(0, members).map(([code, name]) => ({ code, name, population: { '2025': 1000 } })),
    allocation: { method: 'population' },
    survey: { minRespondents: t.min },
  }), 'test.json');
  const input = parseInput(Buffer.from(answersFile(t)), { ...ingestOptions(config, {}, {}), file: 'svar.csv' });
  const report = analyse([input], config);
  const opts = (lang: 'sv' | 'en') => ({ lang, unit: 'tkr' as const, paint: NO_PAINT, csvDialect: 'rfc4180' as const });
  return {
    json: JSON.parse(renderReport(report, 'json', opts('sv'))) as Published['json'],
    texts: [
      { format: 'csv', text: renderReport(report, 'csv', opts('sv')) },
      ...(['sv', 'en'] as const).flatMap((lang) => [
        { format: `md ${lang}`, text: renderReport(report, 'md', opts(lang)) },
        { format: `table ${lang}`, text: renderReport(report, 'table', opts(lang)) },
        { format: `html ${lang}`, text: renderReport(report, 'html', opts(lang)) },
      ]),
    ],
  };
}

/** The base cells (member, gender) a published row adds up. */
function baseCells(area: string, gender: 'T' | 'K' | 'M' | 'U', members: number): [number, G][] {
  const ms = area === ORG ? [...Array(members).keys()] : [MEMBERS.findIndex(([c]) => c === area)];
  const gs: G[] = gender === 'T' ? [...GENDERS] : [gender];
  return ms.flatMap((m) => gs.map((g): [number, G] => [m, g]));
}

const v = (kind: 'n' | 'p', m: number, g: G) => `${kind}${m}${g}`;
const sum = (kind: 'n' | 'p', cells: [number, G][]) => cells.map(([m, g]) => v(kind, m, g)).join(' + ');

interface Leak { service: string; cell: string; n: [number, number]; positive: [number, number]; truth: Cell; pinned: boolean }

/**
 * Every hidden cell of one service, with its range of n and positive count given what is
 * published. `reasonCodes` adds what the old labels said ("below-threshold": n < min, "secondary":
 * n ≥ min), to show what they gave away.
 */
function attack(t: Table, published: Published, s: number, reasonCodes = false): Leak[] {
  const members = t.cells.length;
  const service = SERVICES[s]!;
  const rows = published.json.quality.filter((q) => q.service === service);
  const truth = (cells: [number, G][]): Cell => cells.reduce((a, [m, g]) => {
    const c = t.cells[m]![s]![GENDERS.indexOf(g)]!;
    return { n: a.n + c.n, positive: a.positive + c.positive };
  }, { n: 0, positive: 0 });
  const constraints: string[] = [];
  const targets: { name: string; cells: [number, G][] }[] = [];
  for (let m = 0; m < members; m++) {
    for (const g of GENDERS) {
      constraints.push(`${v('p', m, g)} - ${v('n', m, g)} <= 0`);
      // The strongest reader knows which groups have respondents with no gender.
      if (g === 'U') constraints.push(`${v('n', m, g)} ${truth([[m, g]]).n === 0 ? '=' : '>='} ${truth([[m, g]]).n === 0 ? 0 : 1}`);
    }
    // A member's row that is not there has no respondents.
    for (const g of ['T', 'K', 'M'] as const) {
      if (!rows.some((q) => q.area === MEMBERS[m]![0] && q.gender === g)) constraints.push(`${sum('n', baseCells(MEMBERS[m]![0], g, members))} = 0`);
    }
  }
  for (const q of rows) {
    const cells = baseCells(q.area, q.gender, members);
    const hidden = q.suppressed !== false && q.suppressed !== null;
    if (!hidden && !q.incomplete && q.n !== null && q.value !== null) {
      constraints.push(`${sum('n', cells)} = ${q.n}`, `${sum('p', cells)} = ${Math.round((q.value * q.n) / 100)}`);
      continue;
    }
    // An incomplete row (an answer rejected) may hold no answer that counts.
    constraints.push(`${sum('n', cells)} >= ${q.incomplete ? 0 : 1}`);
    // An incomplete cell of `min` or more that counts is no secret; a small one is.
    if (q.incomplete && !hidden && truth(cells).n >= t.min) continue;
    if (q.incomplete && truth(cells).n === 0) continue;
    const label = reasonCodes ? (truth(cells).n < t.min ? 'below-threshold' : 'secondary') : q.suppressed;
    if (label === 'below-threshold') constraints.push(`${sum('n', cells)} <= ${t.min - 1}`);
    if (label === 'secondary') constraints.push(`${sum('n', cells)} >= ${t.min}`);
    targets.push({ name: `${q.area} ${q.gender}`, cells });
  }
  // Respondents with no gender are never a row: where they are too few, they must stay hidden too.
  for (const area of [...MEMBERS.slice(0, members).map(([c]) => c), ORG]) {
    const cells = baseCells(area, 'U', members);
    const n = truth(cells).n;
    if (n > 0 && n < t.min) targets.push({ name: `${area} no gender`, cells });
  }
  const bounds = [...Array(members).keys()].flatMap((m) => GENDERS.flatMap((g) => [`${v('n', m, g)} <= 100000`, `${v('p', m, g)} <= 100000`]));
  const names = bounds.map((b) => b.split(' ')[0]!);
  const solve = (sense: 'Minimize' | 'Maximize', objective: string): number => {
    const lp = [sense, ` obj: ${objective}`, 'Subject To', ...constraints.map((c, i) => ` c${i}: ${c}`), 'Bounds', ...bounds.map((b) => ` ${b}`), 'General', ` ${names.join(' ')}`, 'End'].join('\n');
    const r = highs.solve(lp);
    // What really happened is always possible: anything else is a wrong model of what is published.
    expect(r.Status).toBe('Optimal');
    return Math.round(r.ObjectiveValue);
  };
  const leaks: Leak[] = [];
  for (const target of targets) {
    const n: [number, number] = [solve('Minimize', sum('n', target.cells)), solve('Maximize', sum('n', target.cells))];
    const positive: [number, number] = [solve('Minimize', sum('p', target.cells)), solve('Maximize', sum('p', target.cells))];
    const pinned = n[0] === n[1] || positive[0] === positive[1];
    if (pinned || n[1] < t.min) leaks.push({ service, cell: target.name, n, positive, truth: truth(target.cells), pinned });
  }
  return leaks;
}

/** What no format may publish about a hidden cell, and no reason code anywhere. */
function expectNothingHiddenPublished(p: Published): void {
  for (const q of p.json.quality) {
    expect(typeof q.suppressed).toBe('boolean');
    for (const s of q.sources) expect(Object.keys(s)).toEqual(['file']);
    if (!q.suppressed) continue;
    expect([q.value, q.n, q.low, q.high, q.change, q.reference, q.organisation, q.rank, q.status]).toEqual([null, null, null, null, null, null, null, null, null]);
    expect(q.peers).toEqual([]);
  }
  for (const f of p.json.findings) expect(f.line).toBeUndefined();
  for (const { format, text } of p.texts) {
    expect(text, format).not.toMatch(/below-threshold|secondary|skydd|protection|n < \d|n &lt; \d|svar\.csv:\d/);
  }
}

describe('no hidden cell can be worked out from everything a report publishes', () => {
  // A fixed seed: the same 10 tables every run, so CI is repeatable, and a failure names its table.
  // HiGHS takes ~25 ms a solve (a fresh solver each), four solves a hidden cell: hence few runs.
  // TILLIT_PRIVACY_RUNS=500 runs that many fresh random tables instead (a new seed each time).
  it('random members × genders (with no gender) × services, some answers rejected: no hidden n or positive count pinned, no small n bounded below the threshold', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const published = publish(t);
        expectNothingHiddenPublished(published);
        const leaks = t.cells[0]!.flatMap((_, s) => attack(t, published, s));
        expect(leaks).toEqual([]);
      }),
      { numRuns: Number(process.env.TILLIT_PRIVACY_RUNS ?? 10), ...(process.env.TILLIT_PRIVACY_RUNS ? {} : { seed: 20261202 }) },
    );
  }, 120_000 + 3_000 * Number(process.env.TILLIT_PRIVACY_RUNS ?? 0));

  // The case, small: Bengtsfors's 3 people with no gender and a small women's cell,
  // Mellerud's men below the threshold. With one label nothing leaks; with the old labels every
  // small cell is known to be small, so the attack has teeth (over random tables it also pins cells).
  const known: Table = {
    min: 30,
    cells: [
      [[{ n: 12, positive: 8 }, { n: 45, positive: 30 }, { n: 3, positive: 3 }]],
      [[{ n: 40, positive: 30 }, { n: 20, positive: 15 }, { n: 0, positive: 0 }]],
    ],
  };
  it('a known table: nothing leaks with one label', () => {
    const published = publish(known);
    expectNothingHiddenPublished(published);
    expect(attack(known, published, 0)).toEqual([]);
  });
  it('the same table with the old reason codes as bounds: the attack finds every small hidden cell small', () => {
    const leaks = attack(known, publish(known), 0, true);
    expect(leaks.map((l) => [l.cell, l.n[1] < known.min])).toEqual([['1460 K', true], ['1461 M', true], ['1460 no gender', true], ['ORG no gender', true]]);
  });

  // Tables that got through when suppression looked at one group at a time: a reader who combines
  // groups learnt more. Suppression now solves for what such a reader can narrow down.
  it('once a gap: organisation total − a member − organisation men pins two hidden positive counts at 0', () => {
    const t: Table = {
      min: 10,
      cells: [
        [[{ n: 0, positive: 0 }, { n: 6, positive: 4 }, { n: 2, positive: 0 }]],
        [[{ n: 1, positive: 0 }, { n: 70, positive: 60 }, { n: 0, positive: 0 }]],
        [[{ n: 52, positive: 49 }, { n: 52, positive: 3 }, { n: 4, positive: 0 }]],
      ],
    };
    expect(attack(t, publish(t), 0)).toEqual([]);
  });
  it('once a gap: positive counts across groups can bound a hidden n below the threshold', () => {
    const t: Table = {
      min: 10,
      cells: [
        [[{ n: 5, positive: 0 }, { n: 0, positive: 0 }, { n: 6, positive: 1 }]],
        [[{ n: 6, positive: 1 }, { n: 0, positive: 0 }, { n: 6, positive: 3 }]],
      ],
    };
    expect(attack(t, publish(t), 0)).toEqual([]);
  });
});
