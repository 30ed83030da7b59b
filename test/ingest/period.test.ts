import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/ingest/period.js';

describe('parsePeriod', () => {
  it.each([
    ['2024', '2024'], ['2025-03', '2025-03'], ['2025-3', '2025-03'], ['2025M03', '2025-03'], ['202503', '2025-03'],
    ['mars 2025', '2025-03'], ['2025 mars', '2025-03'], ['Okt 2024', '2024-10'], ['december 2024', '2024-12'], ['2025/11', '2025-11'],
  ])('%s → %s', (cell, period) => {
    expect(parsePeriod(cell)).toBe(period);
  });
  it.each(['2025-13', '2025-00', '20253', 'mars', '1899', 'abc', '2025-03-01', ''])('%s is not a period', (cell) => {
    expect(parsePeriod(cell)).toBeUndefined();
  });
});
