import { describe, expect, it } from 'vitest';
import { checkUnit, measureOf, yearlyTotals } from '../../src/ingest/budget-unit.js';
import { finding } from '../../src/model/findings.js';
import { defaultConfig } from '../../src/config/parse.js';
import { parseInput } from '../../src/ingest/parse-input.js';
import { ingestOptions } from '../../src/ingest/resolve.js';
import { budgetRecords, codes, parseText } from './helpers.js';

const measure = (amount: number, pop?: number) => measureOf('1461', amount, pop, false);

describe('yearlyTotals', () => {
  it('hand-worked: per area, the largest month of its lines made annual', () => {
    // March: budget 1 200 (annual) + forecast 600 = 1 800; April: YTD 400 × 12/4 = 1 200 + monthly 50 × 12 = 600 → 1 800;
    // May: 1 000 + 1 000 = 2 000 (largest). Another area: 7.
    const r = parseText('Period;Kommun;Verksamhet;Budget helår;Budget ack;Budget månad;Prognos helår\n'
      + '2025-03;1460;A;1200;;;\n2025-03;1460;B;;;;600\n2025-04;1460;A;;400;;\n2025-04;1460;B;;;50;\n2025-05;1460;A;1000;;;\n2025-05;1460;B;-1000;;;\n2025-05;1461;A;7;;;\n', { unit: 'kr', sign: 'costs-positive' });
    const totals = yearlyTotals(r.budget!, (code) => (code === '1460' ? 10 : undefined));
    expect(totals.map((t) => [t.code, t.amount, t.low, t.population])).toEqual([['1460', 2000, 1000, 10], ['1461', 7, 1e6, undefined]]);
  });
});

describe('yearlyTotals of a whole municipality', () => {
  const file = 'Verksamhet;Budget helår;Budget jan-aug;Utfall jan-aug;Prognos helår\n'
    + 'Kommunstyrelsen;−45 000;−30 000;−29 500;−44 800\nSocialnämnden;−420 000;−280 000;−287 000;−428 000\n'
    + 'Barn- och utbildningsnämnden;−380 000;−253 333;−252 000;−379 000\nSamhällsbyggnadsnämnden;−60 000;−40 000;−41 000;−61 000\n'
    + 'Skatteintäkter;620 000;413 333;415 000;622 000\nGenerella statsbidrag och utjämning;300 000;200 000;201 000;301 500\nFinansnetto;−5 000;−3 333;−2 800;−4 500\n';
  it('measures its costs, not its tax revenue and grants beside them', () => {
    const r = parseText(file, { municipality: '1460', period: '2025-08', unit: 'kr' });
    // Costs alone: 45 000 + 420 000 + 380 000 + 60 000; the revenue and finansnetto would double it.
    expect(yearlyTotals(r.budget!, () => undefined).map((t) => t.amount)).toEqual([905_000]);
  });
  it('reads its tkr written without a unit as tkr: as kronor the costs are 96 kr per inhabitant', () => {
    const config = defaultConfig();
    const r = parseInput(new TextEncoder().encode(file), { ...ingestOptions(config, { municipality: '1460', period: '2025-08' }, {}), population: { '1460': 9441 }, file: 'in.csv' });
    expect(r.unit).toBe('tkr');
    expect(codes(r, 'warning')).toContain('unit-inferred@1:-');
    expect(budgetRecords(r).find((b) => b.activity === 'Socialnämnden')?.actualYtd).toBe(287_000_000);
  });
});

