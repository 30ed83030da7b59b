import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/report/json-schema.js';

interface Node {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  $defs?: Record<string, Node>;
  $ref?: string;
}

interface Property {
  path: string;
  node: Node;
}

/** Every property of every object in the schema, however deep: under items, anyOf (nullable) and $defs. */
function properties(node: Node, path = '$'): Property[] {
  const out: Property[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    out.push({ path: `${path}.${key}`, node: child });
    out.push(...properties(child, `${path}.${key}`));
  }
  if (node.items) out.push(...properties(node.items, `${path}[]`));
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) out.push(...properties(branch, path));
  for (const [name, def] of Object.entries(node.$defs ?? {})) out.push(...properties(def, `#${name}`));
  return out;
}

/** The JSON types a property may take, through a nullable's anyOf. */
function types(node: Node): string[] {
  const own = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  return [...own, ...(node.anyOf ?? []).flatMap(types)];
}

// The units a number's description must name (docs/outputs.md, "Units"): percent (0–100) and
// percentage points, kronor, probabilities and R² (0–1), counts, the indicator's own unit, 1-based
// positions in a file, and the schema's version.
const UNIT = /percent|\bkr\b|0–1|\bcount\b|indicator's unit|1-based|\brank\b|version/;

const schema = reportJsonSchema() as Node;
const all = properties(schema);

describe('tillit schema report', () => {
  it('walks a schema of the whole report (no $ref left unwalked)', () => {
    expect(all.length).toBeGreaterThan(180);
    expect(JSON.stringify(schema)).not.toContain('$ref');
    expect(schema.description).toMatch(/percent/);
  });

  it('describes every property', () => {
    const missing = all.filter((p) => typeof p.node.description !== 'string' || p.node.description.trim().length < 10).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('names the unit of every number', () => {
    const numbers = all.filter((p) => types(p.node).some((t) => t === 'number' || t === 'integer'));
    expect(numbers.length).toBeGreaterThan(70);
    const unitless = numbers.filter((p) => !UNIT.test(p.node.description ?? '')).map((p) => `${p.path}: ${p.node.description}`);
    expect(unitless).toEqual([]);
  });

  it('has periods as strings and shares of anything in percent, never a fraction', () => {
    const periods = all.filter((p) => /(\.(period|from|to|survey|populationYear)|^\$\.period\.budget)$/.test(p.path) && !types(p.node).includes('array') && !types(p.node).includes('object'));
    expect(periods.length).toBeGreaterThan(10);
    for (const p of periods) expect(types(p.node).filter((t) => t !== 'null'), p.path).toEqual(['string']);
    // A field named as a percentage says percent (0–100) or percentage points; none is described as a fraction.
    for (const p of all.filter((x) => /Pct$|Pp$/.test(x.path))) expect(p.node.description, p.path).toMatch(/percent/);
    const fractions = all.filter((p) => /\b(fraction|weight)\b/i.test(p.path + (p.node.description ?? '')));
    expect(fractions.map((p) => p.path)).toEqual([]);
  });
});
