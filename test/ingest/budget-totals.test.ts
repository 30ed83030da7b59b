import { describe, expect, it } from 'vitest';
import { budgetRecords, codes, parseText } from './helpers.js';

const spec = { period: '2025-08', kind: 'budget' as const, municipality: '1461', unit: 'tkr' as const };
const HEAD = 'Verksamhet;Budget helår;Budget ack;Utfall ack;Prognos helår';
const file = (lines: string[]) => `${[HEAD, ...lines].join('\n')}\n`;
const CARE = ['Äldreomsorg;214 900;143 800;146 950;219 500', 'LSS;71 600;47 700;46 900;70 400'];
const SCHOOL = ['Förskola;80 000;53 300;52 000;79 000', 'Grundskola;150 000;100 000;99 000;149 000'];
const messages = (r: ReturnType<typeof parseText>) => r.findings.filter((f) => f.code === 'total-mismatch').map((f) => `${f.line}: ${f.message}`);

describe('section sums under headings', () => {
  it('each "Summa" is checked against its own section, the grand total against the lines: only the total\'s typo is said', () => {
    const r = parseText(file([
      'Vård och omsorg;;;;', ...CARE, 'Summa vård och omsorg;286 500;191 500;193 850;289 900',
      'Barn och utbildning;;;;', ...SCHOOL, 'Summa barn och utbildning;230 000;153 300;151 000;228 000',
      'Totalt;516 500;344 800;347 850;517 900',
    ]), spec);
    expect(codes(r, 'warning')).toEqual(['total-mismatch@10:-']);
    expect(messages(r)).toEqual(['10: actualYtd: total 347850 differs from the sum of its rows 344850']);
    expect(budgetRecords(r).map((b) => b.activity)).toEqual(['Äldreomsorg', 'LSS', 'Förskola', 'Grundskola']);
  });

  it('a section sum that is wrong is said with both sums: its section\'s and all rows\'', () => {
    const r = parseText(file(['Vård och omsorg;;;;', ...CARE, 'Summa vård och omsorg;286 500;191 500;194 850;289 900', 'Barn och utbildning;;;;', ...SCHOOL, 'Summa barn och utbildning;230 000;153 300;151 000;228 000']), spec);
    expect(messages(r)).toEqual(['5: actualYtd: total 194850 differs from the sum of the 2 rows of its section (lines 3–4) 193850, and from the sum of all its rows 344850']);
  });

  it('a "Totalt" under the last heading, with no section sums, may sum the whole', () => {
    const r = parseText(file(['Vård och omsorg;;;;', ...CARE, 'Barn och utbildning;;;;', ...SCHOOL, 'Totalt;516 500;344 800;344 850;517 900']), spec);
    expect(codes(r, 'warning')).toEqual([]);
  });
});

describe('section sums without headings', () => {
  it('a sum closes the rows since the one above it; a total right after the sums is the whole', () => {
    const r = parseText(file([...CARE, 'Summa vård och omsorg;286 500;191 500;193 850;289 900', ...SCHOOL, 'Summa barn och utbildning;230 000;153 300;151 000;228 000', 'Totalt;516 500;344 800;344 850;517 900']), spec);
    expect(codes(r, 'warning')).toEqual([]);
  });

  it('a total at the top sums the lines below it', () => {
    const r = parseText(file(['Totalt;516 500;344 800;344 850;517 990', ...CARE, ...SCHOOL]), spec);
    expect(messages(r)).toEqual(['2: forecast: total 517990 differs from the sum of its rows 517900']);
  });
});
