import { describe, expect, it } from 'vitest';
import { budgetRecords, codes, parseText } from './helpers.js';

const HEAD = 'Period;Kommun;Verksamhet;Budget helår;Budget ack;Utfall ack;Avvikelse';
/** January–March for one line, with a stated deviation (budget ack − utfall ack) on each row. */
const months = [1, 2, 3].map((m) => `2025-0${m};1460;LSS;1200000;${100000 * m};${90000 * m};${10000 * m}`);

describe('a budget file dated by month and by year at once', () => {
  it('rejects the year-dated row of a monthly file at its period column, and keeps the months', () => {
    const text = [HEAD, months[0], '2025;1460;IFO;500000;500000;400000;100000', ...months.slice(1)].join('\n');
    const r = parseText(text);
    expect(codes(r)).toEqual(['period-grain@3:1']);
    expect(r.findings.find((f) => f.code === 'period-grain')).toMatchObject({ received: '2025', message: expect.stringContaining('dated by year in a file dated by month (3 rows)') });
    expect(r.counts).toEqual({ read: 4, used: 3, rejected: 1, ignored: 0 });
    expect(r.rejects).toEqual([{ line: 3, reason: 'period-grain', text: '2025;1460;IFO;500000;500000;400000;100000' }]);
    expect(budgetRecords(r).map((b) => `${b.period} ${b.activity}`)).toEqual(['2025-01 LSS', '2025-02 LSS', '2025-03 LSS']);
    // The stated deviations of the rows after the rejected one still sit beside their rows.
    expect(codes(r, 'warning')).not.toContain('deviation-mismatch@4:-');
  });
  it('rejects the month-dated rows of a file mostly dated by year; the years are after December', () => {
    const text = [HEAD, '2024;1460;LSS;1200000;1200000;1100000;100000', '2025;1460;LSS;1300000;1300000;1250000;50000', '2025-03;1460;LSS;1300000;300000;290000;10000'].join('\n');
    const r = parseText(text);
    expect(codes(r)).toEqual(['period-grain@4:1']);
    expect(budgetRecords(r).map((b) => b.period)).toEqual(['2024-12', '2025-12']);
  });
  it('says nothing of a file of one grain, and a year-dated file reads as after December', () => {
    const monthly = parseText([HEAD, ...months].join('\n'));
    expect(codes(monthly)).toEqual([]);
    const yearly = parseText([HEAD, '2025;1460;LSS;1300000;1300000;1250000;50000'].join('\n'));
    expect([codes(yearly), budgetRecords(yearly).map((b) => b.period)]).toEqual([[], ['2025-12']]);
  });
  it('rejects the same whichever path reads the rows (a row the quick path cannot take goes the general way)', () => {
    // "1 200 000" with spaces leaves the quick path for the general one.
    const text = [HEAD, months[0], '2025;1460;IFO;500 000;500000;400000;100000', ...months.slice(1)].join('\n');
    expect(codes(parseText(text))).toEqual(['period-grain@3:1']);
  });
});
