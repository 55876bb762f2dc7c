import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One real Postgres for the run; test files that need it make their own database on it.
    globalSetup: ['test/helpers/postgres-global.ts'],
  },
});
