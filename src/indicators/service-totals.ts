import { AREA, INDICATOR, OTHER, PERIOD, POSITIVE, SERVICE, type AnswerTable } from '../model/answer-table.js';
import { finding, type Finding } from '../model/findings.js';
import type { QualityInput } from '../model/input.js';
import type { QualityRecord } from '../model/records.js';
import { firstNamed, normalizeLabel } from '../model/text.js';
import { countsRespondents } from './respondent-counts.js';

/** Words that make a service a total wherever they stand: `Totalt`, `Äldreomsorg (totalt)`, a stub's `Hemtjänst – Totalt`. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(['total', 'totalt', 'totalsumma', 'summa', 'sammantaget']);
/** Words that do as a service's first word: `Samtliga verksamheter`, `Alla enheter`, `Hela kommunen`. */
const ALL_WORDS: ReadonlySet<string> = new Set(['samtliga', 'alla', 'hela']);

/** Whether a service's label says it is the total of the others. */
export function isTotalService(service: string): boolean {
  const words = normalizeLabel(service).split(/[^\p{L}\d]+/u).filter((w) => w !== '');
  return words.some((w) => TOTAL_WORDS.has(w)) || (words.length > 0 && ALL_WORDS.has(words[0]!)) || words.join(' ') === 's a';
}

/**
 * Survey rows of a service that is the total of other services for an indicator, in any of the
 * inputs: labelled so (`isTotalService`), or counting exactly the respondents of two or more other
 * services together wherever they all stand, or anywhere one of them is below the minimum
 * (`sumsOthers`, `sumsSearched`): `Äldreomsorg` beside `Hemtjänst` and `Särskilt boende`, a level
 * between them and `Totalt`. The services beside it may be published rows or counted from answers. Such a total less the services shown gives a
 * hidden one away, and the suppression's relations are across areas, not services: a total's row is
 * left out where another service of its indicator stands beside it, with what would give it back
 * (`totalRowsLeftOut`), said in a warning per file; a municipality's total standing alone is its
 * only figure and stays. A
 * service alone for an indicator is no total; where every service is labelled a total (`Hemtjänst
 * totalt`), the sums decide.
 */
export function withoutServiceTotals(inputs: readonly QualityInput[], minRespondents: number): { inputs: QualityInput[]; findings: Finding[] } {
  const records = inputs.flatMap((i) => i.records);
  // Only a published row can be a total; with none, nothing is looked at (a file of answers alone).
  if (!records.some(isSurvey)) return { inputs: [...inputs], findings: [] };
  // Services counted from answers stand beside a published total too: "Totalt" 112 beside the
  // answers' Hemtjänst 100 gave their hidden Särskilt boende's 12 (a helper's attack).
  const answered = answerCells(inputs.flatMap((i) => i.answers ?? []), new Set(records.filter(isSurvey).map((r) => r.indicator)));
  const { totals, spots } = totalServices(records, answered, minRespondents);
  if (totals.size === 0 && spots.size === 0) return { inputs: [...inputs], findings: [] };
  const leftOut = totalRowsLeftOut(records, answered, totals, spots);
  const out = inputs.map((input) => ({ ...input, records: input.records.filter((r) => !leftOut(r)) }));
  const byFile = new Map<string, string[]>();
  for (const r of records) {
    if (!leftOut(r)) continue;
    const list = byFile.get(r.source.file) ?? byFile.set(r.source.file, []).get(r.source.file)!;
    if (!list.includes(r.service)) list.push(r.service);
  }
  const findings = [...byFile].map(([file, services]) => finding(file, { code: 'service-total-left-out', args: { services: firstNamed(services, 3), count: services.length } }));
  return { inputs: out, findings };
}

/** A cell counted from answers: its indicator, service, area, period and gender, with its respondents. */
interface AnswerCell {
  indicator: string;
  service: string;
  area: string;
  period: string;
  gender: string;
  n: number;
}

/**
 * The cells files of answers give for `indicators` (those of published rows), each with its
 * respondents (positive and other answers; a group split over parts of a file added up), a woman's
 * and a man's also in their total.
 */
