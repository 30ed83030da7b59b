import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { budgetMonthGaps } from '../../src/indicators/budget-gaps.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';

const config = parseConfig(JSON.stringify({ organisation: { name: 'BM', code: 'BM' } }), 'test.json');
const table = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'tkr', sign: 'costs-positive' }, {}), file }).budget!;
const MONTHLY = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår\n';
const said = (tables: Parameters<typeof budgetMonthGaps>[0], code = 'budget-months-missing') => budgetMonthGaps(tables).filter((f) => f.code === code).map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}: ${f.message}`);
const gaps = (tables: Parameters<typeof budgetMonthGaps>[0]) => budgetMonthGaps(tables).filter((f) => f.code === 'budget-months-missing');

describe('budgetMonthGaps (what validate says of a line a missing month leaves without an outcome to date)', () => {
  it('names a monthly line without March at its latest row, and not the line that has every month', () => {
    const t = table('b.csv', `${MONTHLY}${[
      '2025-01;1461;Äldreomsorg;180000;15000;15500;181000', '2025-01;1461;LSS;70000;5800;5700;70000',
      '2025-02;1461;Äldreomsorg;180000;15000;15500;181000', '2025-02;1461;LSS;70000;5800;5750;70500',
      '2025-03;1461;LSS;70000;5800;5850;70800',
      '2025-04;1461;Äldreomsorg;180000;15000;15500;181000', '2025-04;1461;LSS;70000;5800;5900;71000',
    ].join('\n')}\n`);
    expect(said([t])).toEqual(['b.csv:7 warning budget-months-missing: 1461 Äldreomsorg: no outcome for 2025-03, so its outcome to date after 2025-04 cannot be added up: the line has no deviation or status (nothing is filled in)']);
  });

  it('checks only the year a report judges, the latest the tables hold: an older year\'s missing months are no gap', () => {
    const t = table('b.csv', `${MONTHLY}2024-01;1461;LSS;70000;5800;5700;70000\n2024-03;1461;LSS;70000;5800;5700;70000\n2025-01;1461;LSS;70000;5800;5700;70000\n2025-03;1461;LSS;70000;5800;5700;70000\n`);
    expect(gaps([t]).map((f) => `${f.line} ${f.message.split(',')[0]}`)).toEqual(['5 1461 LSS: no outcome for 2025-02']);
  });

  it('says nothing of a rolling export (May to April) or of last year\'s November and December beside this year', () => {
    const months = ['2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
    const rolling = table('rolling.csv', `${MONTHLY}${months.map((m) => `${m};1461;LSS;70000;5800;5700;70000`).join('\n')}\n`);
    const before = table('b2024.csv', `${MONTHLY}2024-11;1461;LSS;70000;5800;5700;70000\n2024-12;1461;LSS;70000;5800;5700;70000\n`);
    const after = table('b2025.csv', `${MONTHLY}2025-01;1461;LSS;70000;5800;5700;70000\n2025-02;1461;LSS;70000;5800;5700;70000\n`);
    expect(said([rolling])).toEqual([]);
    expect(said([before, after])).toEqual([]);
  });

  it('names the file and line of the row the gap is in, not the file the line was first read from, in order of line', () => {
    const before = table('b2024.csv', `${MONTHLY}2024-11;1461;LSS;70000;5800;5700;70000\n2024-12;1461;LSS;70000;5800;5700;70000\n`);
    const after = table('b2025.csv', `${MONTHLY}${[
      '2025-01;1461;Äldreomsorg;180000;15000;15500;181000', '2025-01;1461;LSS;70000;5800;5700;70000',
      '2025-02;1461;Äldreomsorg;180000;15000;;181000', '2025-02;1461;LSS;70000;5800;;70000',
      '2025-03;1461;Äldreomsorg;180000;15000;15500;181000',
      '2025-04;1461;LSS;70000;5800;5700;70000',
    ].join('\n')}\n`);
    // LSS was first read from b2024.csv, so it comes first among the lines; its latest row is below Äldreomsorg's.
    expect(gaps([before, after]).map((f) => `${f.file}:${f.line} ${f.message.split(',')[0]}`)).toEqual([
      'b2025.csv:6 1461 Äldreomsorg: no outcome for 2025-02',
      'b2025.csv:7 1461 LSS: no outcome for 2025-02',
    ]);
  });

  it('says nothing of a year-to-date file or of a file without outcomes: nothing was to be added up', () => {
    const ytd = table('ytd.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-01;1461;LSS;70000;5800;5700\n2025-04;1461;LSS;70000;23200;23200\n');
    const budgetOnly = table('budget.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget månad\n2025-01;1461;LSS;70000;5800\n2025-04;1461;LSS;70000;5800\n');
    expect(said([ytd, budgetOnly])).toEqual([]);
    // The budget-only file's budget to date after April is 4/12 of the year's: February and March have no budget.
    expect(said([ytd], 'budget-ytd-even-pace')).toEqual([]);
    expect(said([budgetOnly], 'budget-ytd-even-pace')).toEqual([expect.stringContaining('budget.csv:3 warning budget-ytd-even-pace: 1461 LSS: no budget to date at 2025-04 (no monthly budget for 2025-02, 2025-03): its budget to date is taken as the full-year budget × 4/12')]);
  });
  it('names a line of a file with a full-year budget and an outcome to date only: its budget to date is an even pace', () => {
    const annual = table('a.csv', 'Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-08;1461;LSS;1200;850\n');
    expect(said([annual], 'budget-ytd-even-pace')).toEqual(['a.csv:2 warning budget-ytd-even-pace: 1461 LSS: no budget to date at 2025-08 (no year-to-date budget column, and no monthly budgets): its budget to date is taken as the full-year budget × 8/12, as if spent at an even pace, and any deviation from it rests on that; a budget that follows the seasons would give another (give the budget to date, or every month\'s budget)']);
  });
});
