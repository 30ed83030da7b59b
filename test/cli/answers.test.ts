import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, tillit } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tillit-answers-'));
const HEAD = 'Löpnr;Kommun;År;Verksamhet;Fråga;Svar;Kön';

/** A respondent-level file: one row per respondent and answer, numbered from 1. */
function answersFile(name: string, answers: string[], head = HEAD): string {
  const path = join(dir, name);
  const rows = answers.map((a, i) => `${i + 1};1460;2025;Personlig assistans;hjalp;${a};${i % 2 ? 'Man' : 'Kvinna'}`);
  writeFileSync(path, `${[head, ...rows].join('\n')}\n`);
  return path;
}
const repeat = (label: string, n: number) => Array<string>(n).fill(label);
const jaIblandNej = [...repeat('Ja', 128), ...repeat('Ibland', 47), ...repeat('Nej', 25)];
type Row = { area: string; gender: string; value: number | null; n: number | null; incomplete: boolean; suppressed: boolean };
const quality = (stdout: string) => (JSON.parse(stdout) as { quality: Row[] }).quality;

describe('answers read twice are refused, never summed', () => {
  const svar = `${EXAMPLE}/svar-2025.csv`;
  it('the same file named twice (however spelled): exit 2, naming both arguments, nothing written', async () => {
    const r = await tillit(['report', svar, `./${svar}`, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tillit: ${svar} and ${svar} are the same file, named twice as inputs; each is read once or its rows would count twice: name it once\n`);
  });
  it('a copy under another name: exit 2, naming both', async () => {
    const copy = join(dir, 'kopia.csv');
    copyFileSync(join(ROOT, svar), copy);
    const r = await tillit(['report', svar, copy, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tillit: ${svar} and ${copy} are files with identical content, named twice as inputs; each is read once or its rows would count twice: name it once\n`);
    expect((await tillit(['validate', svar, copy])).code).toBe(2);
  });
  it('an identical copy of a file without respondent numbers is refused as well', async () => {
    const a = answersFile('utan-a.csv', jaIblandNej, 'Kommun;År;Verksamhet;Fråga;Svar;Kön'.replace(/^/, 'X;'));
    const b = join(dir, 'utan-b.csv');
    copyFileSync(a, b);
    const r = await tillit(['report', a, b, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('are files with identical content');
  });
  it('rows appended twice with respondent numbers: exit 3, each repeat naming both lines, no report', async () => {
    const once = jaIblandNej.slice(0, 40);
    const path = join(dir, 'dubbel.csv');
    const rows = once.map((a, i) => `${i + 1};1460;2025;Personlig assistans;hjalp;${a};Kvinna`);
    writeFileSync(path, `${[HEAD, ...rows, ...rows.slice(0, 3)].join('\n')}\n`);
    const file = path;
    const r = await tillit(['report', path, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // A report run names no line of a file of answers, even one it refuses: tillit validate does.
    expect(r.stderr).toBe([
      `  ${file}: error answer-repeated: the same respondent answers the same question again (same municipality, year, service, question and respondent number); tillit validate names the lines`,
      'tillit: answers read twice: the same respondent answers the same question more than once (listed above); each would count twice, so no report is written',
      '',
    ].join('\n'));
    const v = await tillit(['validate', path]);
    expect(v.code).toBe(3);
    for (const line of [42, 43, 44]) expect(v.stdout).toContain(`line ${line}: the same respondent answers the same question again (same municipality, year, service, question and respondent number) as at ${file}:${line - 40};`);
  });
  it('across files: rows of one file repeated in another (not a copy) name both files', async () => {
    const a = answersFile('del-a.csv', jaIblandNej.slice(0, 50));
    const b = answersFile('del-b.csv', jaIblandNej.slice(0, 3));
    const r = await tillit(['report', a, b]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`  ${b}: error answer-repeated:`);
    const v = await tillit(['validate', a, b]);
    expect(v.stdout).toContain(`line 2: the same respondent answers the same question again (same municipality, year, service, question and respondent number) as at ${a}:2;`);
    expect(v.stdout.match(/as at /g)).toHaveLength(3);
  });
  it('on several threads the repeats found and named are the same as on one', async () => {
    const path = join(dir, 'stor.csv');
    // ~3.6 MB: the file is cut past the first MiB the reading thread has read before it cuts.
    const rows = Array.from({ length: 80_000 }, (_, i) => `${i + 1};${i % 2 ? '1460' : '1461'};2025;Hemtjänst;q${i % 4};${['Ja', 'Nej', 'Ibland'][i % 3]};Kvinna`);
    // Repeats of rows from the first part, read by the worker, and one within the worker's part.
    writeFileSync(path, `${[HEAD, ...rows, rows[5], rows[79_000], rows[7]].join('\n')}\n`);
    const env = { TILLIT_PARALLEL_MIN_BYTES: '1000' };
    const one = await tillit(['validate', path, '--threads', '1'], { env });
    const two = await tillit(['validate', path, '--threads', '2'], { env });
    expect(one.code).toBe(3);
    expect(two).toEqual(one);
    expect(one.stdout.match(/line (\d+): the same respondent.* as at \S+:(\d+);/g)!.map((m) => m.replace(/^line (\d+):.* as at \S+:(\d+);$/, '$1<$2'))).toEqual(['80002<7', '80003<79002', '80004<9']);
    const report = await tillit(['report', path, '--threads', '2', '--format', 'json'], { env });
    expect(report.code).toBe(3);
    expect(report.stderr).toContain('stor.csv: error answer-repeated:');
  });
});

describe('another table\'s header in a file of answers read on two threads (a reviewer\'s file: the second part read on past it)', () => {
  it('every row under it is rejected on any number of threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-other-'));
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i + 1};1460;2025;Hemtjänst;helhetssyn;${i % 3 ? 'Mycket nöjd' : 'Ganska missnöjd'};Kvinna`);
    const under = Array.from({ length: 30_000 }, (_, i) => `${i + 1};1462;2025;Hemtjänst;helhetssyn;Mycket nöjd;Man`);
    writeFileSync(join(dir, 'svar.csv'), `${[HEAD, ...rows.slice(0, 1000), 'Löpnummer;Kommun;År;Enhet;Fråga;Svar;Kön', ...rows.slice(1000), ...under].join('\n')}\n`);
    const env = { TILLIT_PARALLEL_MIN_BYTES: '1000' };
    const one = await tillit(['report', 'svar.csv', '--threads', '1', '--format', 'json'], { cwd: dir, env });
    const two = await tillit(['report', 'svar.csv', '--threads', '2', '--format', 'json'], { cwd: dir, env });
    expect(two).toEqual(one);
    expect(one.code).toBe(0);
    expect(quality(one.stdout).map((q) => `${q.gender} ${q.n}`)).toEqual(['T 1000', 'K 1000']);
  }, 30_000);
});

describe('answer labels: the common scales are known, and an unknown one never becomes 0 %', () => {
  it('Ja / Ibland / Nej (128/47/25): 64 % of 200, exit 0, nothing on stderr', async () => {
    const r = await tillit(['report', answersFile('ja-nej.csv', jaIblandNej), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(quality(r.stdout).find((q) => q.gender === 'T')).toMatchObject({ value: 64, n: 200, incomplete: false, suppressed: false });
  });
  it('one unknown label in a cell: that cell (and its total) is not published but marked, the run says so; other cells stay', async () => {
    // Row 2 (a man, line 3) answers "Kanske": the men's cell and the total hold it, the women's does not.
    const answers = [...jaIblandNej];
    answers[1] = 'Kanske';
    const path = answersFile('okand.csv', answers);
    const file = path;
    const r = await tillit(['report', path, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe([
      'tillit: input rows rejected and left out of the report (rows of answers are not counted here: tillit validate counts them):',
      // A respondent's line and answer stay out of a report (they would say where a group's rows lie): tillit validate gives them.
      `  ${file}: error answer-unknown: answer is not on a known scale; in the config, add it to survey.positive (a positive answer), survey.other (a valid answer that is not positive) or survey.excluded (a don't-know or not-applicable answer such as "Ingen erfarenhet", left out of the denominator) (a report names no line of a file of answers: tillit validate gives it)`,
      "tillit: 2 warnings (listed in the JSON report's findings and named in the method note of each brief drawing on the file):",
      `  ×2 ${file}: warning cell-incomplete: 1460 / hjalp / Personlig assistans / T / 2025: not published (ofullständig): answers in this cell were rejected, so its share would be wrong (and 1 more like it)`,
      '',
    ].join('\n'));
    const rows = quality(r.stdout);
    expect(rows.map((q) => [q.gender, q.value, q.n, q.incomplete])).toEqual([['T', null, null, true], ['K', 64, 100, false], ['M', null, null, true]]);
    const table = await tillit(['report', path]);
    expect(table.stdout).toContain('– ofullständig (svar avvisade)');
    expect(table.stdout).not.toMatch(/0,0 %/);
    const md = await tillit(['report', path, '--format', 'md']);
    expect(md.stdout).toContain('2 resultat redovisas inte eftersom en del svar i dem inte kunde läsas');
    expect(md.stdout).toContain('| hjalp | Personlig assistans | ofullständig (svar avvisade) |');
    const csv = await tillit(['report', path, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^quality,1460,Bengtsfors,municipality,hjalp,Personlig assistans,T,2025,,,,,false,true,/);
    expect((await tillit(['report', path, '--strict'])).code).toBe(3);
  });
  it('a 1–10 scale: decided from the highest answer, 8–10 positive (24 of 60 = 40 %), and said on stderr', async () => {
    const answers = ['10', '9', '8', '7', '5', '3', '1', '8', '2', '6'];
    const r = await tillit(['report', answersFile('betyg.csv', Array.from({ length: 6 }, () => answers).flat()), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning answer-scale-inferred: question hjalp: numeric answers read as a 1–10 scale, 8–10 positive, because answers go above 7 in the inputs;');
    expect(quality(r.stdout).find((q) => q.gender === 'T')).toMatchObject({ value: 40, n: 60, incomplete: false });
  });
});

describe('numeric answers with a code for "Vet ej" above the scale are read on none, never on a longer one', () => {
  /** A folder with one respondent file of 2024 answers by value (`[value, count]`) and, given a survey list, a config naming it. */
  function numbers(name: string, counts: [number, number][], survey?: Record<string, unknown>): string {
    const folder = mkdtempSync(join(tmpdir(), 'tillit-codes-'));
    const answers = counts.flatMap(([v, n]) => repeat(String(v), n));
    writeFileSync(join(folder, name), `${['Löpnr;Kommun;År;Verksamhet;Fråga;Svar', ...answers.map((a, i) => `${i + 1};0180;2024;Hemtjänst;helhetssyn;${a}`)].join('\n')}\n`);
    if (survey !== undefined) writeFileSync(join(folder, 'tillit.config.json'), JSON.stringify({ inputs: [{ path: name }], survey }));
    return folder;
  }
  const vetEj9: [number, number][] = [[1, 16], [2, 15], [3, 9], [4, 40], [5, 28], [9, 12]];
  it('1–5 and 9 (none of 6–8): not published (it read 10,0 % on 1–10, green), an error names the values and the config; the report, its one cell without a figure, validate and --strict exit 3', async () => {
    const folder = numbers('svar9.csv', vetEj9);
    const path = join(folder, 'svar9.csv');
    const r = await tillit(['report', path, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('every cell has answers rejected (listed above); nothing written');
    expect(r.stderr).toContain(`${path}: error answer-scale-unclear: question helhetssyn: its numeric answers in 2024 are 1–5 and 9: none is 6–8, so 9 stands apart above the 1–5 the others fit, as a code for no answer (such as "Vet ej") after a 1–5 scale would. tillit does not guess whether 9 is an answer: no share of the question is published. In the config, name a code that is no answer under survey.excluded (["9"]), or, if it is an answer, the question's positive answers under survey.questions ({"helhetssyn": {"positive": ["8", "9", "10"]}})`);
    expect(r.stderr).not.toContain('answer-scale-inferred');
    const v = await tillit(['validate', path]);
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('  error answer-scale-unclear ×1\n    line 2: question helhetssyn: its numeric answers in 2024 are 1–5 and 9:');
    expect(v.stdout).toContain('0 of 1 file(s) clean');
    expect((await tillit(['report', path, '--strict'])).code).toBe(3);
  });
  it('with the code declared under survey.excluded: read on 1–5, 68 positive of 108 = 63,0 %', async () => {
    const r = await tillit(['report', '--format', 'json'], { cwd: numbers('svar9.csv', vetEj9, { excluded: ['9'] }) });
    expect(r.code).toBe(0);
    expect(quality(r.stdout).map((q) => [q.gender, q.value, q.n, q.incomplete])).toEqual([['T', 62.963, 108, false]]);
    expect(r.stderr).toContain('warning answer-scale-inferred: question helhetssyn: numeric answers read as a 1–5 scale');
  });
  it('1–5 and 6 (none of 7): not read as 1–7 with 6 its only positive answer; validate exits 3', async () => {
    const folder = numbers('svar6.csv', [[1, 8], [2, 10], [3, 4], [4, 15], [5, 13], [6, 10]]);
    const r = await tillit(['report', join(folder, 'svar6.csv'), '--format', 'json']);
    expect(r.stderr).toContain('error answer-scale-unclear: question helhetssyn: its numeric answers in 2024 are 1–6: 6 is one past the top of 1–5 and none is 7');
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect((await tillit(['validate', join(folder, 'svar6.csv')])).code).toBe(3);
  });
});

describe("the config's answer lists add to the built-in scales, never silently turn them negative", () => {
  /** A folder with a config and two answer files (Ja/Ibland/Nej and Alltid … Aldrig), 2024, one municipality. */
  function survey(list: Record<string, unknown>): string {
    const folder = mkdtempSync(join(tmpdir(), 'tillit-scales-'));
    const file = (name: string, question: string, counts: [string, number][]) => {
      const labels = counts.flatMap(([label, n]) => repeat(label, n));
      writeFileSync(join(folder, name), `${['Kommun;År;Verksamhet;Fråga;Löpnr;Svar', ...labels.map((a, i) => `2080;2024;Hemtjänst;${question};${i + 1};${a}`)].join('\n')}\n`);
    };
    file('jaibland.csv', 'Får du hjälp', [['Ja', 40], ['Ibland', 12], ['Nej', 8], ['Vet ej', 5], ['', 3]]);
    file('alltid.csv', 'Kommer personalen i tid', [['Alltid', 30], ['Oftast', 15], ['Ibland', 6], ['Sällan', 3], ['Aldrig', 2], ['Vet ej', 4]]);
    writeFileSync(join(folder, 'tillit.config.json'), JSON.stringify({ inputs: [{ path: 'jaibland.csv' }, { path: 'alltid.csv' }], survey: list }));
    return folder;
  }
  const values = (stdout: string) => quality(stdout).map((q) => [q.value, q.n, q.incomplete]);
  it('survey.positive naming the trygg scale: Ja 40/60 = 66,7 %, Alltid + Oftast 45/56 = 80,4 %, nothing on stderr', async () => {
    const r = await tillit(['report', '--format', 'json'], { cwd: survey({ positive: ['Mycket trygg', 'Ganska trygg'], excluded: ['Ingen uppfattning', 'Vet ej'] }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(values(r.stdout)).toEqual([[66.6667, 60, false], [80.3571, 56, false]]);
  });
  it('a positive list leaving out a label no respondent gave ("Ganska nöjd" of Mycket nöjd) says nothing: no share changes', async () => {
    const r = await tillit(['report', '--format', 'json'], { cwd: survey({ positive: ['Mycket nöjd', 'Ja', 'Alltid', 'Oftast'] }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(values(r.stdout)).toEqual([[66.6667, 60, false], [80.3571, 56, false]]);
  });
  it('on several threads, a left-out label met only past the cut is said as on one', async () => {
    const path = join(dir, 'oftast-sent.csv');
    const rows = Array.from({ length: 80_000 }, (_, i) => `${i + 1};1460;2025;Hemtjänst;q${i % 4};${i === 70_000 ? 'Oftast' : ['Alltid', 'Aldrig'][i % 2]};Kvinna`);
    writeFileSync(path, `${[HEAD, ...rows].join('\n')}\n`);
    const config = join(dir, 'oftast.config.json');
    writeFileSync(config, JSON.stringify({ survey: { positive: ['Alltid'] } }));
    const env = { TILLIT_PARALLEL_MIN_BYTES: '1000' };
    const one = await tillit(['validate', path, '--config', config, '--threads', '1', '--format', 'json'], { env });
    const two = await tillit(['validate', path, '--config', config, '--threads', '3', '--format', 'json'], { env });
    expect(two).toEqual(one);
    const [file] = (JSON.parse(one.stdout) as { files: { findings: { code: string; message: string }[] }[] }).files;
    expect(file!.findings.filter((f) => f.code === 'answer-positive-dropped').map((f) => f.message.slice(0, 8))).toEqual(['"Oftast"']);
  });
  it('survey.excluded alone keeps the built-in "Vet ej" out of the denominator (no answer rejected)', async () => {
    const r = await tillit(['report', '--format', 'json'], { cwd: survey({ excluded: ['Ingen uppfattning'] }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(values(r.stdout)).toEqual([[66.6667, 60, false], [80.3571, 56, false]]);
  });
  it('a positive list naming "Alltid" alone drops "Oftast" (30/56 = 53,6 %), and says so on stderr', async () => {
    const r = await tillit(['report', '--format', 'json'], { cwd: survey({ positive: ['Alltid'] }) });
    expect(r.code).toBe(0);
    expect(values(r.stdout)).toEqual([[66.6667, 60, false], [53.5714, 56, false]]);
    // Said on the file whose answers it changes: "Oftast" is in alltid.csv, not in jaibland.csv.
    expect(r.stderr).toContain('alltid.csv: warning answer-positive-dropped: "Oftast": positive on the built-in "alltid-aldrig" scale, here counted as not positive: survey.positive names "Alltid" of that scale and not "Oftast", so it replaces that scale\'s positive answers (name "Oftast" there too to count it as positive)');
  });
});

describe('a question whose numeric scale changed between years', () => {
  it('1–5 in 2023–2024, 1–10 in 2025: each year on its own scale, said, and no change or trend across the new scale', async () => {
    const counts: Record<string, [number, number][]> = {
      2023: [[5, 30], [4, 15], [3, 5], [2, 3], [1, 2]],
      2024: [[5, 32], [4, 14], [3, 5], [2, 3], [1, 1]],
      2025: [[10, 10], [9, 15], [8, 12], [7, 8], [6, 5], [5, 3], [3, 2]],
    };
    const rows = Object.entries(counts).flatMap(([year, c]) => c.flatMap(([v, n]) => repeat(String(v), n)).map((v, i) => `2080;${year};Hemtjänst;Nöjd;${i + 1};${v}`));
    const path = join(dir, 'skalbyte.csv');
    writeFileSync(path, `${['Kommun;År;Verksamhet;Fråga;Löpnr;Svar', ...rows].join('\n')}\n`);
    const r = await tillit(['report', path, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path}: warning answer-scale-changed: question Nöjd: its numeric answers changed scale between years, so each run of years is read on its own: 1–5 (4–5 positive) in 2023, 2024, where no answer is above 5; 1–10 (8–10 positive) in 2025, where answers go above 7.`);
    const rows2 = (JSON.parse(r.stdout) as { quality: (Row & { period: string; change: { differencePp: number } | null; trend: { from: string; points: number } | null })[] }).quality;
    // 45/55, 46/55 on 4–5; 37/55 on 8–10.
    expect(rows2.map((q) => [q.period, q.value, q.n])).toEqual([['2023', 81.8182, 55], ['2024', 83.6364, 55], ['2025', 67.2727, 55]]);
    expect(rows2.map((q) => q.change?.differencePp ?? null)).toEqual([null, 1.8182, null]);
    expect(rows2[2]!.trend).toMatchObject({ from: '2025', points: 1 });
    // The brief's sparkline does not join 2024 (1–5) to 2025 (1–10): a gap, and "Om siffrorna" says what it is.
    const md = await tillit(['report', path, '--format', 'md']);
    expect(md.stdout).toContain('| Nöjd | Hemtjänst | 67 % | 54–78 |  | · för få år |  | ✓ grön | ▇█\u00A0▁ |');
    expect(md.stdout).toContain('- Ett mellanrum i en serie markerar ett seriebrott: frågan, svarsskalan eller måttet ändrades det året, så åren före och efter jämförs inte med varandra.');
    const html = await tillit(['report', path, '--format', 'html', '--lang', 'en']);
    expect(html.stdout).toContain('▇█\u00A0▁</td>');
    expect(html.stdout).toContain('A gap in a series marks a series break');
  });
});

describe('pooled years (2019/20, 2015-2018) in respondent and survey files', () => {
  it("a survey file's pooled periods are read as a values file's (they were all rejected as 'not a month')", async () => {
    const path = join(dir, 'pooled-survey.csv');
    writeFileSync(path, 'År;Kommun;Fråga;Antal svarande;Andel\n2015-2018;2080 Falun;Gott allmänt hälsotillstånd;812;71,2\n2016-2019;2080 Falun;Gott allmänt hälsotillstånd;830;72,0\n');
    const r = await tillit(['report', path, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rep = JSON.parse(r.stdout) as { quality: (Row & { period: string })[]; findings: { code: string; message: string }[] };
    expect(rep.quality.map((q) => [q.period, q.value, q.n])).toEqual([['2015-2018', 71.2, 812], ['2016-2019', 72, 830]]);
    expect(rep.findings.map((f) => f.code)).toEqual(['period-pooled']);
  });
  it('on several threads a school year met only past the cut is said as on one (once, at the header)', async () => {
    const path = join(dir, 'skolar.csv');
    const rows = Array.from({ length: 80_000 }, (_, i) => `${i + 1};1460;${i < 60_000 ? '2025' : '2019/20'};Hemtjänst;q${i % 4};${['Ja', 'Nej', 'Ibland'][i % 3]};Kvinna`);
    writeFileSync(path, `${[HEAD, ...rows].join('\n')}\n`);
    const env = { TILLIT_PARALLEL_MIN_BYTES: '1000' };
    const one = await tillit(['validate', path, '--threads', '1', '--format', 'json'], { env });
    const two = await tillit(['validate', path, '--threads', '3', '--format', 'json'], { env });
    expect(one.code).toBe(0);
    expect(two).toEqual(one);
    const [file] = (JSON.parse(one.stdout) as { files: { findings: { code: string; line?: number }[]; rows: { used: number } }[] }).files;
    expect(file!.rows.used).toBe(80_000);
    expect(file!.findings.map((f) => [f.code, f.line])).toEqual([['period-pooled', 1]]);
  });
});

describe('a respondent whose gender is neither woman nor man, or not stated', () => {
  it('"Annat" and "Vill ej uppge" count in the total (not incomplete), as a hidden cell of their own; said on stderr', async () => {
    const genders: [string, number][] = [['Kvinna', 40], ['Man', 35], ['Annat', 2], ['Vill ej uppge', 3]];
    const rows = genders.flatMap(([g, n]) => repeat(g, n)).map((g, i) => `${i + 1};1460;2025;Hemtjänst;hjalp;${i % 3 ? 'Ja' : 'Nej'};${g}`);
    const path = join(dir, 'kon.csv');
    writeFileSync(path, `${[HEAD, ...rows].join('\n')}\n`);
    const r = await tillit(['report', path, '--genders', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path}: warning gender-neither: some respondents' gender is neither woman nor man, or not stated ("Annat", "Vill ej uppge", a blank cell): counted in the total only`);
    // 5 of unknown gender: the men's cell is hidden too, so total − women − men cannot reveal them.
    expect(quality(r.stdout).map((q) => [q.gender, q.n, q.incomplete, q.suppressed])).toEqual([['T', 80, false, false], ['K', 40, false, false], ['M', null, false, true]]);
  });
  it('on several threads, met only past the cut, said as on one', async () => {
    const path = join(dir, 'kon-stor.csv');
    const rows = Array.from({ length: 80_000 }, (_, i) => `${i + 1};1460;2025;Hemtjänst;q${i % 4};${['Ja', 'Nej', 'Ibland'][i % 3]};${i === 70_000 ? 'Annat' : 'Kvinna'}`);
    writeFileSync(path, `${[HEAD, ...rows].join('\n')}\n`);
    const env = { TILLIT_PARALLEL_MIN_BYTES: '1000' };
    const one = await tillit(['validate', path, '--threads', '1', '--format', 'json'], { env });
    const two = await tillit(['validate', path, '--threads', '3', '--format', 'json'], { env });
    expect(two).toEqual(one);
    const [file] = (JSON.parse(one.stdout) as { files: { findings: { code: string; line?: number }[] }[] }).files;
    expect(file!.findings.map((f) => [f.code, f.line])).toEqual([['gender-neither', 1]]);
  });
});

describe('an unknown "no opinion" answer: the advice leads to the right denominator', () => {
  it('"Ingen erfarenhet" rejected with advice naming survey.excluded; following it gives 35/40, not 35/46', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tillit-excluded-'));
    const labels = [...repeat('Ja', 35), ...repeat('Nej', 5), ...repeat('Ingen erfarenhet', 6)];
    writeFileSync(join(folder, 'svar.csv'), `${['Kommun;År;Verksamhet;Fråga;Löpnr;Svar', ...labels.map((a, i) => `1460;2025;LSS;hjalp;${i + 1};${a}`)].join('\n')}\n`);
    const before = await tillit(['validate', 'svar.csv'], { cwd: folder });
    expect(before.stdout).toContain('or survey.excluded (a don\'t-know or not-applicable answer such as "Ingen erfarenhet", left out of the denominator)');
    writeFileSync(join(folder, 'tillit.config.json'), JSON.stringify({ inputs: [{ path: 'svar.csv' }], survey: { minRespondents: 5, excluded: ['Ingen erfarenhet'] } }));
    const r = await tillit(['report', '--format', 'json'], { cwd: folder });
    expect(r.code).toBe(0);
    expect(quality(r.stdout).map((q) => [q.value, q.n])).toEqual([[87.5, 40]]);
  });
});
