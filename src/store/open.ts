// Opens the store the configuration names: Postgres when DATABASE_URL is set (several replicas
// share it), otherwise the SQLite file at WHICH_TOOL_DB, the single-server default.
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

type StoreConfig = Pick<Config, 'dbPath' | 'databaseUrl' | 'logRequestText' | 'retentionDays' | 'secretKeys'>;

export interface OpenStoreOptions {
  /**
   * SQLite only: how long a write may wait for another process's lock (see
   * OpenOptions.busyTimeoutMs). The server keeps it to a few ms; `digest run` waits longer.
   */
  readonly busyTimeoutMs?: number;
}

/** Never rejects for an unreachable database: answers go on, and the store reconnects by itself. */
export async function openStore(config: StoreConfig, log: Logger, options: OpenStoreOptions = {}): Promise<Store> {
  const common = { logRequestText: config.logRequestText, retentionDays: config.retentionDays, log, secretKeys: config.secretKeys };
  // Loaded only then: a single server on SQLite starts without the Postgres client.
  if (config.databaseUrl) return (await import('./pg/open.js')).openPostgresStore({ url: config.databaseUrl, ...common });
  return sqliteAsStore(openSqliteStore({ path: config.dbPath, ...common, ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }) }));
}

/** The SQLite store answers at once; here it takes the shape every caller uses. */
export function sqliteAsStore(s: ReturnType<typeof openSqliteStore>): Store {
  return {
    surface: s.surface,
    digest: s.digest,
    installations: s.installations,
    policy: s.policy,
    corrections: s.corrections,
    status: () => s.status(),
    // SQLite writes or drops (it is on the same disk); nothing waits in memory for long.
    held: () => 0,
    dropped: () => 0,
    prune: async (now) => s.prune(now),
    recover: () => s.recover(),
    onBack: (listener) => s.onBack(listener),
    dropUnauthenticatedRefs: async (trusted) => s.dropUnauthenticatedRefs(trusted),
    flush: async () => s.flush(),
    close: async () => s.close(),
  };
}