function answerCells(tables: readonly AnswerTable[], indicators: ReadonlySet<string>): AnswerCell[] {
  const cells = new Map<string, AnswerCell>();
  for (const t of tables) {
    for (let i = 0; i < t.length; i++) {
      // Only a question some published row gives can stand beside a total of it.
      if (!indicators.has(t.text(i, INDICATOR))) continue;
      const n = t.count(i, POSITIVE) + t.count(i, OTHER);
      const gender = t.gender(i);
      for (const g of gender === 'T' ? ['T'] : ['T', gender]) {
        const at = { indicator: t.text(i, INDICATOR), service: t.text(i, SERVICE), area: t.areas[t.key(i, AREA)]!.code, period: t.text(i, PERIOD), gender: g };
        const k = `${at.indicator}\u0000${at.service}\u0000${at.area}\u0000${at.period}\u0000${g}`;
        const c = cells.get(k);
        if (c !== undefined) c.n += n;
        else cells.set(k, { ...at, n });
      }
    }
  }
  return [...cells.values()];
}

/**
 * Which of the totals' rows go: those with another service of their indicator beside them, and
 * with them what would give them back: the same area and period's other genders (a woman's and a
 * man's add up to the total) and every container's row of the total in that period (Riket less the
 * municipalities' totals shown is the one left out). What stays is an area's only figure.
 */
function totalRowsLeftOut(records: readonly QualityRecord[], answered: readonly AnswerCell[], totals: ReadonlySet<string>, spots: ReadonlySet<string>): (r: QualityRecord) => boolean {
  const beside = new Set<string>();
  for (const r of records) if (isSurvey(r) && !totals.has(key(r.indicator, r.service))) beside.add(groupOf(r));
  for (const c of answered) if (!totals.has(key(c.indicator, c.service))) beside.add(`${c.indicator}\u0000${c.area}\u0000${c.period}\u0000${c.gender}`);
  const places = new Set<string>();
  const periods = new Set<string>();
  for (const r of records) {
    if (!isSurvey(r) || !totals.has(key(r.indicator, r.service)) || !beside.has(groupOf(r))) continue;
    places.add(`${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`);
    periods.add(`${key(r.indicator, r.service)}\u0000${r.period}`);
  }
  // A place where a service adds up with a small part only there: its row, its genders', and its
  // containers' rows of that service that year.
  const spotPeriods = new Set([...spots].map((spot) => {
    const [indicator, service, , period] = spot.split('\u0000');
    return `${key(indicator!, service!)}\u0000${period}`;
  }));
  return (r) => isSurvey(r) && ((totals.has(key(r.indicator, r.service))
    && (places.has(`${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`) || (r.area.kind !== 'municipality' && periods.has(`${key(r.indicator, r.service)}\u0000${r.period}`))))
    || spots.has(`${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`)
    || (r.area.kind !== 'municipality' && spotPeriods.has(`${key(r.indicator, r.service)}\u0000${r.period}`)));
}

const isSurvey = (r: QualityRecord): r is Extract<QualityRecord, { kind: 'survey' | 'values' }> => r.kind === 'survey' || r.kind === 'values';
const key = (indicator: string, service: string) => `${indicator}\u0000${service}`;
/** A record's indicator, area, period and gender: where a total and its services stand together. */
const groupOf = (r: Extract<QualityRecord, { kind: 'survey' | 'values' }>) => `${r.indicator}\u0000${r.area.code}\u0000${r.period}\u0000${r.gender}`;

/** Each service's respondents per area, period and gender, by indicator. */
type Counts = Map<string, Map<string, Map<string, number>>>;

/**
 * The (indicator, service) keys of the totals among records, beside the services answers give; and
 * the places (indicator, service, area, period) where a service adds up with a small part only there.
 */
