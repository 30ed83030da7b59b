import { finding, type Finding } from '../model/findings.js';
import { koladaTitle, RESPONDENT_COUNT_TITLE, SURVEY_SHARE_TITLE } from '../model/kolada-kpis.js';
import type { QualityRecord, ValueRecord } from '../model/records.js';

/**
 * Whether a value record is a count of respondents by its title ("Antal svarande", Kolada's "…,
 * antal svar"), a whole number: the respondents of the cell it counts.
 */
export function countsRespondents(r: ValueRecord): boolean {
  return r.n === null && Number.isInteger(r.value) && r.value >= 0 && RESPONDENT_COUNT_TITLE.test(r.title ?? koladaTitle(r.indicator) ?? r.indicator);
}

/** A response rate: "svarsfrekvens", "response rate". */
const RATE_TITLE = /svarsfrekvens|response rate/iu;

/** What a count title says besides the count: "Brukarbedömning IFO totalt, antal svar" → "brukarbedömning ifo totalt". */
const stem = (title: string): string => title.replace(RESPONDENT_COUNT_TITLE, ' ').replace(/[\s,;:(-]+$/u, '').trim().toLowerCase();

/** Where a figure is: its file, area, period, service and gender. */
const place = (r: ValueRecord): string => placeOf(r, r.service, r.gender);
const placeOf = (r: ValueRecord, service: string, gender: string): string => `${r.source.file}\u0000${r.area.code}\u0000${r.period}\u0000${service}\u0000${gender}`;

/** The respondents behind shares their own rows give no n for (see `respondentCounts`). */
export interface RespondentCounts {
  /** The respondents of a share's figure, from its file's count indicator; null when it has none there. */
  nOf(r: ValueRecord): number | null;
  /**
   * Whether a share whose file counts its respondents has no count of its own (a blank count, as
   * publishers blank small groups', or a count of the group it is part of only) and no small group
   * over it: its n cannot be checked, so it is set aside, as a blank n is (`n-missing`). Shown
   * without an n, women's 82.8 % and men's 54.5 % beside 75 % of 40 were 24 of 29 and 6 of 11.
   */
  unchecked(r: ValueRecord): boolean;
  /** Whether a value is a count of respondents (a title such as "Antal svarande"), a whole number: the n of what it counts. */
  isCount(r: ValueRecord): boolean;
  /** Where a share's own count is (see `countKey`); undefined for a share with none. */
  countKeyOf(r: ValueRecord): string | undefined;
  /** One warning per file whose shares took their n from a count indicator. */
  findings: Finding[];
}

/**
 * Shares (per cent, no n of their own) whose file gives the number of respondents as an indicator
 * of its own, for the same area, period, service and gender: the share takes that count as its n, so
 * a share of fewer respondents than the threshold is hidden as one with its n beside it would be
 * (shown, "50 %" beside "20 respondents" named a small group). Which count is a share's: see `countFor`.
 */
export function respondentCounts(inputs: readonly (readonly QualityRecord[])[], isShare: (indicator: string) => boolean, min = 0): RespondentCounts {
  const titles = new Map<string, string>();
  const indicatorsOf = new Map<string, Set<string>>();
  for (const records of inputs) for (const r of records) {
    if (r.kind !== 'values') continue;
    // A Kolada KPI's title is tillit's catalogue's when its file gives none.
    if (!titles.has(r.indicator)) titles.set(r.indicator, r.title ?? koladaTitle(r.indicator) ?? r.indicator);
    (indicatorsOf.get(r.source.file) ?? indicatorsOf.set(r.source.file, new Set()).get(r.source.file)!).add(r.indicator);
  }
  const isCount = (id: string) => !isShare(id) && RESPONDENT_COUNT_TITLE.test(titles.get(id)!);
  // A response rate is a share of those asked, not of those who answered: no n of respondents.
  const takesCount = (id: string) => isShare(id) && !RATE_TITLE.test(titles.get(id)!);
  // Per file, each share's count indicator.
  const countOf = new Map<string, Map<string, string>>();
  const findings: Finding[] = [];
  for (const [file, ids] of indicatorsOf) {
    const counts = [...ids].filter(isCount);
    if (counts.length === 0) continue;
    const links = new Map<string, string>();
    for (const id of ids) {
      if (!takesCount(id)) continue;
      const count = countFor(titles.get(id)!, counts, titles);
      if (count !== undefined) links.set(id, count);
    }
    if (links.size === 0) continue;
    countOf.set(file, links);
    const shares = [...links.keys()].map((id) => titles.get(id)!);
    findings.push(finding(file, { code: 'n-from-count', args: { shares: listed(shares), count: listed([...new Set(links.values())].map((id) => titles.get(id)!)) } }));
  }
  const n = countValues(inputs, countOf);
  const nOf = (r: ValueRecord): number | null | undefined => {
    const count = countOf.get(r.source.file)?.get(r.indicator);
    if (count === undefined) return null;
    const exact = n.get(`${count}\u0000${place(r)}`);
    if (exact !== undefined) return exact;
    // A part of a counted group (women of all, a service of all services) has at most its
    // respondents: under the threshold the group's count hides it too; above, its own n is unknown.
    const group = [placeOf(r, r.service, 'T'), placeOf(r, '', r.gender), placeOf(r, '', 'T')].map((p) => n.get(`${count}\u0000${p}`)).find((v) => v !== undefined);
    return group !== undefined && group < min ? group : undefined;
  };
  // Shares whose n cannot be checked, named per file (no count: how many are hidden is no secret).
  const unchecked = new Map<string, Set<string>>();
  for (const records of inputs) for (const r of records) {
    if (r.kind !== 'values' || r.n !== null || !countOf.get(r.source.file)?.has(r.indicator) || nOf(r) !== undefined) continue;
    (unchecked.get(r.source.file) ?? unchecked.set(r.source.file, new Set()).get(r.source.file)!).add(titles.get(r.indicator)!);
  }
  for (const [file, shares] of unchecked) findings.push(finding(file, { code: 'n-count-missing', args: { shares: listed([...shares]) } }));
  return {
    nOf: (r) => nOf(r) ?? null,
    unchecked: (r) => r.n === null && nOf(r) === undefined,
    isCount: (r) => r.n === null && isCount(r.indicator) && Number.isInteger(r.value) && r.value >= 0,
    countKeyOf: (r) => {
      const count = countOf.get(r.source.file)?.get(r.indicator);
      return count !== undefined && n.has(`${count}\u0000${place(r)}`) ? countKey(count, r) : undefined;
    },
    findings,
  };
}

/** A count's place among the observations: its file, area, period, service, gender and indicator. */
export function countKey(indicator: string, r: ValueRecord): string {
  return `${indicator}\u0000${place(r)}`;
}

/**
 * The count indicator of a share: one whose title names no survey ("Antal svarande", PX-Web's
 * table of one survey) when it is the file's only one; else the one whose stem is the share's
 * survey, the whole of what its title says before a separator ("Brukarbedömning IFO totalt" for
 * "Brukarbedömning IFO totalt - helhetssyn"; not "Brukarbedömning" for "Brukarbedömning hemtjänst
 * …", a count of every survey's respondents, or of another's).
 */
function countFor(title: string, counts: readonly string[], titles: ReadonlyMap<string, string>): string | undefined {
  const lower = title.toLowerCase();
  let best: string | undefined;
  let length = -1;
  for (const id of counts) {
    const s = stem(titles.get(id)!);
    const names = s === '' ? counts.length === 1 && SURVEY_SHARE_TITLE.test(lower) : lower.startsWith(s) && /^\s*[-–,:;(]/u.test(lower.slice(s.length));
    if (names && s.length > length) [best, length] = [id, s.length];
  }
  return best;
}

/** The linked count indicators' values, by indicator and place; a count that is no whole number of respondents is none. */
function countValues(inputs: readonly (readonly QualityRecord[])[], countOf: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, number> {
  const used = new Set<string>();
  for (const links of countOf.values()) for (const id of links.values()) used.add(id);
  const out = new Map<string, number>();
  for (const records of inputs) for (const r of records) {
    if (r.kind !== 'values' || !used.has(r.indicator) || !countOf.has(r.source.file)) continue;
    if (Number.isInteger(r.value) && r.value >= 0) out.set(`${r.indicator}\u0000${place(r)}`, r.value);
  }
  return out;
}

/** Titles quoted, at most three named: `"A", "B", "C" and 2 more`. */
const listed = (titles: readonly string[]): string => titles.slice(0, 3).map((t) => `"${t}"`).join(', ') + (titles.length > 3 ? ` and ${titles.length - 3} more` : '');
