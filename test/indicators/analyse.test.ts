import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { ingestOptions } from '../../src/config/resolve.js';
import { analyse } from '../../src/indicators/analyse.js';
import { parseInput } from '../../src/ingest/parse-input.js';

const config = parseConfig(JSON.stringify({
  organisation: { name: 'BM', code: 'BM', aliases: ['Gemensamt'] },
  members: [{ code: '1460', name: 'Bengtsfors', population: { '2024': 600 } }, { code: '1461', name: 'Mellerud', population: { '2024': 400 } }],
  allocation: { method: 'population' },
}), 'test.json');
const read = (file: string, text: string) => parseInput(Buffer.from(text), { ...ingestOptions(config, { unit: 'kr', sign: 'costs-positive' }, {}), file });

describe('shared costs booked on the organisation', () => {
  it('add up across files of different shape (monthly amounts and year to date) before they are split', () => {
    // Joint management: monthly amounts, 100 budget and 110 actual a month. Specialists: year to date.
    const monthly = read('ledning.csv', `Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad\n${[1, 2, 3].map((m) => `2025-0${m};Gemensamt;Gemensam ledning;1200;100;110`).join('\n')}\n`);
    const ytd = read('specialister.csv', 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack\n2025-03;Gemensamt;Specialister;2400;600;570\n');
    const report = analyse([monthly, ytd], config);
    // Hand-worked after March: budget 300 + 600 = 900, actual 330 + 570 = 900; split 60/40.
    expect(report.allocation?.totals).toMatchObject({ budgetYear: 3600, actualYtd: 900 });
    expect(report.allocation?.members.map((m) => m.actualYtd)).toEqual([540, 360]);
    expect(report.budget.find((b) => b.area === 'BM' && b.total)).toMatchObject({ budgetYtd: 900, actualYtd: 900 });
  });
});
