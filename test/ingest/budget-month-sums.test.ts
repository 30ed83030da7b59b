import { describe, expect, it } from 'vitest';
import { withinRounding } from '../../src/ingest/budget-totals.js';
import { budgetRecords, codes, parseText } from './helpers.js';

const spec = { municipality: '1460', unit: 'tkr' as const };
const HEAD = 'Period;Verksamhet;Budget helår;Budget ack;Utfall månad;Utfall ack;Prognos helår';
const file = (lines: string[], head = HEAD) => `${[head, ...lines].join('\n')}\n`;
const messages = (r: ReturnType<typeof parseText>) => r.findings.filter((f) => f.code === 'budget-ytd-months-differ').map((f) => `${f.line}:${f.column}: ${f.message}`);

/** A tester's file: IFO's `Utfall ack` for March is 800 tkr more than its months (3 700 + 3 600 + 3 800). */
const TESTER = [
  '2025-01;Hemtjänst;60 000;5 000;5 000;5 000;60 500',
  '2025-01;Individ- och familjeomsorg;44 000;3 667;3 700;3 700;44 000',
  '2025-02;Hemtjänst;60 000;10 000;4 950;9 950;60 500',
  '2025-02;Individ- och familjeomsorg;44 000;7 333;3 600;7 300;44 000',
  '2025-03;Hemtjänst;60 000;15 000;5 050;15 000;60 500',
  '2025-03;Individ- och familjeomsorg;44 000;11 000;3 800;11 900;44 500',
];

describe('an outcome to date that is not the sum of the monthly outcomes beside it', () => {
  it('is a warning at the row, naming the line, the month, both figures and the one the report uses; the figure to date is kept', () => {
    const r = parseText(file(TESTER), spec);
    expect(codes(r, 'warning')).toEqual(['budget-ytd-months-differ@7:6']);
    expect(messages(r)).toEqual([
      '7:6: 1460 Individ- och familjeomsorg: outcome to date at 2025-03 is 11900 in "Utfall ack", but "Utfall månad" sums to 11100 over 2025-01 to 2025-03 (1 of 3 month(s) of the year compared differ beyond rounding): the report uses the year-to-date figure 11900 for the deviation, status and series, as it does in every file with a year-to-date column, and not the monthly amounts; one of the two columns is wrong, check the export',
    ]);
    expect(budgetRecords(r)[5]).toMatchObject({ activity: 'Individ- och familjeomsorg', actualYtd: 11_900_000, actualMonth: 3_800_000 });
  });

  it('is said once per line and year, at its first month that differs, with how many differ', () => {
    const lines = ['2025-01;IFO;44 000;3 667;3 700;3 700;44 000', '2025-02;IFO;44 000;7 333;3 600;7 400;44 000', '2025-03;IFO;44 000;11 000;3 800;11 200;44 500'];
    const next = lines.map((l) => l.replace('2025-', '2026-'));
    const r = parseText(file([...lines, ...next]), spec);
    expect(codes(r, 'warning')).toEqual(['budget-ytd-months-differ@3:6', 'budget-ytd-months-differ@6:6']);
    expect(messages(r)[0]).toContain('outcome to date at 2025-02 is 7400 in "Utfall ack", but "Utfall månad" sums to 7300 over 2025-01 to 2025-02 (2 of 3 month(s)');
    expect(messages(r)[1]).toContain('at 2026-02 is 7400');
  });

  it('within the rounding of the cells summed (half a unit each) agrees: no finding', () => {
    // 1 001 + 1 001 + 1 001 written as 1 001 each, their total to date 3 002 (3 003 less 1 rounded).
    const lines = ['2025-01;IFO;12 000;1 000;1 001;1 001;12 000', '2025-02;IFO;12 000;2 000;1 001;2 001;12 000', '2025-03;IFO;12 000;3 000;1 001;3 002;12 000'];
    expect(codes(parseText(file(lines), spec), 'warning')).toEqual([]);
    expect(withinRounding(3_002_000, 3_003_000, 1000, 4)).toBe(true);
    expect(withinRounding(3_000_000, 3_003_000, 1000, 4)).toBe(false);
  });

  it('a year whose months do not start in January has no sum to compare: no finding', () => {
    const lines = ['2025-03;IFO;44 000;11 000;3 800;11 100;44 500', '2025-04;IFO;44 000;14 667;3 700;15 500;44 500'];
    expect(codes(parseText(file(lines), spec), 'warning')).toEqual([]);
  });

  it('is given as the file writes it: costs written negative stay negative', () => {
    const lines = TESTER.map((l) => l.replace(/;(?=\d)/g, ';-'));
    const r = parseText(file(lines), spec);
    expect(codes(r, 'warning')).toEqual(['budget-ytd-months-differ@7:6']);
    expect(messages(r)[0]).toContain('is -11900 in "Utfall ack", but "Utfall månad" sums to -11100');
  });

  it('total rows are not checked: the lines are, and the total against them', () => {
    const total = ['2025-01;Totalt;104 000;8 667;8 700;8 700;104 500', '2025-02;Totalt;104 000;17 333;8 550;17 250;104 500', '2025-03;Totalt;104 000;26 000;8 850;26 900;105 000'];
    const r = parseText(file([...TESTER.slice(0, 2), total[0]!, ...TESTER.slice(2, 4), total[1]!, ...TESTER.slice(4), total[2]!]), spec);
    expect(codes(r, 'warning')).toEqual(['budget-ytd-months-differ@9:6']);
  });
});

