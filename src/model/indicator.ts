import * as z from 'zod';
import { better, valueUnit } from './vocabulary.js';

const title = z.object({ sv: z.string(), en: z.string() }).strict();

/** An indicator as a catalogue entry: the config's `indicators`, and the Kolada KPIs tillit knows. */
export const indicatorSchema = z
  .object({
    id: z.string().min(1),
    title,
    better: better.default('higher'),
    unit: valueUnit.default('%'),
    target: z.number().optional(),
    breaks: z.array(z.number().int()).default([]).describe('Years where a new definition starts.'),
    service: z.string().min(1).optional().describe('The service the indicator measures ("Hemtjänst"): its values without a service of their own (Kolada\'s) belong to it.'),
    headline: z.boolean().optional().describe('Heads its service (or, without `service`, every service it has values for) in quality beside cost; at most one per service.'),
  })
  .strict();

export type IndicatorSpec = z.infer<typeof indicatorSchema>;
