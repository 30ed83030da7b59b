import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetStatus } from '../../src/model/budget-status.js';
import { budgetStatusNote, deviationDecimals, deviationText } from '../../src/report/deviation-text.js';

const T = { yellowBelow: 0, redBelow: -2 };

describe('a deviation as shown beside its colour', () => {
  it('gets more decimals where one would show it across a threshold', () => {
    // -0,04 % is yellow (below 0): "0,0 %" would read as on budget, green.
    expect(deviationText(-0.04, T, 'sv')).toBe('-0,04 %');
    // -2,03 % is red (below -2): "-2,0 %" is not below -2.
    expect(deviationText(-2.03, T, 'sv')).toBe('-2,03 %');
    expect(deviationText(-1.3, T, 'sv')).toBe('-1,3 %');
    expect(deviationText(0.04, T, 'en')).toBe('0.0%');
    expect(deviationText(1.26, T, 'sv')).toBe('+1,3 %');
    // A threshold with decimals: -0,25 is not below -0,25 (yellow), though one decimal shows -0,3.
    expect(deviationText(-0.25, { yellowBelow: 0, redBelow: -0.25 }, 'sv')).toBe('-0,25 %');
  });
  it('says "just below" where no few decimals can: a deviation of kronor', () => {
    expect(deviationDecimals(-0.000001, 'yellow', T)).toBeUndefined();
    expect(deviationText(-0.000001, T, 'sv')).toBe('strax under 0 %');
    expect(deviationText(-2.000001, T, 'en')).toBe('just below -2%');
  });
  it('takes the line\'s own colour where given (judged on the exact figure the report rounds)', () => {
    expect(deviationText(0, T, 'sv', 'yellow')).toBe('strax under 0 %');
  });
  it('never shows a figure of another colour than its line\'s', () => {
    fc.assert(fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (v) => {
      const d = deviationDecimals(v, budgetStatus(v, T), T);
      if (d === undefined) return;
      const shown = Number(deviationText(v, T, 'en').replace('%', '').replace('+', ''));
      expect(budgetStatus(shown, T)).toBe(budgetStatus(v, T));
    }));
  });
});

describe('what the colours mean', () => {
  it('in words of costs against budget, with the thresholds in force', () => {
    expect(budgetStatusNote(T, 'sv', false, false)).toBe('Status: grön när kostnaderna hittills i år ligger på eller under budget, röd när de ligger mer än 2 % över budget, gul däremellan.');
    expect(budgetStatusNote({ yellowBelow: -0.5, redBelow: -2.5 }, 'sv', true, false)).toBe('Status: grön när kostnaderna för året ligger högst 0,5 % över budget, röd när de ligger mer än 2,5 % över budget, gul däremellan.');
    expect(budgetStatusNote({ yellowBelow: 1, redBelow: 0 }, 'en', false, true)).toBe(
      'Status: green when costs so far this year are at least 1% under budget, red when they are over budget, yellow in between. The colour is judged on the exact deviation, so a deviation close to a limit is shown with more decimals.',
    );
    // No yellow band: no yellow said.
    expect(budgetStatusNote({ yellowBelow: -1, redBelow: -1 }, 'sv', false, false)).toBe('Status: grön när kostnaderna hittills i år ligger högst 1 % över budget, röd när de ligger mer än 1 % över budget.');
  });
});