function totalServices(records: readonly QualityRecord[], answered: readonly AnswerCell[], minRespondents: number): { totals: Set<string>; spots: Set<string> } {
  const cells: Counts = new Map();
  const put = (indicator: string, service: string, group: string, n: number | null) => {
    const services = cells.get(indicator) ?? cells.set(indicator, new Map()).get(indicator)!;
    const groups = services.get(service) ?? services.set(service, new Map()).get(service)!;
    if (n !== null) groups.set(group, n);
  };
  // A count of respondents ("Antal svarande") is its cell's n: a file that gives its shares' n so
  // has its totals found by their counts (112 = 100 + 12 beside shares of no n of their own).
  for (const r of records) if (isSurvey(r)) put(r.indicator, r.service, `${r.area.code}\u0000${r.period}\u0000${r.gender}`, r.n ?? (r.kind === 'values' && countsRespondents(r) ? r.value : null));
  // A published row's n stands for its cell; the answers' count where no row gives one.
  for (const c of answered) {
    const group = `${c.area}\u0000${c.period}\u0000${c.gender}`;
    if (cells.get(c.indicator)?.get(c.service)?.has(group) !== true) put(c.indicator, c.service, group, c.n);
  }
  const out = new Set<string>();
  const sums = new Map<string, SumEvidence>();
  for (const [indicator, services] of cells) {
    if (services.size < 2) continue;
    const all = [...services.keys()];
    const named = all.filter(isTotalService);
    const labelled = named.length === all.length ? [] : named;
    for (const s of labelled) out.add(key(indicator, s));
    const parts = all.filter((s) => !labelled.includes(s));
    if (parts.length - 1 > MAX_SEARCHED) sumsSearched(indicator, parts, services, sums, minRespondents);
    else for (const s of parts) sumsOthers(indicator, s, parts.filter((o) => o !== s), services, sums, minRespondents);
  }
  // A total is one whose sum holds wherever its parts all stand, in more than one group, or in its
  // one group where a part is below the minimum. A sum that holds where a part is below the minimum
  // but not everywhere is left out there (its area and year): a total one respondent off in 2025 (a
  // service the file does not give) still gave 2024's 12 away, and a service that only once
  // happens to equal others' with a small one among them would give that one away as well.
  const spots = new Set<string>();
  for (const e of sums.values()) {
    if (e.holds && (e.matched > 1 || e.protects)) for (const k of e.keys) out.add(k);
    else if (e.protects) e.keys.forEach((k, i) => { for (const g of e.spots[i]!) spots.add(`${k}\u0000${spotOf(g)}`); });
  }
  // A total found by a file's count of respondents is a total of the shares that count stands
  // beside: that service of every indicator of the file goes too.
  const counted = new Map<string, Set<string>>();
  const spotted = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.kind !== 'values' || !countsRespondents(r)) continue;
    if (out.has(key(r.indicator, r.service))) (counted.get(r.source.file) ?? counted.set(r.source.file, new Set()).get(r.source.file)!).add(r.service);
    const spot = `${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`;
    if (spots.has(spot)) (spotted.get(r.source.file) ?? spotted.set(r.source.file, new Set()).get(r.source.file)!).add(`${r.service}\u0000${r.area.code}\u0000${r.period}`);
  }
  for (const r of records) {
    if (!isSurvey(r)) continue;
    if (counted.get(r.source.file)?.has(r.service) === true) out.add(key(r.indicator, r.service));
    if (spotted.get(r.source.file)?.has(`${r.service}\u0000${r.area.code}\u0000${r.period}`) === true) spots.add(`${key(r.indicator, r.service)}\u0000${r.area.code}\u0000${r.period}`);
  }
  return { totals: out, spots };
}

/** A group's area and period (its key less the gender): where a sum's row and its genders go. */
const spotOf = (group: string): string => group.slice(0, group.lastIndexOf('\u0000'));

/**
 * What the data say of one service as the sum of one set of others, over every indicator and group
 * where they all stand: whether the sum held everywhere, in how many groups, and whether one of them
 * had a part below the minimum (which the total less the others would give away).
 */
interface SumEvidence {
  holds: boolean;
  matched: number;
  protects: boolean;
  keys: string[];
  /** Per key, the groups (area, period, gender) where the sum holds with a part below the minimum. */
  spots: string[][];
}

/** At most this many other services are searched for a set that adds up to one (2^8 sets). */
const MAX_SEARCHED = 8;

/**
 * Adds to `sums` what one indicator says of service `s` as the sum of each set of two or more
 * `others`. A total is one where the sum holds everywhere they all stand, in more than one group
 * (over all indicators: a real total counts its services' respondents question after question), or
 * in any group where a part is below the minimum, whatever the others say: a service whose
 * respondents only once happen to equal two others' stays, unless leaving it would give a small one
 * away.
 */
function sumsOthers(indicator: string, s: string, others: readonly string[], services: ReadonlyMap<string, ReadonlyMap<string, number>>, sums: Map<string, SumEvidence>, minRespondents: number): void {
  if (others.length < 2 || others.length > MAX_SEARCHED) return;
  const own = services.get(s)!;
  for (let set = 1; set < 1 << others.length; set++) {
    const members = others.filter((_, k) => (set >> k) & 1);
    if (members.length < 2) continue;
    const { matched, holds, spots } = evidenceOf(own, members, services, minRespondents);
    // A question where the set never adds up still counts against it (`holds`): the sum must hold wherever they all stand.
    if (matched === 0 && holds) continue;
    note(sums, indicator, [s, ...members], holds, matched, spots);
  }
}

