// Builds dist/ with esbuild: the command line (main.js; program.js is it as a function, which the
// end-to-end tests run in their own process), the reading worker and (for scripts/bench.mjs) the
// municipality register, with every dependency bundled in. Loading ~170 module files (95 of them
// zod's) was most of a small report's time: the bundled example report runs in 0.29 instead of
// 0.35 s, a 3-row report in 0.18 instead of 0.26 s (docs/performance.md). Type checking stays
// with tsc (`npm run typecheck`).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts', 'src/cli/program.ts', 'src/ingest/worker.ts', 'src/model/register.ts'],
  // Entries and shared chunks side by side in dist/: the reading thread finds its worker as
  // `./worker.js` next to its own chunk.
  entryNames: '[name]',
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build that requires its own files at run time; its ES module bundles.
  mainFields: ['module', 'main'],
  // Bundled CommonJS packages (commander, cli-table3) require Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
