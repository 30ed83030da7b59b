import { describe, expect, it } from 'vitest';
import { committeeColumn } from '../../src/ingest/budget-committees.js';
import type { BudgetRecord } from '../../src/model/records.js';
import { budgetRecords, codes, parseText } from './helpers.js';

const lines = (text: string) => budgetRecords(parseText(text, { unit: 'tkr', sign: 'costs-positive' })).map((r: BudgetRecord) => `${r.activity} ${r.budgetYtd}/${r.actualYtd}`);

describe('committeeColumn', () => {
  it('finds Nämnd (Nämnd/styrelse, Committee) among the columns no role took', () => {
    expect(committeeColumn(['Nämnd', 'Verksamhet', 'Budget'], [0])).toBe(0);
    expect(committeeColumn(['Kommun', 'Nämnd/styrelse'], [1])).toBe(1);
    expect(committeeColumn(['Committee'], [0])).toBe(0);
    expect(committeeColumn(['Kommentar', 'Nämnd'], [0])).toBeUndefined();
  });
});

describe('a finance file with a committee column', () => {
  it('an activity two committees have is a line of each, named by its committee; one only one has keeps its name', () => {
    const text = 'Kommun;Period;Nämnd;Verksamhet;Budget ack;Utfall ack\n'
      + '2581;2025-08;Kommunstyrelsen;Administration;30 000;29 500\n2581;2025-08;Socialnämnden;Administration;8 000;8 600\n2581;2025-08;Socialnämnden;Äldreomsorg;121 357;124 100\n';
    expect(lines(text)).toEqual(['Administration (Kommunstyrelsen) 30000000/29500000', 'Administration (Socialnämnden) 8000000/8600000', 'Äldreomsorg 121357000/124100000']);
    expect(codes(parseText(text, { unit: 'tkr', sign: 'costs-positive' }))).toEqual([]);
  });
  it('a committee\'s heading and its Summa row written in its column are a heading and a total, not rows missing an activity', () => {
    const text = 'Kommun;Period;Nämnd;Verksamhet;Budget ack;Utfall ack\n'
      + '2581;2025-08;Socialnämnden;;;\n2581;2025-08;Socialnämnden;Äldreomsorg;100;110\n2581;2025-08;Socialnämnden;LSS;50;40\n2581;2025-08;Summa Socialnämnden;;150;150\n';
    const r = parseText(text, { unit: 'tkr', sign: 'costs-positive' });
    expect(codes(r)).toEqual([]);
    expect(codes(r, 'info').filter((c) => !c.startsWith('sign'))).toEqual(['budget-heading@2:-', 'total-row@5:-']);
    expect(lines(text)).toEqual(['Äldreomsorg 100000/110000', 'LSS 50000/40000']);
  });
  it('a committee\'s sum as pivot tables write it in its column (Totalt …, … Resultat, … Summa) is a total, not a line', () => {
    for (const sum of ['Totalt Socialnämnden', 'Socialnämnden Resultat', 'Socialnämnden Summa']) {
      const text = `Kommun;Period;Nämnd;Verksamhet;Budget ack;Utfall ack\n2581;2025-08;Socialnämnden;Äldreomsorg;100;110\n2581;2025-08;Socialnämnden;LSS;50;40\n2581;2025-08;${sum};;150;150\n`;
      expect([sum, lines(text)]).toEqual([sum, ['Äldreomsorg 100000/110000', 'LSS 50000/40000']]);
    }
  });
});
