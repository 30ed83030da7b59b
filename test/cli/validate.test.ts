import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, EXAMPLE, ROOT, tillit } from './run.js';

interface ValidationFile {
  file: string;
  format: string | null;
  kind: string | null;
  encoding: string | null;
  rows: { read: number; used: number; rejected: number; ignored: number };
  findings: { code: string; severity: string; line?: number; column?: number }[];
}
const json = (stdout: string) => JSON.parse(stdout) as { ok: boolean; files: ValidationFile[] };
const errors = (f: ValidationFile) => f.findings.filter((x) => x.severity === 'error').map((x) => `${x.code}@${x.line ?? '-'}:${x.column ?? '-'}`);

describe('tillit validate on the bundled example', () => {
  it('accepts every row of every fixture and says how each file was read', async () => {
    const r = await tillit(['validate', '--config', CONFIG]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${EXAMPLE}/svar-2025.csv\n  format csv · encoding windows-1252 · delimiter semicolon · decimal mark "," · kind answers`);
    expect(r.stdout).toContain('encoding utf-8 with BOM · delimiter semicolon');
    expect(r.stdout).toContain('costs written negative');
    expect(r.stdout).toMatch(/5 of 5 file\(s\) clean\n$/);
  });
  it("docs/inputs.md's example of validate output is what validate prints", async () => {
    const readme = readFileSync(`${ROOT}docs/inputs.md`, 'utf8');
    const shown = /```\n(fixtures\/bengtsfors-mellerud\/svar-2025\.csv\n[^`]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect((await tillit(['validate', '--config', CONFIG])).stdout).toContain(shown!);
  });
  it('prints JSON with rows read/used/rejected per file', async () => {
    const r = await tillit(['validate', '--config', CONFIG, '--format', 'json']);
    expect(r.code).toBe(0);
    const v = json(r.stdout);
    expect(v.ok).toBe(true);
    expect(v.files.map((f) => f.kind)).toEqual(['survey', 'answers', 'budget', 'budget', 'budget']);
    for (const f of v.files) expect(f.rows.read).toBe(f.rows.used + f.rows.rejected + f.rows.ignored);
  });
});

describe('tillit validate on the bad-input corpus', () => {
  const bad = (name: string) => `test/cli/bad/${name}`;
  it('survey-errors.csv: each bad row rejected at its line and column', async () => {
    const r = await tillit(['validate', bad('survey-errors.csv'), '--format', 'json']);
    expect(r.code).toBe(3);
    const f = json(r.stdout).files[0]!;
    expect(errors(f)).toEqual([
      'value-out-of-range@3:6', 'area-unknown@4:2', 'period-invalid@5:1', 'value-out-of-range@6:5',
      'duplicate-conflict@7:-', 'area-mismatch@8:2', 'value-number-invalid@9:6',
    ]);
    // Line 7 gives line 2's key another share: neither is read (line 2 is ignored, with a finding); line 10 is good.
    expect(f.rows).toEqual({ read: 9, used: 1, rejected: 7, ignored: 1 });
    expect(f.findings.filter((x) => x.code === 'duplicate-conflict-first').map((x) => x.line)).toEqual([2]);
    expect(f.findings.some((x) => x.code === 'area-code-repaired' && x.line === 9)).toBe(true);
  });
  it('budget-errors.csv: month 13 and a conflicting duplicate', async () => {
    const r = await tillit(['validate', bad('budget-errors.csv'), '--format', 'json']);
    expect(r.code).toBe(3);
    expect(errors(json(r.stdout).files[0]!)).toEqual(['period-invalid@3:1', 'duplicate-conflict@5:-']);
  });
  it('unterminated-quote.csv: the swallowed lines are reported, earlier rows kept', async () => {
    const r = await tillit(['validate', bad('unterminated-quote.csv'), '--format', 'json']);
    expect(r.code).toBe(3);
    const f = json(r.stdout).files[0]!;
    expect(errors(f)).toEqual(['csv-syntax@3:3']);
    // Each line the quote swallowed is a row lost: lines 3 and 4.
    expect(f.rows).toMatchObject({ read: 3, used: 1, rejected: 2 });
  });
  it('unknown headers name what was found and what is expected', async () => {
    const r = await tillit(['validate', bad('unknown-headers.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('no value or amount column recognised. Roles found: none. Missing: value (a column named varde/value/');
    expect(r.stdout).toContain('Columns: foo, bar, baz');
  });
  it.each([
    ['empty.csv', 'file-empty', 'file is empty'],
    ['header-only.csv', 'file-header-only', 'file has a header but no data rows'],
    ['does-not-exist.csv', 'file-not-found', 'file not found'],
  ])('%s: one clear sentence, exit 3, no stack trace', async (name, code, sentence) => {
    const r = await tillit(['validate', bad(name)]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`error ${code}`);
    expect(r.stdout).toContain(sentence);
    expect(r.stderr).toBe('');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
  });
  it('a binary file and a Latin-1 file forced to UTF-8 are named as such', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-'));
    writeFileSync(join(dir, 'data.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('Kommun;År\n1460;2024\n', 'latin1'));
    const bin = await tillit(['validate', join(dir, 'data.xlsx')]);
    expect(bin.code).toBe(3);
    expect(bin.stdout).toContain('file looks binary (NUL byte at byte 5)');
    const forced = await tillit(['validate', join(dir, 'latin1.csv'), '--encoding', 'utf-8', '--format', 'json']);
    expect(errors(json(forced.stdout).files[0]!)).toEqual(['encoding-invalid@1:8']);
  });
});

describe('tillit validate on a budget file of two tertial follow-ups (T1 and T2)', () => {
  it('calls a plain "Utfall" that doubles from April to August a total to date, and the file clean (0)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tillit-validate-')), 'tert2.csv');
    writeFileSync(file, [
      'Period;Kommun;Verksamhet;Budget;Utfall;Prognos',
      'T1 2025;1460;Äldreomsorg;-224000;-75000;-226000', 'T2 2025;1460;Äldreomsorg;-224000;-151000;-227000',
      'T1 2025;1460;LSS;-66000;-22000;-66500', 'T2 2025;1460;LSS;-66000;-44500;-66800',
    ].join('\n'));
    const r = await tillit(['validate', file, '--unit', 'tkr']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('budget-columns');
    // Clean; its tertials read as months is the one thing to read.
    expect(r.stdout).toContain('warning period-tertial ×1');
    expect(r.stdout).toMatch(/1 of 1 file\(s\) clean, 1 of them with warnings to read \(above\)\n$/);
  });
});

describe('usage errors exit 2', () => {
  it('an unknown option or a bad choice', async () => {
    expect((await tillit(['validate', '--bogus'])).code).toBe(2);
    expect((await tillit(['validate', 'x.csv', '--kind', 'nonsense'])).code).toBe(2);
  });
  it('an invalid config names the key path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-'));
    writeFileSync(join(dir, 'tillit.config.json'), JSON.stringify({ members: [{ code: 1460 }], survey: { minRespondents: 0 } }));
    const r = await tillit(['validate', 'x.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tillit.config.json: members[0].code:');
    expect(r.stderr).toContain('tillit.config.json: survey.minRespondents:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('no inputs at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-'));
    const r = await tillit(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no input files');
  });
});

describe('tillit validate on real source shapes (fixtures/sources)', () => {
  it('names the detected source format of every file, all rows accounted for', async () => {
    const r = await tillit(['validate', '--config', 'fixtures/sources/tillit.config.json', '--format', 'json']);
    expect(r.code).toBe(0);
    const files = json(r.stdout).files;
    expect(files.map((f) => `${f.file.replace('fixtures/sources/', '')}: ${f.format} ${f.kind} ${f.encoding}`)).toEqual([
      'kolada-v3-page1.json: kolada-json values utf-8',
      'kolada-v3-page2.json: kolada-json values utf-8',
      'kolada-v2-n03001.json: kolada-json values utf-8',
      'kolada-rkolada-u23401.csv: kolada-csv values utf-8',
      'pxweb-nettokostnad.csv: px-web-csv values windows-1252',
      'pxweb-andel-65plus.csv: px-web-csv values utf-8',
      'ekonomi-mellerud-augusti-2025.csv: csv budget utf-8',
      'ekonomi-bengtsfors-manad-2025.csv: csv budget utf-8',
    ]);
    for (const f of files) expect(f.rows.read).toBe(f.rows.used + f.rows.rejected + f.rows.ignored);
    const v3 = files[0]!;
    expect(v3.findings.filter((x) => x.severity === 'warning').map((x) => x.code).sort()).toEqual(['status-excluded', 'value-deleted']);
  });
  it('text output says how each file was read', async () => {
    const r = await tillit(['validate', '--config', 'fixtures/sources/tillit.config.json']);
    expect(r.stdout).toContain('fixtures/sources/pxweb-nettokostnad.csv\n  format px-web-csv · encoding windows-1252 · delimiter comma · decimal mark "." · kind values\n  title: Nettokostnad äldreomsorg, kronor per invånare efter region och år');
    expect(r.stdout).toContain('kind budget · unit mnkr · costs written negative');
    expect(r.stdout).toContain('line 5: total row recognised; not counted (received "Summa nämnd")');
  });
});

describe('tillit validate: shares written as fractions are no clean file (a helper\'s files read "86 % → 1 %, significant")', () => {
  it('one fraction among per cent in a survey file, and a Kolada file of per-cent KPIs: exit 3, the share named; report warns on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-fractions-'));
    writeFileSync(join(dir, 'enkat.csv'), 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)\n2023;1460;Hemtjänst;helhetssyn;120;85\n2024;1460;Hemtjänst;helhetssyn;118;86\n2025;1460;Hemtjänst;helhetssyn;110;0,89\n');
    writeFileSync(join(dir, 'kolada.csv'), 'kpi,municipality_id,municipality,year,gender,value\nU21468,1460,Bengtsfors,2023,T,86\nU21468,1460,Bengtsfors,2024,T,88\nU21468,1460,Bengtsfors,2025,T,0.91\n');
    const survey = await tillit(['validate', 'enkat.csv'], { cwd: dir });
    expect(survey.code).toBe(3);
    expect(survey.stdout).toContain("line 4, column 6: 1460 helhetssyn: a share under 1 beside figures of the same area and indicator over ten times as large: read as per cent it is under 1 %, as none of them is; a fraction (0.875 for 87.5 %) must be written as per cent");
    const kolada = await tillit(['validate', 'kolada.csv'], { cwd: dir });
    expect(kolada.code).toBe(3);
    expect(kolada.stdout).toContain("line 4: 1460 U21468: a share under 1 beside figures of the same area and indicator over ten times as large");
    const report = await tillit(['report', 'kolada.csv'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stderr).toContain('kolada.csv:4: warning share-fraction-among: 1460 U21468: a share under 1');
  });
});

describe('tillit validate: two files with different figures for one cell are no clean pair (a report uses the first named)', () => {
  it('names the cell, both figures and both files, exit 3; the report warns and uses the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-two-sources-'));
    const head = 'År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)';
    writeFileSync(join(dir, 'a.csv'), `${head}\n2025;1460;Hemtjänst;helhetssyn;110;90\n`);
    writeFileSync(join(dir, 'b.csv'), `${head}\n2025;1460;Hemtjänst;helhetssyn;112;80\n`);
    const v = await tillit(['validate', 'a.csv', 'b.csv'], { cwd: dir });
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('line 2: 1460 / helhetssyn / Hemtjänst / T / 2025: 80 (n 112) here, 90 (n 110) in a.csv; the figure in a.csv is used');
    expect(v.stdout).toContain('1 of 2 file(s) clean');
    const r = await tillit(['report', 'a.csv', 'b.csv', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toContain('b.csv:2: warning source-disagreement');
  });
});

describe('tillit validate: a respondent file with a weight column is not clean (its shares are counted unweighted)', () => {
  it('the tester\'s file (66,7 % unweighted, 39,1 % weighted): a warning naming the column, exit 3; the report says it and shows the unweighted share', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-weight-'));
    const rows = Array.from({ length: 90 }, (_, i) => `${i + 1};0180;2024;Hemtjänst;helhetssyn;${i < 60 ? 'Mycket nöjd' : 'Ganska missnöjd'};${i < 60 ? '0,5' : '1,55'}`);
    writeFileSync(join(dir, 'svar.csv'), `${['Löpnr;Kommun;År;Verksamhet;Fråga;Svar;Viktfaktor', ...rows].join('\n')}\n`);
    const v = await tillit(['validate', 'svar.csv'], { cwd: dir });
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('  warning column-weight ×1\n    line 1, column 7: column 7 "Viktfaktor" holds a weight per respondent, but tillit counts every respondent once (unweighted): its shares may differ from the publisher\'s weighted figures;');
    expect(v.stdout).toContain('0 of 1 file(s) clean');
    const j = json((await tillit(['validate', 'svar.csv', '--format', 'json'], { cwd: dir })).stdout);
    expect(j.ok).toBe(false);
    expect(j.files[0]!.findings.map((f) => `${f.code}@${f.severity}@${f.line}:${f.column}`)).toEqual(['column-weight@warning@1:7']);
    const r = await tillit(['report', 'svar.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('svar.csv: warning column-weight: column 7 "Viktfaktor" holds a weight per respondent');
    expect((JSON.parse(r.stdout) as { quality: { value: number }[] }).quality[0]).toMatchObject({ value: 66.6667 });
  });
});

describe('tillit validate: an outcome to date that is not the sum of the months beside it is no clean file (a tester\'s file showed IFO red at −8,2 % where its months give −0,9 %)', () => {
  it('names the line, month and both figures, exit 3; the report warns on stderr and says it uses the figure to date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-ack-months-'));
    writeFileSync(join(dir, 'ack.csv'), [
      'Period;Verksamhet;Budget helår;Budget ack;Utfall månad;Utfall ack;Prognos helår',
      '2025-01;Hemtjänst;60 000;5 000;5 000;5 000;60 500', '2025-01;Individ- och familjeomsorg;44 000;3 667;3 700;3 700;44 000',
      '2025-02;Hemtjänst;60 000;10 000;4 950;9 950;60 500', '2025-02;Individ- och familjeomsorg;44 000;7 333;3 600;7 300;44 000',
      '2025-03;Hemtjänst;60 000;15 000;5 050;15 000;60 500', '2025-03;Individ- och familjeomsorg;44 000;11 000;3 800;11 900;44 500',
    ].join('\n'));
    const v = await tillit(['validate', 'ack.csv', '--input-municipality', '1460'], { cwd: dir });
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('warning budget-ytd-months-differ ×1\n    line 7, column 6: 1460 Individ- och familjeomsorg: outcome to date at 2025-03 is 11900 in "Utfall ack", but "Utfall månad" sums to 11100 over 2025-01 to 2025-03');
    expect(v.stdout).toContain('0 of 1 file(s) clean');
    const r = await tillit(['report', 'ack.csv', '--input-municipality', '1460'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ack.csv:7:6: warning budget-ytd-months-differ: 1460 Individ- och familjeomsorg: outcome to date at 2025-03 is 11900');
    expect(r.stderr).toContain('the report uses the year-to-date figure 11900');
  });
});

describe('tillit validate: a Kolada KPI with only women\'s and men\'s rows is no clean file (a tester\'s KPI vanished from the report with infos alone)', () => {
  it('names the KPI and the flag that reads it, exit 3; the report warns on stderr; --gender all reads it, clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-km-only-'));
    writeFileSync(join(dir, 'k.json'), [
      '{"values":[',
      '{"kpi":"U21468","municipality":"1460","period":2024,"values":[{"gender":"T","count":1,"status":"","value":84}]},',
      '{"kpi":"U23471","municipality":"1460","period":2024,"values":[{"gender":"K","count":1,"status":"","value":82},{"gender":"M","count":1,"status":"","value":74}]}',
      '],"count":2,"next_page":null}',
    ].join('\n'));
    const v = await tillit(['validate', 'k.json'], { cwd: dir });
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('warning gender-only-skipped ×1\n    line 3: indicator U23471 has rows only for K (women) and M (men) (2 row(s), from this line on), none for T (total), the gender read: it is left out of the report whole; --gender all (every gender, each shown as its own row) or --gender K or --gender M reads it');
    const r = await tillit(['report', 'k.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('k.json:3: warning gender-only-skipped: indicator U23471 has rows only for K (women) and M (men)');
    const all = await tillit(['validate', 'k.json', '--gender', 'all'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).not.toContain('gender-only-skipped');
  });
});
