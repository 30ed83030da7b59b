import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built bin; keep them deterministic.
    env: { NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C' },
    testTimeout: 30_000,
  },
});
