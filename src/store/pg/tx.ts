// One transaction on one pooled connection. A connection that broke mid-way is thrown away
// rather than handed to the next caller.
import type pg from 'pg';

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A link that breaks between two statements is reported by the client as an event, not to a
  // statement: noted here (the next statement fails with it) instead of reaching the process.
  const lost = (err: Error): void => void (broken = err);
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // The rollback fails too when the link is gone; the original error is the one to report.
    await client.query('ROLLBACK').catch((rollbackErr: unknown) => void (broken = rollbackErr as Error));
    throw err;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}
