// The CorrectionStore on SQLite. Plain SQL with positional parameters and no SQLite-only
// features, so a Postgres store can use the same statements.
import type { CorrectionRecord, CorrectionStatus, CorrectionStore, NewCorrection } from './correction-types.js';
import type { Db } from './open-database.js';
import { CorrectionRow, newCorrectionId } from './rows/correction.js';
import { CountRow } from './rows/counts.js';
import { readRow, readRows } from './rows/read-row.js';

export class SqliteCorrectionStore implements CorrectionStore {
  constructor(private readonly db: Db) {}

  async add(c: NewCorrection): Promise<CorrectionRecord> {
    const id = newCorrectionId();
    this.db
      .prepare(`INSERT INTO corrections (id, at, surface, workspace, user_key, text, answered_category, answered_industry,
        chosen_category, chosen_industry, catalog_version, model_version, status, flagged)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`)
      .run(id, c.at.getTime(), c.surface, c.workspace, c.userKey, c.text, c.answered.category, c.answered.industry,
        c.chosen.category, c.chosen.industry, c.catalogVersion, c.modelVersion, c.flagged ? 1 : 0);
    return (await this.get(id))!;
  }

  async get(id: string): Promise<CorrectionRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(id);
    return r === undefined ? undefined : readRow(CorrectionRow, 'corrections', r);
  }

  async list(status?: CorrectionStatus): Promise<CorrectionRecord[]> {
    const rows = status
      ? this.db.prepare('SELECT * FROM corrections WHERE status = ? ORDER BY at, id').all(status)
      : this.db.prepare('SELECT * FROM corrections ORDER BY at, id').all();
    return readRows(CorrectionRow, 'corrections', rows);
  }

  async countSince(userKey: string, since: Date): Promise<number> {
    return readRow(CountRow, 'corrections', this.db.prepare('SELECT COUNT(*) AS n FROM corrections WHERE user_key = ? AND at >= ?').get(userKey, since.getTime()));
  }

  async isFlagged(userKey: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM corrections WHERE user_key = ? AND flagged = 1 LIMIT 1').get(userKey) !== undefined;
  }

  async flagSince(userKey: string, since: Date): Promise<number> {
    return this.db.prepare('UPDATE corrections SET flagged = 1 WHERE user_key = ? AND at >= ? AND flagged = 0').run(userKey, since.getTime()).changes;
  }

  async decide(ids: readonly string[], status: Exclude<CorrectionStatus, 'pending'>, by: string, at: Date): Promise<string[]> {
    const update = this.db.prepare('UPDATE corrections SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?');
    return this.db.transaction(() => ids.filter((id) => update.run(status, by, at.getTime(), id).changes > 0))();
  }
}
