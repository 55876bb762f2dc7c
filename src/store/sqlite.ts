// The embedded default: one SQLite file holding everything the surfaces and digests keep.
import type { Logger } from '../log/logger.js';
import { forwarding, StoreConnection } from './connection.js';
import type { DigestStore } from './digest-types.js';
import type { Db } from './open-database.js';
import { ResilientStore } from './resilient-store.js';
import { pruneOlderThan } from './sqlite-store.js';
import type { SurfaceStore } from './types.js';

export interface StoreOptions {
  readonly path: string;
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly log: Logger;
  /** How soon after a failure the file is opened again; default 30 s. */
  readonly retryMs?: number;
  readonly now?: () => number;
}

export interface OpenStore {
  /** For the request path: never throws on a failed write. */
  readonly surface: ResilientStore;
  /** Throws when the database is unavailable: the runner and commands report and retry. */
  readonly digest: DigestStore;
  /** The current connection (tests and maintenance); throws when unavailable. */
  readonly db: Db;
  /** Deletes request log, feedback and history past the retention; returns rows removed. */
  prune(now: Date): number;
  /** After a failure elsewhere: reopen the file if enough time passed. */
  recover(): void;
  close(): void;
}

const DAY_MS = 86_400_000;

/** Opens the store. A file that cannot be opened yet does not throw: answers go on, digests wait. */
export function openSqliteStore(options: StoreOptions): OpenStore {
  const connection = new StoreConnection(options.path, options.logRequestText, options.log, options.retryMs, options.now);
  const surface = new ResilientStore(forwarding<SurfaceStore>(() => connection.get().surface), options.log, () => connection.recover());
  return {
    surface,
    digest: forwarding<DigestStore>(() => connection.get().digest),
    get db() {
      return connection.get().db;
    },
    prune: (now) => pruneOlderThan(connection.get().db, new Date(now.getTime() - options.retentionDays * DAY_MS)),
    recover: () => connection.recover(),
    close: () => connection.close(),
  };
}