describe('checkUnit', () => {
  it('keeps a plausible kr, and reads an implausible one as the smallest larger unit that is plausible', () => {
    expect(checkUnit([measure(300e6, 9000)], 'kr', false)).toEqual({ unit: 'kr' });
    // 182 035 kr for 10 000 inhabitants is 18 kr each; as tkr 18 204.
    const tkr = checkUnit([measure(182_035, 10_000)], 'kr', false);
    expect(tkr.unit).toBe('tkr');
    expect(tkr.finding).toMatchObject({ code: 'unit-inferred', args: { measure: '18 kr per inhabitant a year (1461)', plausible: 'as tkr: 18,204 kr per inhabitant a year (1461)' } });
    // 0,5 kr per inhabitant: as tkr 500 (plausible too, and the smaller step is taken).
    expect(checkUnit([measure(5_000, 10_000)], 'kr', false).unit).toBe('tkr');
    // 412,5 without a population: tkr is still under 1 mnkr, mnkr is not.
    expect(checkUnit([measure(412.5)], 'kr', false).unit).toBe('mnkr');
  });
  it('has no unit when none is plausible, and keeps an explicit one with a warning', () => {
    expect(checkUnit([measure(0.00001, 10_000)], 'kr', false)).toMatchObject({ unit: undefined, finding: { code: 'unit-no-plausible' } });
    expect(checkUnit([measure(4e14)], 'mnkr', true)).toMatchObject({ unit: 'mnkr', finding: { code: 'unit-implausible' } });
    expect(checkUnit([measure(182_035, 10_000)], 'kr', true)).toMatchObject({ unit: 'kr', finding: { code: 'unit-implausible' } });
  });
  it('without a population, a municipality is held below 200 000 mnkr a year, a region only below 500 000', () => {
    // A kr file read as tkr for Bengtsfors: 290 591 000 tkr of elderly care and LSS.
    expect(checkUnit([measureOf('1460', 2.90591e11, undefined, false, true)], 'tkr', true)).toMatchObject({ unit: 'tkr', finding: { code: 'unit-implausible', args: { hint: 'implausible for a municipality\'s lines (plausible: 1,000,000 kr to 200,000 mnkr a year)' } } });
    expect(checkUnit([measureOf('01', 2.90591e11, undefined, false, false)], 'tkr', true)).toEqual({ unit: 'tkr' });
    // Stockholm's whole year (~65 000 mnkr gross) stays plausible.
    expect(checkUnit([measureOf('0180', 6.5e10, undefined, false, true)], 'kr', false)).toEqual({ unit: 'kr' });
  });
  it('goes by most areas, and says nothing of a file without amounts', () => {
    expect(checkUnit([measure(200e6), measure(300e6), measure(5)], 'kr', false)).toEqual({ unit: 'kr' });
    expect(checkUnit([measure(200), measure(300), measure(500e6)], 'kr', false).unit).toBe('mnkr');
    expect(checkUnit([measure(0)], 'kr', false)).toEqual({ unit: 'kr' });
  });
});

describe('a budget file read in an implausible unit', () => {
  const text = 'Verksamhet;Budget helår;Budget ack;Utfall ack\nÄldreomsorg;−182 035,0;−121 357,0;−125 000,0\n';
  const spec = { kind: 'budget' as const, period: '2025-08', municipality: '1461' };
  it('is read in tkr with a warning in place of the kr assumption', () => {
    const r = parseText(text, spec);
    expect([r.unit, codes(r, 'warning')]).toEqual(['tkr', ['unit-inferred@1:-']]);
    expect(budgetRecords(r)[0]).toMatchObject({ budgetYear: 182_035_000, budgetYtd: 121_357_000, actualYtd: 125_000_000 });
  });
  it('keeps an explicit kr, with a warning', () => {
    const r = parseText(text, { ...spec, unit: 'kr' });
    expect([r.unit, codes(r, 'warning'), budgetRecords(r)[0]!.budgetYear]).toEqual(['kr', ['unit-implausible@1:-'], 182_035]);
  });
  it('leaves out amounts no unit makes plausible: an error, every row left out', () => {
    const r = parseText('Verksamhet;Budget helår\nÄldreomsorg;0,00001\n', spec);
    expect(codes(r)).toEqual(['unit-no-plausible@1:-']);
    expect([r.counts, budgetRecords(r), r.rejects]).toEqual([{ read: 1, used: 0, rejected: 0, ignored: 1 }, [], []]);
  });
});

