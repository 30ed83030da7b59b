import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../src/report/brief.js';
import { keyMessages } from '../../src/report/messages.js';
import { renderBriefMd } from '../../src/report/render-md.js';
import { NO_PAINT, statusWhy, type RenderOptions } from '../../src/report/view.js';
import { budgetRow, qualityRow, report } from './factory.js';

const sv: RenderOptions = { lang: 'sv', unit: 'mnkr', paint: NO_PAINT };
const twoMembers = (over: Parameters<typeof report>[0] = {}) => report({
  areas: [{ code: '1460', name: 'Bengtsfors', kind: 'municipality', member: true }, { code: '1461', name: 'Mellerud', kind: 'municipality', member: true }],
  inputs: [
    { file: 'data/kvalitet.csv', format: 'csv', kind: 'survey', encoding: 'utf-8', unit: null, sign: null, areas: null, rows: { read: 2, used: 2, rejected: 0, ignored: 0 } },
    { file: 'data/budget-bengtsfors.csv', format: 'csv', kind: 'budget', encoding: 'utf-8', unit: 'tkr', sign: 'costs-negative', areas: ['1460'], rows: { read: 1, used: 1, rejected: 0, ignored: 0 } },
    { file: 'data/budget-mellerud.csv', format: 'csv', kind: 'budget', encoding: 'utf-8', unit: 'kr', sign: 'costs-positive', areas: ['1461'], rows: { read: 1, used: 1, rejected: 0, ignored: 0 } },
  ],
  quality: [qualityRow({ sources: [{ file: 'data/kvalitet.csv' }] })],
  budget: [budgetRow(), budgetRow({ area: '1461' })],
  ...over,
});

