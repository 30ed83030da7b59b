import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/architecture.md, checked on every import in src/ (static, dynamic and
 * type-only alike): a layer imports only the layers below it, and no two modules import each other
 * through any chain.
 */
const SRC = resolve(import.meta.dirname, '../src');
const MAY_IMPORT: Record<string, readonly string[]> = {
  model: [],
  config: ['model'],
  ingest: ['model', 'config'],
  indicators: ['model', 'config'],
  report: ['model'],
  cli: ['model', 'config', 'ingest', 'indicators', 'report'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Every relative module a file imports, as a path under src/ with `.ts`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
}

/** The modules a file loads when it is loaded: neither `import type` nor `import()`, packages too. */
function loadedBy(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?'([^']+)'/gm)].map((m) =>
    m[1]!.startsWith('.') ? relative(SRC, resolve(dirname(join(SRC, file)), m[1]!)).replace(/\.js$/, '.ts') : m[1]!);
}

const layerOf = (path: string): string => path.split('/')[0]!;
const files = sources(SRC).map((f) => relative(SRC, f));
const graph = new Map(files.map((f) => [f, importsOf(join(SRC, f)).filter((i) => i.endsWith('.ts'))]));

describe('architecture', () => {
  it('every folder of src/ is a known layer', () => {
    expect([...new Set(files.map(layerOf))].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('imports run one way: each layer uses only the layers below it', () => {
    const against = files.flatMap((f) =>
      graph.get(f)!.filter((i) => layerOf(i) !== layerOf(f) && !MAY_IMPORT[layerOf(f)]!.includes(layerOf(i))).map((i) => `${f} -> ${i}`));
    expect(against).toEqual([]);
  });

  it('no module imports itself through a chain of others', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const i of graph.get(f) ?? []) visit(i, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('only src/cli prints, reads argv, exits or reads the clock', () => {
    const outside = files.filter((f) => layerOf(f) !== 'cli').filter((f) =>
      /process\.(stdout|stderr|argv|exit)|console\.|Date\.now\(\)|new Date\(\)/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(outside).toEqual([]);
  });

  // zod is ~0.75 MB of the bundle: loading it took `tillit --version` from ~0.2 to ~0.3 s of CPU.
  it('the command line starts without zod: commands load it when they run', () => {
    const loaded = new Set<string>();
    const visit = (f: string): void => {
      if (loaded.has(f)) return;
      loaded.add(f);
      if (f.endsWith('.ts')) for (const i of loadedBy(f)) visit(i);
    };
    visit('cli/main.ts');
    expect(loaded).toContain('cli/program.ts');
    expect(loaded).toContain('config/options.ts');
    expect([...loaded].filter((f) => f === 'zod' || f.startsWith('zod/'))).toEqual([]);
  });
});
