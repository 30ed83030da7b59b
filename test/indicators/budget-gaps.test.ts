import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { budgetMonthGaps } from '../../src/indicators/budget-gaps.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { parseInput } from '../../src/ingest/parse-input.js';

const config = parseConfig(JSON.stringify({ organisation: { name: 'BM', code: 'BM' } }), 'test.json');
const table = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'tkr', sign: 'costs-positive' }, {}), file }).budget!;
const MONTHLY = 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår\n';
const said = (tables: Parameters<typeof budgetMonthGaps>[0]) => budgetMonthGaps(tables).map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}: ${f.message}`);

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
    expect(budgetMonthGaps([t]).map((f) => `${f.line} ${f.message.split(',')[0]}`)).toEqual(['5 1461 LSS: no outcome for 2025-02']);
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
    expect(budgetMonthGaps([before, after]).map((f) => `${f.file}:${f.line} ${f.message.split(',')[0]}`)).toEqual([
      'b2025.csv:6 1461 Äldreomsorg: no outcome for 2025-02',
      'b2025.csv:7 1461 LSS: no outcome for 2025-02',
    ]);
  });

  it('says nothing of a year-to-date file or of a file without outcomes: nothing was to be added up', () => {
    const ytd = table('ytd.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-01;1461;LSS;70000;5800;5700\n2025-04;1461;LSS;70000;23200;23200\n');
    const budgetOnly = table('budget.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget månad\n2025-01;1461;LSS;70000;5800\n2025-04;1461;LSS;70000;5800\n');
    expect(said([ytd, budgetOnly])).toEqual([]);
  });
});
