// The policy log's counts on Postgres, as SqlitePolicyLog reads them on SQLite. This process's
// queued writes go first, so a report counts what was just logged.
import type { PolicyCounts, PolicyLogReader } from '../policy-log.js';
import { CountRow, PolicyCountRow } from '../rows/counts.js';
import { readRow, readRows } from '../rows/read-row.js';
import type { PgLink } from './link.js';

export class PgPolicyLog implements PolicyLogReader {
  constructor(
    private readonly link: PgLink,
    private readonly flush: () => Promise<void>,
  ) {}

  async policyCounts(since: Date, until: Date, workspace?: string): Promise<PolicyCounts> {
    await this.flush();
    // $3 null: every workspace; else that workspace only (a digest counts its own company's demand).
    const range = [since.getTime(), until.getTime(), workspace ?? null];
    return this.link.run(async (pool) => {
      const requests = await pool.query('SELECT COUNT(*) AS n FROM request_log WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR workspace = $3)', range);
      const rows = await pool.query(`SELECT kind, subject, status, COUNT(*) AS count FROM policy_log
        WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR workspace = $3) GROUP BY kind, subject, status`, range);
      return { requests: readRow(CountRow, 'request_log', requests.rows[0]), rows: readRows(PolicyCountRow, 'policy_log', rows.rows) };
    });
  }
}
