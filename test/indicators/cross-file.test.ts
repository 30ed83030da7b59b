import { describe, expect, it } from 'vitest';
import { crossFileDisagreements } from '../../src/indicators/cross-file.js';
import type { QualityRecord } from '../../src/model/records.js';

const survey = (file: string, line: number, share: number | null, n: number | null, more: Partial<QualityRecord> = {}): QualityRecord => ({
  kind: 'survey', area: { code: '1460', kind: 'municipality' }, period: '2025', indicator: 'helhetssyn', service: 'Hemtjänst', gender: 'T', n, positive: null, share, source: { file, line }, ...more,
} as QualityRecord);

describe('crossFileDisagreements', () => {
  it('a later file\'s other figure for a cell is named there, with the first file\'s; within a file, or within the rounding of a share, nothing', () => {
    const found = crossFileDisagreements([
      { file: 'a.csv', records: [survey('a.csv', 2, 90, 110), survey('a.csv', 3, 70, 50, { service: 'SÄBO' })] },
      { file: 'b.csv', records: [survey('b.csv', 2, 80, 112), survey('b.csv', 3, 70.04, 50, { service: 'SÄBO' })] },
      { file: 'c.csv', records: [survey('c.csv', 5, 90, null), survey('c.csv', 6, 71, 50, { service: 'SÄBO', gender: 'K' }), survey('c.csv', 7, 72, 50, { service: 'SÄBO', gender: 'K' })] },
    ]);
    expect(found.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual(['b.csv:2 1460 / helhetssyn / Hemtjänst / T / 2025: 80 (n 112) here, 90 (n 110) in a.csv; the figure in a.csv is used (respondents\' answers before a published figure, else the file given first)']);
  });
  it('a share given as positive and n is compared as its share; no share, no comparison', () => {
    const found = crossFileDisagreements([
      { file: 'a.csv', records: [survey('a.csv', 2, 90, 100)] },
      { file: 'b.csv', records: [survey('b.csv', 2, null, 100, { positive: 80 } as Partial<QualityRecord>), survey('b.csv', 3, null, null, { period: '2024' })] },
    ]);
    expect(found.map((f) => f.code)).toEqual(['source-disagreement']);
  });
  it('a figure that is the other rounded (Kolada\'s whole 88 beside a file\'s 87,6) agrees; 88 beside 87,4 does not', () => {
    const pair = (x: number, y: number) => crossFileDisagreements([{ file: 'a.csv', records: [survey('a.csv', 2, x, 100)] }, { file: 'b.csv', records: [survey('b.csv', 2, y, 100)] }]).length;
    expect([pair(88, 87.6), pair(87.6, 88), pair(85.4, 85.35), pair(88, 87.4), pair(85.4, 85.3)]).toEqual([0, 0, 0, 1, 1]);
  });
});
