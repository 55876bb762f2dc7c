// The embedded default: one SQLite file holding everything the surfaces and digests keep.
import type { Logger } from '../log/logger.js';
import type { DigestStore } from './digest-types.js';
import { openDatabase, type Db } from './open-database.js';
import { ResilientStore } from './resilient-store.js';
import { SqliteDigestStore } from './sqlite-digest-store.js';
import { pruneOlderThan, SqliteSurfaceStore } from './sqlite-store.js';

export interface StoreOptions {
  readonly path: string;
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly log: Logger;
}

export interface OpenStore {
  /** For the request path: never throws on a failed write. */
  readonly surface: ResilientStore;
  readonly digest: DigestStore;
  /** Deletes request log, feedback and history past the retention; returns rows removed. */
  prune(now: Date): number;
  close(): void;
  readonly db: Db;
}

const DAY_MS = 86_400_000;

export function openSqliteStore(options: StoreOptions): OpenStore {
  const db = openDatabase(options.path);
  const surface = new ResilientStore(new SqliteSurfaceStore(db, options.logRequestText), options.log);
  return {
    db,
    surface,
    digest: new SqliteDigestStore(db),
    prune: (now) => pruneOlderThan(db, new Date(now.getTime() - options.retentionDays * DAY_MS)),
    close: () => {
      if (db.open) db.close();
    },
  };
}
