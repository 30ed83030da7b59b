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

/** The page a saved page is, told by its neighbours' links: the next one's number less one, or the previous one's plus one. */
function ownPage(links: PageLinks): PageAt | undefined {
  const next = links.next === null ? undefined : pageAt(links.next);
  if (next !== undefined) return { query: next.query, page: next.page - 1 };
  const previous = links.previous === null ? undefined : pageAt(links.previous);
  return previous === undefined ? undefined : { query: previous.query, page: previous.page + 1 };
}

/**
 * A saved Kolada response is one page of many when its `next_url` (or `previous_url`) is set: a
 * page its links name that no input holds leaves that page's values out of the report, which is
 * said on the input that names it (pages may be saved as separate files, in any order). A link
 * with no page number cannot be matched and is said too.
 */
export function notePagesMissing(inputs: readonly ParsedInput[]): void {
  const held = new Map<string, Set<number>>();
  for (const input of inputs) {
    for (const links of input.pages ?? []) {
      const own = ownPage(links);
      if (own !== undefined) (held.get(own.query) ?? held.set(own.query, new Set()).get(own.query)!).add(own.page);
    }
  }
  for (const input of inputs) {
    const said = new Set<string>();
    for (const links of input.pages ?? []) {
      for (const url of [links.next, links.previous]) {
        if (url === null || said.has(url)) continue;
        const at = pageAt(url);
        if (at !== undefined && held.get(at.query)?.has(at.page)) continue;
        said.add(url);
        input.findings.push(finding(input.file, { code: 'kolada-page-missing', args: { page: at === undefined ? 'another page' : `page ${at.page}`, url } }));
      }
    }
  }
}