describe('a brief says what a committee asks', () => {
  it('opens with the date its figures are as of', () => {
    expect(buildBrief(twoMembers(), '1460', sv).asOf).toBe('Siffrorna gäller ekonomin till och med 31 oktober 2025 och kvaliteten 2025.');
    expect(buildBrief(twoMembers(), '1461', { ...sv, lang: 'en' }).asOf).toBe('Figures as of 31 October 2025 for the budget.');
  });
  it('says when it was made as a date and time, not as ISO text, and only when asked', () => {
    expect(buildBrief(twoMembers({ generatedAt: '2025-11-05T08:00:00.000Z' }), '1460', sv).generated).toBe('Skapad 5 november 2025 kl. 08:00 (UTC)');
    expect(buildBrief(twoMembers({ generatedAt: '2025-11-05T08:00:00.000Z' }), '1460', { ...sv, lang: 'en' }).generated).toBe('Generated 5 November 2025, 08:00 UTC');
    expect(buildBrief(twoMembers(), '1460', sv).generated).toBeNull();
  });
  it('gives the full-year budget, the forecast and how it moved since the month before, in kronor', () => {
    const { head, rows } = buildBrief(twoMembers(), '1460', sv).budget!.body;
    expect(head).toEqual(['Verksamhet', 'Budget hittills i år', 'Utfall hittills i år', 'Avvikelse', 'Budget helår', 'Prognos helår', 'Prognos mot budget', 'Ändring sedan september', 'Status']);
    expect(rows[0]!.map((c) => c.text)).toEqual(['Äldreomsorg', '200,0 mnkr', '204,0 mnkr', '-2,0 %', '240,0 mnkr', '245,0 mnkr', '-5,0 mnkr', '-1,2 mnkr', '✗ röd']);
    // Without a forecast the month before there is no column for it.
    const once = twoMembers({ budget: [budgetRow({ series: [budgetRow().series[1]!] })] });
    expect(buildBrief(once, '1460', sv).budget!.body.head).not.toContain('Ändring sedan september');
  });
  it('says under the budget table what its colours mean, with the report\'s thresholds, and shows no figure of another colour', () => {
    const r = twoMembers({
      settings: { ...report().settings, budgetThresholds: { yellowBelow: -0.5, redBelow: -3 } },
      budget: [budgetRow({ deviationPct: -0.5004, status: 'yellow' }), budgetRow({ activity: 'LSS', deviationPct: -0.04, status: 'green' })],
    });
    const budget = buildBrief(r, '1460', sv).budget!;
    // -0,5004 % is below -0,5: "-0,5 %" would not be; -0,04 % is green here, with one decimal.
    expect(budget.body.rows.map((row) => `${row[0]!.text} ${row[3]!.text} ${row.at(-1)!.text}`)).toEqual(['Äldreomsorg -0,5004 % ! gul', 'LSS 0,0 % ✓ grön']);
    expect(budget.note).toBe('Status: grön när kostnaderna hittills i år ligger högst 0,5 % över budget, röd när de ligger mer än 3 % över budget, gul däremellan. Färgen avgörs av den exakta avvikelsen; en avvikelse nära en gräns visas därför med fler decimaler.');
    const md = renderBriefMd(buildBrief(r, '1460', sv));
    expect(md).toContain('| Äldreomsorg | 200,0 mnkr | 204,0 mnkr | -0,5004 % |');
    expect(md).toContain('_Status: grön när kostnaderna hittills i år ligger högst 0,5 % över budget, röd när de ligger mer än 3 % över budget, gul däremellan.');
    // The key message says the same figure as the table.
    expect(keyMessages(r, '1460', sv).join('\n')).toContain('ligger 0,5004 % över budget');
  });
  it('marks significant differences and says what the mark means, in procentenheter', () => {
    const r = twoMembers({ quality: [qualityRow({ status: null, change: { from: '2024', fromValue: 80, differencePp: 10, p: 0.001, significant: true } })] });
    const md = renderBriefMd(buildBrief(r, '1460', sv));
    expect(md).toContain('| +10 p.e.\\* |');
    expect(md).toContain('_\\* statistiskt säkerställd skillnad, större än slumpen kan förklara; skillnader utan \\* ligger inom den slumpmässiga osäkerheten. p.e. = procentenheter._');
    expect(md).not.toMatch(/\bpe\b/);
  });
  it('calls unmarked differences chance only where a test was made for each', () => {
    const untested = { from: '2024', fromValue: 80, differencePp: 10, p: null, significant: false };
    const none = twoMembers({ quality: [qualityRow({ n: null, status: null, change: untested })] });
    expect(buildBrief(none, '1460', sv).quality!.note).toBe('p.e. = procentenheter.');
    const some = twoMembers({ quality: [qualityRow({ n: null, status: null, change: untested }), qualityRow({ service: 'Särskilt boende', status: null, change: { ...untested, p: 0.2 } })] });
    expect(buildBrief(some, '1460', sv).quality!.note).toBe('* statistiskt säkerställd skillnad, större än slumpen kan förklara. p.e. = procentenheter.');
  });
  it('says in "Om siffrorna" what the uncertainty, a change and a trend are in plain words, the level from the settings, no method names', () => {
    const r = twoMembers({
      settings: { ...report().settings, alpha: 0.1 },
      quality: [qualityRow({ sources: [{ file: 'data/kvalitet.csv' }], trend: { from: '2016', to: '2025', points: 10, theilSenSlope: 1, mannKendallS: 30, mannKendallP: 0.01, olsSlope: 1, olsSlopeLow: 0.5, olsSlopeHigh: 1.5, r2: 0.6, verdict: 'improving' } })],
    });
    for (const lang of ['sv', 'en'] as const) {
      const text = buildBrief(r, '1460', { ...sv, lang }).method.body.join('\n');
      expect(text).not.toMatch(/wilson|mann|kendall|theil|konfidensintervall|confidence interval|p-värde|p-value|p < |signifikans|tvåproportion|two-proportion/i);
    }
    const text = buildBrief(r, '1460', sv).method.body.join('\n');
    expect(text).toContain('Osäkerhet är det spann som det verkliga värdet med 95 procents säkerhet ligger inom, med tanke på hur många som svarat: ju färre svar, desto bredare spann.');
    expect(text).toContain('En skillnad mot förra mätningen räknas som säkerställd bara när den är så stor att den av en slump skulle uppstå i färre än 10 fall av 100 om inget egentligen hade ändrats; andra skillnader kan vara slump.');
    expect(text).toContain('En trend (förbättras eller försämras) kräver minst fem år där värdena rört sig åt samma håll så tydligt att det knappast är en slump');
  });
  it('names sources by file name, only those it draws on, and no sign convention', () => {
    const body = buildBrief(twoMembers(), '1460', sv).method.body;
    expect(body).toContain('Källor: kvalitet.csv, budget-bengtsfors.csv.');
    const text = body.join('\n');
    expect(text).not.toMatch(/data\/|budget-mellerud|teckenkonvention|kostnader negativa|kostnader positiva/);
    expect(text).toContain('Avvikelse mot budget: plus betyder lägre kostnader än budgeterat, minus högre.');
  });
  it('says in "Om siffrorna" only what applies: no survey or budget note where there is none, Kolada credit only for Kolada files', () => {
    const budgetOnly = twoMembers({ quality: [], attribution: ['Källa: Kolada (RKA), CC BY 4.0'] });
    const text = buildBrief(budgetOnly, '1461', sv).method.body.join('\n');
    expect(text).not.toMatch(/Andel positiva svar|konfidensintervall|trend|Kolada/);
    const qualityOnly = twoMembers({ budget: [] });
    const q = buildBrief(qualityOnly, '1460', sv).method.body.join('\n');
    expect(q).toContain('Andel positiva svar');
    expect(q).not.toContain('Avvikelse');
  });
  it('explains p.e. only under differences printed in it', () => {
    const days = twoMembers({ indicators: [{ ...report().indicators[0]!, unit: 'days' }], quality: [qualityRow({ n: null, low: null, high: null, status: null, change: { from: '2024', fromValue: 88, differencePp: 2, p: null, significant: false } })] });
    expect(buildBrief(days, '1460', sv).quality!.note).toBeUndefined();
    const shares = twoMembers({ quality: [qualityRow({ n: null, low: null, high: null, status: null, change: { from: '2024', fromValue: 88, differencePp: 2, p: null, significant: false } })] });
    expect(buildBrief(shares, '1460', sv).quality!.note).toBe('p.e. = procentenheter.');
  });
  it('says under the quality table what its status colours mean, naming the target only where one is set, and what a dot in a series is', () => {
    const withTarget = twoMembers({ indicators: [{ ...report().indicators[0]!, target: 90 }] });
    expect(buildBrief(withTarget, '1460', sv).quality!.note).toBe('Status: röd när värdet försämras över tid eller är statistiskt säkerställt sämre än riket; gul när det har försämrats statistiskt säkerställt sedan förra mätningen eller ligger under nämndens mål; grön annars.');
    const noTarget = twoMembers({ indicators: [{ ...report().indicators[0]!, target: null }] });
    expect(buildBrief(noTarget, '1460', { ...sv, lang: 'en' }).quality!.note).toBe('Status: red when the value is worsening over time or significantly worse than the national level; yellow when it worsened significantly since the previous survey; green otherwise.');
    // No row with a status: no legend of colours.
    expect(buildBrief(twoMembers({ quality: [qualityRow({ status: null })] }), '1460', sv).quality!.note).toBeUndefined();
    // A year without a figure in the series: its dot is explained.
    const gap = twoMembers({ quality: ['2022', '2023', '2024', '2025'].map((period, k) => qualityRow({ period, status: null, value: k === 1 ? null : 80 + k, suppressed: k === 1 })) });
    const brief = buildBrief(gap, '1460', sv).quality!;
    expect(brief.body.rows[0]!.at(-1)!.text).toContain('·');
    expect(brief.note).toBe('En punkt (·) i serien är ett år utan redovisat värde (saknas eller dolt).');
  });
  it('names in its title only what it has', () => {
    expect(buildBrief(twoMembers({ quality: [] }), '1460', sv).title).toBe('Bengtsfors (1460) – uppföljning: budget efter oktober 2025');
    expect(buildBrief(twoMembers({ budget: [] }), '1460', sv).title).toBe('Bengtsfors (1460) – uppföljning: kvalitet 2025');
    expect(buildBrief(twoMembers(), '1460', sv).title).toBe('Bengtsfors (1460) – uppföljning: kvalitet 2025, budget efter oktober 2025');
  });
  it('gives a change in the budget table that rounds to 0,0 mnkr in tkr', () => {
    const r = twoMembers({ budget: [budgetRow({ series: [{ ...budgetRow().series[0]!, forecast: 245_019_000 }, budgetRow().series[1]!] })] });
    const row = buildBrief(r, '1460', sv).budget!.body.rows[0]!.map((c) => c.text);
    expect(row.at(-2)).toBe('+19 tkr');
  });
  it('credits Kolada in the brief\'s language', () => {
    const kolada = twoMembers({ attribution: ['Källa: Kolada (RKA), CC BY 4.0'] });
    kolada.inputs[0] = { ...kolada.inputs[0]!, format: 'kolada-csv' };
    expect(buildBrief(kolada, '1460', { ...sv, lang: 'en' }).method.body).toContain('Source: Kolada (RKA), CC BY 4.0');
    expect(buildBrief(kolada, '1460', sv).method.body).toContain('Källa: Kolada (RKA), CC BY 4.0');
  });
  it('lists findings of its own files and of files no brief draws on, by file name, not those of other areas\' files', () => {
    const finding = (file: string, code: string) => ({ code, severity: 'warning' as const, file, message: 'm' });
    const r = twoMembers({ findings: [finding('data/budget-mellerud.csv', 'unit-assumed'), finding('data/budget-bengtsfors.csv', 'sign-mixed'), finding('data/okänd.csv', 'file-empty')] });
    const notes = buildBrief(r, '1460', sv).method.body;
    expect(notes).toContain('budget-bengtsfors.csv: Beloppen har blandade tecken; tecknet för kostnader antogs och kan vara fel.');
    expect(notes).toContain('okänd.csv: Filen är tom.');
    expect(notes.join('\n')).not.toContain('mellerud');
  });
  it('says a service is left out of quality beside cost only in the brief of the area it is left out for', () => {
    const finding = { code: 'beside-cost-no-headline', severity: 'warning' as const, file: '(config)', message: 'm' };
    const r = twoMembers({ findings: [finding], qualityBesideCostLeftOut: [{ area: '1461', service: 'Särskilt boende', indicator: 'helhetssyn' }] });
    const note = 'visas inte i Kvalitet bredvid kostnad';
    expect(buildBrief(r, '1461', sv).method.body.join('\n')).toContain(note);
    expect(buildBrief(r, '1460', sv).method.body.join('\n')).not.toContain(note);
    expect(buildBrief(r, '1460', { ...sv, lang: 'en' }).method.body.join('\n')).not.toContain('not shown in Quality beside cost');
  });
  it('says why a status is not green, with the committee\'s target where set', () => {
    const r = (target: number | null, over = {}) => twoMembers({ indicators: [{ ...report().indicators[0]!, target }], quality: [qualityRow({ value: 88.3, status: 'yellow', ...over })] });
    expect(statusWhy(r(90), r(90).quality[0]!, 'sv')).toBe('under nämndens mål på 90 %');
    const statusCell = (rep: ReturnType<typeof r>) => buildBrief(rep, '1460', sv).quality!.body.rows[0]!.at(-2)!.text;
    expect(statusCell(r(90))).toBe('! gul: under nämndens mål på 90 %');
    expect(statusCell(r(85, { status: 'green' }))).toBe('✓ grön (mål 85 %)');
    const worse = r(85, { status: 'red', trend: { from: '2016', to: '2025', points: 10, theilSenSlope: -1, mannKendallS: -20, mannKendallP: 0.01, olsSlope: -1, olsSlopeLow: -2, olsSlopeHigh: -0.5, r2: 0.6, verdict: 'worsening' } });
    expect(statusCell(worse)).toBe('✗ röd: försämras över tid (mål 85 %)');
    const fell = r(null, { change: { from: '2024', fromValue: 95, differencePp: -6.7, p: 0.01, significant: true } });
    expect(statusCell(fell)).toBe('! gul: statistiskt säkerställd försämring sedan 2024');
  });
});

