// The store tests (contract.ts) on SQLite files, the default store.
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/log/logger.js';
import { sqliteAsStore } from '../../src/store/open.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDbPath } from '../digest/stand-ins.js';
import { storeContract, type OpenOptions } from './contract.js';

const openAt = (path: string, o: OpenOptions = {}) =>
  sqliteAsStore(openSqliteStore({ path, logRequestText: o.logRequestText ?? false, retentionDays: 90, log: silentLogger(), secretKeys: { current: o.secretKey, previous: o.previousKey } }));

storeContract('SQLite', async (options) => {
  const path = tempDbPath();
  const exec = async (sql: string): Promise<void> => {
    const db = new Database(path);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  };
  return { store: openAt(path, options), again: async (more) => openAt(path, more), exec };
});
