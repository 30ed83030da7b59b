import * as z from 'zod';
import { better, valueUnit } from './vocabulary.js';
import type { Better, ValueUnit } from './vocabulary.js';

/** A title in one language: an empty one headed the indicator's rows with nothing in that language's reports. */
const titleText = z.string().regex(/\S/, 'an empty title: rows of this indicator would have no name in reports in this language; write one (the other language\'s may stand in)');
const title = z.object({ sv: titleText, en: titleText }).strict();

/**
 * An indicator as a catalogue entry: the config's `indicators`, and the Kolada KPIs tillit knows.
 * `better`, `unit` and `breaks` have no default: a key the config leaves out is taken from tillit's
 * Kolada catalogue, else stays unknown (no status, no rank, no "%"); a default here would override
 * what the catalogue knows with what nobody wrote.
 */
export const indicatorSchema = z
  .object({
    id: z.string().min(1),
    title,
    better: better.optional().describe('Which direction is better: "higher", "lower" or "none" (no status, rank or judgement). Left out: what tillit knows of the Kolada KPI; else a survey question\'s share is better higher and any other indicator gets no status and no rank.'),
    unit: valueUnit.optional().describe('The unit of its values. Left out: what tillit knows of the Kolada KPI; else percent for a survey question\'s share, and otherwise what the data\'s title says (a plain number when it says nothing).'),
    target: z.number().optional(),
    breaks: z.array(z.number().int()).optional().describe('Years where a new definition starts. Left out: what tillit knows of the Kolada KPI, else none.'),
    service: z.string().min(1).optional().describe('The service the indicator measures ("Hemtjänst"): its values without a service of their own (Kolada\'s) belong to it.'),
    headline: z.boolean().optional().describe('Heads its service (or, without `service`, every service it has values for) in quality beside cost; at most one per service.'),
  })
  .strict();

/** A catalogue entry as the config writes it: any of `better`, `unit` and `breaks` may be unknown. */
export type IndicatorSpec = z.infer<typeof indicatorSchema>;

/** A Kolada KPI tillit knows: its direction (`none` when not known), unit and breaks are always stated. */
export type KnownIndicator = IndicatorSpec & { better: Better; unit: ValueUnit; breaks: number[] };
