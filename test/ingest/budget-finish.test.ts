import { describe, expect, it } from 'vitest';
import { finishBudget } from '../../src/ingest/budget-finish.js';
import { sumKind } from '../../src/ingest/budget-rows.js';
import { BudgetTable } from '../../src/model/budget-table.js';
import type { FindingInput } from '../../src/model/findings.js';
import type { Sign, SignAreas } from '../../src/model/input.js';

type Amounts = [number | null, number | null, number | null, number | null, number | null, number | null];

/** One area's lines in one month, each as activity and its six amounts (year, ytd, month budget; ytd, month outcome; forecast). */
function table(lines: [string, ...Amounts][]): BudgetTable {
  const t = new BudgetTable('b.csv', 4);
  const area = t.areaId({ code: '1460', kind: 'municipality' });
  const month = t.monthId('2025-03');
  lines.forEach(([activity, ...a], i) => t.push(area, month, t.activityId(activity), i + 2, ...a));
  return t;
}

function finish(t: BudgetTable, givens: [number, number][] = [], sign?: Sign) {
  const out: { findings: FindingInput[]; counts: { read: number; used: number; rejected: number; ignored: number }; sign?: Sign; signAreas?: SignAreas } = { findings: [], counts: { read: t.length, used: t.length, rejected: 0, ignored: 0 } };
  const totals = finishBudget(t, new Map(givens), (a) => sumKind(a) ?? '', sign, out, 'kr');
  return { totals: [...totals], out, codes: out.findings.map((f) => `${f.code}@${f.line ?? '-'}`) };
}

