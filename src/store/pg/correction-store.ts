// The CorrectionStore on Postgres: the same table and rows as SQLite (sqlite-correction-store.ts),
// shared by every replica, so a correction accepted on one teaches them all.
import type { CorrectionRecord, CorrectionStatus, CorrectionStore, NewCorrection } from '../correction-types.js';
import { CorrectionRow, newCorrectionId } from '../rows/correction.js';
import { CountRow } from '../rows/counts.js';
import { readRow, readRows } from '../rows/read-row.js';
import type { PgLink } from './link.js';

export class PgCorrectionStore implements CorrectionStore {
  constructor(private readonly link: PgLink) {}

  async add(c: NewCorrection): Promise<CorrectionRecord> {
    const id = newCorrectionId();
    const row = await this.link.run(async (pool) => (await pool.query(
      `INSERT INTO corrections (id, at, surface, workspace, user_key, text, answered_category, answered_industry,
        chosen_category, chosen_industry, catalog_version, model_version, status, flagged)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13) RETURNING *`,
      [id, c.at.getTime(), c.surface, c.workspace, c.userKey, c.text, c.answered.category, c.answered.industry,
        c.chosen.category, c.chosen.industry, c.catalogVersion, c.modelVersion, c.flagged ? 1 : 0],
    )).rows[0]!);
    return readRow(CorrectionRow, 'corrections', row);
  }

  async get(id: string): Promise<CorrectionRecord | undefined> {
    const rows = await this.link.run(async (pool) => (await pool.query('SELECT * FROM corrections WHERE id = $1', [id])).rows);
    return rows[0] === undefined ? undefined : readRow(CorrectionRow, 'corrections', rows[0]);
  }

  async list(status?: CorrectionStatus): Promise<CorrectionRecord[]> {
    const rows = await this.link.run(async (pool) => (status
      ? await pool.query('SELECT * FROM corrections WHERE status = $1 ORDER BY at, id', [status])
      : await pool.query('SELECT * FROM corrections ORDER BY at, id')).rows);
    return readRows(CorrectionRow, 'corrections', rows);
  }

  async countSince(userKey: string, since: Date): Promise<number> {
    const rows = await this.link.run(async (pool) => (await pool.query('SELECT COUNT(*) AS n FROM corrections WHERE user_key = $1 AND at >= $2', [userKey, since.getTime()])).rows);
    return readRow(CountRow, 'corrections', rows[0]);
  }

  async isFlagged(userKey: string): Promise<boolean> {
    return this.link.run(async (pool) => ((await pool.query('SELECT 1 FROM corrections WHERE user_key = $1 AND flagged = 1 LIMIT 1', [userKey])).rowCount ?? 0) > 0);
  }

  async flagSince(userKey: string, since: Date): Promise<number> {
    return this.link.run(async (pool) => (await pool.query('UPDATE corrections SET flagged = 1 WHERE user_key = $1 AND at >= $2 AND flagged = 0', [userKey, since.getTime()])).rowCount ?? 0);
  }

  async decide(ids: readonly string[], status: Exclude<CorrectionStatus, 'pending'>, by: string, at: Date): Promise<string[]> {
    return this.link.tx(async (client) => {
      const done: string[] = [];
      for (const id of ids) {
        const r = await client.query('UPDATE corrections SET status = $1, decided_by = $2, decided_at = $3 WHERE id = $4', [status, by, at.getTime(), id]);
        if ((r.rowCount ?? 0) > 0) done.push(id);
      }
      return done;
    });
  }
}
