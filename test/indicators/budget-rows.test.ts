import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import type { BudgetRow } from '../../src/model/report.js';

const config = parseConfig(JSON.stringify({
  organisation: { name: 'BM', code: 'BM', aliases: ['Gemensamt'] },
  members: [{ code: '1460', name: 'Bengtsfors', population: { '2024': 600 } }, { code: '1461', name: 'Mellerud', population: { '2024': 400 } }],
  allocation: { method: 'population' },
}), 'test.json');
const read = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'kr', sign: 'costs-positive' }, {}), file });
const HEAD = 'Period;Kommun;Verksamhet;Budget ack;Utfall ack\n';
/** `area activity period note budgetYtd actualYtd method` per row. */
const show = (rows: readonly BudgetRow[]) => rows.map((b) => `${b.area} ${b.activity} ${b.period} ${b.periodNote} ${b.budgetYtd} ${b.actualYtd} ${b.budgetYtdMethod}`);

describe('budget rows when lines end at different months', () => {
  it('hand-worked: a member one month behind keeps its lines at its own month; sums are at the month their parts share', () => {
    // Bengtsfors: LSS and IFO to March; Mellerud: LSS to February; the organisation's own line to March.
    const b = read('b.csv', `${HEAD}${[1, 2, 3].map((m) => `2025-0${m};1460;LSS;${100 * m};${110 * m}\n2025-0${m};1460;IFO;${10 * m};${10 * m}`).join('\n')}\n`);
    const m = read('m.csv', `${HEAD}2025-01;1461;LSS;50;50\n2025-02;1461;LSS;100;97\n`);
    const g = read('g.csv', `${HEAD}2025-03;Gemensamt;Ledning;30;33\n`);
    const report = analyse([b, m, g], config);
    expect(report.period.budget).toBe('2025-03');
    expect(show(report.budget)).toEqual([
      '1460 IFO 2025-03 null 30 30 ytd-column',
      '1460 LSS 2025-03 null 300 330 ytd-column',
      '1460 Totalt 2025-03 null 330 360 summed',
      '1461 LSS 2025-02 behind 100 97 ytd-column',
      // LSS after February: 200 + 100 and 220 + 97; IFO is Bengtsfors' alone, at March.
      'BM IFO 2025-03 null 30 30 summed',
      'BM Ledning 2025-03 null 30 33 ytd-column',
      'BM LSS 2025-02 common-month 300 317 summed',
      // The total's parts share February at most (the shared line has March only: none in common).
      'BM Totalt 2025-03 no-common-month null null null',
    ]);
    expect(report.budget.find((r) => r.area === 'BM' && r.activity === 'IFO')!.members).toEqual(['1460']);
    const said = report.findings.filter((f) => f.code.startsWith('budget-')).map((f) => `${f.file} ${f.severity} ${f.message}`);
    expect(said).toEqual([
      '(budget) warning BM LSS: its parts do not share their latest month (1460 2025-03, 1461 2025-02); summed at 2025-02, the latest month all share',
      '(budget) warning BM Totalt: its parts do not share their latest month (IFO 2025-03, Ledning 2025-03, LSS 2025-02); no month is common to all, so the sum has no figures',
      "m.csv warning budget-behind: 1461's budget figures go up to 2025-02, the others' to 2025-03: its lines are shown at 2025-02".replace('budget-behind: ', ''),
    ]);
    // The shared costs are split at their own latest month.
    expect(report.allocation).toMatchObject({ period: '2025-03', totals: { actualYtd: 33 } });
  });
  it('one line of an area behind: named, with the month the area\'s total is held to; two lines behind at one month named together', () => {
    const b = read('b.csv', `${HEAD}${[1, 2, 3].map((m) => `2025-0${m};1460;IFO;${10 * m};${10 * m}`).join('\n')}\n2025-01;1460;LSS;100;110\n2025-02;1460;LSS;200;220\n`);
    const report = analyse([b], config);
    expect(show(report.budget.filter((r) => r.area === '1460'))).toEqual([
      '1460 IFO 2025-03 null 30 30 ytd-column',
      '1460 LSS 2025-02 behind 200 220 ytd-column',
      '1460 Totalt 2025-02 common-month 220 240 summed',
    ]);
    expect(report.findings.filter((f) => f.code === 'budget-behind').map((f) => `${f.file} ${f.message}`)).toEqual([
      "b.csv 1460 LSS: budget figures go up to 2025-02, the report's budget period is 2025-03: the line is shown at 2025-02, 1460's other lines at their latest month, and 1460's total at 2025-02, the latest month all its lines share (a year-to-date total is of one month)",
    ]);
    const three = read('b.csv', `${HEAD}2025-01;1460;IFO;10;10\n2025-01;1460;LSS;100;110\n2025-01;1460;Ledning;2;2\n2025-02;1460;Ledning;5;5\n2025-01;1461;LSS;50;50\n`);
    expect(analyse([three], config).findings.filter((f) => f.code === 'budget-behind').map((f) => f.message)).toEqual([
      "1460 IFO, LSS: budget figures go up to 2025-01, the report's budget period is 2025-02: these lines are shown at 2025-01, 1460's other lines at their latest month, and 1460's total at 2025-01, the latest month all its lines share (a year-to-date total is of one month)",
      "1461's budget figures go up to 2025-01, the others' to 2025-02: its lines are shown at 2025-01",
    ]);
  });
  it('--period YYYY-MM shows each line at its latest month up to it; a month no file has puts the section at the latest before it', () => {
    const b = read('b.csv', `${HEAD}2025-01;1460;LSS;100;110\n2025-03;1460;LSS;300;330\n2025-04;1460;LSS;400;450\n`);
    const report = analyse([b], config, { period: '2025-02' });
    expect(show(report.budget.filter((r) => r.area === '1460'))).toEqual(['1460 LSS 2025-01 null 100 110 ytd-column']);
    expect(report.period.budget).toBe('2025-01');
    expect(report.findings.filter((f) => f.code.startsWith('period-')).map((f) => f.message)).toEqual(['no budget figures for 2025-02 (the budget files have 2025-01, 2025-03 – 2025-04); the budget section is at 2025-01, the latest month before it']);
    // A line that stops before a month the others have is still behind.
    const m = read('m.csv', `${HEAD}2025-01;1461;LSS;100;110\n`);
    expect(show(analyse([b, m], config, { period: '2025-03' }).budget.filter((r) => r.area === '1461'))).toEqual(['1461 LSS 2025-01 behind 100 110 ytd-column']);
  });
});

