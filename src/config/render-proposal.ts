import type { ConfigProposal, ProposedInput } from './proposal.js';
import { configSchema } from './schema.js';

/**
 * The proposal as a commented config (JSONC, as `tillit report` reads it). Every value goes through
 * JSON.stringify, so any text from the files stays a valid string; notes become `//` lines, which
 * end at a line break, so a note's line breaks are made spaces.
 */
export function renderProposal(p: ConfigProposal): string {
  const out: string[] = [];
  for (const n of p.notes) out.push(comment('', n));
  out.push('{');
  out.push(...organisation(p));
  out.push(...members(p));
  if (p.overlap) out.push(comment('  ', p.overlap), `  "allocation": ${inline({ method: 'population', overlap: 'remainder' })},`);
  out.push(...peers(p));
  out.push(...inputs(p.inputs));
  out.push(...indicators(p));
  out.push(...defaults());
  out.push('}');
  return `${out.join('\n')}\n`;
}

function comment(indent: string, text: string): string {
  return `${indent}// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

const json = (v: unknown): string => JSON.stringify(v);

/** What the schema fills in for a config that says nothing. */
const DEFAULTS = configSchema.parse({});

/** An object on one line, `{ "key": value, … }`, nested objects alike; texts escaped by JSON.stringify. */
function inline(v: unknown): string {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return json(v);
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  return `{ ${entries.map(([k, x]) => `${json(k)}: ${inline(x)}`).join(', ')} }`;
}

function organisation(p: ConfigProposal): string[] {
  const o = p.organisation;
  return [
    ...o.notes.map((n) => comment('  ', n)),
    `  "organisation": ${inline({ name: o.name, code: o.code, aliases: o.aliases, language: DEFAULTS.organisation.language })},`,
  ];
}

function members(p: ConfigProposal): string[] {
  const lines = [
    comment('  ', 'Members: population per year ("population": {"2024": 9498}) is needed to split shared costs by population.'),
  ];
  if (p.membersNote) lines.push(comment('  ', p.membersNote));
  if (p.members.length === 0) return [...lines, '  "members": [],'];
  lines.push('  "members": [');
  p.members.forEach((m, i) => {
    for (const n of m.notes) lines.push(comment('    ', n));
    lines.push(`    ${inline({ code: m.code, name: m.name })}${i < p.members.length - 1 ? ',' : ''}`);
  });
  lines.push('  ],');
  return lines;
}

function peers(p: ConfigProposal): string[] {
  if (!p.peers) return [];
  return [comment('  ', p.peers.note), `  "peers": ${inline({ [p.peers.name]: p.peers.codes })},`];
}

function inputs(list: readonly ProposedInput[]): string[] {
  const lines = [comment('  ', 'Inputs: paths relative to this file. Remove a file or add one with { "path": "..." }.'), '  "inputs": ['];
  const enabled = list.filter((i) => !i.disabled);
  for (const i of list) {
    for (const n of i.notes) lines.push(comment('    ', n));
    const entry = inline(i.spec);
    if (i.disabled) lines.push(comment('    ', `${i.disabled}: ${entry}`));
    else lines.push(`    ${entry}${i === enabled.at(-1) ? '' : ','}`);
  }
  lines.push('  ],');
  return lines;
}

function indicators(p: ConfigProposal): string[] {
  const lines = [
    comment('  ', 'Indicators: titles as a reader knows them (sv and en), which direction is better ("higher", "lower" or'),
    comment('  ', '"none": no status), the unit, and a "target" where the committee set one; "breaks": [year] where a definition changed.'),
    '  "indicators": [',
  ];
  p.indicators.forEach((ind, i) => {
    for (const n of ind.notes) lines.push(comment('    ', n));
    lines.push(`    ${inline(ind.spec)}${i < p.indicators.length - 1 ? ',' : ''}`);
  });
  lines.push('  ],');
  return lines;
}

/** The defaults a config may change most often, shown with the values the schema gives them. */
function defaults(): string[] {
  const { survey, budget } = DEFAULTS;
  return [
    comment('  ', 'Survey: no share, interval or n is published for fewer respondents than minRespondents;'),
    comment('  ', 'a series is shown at its latest year up to window years before the report year (older: listed as missing).'),
    `  "survey": ${inline({ minRespondents: survey.minRespondents, alpha: survey.alpha, window: survey.window })},`,
    comment('  ', 'Budget: status yellow below yellowBelow %, red below redBelow % deviation from budget; amounts shown in displayUnit.'),
    `  "budget": ${inline({ yellowBelow: budget.yellowBelow, redBelow: budget.redBelow, forecastMargin: budget.forecastMargin, resultTarget: budget.resultTarget, displayUnit: budget.displayUnit })}`,
  ];
}
