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

  it('names each year of a line on its own', () => {
    const t = table('b.csv', `${MONTHLY}2024-01;1461;LSS;70000;5800;5700;70000\n2024-03;1461;LSS;70000;5800;5700;70000\n2025-01;1461;LSS;70000;5800;5700;70000\n2025-02;1461;LSS;70000;5800;5700;70000\n`);
    expect(budgetMonthGaps([t]).map((f) => `${f.line} ${f.message.split(',')[0]}`)).toEqual(['3 1461 LSS: no outcome for 2024-02']);
  });

  it('says nothing of a year-to-date file or of a file without outcomes: nothing was to be added up', () => {
    const ytd = table('ytd.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-01;1461;LSS;70000;5800;5700\n2025-04;1461;LSS;70000;23200;23200\n');
    const budgetOnly = table('budget.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget månad\n2025-01;1461;LSS;70000;5800\n2025-04;1461;LSS;70000;5800\n');
    expect(said([ytd, budgetOnly])).toEqual([]);
  });
});