describe('fair-share gaps', () => {
  it('hand-worked: rounded as the allocation is, so they sum to 0', () => {
    const three = parseConfig(JSON.stringify({
      organisation: { name: 'O', code: 'O', aliases: ['Gemensamt'] },
      members: ['1460', '1461', '1462'].map((code) => ({ code, name: code, population: { '2024': 1000 }, usage: { brukare: { '2025': 1 } } })),
      allocation: { method: 'population' },
    }), 'test.json');
    const g = parseInput(Buffer.from(`${HEAD}2025-03;Gemensamt;Ledning;1000;1000\n`), { ...ingestOptions(three, { unit: 'kr', sign: 'costs-positive' }, {}), file: 'g.csv' });
    const members = analyse([g], three).allocation!.members;
    // 1 000 split three ways is 334 + 333 + 333, by population and by usage alike: no gap (each
    // rounded alone, 334 − 333 = 1 and the gaps summed to 1).
    expect(members.map((m) => [m.actualYtd, m.fairShareGap])).toEqual([[334, 0], [333, 0], [333, 0]]);
  });
});

describe('a member with no figures in the report year', () => {
  it('has no rows, and a finding says how far its figures go', () => {
    const b = read('b.csv', `${HEAD}2025-03;1460;LSS;300;330\n`);
    const m = read('m.csv', `${HEAD}2024-12;1461;LSS;1200;1100\n`);
    const report = analyse([b, m], config);
    expect(report.budget.some((r) => r.area === '1461')).toBe(false);
    expect(report.findings.filter((f) => f.code.startsWith('budget-')).map((f) => `${f.file} ${f.severity} ${f.message}`))
      .toEqual([
        // The organisation's LSS cannot be summed this year: Mellerud's part has no month in it.
        '(budget) warning BM LSS: its parts do not share their latest month (1460 2025-03, 1461 none in 2025); no month is common to all, so the sum has no figures',
        'm.csv warning 1461 has lines with no budget figures in 2025 (they go up to 2024-12): not shown',
      ]);
  });
});

