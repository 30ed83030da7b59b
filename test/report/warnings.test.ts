import { describe, expect, it } from 'vitest';
import { finding } from '../../src/model/findings.js';
import { FINDING_WORDS, findingNotes } from '../../src/report/finding-words.js';
import { warningLines } from '../../src/report/warnings.js';

const unit = finding('b.csv', { code: 'unit-assumed', line: 1 });
const dup = (line: number) => finding('b.csv', { code: 'duplicate-row', line, args: { first: 2, key: 'k' } });
const rejected = (file: string, line: number) => finding(file, { code: 'answer-unknown', line, received: 'Ibland' });
const info = finding('b.csv', { code: 'total-row', line: 9 });

describe('warningLines', () => {
  it('nothing when there is no warning (errors and infos are not warnings)', () => {
    expect(warningLines([info, rejected('a.csv', 3)])).toEqual([]);
  });
  it('one line per kind, whatever kinds there are, with its count and its first case', () => {
    const other = { ...unit, code: 'a-kind-added-later', message: 'something new' };
    expect(warningLines([dup(4), unit, dup(7), info, other])).toEqual([
      "tillit: 4 warnings (listed in the JSON report's findings and named in the method note of each brief drawing on the file):",
      '  ×2 b.csv:4: warning duplicate-row: repeats line 2 (k); counted once (and 1 more like it)',
      '  ×1 b.csv:1: warning unit-assumed: no amount unit in the config or a header; amounts read as kronor (set "unit")',
      '  ×1 b.csv:1: warning a-kind-added-later: something new',
    ]);
  });
});

describe('findingNotes', () => {
  it('rows left out and warnings, per kind and file, in plain words with how many', () => {
    expect(findingNotes([rejected('a.csv', 3), rejected('a.csv', 5), rejected('c.csv', 2), unit, info], 'sv')).toEqual([
      'a.csv: Svar som inte finns på någon känd svarsskala ingår inte. (2 fall)',
      'c.csv: Svar som inte finns på någon känd svarsskala ingår inte.',
      'b.csv: Ingen beloppsenhet angavs, så beloppen lästes som kronor; är de i tkr blir varje belopp 1 000 gånger för litet.',
    ]);
    expect(findingNotes([unit], 'en')).toEqual(['b.csv: No amount unit was given, so amounts were read as kronor; if they are in thousands, every amount is 1,000 times too small.']);
  });
  it('findings about the config or a flag name no file; a kind without a sentence keeps its message', () => {
    const period = finding('--period', { code: 'period-no-budget-data', args: { period: '2030', have: '2025-01' } });
    expect(findingNotes([period], 'sv')).toEqual(['Underlaget har inga budgetuppgifter för den begärda perioden, så ekonomidelen saknas.']);
    expect(findingNotes([{ ...unit, code: 'unknown-kind', message: 'odd thing' }], 'sv')).toEqual(['b.csv: odd thing.']);
  });
  it('at most ten lines, the last saying how many more', () => {
    const many = Array.from({ length: 12 }, (_, i) => rejected(`f${i}.csv`, 2));
    const lines = findingNotes(many, 'sv');
    expect(lines).toHaveLength(10);
    expect(lines[9]).toBe('… och 3 till (se JSON-rapportens findings eller tillit validate).');
  });
  it('every kind has a sentence in both languages, each one a sentence', () => {
    for (const [code, s] of Object.entries(FINDING_WORDS)) {
      expect(s.sv, code).toMatch(/^[A-ZÅÄÖ].*\.$/);
      expect(s.en, code).toMatch(/^[A-Z].*\.$/);
    }
  });
});