describe('finishBudget', () => {
  it('costs written negative: inferred and said, the amounts turned positive', () => {
    const t = table([['Äldreomsorg', -100, null, null, -40, null, -110], ['LSS', -50, null, null, -20, null, -50]]);
    const r = finish(t);
    expect(r.out.sign).toBe('costs-negative');
    expect(r.out.findings).toEqual([{ code: 'sign-inferred', args: { sign: 'negative' } }]);
    expect([t.amount(0, 0), t.amount(0, 3), t.amount(0, 5), t.amount(1, 0)]).toEqual([100, 40, 110, 50]);
  });

  it('mixed signs: costs positive assumed, and said; a sign given is not inferred', () => {
    expect(finish(table([['A', 100, null, null, null, null, null], ['B', -5, null, null, null, null, null]])).codes).toEqual(['sign-mixed@-']);
    const given = finish(table([['A', -100, null, null, null, null, null]]), [], 'costs-negative');
    expect([given.out.sign, given.codes]).toEqual(['costs-negative', []]);
    // A sign set against every amount is kept, and said: each deviation turns on it.
    const against = finish(table([['A', -100, null, null, null, null, null], ['B', -5, null, null, null, null, null]]), [], 'costs-positive');
    expect([against.out.sign, against.out.findings]).toEqual(['costs-positive', [{ code: 'sign-contradicted', args: { sign: 'positive', shown: 'negative' } }]]);
    expect(finish(table([['A', 100, null, null, null, null, null], ['B', -5, null, null, null, null, null]]), [], 'costs-positive').codes).toEqual([]);
  });

  it('mixed signs with three lines in four alike: costs read that way, the other lines named as income above cost', () => {
    const rows = ['Äldreomsorg', 'IFO', 'LSS'].map((a): [string, ...Amounts] => [a, -100, -40, null, -42, null, -110]);
    const t = table([...rows, ['Flyktingmottagning', 15, 5, null, 6, null, 17]]);
    const r = finish(t);
    expect(r.out.sign).toBe('costs-negative');
    expect(r.out.findings).toEqual([{ code: 'sign-majority', args: { sign: 'negative', count: 3, of: 4, lines: 'Flyktingmottagning' } }]);
    // Every amount turned, the income line's too: its budget is an income of 15.
    expect([t.amount(0, 0), t.amount(3, 0), t.amount(3, 3)]).toEqual([100, -15, -6]);
    // Two against one is no majority of lines, but the two hold nine tenths of the budget (200
    // against 15): costs written negative (read as positive, overspending showed as a surplus).
    const two = finish(table([...rows.slice(0, 2), ['Flyktingmottagning', 15, 5, null, 6, null, 17]]));
    expect([two.out.sign, two.out.findings]).toEqual(['costs-negative', [{ code: 'sign-majority', args: { sign: 'negative', count: 2, of: 3, lines: 'Flyktingmottagning' } }]]);
    // Against a line of a quarter of their budget, they decide nothing.
    expect(finish(table([...rows.slice(0, 2), ['Flyktingmottagning', 50, 5, null, 6, null, 17]])).codes).toEqual(['sign-mixed@-']);
    // One line alone, however large, is no majority.
    expect(finish(table([rows[0]!, ['Flyktingmottagning', 5, 5, null, 6, null, 17]])).codes).toEqual(['sign-mixed@-']);
  });

  it('a majority is of lines, not rows; a line of both signs or only revenue lines decide nothing', () => {
    // One line negative in nine rows, another positive in three: one line against one.
    const nine = Array.from({ length: 9 }, (): [string, ...Amounts] => ['Äldreomsorg', -100, null, null, null, null, null]);
    const three = Array.from({ length: 3 }, (): [string, ...Amounts] => ['LSS', 50, null, null, null, null, null]);
    expect(finish(table([...nine, ...three])).codes).toEqual(['sign-mixed@-']);
    // Every annual budget positive, one monthly budget negative (a correction): no line is all negative.
    const corrected = table(['Äldreomsorg', 'IFO', 'LSS', 'Hemtjänst'].map((a, i): [string, ...Amounts] => [a, 1200, null, i === 0 ? -5 : 100, null, null, null]));
    expect(finish(corrected).codes).toEqual(['sign-mixed@-']);
    // Costs written negative, three months a line, one positive monthly budget (a correction): still negative.
    const months = ['Äldreomsorg', 'IFO', 'LSS'].flatMap((a) => [0, 1, 2].map((m): [string, ...Amounts] => [a, -1200, null, a === 'LSS' && m === 1 ? 5 : -100, null, null, null]));
    const negative = finish(table(months));
    expect([negative.out.sign, negative.out.findings]).toEqual(['costs-negative', [{ code: 'sign-majority', args: { sign: 'negative', count: 3, of: 3, lines: '' } }]]);
    // Revenue lines of both signs and no cost line: nothing counted, no majority named.
    expect(finish(table([['Skatteintäkter', 500, null, null, null, null, null], ['Statsbidrag', -20, null, null, null, null, null]])).codes).toEqual(['sign-mixed@-']);
  });

  it('a resultaträkning: income lines (Verksamhetens intäkter, financial income) do not make the signs mixed, a finansnetto says nothing, its sums are set aside', () => {
    const rr = table([
      ['Verksamhetens intäkter', 612, 408, null, 420.5, null, 625], ['Verksamhetens kostnader', -3480, -2320, null, -2365.2, null, -3530], ['Avskrivningar', -165, -110, null, -108.7, null, -163],
      ['Verksamhetens nettokostnader', -3033, -2022, null, -2053.4, null, -3068], ['Skatteintäkter', 2420, 1613.3, null, 1620.1, null, 2431],
      ['Finansiella intäkter', 25, 16.7, null, 18.2, null, 27], ['Finansiella kostnader', -40, -26.7, null, -25.1, null, -38], ['Finansnetto', 5, 3, null, 3, null, 5], ['Årets resultat', 62, 41.3, null, 22.1, null, 46],
    ]);
    const r = finish(rr);
    expect(r.out.sign).toBe('costs-negative');
    expect(r.codes).toEqual(['sign-inferred@-', 'budget-statement-sum@5', 'budget-statement-sum@10']);
    expect(r.totals).toEqual([3, 8]);
    // Net costs without the lines they sum are the one line of costs: an activity.
    const short = finish(table([['Verksamhetens nettokostnader', -3033, null, null, null, null, null], ['Skatteintäkter', 2420, null, null, null, null, null], ['Årets resultat', 62, null, null, null, null, null]]));
    expect([short.out.sign, short.totals, short.codes]).toEqual(['costs-negative', [2], ['sign-inferred@-', 'budget-statement-sum@4']]);
  });

  it('net costs below committees are their sum (not a line again); an area whose one cost line they are keeps them as a line', () => {
    // A driftredovisning: three committees, then their net costs, then the financing.
    const drift = finish(table([
      ['Kommunstyrelsen', -100, null, null, null, null, null], ['Socialnämnden', -300, null, null, null, null, null],
      ['Verksamhetens nettokostnader', -400, null, null, null, null, null], ['Skatteintäkter', 420, null, null, null, null, null],
    ]));
    expect(drift.totals).toEqual([2]);
    // Two areas in one file: 1460's net costs sum its operating lines, 1461's are its only cost line.
    const t = new BudgetTable('b.csv', 8);
    const [a, b] = [t.areaId({ code: '1460', kind: 'municipality' }), t.areaId({ code: '1461', kind: 'municipality' })];
    const m = t.monthId('2025-06');
    const row = (area: number, activity: string, v: number, line: number) => t.push(area, m, t.activityId(activity), line, v, null, null, null, null, null);
    row(a, 'Verksamhetens intäkter', 120, 2); row(a, 'Verksamhetens kostnader', -700, 3); row(a, 'Verksamhetens nettokostnader', -580, 4);
    row(b, 'Verksamhetens nettokostnader', -500, 5); row(b, 'Skatteintäkter', 450, 6);
    expect(finish(t).totals).toEqual([2]);
  });
  it('areas that each write costs their own way, every line alike, are each read their way, and said', () => {
    const t = new BudgetTable('b.csv', 8);
    const [a, b] = [t.areaId({ code: '1460', kind: 'municipality' }), t.areaId({ code: '1461', kind: 'municipality' })];
    const m = t.monthId('2025-04');
    const row = (area: number, activity: string, budgetYtd: number, actualYtd: number, line: number) => t.push(area, m, t.activityId(activity), line, null, budgetYtd, null, actualYtd, null, null);
    row(a, 'Äldreomsorg', -74814, -76120, 2); row(a, 'LSS', -22050, -21980, 3); row(a, 'IFO', -19981, -20400, 4);
    row(b, 'Äldreomsorg', 69479, 69100, 5); row(b, 'LSS', 23149, 23900, 6); row(b, 'IFO', 18000, 17500, 7);
    const r = finish(t);
    expect(r.codes).toEqual(['sign-by-area@-']);
    expect(r.out).toMatchObject({ signAreas: { negative: ['1460'], positive: ['1461'] } });
    // Costs positive throughout: 1460's overspend is 76 120 − 74 814 = 1 306, as 1461's lines read.
    expect([t.amount(0, 1), t.amount(0, 3), t.amount(3, 1), t.amount(3, 3)]).toEqual([74814, 76120, 69479, 69100]);
    // Lines of the other sign in a small area are lines whose income exceeds their cost, not a convention.
    const one = new BudgetTable('b.csv', 8);
    const [c, d] = [one.areaId({ code: '1460', kind: 'municipality' }), one.areaId({ code: '1461', kind: 'municipality' })];
    for (const [area, activity, v, line] of [[c, 'A', -10, 2], [c, 'B', -20, 3], [c, 'C', -30, 4], [c, 'D', -40, 5], [c, 'E', -50, 6], [c, 'F', -60, 7], [d, 'A', 5, 8], [d, 'B', 6, 9]] as const) one.push(area, m, one.activityId(activity), line, v, null, null, null, null, null);
    expect(finish(one).codes).toEqual(['sign-majority@-']);
  });
  it('only revenue lines, written positive: the net convention makes costs negative', () => {
    expect(finish(table([['Skatteintäkter', 900, null, null, null, null, null]])).out.sign).toBe('costs-negative');
  });

  it('a total row is reported, counted as ignored and checked against the lines beside it; a subtotal only reported', () => {
    const t = table([
      ['Äldreomsorg', 100, null, null, 40, null, 110],
      ['LSS', 50, null, null, 20, null, 50],
      ['Delsumma vård', 100, null, null, null, null, null],
      ['Summa', 150, null, null, 63, null, 160],
    ]);
    const r = finish(t, [], 'costs-positive');
    expect(r.totals).toEqual([2, 3]);
    // The budget matches (150); the outcome does not (60 against 63, past half a krona per line): the first amount that differs is reported.
    expect(r.codes).toEqual(['total-row@4', 'total-row@5', 'total-mismatch@5']);
    expect(r.out.findings.at(-1)!.args).toEqual({ amount: 'actualYtd', given: '63', computed: '60' });
    expect(r.out.counts).toMatchObject({ used: 2, ignored: 2 });
  });

  it('a given deviation is checked against budget − forecast and against budget to date − outcome to date', () => {
    const t = table([['A', 100, 60, null, 50, null, 110], ['B', 100, 60, null, 50, null, 110], ['C', 100, 60, null, 50, null, 110]]);
    // −10 is budget − forecast, 10 is budget to date − outcome to date, 3 is neither.
    expect(finish(t, [[0, -10], [1, 10], [2, 3]], 'costs-positive').codes).toEqual(['deviation-mismatch@4']);
  });
});

