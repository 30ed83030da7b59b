import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import type { ConfigProposal } from '../../src/config/proposal.js';
import { renderProposal } from '../../src/config/render-proposal.js';

const proposal = (over: Partial<ConfigProposal> = {}): ConfigProposal => ({
  notes: ['top note'],
  organisation: { name: 'Org', code: 'ORG', aliases: [], notes: [] },
  members: [{ code: '1460', name: 'Bengtsfors', notes: [] }],
  inputs: [{ spec: { path: 'a.csv' }, notes: [] }],
  indicators: [{ spec: { id: 'x', title: { sv: 'X', en: 'X' }, better: 'higher', unit: '%' }, notes: [] }],
  ...over,
});

describe('renderProposal', () => {
  it('writes JSONC that parses back to the proposed values', () => {
    const config = parseConfig(renderProposal(proposal()), 'p.json');
    expect(config.organisation.name).toBe('Org');
    expect(config.members).toEqual([{ code: '1460', kind: 'municipality', name: 'Bengtsfors', aliases: [], contains: [], population: {}, usage: {} }]);
    expect(config.inputs).toEqual([{ path: 'a.csv' }]);
    expect(config.indicators[0]).toMatchObject({ id: 'x', better: 'higher', unit: '%' });
  });

  it('keeps texts from files valid: quotes, `":`, line breaks in notes and names', () => {
    const odd = 'Nöjd "mycket": ja\nnej';
    const text = renderProposal(proposal({
      notes: [`line one\nline two ${odd}`],
      organisation: { name: odd, code: 'ORG', aliases: [odd], notes: [odd] },
      indicators: [{ spec: { id: 'q', title: { sv: odd, en: odd }, better: 'none', unit: 'number' }, notes: [odd] }],
    }));
    const config = parseConfig(text, 'p.json');
    expect(config.organisation.name).toBe(odd);
    expect(config.indicators[0]!.title.sv).toBe(odd);
    for (const line of text.split('\n')) expect(line.startsWith('//') || line.trimStart().startsWith('//') || !line.includes('line two')).toBe(true);
  });

  it('comments a disabled input out and leaves no trailing comma before it', () => {
    const text = renderProposal(proposal({
      inputs: [{ spec: { path: 'a.csv' }, notes: [] }, { spec: { path: 'b.csv' }, notes: [], disabled: 'not readable' }],
    }));
    expect(text).toContain('    { "path": "a.csv" }\n    // not readable: { "path": "b.csv" }\n  ],');
    expect(parseConfig(text, 'p.json').inputs).toEqual([{ path: 'a.csv' }]);
  });

  it('with no members writes an empty list and the note why', () => {
    const text = renderProposal(proposal({ members: [], membersNote: 'CHECK: 290 municipalities' }));
    expect(text).toContain('// CHECK: 290 municipalities\n  "members": [],');
    expect(parseConfig(text, 'p.json').members).toEqual([]);
  });
});

describe('parseConfig reads JSONC', () => {
  it('allows comments and trailing commas', () => {
    const config = parseConfig('// c\n{ /* b */ "organisation": { "name": "A", }, }\n', 'c.json');
    expect(config.organisation.name).toBe('A');
  });
  it('names the line and column of a syntax error', () => {
    expect(() => parseConfig('{\n  "organisation": { "name": "A" }\n  "members": []\n}', 'c.json')).toThrow(/^c\.json:3:3: not valid JSON: CommaExpected$/);
  });
});
