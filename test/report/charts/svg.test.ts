import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/indicators/analyse.js';
import { loadConfig, loadInputs } from '../../../src/ingest/load.js';
import type { Report } from '../../../src/model/report.js';
import { briefChartSpecs, chartedBudget, chartedRows, QUALITY_SIZE, titleLines, yearPoints } from '../../../src/report/charts/spec.js';
import { inlineSvg, renderSvg } from '../../../src/report/charts/svg.js';

let report: Report;
beforeAll(async () => {
  const loaded = await loadConfig('fixtures/bengtsfors-mellerud/tillit.config.json');
  const inputs = await loadInputs(loaded, { files: [], overrides: {}, threads: { threads: 1, minBytes: Number.POSITIVE_INFINITY } });
  report = analyse(inputs, loaded.config, {});
});

/** The `translate(x,y)` of every mark in the SVG group of the layer named `name` (Vega classes it `NAME_marks`). */
function markPositions(svg: string, name: string): { x: number; y: number }[] {
  const open = svg.indexOf(`role-mark ${name}_marks"`);
  if (open < 0) return [];
  const body = svg.slice(open, svg.indexOf('</g>', open));
  return [...body.matchAll(/<path transform="translate\(([-\d.e]+),([-\d.e]+)\)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

/** The y axis as drawn: each label's value and its tick's height (ticks are whole pixels). */
function yAxis(svg: string): { value: number; y: number }[] {
  const ticks = [...svg.matchAll(/role-axis-tick"[^>]*>(.*?)<\/g>/g)].map((m) => [...m[1]!.matchAll(/<line transform="translate\(0,([-\d.]+)\)" x2="-5"/g)].map((t) => Number(t[1]))).find((ys) => ys.length > 0)!;
  const labels = [...svg.matchAll(/role-axis-label"[^>]*>(.*?)<\/g>/g)].map((m) => [...m[1]!.matchAll(/<text text-anchor="end" transform="translate\(-[\d.]+,[-\d.]+\)"[^>]*>([^<]*)<\/text>/g)].map((t) => Number(t[1]!.replace(/\s/g, '').replace(',', '.')))).find((v) => v.length > 0)!;
  expect(labels).toHaveLength(ticks.length);
  return labels.map((value, i) => ({ value, y: ticks[i]! }));
}

const spec = (file: string, area = '1460') => briefChartSpecs(report, area, 'sv').find((c) => c.file.endsWith(file))!;

describe('indicator chart', () => {
  it('is well-formed XML, says its alt text as title and links nothing', async () => {
    const c = spec('-helhetssyn-hemtjanst.svg');
    const svg = await renderSvg(c.spec, c.alt);
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg['@_role']).toBe('img');
    expect(doc.svg.title).toBe(c.alt);
    expect(c.alt).toMatch(/^Diagram: Nöjdhet totalt \(helhetssyn\), hemtjänst, Bengtsfors 2016–2025: från 87,5 % \(2016\) till 93,0 % \(2025\) \(osäkerhet 87–96 %\); riket 88,7 %; Mellerud 88,3 %\.$/);
    // The namespaces are names, not links; nothing else looks like an address, and no font is named but the system's.
    expect(svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '')).not.toMatch(/https?:|url\(|@import|href=/);
    expect(svg).toMatch(/font-family="sans-serif"/);
    expect(inlineSvg(svg)).not.toMatch(/http/);
  });
  it('in English names the service in English, as the brief\'s sentences do, not as the data writes it', () => {
    const en = briefChartSpecs(report, '1460', 'en');
    expect(en.find((c) => c.file.endsWith('-helhetssyn-sarskilt-boende.svg'))!.alt).toMatch(/^Chart: Overall satisfaction, special housing, Bengtsfors 2016–2025: /);
    expect(en.find((c) => c.file.endsWith('-helhetssyn-hemtjanst.svg'))!.alt).toMatch(/^Chart: Overall satisfaction, home care, Bengtsfors /);
    expect(en.map((c) => c.alt).join('\n')).not.toMatch(/hemtjänst|särskilt boende/);
  });
  it('gives the same bytes each time', async () => {
    const c = spec('-inflytande-sarskilt-boende.svg');
    expect(await renderSvg(c.spec, c.alt)).toBe(await renderSvg(c.spec, c.alt));
  });
  it('draws one point per year shown, each at the height its value has on the axis', async () => {
    for (const { row, points } of chartedRows(report, '1460')) {
      const c = briefChartSpecs(report, '1460', 'sv').find((s) => s.file.includes(`-${row.indicator}-`) && s.alt.includes(row.service.toLowerCase()))!;
      const [lo, hi] = (c.spec as { layer: { encoding: { y?: { scale: { domain: [number, number] } } } }[] }).layer[0]!.encoding.y!.scale.domain;
      const shown = points.filter((p) => p.value !== null);
      const svg = await renderSvg(c.spec, c.alt);
      const marks = markPositions(svg, 'points');
      expect(marks).toHaveLength(shown.length);
      for (const [i, p] of shown.entries()) expect(marks[i]!.y).toBeCloseTo((QUALITY_SIZE.height * (hi - p.value!)) / (hi - lo), 1);
      // And against the axis the reader sees: a point lies where its value is between the labelled ticks.
      const axis = yAxis(svg);
      const [a, b] = [axis[0]!, axis.at(-1)!];
      for (const [i, p] of shown.entries()) expect(Math.abs(marks[i]!.y - (a.y + ((p.value! - a.value) * (b.y - a.y)) / (b.value - a.value)))).toBeLessThan(1);
      // Years run left to right.
      expect(marks.map((m) => m.x)).toEqual([...marks.map((m) => m.x)].sort((a, b) => a - b));
    }
  });
  it('leaves out a suppressed year and marks the series break where it lies', async () => {
    // Mellerud's 2018 (24 respondents) is hidden.
    const row = chartedRows(report, '1461').find((r) => r.row.indicator === 'inflytande' && r.row.service === 'Särskilt boende')!;
    expect(yearPoints(report, row.row).find((p) => p.year === 2018)?.value).toBeNull();
    const c = spec('-inflytande-sarskilt-boende.svg', '1461');
    expect(c.alt).toContain('serieavbrott mellan 2017 och 2019');
    const svg = await renderSvg(c.spec, c.alt);
    const rule = svg.slice(svg.indexOf('role-mark break_marks"'));
    const points = markPositions(svg, 'points');
    // The rule sits halfway between 2017's point (the second) and 2019's (the third): on 2018.
    const x = Number(/<line transform="translate\(([-\d.]+),/.exec(rule)?.[1]);
    expect(x).toBeCloseTo((points[1]!.x + points[2]!.x) / 2, 1);
    expect(x).toBeCloseTo((QUALITY_SIZE.width * (2018 - 2016)) / (2025 - 2016), 1);
  });
});

describe('budget chart', () => {
  it('draws the outcome month by month to the report month, and the forecast and annual budget at year end', async () => {
    const c = spec('-budget.svg');
    const row = chartedBudget(report, '1460')!;
    expect(row.total).toBe(true);
    const svg = await renderSvg(c.spec, c.alt);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(markPositions(svg, 'points')).toHaveLength(row.series.length);
    expect(markPositions(svg, 'ends')).toHaveLength(2);
    expect(c.alt).toBe('Diagram: Bengtsfors, budget och utfall ackumulerat januari–oktober 2025: utfall 312,4 mnkr mot budget 306,0 mnkr; helårsbudget 361,4 mnkr; prognos helår 368,9 mnkr.');
  });
});

describe('chart titles', () => {
  it('are two lines, the second cut after a whole word', () => {
    expect(titleLines('Trygghet – Hemtjänst')).toEqual(['Trygghet – Hemtjänst', '']);
    expect(titleLines('Nöjdhet totalt (helhetssyn) – Särskilt boende')).toEqual(['Nöjdhet totalt', '(helhetssyn) – Särskilt…']);
    expect(titleLines('Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)')).toEqual(['Brukarbedömning hemtjänst', 'äldreomsorg - helhetssyn,…']);
  });
});
