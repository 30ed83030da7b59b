import * as z from 'zod';
import { reportSchema } from '../model/report.js';

/** JSON Schema of `tillit report --format json`, printed by `tillit schema report`. */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { io: 'output' });
}
