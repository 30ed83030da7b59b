import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetCapacity, sumKind } from '../../src/ingest/budget-rows.js';
import type { ParsedInput } from '../../src/ingest/parse-input.js';
import { budgetRecords, codes, parseText } from './helpers.js';

describe('sumKind', () => {
  it('totals, subtotals and activities that begin with "Totalt"', () => {
    expect(['Summa', 'Totalt', 'Total:', 'Summa verksamhet', 'Totalt kommunen', 'Totalt för hela nämnden'].map(sumKind)).toEqual(Array(6).fill('total'));
    expect(['Delsumma äldreomsorg', 'Delsummor', 'Subtotal LSS'].map(sumKind)).toEqual(Array(3).fill('subtotal'));
    expect(['Totalt stöd och service', 'Totala kostnader för IFO', 'Hemtjänst', 'Summerat'].map(sumKind)).toEqual(Array(4).fill(undefined));
  });
  it('sums written after their group, as Excel\'s pivot tables and others write them', () => {
    expect(['Kommunstyrelsen Summa', 'Totalsumma', 'S:a Kommunstyrelsen', 'S:a', 'Kommunstyrelsen, summa', 'Kommunstyrelsen totalt'].map(sumKind)).toEqual(Array(6).fill('total'));
    expect(['Summering av insatser', 'Totalförsvar', 'Hemtjänst totaltid'].map(sumKind)).toEqual(Array(3).fill(undefined));
  });
  it("a resultaträkning's sums: the year's result always, net costs where the file has the lines it sums (see finishBudget)", () => {
    expect(['Årets resultat', 'Resultat efter finansiella poster', 'Resultat före extraordinära poster', 'Verksamhetens resultat', 'Balanskravsresultat'].map(sumKind)).toEqual(Array(5).fill('result'));
    expect(['Verksamhetens nettokostnader', 'Nettokostnader', 'Net costs'].map(sumKind)).toEqual(Array(3).fill('net-cost'));
    expect(['Resultatenheten', 'Nettokostnader äldreomsorg', 'Verksamhetens kostnader'].map(sumKind)).toEqual(Array(3).fill(undefined));
  });
});

describe('budgetCapacity', () => {
  // 4 + 7 + 11 + 3 characters and a delimiter after each cell: 29 per row.
  const sample = [{ line: 2, cells: ['1460', '2025-03', 'Äldreomsorg', '100'] }];
  it('room for the rows a file of its size holds at its first rows\' length, a tenth more', () => {
    expect(budgetCapacity(29 * 10_000, sample)).toBe(11_000);
  });
  it('at least 1024 rows, at most 4M, and 1024 when the size is not known', () => {
    expect(budgetCapacity(100, sample)).toBe(1024);
    expect(budgetCapacity(1e12, sample)).toBe(1 << 22);
    expect(budgetCapacity(undefined, sample)).toBe(1024);
  });
});

/** What a read gives that does not depend on the rows' own text. */
function outcome(r: ParsedInput) {
  return {
    counts: r.counts, sign: r.sign, unit: r.unit, findings: r.findings, budget: budgetRecords(r),
    rejects: r.rejects.map((x) => `${x.line}: ${x.reason}`),
  };
}

const amounts = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom('100', '-5,5', '1 200', '..', '', 'x', '9007199254740993', '0'), { minLength: 5, maxLength: 5 }) },
  // A heading's or a padded footnote's empty amount cells.
  { weight: 1, arbitrary: fc.constant(['', '', '', '', '']) },
);
const activity = fc.constantFrom('Äldreomsorg', 'LSS', 'IFO', 'Summa', 'Delsumma vård', 'Vård och omsorg', 'Källa: Raindance', '');
const row = fc.record({
  area: fc.constantFrom('1460', '1461', '680', '9999', 'Bengtsfors', ''),
  period: fc.constantFrom('2025-03', '2025-04', '2025', '2025-13', ''),
  activity,
  amounts,
});

