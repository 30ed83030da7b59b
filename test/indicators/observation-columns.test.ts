import { describe, expect, it } from 'vitest';
import { countingOrder, FROM_ANSWERS, IS_SHARE, KIND_ID, ObservationColumns } from '../../src/indicators/observation-columns.js';

/** Columns holding `count` observations of one area, period by period. */
function columns(count: number): ObservationColumns {
  const o = new ObservationColumns();
  for (let k = 0; k < count; k++) {
    const i = o.push();
    o.area[i] = o.areaCodes.id('1460');
    o.kind[i] = KIND_ID.municipality;
    o.indicator[i] = o.indicators.id('helhetssyn');
    o.service[i] = o.services.id('Hemtjänst');
    o.gender[i] = k % 3;
    o.period[i] = o.periods.id(String(2000 + k));
    o.value[i] = k + 0.5;
    o.n[i] = k === 0 ? Number.NaN : k;
    o.flags[i] = k % 2 === 0 ? IS_SHARE : IS_SHARE | FROM_ANSWERS;
    o.file[i] = o.files.id('svar.csv');
    o.line[i] = k + 2;
  }
  return o;
}

describe('ObservationColumns', () => {
  it('grows past its first 64 slots and keeps every value', () => {
    const o = columns(200);
    expect(o.size).toBe(200);
    expect(o.area.length).toBeGreaterThanOrEqual(200);
    expect([o.valueOf(0), o.valueOf(63), o.valueOf(64), o.valueOf(199)]).toEqual([0.5, 63.5, 64.5, 199.5]);
    expect([o.periodOf(199), o.lineOf(199), o.genderOf(199)]).toEqual(['2199', 201, 'K']);
  });
  it('reads each field as its type: texts by id, no n as null, flags as yes or no', () => {
    const o = columns(3);
    expect([o.areaCode(1), o.kindOf(1), o.indicatorOf(1), o.serviceOf(1), o.genderOf(2), o.fileOf(1)]).toEqual(['1460', 'municipality', 'helhetssyn', 'Hemtjänst', 'M', 'svar.csv']);
    expect([o.nOf(0), o.hasN(0), o.nOf(1), o.hasN(1)]).toEqual([null, false, 1, true]);
    expect([o.isShare(0), o.isFromAnswers(0), o.isFromAnswers(1), o.isIncomplete(1)]).toEqual([true, false, true, false]);
    expect(o.isShown(1)).toBe(true);
    o.hidden[1] = 2;
    expect([o.isShown(1), o.hiddenAs(1)]).toEqual([false, 2]);
  });
  it('gives the first source alone, or every source merged; and names a cell in findings', () => {
    const o = columns(2);
    expect(o.sourcesOf(1)).toEqual([{ file: 'svar.csv', line: 3 }]);
    o.more.set(1, [{ file: 'a.csv', line: 9 }, { file: 'b.csv', line: 4 }]);
    expect(o.sourcesOf(1)).toEqual([{ file: 'a.csv', line: 9 }, { file: 'b.csv', line: 4 }]);
    expect(o.key(1)).toBe('1460 / helhetssyn / Hemtjänst / K / 2001');
  });
});

describe('countingOrder', () => {
  it('groups positions by key, in their order within a key (hand-worked)', () => {
    const { order, start } = countingOrder([2, 0, 2, 1, 0], 3);
    expect([...order]).toEqual([1, 4, 3, 0, 2]);
    expect([...start]).toEqual([0, 2, 3, 5]);
  });
  it('an empty key has an empty range', () => {
    const { order, start } = countingOrder([2, 2], 3);
    expect([...order]).toEqual([0, 1]);
    expect([...start]).toEqual([0, 0, 0, 2]);
  });
});
