import { configSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses config text. Errors name the key path: `members[0].code: a four-digit municipality
 * code as a string, e.g. "0680" (received 680)`.
 */
export function parseConfig(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new ConfigError(`${file}: not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
    throw new ConfigError(lines.join('\n'), { cause: result.error });
  }
  return result.data;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** The defaults a run without any config uses. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