describe('how the forecast moved since the month before', () => {
  const month = (period: string, forecast: number) => ({ period, actualYtd: 1, budgetYtd: 1, forecast });
  const change = (r: ReturnType<typeof report>) => {
    const body = buildBrief(r, '1460', sv).budget!.body;
    const at = body.head.findIndex((h) => h.startsWith('Ändring sedan'));
    return { head: body.head[at], cells: body.rows.map((row) => `${row[0]!.text}: ${at < 0 ? '-' : row[at]!.text}`) };
  };

  it('is empty for a line without a forecast the month before (not a change since an earlier month), and for the total over it', () => {
    // Elderly care has January, February and April (no March); LSS every month.
    const care = budgetRow({ period: '2025-04', forecast: 181_000_000, series: [month('2025-01', 181_000_000), month('2025-02', 181_000_000), month('2025-04', 181_000_000)] });
    const lss = budgetRow({ activity: 'LSS', period: '2025-04', forecast: 71_000_000, series: [month('2025-01', 70_000_000), month('2025-02', 70_500_000), month('2025-03', 70_800_000), month('2025-04', 71_000_000)] });
    const total = budgetRow({ activity: 'Totalt', total: true, period: '2025-04', forecast: 252_000_000, series: [month('2025-01', 251_000_000), month('2025-02', 251_500_000), month('2025-04', 252_000_000)] });
    const r = report({ quality: [], period: { survey: null, budget: '2025-04' }, budget: [care, lss, total] });
    expect(change(r)).toEqual({ head: 'Ändring sedan mars', cells: ['Äldreomsorg: ', 'LSS: -0,2 mnkr', 'Totalt: '] });
    expect(keyMessages(r, '1460', sv)[0]).not.toContain('sedan');
  });

  it('is not shown under the column\'s month for a line behind the others, which moved since an earlier one', () => {
    const lss = budgetRow({ activity: 'LSS', period: '2025-03', forecast: 70_800_000, series: [month('2025-02', 70_500_000), month('2025-03', 70_800_000)] });
    const behind = budgetRow({ activity: 'Äldreomsorg', period: '2025-02', periodNote: 'behind', forecast: 182_000_000, series: [month('2025-01', 181_000_000), month('2025-02', 182_000_000)] });
    const r = report({ quality: [], period: { survey: null, budget: '2025-03' }, budget: [behind, lss] });
    expect(change(r)).toEqual({ head: 'Ändring sedan februari', cells: ['Äldreomsorg (februari 2025): ', 'LSS: -0,3 mnkr'] });
  });

  it('is since the follow-up before, not the calendar month: April for tertials (April and August), and empty for a line that missed it', () => {
    const care = budgetRow({ period: '2025-08', forecast: 227_000_000, series: [month('2025-04', 226_000_000), month('2025-08', 227_000_000)] });
    const lss = budgetRow({ activity: 'LSS', period: '2025-08', forecast: 66_800_000, series: [month('2025-08', 66_800_000)] });
    const r = report({ quality: [], period: { survey: null, budget: '2025-08' }, budget: [care, lss] });
    expect(change(r)).toEqual({ head: 'Ändring sedan april', cells: ['Äldreomsorg: -1,0 mnkr', 'LSS: '] });
    expect(keyMessages(r, '1460', sv).join(' ')).toContain('prognosen har försämrats med 1,0 mnkr sedan april');
  });

  it('after January there is none: December\'s forecast was another year\'s', () => {
    const jan = budgetRow({ period: '2025-01', forecast: 181_000_000, series: [month('2024-12', 175_000_000), month('2025-01', 181_000_000)] });
    expect(change(report({ quality: [], period: { survey: null, budget: '2025-01' }, budget: [jan] })).head).toBeUndefined();
  });
});

