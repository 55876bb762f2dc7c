// Many rows in one INSERT: a batch of request-path writes is one statement per table, not one
// round trip per row.
import type pg from 'pg';

/** Postgres takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

export async function insertRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, values);
  }
}
