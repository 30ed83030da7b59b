import { describe, expect, it } from 'vitest';
import { YearToDateDating } from '../../src/ingest/budget-dating.js';
import { budgetRecords, codes, parseText } from './helpers.js';

describe('YearToDateDating', () => {
  it('reads a year at the month the columns name, and says so once per year a row was used in', () => {
    const d = new YearToDateDating({ month: 8, header: 'Budget jan-aug' });
    expect([d.date('2025'), d.date('2025'), d.date('2024'), d.date('2023')]).toEqual(['2025-08', '2025-08', '2024-08', '2023-08']);
    // 2023's row was set aside (a heading, say): nothing was read at its August.
    for (const year of ['2025', '2025', '2024']) d.used(year);
    d.used('2025-08');
    expect(d.findings(4)).toEqual([
      { code: 'period-from-columns', line: 4, args: { year: '2024', period: '2024-08', header: 'Budget jan-aug' } },
      { code: 'period-from-columns', line: 4, args: { year: '2025', period: '2025-08', header: 'Budget jan-aug' } },
    ]);
  });
  it('keeps the month the columns name; another month contradicts them', () => {
    const d = new YearToDateDating({ month: 8, header: 'Utfall jan-aug' });
    expect(d.date('2025-08')).toBe('2025-08');
    expect(d.date('2025-06')).toBeUndefined();
    expect(d.findings(1)).toEqual([]);
    expect(d.conflict('2025-06', 3, undefined, '2025-06')).toEqual({
      code: 'period-columns-differ', line: 3, received: '2025-06', args: { period: '2025-06', header: 'Utfall jan-aug', to: 'August' },
    });
  });
  it('a year in the column\'s name must be the period\'s year', () => {
    const d = new YearToDateDating({ month: 6, header: 'Budget jan-jun 2025' });
    expect([d.date('2025'), d.date('2025-06'), d.date('2024'), d.date('2024-06')]).toEqual(['2025-06', '2025-06', undefined, undefined]);
    expect(d.conflict('2024', 2, 0, ' 2024')).toMatchObject({ column: 1, args: { to: 'June 2025' } });
  });
  it('without month-named columns, or for what is no follow-up\'s date, the period is as read', () => {
    const none = new YearToDateDating(undefined);
    expect([none.date('2025'), none.date('2025-03'), none.date(undefined)]).toEqual(['2025', '2025-03', undefined]);
    const d = new YearToDateDating({ month: 8, header: 'Budget jan-aug' });
    expect([d.date(undefined), d.date('2019-2022')]).toEqual([undefined, '2019-2022']);
  });
});

describe('a title that names another area, period or unit than the columns (a helper\'s files, read silently by the columns)', () => {
  const read = (title: string, head: string, row: string) => parseText(`${title};;;;;;\n${head}\n${row}\n`);
  it('is said, and the columns are read', () => {
    const area = read('Melleruds kommun – Månadsuppföljning jan-aug 2025 – Belopp i tkr', 'Kommun;Period;Verksamhet;Budget helår;Budget ack;Utfall ack', '1460;2025-08;IFO;59 942;39 961;38 500');
    expect(codes(area, 'warning')).toEqual(['title-area-differs@2:-']);
    expect(budgetRecords(area)[0]).toMatchObject({ area: { code: '1460' }, period: '2025-08' });
    const period = read('Månadsuppföljning jan-aug 2025 – Belopp i tkr', 'Kommun;Period;Verksamhet;Budget helår;Budget ack;Utfall ack', '1460;2025-06;IFO;59 942;29 971;28 000');
    expect(codes(period, 'warning')).toEqual(['title-period-differs@2:-']);
    expect(budgetRecords(period)[0]).toMatchObject({ period: '2025-06' });
    const unit = read('Bengtsfors kommun – jan-aug 2025 – Belopp i mnkr', 'Period;Verksamhet;Budget helår (tkr);Budget ack;Utfall ack', '2025-08;IFO;59 942;39 961;38 500');
    expect(codes(unit, 'warning')).toEqual(['unit-title-differs@2:-']);
    expect(budgetRecords(unit)[0]).toMatchObject({ budgetYear: 59_942_000 });
  });
  it('a title that agrees with the columns says nothing', () => {
    const same = read('Bengtsfors kommun – Månadsuppföljning jan-aug 2025 – Belopp i tkr', 'Kommun;Period;Verksamhet;Budget helår (tkr);Budget ack;Utfall ack', '1460;2025-08;IFO;59 942;39 961;38 500');
    expect(codes(same, 'warning')).toEqual([]);
  });
});
