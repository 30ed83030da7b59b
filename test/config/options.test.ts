import { describe, expect, it } from 'vitest';
import { flagChoices, flagValue, READ_KEYS, READ_OPTIONS, type ReadOption } from '../../src/config/options.js';
import { inputSchema } from '../../src/config/schema.js';

const options = READ_KEYS.map((key) => [key, READ_OPTIONS[key] as ReadOption] as const);

describe('the table of read options', () => {
  it('a flag offers its enum\'s values, a tab by its name', () => {
    expect(flagChoices(READ_OPTIONS.decimal)).toEqual([',', '.']);
    expect(flagChoices(READ_OPTIONS.delimiter)).toEqual([';', ',', 'tab']);
    expect(flagChoices(READ_OPTIONS.gender)).toEqual(['T', 'K', 'M', 'all']);
    expect(flagChoices(READ_OPTIONS.period)).toBeUndefined();
    expect(flagValue(READ_OPTIONS.delimiter, 'tab')).toBe('\t');
    expect(flagValue(READ_OPTIONS.delimiter, ';')).toBe(';');
  });

  it('every word a flag offers means a value its schema accepts', () => {
    for (const [key, o] of options) {
      for (const word of flagChoices(o) ?? []) expect(o.value.safeParse(flagValue(o, word)).success, `${key} ${word}`).toBe(true);
    }
  });

  it('a config entry takes the options the table gives a config key, with the same values, and no other', () => {
    const configurable = options.filter(([, o]) => o.config !== undefined).map(([key]) => key);
    expect(Object.keys(inputSchema.shape)).toEqual(['path', ...configurable, 'columns']);
    expect(configurable).not.toContain('gender');
    expect(inputSchema.safeParse({ path: 'a.csv', delimiter: '\t', decimal: ',', unit: 'mnkr', dash: 'missing' }).success).toBe(true);
    expect(inputSchema.safeParse({ path: 'a.csv', delimiter: 'tab' }).success).toBe(false);
    expect(inputSchema.safeParse({ path: 'a.csv', gender: 'K' }).success).toBe(false);
    expect(inputSchema.safeParse({ path: 'a.csv', indicator: '' }).success).toBe(false);
  });

  it('every option is set by a flag, a config entry or both', () => {
    for (const [key, o] of options) expect(o.flag !== undefined || o.config !== undefined, key).toBe(true);
  });
});
