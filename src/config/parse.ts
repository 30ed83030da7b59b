import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { MUNICIPALITIES, REGIONS } from '../model/register.js';
import { configSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * JSON with line and block comments and trailing commas (JSONC, as `tillit init` writes it). The
 * first syntax error is reported with its line and column.
 */
function parseJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    throw new ConfigError(`${file}:${line}:${column}: not valid JSON: ${printParseErrorCode(first.error)}`);
  }
  return raw;
}

/**
 * Parses config text (JSON; comments and trailing commas allowed). Errors name the key path: `members[0].code: a four-digit municipality
 * code as a string, e.g. "0680" (received 680)`.
 */
export function parseConfig(text: string, file: string): Config {
  const raw = parseJsonc(text.replace(/^\uFEFF/, ''), file);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${messageOf(issue)}`);
    throw new ConfigError(lines.join('\n'), { cause: result.error });
  }
  const config = result.data;
  // Members and no organisation: the organisation is theirs, named by them, not by the tool.
  const named = typeof raw === 'object' && raw !== null && 'organisation' in raw;
  if (!named && config.members.length > 0) config.organisation.name = membersName(config.members);
  return config;
}

/** The members' names as one: `Bengtsfors`, `Bengtsfors och Mellerud`, `Bengtsfors, Mellerud och Dals-Ed`. */
function membersName(members: Config['members']): string {
  const names = members.map((m) => m.name ?? MUNICIPALITIES.get(m.code) ?? REGIONS.get(m.code) ?? m.code);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} och ${names.at(-1)!}`;
}

/** An issue's message; a record key's own (`"1460 Bengtsfors"` as a share's key), not zod's "Invalid key in record". */
function messageOf(issue: { code: string; message: string; issues?: readonly { message: string }[] }): string {
  return issue.code === 'invalid_key' && issue.issues?.[0] !== undefined ? issue.issues[0].message : issue.message;
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