describe('a budget to date taken as an even pace', () => {
  const findings = (report: ReturnType<typeof analyse>) => report.findings.filter((f) => f.code === 'budget-ytd-even-pace').map((f) => `${f.file} ${f.severity} ${f.message}`);
  it('is said where the file gives neither a budget to date nor monthly budgets: the deviation rests on 8/12 of the year', () => {
    const b = read('b.csv', 'Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-08;1460;Äldreomsorg;1200;850\n2025-08;1460;LSS;600;390\n');
    const report = analyse([b], config);
    // Hand-worked: 1 200 × 8/12 = 800 against 850; 600 × 8/12 = 400 against 390.
    expect(show(report.budget.filter((r) => !r.total && r.area === '1460'))).toEqual(['1460 LSS 2025-08 null 400 390 annual-pro-rata', '1460 Äldreomsorg 2025-08 null 800 850 annual-pro-rata']);
    expect(findings(report)).toEqual(['b.csv warning 1460 LSS, Äldreomsorg: no budget to date at 2025-08 (no year-to-date budget column, and no monthly budgets): their budget to date is taken as the full-year budget × 8/12, as if spent at an even pace, and any deviation from it rests on that; a budget that follows the seasons would give another (give the budget to date, or every month\'s budget)']);
  });
  it('names the month without a budget where the file gives monthly budgets for the others', () => {
    const months = [1, 2, 4].map((m) => `2025-0${m};1460;LSS;1200;100;90`).join('\n');
    const report = analyse([read('m.csv', `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${months}\n`)], config);
    expect(findings(report)).toEqual([expect.stringContaining('m.csv warning 1460 LSS: no budget to date at 2025-04 (no monthly budget for 2025-03): its budget to date is taken as the full-year budget × 4/12')]);
  });
  it('is not said where the budget to date is given or every month has its budget', () => {
    expect(findings(analyse([read('y.csv', `${HEAD}2025-03;1460;LSS;300;330\n`)], config))).toEqual([]);
    const months = [1, 2, 3].map((m) => `2025-0${m};1460;LSS;1200;100;90`).join('\n');
    expect(findings(analyse([read('m.csv', `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${months}\n`)], config))).toEqual([]);
  });
});

describe('a forecast given only in forecast months', () => {
  it('is not carried into a later month, and the warning names it and its month', () => {
    const head = 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår\n';
    const rows = [1, 2, 3].map((m) => `2025-0${m};1461;LSS;1200;${100 * m};${110 * m};${m === 2 ? 1300 : ''}\n2025-0${m};1461;IFO;600;${50 * m};${50 * m};${m === 3 ? 600 : ''}`);
    const report = analyse([read('m.csv', `${head}${rows.join('\n')}\n`)], config);
    expect(report.budget.filter((r) => r.area === '1461').map((r) => `${r.activity} ${r.forecast}`)).toEqual(['IFO 600', 'LSS null', 'Totalt null']);
    const said = report.findings.filter((f) => f.code === 'budget-forecast-earlier').map((f) => `${f.file} ${f.severity} ${f.message}`);
    expect(said).toEqual(['m.csv warning 1461 LSS: no forecast at 2025-03; the latest, of 2025-02, is not shown (nor checked against the pace), as it is of an earlier month: report with --period 2025-02 to see it, or give the forecast every month']);
  });
});
