import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on processes, sockets and timers rather than compute: on 2 cores vitest
    // would run one file at a time (its default is cores - 1), so the waits added up. Three, not
    // more: the files that start servers need some CPU to start them in time on a busy machine.
    maxWorkers: 3,
    // Each file in a fresh module graph re-imported the catalog, the model and the store for
    // every one of ~110 files: over half the suite's CPU on a 2-core machine. A worker keeps its
    // modules between files instead; the tests share no mocks and no environment changes, and
    // the one process-wide state (the metrics registry) is read as differences.
    isolate: false,
    // One real Postgres for the run; test files that need it make their own database on it.
    globalSetup: ['test/helpers/postgres-global.ts'],
  },
});
