import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { tableWidth } from '../../src/cli/width.js';
import { CONFIG, tillit } from './run.js';

describe('tableWidth', () => {
  const tty = { isTTY: true, columns: 132 };
  it('--width first, then the terminal, then COLUMNS, then 80', () => {
    expect(tableWidth({ flag: 100, toStdout: true, stdout: tty, env: { COLUMNS: '90' } })).toBe(100);
    expect(tableWidth({ flag: undefined, toStdout: true, stdout: tty, env: { COLUMNS: '90' } })).toBe(132);
    expect(tableWidth({ flag: undefined, toStdout: true, stdout: {}, env: { COLUMNS: '90' } })).toBe(90);
    expect(tableWidth({ flag: undefined, toStdout: true, stdout: {}, env: {} })).toBe(80);
  });
  it('a file (--out) is not the terminal', () => {
    expect(tableWidth({ flag: undefined, toStdout: false, stdout: tty, env: {} })).toBe(80);
  });
  it('a COLUMNS that is not a positive whole number is not a width', () => {
    for (const columns of ['', '0', 'wide', '-5', '12.5', ' 90']) expect(tableWidth({ flag: undefined, toStdout: true, stdout: {}, env: { COLUMNS: columns } })).toBe(80);
    expect(tableWidth({ flag: undefined, toStdout: true, stdout: { isTTY: true, columns: 0 }, env: {} })).toBe(80);
  });
});

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('tillit report: the table fits the terminal', () => {
  for (const width of [80, 120, 200]) {
    it(`at ${width} columns: quality and budget tables (snapshot), no line wider`, async () => {
      const r = await tillit(['report', '--config', CONFIG, '--width', String(width)]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(widest(r.stdout)).toBeLessThanOrEqual(width);
      expect(r.stdout).toContain('Kvalitet och nyckeltal');
      expect(r.stdout).toContain('Ekonomi (oktober 2025)');
      await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/report.table-${width}.txt`);
    });
  }
  it('not a terminal: 80 columns, or COLUMNS', async () => {
    const at80 = (await tillit(['report', '--config', CONFIG, '--width', '80'])).stdout;
    expect((await tillit(['report', '--config', CONFIG])).stdout).toBe(at80);
    expect((await tillit(['report', '--config', CONFIG], { env: { COLUMNS: '120' } })).stdout).toBe((await tillit(['report', '--config', CONFIG, '--width', '120'])).stdout);
  });
  it('--wide: every column and row, nothing wrapped, titles ended at a word by 48 characters', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--wide'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    // 164: the organisation's elderly care at -2,03 % (red below -2 %: one decimal would show -2,0 %).
    expect(widest(r.stdout.split('\n').filter((l) => l.startsWith('┌')).join('\n'))).toBe(164);
    // The snapshot the table test had before tables were laid out to a width.
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/report.table.txt');
  });
  it('--genders shows the rows by gender, still within the width', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--genders', '-m', '1461']);
    expect(r.stdout).toContain('│ Trygghet – kvinnor │ Hemtjänst  │ 82,4 % (72,2–89,4) │ · för få år  │ ✓ grön │');
    expect(r.stdout).not.toContain('--genders');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect((await tillit(['report', '--config', CONFIG, '-m', '1461'])).stdout).toContain('Rader per kön (16) visas med --genders; 1 av dem är gul eller röd.');
    expect((await tillit(['report', '--config', CONFIG, '-m', '1461', '--lang', 'en'])).stdout).toContain('Rows by gender (16) are shown with --genders; 1 of them is yellow or red.');
  });
  it('--wide with --width is a usage error; --width takes a positive whole number', async () => {
    const both = await tillit(['report', '--config', CONFIG, '--wide', '--width', '100']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--wide' cannot be used with option '--width <n>'");
    const bad = await tillit(['report', '--config', CONFIG, '--width', 'wide']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a positive whole number');
  });
  it('--out writes the table laid out to --width, else 80', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-'));
    for (const [args, width] of [[['--width', '120'], 120], [[], 80]] as const) {
      const out = join(dir, `${width}.txt`);
      expect((await tillit(['report', '--config', CONFIG, '-m', '1461', ...args, '--out', out])).code).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(widest(text)).toBeLessThanOrEqual(width);
      expect(text).toBe((await tillit(['report', '--config', CONFIG, '-m', '1461', '--width', String(width)])).stdout);
    }
  });
});

/** The bundled examples, and nine closed years with a milestone (the history and before-and-after sections). */
const LAYOUTS = [
  { name: 'bengtsfors-mellerud', config: CONFIG },
  { name: 'hls', config: 'fixtures/helsingborg-landskrona-skane/tillit.config.json' },
  { name: 'years', config: 'test/cli/years/tillit.config.json' },
];

describe('tillit report: every section fits the width', () => {
  for (const { name, config } of LAYOUTS) {
    for (const lang of ['sv', 'en']) {
      it(`${name}, ${lang}: no line wider than 80, 120 or 200 columns`, async () => {
        for (const width of [80, 120, 200]) {
          const r = await tillit(['report', '--config', config, '--lang', lang, '--width', String(width)]);
          expect(r.code).toBe(0);
          expect(r.stdout.split('\n').filter((l) => stringWidth(l) > width)).toEqual([]);
        }
      });
    }
  }
  for (const width of [80, 120, 200]) {
    it(`at ${width} columns: peer groups (snapshot)`, async () => {
      const r = await tillit(['report', '--config', LAYOUTS[1]!.config, '--width', String(width)]);
      expect(r.stdout).toContain('Jämförelsegrupper');
      await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/report.table-hls-${width}.txt`);
    });
    it(`at ${width} columns: years of balance and before and after (snapshot)`, async () => {
      const r = await tillit(['report', '--config', LAYOUTS[2]!.config, '--width', String(width)]);
      expect(r.stdout).toContain('Ekonomi över åren (helår 2016–2024)');
      expect(r.stdout).toContain('Före och efter');
      await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/report.table-years-${width}.txt`);
    });
  }
  it('at 80 columns: the peer table keeps group, indicator, the group\'s value, difference and rank; names the rest', async () => {
    const r = await tillit(['report', '--config', LAYOUTS[1]!.config, '-m', '1283', '--lang', 'en']);
    const peers = r.stdout.slice(r.stdout.indexOf('Peer groups'));
    expect(peers).toMatch(/^Peer groups\n┌.*\n│ Group\s+│ Indicator\s+│ Group's value │ Difference │ Rank\s+│\n/);
    expect(peers).toContain('More columns with --wide: Value, Basis, Quartile');
  });
  it('at 80 columns: history lines leave out series and lowest – highest first; a milestone wraps under its dash', async () => {
    const r = await tillit(['report', '--config', LAYOUTS[2]!.config, '-m', '1460']);
    expect(r.stdout).toContain('Fler kolumner med --wide: Lägst – högst 2016–2024, Serie');
    expect(r.stdout).toMatch(/│ Äldreomsorg │ 2016–2024 │ -0,4 %\s+│ 5 av 9\s+│ -1,2 %\s+│ ↗ förbättras │/);
    expect(r.stdout).toContain('- Gemensam nämnd bildas (2021): helhetssyn (Hemtjänst) i snitt 80 % 2016–2020\n  och 89 % 2021–2024 (+9 p.e., statistiskt säkerställd); budgetavvikelsen vid\n');
  });
  it('in colour: the same text within the same width (each wrapped line painted on its own)', async () => {
    for (const { config } of LAYOUTS) {
      const plain = (await tillit(['report', '--config', config, '--width', '80'])).stdout;
      const painted = (await tillit(['report', '--config', config, '--width', '80'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } })).stdout;
      expect(painted).toMatch(/\u001b\[2m/);
      expect(painted.replace(/\u001b\[[\d;]*m/g, '')).toBe(plain);
    }
  });
  for (const { name, config } of LAYOUTS.slice(1)) {
    it(`${name} --wide: the layout these sections always had, byte for byte`, async () => {
      // Written by the build before they were laid out to a width.
      await expect((await tillit(['report', '--config', config, '--wide'])).stdout).toMatchFileSnapshot(`__snapshots__/report.table-${name}-wide.txt`);
    });
  }
});
