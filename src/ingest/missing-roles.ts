import type { Role } from '../config/schema.js';
import { truncate } from '../model/text.js';
import { ALIASES } from './columns.js';

/** Where a role can come from besides a column: a setting per input and its flag. */
const SUPPLIED_BY: Partial<Record<Role, string>> = {
  municipality: '"municipality" or --input-municipality',
  period: '"period" or --input-period',
  indicator: '"indicator" or --input-indicator',
};

/** A missing role's accepted column names and the config key or flag that supplies it instead. */
function howToSupply(role: Role): string {
  const names = ALIASES[role].slice(0, 5).join('/');
  const setting = SUPPLIED_BY[role] ?? `"columns": {"${role}": "<header>"}`;
  const extra = role === 'value' ? ', or one numeric column named by its indicator (u21468)' : '';
  return `${role} (a column named ${names}${extra}; or ${setting})`;
}

/**
 * The arguments of a header finding that says what was found and what is missing: each role found
 * with the column it came from, and for each missing role the accepted names and the setting.
 */
export function missingRoleArgs(headers: readonly string[], roles: Partial<Record<Role, number>>, missing: readonly Role[], columns: string): Record<string, string> {
  const found = (Object.entries(roles) as [Role, number][])
    .sort(([, a], [, b]) => a - b)
    .map(([role, idx]) => `${role} ← "${truncate(headers[idx] ?? '', 30)}"`);
  return {
    found: found.length > 0 ? found.join(', ') : 'none',
    missing: missing.map(howToSupply).join('; '),
    columns,
  };
}
