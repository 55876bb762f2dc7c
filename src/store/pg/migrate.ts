// Applies pending migrations at start-up. Replicas starting together must not race: the whole
// run happens in one transaction under a transaction-level advisory lock, so the first replica
// applies them while the others wait on the lock, then find nothing left to do. DDL is
// transactional in Postgres: a migration that fails leaves nothing half-applied.
import type pg from 'pg';
import type { Migration } from '../migrations.js';
import { MigrationVersionRow } from '../rows/meta.js';
import { readRow } from '../rows/read-row.js';
import { PG_MIGRATIONS } from './migrations.js';
import { inTransaction } from './tx.js';

/** The advisory lock key of schema changes ("wtschema" in ASCII); no other lock of ours uses it. */
export const MIGRATION_LOCK = '0x7774736368656d61';

/** Returns the schema version the database is at afterwards. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number> {
  return inTransaction(pool, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK}::bigint)`);
    // Created under the lock: two CREATE TABLE IF NOT EXISTS at once can still collide.
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const { rows } = await c.query('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations');
    let current = readRow(MigrationVersionRow, 'schema_migrations', rows[0]);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      current = m.version;
    }
    return current;
  });
}
