import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/report/brief.js';
import { escapeHtml, renderHtmlDocument } from '../../src/report/render-html.js';

const HOSTILE = '<script>alert("x")</script> & \'q\'';

/** A brief with every section, text from `text` where data would go. */
function brief(text: string, over: Partial<Brief> = {}): Brief {
  return {
    lang: 'sv', area: '1460', title: `${text} – uppföljning`, asOf: `Siffrorna gäller ${text}.`, generated: 'Skapad 2025-11-05T08:00:00.000Z',
    messages: { heading: 'Det viktigaste', body: [text] },
    quality: { heading: 'Kvalitet', body: { head: ['Indikator', 'Serie'], rows: [[{ text }, { text: '▁█' }], [{ text: '+5 p.e.', significant: true }, { text: '' }]] }, note: `* ${text}` },
    peers: { heading: 'Jämförelsegrupper', body: { head: ['Grupp'], rows: [[{ text }]] } },
    budget: { heading: 'Ekonomi', body: { head: ['Verksamhet'], rows: [[{ text, strong: true }]] } },
    result: [{ text: 'Resultat', strong: true }, { text: `: ${text}` }],
    beside: { heading: 'Kvalitet bredvid kostnad', body: { head: ['Verksamhet'], rows: [[{ text }]] }, notes: [text] },
    allocation: null,
    history: { heading: 'Ekonomi över åren', body: { sentences: [text], lines: { head: ['Verksamhet'], rows: [[{ text }]] }, years: { head: ['År'], rows: [[{ text }]] } } },
    milestones: { heading: 'Före och efter', body: [text] },
    method: { heading: 'Om siffrorna', body: [text] },
    ...over,
  };
}

describe('HTML brief', () => {
  it('escapes every text from the data', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    const html = renderHtmlDocument(HOSTILE, [{ brief: brief(HOSTILE), charts: [] }]);
    expect(html).not.toContain('<script');
    // The document title, the heading, the date line, a message, a quality cell, the table's note, a
    // budget cell, the result line, the quality beside cost's cell and note, the history's sentence,
    // line and year, the milestone, a peer cell and the method note.
    expect(html.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;q&#39;/g)).toHaveLength(16);
  });
  it('marks totals strong and significant differences with an asterisk, as the Markdown brief does', () => {
    const html = renderHtmlDocument('t', [{ brief: brief('Hemtjänst'), charts: [] }]);
    expect(html).toContain('<td><strong>Hemtjänst</strong></td>');
    expect(html).toContain('<td>+5 p.e.*</td>');
    expect(html).toContain('<p class="as-of">Siffrorna gäller Hemtjänst.</p>');
    expect(html).toContain('</table>\n<p class="legend">* Hemtjänst</p>');
    expect(html).toContain('<p><strong>Resultat</strong>: Hemtjänst</p>');
    expect(html).toContain('<td class="series">▁█</td>');
  });
  it('puts each brief in a section that starts a new printed page, and inlines charts without namespaces', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1"><title>a</title></svg>\n';
    const html = renderHtmlDocument('t', [
      { brief: brief('A'), charts: [{ file: 'charts/a.svg', alt: 'a', kind: 'quality', marks: [], svg }] },
      { brief: brief('B', { area: '1461', quality: null }), charts: [{ file: 'charts/b.svg', alt: 'b', kind: 'budget', marks: [], svg }] },
    ]);
    expect(html.match(/<section class="brief"/g)).toHaveLength(2);
    expect(html).toContain('section.brief { break-after: page;');
    expect(html).toContain('<figure><svg width="1"><title>a</title></svg></figure>');
    expect(html).not.toMatch(/http/);
    // The budget chart sits beside the budget table.
    expect(html).toMatch(/<div class="budget-row">\n<table>[\s\S]*<\/table>\n<div class="budget-chart">\n<figure><svg/);
  });
});
