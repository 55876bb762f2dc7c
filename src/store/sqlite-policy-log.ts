// Reads the policy log (migration 2) as counts for `which-tool policy report` and the owners'
// digest. Only counts leave this file: the log holds no user and no text to begin with.
import type { PolicyCountRow } from '../core/policy/report.js';
import type { Db } from './open-database.js';

export interface PolicyCounts {
  /** Requests answered in the period. */
  readonly requests: number;
  readonly rows: readonly PolicyCountRow[];
}

/** What the policy owners read, behind the store like the digest's reads. */
export interface PolicyLogReader {
  /** Counts from `since` (inclusive) to `until` (exclusive). */
  policyCounts(since: Date, until: Date): PolicyCounts;
}

export class SqlitePolicyLog implements PolicyLogReader {
  private readonly countRows;
  private readonly countRequests;

  constructor(db: Db) {
    this.countRows = db.prepare(`SELECT kind, subject, status, COUNT(*) AS count FROM policy_log
      WHERE at >= ? AND at < ? GROUP BY kind, subject, status`);
    this.countRequests = db.prepare('SELECT COUNT(*) AS n FROM request_log WHERE at >= ? AND at < ?');
  }

  policyCounts(since: Date, until: Date): PolicyCounts {
    const range = [since.getTime(), until.getTime()] as const;
    return {
      requests: (this.countRequests.get(...range) as { n: number }).n,
      rows: this.countRows.all(...range) as PolicyCountRow[],
    };
  }
}
