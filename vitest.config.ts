import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the built command line (test/cli/run.ts); keep them deterministic.
    env: { NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C' },
    // The built command line is imported by Node itself, not transformed: the bytes that ship, with
    // its reading worker beside it (dist/worker.js).
    server: { deps: { external: [/\/dist\//] } },
    // End-to-end tests run the command line, often many times; on a busy 2-core machine one run can
    // take ten times as long as on a quiet one. Time is what `npm run bench` measures, not these tests.
    testTimeout: 120_000,
  },
});
