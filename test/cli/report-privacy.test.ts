import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, ROOT, tillit } from './run.js';

/**
 * Bengtsfors: 35 women, 45 men and 3 who gave no gender (all 3 positive); Mellerud: 40 women and
 * 20 men. A published file gives Mellerud's men (hidden, n 20) another share. With a minimum of
 * 30, the 3 must not come out as total − women − men, and nothing about a hidden cell may be
 * published in any format.
 */
function example(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-privacy-'));
  const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön'];
  let id = 0;
  const add = (code: string, n: number, positive: number, gender: string) => {
    for (let k = 0; k < n; k++) rows.push(`${++id};${code};2025;Hemtjänst;helhetssyn;${k < positive ? 'Mycket nöjd' : 'Ganska missnöjd'};${gender}`);
  };
  add('1460', 35, 25, 'Kvinna');
  add('1460', 45, 30, 'Man');
  add('1460', 3, 3, '');
  add('1461', 40, 30, 'Kvinna');
  add('1461', 20, 15, 'Man');
  writeFileSync(join(dir, 'svar.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'publicerat.csv'), 'År;Kommun;Verksamhet;Fråga;Kön;Antal svarande;Andel positiva (%)\n2025;1461;Hemtjänst;helhetssyn;M;20;80,0\n');
  const config = join(dir, 'tillit.config.json');
  writeFileSync(config, JSON.stringify({
    organisation: { name: 'Förbundet', code: 'BM' },
    members: [{ code: '1460', name: 'Bengtsfors', population: { '2025': 9000 } }, { code: '1461', name: 'Mellerud', population: { '2025': 9000 } }],
    allocation: { method: 'population' },
    inputs: [{ path: 'svar.csv' }, { path: 'publicerat.csv' }],
    survey: { minRespondents: 30 },
  }));
  return { dir, config };
}

const REASONS = /below-threshold|secondary|skydd|protection|n < \d|n &lt; \d|n \\< \d/;

interface Row { area: string; indicator: string; service: string; period: string; gender: string; value: number | null; n: number | null; low: number | null; high: number | null; suppressed: boolean; sources: object[] }

describe('tillit report publishes nothing about a hidden cell, in any format', () => {
  const { config } = example();
  const run = (...args: string[]) => tillit(['report', '--config', config, ...args]);

  it('json: one label, no figures, no lines; 3 people with no gender hide the women beside them', async () => {
    const r = await run('--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(REASONS);
    const report = JSON.parse(r.stdout) as { quality: Row[]; findings: { code: string; file: string; line?: number; message: string }[] };
    const row = (area: string, gender: string) => report.quality.find((q) => q.area === area && q.gender === gender)!;
    // Women (35) and men (45) are both above 30, but 83 − 35 − 45 would give the 3 away.
    expect(row('1460', 'T')).toMatchObject({ n: 83, suppressed: false });
    expect([row('1460', 'K').suppressed, row('1460', 'M').suppressed]).toEqual([true, false]);
    expect(row('1461', 'M').suppressed).toBe(true);
    for (const q of report.quality) {
      for (const s of q.sources) expect(Object.keys(s)).toEqual(['file']);
      if (q.suppressed) expect([q.value, q.n, q.low, q.high]).toEqual([null, null, null, null]);
    }
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain('gender-unknown-residual');
    const disagreement = report.findings.find((f) => f.code === 'source-disagreement-hidden')!;
    expect(disagreement).toMatchObject({ file: expect.stringMatching(/publicerat\.csv$/) });
    expect(disagreement.line).toBeUndefined();
    expect(disagreement.message).toMatch(/^1461 \/ helhetssyn \/ Hemtjänst \/ M \/ 2025: /);
    expect(disagreement.message).not.toMatch(/\d+[.,]\d|\(n \d/);
    expect(codes).not.toContain('source-disagreement');
  });

  it('csv: hidden rows say true and nothing else; sources are file names', async () => {
    const r = await run('--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(REASONS);
    expect(r.stdout).not.toMatch(/\.csv:\d/);
    const lines = r.stdout.trim().split('\r\n').map((l) => l.split(','));
    const head = lines[0]!;
    const col = (name: string) => head.indexOf(name);
    const hidden = lines.filter((l) => l[0] === 'quality' && l[col('suppressed')] === 'true');
    expect(hidden.map((l) => `${l[col('area')]} ${l[col('gender')]}`)).toEqual(expect.arrayContaining(['1460 K', '1461 M']));
    for (const l of hidden) expect([l[col('value')], l[col('n')], l[col('ci_low')], l[col('ci_high')]]).toEqual(['', '', '', '']);
  });

  it('md and table, in Swedish and English: "dold" / "hidden", never why', async () => {
    for (const [lang, label] of [['sv', 'dold'], ['en', 'hidden']] as const) {
      // The hidden cells here are rows by gender, folded under their total unless --genders.
      const table = await run('--lang', lang, '--genders');
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(`– ${label} `);
      expect(table.stdout).not.toMatch(REASONS);
      const md = await run('--format', 'md', '--lang', lang);
      expect(md.code).toBe(0);
      expect(md.stdout).not.toMatch(REASONS);
      expect(md.stdout).toContain(lang === 'sv' ? 'Alla sådana står som "dold", utan skäl' : 'All of them read "hidden", with no reason');
    }
  });
});

describe('runs with --gender publish the same cells as the run without (an attacker reads them all)', () => {
  const { config } = example();
  const quality = async (...args: string[]) => {
    const r = await tillit(['report', '--config', config, '--format', 'json', ...args]);
    expect(r.code).toBe(0);
    return { r, quality: (JSON.parse(r.stdout) as { quality: Row[] }).quality };
  };
  it('a file of answers or survey counts is read for every gender whatever is asked, and stderr says so', async () => {
    const all = await quality();
    for (const gender of ['K', 'M', 'T']) {
      const one = await quality('--gender', gender);
      // Suppressed per run, one gender's respondents hid other cells: M's run showed a cell the
      // full run hid, and the two together gave away three respondents.
      expect(one.quality).toEqual(all.quality);
      expect(one.r.stderr).toContain(`svar.csv: warning gender-not-applied: --gender ${gender} does not apply to a file with respondent counts (answers, survey counts, values with n, a count of respondents such as "Antal svarande")`);
      expect(one.r.stderr).toMatch(/×2 \S*svar.csv: warning gender-not-applied: .* \(and 1 more like it\)/);
    }
    expect(all.r.stderr).not.toContain('gender-not-applied');
  }, 30_000);
  it('a saved Kolada response with a count of respondents is read for every gender too: --gender K showed the women\'s 79,5 % of 88 beside the default run\'s 80 % of 100 (the men: 12, 10 positive)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-kolada-gender-'));
    const entry = (kpi: string, t: number, k: number, m: number) => ({ kpi, municipality: '1460', period: 2024, values: [['T', t], ['K', k], ['M', m]].map(([gender, value]) => ({ gender, value, count: 1, status: '' })) });
    writeFileSync(join(dir, 'k.json'), JSON.stringify({ count: 2, values: [entry('U30452', 80, 79.5, 83.3), entry('U30901', 100, 88, 12)] }));
    const shown = async (...args: string[]) => {
      const r = await tillit(['report', 'k.json', '--format', 'json', ...args], { cwd: dir });
      expect(r.code).toBe(0);
      return { r, shown: (JSON.parse(r.stdout) as { quality: Row[] }).quality.filter((q) => q.indicator === 'U30452' && !q.suppressed).map((q) => `${q.gender} ${q.value}`) };
    };
    expect((await shown()).shown).toEqual(['T 80']);
    const women = await shown('--gender', 'K');
    expect(women.shown).toEqual(['T 80']);
    expect(women.r.stderr).toContain('k.json: warning gender-not-applied: --gender K does not apply to a file with respondent counts');
  }, 30_000);
});

describe('a report with the organisation\'s config and one of the same files without it hide the same cells of each municipality (an attacker reads both)', () => {
  const hiddenOf = async (args: string[], cwd: string) => {
    const r = await tillit(['report', ...args, '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { quality: Row[] }).quality.filter((q) => /^\d{4}$/.test(q.area));
    return { rows: rows.length, hidden: rows.filter((q) => q.suppressed).map((q) => `${q.area} ${q.indicator} ${q.service} ${q.gender} ${q.period}`).sort() };
  };
  it('the bundled example: the organisation\'s figure is hidden where its members\' relation would give a hidden one away, not a member\'s', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'tillit-plain-'));
    for (const file of ['kvalitet-2016-2025.csv', 'svar-2025.csv']) writeFileSync(join(plain, file), readFileSync(join(ROOT, 'fixtures/bengtsfors-mellerud', file)));
    const withConfig = await hiddenOf(['--config', join(ROOT, CONFIG)], ROOT);
    const without = await hiddenOf(['kvalitet-2016-2025.csv', 'svar-2025.csv'], plain);
    expect(withConfig.rows).toBe(without.rows);
    expect(without.hidden.length).toBeGreaterThan(10);
    // At the session's start the config's run hid three more: Bengtsfors' 2018 and Mellerud's 2025
    // home-care genders, shown without it; the organisation's figure beside them gave them away.
    expect(withConfig.hidden).toEqual(without.hidden);
  }, 30_000);
  it('the organisation\'s figures by gender do not give a member\'s no-gender respondents away (a helper\'s attack: 91 − 68 = 23)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-residual-'));
    const head = 'År;Kommun;Verksamhet;Fråga;Kön;Antal svarande;Andel positiva (%)';
    const cells = [['1460', 'T', 112, '53,6'], ['1460', 'K', 68, '29,4'], ['1460', 'M', 11, '90,9'], ['1461', 'T', 55, '34,5'], ['1461', 'K', 23, '34,8'], ['1461', 'M', 32, '34,4']];
    writeFileSync(join(dir, 'k.csv'), `${head}\n${cells.map(([a, g, n, v]) => `2025;${a};Hemtjänst;helhetssyn;${g};${n};${v}`).join('\n')}\n`);
    // Organisation K and M shown would make Bengtsfors' 33 of no gender known, and its 11 men
    // with them: its women (68, shown without the config) were hidden, and 91 − 68 gave Mellerud's 23.
    writeFileSync(join(dir, 'org.json'), JSON.stringify({ organisation: { name: 'Org', code: 'ORG' }, members: [{ code: '1460' }, { code: '1461' }], inputs: [{ path: 'k.csv' }] }));
    expect((await hiddenOf(['--config', 'org.json'], dir)).hidden).toEqual((await hiddenOf(['k.csv'], dir)).hidden);
    const r = await tillit(['report', '--config', 'org.json', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { quality: Row[] }).quality.filter((q) => q.area === 'ORG' && !q.suppressed).map((q) => q.gender)).toEqual(['T']);
  }, 30_000);
  it('a region beside them: the config\'s run hides the region\'s cells as the plain run does too (a reviewer\'s cross-run attack bounded 1461\'s 7 women to at most 22)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-cross-'));
    const cells = ['1460;T;11;18,181818', '1460;M;10;20,000000', '1461;T;31;51,612903', '1461;K;7;42,857143', '1461;M;24;54,166667', '1462;T;135;44,444444', '1462;K;82;70,731707', '1462;M;47;0,000000', '14;T;399;27,067669', '14;K;147;41,496599', '14;M;243;17,695473'];
    writeFileSync(join(dir, 'd.csv'), `Kommun;År;Fråga;Verksamhet;Kön;Antal svarande;Andel\n${cells.map((c) => { const [a, g, n, v] = c.split(';'); return `${a};2024;Helhet;Hemtjänst;${g};${n};${v}`; }).join('\n')}\n`);
    writeFileSync(join(dir, 'plain.json'), JSON.stringify({ survey: { minRespondents: 30 }, inputs: [{ path: 'd.csv' }] }));
    writeFileSync(join(dir, 'org.json'), JSON.stringify({ members: [{ code: '1461' }, { code: '1462' }], survey: { minRespondents: 30 }, inputs: [{ path: 'd.csv' }] }));
    const published = async (config: string) => (JSON.parse((await tillit(['report', '--config', config, '--format', 'json'], { cwd: dir })).stdout) as { quality: Row[] }).quality.map((q) => `${q.area} ${q.gender} ${q.suppressed ? 'dold' : q.n}`).sort();
    const [plain, org] = [await published('plain.json'), await published('org.json')];
    // Before: the config's run hid 1461's total (31) and showed the region's men (243), the plain run the other way round.
    expect(plain).toEqual(['1460 M dold', '1460 T dold', '1461 K dold', '1461 M dold', '1461 T 31', '14 K dold', '14 M dold', '14 T 399', '1462 K 82', '1462 M dold', '1462 T 135'].sort());
    expect(org.filter((c) => !/^[A-Z]/.test(c))).toEqual(plain);
    // The organisation's total is its members' shown totals added up (166 = 31 + 135); its genders are not.
    expect(org.filter((c) => /^[A-Z]/.test(c))).toEqual(expect.arrayContaining([expect.stringMatching(/ T 166$/), expect.stringMatching(/ K dold$/), expect.stringMatching(/ M dold$/)]));
  }, 30_000);
  it('a kommunalförbund\'s own rows and the organisation\'s own rounded row add nothing beside the plain run (a helper\'s attacks)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-cross2-'));
    const published = async (config: object, rows: string[]) => {
      writeFileSync(join(dir, 'd.csv'), `Kommun;År;Fråga;Verksamhet;Kön;Antal svarande;Andel\n${rows.map((c) => { const [a, g, n, v] = c.split(';'); return `${a};2024;Helhet;Hemtjänst;${g};${n};${v}`; }).join('\n')}\n`);
      writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...config, survey: { minRespondents: 30 }, inputs: [{ path: 'd.csv' }] }));
      return (JSON.parse((await tillit(['report', '--config', 'c.json', '--format', 'json'], { cwd: dir })).stdout) as { quality: Row[] }).quality.filter((q) => !q.suppressed).map((q) => `${q.area} ${q.gender}`).sort();
    };
    // Riket 500 less the kommunalförbund's 400 and its women 300 less 220 left 1462's 10 men at most 20.
    const kf = ['1462;M;10;20,0', '0000;T;500;38,4', '0000;K;300;31,7', 'KF1;T;400;36,3', 'KF1;K;220;25,0'];
    expect(await published({}, kf)).toEqual(['0000 K', '0000 T']);
    expect(await published({ members: [{ code: 'KF1', kind: 'kommunalförbund', name: 'Förbundet', contains: ['1460', '1461'] }] }, kf)).toEqual(['0000 T']);
    // 15 % of 60 and 43 % of 115 beside the organisation's own 34 % of 175 and the region's 28 % of 210: 1462's 10 had no positive answer.
    const own = ['1460;T;60;15', '1461;T;115;43', '1462;T;10;0', '14;T;210;28', 'Gemensamt;T;175;34'];
    expect(await published({ organisation: { name: 'X', code: 'X', aliases: ['Gemensamt'] }, members: [{ code: '1460' }, { code: '1461' }] }, own)).toEqual(['14 T', '1460 T', '1461 T']);
    // 105 beside 50 + 50: 5 respondents no member's row holds, and their positive answers.
    const more = ['1460;T;50;60', '1461;T;50;70', 'Gemensamt;T;105;66'];
    expect(await published({ organisation: { name: 'X', code: 'X', aliases: ['Gemensamt'] }, members: [{ code: '1460' }, { code: '1461' }] }, more)).toEqual(['1460 T', '1461 T']);
  }, 30_000);
  it('two members, one hidden: the organisation\'s total goes, the other member stays (65 − 40 = 25 was Mellerud\'s)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-two-'));
    const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar'];
    for (let k = 0; k < 40; k++) rows.push(`${k + 1};1460;2025;Hemtjänst;helhetssyn;${k < 34 ? 'Mycket nöjd' : 'Ganska missnöjd'}`);
    for (let k = 0; k < 25; k++) rows.push(`${k + 100};1461;2025;Hemtjänst;helhetssyn;${k < 20 ? 'Mycket nöjd' : 'Ganska missnöjd'}`);
    writeFileSync(join(dir, 'svar.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'org.json'), JSON.stringify({ organisation: { name: 'Gemensam nämnd', code: 'GN' }, members: [{ code: '1460' }, { code: '1461' }], inputs: [{ path: 'svar.csv' }] }));
    const r = await tillit(['report', '--config', 'org.json', '--format', 'json'], { cwd: dir });
    const shown = (JSON.parse(r.stdout) as { quality: Row[] }).quality.filter((q) => !q.suppressed).map((q) => `${q.area} ${q.n}`);
    expect(shown).toEqual(['1460 40']);
    expect((await hiddenOf(['svar.csv'], dir)).hidden).toEqual(['1461 helhetssyn Hemtjänst T 2025']);
  }, 30_000);
});