describe('amounts in a brief', () => {
  // Thousands are grouped with a no-break space (sv-SE); written as spaces here.
  const plain = (t: string) => t.replace(/\u00A0/g, ' ');
  const amounts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => plain(c.text)).filter((t) => /kr$/.test(t)));
  // Elderly care's forecast moved 1,2 mnkr since September, LSS's 25 tkr.
  const lss = budgetRow({ activity: 'LSS', series: [{ ...budgetRow().series[0]!, forecast: 244_975_000 }, budgetRow().series[1]!] });
  const r = report({ quality: [], budget: [budgetRow(), lss] });

  it('are in one unit down a column: tkr all the way when mnkr would show one of them as 0,0', () => {
    const { head, rows } = buildBrief(r, '1460', sv).budget!.body;
    const change = head.indexOf('Ändring sedan september');
    expect(rows.map((row) => plain(row[change]!.text))).toEqual(['-1 200 tkr', '-25 tkr']);
    // The other columns are all mnkr.
    expect(rows.map((row) => row[1]!.text)).toEqual(['200,0 mnkr', '200,0 mnkr']);
  });

  it('are all in the unit --amount-unit gives (briefUnit), tables and sentences', () => {
    const tkr = { ...sv, briefUnit: 'tkr' as const };
    expect(amounts(buildBrief(r, '1460', tkr).budget!.body.rows)).toEqual([
      ['200 000 tkr', '204 000 tkr', '240 000 tkr', '245 000 tkr', '-5 000 tkr', '-1 200 tkr'],
      ['200 000 tkr', '204 000 tkr', '240 000 tkr', '245 000 tkr', '-5 000 tkr', '-25 tkr'],
    ]);
    expect(plain(keyMessages(r, '1460', tkr).join(' '))).toContain('prognosen pekar på ett underskott på 5 000 tkr (prognos 245 000 tkr mot budget 240 000 tkr för helåret); prognosen har försämrats med 1 200 tkr sedan september');
    expect(renderBriefMd(buildBrief(r, '1460', tkr))).not.toContain('mnkr');
  });
});