describe('finishBudget: a group row carrying its lines\' sum under no sum word', () => {
  it('is a sum, not a line (hand-worked: the two groups 200 000 and 50 000 are their lines\' sums)', () => {
    const t = table([
      ['Vård och omsorg', 200_000, 133_333, null, 134_000, null, 202_000],
      ['Hemtjänst', 80_000, 53_333, null, 55_000, null, 83_000],
      ['Särskilt boende', 120_000, 80_000, null, 79_000, null, 119_000],
      ['Individ- och familjeomsorg', 50_000, 33_333, null, 35_000, null, 52_500],
      ['Barn och unga', 30_000, 20_000, null, 21_000, null, 31_500],
      ['Försörjningsstöd', 20_000, 13_333, null, 14_000, null, 21_000],
    ]);
    const r = finish(t);
    expect(r.totals).toEqual([0, 3]);
    expect(r.codes).toEqual(['sign-inferred@-', 'budget-group-sum@2', 'budget-group-sum@5']);
    expect(r.out.findings[1]).toMatchObject({ args: { lines: '3–4' }, received: 'Vård och omsorg' });
    expect(r.out.counts).toMatchObject({ used: 4, ignored: 2 });
  });
  it('finds groups within groups from the bottom up, to the rounding of the cells added', () => {
    const t = table([
      ['Socialnämnden', 250_001, 166_667, null, 169_000, null, null],
      ['Äldreomsorg', 200_000, 133_333, null, 134_000, null, null],
      ['Hemtjänst', 80_000, 53_333, null, 55_000, null, null],
      ['Särskilt boende', 120_000, 80_000, null, 79_000, null, null],
      ['IFO', 50_000, 33_333, null, 35_000, null, null],
    ]);
    expect(finish(t).totals).toEqual([0, 1]);
  });
  it('leaves lines that only happen to agree in one amount, or beside a line of zeros, as lines', () => {
    const one = table([['A', 300, null, null, 100, null, null], ['B', 100, null, null, 60, null, null], ['C', 200, null, null, 30, null, null]]);
    expect(finish(one).totals).toEqual([]);
    const zeros = table([['A', 300, null, null, 100, null, null], ['B', 300, null, null, 100, null, null], ['C', 0, null, null, 0, null, null]]);
    expect(finish(zeros).totals).toEqual([]);
  });
});

