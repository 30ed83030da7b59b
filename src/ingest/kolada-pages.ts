import { finding } from '../model/findings.js';
import type { PageLinks, ParsedInput } from '../model/input.js';

/** Where a link points: the response it is a page of (the link without `page`) and the page's number. */
interface PageAt {
  query: string;
  page: number;
}

function pageAt(url: string): PageAt | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const page = Number(u.searchParams.get('page'));
  if (!Number.isInteger(page) || page < 1) return undefined;
  u.searchParams.delete('page');
  return { query: u.toString(), page };
}

/**
 * The response a saved page belongs to, told by its links (a link with no page number stands for
 * itself); undefined for a page with none: a last or only page.
 */
function queryOf(links: PageLinks): string | undefined {
  for (const url of [links.next, links.previous]) {
    const at = url === null ? undefined : pageAt(url);
    if (at !== undefined) return at.query;
  }
  return links.next ?? links.previous ?? undefined;
}

/** A paged response as the inputs hold it: its pages' links, its count of values, and the values held. */
interface Response {
  pages: { input: ParsedInput; links: PageLinks }[];
  count: number | null;
  held: number;
}

/**
 * A saved Kolada response is one page of several when its `next_url` (or `previous_url`) is set.
 * Pages of one response (the same link but for `page`) are gathered over every input, in any
 * order; a page with no link (the last, often saved alone) counts toward every response of its
 * `count`. Where the values held fall short of the response's `count` (or, with no count, a
 * linked page is not there), the pages missing leave their values out of the report: said on
 * each input holding a page of that response.
 */
export function notePagesMissing(inputs: readonly ParsedInput[]): void {
  const responses = new Map<string, Response>();
  const unlinked: { input: ParsedInput; links: PageLinks }[] = [];
  for (const input of inputs) {
    for (const links of input.pages ?? []) {
      const query = queryOf(links);
      if (query === undefined) {
        unlinked.push({ input, links });
        continue;
      }
      const r = responses.get(query) ?? responses.set(query, { pages: [], count: null, held: 0 }).get(query)!;
      r.pages.push({ input, links });
      r.count ??= links.count;
      r.held += links.entries;
    }
  }
  const counted = new Set<PageLinks>();
  for (const r of responses.values()) {
    const lastPages = unlinked.filter(({ links }) => links.count !== null && links.count === r.count).map(({ links }) => links);
    for (const l of lastPages) counted.add(l);
    const held = r.held + lastPages.reduce((a, l) => a + l.entries, 0);
    const short = r.count !== null ? held < r.count : lastPages.length === 0 && linkedPageMissing(r);
    if (short) sayMissing(r, held);
  }
  // A page with no links, of no response held, whose count says the response has more values.
  for (const { input, links } of unlinked) {
    if (counted.has(links) || links.count === null || links.entries >= links.count) continue;
    input.findings.push(finding(input.file, { code: 'kolada-page-missing', args: { values: `${links.entries} of its ${links.count} values are`, url: 'it links to no other page' } }));
  }
}

/** With no count to go by: whether a page a link names is not held (the last page, linkless, may be any). */
function linkedPageMissing(r: Response): boolean {
  const held = new Set<number>();
  for (const { links } of r.pages) {
    const next = links.next === null ? undefined : pageAt(links.next);
    const previous = links.previous === null ? undefined : pageAt(links.previous);
    if (next !== undefined) held.add(next.page - 1);
    else if (previous !== undefined) held.add(previous.page + 1);
  }
  return r.pages.some(({ links }) => [links.next, links.previous].some((url) => {
    const at = url === null ? undefined : pageAt(url);
    return at !== undefined && !held.has(at.page);
  }));
}

function sayMissing(r: Response, held: number): void {
  const said = new Set<ParsedInput>();
  for (const { input, links } of r.pages) {
    if (said.has(input)) continue;
    said.add(input);
    const link = links.next ?? links.previous ?? '';
    const values = r.count === null ? 'not every page it links to is' : `${held} of its ${r.count} values are`;
    input.findings.push(finding(input.file, { code: 'kolada-page-missing', args: { values, url: link } }));
  }
}