/** Adds one set's evidence (see `SumEvidence`) under its members' names. */
function note(sums: Map<string, SumEvidence>, indicator: string, names: readonly string[], holds: boolean, matched: number, spots: readonly string[]): void {
  // The same set in every question, in whatever order its services first came.
  const id = [names[0]!, ...names.slice(1).sort()].join('\u0000');
  const e = sums.get(id) ?? sums.set(id, { holds: true, matched: 0, protects: false, keys: [], spots: [] }).get(id)!;
  e.holds &&= holds;
  e.matched += matched;
  e.protects ||= spots.length > 0;
  e.keys.push(key(indicator, names[0]!));
  e.spots.push([...spots]);
}

/** How many steps one search, and all of an indicator's, may take; and how many services a set found so may have. */
const SEARCH_STEPS = 20_000;
const INDICATOR_STEPS = 500_000;
const SEARCHED_PARTS = 4;

/**
 * `sumsOthers` for more services than all their sets can be tried (ten and more, 2^9 sets each):
 * in each group, the sets of up to four services standing there that add up to another's
 * respondents, found by a search that drops a branch once its sum is past the target or cannot
 * reach it, are noted with what every group says of them (a national file of ten services hid
 * nothing before, a helper's attack). A search is cut at its steps, an indicator's searches at
 * theirs (a national file of units, thousands of services): sets of more services, or past the
 * steps, are not found, as none were before.
 */
function sumsSearched(indicator: string, parts: readonly string[], services: ReadonlyMap<string, ReadonlyMap<string, number>>, sums: Map<string, SumEvidence>, minRespondents: number): void {
  // Each group's services, once: a service's others are those of its groups, not the indicator's all.
  const byGroup = new Map<string, { name: string; n: number }[]>();
  for (const name of parts) for (const [group, n] of services.get(name)!) (byGroup.get(group) ?? byGroup.set(group, []).get(group)!).push({ name, n });
  for (const list of byGroup.values()) list.sort((a, b) => b.n - a.n);
  let budget = INDICATOR_STEPS;
  for (const s of parts) {
    const found = new Set<string>();
    for (const [group, target] of services.get(s)!) {
      const here = byGroup.get(group)!.filter((o) => o.name !== s && o.n > 0 && o.n <= target);
      const after = new Array<number>(here.length + 1).fill(0);
      for (let k = here.length - 1; k >= 0; k--) after[k] = after[k + 1]! + here[k]!.n;
      let steps = 0;
      const chosen: number[] = [];
      const search = (from: number, sum: number): void => {
        if (++steps > SEARCH_STEPS || --budget < 0) return;
        if (sum === target && chosen.length >= 2) found.add(chosen.map((k) => here[k]!.name).join('\u0000'));
        if (chosen.length === SEARCHED_PARTS) return;
        for (let k = from; k < here.length; k++) {
          if (sum + after[k]! < target) break;
          if (sum + here[k]!.n > target) continue;
          chosen.push(k);
          search(k + 1, sum + here[k]!.n);
          chosen.pop();
        }
      };
      search(0, 0);
      if (budget < 0) break;
    }
    for (const set of found) {
      const members = set.split('\u0000');
      const { matched, holds, spots } = evidenceOf(services.get(s)!, members, services, minRespondents);
      // Among so many services a sum with a small part in one group is a coincidence more often than
      // not (units of 5 to 99 respondents, thirty to a municipality): a set found so is a total only
      // where it holds in every group they all stand in, more than one; or in the one group a file
      // gives, where nothing says otherwise (one municipality's Äldreomsorg 229 = 112 + 108 + 9 among
      // eleven services gave its hidden Korttidsboende's 9 and its 6 positive answers).
      const alone = services.get(s)!.size === 1;
      note(sums, indicator, [s, ...members], holds, matched, holds && (matched > 1 || alone) ? spots : []);
    }
    if (budget < 0) return;
  }
}

/**
 * Whether `members`' respondents add up to a service's (`own`, by group) wherever they all stand:
 * in how many groups they do, whether they do in every one, and the groups where they do with a
 * member below the minimum.
 */
function evidenceOf(own: ReadonlyMap<string, number>, members: readonly string[], services: ReadonlyMap<string, ReadonlyMap<string, number>>, minRespondents: number): { matched: number; holds: boolean; spots: string[] } {
  let matched = 0;
  let holds = true;
  const spots: string[] = [];
  for (const [group, n] of own) {
    const counts = members.map((m) => services.get(m)!.get(group));
    if (counts.some((c) => c === undefined)) continue;
    if (counts.reduce((a, c) => a! + c!, 0) !== n) {
      holds = false;
      continue;
    }
    matched++;
    if (counts.some((c) => c! < minRespondents)) spots.push(group);
  }
  return { matched, holds, spots };
}
