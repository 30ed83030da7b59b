import { describe, expect, it } from 'vitest';
import { YearToDateDating } from '../../src/ingest/budget-dating.js';

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
