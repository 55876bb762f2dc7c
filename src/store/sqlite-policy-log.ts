// Reads the policy log (migration 4) as counts for `which-tool policy report` and the owners'
// digest, on SQLite (pg/policy-log.ts is its twin).
import type { Db } from './open-database.js';
import { CountRow, PolicyCountRow } from './rows/counts.js';
import { readRow, readRows } from './rows/read-row.js';
import type { PolicyCounts, PolicyLogReader } from './policy-log.js';

export class SqlitePolicyLog implements PolicyLogReader {
  private readonly countRows;
  private readonly countRequests;

  constructor(db: Db) {
    // A digest shows its own workspace's counts: one deployment may serve several Slack workspaces.
    this.countRows = db.prepare(`SELECT kind, subject, status, COUNT(*) AS count FROM policy_log
      WHERE at >= ? AND at < ? AND (? IS NULL OR workspace = ?) GROUP BY kind, subject, status`);
    this.countRequests = db.prepare('SELECT COUNT(*) AS n FROM request_log WHERE at >= ? AND at < ? AND (? IS NULL OR workspace = ?)');
  }

  async policyCounts(since: Date, until: Date, workspace?: string): Promise<PolicyCounts> {
    const range = [since.getTime(), until.getTime(), workspace ?? null, workspace ?? null] as const;
    return {
      requests: readRow(CountRow, 'request_log', this.countRequests.get(...range)),
      rows: readRows(PolicyCountRow, 'policy_log', this.countRows.all(...range)),
    };
  }
}
