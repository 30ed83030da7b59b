import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built bin; keep them deterministic.
    env: { NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C' },
    // End-to-end tests run the real bin, often many times; on a busy 2-core machine one run can take
    // ten times as long as on a quiet one. Time is what `npm run bench` measures, not these tests.
    testTimeout: 120_000,
  },
});
