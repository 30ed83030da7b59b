import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { CONFIG, tillit } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'tillit-charts-'));
const BRIEFS = ['1460-bengtsfors', '1461-mellerud', 'bm-socialforvaltningen-bengtsfors-mellerud-exempeldata'];
/** What would make a page fetch something: a script, a link, a source, a style import or url(). */
const FETCHES = /<script|<link|<img|<iframe|<object|\bsrc=|\bhref=|url\(|@import|@font-face/i;

/** The images a Markdown brief links, as [alt, path]. */
const images = (md: string) => [...md.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => [m[1]!, m[2]!] as const);

// Each run draws 27 charts; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

const chromium = ['chromium', 'chromium-browser'].find((c) => spawnSync('which', [c]).status === 0);
const pdftotext = spawnSync('which', ['pdftotext']).status === 0;

describe('charts beside Markdown briefs (--format md --out DIR/)', () => {
  it('links an SVG for each charted indicator and the budget, by relative path, and writes them', async () => {
    const dir = join(tmp(), 'briefs/');
    const r = await tillit(['report', '--config', CONFIG, '--format', 'md', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...BRIEFS.map((b) => `${b}.md`), 'charts']);
    const svgs = readdirSync(join(dir, 'charts')).sort();
    const linked: string[] = [];
    for (const b of BRIEFS) {
      const md = readFileSync(join(dir, `${b}.md`), 'utf8');
      const links = images(md);
      // Eight indicator series and the budget total per brief in the example.
      expect(links).toHaveLength(9);
      for (const [alt, path] of links) {
        expect(path).toMatch(/^charts\/[a-z0-9-]+\.svg$/);
        expect(alt).toMatch(/^Diagram: /);
        const svg = readFileSync(join(dir, path), 'utf8');
        expect(XMLValidator.validate(svg)).toBe(true);
        linked.push(path.slice('charts/'.length));
      }
      // The legend is every brief's, the organisation's too: its line is no municipality's value.
      expect(md, b).toContain('_Blå linje: värdet per år, med ljusblått band för osäkerheten (95 %);');
      expect(md, b).not.toContain('kommunens värde');
    }
    // Every chart written is linked, and every link has its chart.
    expect(linked.sort()).toEqual(svgs);
    expect(r.stderr).toContain(`tillit: wrote 27 chart(s) to ${join(dir, 'charts')}/\n`);
  });
  it('the legend names only what the brief\'s charts draw: no target where none is set, a milestone where one is', async () => {
    const legend = async (config: string, brief: string) => {
      const dir = join(tmp(), 'legend/');
      expect((await tillit(['report', '--config', config, '--format', 'md', '--out', dir])).code).toBe(0);
      return readFileSync(join(dir, brief), 'utf8').split('\n').find((l) => l.startsWith('_Blå linje'));
    };
    expect(await legend('fixtures/helsingborg-landskrona-skane/tillit.config.json', '1283-helsingborg.md')).toBe('_Blå linje: värdet per år; grå streckad: riket; orange: jämförelsekommuner._');
    expect(await legend('test/cli/years/tillit.config.json', '1460-bengtsfors.md')).toContain('lila: milstolpe (nivån före och efter)');
  });
  it('writes the same bytes on a second run, in English with English alt text', async () => {
    const run = async () => {
      const dir = join(tmp(), 'en/');
      expect((await tillit(['report', '--config', CONFIG, '--format', 'md', '--lang', 'en', '--out', dir])).code).toBe(0);
      return Object.fromEntries(readdirSync(join(dir, 'charts')).map((f) => [f, readFileSync(join(dir, 'charts', f), 'utf8')]));
    };
    const [a, b] = [await run(), await run()];
    expect(Object.keys(a).length).toBe(27);
    expect(b).toEqual(a);
    expect(a['1461-mellerud-budget.svg']).toContain('<title>Chart: Mellerud, budget and actual year to date January–October 2025: ');
    expect(a['1461-mellerud-helhetssyn-hemtjanst.svg']).toContain('<title>Chart: Overall satisfaction, home care, Mellerud 2016–2025: ');
  });
  it('--no-charts leaves them out', async () => {
    const dir = join(tmp(), 'plain/');
    expect((await tillit(['report', '--config', CONFIG, '--format', 'md', '--no-charts', '--out', dir])).code).toBe(0);
    expect(readdirSync(dir)).not.toContain('charts');
    expect(readFileSync(join(dir, '1460-bengtsfors.md'), 'utf8')).toBe((await tillit(['report', '--config', CONFIG, '--format', 'md'])).stdout.split('\n---\n\n')[0]);
    const html = (await tillit(['report', '--config', CONFIG, '--format', 'html', '--no-charts'])).stdout;
    expect(html).not.toContain('<svg');
    expect(html.match(/<section class="brief"/g)).toHaveLength(3);
  });
  it('draws no charts for Markdown on stdout or in one file: there is nowhere to put them', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'md']);
    expect(r.stdout).not.toContain('![');
    const file = join(tmp(), 'brief.md');
    expect((await tillit(['report', '--config', CONFIG, '--format', 'md', '--out', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(r.stdout);
  });
});

describe('--format html', () => {
  it('is one self-contained document with a section per brief and its charts inline', async () => {
    const r = await tillit(['report', '--config', CONFIG, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(r.stdout.match(/<section class="brief"/g)).toHaveLength(3);
    expect(r.stdout.match(/<svg /g)).toHaveLength(27);
    expect(r.stdout).not.toMatch(FETCHES);
    expect(r.stdout).not.toMatch(/https?:/);
    expect(r.stdout).toContain('@page { size: A4;');
    // Said the same way as the Markdown brief.
    const md = (await tillit(['report', '--config', CONFIG, '--format', 'md'])).stdout;
    const firstMessage = /^- (.+)$/m.exec(md)![1]!;
    expect(r.stdout).toContain(`<li>${firstMessage}</li>`);
  });
  it('--out DIR/ writes one whole document per brief', async () => {
    const dir = join(tmp(), 'html/');
    expect((await tillit(['report', '--config', CONFIG, '--format', 'html', '--out', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(BRIEFS.map((b) => `${b}.html`));
    for (const b of BRIEFS) {
      const html = readFileSync(join(dir, `${b}.html`), 'utf8');
      expect(html.match(/<section class="brief"/g)).toHaveLength(1);
      expect(html.match(/<svg /g)).toHaveLength(9);
      expect(html).not.toMatch(FETCHES);
    }
  });
  it('escapes text from the data: markup in a service name stays text', async () => {
    const r = await tillit(['report', 'test/cli/hostile/formula-and-markup.csv', '--format', 'html']);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).not.toMatch(FETCHES);
  });
  // Chromium (Debian package chromium) prints; poppler-utils' pdftotext reads each page back. .ci/run installs both.
  it.skipIf(chromium === undefined || !pdftotext)('prints to one A4 page per brief in headless Chromium, each brief on its own page', async () => {
    const dir = tmp();
    const html = join(dir, 'briefs.html');
    const pdf = join(dir, 'briefs.pdf');
    writeFileSync(html, (await tillit(['report', '--config', CONFIG, '--format', 'html'])).stdout);
    const r = spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const bytes = readFileSync(pdf).toString('latin1');
    // Page objects, not the /Pages tree node.
    expect(bytes.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(BRIEFS.length);
    // A4 is 595 × 842 points.
    expect(bytes).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
    // Page n begins with brief n's title and holds nothing of the next brief.
    const titles = ['Bengtsfors (1460)', 'Mellerud (1461)', 'Socialförvaltningen Bengtsfors–Mellerud'];
    titles.forEach((title, i) => {
      const text = spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text.trimStart().startsWith(title)).toBe(true);
      for (const other of titles.filter((t) => t !== title)) expect(text).not.toContain(`${other} – uppföljning`);
    });
  }, 180_000);
});
