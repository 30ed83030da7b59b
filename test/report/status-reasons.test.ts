import { describe, expect, it } from 'vitest';
import type { QualityRow, Report } from '../../src/model/report.js';
import { buildBrief } from '../../src/report/brief.js';
import { evaluateFailOn, parseFailOn } from '../../src/report/fail-on.js';
import { renderBrief } from '../../src/report/render-md.js';
import { renderBriefSection } from '../../src/report/render-html.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderTable } from '../../src/report/render-table.js';
import { NO_PAINT, referenceHeading, statusWhy } from '../../src/report/view.js';
import { records } from './csv-records.js';
import { qualityRow, report } from './factory.js';

// Hand-made: a Kolada share with no n, 71 % against 86 % (−15 p.e., no test), in a table of one row.
const noTest = (area: string, value: number, differencePp: number): QualityRow['reference'] => ({ area, value, differencePp, p: null, significant: false });
const worsening = { from: '2016', to: '2025', points: 10, theilSenSlope: -1, mannKendallS: -20, mannKendallP: 0.01, olsSlope: -1, olsSlopeLow: -2, olsSlopeHigh: -0.5, r2: 0.6, verdict: 'worsening' as const };
const withRow = (q: Partial<QualityRow>, over: Partial<Report> = {}): Report => report({
  areas: [
    { code: '1460', name: 'Bengtsfors', kind: 'municipality', member: true }, { code: '0000', name: 'Riket', kind: 'nation', member: false },
    { code: '20', name: 'Dalarnas län', kind: 'region', member: false },
  ],
  quality: [qualityRow({ value: 71, n: null, low: null, high: null, reference: noTest('0000', 86, -15), status: null, statusReasons: ['untested-below-reference'], ...q })],
  budget: [],
  ...over,
});
const sv = { lang: 'sv' as const, unit: 'tkr' as const, paint: NO_PAINT };
const en = { ...sv, lang: 'en' as const };
const targeted = (target: number) => ({ indicators: [{ ...report().indicators[0]!, target }] });

describe('a row worse than an untested reference', () => {
  it('says why it has no status, in both languages', () => {
    const r = withRow({});
    expect(statusWhy(r, r.quality[0]!, 'sv')).toBe('sämre än riket; utan antal svarande kan skillnaden inte prövas');
    expect(statusWhy(r, r.quality[0]!, 'en')).toBe('worse than the national level; without respondent counts the difference cannot be tested');
  });

  it('where the row has its n and only the reference lacks one, says the source gives none for the reference', () => {
    const r = withRow({ n: 120 });
    expect(statusWhy(r, r.quality[0]!, 'sv')).toBe('sämre än riket; källan anger inget antal svarande för riket, så skillnaden kan inte prövas');
    expect(statusWhy(r, r.quality[0]!, 'en')).toBe('worse than the national level; the source gives no respondent count for the national level, so the difference cannot be tested');
  });

  it('the table marks it not assessed, with the reason in a footnote', () => {
    const text = renderTable(withRow({}), { ...sv, table: { width: 120, genders: false } });
    expect(text).toMatch(/│ – ej bedömd¹ *│/);
    expect(text).toContain('\n¹ sämre än riket; utan antal svarande kan skillnaden inte prövas\n');
    expect(renderTable(withRow({}), { ...en, table: { width: 120, genders: false } })).toMatch(/│ – not assessed¹ *│/);
  });

  it('the brief (md and html) says so in the status cell', () => {
    const cell = buildBrief(withRow({}), '1460', sv).quality!.body.rows[0]!.at(-2)!.text;
    expect(cell).toBe('– ej bedömd: sämre än riket; utan antal svarande kan skillnaden inte prövas');
    expect(renderBrief(withRow({}), '1460', sv)).toContain('| – ej bedömd: sämre än riket; utan antal svarande kan skillnaden inte prövas |');
    expect(renderBriefSection(buildBrief(withRow({}), '1460', en), [])).toContain('– not assessed: worse than the national level; without respondent counts the difference cannot be tested');
  });

  it('every reason is given in order, the target named once (no bare "(mål 90 %)" when it is missed)', () => {
    const r = withRow({ trend: worsening, status: 'red', statusReasons: ['worsening-trend', 'below-target', 'untested-below-reference'] }, targeted(90));
    expect(statusWhy(r, r.quality[0]!, 'sv')).toBe('försämras över tid; under nämndens mål på 90 %; sämre än riket; utan antal svarande kan skillnaden inte prövas');
    // Met target, worsening trend: the target in brackets, as before.
    const met = withRow({ value: 93, trend: worsening, reference: null, status: 'red', statusReasons: ['worsening-trend'] }, targeted(90));
    expect(statusWhy(met, met.quality[0]!, 'sv')).toBe('försämras över tid (mål 90 %)');
  });

  it('JSON has statusReasons and CSV status_reasons (space-separated, empty for green)', () => {
    const r = withRow({ trend: worsening, status: 'red', statusReasons: ['worsening-trend', 'untested-below-reference'] });
    expect(JSON.parse(renderJson(r)).quality[0].statusReasons).toEqual(['worsening-trend', 'untested-below-reference']);
    const rows = records(renderCsv(report({ quality: [r.quality[0]!, qualityRow()], budget: [] }), 'rfc4180'));
    expect(rows.map((x) => [x.status, x.status_reasons])).toEqual([['red', 'worsening-trend untested-below-reference'], ['green', '']]);
  });

  it('--fail-on status=green and status=red do not match it: it has no status', () => {
    const parsed = parseFailOn(['status=green', 'status=red', 'status=yellow']);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(evaluateFailOn(withRow({}), parsed.rules)).toEqual([]);
  });
});