describe('a budget to date that is not the sum of the monthly budgets beside it', () => {
  it('is said as the budget\'s, at its own column', () => {
    const head = 'Period;Verksamhet;Budget månad;Budget ack;Utfall ack';
    const r = parseText(file(['2025-01;IFO;3 667;3 667;3 700', '2025-02;IFO;3 667;7 334;7 300', '2025-03;IFO;3 666;12 000;11 100'], head), spec);
    expect(codes(r, 'warning')).toEqual(['budget-ytd-months-differ@4:4']);
    expect(messages(r)[0]).toContain('1460 IFO: budget to date at 2025-03 is 12000 in "Budget ack", but "Budget månad" sums to 11000 over 2025-01 to 2025-03 (1 of 3 month(s)');
  });
  it('months in kr beside a year to date in whole tkr agree within the coarser unit\'s rounding (a helper\'s file)', () => {
    const text = 'Period;Kommun;Verksamhet;Budget helår (kr);Utfall månad (kr);Utfall ack (tkr)\n2025-01;1460;Äldreomsorg;240000000;20619544;20620\n2025-02;1460;Äldreomsorg;240000000;20928646;41548\n';
    expect(messages(parseText(text))).toEqual([]);
  });
  it('a line added up from parts (Kontoklass) carries each part\'s rounding: no warning for what rounding explains (a reviewer\'s file)', () => {
    const lines = ['Period;Kommun;Verksamhet;Kontoklass;Budget helår;Budget månad;Budget ack;Utfall månad;Utfall ack', '2025-01;Bengtsfors;Äldreomsorg;Personal;20000;1667;1667;1;1', '2025-01;Bengtsfors;Äldreomsorg;Lokaler;20000;1667;1667;1;1', '2025-01;Bengtsfors;Äldreomsorg;Material;20000;1667;1667;1;1', '2025-01;Bengtsfors;Äldreomsorg;Tjänster;20000;1667;1667;1;1', '2025-02;Bengtsfors;Äldreomsorg;Personal;20000;1667;3333;1;3', '2025-02;Bengtsfors;Äldreomsorg;Lokaler;20000;1667;3333;1;3', '2025-02;Bengtsfors;Äldreomsorg;Material;20000;1667;3333;1;3', '2025-02;Bengtsfors;Äldreomsorg;Tjänster;20000;1667;3333;1;3', '2025-01;Bengtsfors;LSS;Personal;9000;750;750;700;700', '2025-02;Bengtsfors;LSS;Personal;9000;750;1500;800;1500'];
    expect(messages(parseText(`${lines.join('\n')}\n`, { unit: 'tkr' }))).toEqual([]);
  });
});
