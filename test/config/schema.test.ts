import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/parse.js';

const config = (over: Record<string, unknown>) => JSON.stringify({ organisation: { name: 'X', code: 'BM' }, members: [{ code: '1460' }, { code: '1461' }], ...over });
const error = (text: string) => {
  try {
    parseConfig(text, 'c.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  return undefined;
};

describe('config that cannot be right is a config error with its key path', () => {
  it('a member listed twice', () => {
    expect(error(config({ members: [{ code: '1460' }, { code: '1461' }, { code: '1460' }] }))).toBe('c.json: members[2].code: member 1460 is listed twice (also members[0]); its costs would be counted twice');
  });
  it("the organisation's code taken by a member", () => {
    expect(error(config({ organisation: { name: 'X', code: '1461' } }))).toBe("c.json: organisation.code: the organisation's code 1461 is also a member's (members[1]); use another id");
  });
  it('fixed shares: overflowing, for a non-member, all zero', () => {
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 1e308, 1461: 1e308 } } }))).toBe([
      'c.json: allocation.shares.1460: a share above 1000000000 (received 1e+308); shares are weights such as percentages',
      'c.json: allocation.shares.1461: a share above 1000000000 (received 1e+308); shares are weights such as percentages',
    ].join('\n'));
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 50, 1480: 50 } } }))).toBe('c.json: allocation.shares.1480: 1480 is not among the members (1460, 1461)');
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 0, 1461: 0 } } }))).toBe('c.json: allocation.shares: every share is 0: the shared costs would be allocated to nobody');
  });
  it('a config that fits is read', () => {
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 30, 1461: 70 } } }))).toBeUndefined();
  });
});