describe('BudgetRows: the quick path', () => {
  it('property: reads every row as the general path does (an empty status column sends every row that way)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom('Budget ack;Utfall ack', 'Budget jan-apr;Utfall jan-apr'), (rows, toDate) => {
        // Month-named columns date the rows (see YearToDateDating): a year is read at April, March contradicts them.
        const header = `Kommun;Period;Verksamhet;Budget helår;${toDate};Prognos;Avvikelse`;
        const lines = rows.map((r) => [r.area, r.period, r.activity, ...r.amounts].join(';'));
        const quick = parseText(`${header}\n${lines.join('\n')}\n`, { decimal: ',' });
        const general = parseText(`${header};Status\n${lines.map((l) => `${l};`).join('\n')}\n`, { decimal: ',' });
        expect(outcome(quick)).toEqual(outcome(general));
      }),
      { numRuns: 300 },
    );
  });
  it('property: the same with the area and period from the options (no column for either)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ activity, amounts }), { minLength: 1, maxLength: 30 }), fc.constantFrom('2025', '2025-08', '2025-06'), (rows, period) => {
        const header = 'Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Prognos;Avvikelse';
        const lines = rows.map((r) => [r.activity, ...r.amounts].join(';'));
        const spec = { decimal: ',' as const, municipality: '1460', period };
        const quick = parseText(`${header}\n${lines.join('\n')}\n`, spec);
        const general = parseText(`${header};Status\n${lines.map((l) => `${l};`).join('\n')}\n`, spec);
        expect(outcome(quick)).toEqual(outcome(general));
      }),
      { numRuns: 300 },
    );
  });
});

const SECTIONS = ['Vård och omsorg;;;', 'Äldreomsorg;182 035,0;121 356,7;124 001,2', 'LSS;66 149,0;44 099,3;44 500,0', 'Individ och familj;;;', 'IFO;59 942,0;39 961,3;38 700,0'];

describe('BudgetRows: a line with text and no amount', () => {
  const spec = { municipality: '1460', period: '2025-08', unit: 'tkr' as const };
  it('is a section heading: set aside with an info finding at its text, not a budget line', () => {
    const r = parseText(`Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\n${SECTIONS.join('\n')}\n`, spec);
    expect(r.counts).toEqual({ read: 5, used: 3, rejected: 0, ignored: 2 });
    expect(codes(r, 'info')).toEqual(['sign-inferred@-:-', 'budget-heading@2:1', 'budget-heading@5:1']);
    expect(r.findings.filter((f) => f.code === 'budget-heading').map((f) => f.received)).toEqual(['Vård och omsorg', 'Individ och familj']);
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'LSS', 'IFO']);
  });
  it('is a heading in a file with area and period columns too, its empty area and period no error', () => {
    const rows = SECTIONS.map((l) => (l.endsWith(';;;') ? `;;${l}` : `1460;2025-08;${l}`));
    const r = parseText(`Kommun;Period;Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\n${rows.join('\n')}\n`, { unit: 'tkr' });
    expect(r.counts).toEqual({ read: 5, used: 3, rejected: 0, ignored: 2 });
    expect(codes(r, 'info')).toContain('budget-heading@5:3');
    expect(codes(r)).toEqual([]);
  });
  it('with its own area and period, a heading too when its line has no amount in the file (said at the end, no column)', () => {
    const rows = SECTIONS.map((l) => `1460;2025-08;${l}`);
    const r = parseText(`Kommun;Period;Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\n${rows.join('\n')}\n`, { unit: 'tkr' });
    expect(r.counts).toEqual({ read: 5, used: 3, rejected: 0, ignored: 2 });
    expect(codes(r, 'info')).toEqual(expect.arrayContaining(['budget-heading@2:-', 'budget-heading@5:-']));
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'LSS', 'IFO']);
  });
  it('with its own area and period, a month without figures when its line has amounts in other months: still a line', () => {
    const text = ['Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad', '2025-01;1460;Hemtjänst;1200;100;95', '2025-01;1460;Äldreomsorg;2400;200;210',
      '2025-02;1460;Hemtjänst;1200;100;98', '2025-02;1460;Äldreomsorg;2400;200;190', '2025-03;1460;Hemtjänst;1200;100;101', '2025-03;1460;Äldreomsorg;;;'].join('\n');
    const r = parseText(`${text}\n`, { unit: 'tkr' });
    expect(r.counts).toEqual({ read: 6, used: 6, rejected: 0, ignored: 0 });
    expect(r.findings.some((f) => f.code === 'budget-heading')).toBe(false);
    expect(budgetRecords(r).filter((b) => b.activity === 'Äldreomsorg').map((b) => [b.period, b.actualMonth])).toEqual([['2025-01', 210_000], ['2025-02', 190_000], ['2025-03', null]]);
  });
  it('a padded source line under a table with no area or period column is a footnote, not an activity', () => {
    const r = parseText(`Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\n${SECTIONS.slice(1, 3).join('\n')}\nKälla: Raindance;;;\n`, spec);
    expect(r.counts).toEqual({ read: 3, used: 2, rejected: 0, ignored: 1 });
    expect(codes(r, 'info')).toContain('footnote@4:-');
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'LSS']);
  });
  it('a line with an amount given as missing ("..") is still a line: only empty cells make a heading', () => {
    const r = parseText('Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;100;50;55\nÖvrigt;..;;\n', spec);
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'Övrigt']);
    expect(codes(r, 'info')).not.toContain('budget-heading@3:1');
  });
});

