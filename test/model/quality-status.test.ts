import { describe, expect, it } from 'vitest';
import { qualityStatusWhy } from '../../src/model/quality-status.js';
import type { QualityRow } from '../../src/model/report.js';

type Judged = Pick<QualityRow, 'value' | 'trend' | 'reference' | 'change'>;

// Hand-made rows: Oxelösund's 71 % against the nation's 86 % (Kolada, no n: no test).
const untested = (value: number, nation: number): QualityRow['reference'] => ({ area: '0000', value: nation, differencePp: value - nation, p: null, significant: false });
const tested = (value: number, nation: number, p: number): QualityRow['reference'] => ({ area: '0000', value: nation, differencePp: value - nation, p, significant: p < 0.05 });
const worsening = { verdict: 'worsening' } as QualityRow['trend'];
const row = (over: Partial<Judged>): Judged => ({ value: 71, trend: null, reference: null, change: null, ...over });

describe('qualityStatusWhy', () => {
  it('a value below the nation with no test (no n) is not green: no status, and says why', () => {
    expect(qualityStatusWhy(row({ reference: untested(71, 86) }), null, 'higher')).toEqual({ status: null, reason: 'untested-below-reference', reasons: ['untested-below-reference'] });
  });

  it('lower is better: more days than the nation (57,2 against 50,9), untested, is not green either', () => {
    expect(qualityStatusWhy(row({ value: 57.2, reference: untested(57.2, 50.9) }), null, 'lower').status).toBe(null);
  });

  it('above the nation with no test stays green; below it with a test that finds nothing stays green', () => {
    expect(qualityStatusWhy(row({ reference: untested(71, 60) }), null, 'higher')).toEqual({ status: 'green', reason: null, reasons: [] });
    expect(qualityStatusWhy(row({ reference: tested(71, 73, 0.4) }), null, 'higher').status).toBe('green');
    expect(qualityStatusWhy(row({ value: 40, reference: untested(40, 50.9) }), null, 'lower').status).toBe('green');
  });

  it('a worsening trend or a missed target still decide first, and every reason is given in order', () => {
    expect(qualityStatusWhy(row({ trend: worsening, reference: untested(71, 86) }), 90, 'higher')).toEqual({
      status: 'red', reason: 'worsening-trend', reasons: ['worsening-trend', 'below-target', 'untested-below-reference'],
    });
    expect(qualityStatusWhy(row({ reference: untested(71, 86) }), 90, 'higher')).toEqual({
      status: 'yellow', reason: 'below-target', reasons: ['below-target', 'untested-below-reference'],
    });
  });

  it('significantly below the reference is red; a significant fall is yellow, listed after it', () => {
    const fell = { from: '2024', fromValue: 80, differencePp: -9, p: 0.001, significant: true };
    expect(qualityStatusWhy(row({ reference: tested(71, 86, 0.0001), change: fell }), null, 'higher')).toEqual({
      status: 'red', reason: 'below-reference', reasons: ['below-reference', 'fell'],
    });
  });

  it('an untested fall since the previous period is no reason (docs/method.md): one year without n is not told from noise', () => {
    const fell = { from: '2024', fromValue: 80, differencePp: -9, p: null, significant: false };
    expect(qualityStatusWhy(row({ change: fell }), null, 'higher').status).toBe('green');
  });

  it('no value, or no better direction: no status and no reason', () => {
    expect(qualityStatusWhy(row({ value: null, reference: untested(71, 86) }), 90, 'higher')).toEqual({ status: null, reason: null, reasons: [] });
    expect(qualityStatusWhy(row({ reference: untested(71, 86) }), 90, 'none')).toEqual({ status: null, reason: null, reasons: [] });
  });
});