describe('what a report says of rows it leaves out gives no hidden figure away (a helper\'s attacks on side channels)', () => {
  it('a survey row rejected for its n as written ("12*"): neither stderr nor the JSON quotes it, else 100 − 12 gave the hidden women', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-received-'));
    writeFileSync(join(dir, 'k.csv'), 'År;Kommun;Verksamhet;Fråga;Kön;Antal svarande;Andel positiva (%)\n2025;1460;Hemtjänst;helhetssyn;T;100;80,0\n2025;1460;Hemtjänst;helhetssyn;K;88;85,2\n2025;1460;Hemtjänst;helhetssyn;M;12*;41,7*\n');
    const r = await tillit(['report', 'k.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { quality: Row[]; findings: { code: string; line?: number; column?: number; received?: string }[] };
    expect(report.quality.filter((q) => !q.suppressed).map((q) => `${q.gender} ${q.n}`)).toEqual(['T 100']);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(/12\*|41,7\*/);
    // Where it is stays: a line of an aggregated file is a cell, not a person.
    expect(report.findings.filter((f) => f.code === 'value-number-invalid').map((f) => `${f.line}:${f.column} ${f.received}`)).toEqual(['4:6 undefined', '4:7 undefined']);
    expect(r.stderr).toContain('k.csv:4:6: error value-number-invalid: n: not a number in this file\'s format (decimal mark \',\'; digits grouped in threes): it looks like a publisher\'s mark for a hidden or uncertain figure (a "<" or "*" beside a number, or an "x"), which no report may read as a number; give the number, or leave the cell empty or ".." for a gap (the text is left out of the report: tillit validate gives it)');
    expect((await tillit(['validate', 'k.csv'], { cwd: dir })).stdout).toContain('(received "12*")');
  });
  it('a rejected answer in a file of answers: stderr names no line (lines 2–101 were 1460\'s 100, so line 109 bounded 1461\'s hidden women)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-lines-'));
    const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön'];
    let id = 0;
    const add = (code: string, n: number, gender: string, answer = 'Mycket nöjd') => { for (let k = 0; k < n; k++) rows.push(`${++id};${code};2025;Hemtjänst;helhetssyn;${k === 1 ? answer : 'Mycket nöjd'};${gender}`); };
    add('1460', 55, 'Kvinna');
    add('1460', 45, 'Man');
    add('1461', 7, 'Kvinna');
    add('1461', 5, 'Man', 'Jättebra');
    writeFileSync(join(dir, 'svar.csv'), `${rows.join('\n')}\n`);
    const r = await tillit(['report', 'svar.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('  svar.csv: error answer-unknown: answer is not on a known scale;');
    expect(r.stderr).toContain('(a report names no line of a file of answers: tillit validate gives it)');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/svar\.csv:\d|Jättebra|"line"/);
    expect((await tillit(['validate', 'svar.csv'], { cwd: dir })).stdout).toContain('line 110, column 6: answer is not on a known scale');
  });
  it('tillit init writes no row count of a file of answers into the config (112 − 100 was the hidden 12)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-init-counts-'));
    const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar'];
    for (let k = 0; k < 112; k++) rows.push(`${k + 1};${k < 100 ? '1460' : '1461'};2025;Hemtjänst;helhetssyn;Mycket nöjd`);
    writeFileSync(join(dir, 'svar.csv'), `${rows.join('\n')}\n`);
    const r = await tillit(['init', 'svar.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const config = readFileSync(join(dir, 'tillit.config.json'), 'utf8');
    expect(config).toContain('// answers (csv): rows not counted here (tillit validate counts them), 2025');
    for (const out of [config, r.stdout, r.stderr]) expect(out).not.toMatch(/112|\b12\b/);
  });
  it('a share written as a fraction is named by its own figure only: the others of its series may be hidden (a median of one is that figure)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-fraction-'));
    writeFileSync(join(dir, 'k.csv'), 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2023;1460;Hemtjänst;helhetssyn;12;83,3\n2025;1460;Hemtjänst;helhetssyn;110;0,91\n');
    const r = await tillit(['report', 'k.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning share-fraction-among: 1460 helhetssyn: a share under 1 beside figures of the same area and indicator over ten times as large');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/83[.,]3|\b12\b/);
  });
  it('a file of answers: no count of rejected answers, no line in any message (a reviewer read 114 − 2 − 100 = 12 from "under another table\'s header (line 114)")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-answer-lines-'));
    const rows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar'];
    for (let k = 0; k < 100; k++) rows.push(`${k + 1};1460;2025;Hemtjänst;helhetssyn;Mycket nöjd`);
    for (let k = 0; k < 12; k++) rows.push(`${k + 200};1461;2025;Hemtjänst;helhetssyn;Jättebra`);
    rows.push('Löpnummer;Kommun;År;Enhet;Fråga;Svar', '300;1460;2025;Hemtjänst;helhetssyn;Mycket nöjd');
    writeFileSync(join(dir, 'svar.csv'), `${rows.join('\n')}\n`);
    const r = await tillit(['report', 'svar.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const findings = JSON.stringify((JSON.parse(r.stdout) as { findings: object[] }).findings);
    for (const out of [findings, r.stderr]) expect(out).not.toMatch(/\b(1[01][0-9]|12)\b|"line"/);
    expect(r.stderr).toContain('tillit: input rows rejected and left out of the report (rows of answers are not counted here: tillit validate counts them):');
    // Each kind of error once, however many answers it rejected.
    expect(r.stderr.match(/error answer-unknown/g)).toHaveLength(1);
    expect(r.stderr).toContain('error row-under-other-header: under another table\'s header (row-other-header, above): not read as this table\'s row');
  });
  it('two files disagreeing on shown cells: the figures set aside are not quoted (112 − 56 − 44 gave the second file\'s 12 of no gender, a helper\'s attack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-aside-'));
    const head = 'År;Kommun;Verksamhet;Fråga;Kön;Antal svarande;Antal positiva';
    writeFileSync(join(dir, 'a.csv'), `${head}\n2025;1460;Hemtjänst;helhetssyn;T;100;80\n2025;1460;Hemtjänst;helhetssyn;K;55;45\n2025;1460;Hemtjänst;helhetssyn;M;45;35\n`);
    writeFileSync(join(dir, 'b.csv'), `${head}\n2025;1460;Hemtjänst;helhetssyn;T;112;82\n2025;1460;Hemtjänst;helhetssyn;K;56;46\n2025;1460;Hemtjänst;helhetssyn;M;44;34\n`);
    const r = await tillit(['report', 'a.csv', 'b.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(/\b(112|56|44)\b|73[.,]21|82[.,]14|77[.,]27/);
    expect(r.stderr).toContain('b.csv:2: warning source-disagreement: 1460 / helhetssyn / Hemtjänst / T / 2025: the figure here differs from the one in a.csv, which is used');
  });
  it('a kommunalförbund\'s window less its members\' years gave a member\'s blanked year (505 − 300 − 186 = 19, a helper\'s attack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-kf-window-'));
    const rows = ['2016;1460;T;;7', '2017;1460;T;60;50', '2018;1460;T;62;51', '2019;1460;T;64;52', '2016-2019;1461;T;300;250', '2016-2019;SOT;T;505;410', '2016-2019;1462;T;300;250'];
    writeFileSync(join(dir, 'a.csv'), `År;Kommun;Kön;Antal svarande;Antal positiva\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ organisation: { name: 'Test', code: 'BM' }, members: [{ code: 'SOT', name: 'Sotförbundet', kind: 'kommunalförbund', contains: ['1460', '1461'] }, { code: '1462', name: 'Lilla Edet' }], survey: { minRespondents: 30 }, inputs: [{ path: 'a.csv', indicator: 'helhetssyn' }] }));
    const r = await tillit(['report', '--config', 'c.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const shown = (JSON.parse(r.stdout) as { quality: Row[] }).quality.filter((q) => !q.suppressed).map((q) => `${q.area} ${q.period}`);
    expect(shown.filter((k) => k.includes('-'))).toEqual([]);
  });
  it('a share written as a fraction in a file set aside beside another: its finding quotes no share and no n (100 − 56 − 32 = 12, a helper\'s attack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-aside-fraction-'));
    const head = 'År;Kommun;Verksamhet;Fråga;Kön;Antal svarande;Andel positiva (%)';
    writeFileSync(join(dir, 'a.csv'), `${head}\n2025;1460;Hemtjänst;helhetssyn;T;120;80\n2025;1460;Hemtjänst;helhetssyn;K;60;82\n2025;1460;Hemtjänst;helhetssyn;M;60;78\n`);
    writeFileSync(join(dir, 'b.csv'), `${head}\n2025;1460;Hemtjänst;helhetssyn;T;100;0,97\n2025;1460;Hemtjänst;helhetssyn;K;56;0,95\n2025;1460;Hemtjänst;helhetssyn;M;32;0,9\n`);
    const r = await tillit(['report', 'a.csv', 'b.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(/\b(100|56|32)\b|0[.,]97|0[.,]95|0[.,]9\b/);
    expect(r.stderr).toContain("b.csv: warning share-fraction: on a row whose figures the report does not show (a hidden cell's, or set aside for another file's)");
  });
  it('a share beside its respondents given as an indicator of their own (PX-Web\'s "Antal svarande" row) is hidden under the threshold: "50 %" beside "20" named a small group', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-count-row-'));
    writeFileSync(join(dir, 'px.csv'), '"Brukarbedömning hemtjänst efter region, tabellinnehåll och år"\n\n"region";"tabellinnehåll";"2022";"2023"\n"0642 Mullsjö";"Antal svarande";40;20\n"0642 Mullsjö";"Andel positiva, procent";80;50\n"0643 Habo";"Antal svarande";110;105\n"0643 Habo";"Andel positiva, procent";90;91\n');
    for (const format of ['json', 'csv', 'md']) {
      const r = await tillit(['report', 'px.csv', '--format', format], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/\b50([.,]0)?\b/);
      expect(r.stderr).toContain('px.csv: warning n-from-count: "Andel positiva, procent" give no number of respondents of their own: each takes its n from "Antal svarande" in the same file');
    }
    const quality = (JSON.parse((await tillit(['report', 'px.csv', '--format', 'json'], { cwd: dir })).stdout) as { quality: Row[] }).quality;
    const share = quality.filter((q) => q.indicator === 'Andel positiva, procent').map((q) => `${q.area} ${q.period} ${q.suppressed ? 'hidden' : `${q.value} n ${q.n}`}`);
    expect(share).toEqual(['0642 2022 80 n 40', '0642 2023 hidden', '0643 2022 90 n 110', '0643 2023 91 n 105']);
  });
  it('the same share in two files, one without an n read first: the copy with its n (20) is the cell\'s, so it is hidden in either order (a reviewer\'s attack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-n-order-'));
    writeFileSync(join(dir, 'a.csv'), 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2024;1460;Hemtjänst;helhetssyn;20;50\n2024;1461;Hemtjänst;helhetssyn;200;70\n');
    writeFileSync(join(dir, 'b.csv'), 'År;Kommun;Verksamhet;Fråga;Andel positiva (%)\n2024;1460;Hemtjänst;helhetssyn;50\n2024;1461;Hemtjänst;helhetssyn;70\n');
    for (const order of [['a.csv', 'b.csv'], ['b.csv', 'a.csv']]) {
      const r = await tillit(['report', ...order, '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(0);
      const rows = (JSON.parse(r.stdout) as { quality: Row[] }).quality.filter((q) => q.area === '1460');
      expect(rows.map((q) => [q.suppressed, q.value])).toEqual([[true, null]]);
    }
  });
});

describe('a count of respondents in a file of its own rows gives no hidden cell away (a helper\'s attacks)', () => {
  it('a gender\'s share whose count the file gives for all genders only is not shown: 82.8 % and 54.5 % beside 75 % of 40 were 24 of 29 women and 6 of 11 men', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-count-parts-'));
    writeFileSync(join(dir, 'px.csv'), '"Brukarbedömning hemtjänst efter region, kön, tabellinnehåll och år"\n\n"region";"kön";"tabellinnehåll";"2023"\n"0642 Mullsjö";"totalt";"Antal svarande";40\n"0642 Mullsjö";"totalt";"Andel positiva, procent";75\n"0642 Mullsjö";"kvinnor";"Andel positiva, procent";82.8\n"0642 Mullsjö";"män";"Andel positiva, procent";54.5\n');
    for (const format of ['json', 'csv', 'md']) {
      const r = await tillit(['report', 'px.csv', '--format', format], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/82[.,]8|54[.,]5/);
      expect(r.stderr).toContain('warning n-count-missing');
    }
  });
});
