// Retention on Postgres, as pruneOlderThan does on SQLite: request log (with its policy counts),
// feedback and history older than the cutoff, and history beyond each person's newest 20;
// returns rows removed.
import type pg from 'pg';

const HISTORY_KEEP = 20;

export async function prunePostgres(client: pg.ClientBase, cutoff: Date): Promise<number> {
  let removed = 0;
  for (const table of ['request_log', 'policy_log', 'feedback', 'history']) removed += (await client.query(`DELETE FROM ${table} WHERE at < $1`, [cutoff.getTime()])).rowCount ?? 0;
  const extra = await client.query(`DELETE FROM history h USING (
      SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_key ORDER BY at DESC, id DESC) AS newest FROM history) ranked
      WHERE newest > ${HISTORY_KEEP}) old WHERE h.id = old.id`);
  return removed + (extra.rowCount ?? 0);
}
