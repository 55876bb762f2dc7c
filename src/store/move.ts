// Moves a SQLite deployment's records into an empty Postgres database (`which-tool store
// migrate`): both schemas are brought to the same version first (each SQLite migration has its
// Postgres twin), then every table is copied column by column in one transaction, so the target
// ends either with everything or with nothing. Sealed Slack tokens are copied as they are: the
// seal is bound to the row's key, which moves with it, so the same WHICH_TOOL_SECRET_KEY opens them.
import type pg from 'pg';
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { Db } from './open-database.js';
import { migratePostgres } from './pg/migrate.js';
import { insertRows } from './pg/rows.js';
import { inTransaction } from './pg/tx.js';
import { CountRow } from './rows/counts.js';
import { ColumnNameRow, TableInfo, UserVersion, YesRow } from './rows/meta.js';
import { readRow, readRows } from './rows/read-row.js';

/**
 * Every table of records, parents before the rows that refer to them. Not `meta`: that is each
 * store's own bookkeeping (when the file was last opened), not a deployment's records.
 */
export const MOVED_TABLES = ['subscriptions', 'deliveries', 'conversation_refs', 'request_log', 'policy_log', 'feedback', 'history', 'catalog_snapshots', 'slack_installations', 'corrections'] as const;
/** Tables whose ids come from an identity sequence: it must continue after the moved ids. */
const SEQUENCED = ['request_log', 'policy_log', 'feedback', 'history'];
const CHUNK = 1_000;

export type MoveReport = Record<(typeof MOVED_TABLES)[number], number>;

const refuse = (why: string): WhichToolError => new WhichToolError(ErrorCode.StoreMoveRefused, why);

export async function moveSqliteToPostgres(db: Db, pool: pg.Pool): Promise<MoveReport> {
  const target = await migratePostgres(pool);
  const source = readRow(UserVersion, 'pragma user_version', db.pragma('user_version', { simple: true }));
  if (source !== target) throw refuse(`the SQLite file is at schema ${source} and Postgres at ${target}: run this version of which-tool on both`);
  return inTransaction(pool, async (c) => {
    // Nothing else writes while the rows move (replicas wait; they should not be running yet).
    await c.query(`LOCK TABLE ${MOVED_TABLES.join(', ')} IN EXCLUSIVE MODE`);
    for (const table of MOVED_TABLES) {
      const { rows } = await c.query(`SELECT EXISTS (SELECT 1 FROM ${table}) AS yes`);
      if (readRow(YesRow, table, rows[0])) throw refuse(`the Postgres database already has ${table} rows: move into an empty database, so two deployments' records are never mixed`);
    }
    const report = {} as MoveReport;
    for (const table of MOVED_TABLES) report[table] = await copyTable(db, c, table);
    for (const table of SEQUENCED)
      await c.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM ${table}`);
    return report;
  });
}

async function copyTable(db: Db, c: pg.ClientBase, table: string): Promise<number> {
  const columns = readRow(TableInfo, `table_info(${table})`, db.pragma(`table_info(${table})`));
  const { rows: known } = await c.query('SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()', [table]);
  const inPostgres = new Set(readRows(ColumnNameRow, 'information_schema.columns', known));
  const missing = columns.filter((col) => !inPostgres.has(col));
  if (missing.length) throw refuse(`Postgres has no column ${table}.${missing[0]}: the two schemas differ`);
  let moved = 0;
  let chunk: unknown[][] = [];
  // Row order kept (rowid): the same listing order, the same ids. Values are copied as stored,
  // unread: the rows are parsed where they are used, in whichever database they end up in.
  for (const row of db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
    chunk.push(row);
    if (chunk.length < CHUNK) continue;
    await insertRows(c, table, columns, chunk);
    moved += chunk.length;
    chunk = [];
  }
  if (chunk.length) await insertRows(c, table, columns, chunk);
  moved += chunk.length;
  const written = readRow(CountRow, table, (await c.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]);
  if (written !== moved) throw refuse(`${table}: ${moved} rows read, ${written} written`);
  return moved;
}