describe('the shared costs\' split in a brief', () => {
  const allocation = (method: string, equalPercent: number | null) => ({
    method, period: '2025-10', equalPercent, populationYear: '2024', usageYear: '2023', totals: { budgetYear: 2000, actualYtd: 1500, forecast: 2100 },
    members: [
      { area: '1460', sharePct: 60, budgetYear: 1200, actualYtd: 900, forecast: 1260, population: 600, actualPerInhabitant: 1.5, usageMeasure: 'brukare', fairShareGap: 150 },
      { area: '1461', sharePct: 40, budgetYear: 800, actualYtd: 600, forecast: 840, population: 400, actualPerInhabitant: 1.5, usageMeasure: 'brukare', fairShareGap: -150 },
    ],
  });
  const org = (a: ReturnType<typeof allocation>) => ({ ...report(), allocation: a, organisation: { ...report().organisation, code: 'BM' }, areas: [...report().areas, { code: 'BM', name: 'BM', kind: 'organisation', member: false }] }) as never;
  it('says how the costs are split: the key, its equal part, and the years of the figures it uses', () => {
    const note = (method: string, equal: number | null, lang: 'sv' | 'en' = 'sv') => buildBrief(org(allocation(method, equal)), 'BM', { ...sv, lang }).allocation?.note;
    expect(note('mixed', 30)).toBe('Kostnaderna fördelas 30 % lika, resten efter befolkningen 2024.');
    expect(note('population', null)).toBe('Kostnaderna fördelas efter befolkningen 2024.');
    expect(note('usage', null)).toBe('Kostnaderna fördelas efter nyttjandet (brukare) 2023. Per invånare med befolkningen 2024.');
    expect(note('fixed', null, 'en')).toBe("The costs are split by the agreement's fixed shares. Per inhabitant by the population of 2024.");
    expect(renderBriefMd(buildBrief(org(allocation('mixed', 12.5)), 'BM', sv))).toContain('_Kostnaderna fördelas 12,5 % lika, resten efter befolkningen 2024._');
  });
  it('names its month where the shared costs are of another month than the brief\'s budget', () => {
    const heading = (period: string) => buildBrief(org({ ...allocation('population', null), period }), 'BM', sv).allocation?.heading;
    const budget = (report().period.budget)!;
    expect(heading(budget)).toBe('Fördelning av gemensamma kostnader');
    expect(heading('2025-08')).toBe('Fördelning av gemensamma kostnader (augusti 2025)');
  });
});