describe('what the unit check measures', () => {
  const spec = { kind: 'budget' as const, period: '2025-08', municipality: '1460' };
  it('leaves out total and part rows: they count the lines again', () => {
    const text = 'Verksamhet;Budget helår\nÄldreomsorg;182 035\nvarav hemtjänst;60 000\nIFO;126 091\nSumma;308 126\n';
    const r = parseText(text, spec);
    expect(r.unit).toBe('tkr');
    // The lines' 308 126, not 308 126 + 60 000 + 308 126.
    expect(r.findings.find((f) => f.code === 'unit-inferred')!.message).toBe('amounts read as kr would be 308,126 kr a year (1460), implausible for a municipality\'s lines (plausible: 1,000,000 kr to 200,000 mnkr a year); read as tkr (as tkr: 308,126,000 kr a year (1460)). Set "unit" if that is wrong');
  });
  it('groups the digits of every figure it names', () => {
    expect(checkUnit([measure(412.5)], 'kr', false).finding!.args!.what).toBe("a municipality's lines (plausible: 1,000,000 kr to 500,000 mnkr a year)");
    expect(checkUnit([measure(182_035, 10_000)], 'kr', false).finding!.args!.what).toBe("a municipality's lines (plausible: 100–500,000 kr per inhabitant)");
  });
});

describe("the organisation's own lines", () => {
  const own = (amount: number, pop?: number) => measureOf('BM', amount, pop, true);
  it('are plausible from 100 000 kr a year whatever the population: a small overhead in tkr stays tkr', () => {
    // 830 tkr of joint management and specialists over 18 343 inhabitants: 45 kr each, under a municipality's 100.
    const small = checkUnit([own(830, 18_343)], 'kr', false);
    expect(small.unit).toBe('tkr');
    expect(small.finding).toMatchObject({ code: 'unit-inferred', args: { measure: '830 kr a year (BM)', what: "the organisation's own lines (plausible: 100,000 kr a year to 60,000 kr per inhabitant)", plausible: 'as tkr: 830,000 kr a year (BM)' } });
    // The bundled example's overhead, 23 666 tkr, read as kr is under the floor too.
    expect(checkUnit([own(23_666, 18_343)], 'kr', false).unit).toBe('tkr');
    // Written in mnkr (0,83), it is read as mnkr: tkr and kr are too small.
    expect(checkUnit([own(0.83)], 'kr', false).unit).toBe('mnkr');
    // Said in the config or the file, kr is kept.
    expect(checkUnit([own(830_000, 18_343)], 'kr', true)).toEqual({ unit: 'kr' });
  });
  it('where two units are plausible for the organisation\'s lines, tkr (as finance systems write without saying)', () => {
    // A joint committee's whole budget booked on the organisation: 370 000 as kr is above its floor,
    // but it is 370 000 tkr, as a municipality's lines would be read.
    const joint = checkUnit([own(370_000, 18_343)], 'kr', false);
    expect(joint.unit).toBe('tkr');
    expect(joint.finding).toMatchObject({ code: 'unit-inferred' });
    // And so for 830 000 with no unit anywhere: 830 000 kr and 830 000 tkr are both possible; tkr,
    // said as a guess between the two.
    const both = checkUnit([own(830_000, 18_343)], 'kr', false);
    expect(both.unit).toBe('tkr');
    expect(both.finding!.args!.ambiguous).toBe('kr');
    expect(finding('g.csv', both.finding!).message).toBe('no amount unit, and both kr and tkr are plausible for the organisation\'s own lines (plausible: 100,000 kr a year to 60,000 kr per inhabitant) (as kr: 830,000 kr a year (BM); as tkr: 830,000,000 kr a year (BM)): read as tkr, as finance systems write amounts without saying. Set "unit" to be sure');
    // Where only tkr is plausible, the message says kr would be implausible, as before.
    expect(checkUnit([own(830, 18_343)], 'kr', false).finding!.args!.ambiguous).toBeUndefined();
  });
  it('are at most 60 000 kr per inhabitant of the members: 2 400 000 kr of a joint committee\'s own costs stays kr', () => {
    // As tkr, 2 400 mnkr for 18 429 inhabitants (130 000 kr each): more than the members spend on everything they share.
    expect(checkUnit([own(2_400_000, 18_429)], 'kr', false)).toEqual({ unit: 'kr' });
    expect(checkUnit([own(9_000_000, 18_429)], 'kr', false)).toEqual({ unit: 'kr' });
  });
  it('are measured as the organisation when it has no population', () => {
    expect(checkUnit([own(830)], 'kr', false).finding!.args!.what).toBe("the organisation's own lines (plausible: 100,000 kr a year to 500,000 mnkr a year)");
  });
});
