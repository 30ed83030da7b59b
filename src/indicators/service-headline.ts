import { KOLADA_KPIS } from '../model/kolada-kpis.js';
import type { IndicatorSpec } from '../model/indicator.js';
import { normalizeLabel } from '../model/text.js';
import type { Better } from '../model/vocabulary.js';

/** How a service's headline indicator was chosen (JSON `qualityBesideCost[].headlineRule`). */
export type HeadlineRule = 'marked' | 'first-listed' | 'tillit-catalogue' | 'first-by-id';

export interface Headline {
  indicator: string;
  rule: HeadlineRule;
}

/** What the choice reads of the catalogue: each indicator's entry and its place among the config's. */
export interface HeadlineCatalogue {
  get(id: string): IndicatorSpec | undefined;
  /** The indicator's place in the config's `indicators`; `Number.MAX_SAFE_INTEGER` when not listed. */
  indicatorOrder(id: string): number;
  /** Which direction is better, as the quality table has it (survey questions: higher). */
  directionOf(id: string): Better;
}

const UNLISTED = Number.MAX_SAFE_INTEGER;
const koladaIndex = new Map(KOLADA_KPIS.map((k, i) => [k.id, i]));

/**
 * The headline indicator of one service, among the indicators with values for it (`candidates`,
 * each with a better direction other than `none` unless marked):
 * 1. `marked`: the one the config marks `"headline": true` with this `service`; else one marked
 *    without a service (it heads every service it has values for);
 * 2. `first-listed`: the first of the config's `indicators` with values for the service;
 * 3. `tillit-catalogue`: the first of the Kolada KPIs tillit knows (in `KOLADA_KPIS` order);
 * 4. `first-by-id`: the first by id.
 * Null when no candidate has a better direction (a count of respondents heads nothing).
 * @example serviceHeadline('Hemtjänst', ['trygghet', 'helhetssyn'], catalogue) // { indicator: 'helhetssyn', rule: 'first-listed' } when the config lists helhetssyn first
 */
export function serviceHeadline(service: string, candidates: readonly string[], catalogue: HeadlineCatalogue): Headline | null {
  const key = normalizeLabel(service);
  const marked = (own: boolean) =>
    candidates.find((id) => {
      const spec = catalogue.get(id);
      return spec?.headline === true && (own ? spec.service !== undefined && normalizeLabel(spec.service) === key : spec.service === undefined);
    });
  const chosen = marked(true) ?? marked(false);
  if (chosen !== undefined) return { indicator: chosen, rule: 'marked' };
  const ranked = candidates
    .filter((id) => catalogue.directionOf(id) !== 'none')
    .map((id) => ({ id, listed: catalogue.indicatorOrder(id), kolada: koladaIndex.get(id.toUpperCase()) ?? UNLISTED }))
    .sort((a, b) => a.listed - b.listed || a.kolada - b.kolada || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const first = ranked[0];
  if (first === undefined) return null;
  const rule: HeadlineRule = first.listed !== UNLISTED ? 'first-listed' : first.kolada !== UNLISTED ? 'tillit-catalogue' : 'first-by-id';
  return { indicator: first.id, rule };
}
