import { describe, expect, it } from 'vitest';
import { parseText } from './helpers.js';

const HEAD = 'Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos';
const read = (rows: string[]) => parseText(`${HEAD}\n${rows.join('\n')}\n`, { unit: 'tkr', period: '2025-03', municipality: '1460' });
const forecasts = (r: ReturnType<typeof read>) => r.budget!.records().map((b) => b.forecast);

describe('a forecast column of deviations (a new analyst\'s plain "Prognos" of -2 000 beside 61 200 booked)', () => {
  it('is not read when most lines cannot be a full-year forecast, with a warning at the first', () => {
    const r = read(['Äldreomsorg;240 000;60 000;61 200;-2 000', 'IFO;60 000;15 000;15 200;-500', 'LSS;70 000;17 500;17 000;0', 'Kommunledning;30 000;7 500;7 000;800']);
    expect(forecasts(r)).toEqual([null, null, null, null]);
    expect(r.findings.filter((f) => f.code === 'forecast-implausible').map((f) => [f.severity, f.line, f.column])).toEqual([['warning', 2, 5]]);
    expect(r.findings.find((f) => f.code === 'forecast-implausible')!.message).toContain('on 4 of 4 lines');
  });
  it('real forecasts are read: early in the year, revenue lines below zero, one odd line among many', () => {
    const r = read(['Äldreomsorg;240 000;60 000;61 200;242 000', 'Avgifter;-20 000;-5 000;-5 100;-20 400', 'IFO;60 000;15 000;15 200;60 500', 'LSS;70 000;17 500;17 000;1 000']);
    expect(forecasts(r)).toEqual([242000, -20400, 60500, 1000].map((v) => v * 1000));
    expect(r.findings.map((f) => f.code)).not.toContain('forecast-implausible');
  });
  it('half the lines odd is not most, and a line of budget 0 (financed internally) is no evidence (a helper\'s exploatering and internal service)', () => {
    expect(forecasts(read(['Exploatering;0;0;-2 400;300', 'Kommunledning;30 000;7 500;7 000;29 500', 'Lokalservice;0;0;1 250;0', 'Gata och park;10 000;2 500;-400;200']))).toEqual([300, 29500, 0, 200].map((v) => v * 1000));
    expect(forecasts(read(['Äldreomsorg;240 000;60 000;61 200;-2 000', 'Kommunledning;30 000;7 500;7 000;29 500']))).toEqual([-2000000, 29500000]);
  });
  it('one line is too few to judge', () => {
    const r = read(['Äldreomsorg;240 000;60 000;61 200;-2 000']);
    expect(forecasts(r)).toEqual([-2000000]);
  });
});
