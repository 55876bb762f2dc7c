// The server's store, opened at start-up before anything that uses it: the SQLite file at
// WHICH_TOOL_DB, or Postgres with DATABASE_URL (store/open.ts). Either way answers never wait for
// it: request-path writes go behind the request, and an unreachable database is reconnected.
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

/** The server never blocks its event loop on another process's SQLite lock for longer than this. */
export const SERVER_BUSY_TIMEOUT_MS = 5;

export const openServerStore = (config: Config, log: Logger): Promise<Store> => openStore(config, log, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
