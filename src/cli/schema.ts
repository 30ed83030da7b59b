import { configJsonSchema } from '../config/schema.js';
import { reportJsonSchema } from '../report/json-schema.js';
import { EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';

export function runSchema(which: string, io: Io): number {
  const schemas: Record<string, () => unknown> = { config: configJsonSchema, report: reportJsonSchema };
  const make = schemas[which];
  if (make === undefined) throw new UsageError(`unknown schema "${which}"; expected one of: ${Object.keys(schemas).join(', ')}`);
  io.stdout.write(`${JSON.stringify(make(), null, 2)}\n`);
  return EXIT.ok;
}