describe('BudgetRows: a file whose columns name the months they cover (`Budget jan-aug`)', () => {
  const head = 'År;Kommun;Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Prognos helår';
  const lines = ['2025;1460;Äldreomsorg;182 035;121 357;124 001;185 500', '2025;1460;LSS;66 149;44 099;44 500;66 800'];
  it('dated by year, is that year\'s follow-up at the last month named, not the closed year, with an info finding', () => {
    const r = parseText(`${head}\n${lines.join('\n')}\n`, { unit: 'tkr' });
    expect(r.counts).toEqual({ read: 2, used: 2, rejected: 0, ignored: 0 });
    expect(budgetRecords(r)[0]).toMatchObject({ period: '2025-08', budgetYear: 182_035_000, budgetYtd: 121_357_000, actualYtd: 124_001_000, forecast: 185_500_000 });
    expect(codes(r, 'info')).toContain('period-from-columns@1:-');
    expect(r.findings.find((f) => f.code === 'period-from-columns')!.message).toBe('rows dated 2025 read as 2025-08: column "Budget jan-aug" names the months their amounts cover, so they are that year\'s follow-up to date, not the closed year');
  });
  it('with --input-period 2025, the same', () => {
    const r = parseText(`Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\nÄldreomsorg;182 035;121 357;124 001\n`, { unit: 'tkr', municipality: '1460', period: '2025' });
    expect(budgetRecords(r).map((b) => b.period)).toEqual(['2025-08']);
    expect(codes(r, 'info')).toContain('period-from-columns@1:-');
  });
  it('with --input-period naming another month: every line rejected, naming both (no column: the period is no cell)', () => {
    const r = parseText(`Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug\nÄldreomsorg;182 035;121 357;124 001\nLSS;66 149;44 099;44 500\n`, { unit: 'tkr', municipality: '1460', period: '2025-06' });
    expect(r.counts).toEqual({ read: 2, used: 0, rejected: 2, ignored: 0 });
    expect(codes(r)).toEqual(['period-columns-differ@2:-', 'period-columns-differ@3:-']);
    expect(r.findings[0]!.message).toContain('period 2025-06 contradicts column "Budget jan-aug", which covers the year up to August');
  });
  it('a period column naming another month than the columns: that row rejected at its period cell', () => {
    const text = 'Period;Kommun;Verksamhet;Budget helår;Budget jan-jun;Utfall jan-jun\n2025-08;1460;Äldreomsorg;182035;91000;92000\n2025-06;1460;LSS;66149;33000;33100\n';
    const r = parseText(text, { unit: 'tkr' });
    expect(codes(r)).toEqual(['period-columns-differ@2:1']);
    expect(r.rejects.map((x) => `${x.line}: ${x.reason}`)).toEqual(['2: period-columns-differ']);
    expect(budgetRecords(r).map((b) => `${b.activity} ${b.period}`)).toEqual(['LSS 2025-06']);
  });
});

