import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, tillit } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'tillit-budget-'));
const HEAD = 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack';
/** January–October 2025 for Bengtsfors: elderly care 5 % over budget, LSS on budget. */
const monthly = () => Array.from({ length: 10 }, (_, i) => {
  const m = String(i + 1).padStart(2, '0');
  return [`2025-${m};1460;Äldreomsorg;120000000;${10_000_000 * (i + 1)};${10_500_000 * (i + 1)}`, `2025-${m};1460;LSS;60000000;${5_000_000 * (i + 1)};${5_000_000 * (i + 1)}`];
}).flat();

describe('a member one month behind the others (the example without Mellerud\'s October)', () => {
  const dir = tmp();
  cpSync(join(ROOT, EXAMPLE), dir, { recursive: true });
  const mellerud = readFileSync(join(dir, 'budget-mellerud.csv'), 'utf8');
  writeFileSync(join(dir, 'budget-mellerud.csv'), mellerud.split('\n').filter((l) => !l.startsWith('oktober 2025')).join('\n'));
  const config = join(dir, 'tillit.config.json');
  it('keeps its section at its own month, labelled, warns on stderr, and --fail-on still sees its red line (1)', async () => {
    const r = await tillit(['report', '--config', config, '--fail-on', 'deviation<-2%', '--wide']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("budget-mellerud.csv: warning budget-behind: 1461's budget figures go up to 2025-09, the others' to 2025-10: its lines are shown at 2025-09");
    expect(r.stderr).toContain('  ×4 (budget): warning budget-months-differ: BM Individ- och familjeomsorg: its parts do not share their latest month (1460 2025-10, 1461 2025-09); summed at 2025-09, the latest month all share (and 3 more like it)');
    expect(r.stderr).toContain('deviation<-2%: 1461 Individ- och familjeomsorg 2025-09 (-2.29 %)');
    expect(r.stdout).toContain('Ekonomi (september 2025; resten av rapporten oktober 2025)');
    expect(r.stdout).toMatch(/│ Individ- och familjeomsorg\s+│ 43\u00A0930 tkr/);
    // The organisation's total is not empty: it is at the month all its parts share.
    expect(r.stdout).toMatch(/│ Totalt \(september 2025, senaste gemensamma månad\)\s+│ 559\u00A0360 tkr/);
  });
  it('says the same in Markdown and JSON', async () => {
    const md = await tillit(['report', '--config', config, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Ekonomi (september 2025; resten av rapporten oktober 2025)');
    expect(md.stdout).toContain('| **Totalt (september 2025, senaste gemensamma månad)** | 559,4 mnkr |');
    expect(md.stdout).toContain('Verksamheterna i den gemensamma organisationen ligger 1,2 % över budget efter september (senaste månad som alla delar har)');
    const json = JSON.parse((await tillit(['report', '--config', config, '--format', 'json'])).stdout) as { budget: { area: string; activity: string; period: string; periodNote: string | null }[] };
    expect(json.budget.filter((b) => b.area === '1461').map((b) => `${b.activity} ${b.period} ${b.periodNote}`)).toEqual([
      'Individ- och familjeomsorg 2025-09 behind', 'LSS 2025-09 behind', 'Äldreomsorg 2025-09 behind', 'Totalt 2025-09 behind',
    ]);
  });
});

describe('one stale line in a member\'s file (the example without Bengtsfors\' LSS for September and October)', () => {
  const dir = tmp();
  cpSync(join(ROOT, EXAMPLE), dir, { recursive: true });
  const bengtsfors = readFileSync(join(dir, 'budget-bengtsfors.csv'), 'utf8');
  writeFileSync(join(dir, 'budget-bengtsfors.csv'), bengtsfors.split('\n').filter((l) => !/^2025-(09|10);Bengtsfors kommun;LSS;/.test(l)).join('\n'));
  it('names the line behind, not the whole member, and says the member\'s total is at the month all its lines share', async () => {
    const r = await tillit(['report', '--config', join(dir, 'tillit.config.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("budget-bengtsfors.csv: warning budget-behind: 1460 LSS: budget figures go up to 2025-08, the report's budget period is 2025-10: the line is shown at 2025-08, 1460's other lines at their latest month, and 1460's total at 2025-08, the latest month all its lines share (a year-to-date total is of one month)");
    expect(r.stderr).not.toContain("1460's budget figures go up to");
    expect(r.stdout).toMatch(/│ LSS \(augusti 2025\)\s+│/);
    expect(r.stdout).toMatch(/│ Äldreomsorg\s+│ -6\u00A0678 tkr/);
    expect(r.stdout).toContain('Totalt (augusti 2025, senaste');
  });
});

describe('a split by usage where a member lacks the latest year\'s usage (the example, Mellerud\'s brukare without 2025)', () => {
  const dir = tmp();
  cpSync(join(ROOT, EXAMPLE), dir, { recursive: true });
  const path = join(dir, 'tillit.config.json');
  writeFileSync(path, readFileSync(path, 'utf8')
    .replace('"brukare": { "2024": 547, "2025": 566 }', '"brukare": { "2024": 547 }')
    .replace('"allocation": { "method": "mixed", "equalPercent": 30 }', '"allocation": { "method": "usage", "measure": "brukare" }'));
  it('splits by every member\'s usage of 2024, and says so on stderr and in the brief', async () => {
    const r = await tillit(['report', '--config', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("(config): warning allocation-usage-year: usage (brukare) is given for 2025, but 1461 has none for it in the config: shared costs are counted by every member's brukare of 2024, the latest year all members have (give 2025's to use it)");
    expect(r.stdout).toContain('Fördelning av gemensamma kostnader (efter nyttjande 2024, befolkning 2024)');
    const md = await tillit(['report', '--config', path, '--format', 'md']);
    expect(md.stdout).toContain('_Kostnaderna fördelas efter nyttjandet (brukare) 2024. Per invånare med befolkningen 2024._');
  });
});

describe('a member whose population the config gives for 2023 only (the example, Mellerud without 2024 and 2025)', () => {
  const dir = tmp();
  cpSync(join(ROOT, EXAMPLE), dir, { recursive: true });
  const path = join(dir, 'tillit.config.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace('"population": { "2023": 8987, "2024": 8931, "2025": 8902 }', '"population": { "2023": 8987 }'));
  it('splits the shared costs and divides per inhabitant by 2023, and says so on stderr, naming the member and both years', async () => {
    const r = await tillit(['report', '--config', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("(config): warning allocation-population-year: the population key is of 2024 (the year before 2025), but 1461 has no population for 2024 in the config: shared costs are split by every member's population of 2023, the latest year before 2024 all members have (give 2024's population to use it)");
    expect(r.stderr).toContain("(config): warning beside-cost-population-year: 1461 has no population for 2025 (the budget year) in the config: costs per inhabitant are divided by the population of 2023, the latest year up to it (give 2025's population to use it) (and 1 more like it)");
    expect(r.stdout).toContain('Fördelning av gemensamma kostnader (blandad nyckel, befolkning 2023)');
    const md = await tillit(['report', '--config', path, '--format', 'md']);
    expect(md.stdout).toContain('Fördelningsnyckelns befolkning saknas för det år avtalet anger för någon medlem');
    // In the organisation's brief, which has the split, not in the members', which have none.
    expect(md.stdout.match(/Fördelningsnyckelns befolkning saknas/g)).toHaveLength(1);
    expect(md.stdout.slice(md.stdout.indexOf('Fördelningsnyckelns befolkning saknas'))).not.toMatch(/\n# /);
  });
});

describe('one row dated by year in a monthly file', () => {
  const dir = tmp();
  const file = join(dir, 'grain.csv');
  const rows = monthly();
  rows.splice(7, 0, '2025;1460;IFO;50000000;50000000;40000000');
  writeFileSync(file, [HEAD, ...rows].join('\n'));
  it('is rejected at its line and column; the period stays October and the red line is seen (1)', async () => {
    const r = await tillit(['report', file, '--fail-on', 'deviation<-2%']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:9:1: error period-grain: dated by year in a file dated by month (20 rows)`);
    expect(r.stderr).toContain('deviation<-2%: 1460 Äldreomsorg 2025-10 (-5.00 %)');
    expect(r.stdout).toContain('Ekonomi (oktober 2025)');
  });
  it('makes validate fail (3), not "clean"', async () => {
    const r = await tillit(['validate', file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('error period-grain ×1\n    line 9, column 1: dated by year');
    expect(r.stdout).toMatch(/0 of 1 file\(s\) clean\n$/);
  });
});

describe('two files giving one line and month different amounts', () => {
  const dir = tmp();
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, [HEAD, ...monthly()].join('\n'));
  // b.csv repeats October's LSS and gives October's elderly care on budget.
  writeFileSync(b, [HEAD, '2025-10;1460;Äldreomsorg;120000000;100000000;100000000', '2025-10;1460;LSS;60000000;50000000;50000000'].join('\n'));
  it('is an error naming both lines, with the same exit code in either order', async () => {
    const ab = await tillit(['report', a, b, '--fail-on', 'deviation<-2%', '--wide']);
    const ba = await tillit(['report', b, a, '--fail-on', 'deviation<-2%', '--wide']);
    expect(ab.stderr).toContain(`${b}:2: error budget-conflict: 1460 / 2025-10 / Äldreomsorg: different amounts here and at ${a}:20`);
    expect(ba.stderr).toContain(`${a}:20: error budget-conflict: 1460 / 2025-10 / Äldreomsorg: different amounts here and at ${b}:2`);
    expect([ab.code, ba.code]).toEqual([0, 0]);
    // October's elderly care has no figures from either file; the identical LSS row is read once.
    expect(ab.stdout).toMatch(/│ Äldreomsorg │\s+│\s+│/);
    expect(ab.stdout).toMatch(/│ LSS\s+│ 50\u00A0000 tkr │ 50\u00A0000 tkr │/);
    expect(ab.stdout).toBe(ba.stdout.replace(`(${b}: kostnader positiva; ${a}: kostnader positiva)`, `(${a}: kostnader positiva; ${b}: kostnader positiva)`));
  });
  it('makes validate fail (3), in the file that disagrees', async () => {
    const r = await tillit(['validate', a, b]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`error budget-conflict ×1\n    line 2: 1460 / 2025-10 / Äldreomsorg: different amounts here and at ${a}:20`);
    expect(r.stdout).toMatch(/1 of 2 file\(s\) clean, 1 of them with warnings to read \(above\)\n$/);
  });
  it('--strict stops with 3', async () => {
    const r = await tillit(['report', a, b, '--strict']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('budget sources disagree');
    expect(r.stdout).toBe('');
  });
});

describe('amounts implausible in the unit their header names', () => {
  const dir = tmp();
  const file = join(dir, 'ekonomi.csv');
  // kronor under a tkr header: 240 000 mnkr of elderly care for Höör.
  writeFileSync(file, 'Period;Kommun;Verksamhet;Budget helår (tkr);Utfall ack (tkr);Prognos helår (tkr)\n2025-08;1267;Äldreomsorg;240000000;163200000;244800000\n2025-08;1267;LSS;55000000;36300000;54450000\n');
  it('are reported with the doubt first in the brief and a warning on stderr', async () => {
    const r = await tillit(['report', file, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:1: warning unit-implausible: amounts read as tkr reach`);
    const messages = r.stdout.slice(r.stdout.indexOf('## Det viktigaste'));
    expect(messages.split('\n')[2]).toBe('- Beloppen nedan är osäkra: i den enhet underlaget anger är de orimligt stora eller små för verksamheten, så enheten är troligen fel och varje belopp kan vara fel med en faktor 1 000.');
  });
  it('--strict stops with 3 and writes nothing', async () => {
    const r = await tillit(['report', file, '--strict']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--strict: amounts implausible in the unit they were read in (unit-implausible above); no report written');
    expect(r.stdout).toBe('');
  });
});

describe('amounts in tkr with no unit anywhere', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({
    organisation: { name: 'Test', code: 'T', language: 'sv' },
    members: [{ code: '1461', name: 'Mellerud', population: { '2025': 8902 } }],
    inputs: [{ path: 'ekonomi.csv', municipality: '1461', period: '2025-08' }],
  }));
  it('are read as tkr, with a warning on stderr', async () => {
    writeFileSync(join(dir, 'ekonomi.csv'), 'Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;−182 035,0;−121 357,0;−125 000,0\n');
    const r = await tillit(['report', '--config', join(dir, 'tillit.config.json'), '--wide']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ekonomi.csv:1: warning unit-inferred: amounts read as kr would be 20 kr per inhabitant a year (1461), implausible');
    expect(r.stderr).toContain('read as tkr');
    expect(r.stdout).toMatch(/│ Äldreomsorg │ 121\u00A0357 tkr │ 125\u00A0000 tkr │/);
  });
  it('are left out when no unit is plausible: exit 3, saying why', async () => {
    writeFileSync(join(dir, 'ekonomi.csv'), 'Verksamhet;Budget helår\nÄldreomsorg;0,00001\n');
    const r = await tillit(['report', '--config', join(dir, 'tillit.config.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error unit-no-plausible: amounts read as kr would be 0 kr per inhabitant a year (1461); no unit (kr, tkr, mnkr) gives a plausible amount');
  });
});

describe('members whose follow-ups share no month', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({
    organisation: { name: 'Test', code: 'T', language: 'sv' },
    members: [{ code: '1460', name: 'Bengtsfors', population: { '2025': 9441 } }, { code: '1461', name: 'Mellerud', population: { '2025': 8902 } }],
    inputs: [{ path: 'b.csv', municipality: '1460', period: '2025-10', unit: 'tkr' }, { path: 'm.csv', municipality: '1461', period: '2025-09', unit: 'tkr' }],
  }));
  writeFileSync(join(dir, 'b.csv'), 'Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;200000;166000;170000\n');
  writeFileSync(join(dir, 'm.csv'), 'Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;180000;135000;136000\n');
  it('make a total that says so in the table, the brief and on stderr', async () => {
    const table = await tillit(['report', '--config', join(dir, 'tillit.config.json'), '--wide']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('│ Äldreomsorg (ingen gemensam månad – ingen summa) │');
    expect(table.stderr).toContain('(budget): warning budget-months-differ: T Äldreomsorg: its parts do not share their latest month (1460 2025-10, 1461 2025-09); no month is common to all, so the sum has no figures');
    const md = await tillit(['report', '--config', join(dir, 'tillit.config.json'), '--format', 'md']);
    expect(md.stdout).toContain('Äldreomsorgen i den gemensamma organisationen kan inte summeras: delarnas senaste månader skiljer sig och de har ingen gemensam månad i år.');
  });
});

describe('a line without one month\'s outcome (monthly amounts, no year-to-date column)', () => {
  const dir = tmp();
  const rows = Array.from({ length: 10 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    return [`2025-${m};1460;Äldreomsorg;120000;10000;10500`, `2025-${m};1460;LSS;60000;5000;5000`];
  }).flat().filter((r) => !r.startsWith('2025-05;1460;Äldreomsorg'));
  writeFileSync(join(dir, 'b.csv'), `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${rows.join('\n')}\n`);
  it('has no deviation or status, and says which month it lacks on stderr (nothing is filled in)', async () => {
    const r = await tillit(['report', join(dir, 'b.csv'), '--unit', 'tkr', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('b.csv: warning budget-months-missing: 1460 Äldreomsorg: no outcome for 2025-05, so its outcome to date after 2025-10 cannot be added up: the line has no deviation or status (nothing is filled in)');
    const budget = JSON.parse(r.stdout).budget as { activity: string; deviation: number | null; status: string | null }[];
    expect(budget.find((b) => b.activity === 'Äldreomsorg')).toMatchObject({ deviation: null, status: null });
    // The line with every month is judged, and is not named.
    expect(budget.find((b) => b.activity === 'LSS')).toMatchObject({ deviation: 0, status: 'green' });
    expect(r.stderr).not.toContain('1460 LSS: no outcome');
  });
  it('is said of a line with no outcome in any month of a file read month by month', async () => {
    const noOutcome = rows.map((r) => (r.includes(';LSS;') ? r.replace(/;5000$/, ';') : r));
    writeFileSync(join(dir, 'no-lss.csv'), `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${noOutcome.join('\n')}\n`);
    const r = await tillit(['report', join(dir, 'no-lss.csv'), '--unit', 'tkr', '--format', 'json']);
    expect(r.stderr).toMatch(/no-lss.csv: warning budget-months-missing: 1460 LSS: no outcome for 2025-01, 2025-02, .* 2025-10, so its outcome to date after 2025-10 cannot be added up/);
  });
  it('is not said of a line with no monthly outcome at all (a budget-only file): nothing was to be added up', async () => {
    const budgetOnly = rows.map((r) => r.split(';').slice(0, 5).join(';'));
    writeFileSync(join(dir, 'budget-only.csv'), `Period;Kommun;Verksamhet;Budget helår;Budget månad\n${budgetOnly.join('\n')}\n`);
    const r = await tillit(['report', join(dir, 'budget-only.csv'), '--unit', 'tkr', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('budget-months-missing');
  });
});

describe('a monthly line without March (Äldreomsorg has January, February and April; LSS every month)', () => {
  const dir = tmp();
  const file = join(dir, 'b.csv');
  writeFileSync(file, `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår\n${[
    '2025-01;1461;Äldreomsorg;180000;15000;15500;181000', '2025-01;1461;LSS;70000;5800;5700;70000',
    '2025-02;1461;Äldreomsorg;180000;15000;15500;181000', '2025-02;1461;LSS;70000;5800;5750;70500',
    '2025-03;1461;LSS;70000;5800;5850;70800',
    '2025-04;1461;Äldreomsorg;180000;15000;15500;181000', '2025-04;1461;LSS;70000;5800;5900;71000',
  ].join('\n')}\n`);
  it('the md brief shows no change since March for it or the total, and names the missing month in "Om siffrorna"', async () => {
    const r = await tillit(['report', file, '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('b.csv: warning budget-months-missing: 1461 Äldreomsorg: no outcome for 2025-03');
    expect(r.stdout).toContain('| Ändring sedan mars | Status |');
    expect(r.stdout).toContain('| LSS | 23,2 mnkr | 23,2 mnkr | 0,0 % | 70,0 mnkr | 71,0 mnkr | -1,0 mnkr | -0,2 mnkr | ✓ grön |');
    expect(r.stdout).toContain('| Äldreomsorg | 60,0 mnkr |  |  | 180,0 mnkr | 181,0 mnkr | -1,0 mnkr |  |  |');
    expect(r.stdout).toContain('| **Totalt** | 83,2 mnkr |  |  | 250,0 mnkr | 252,0 mnkr | -2,0 mnkr |  |  |');
    expect(r.stdout).toContain('- b.csv: En rad saknar utfall för någon månad i år; dess utfall hittills kan inte summeras, så raden saknar avvikelse och status.');
  });
  it('validate names it at the line\'s latest row and does not call the file clean (3)', async () => {
    const r = await tillit(['validate', file, '--unit', 'tkr']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('warning budget-months-missing ×1\n    line 7: 1461 Äldreomsorg: no outcome for 2025-03, so its outcome to date after 2025-04 cannot be added up');
    expect(r.stdout).toContain('0 of 1 file(s) clean');
  });
});

describe('two tertial follow-ups (T1 and T2) with a forecast', () => {
  const dir = tmp();
  const file = join(dir, 'tert2.csv');
  writeFileSync(file, `Period;Kommun;Verksamhet;Budget;Utfall;Prognos\n${[
    'T1 2025;1460;Äldreomsorg;-224000;-75000;-226000', 'T2 2025;1460;Äldreomsorg;-224000;-151000;-227000',
    'T1 2025;1460;LSS;-66000;-22000;-66500', 'T2 2025;1460;LSS;-66000;-44500;-66800',
  ].join('\n')}\n`);
  it('the md brief shows the forecast\'s change since April, the follow-up before August', async () => {
    const r = await tillit(['report', file, '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Prognos mot budget | Ändring sedan april | Status |');
    expect(r.stdout).toContain('| Äldreomsorg | 149,3 mnkr | 151,0 mnkr | -1,1 % | 224,0 mnkr | 227,0 mnkr | -3,0 mnkr | -1,0 mnkr | ! gul |');
    expect(r.stdout).toContain('prognosen har försämrats med 1,0 mnkr sedan april.');
    // The months are read, not given: said once for the file, on stderr.
    expect(r.stderr).toContain('tert2.csv:1: warning period-tertial: period "T1 2025" read as 2025-04, the month its tertial ends (April, August, December; a numbered delår counts by tertials): a follow-up of another month needs the month itself (2025-06)');
    expect(r.stderr.match(/period-tertial/g)).toHaveLength(1);
  });
});

describe('a line over two files, last year\'s November and December and this year\'s January to April without February\'s outcome', () => {
  const dir = tmp();
  const head = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår';
  writeFileSync(join(dir, 'b2024.csv'), `${head}\n2024-11;1460;LSS;60000;5000;5000;60000\n2024-12;1460;LSS;60000;5000;5000;60000\n`);
  writeFileSync(join(dir, 'b2025.csv'), `${head}\n2025-01;1460;LSS;60000;5000;5000;60000\n2025-02;1460;LSS;60000;5000;;60000\n2025-03;1460;LSS;60000;5000;5000;60000\n2025-04;1460;LSS;60000;5000;5000;60000\n`);
  it('validate names the gap in the file and at the line it is in, and calls last year\'s file clean (3)', async () => {
    const r = await tillit(['validate', join(dir, 'b2024.csv'), join(dir, 'b2025.csv'), '--unit', 'tkr']);
    expect(r.code).toBe(3);
    const [before, after] = r.stdout.split(/\n\n(?=\S*b2025\.csv\n)/);
    expect(before).not.toContain('budget-months-missing');
    expect(after).toContain('warning budget-months-missing ×1\n    line 5: 1460 LSS: no outcome for 2025-02, so its outcome to date after 2025-04 cannot be added up');
    expect(r.stdout).toContain('1 of 2 file(s) clean');
  });
  it('report names the file the gap is in, not the one the line was first read from', async () => {
    const r = await tillit(['report', join(dir, 'b2024.csv'), join(dir, 'b2025.csv'), '--unit', 'tkr', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(dir, 'b2025.csv')}: warning budget-months-missing: 1460 LSS: no outcome for 2025-02, so its outcome to date after 2025-04 cannot be added up`);
    expect(r.stderr).not.toContain('b2024.csv: warning budget-months-missing');
  });
});

describe('a total one of whose lines has no budget', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'b.csv'), 'Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;224442;74814;76020,5\nLSS;66149;22049,7;22300\nÖvrigt;..;..;1200\n');
  it('has no deviation, and stderr names the line that leaves it without one', async () => {
    const r = await tillit(['report', join(dir, 'b.csv'), '--unit', 'tkr', '--input-municipality', '1460', '--period', '2025-04', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(budget): warning budget-sum-incomplete: 1460 Totalt: Övrigt without a budget or an outcome to date at 2025-04, so the sum has none: no deviation or status');
    const budget = JSON.parse(r.stdout).budget as { activity: string; total: boolean; deviation: number | null }[];
    expect(budget.find((b) => b.total)).toMatchObject({ deviation: null });
    expect(budget.find((b) => b.activity === 'LSS')!.deviation).toBe(-250_300);
  });
});

describe('an empty spreadsheet row saved as delimiters (`;;;;;`) between the lines', () => {
  const dir = tmp();
  const file = join(dir, 'b.csv');
  writeFileSync(file, 'Kommun;Period;Verksamhet;Budget helår;Budget ack;Utfall ack\n1460;2025-08;Äldreomsorg;182035;121357;124001\n;;;;;\n;;;;;;;;\n1460;2025-08;LSS;66149;44099;44500\n');
  it('is a blank line, as an empty line is: not a row, nothing rejected, the file clean (0)', async () => {
    const r = await tillit(['validate', file, '--unit', 'tkr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rows: 2 read, 2 used, 0 rejected, 0 ignored');
    expect(r.stdout).not.toContain('value-required');
    expect(r.stdout).toMatch(/1 of 1 file\(s\) clean\n$/);
    expect(r.stderr).toBe('');
  });
});

describe('a finance export with section headings (lines with text and no amount) and a source line', () => {
  const dir = tmp();
  const file = join(dir, 'sect.csv');
  writeFileSync(file, 'Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\nVård och omsorg;;;\nÄldreomsorg;182 035,0;121 356,7;124 001,2\nLSS;66 149,0;44 099,3;44 500,0\nIndivid och familj;;;\nIFO;59 942,0;39 961,3;38 700,0\nKälla: Raindance;;;\n');
  const args = [file, '--input-municipality', '1460', '--input-period', '2025-08', '--unit', 'tkr'];
  it('validate names the headings and the footnote as set aside on purpose, and the file is clean (0)', async () => {
    const r = await tillit(['validate', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rows: 6 read, 3 used, 0 rejected, 3 ignored');
    expect(r.stdout).toContain('info budget-heading ×2\n    line 2, column 1: no amount in any amount column: read as a section heading (or a line left empty), not a budget line; not counted (received "Vård och omsorg")');
    expect(r.stdout).toContain('line 5, column 1: no amount in any amount column');
    expect(r.stdout).toContain('info footnote ×1\n    line 7: footnote line under the table; kept out of the data (received "Källa: Raindance")');
  });
  it('the report shows no empty heading lines, and the total sums the real lines', async () => {
    const r = await tillit(['report', ...args, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\| (Vård och omsorg|Individ och familj|Källa: Raindance) \|/);
    expect(r.stdout).toContain('| **Totalt** | 205,4 mnkr | 207,2 mnkr | -0,9 % | 308,1 mnkr |');
  });
});

describe('a file dated by year whose columns name months (`Budget jan-aug`)', () => {
  const dir = tmp();
  const file = join(dir, 'year.csv');
  writeFileSync(file, 'År;Kommun;Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Prognos helår\n2025;1460;Äldreomsorg;182 035;121 357;124 001;185 500\n2025;1460;LSS;66 149;44 099;44 500;66 800\n');
  it('validate says the year is read at August, with an info finding, and the file is clean (0)', async () => {
    const r = await tillit(['validate', file, '--unit', 'tkr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('info period-from-columns ×1\n    line 1: rows dated 2025 read as 2025-08: column "Budget jan-aug" names the months their amounts cover, so they are that year\'s follow-up to date, not the closed year');
  });
  it('the report is the follow-up after August: to date against the full-year budget, not the closed year', async () => {
    const r = await tillit(['report', file, '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Bengtsfors (1460) – uppföljning: budget efter augusti 2025');
    expect(r.stdout).toContain('| Äldreomsorg | 121,4 mnkr | 124,0 mnkr | -2,2 % | 182,0 mnkr | 185,5 mnkr | -3,5 mnkr | ✗ röd |');
    expect(r.stdout).not.toContain('budget efter december 2025');
    expect(r.stdout).not.toContain('Utfall helår');
  });
  it('with --input-period naming another month than the columns, the lines are rejected naming both (3)', async () => {
    const sect = join(dir, 'sect.csv');
    writeFileSync(sect, 'Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\nÄldreomsorg;182 035,0;121 356,7;124 001,2\n');
    const r = await tillit(['validate', sect, '--input-municipality', '1460', '--input-period', '2025-06', '--unit', 'tkr']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('error period-columns-differ ×1\n    line 2: period 2025-06 contradicts column "Budget jan-aug", which covers the year up to August: the amounts cannot be dated by both, and neither is taken on a guess; correct the period (column, "period" or --input-period) or the column\'s name; row left out (received "2025-06")');
  });
  it('with a period column naming another month than the columns, the report leaves the row out and says so on stderr', async () => {
    const mis = join(dir, 'mis.csv');
    writeFileSync(mis, 'Period;Kommun;Verksamhet;Budget helår;Budget jan-jun;Utfall jan-jun\n2025-08;1460;Äldreomsorg;182035;91000;92000\n2025-06;1460;LSS;66149;33000;33100\n');
    const r = await tillit(['report', mis, '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${mis}:2:1: error period-columns-differ: period 2025-08 contradicts column "Budget jan-jun", which covers the year up to June`);
    expect(r.stdout).toContain('## Ekonomi (juni 2025)');
    expect(r.stdout).not.toContain('| Äldreomsorg |');
  });
});

describe('monthly amounts under plain "Budget" and "Utfall" headers, month by month', () => {
  const dir = tmp();
  const file = join(dir, 'plain.csv');
  const outcomes = ['15 020', '15 400', '14 900', '15 800', '15 300', '18 146', '15 426', '16 109'];
  writeFileSync(file, ['Period;Kommun;Verksamhet;Budget;Utfall', ...outcomes.map((o, i) => `2025-0${i + 1};1460;Äldreomsorg;15 170;${o}`)].join('\n'));
  it('the report adds the months up: 3,9 % over budget after August, not 59 %, and says on stderr how the columns were read', async () => {
    const r = await tillit(['report', file, '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(0);
    // Budget 8 × 15 170 = 121 360 and outcome 126 101 to date; no full-year budget is known.
    expect(r.stdout).toContain('| Äldreomsorg | 121,4 mnkr | 126,1 mnkr | -3,9 % |  |  |  | ✗ röd |');
    expect(r.stdout).not.toContain('59,3 %');
    expect(r.stderr).toContain(`${file}:1:5: warning budget-columns-monthly: column "Utfall" read as monthly amounts (actualMonth), not as a total to date (actualYtd): in 1 of 1 lines its amounts fall from one month to the next (3 of 7 times)`);
    expect(r.stderr).toContain('(and 1 more like it)');
  });
  it('validate names both columns and does not call the file clean (3)', async () => {
    const r = await tillit(['validate', file, '--unit', 'tkr']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('warning budget-columns-monthly ×2\n    line 1, column 5: column "Utfall" read as monthly amounts (actualMonth)');
    expect(r.stdout).toContain('    line 1, column 4: column "Budget" read as monthly amounts (budgetMonth), not as the full-year budget (budgetYear): in 1 of 1 lines it is closer to one month\'s outcome than to twelve months\'');
    expect(r.stdout).toContain('0 of 1 file(s) clean');
  });
});

describe('monthly amounts that rise every month under plain "Budget" and "Utfall" (they never fall)', () => {
  const dir = tmp();
  const file = join(dir, 'f19-monthly-rising.csv');
  const [care, lss] = [['14 600', '14 800', '15 200', '15 900'], ['5 700', '5 750', '5 850', '5 900']];
  const lines = care.flatMap((o, i) => [`2025-0${i + 1};Mellerud;Äldreomsorg;15 000;${o}`, `2025-0${i + 1};Mellerud;LSS;5 800;${lss[i]}`]);
  writeFileSync(file, `${['Period;Kommun;Verksamhet;Budget;Utfall', ...lines].join('\r\n')}\r\n`);
  it('the report adds the months up: budget 60 000 and outcome 60 500 tkr to date, not 5 000 against 15 900', async () => {
    const r = await tillit(['report', file, '--wide']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ Äldreomsorg\s+│ 60\u00A0000 tkr\s+│ 60\u00A0500 tkr\s+│ -500 tkr\s+│ -0,8 %/);
    expect(r.stdout).not.toContain('-218,0 %');
    expect(r.stderr).toContain(`${file}:1:5: warning budget-columns-monthly: column "Utfall" read as monthly amounts (actualMonth), not as a total to date (actualYtd): in 2 of 2 lines spanning enough of a year (the last month at least twice the first) its amounts stay level`);
  });
  it('validate names the columns and does not call the file clean (3)', async () => {
    const r = await tillit(['validate', file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('warning budget-columns-monthly ×2');
    expect(r.stdout).toContain('0 of 1 file(s) clean');
  });
});

describe("the organisation's own small overhead, no unit written", () => {
  const dir = tmp();
  writeFileSync(join(dir, 'gemensamt.csv'), 'Period;Organisation;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-08;Gemensamt;Gemensam ledning;450;300;310\n2025-08;Gemensamt;Specialister;380;253;240\n');
  const config = join(dir, 'tillit.config.json');
  writeFileSync(config, JSON.stringify({
    organisation: { name: 'Gemensam nämnd', code: 'BM', aliases: ['Gemensamt'] },
    members: [{ code: '1460', population: { 2025: 9441 } }, { code: '1461', population: { 2025: 8902 } }],
    allocation: { method: 'mixed', equalPercent: 30 },
    inputs: [{ path: 'gemensamt.csv' }],
  }));
  it('is read as tkr (45 kr per inhabitant is a plausible overhead), said on stderr, and 830 tkr is allocated, not 830 mnkr', async () => {
    const r = await tillit(['report', '--config', config, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('gemensamt.csv:1: warning unit-inferred: amounts read as kr would be 830 kr a year (BM), implausible for the organisation\'s own lines (plausible: 100,000 kr a year to 60,000 kr per inhabitant); read as tkr (as tkr: 830,000 kr a year (BM))');
    const json = JSON.parse(r.stdout) as { allocation: { totals: { budgetYear: number }; members: { area: string; budgetYear: number }[] } };
    expect(json.allocation.totals.budgetYear).toBe(830_000);
    expect(json.allocation.members.map((m) => [m.area, m.budgetYear])).toEqual([['1460', 423_536], ['1461', 406_464]]);
  });
});

describe('revenue and financial lines beside the committees (a municipality-wide follow-up)', () => {
  it('are left out of the activities and their total, named, and counted in the result', async () => {
    const dir = tmp();
    const file = join(dir, 'pitea.csv');
    writeFileSync(file, [
      'Piteå kommun;;;;', 'Belopp i mnkr;;;;', 'Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Prognos helår',
      'Socialnämnden;-1 500,0;-1 000,0;-1 010,0;-1 510,0', 'Barn- och utbildningsnämnden;-1 200,0;-800,0;-798,0;-1 205,0', 'Tekniska nämnden;-300,0;-200,0;-197,0;-298,0',
      'Skatteintäkter;2 420,0;1 613,3;1 620,1;2 431,0', 'Generella statsbidrag och utjämning;690,0;460,0;462,3;694,0', 'Finansnetto;-10,0;-6,7;-5,0;-13,0',
    ].join('\n'));
    const md = await tillit(['report', file, '--input-period', '2025-08', '--format', 'md']);
    expect(md.code).toBe(0);
    md.stdout = md.stdout.replace(/\u00a0/g, ' ');
    // Hand-worked: the committees 2 000 budget, 2 005 outcome to date: 0,25 % over budget.
    expect(md.stdout).toContain('| **Totalt** | 2 000,0 mnkr | 2 005,0 mnkr | -0,3 % | 3 000,0 mnkr | 3 013,0 mnkr | -13,0 mnkr |');
    expect(md.stdout).toContain('- Verksamheterna i Piteå ligger 0,3 % över budget efter augusti');
    expect(md.stdout).not.toMatch(/\| (Skatteintäkter|Finansnetto) \|/);
    // 2 431 + 694 − 13 − 3 013 = 99 mnkr = 3,2 % of 3 125.
    expect(md.stdout).toContain('prognos helår +99,0 mnkr = 3,2 % av skatteintäkter');
    expect(md.stdout).toContain('Generella statsbidrag och utjämning, Skatteintäkter, Finansnetto är skatteintäkter, statsbidrag eller finansiella poster, inte verksamheter');
    const json = JSON.parse((await tillit(['report', file, '--input-period', '2025-08', '--format', 'json'])).stdout) as { findings: { code: string; message: string }[]; results: { revenueLines: string[]; financialLines: string[] }[] };
    expect(json.findings.find((f) => f.code === 'budget-financing-lines')?.message).toBe("2581: Skatteintäkter, Generella statsbidrag och utjämning, Finansnetto are revenue or financial items, not activities: left out of the activities and their total, and counted in the year's result");
    expect(json.results[0]).toMatchObject({ revenueLines: ['Generella statsbidrag och utjämning', 'Skatteintäkter'], financialLines: ['Finansnetto'] });
  });

  it('a whole resultaträkning (Windows-1252, CRLF): its sums are not added again, income does not make the signs mixed, the result is the year’s', async () => {
    const dir = tmp();
    const file = join(dir, 'resultatrakning.csv');
    const text = [
      'Piteå kommun;;;;;', 'Resultaträkning, prognos efter augusti 2025 (mnkr);;;;;', 'Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Prognos helår',
      'Verksamhetens intäkter;612,0;408,0;420,5;625,0', 'Verksamhetens kostnader;-3 480,0;-2 320,0;-2 365,2;-3 530,0', 'Avskrivningar;-165,0;-110,0;-108,7;-163,0',
      'Verksamhetens nettokostnader;-3 033,0;-2 022,0;-2 053,4;-3 068,0', 'Skatteintäkter;2 420,0;1 613,3;1 620,1;2 431,0', 'Generella statsbidrag och utjämning;690,0;460,0;462,3;694,0',
      'Finansiella intäkter;25,0;16,7;18,2;27,0', 'Finansiella kostnader;-40,0;-26,7;-25,1;-38,0', 'Årets resultat;62,0;41,3;22,1;46,0',
    ].join('\r\n');
    // Windows-1252: å, ä, Å are one byte each (latin1 agrees with it there).
    writeFileSync(file, Buffer.from(text, 'latin1'));
    for (const sign of [[], ['--sign', 'costs-negative']]) {
      const r = await tillit(['report', file, '--input-period', '2025-08', '--format', 'json', ...sign]);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('sign-mixed');
      const report = JSON.parse(r.stdout) as { inputs: { sign: string }[]; findings: { code: string; line?: number }[]; budget: { activity: string; actualYtd: number; status: string }[]; results: Record<string, unknown>[] };
      expect(report.inputs[0]!.sign).toBe('costs-negative');
      expect(report.findings.filter((f) => f.code === 'budget-statement-sum').map((f) => f.line)).toEqual([7, 12]);
      // Net costs: income (a negative cost) + costs + depreciation = 2 053,4 to date, 45,2 over the costs' budget.
      expect(report.budget.map((b) => `${b.activity} ${b.actualYtd} ${b.status}`)).toEqual([
        'Avskrivningar 108700000 green', 'Verksamhetens intäkter -420500000 green', 'Verksamhetens kostnader 2365200000 yellow', 'Totalt 2053400000 yellow',
      ]);
      // The year's result: 22,1 to date; forecast 46 = 46 / (2 431 + 694) = 1,472 %, yellow against 2 %.
      expect(report.results).toEqual([expect.objectContaining({ resultYtd: 22_100_000, resultForecast: 46_000_000, revenueForecast: 3_125_000_000, resultForecastPct: 1.472, status: 'yellow' })]);
    }
    const md = await tillit(['report', file, '--input-period', '2025-08', '--format', 'md']);
    // An income line above budget is not said to be "under budget".
    expect(md.stdout).not.toContain('Verksamhetens intäkter i Piteå');
    expect(md.stdout).toContain('**Resultat**: hittills +22,1 mnkr = 1,1 %; prognos helår +46,0 mnkr = 1,5 %');
  });
});

describe('a budget file dated only by its title, as tertial reports are written', () => {
  const dir = tmp();
  const file = (name: string, title: string) => {
    writeFileSync(join(dir, name), `Bengtsfors kommun\n${title}\nVerksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;224442;74814;76020\nLSS;66149;22049;22300\n`);
    return join(dir, name);
  };
  it.each([['Tertial 1 (jan-apr) 2025', 'april'], ['Delår 2 2025', 'augusti'], ['T2 2025', 'augusti']])('"%s" is read as after %s, and said', async (title, month) => {
    const r = await tillit(['report', file('t.csv', title), '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`– uppföljning: budget efter ${month} 2025`);
    const json = JSON.parse((await tillit(['report', join(dir, 't.csv'), '--unit', 'tkr', '--format', 'json'])).stdout) as { findings: { code: string; message: string }[] };
    expect(json.findings.find((f) => f.code === 'period-from-title')?.message).toContain(`taken from the title "Bengtsfors kommun – ${title}"`);
  });
  it('a title that names no month ("Delårsrapport 2025": June or August?) is said, not guessed (3)', async () => {
    const r = await tillit(['report', file('d.csv', 'Delårsrapport 2025'), '--unit', 'tkr', '--format', 'md']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error header-missing-column: roles missing: period');
    expect(r.stdout).toBe('');
  });
});

describe('a line 0,04 % over budget: yellow, and the brief says why', () => {
  const dir = tmp();
  const file = join(dir, 'b.csv');
  writeFileSync(file, 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-04;1460;Äldreomsorg;300000;100000;100040\n2025-04;1460;LSS;60000;20000;20410\n');
  it('md and html show -0,04 %, not 0,0 %, and what the colours mean by the default thresholds', async () => {
    const md = await tillit(['report', file, '--unit', 'tkr', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| Äldreomsorg | 100,0 mnkr | 100,0 mnkr | -0,04 % | 300,0 mnkr |  |  | ! gul |');
    expect(md.stdout).toContain('_Status: grön när kostnaderna hittills i år ligger på eller under budget, röd när de ligger mer än 2 % över budget, gul däremellan. Färgen avgörs av den exakta avvikelsen; en avvikelse nära en gräns visas därför med fler decimaler._');
    const html = await tillit(['report', file, '--unit', 'tkr', '--format', 'html', '--lang', 'en']);
    expect(html.stdout).toContain('<td>-0.04%</td>');
    expect(html.stdout).toContain('<p class="legend">Status: green when costs so far this year are at or under budget, red when they are more than 2% over budget, yellow in between.');
    // The JSON keeps its figures as they were.
    const json = JSON.parse((await tillit(['report', file, '--unit', 'tkr', '--format', 'json'])).stdout) as { budget: { activity: string; deviationPct: number; status: string }[] };
    expect(json.budget.find((b) => b.activity === 'Äldreomsorg')).toMatchObject({ deviationPct: -0.04, status: 'yellow' });
  });
  it('the thresholds said are the config\'s', async () => {
    writeFileSync(join(dir, 'tillit.config.json'), '{ "budget": { "yellowBelow": -0.5, "redBelow": -2.5 } }');
    const md = await tillit(['report', file, '--config', join(dir, 'tillit.config.json'), '--unit', 'tkr', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| Äldreomsorg | 100,0 mnkr | 100,0 mnkr | 0,0 % | 300,0 mnkr |  |  | ✓ grön |');
    expect(md.stdout).toContain('_Status: grön när kostnaderna hittills i år ligger högst 0,5 % över budget, röd när de ligger mer än 2,5 % över budget, gul däremellan._');
  });
});