describe('finishBudget: a group row under its lines, with no sum word', () => {
  it('sums the lines since the last sum, or all lines above it (a whole at the end)', () => {
    const t = table([
      ['Hemtjänst', 80_000, 53_333, null, 55_000, null, 83_000],
      ['Särskilt boende', 120_000, 80_000, null, 79_000, null, 119_000],
      ['Vård och omsorg', 200_000, 133_333, null, 134_000, null, 202_000],
      ['Barn och unga', 30_000, 20_000, null, 21_000, null, 31_500],
      ['Försörjningsstöd', 20_000, 13_333, null, 14_000, null, 21_000],
      ['Individ- och familjeomsorg', 50_000, 33_333, null, 35_000, null, 52_500],
      ['Socialnämnden', 250_000, 166_666, null, 169_000, null, 254_500],
    ]);
    const r = finish(t);
    expect(r.totals).toEqual([2, 5, 6]);
    expect(r.out.findings.filter((f) => f.code === 'budget-group-sum').map((f) => f.args?.lines)).toEqual(['2–3', '5–6', '2–6']);
  });
});

describe('finishBudget: budgets alone', () => {
  it('never make a group: one line\'s budget may be two others\' (the year\'s and to date agree by design)', () => {
    const t = table([['Äldreomsorg', 300_000, 200_000, null, null, null, null], ['LSS', 100_000, 66_667, null, null, null, null], ['IFO', 200_000, 133_333, null, null, null, null]]);
    expect(finish(t).totals).toEqual([]);
    const lines = table([['LSS', 100_000, 66_667, null, null, null, null], ['IFO', 200_000, 133_333, null, null, null, null], ['Äldreomsorg', 300_000, 200_000, null, null, null, null]]);
    expect(finish(lines).totals).toEqual([]);
    // Nor do outcomes of 0 (a month not booked yet) beside such budgets.
    const unbooked = table([['LSS', 100_000, 66_667, null, 0, null, null], ['IFO', 200_000, 133_333, null, 0, null, null], ['Äldreomsorg', 300_000, 200_000, null, 0, null, null]]);
    expect(finish(unbooked).totals).toEqual([]);
  });
  it('nor with forecasts made at budget, as most lines are (a reviewer\'s Budget;Prognos file lost Vuxenutbildning −12 000 as Musikskola and Bibliotek\'s sum)', () => {
    const atBudget = table([['Vuxenutbildning', -12_000, null, null, null, null, -12_000], ['Musikskola', -4_000, null, null, null, null, -4_000], ['Bibliotek', -8_000, null, null, null, null, -8_000]]);
    expect(finish(atBudget).totals).toEqual([]);
    // Months ahead: a monthly budget and the year's forecast, no outcome booked.
    const ahead = table([['Vuxenutbildning', null, null, -1_000, null, null, -12_000], ['Musikskola', null, null, -333.3, null, null, -4_000], ['Bibliotek', null, null, -666.7, null, null, -8_000]]);
    expect(finish(ahead).totals).toEqual([]);
  });
});