describe('BudgetRows: an empty row and a row with amounts for one line and month', () => {
  const head = 'Period;Kommun;Verksamhet;Periodbudget;Periodutfall';
  it('empty first: the amounts are the line\'s, the empty row is counted ignored (no conflict)', () => {
    const r = parseText(`${head}\n2025-01;1460;Skola;;\n2025-01;1460;Skola;200000;190000\n`, { unit: 'tkr' });
    expect(r.counts).toEqual({ read: 2, used: 1, rejected: 0, ignored: 1 });
    expect(r.findings.map((f) => `${f.code}@${f.line}`)).toContain('budget-row-empty@2');
    expect(budgetRecords(r).map((x) => [x.budgetMonth, x.actualMonth, x.source.line])).toEqual([[200_000_000, 190_000_000, 3]]);
  });
  it('empty second: the first row\'s amounts stay, the empty row is counted ignored', () => {
    const r = parseText(`${head}\n2025-01;1460;Skola;200000;190000\n2025-01;1460;Skola;;\n2025-02;1460;Skola;200000;195000\n`, { unit: 'tkr' });
    expect(r.counts).toEqual({ read: 3, used: 2, rejected: 0, ignored: 1 });
    expect(r.findings.map((f) => `${f.code}@${f.line}`)).toContain('budget-row-empty@3');
    expect(budgetRecords(r).map((x) => x.actualMonth)).toEqual([190_000_000, 195_000_000]);
  });
});

describe('BudgetRows: one key given twice with other amounts in one file', () => {
  // Income, costs and net under one activity, in a column tillit does not know the meaning of.
  const file = 'Period;Kommun;Verksamhet;Typ;Budget helår;Budget ack;Utfall ack\n'
    + '2025-08;1460;Äldreomsorg;Intäkter;-20 000;-13 333;-14 000\n'
    + '2025-08;1460;Äldreomsorg;Kostnader;202 035;134 690;138 001\n'
    + '2025-08;1460;Äldreomsorg;Netto;182 035;121 357;124 001\n'
    + '2025-08;1460;LSS;Netto;66 149;44 099;44 500\n';
  it('picks neither: the first row is left without figures (counted ignored), the others rejected', () => {
    const r = parseText(file, { unit: 'tkr', sign: 'costs-positive' });
    expect(r.counts).toEqual({ read: 4, used: 1, rejected: 2, ignored: 1 });
    expect(r.rejects.map((x) => `${x.line}: ${x.reason}`)).toEqual(['3: duplicate-conflict', '4: duplicate-conflict']);
    expect(r.findings.filter((f) => f.code.startsWith('duplicate')).map((f) => `${f.code}@${f.line}`)).toEqual(['duplicate-conflict-first@2', 'duplicate-conflict@3', 'duplicate-conflict@4']);
    const records = budgetRecords(r);
    expect(records.map((x) => [x.activity, x.budgetYear, x.actualYtd])).toEqual([['Äldreomsorg', null, null], ['LSS', 66_149_000, 44_500_000]]);
  });
  it('under a column naming the account kind (Kontoslag) the line is the file\'s own Netto row, its parts not added again', () => {
    const r = parseText(file.replace(';Typ;', ';Kontoslag;'), { unit: 'tkr', sign: 'costs-positive' });
    expect(r.counts).toEqual({ read: 4, used: 2, rejected: 0, ignored: 2 });
    expect(budgetRecords(r).map((x) => [x.activity, x.budgetYear, x.actualYtd])).toEqual([['Äldreomsorg', 182_035_000, 124_001_000], ['LSS', 66_149_000, 44_500_000]]);
  });
  it('the same amounts again are still read once', () => {
    const r = parseText(`${file.split('\n').slice(0, 2).join('\n')}\n${file.split('\n')[1]}\n`, { unit: 'tkr', sign: 'costs-positive' });
    expect(r.counts).toEqual({ read: 2, used: 1, rejected: 0, ignored: 1 });
    expect(budgetRecords(r).map((x) => x.budgetYear)).toEqual([-20_000_000]);
  });
});