describe('the reference column names what it compares with', () => {
  const region = withRow({ value: 27.1, reference: noTest('20', 19.5, 7.6), status: 'green', statusReasons: [] });
  it('Mot länet, with a note naming the region, where every row is compared with a region', () => {
    expect(referenceHeading(region, region.quality, 'sv')).toEqual({ head: 'Mot länet', note: 'Mot länet: jämfört med Dalarnas län, eftersom källan saknar värde för riket.' });
    expect(referenceHeading(region, region.quality, 'en').head).toBe('vs county');
    const wide = renderTable(region, sv);
    expect(wide).toContain(' Mot länet ');
    expect(wide).not.toContain('Mot riket');
    expect(wide).toContain('\nMot länet: jämfört med Dalarnas län, eftersom källan saknar värde för riket.\n');
    expect(renderTable(region, { ...sv, table: { width: 120, genders: false } })).toContain(' Mot länet ');
    expect(renderBrief(region, '1460', sv)).toMatch(/\| Trend \| Mot länet \| Status \|[^]*Mot länet: jämfört med Dalarnas län/);
    expect(renderBriefSection(buildBrief(region, '1460', en), [])).toContain('vs county');
  });

  it('Mot riket/länet where some rows have no national figure; Mot riket, and no note, where all compare with the nation', () => {
    const both = { ...region, quality: [...region.quality, qualityRow({ service: 'Särskilt boende', reference: noTest('0000', 80, 10) })] };
    expect(referenceHeading(both, both.quality, 'sv')).toEqual({ head: 'Mot riket/länet', note: 'Mot riket/länet: jämfört med riket, och med Dalarnas län där källan saknar värde för riket.' });
    const nation = withRow({});
    expect(referenceHeading(nation, nation.quality, 'sv')).toEqual({ head: 'Mot riket', note: null });
  });

  it('the below-reference reason says länet when the reference is the region', () => {
    const r = withRow({ reference: noTest('20', 86, -15) });
    expect(statusWhy(r, r.quality[0]!, 'sv')).toBe('sämre än länet; utan antal svarande kan skillnaden inte prövas');
    const tested = withRow({ n: 200, reference: { area: '20', value: 86, differencePp: -15, p: 0.0001, significant: true }, status: 'red', statusReasons: ['below-reference'] });
    expect(statusWhy(tested, tested.quality[0]!, 'en')).toBe('significantly worse than the county level');
  });
});
