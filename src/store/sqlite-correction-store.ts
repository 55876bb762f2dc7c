// The CorrectionStore on SQLite. Plain SQL with positional parameters and no SQLite-only
// features, so a Postgres store can use the same statements.
import { randomBytes } from 'node:crypto';
import type { CategoryIdT, IndustryIdT } from '../core/schema.js';
import type { ChosenKind, CorrectionRecord, CorrectionStatus, CorrectionStore, NewCorrection } from './correction-types.js';
import type { Db } from './open-database.js';
import type { Surface } from './types.js';

export interface CorrectionRow {
  id: string; at: number; surface: Surface; workspace: string; user_key: string; text: string | null;
  answered_category: CategoryIdT | null; answered_industry: IndustryIdT | null; chosen_category: ChosenKind; chosen_industry: IndustryIdT | null;
  catalog_version: string; model_version: string | null; status: CorrectionStatus; decided_by: string | null; decided_at: number | null; flagged: number;
}

export const toRecord = (r: CorrectionRow): CorrectionRecord => ({
  id: r.id, at: new Date(r.at), surface: r.surface, workspace: r.workspace, userKey: r.user_key, text: r.text,
  answered: { category: r.answered_category, industry: r.answered_industry },
  chosen: { category: r.chosen_category, industry: r.chosen_industry },
  catalogVersion: r.catalog_version, modelVersion: r.model_version, status: r.status,
  decidedBy: r.decided_by, decidedAt: r.decided_at === null ? null : new Date(r.decided_at), flagged: r.flagged === 1,
});

/** Short enough to type after `corrections accept`, random enough not to collide in one deployment. */
export const newCorrectionId = (): string => `cor_${randomBytes(5).toString('hex')}`;

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
    const r = this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
    return r && toRecord(r);
  }

  async list(status?: CorrectionStatus): Promise<CorrectionRecord[]> {
    const rows = status
      ? this.db.prepare('SELECT * FROM corrections WHERE status = ? ORDER BY at, id').all(status)
      : this.db.prepare('SELECT * FROM corrections ORDER BY at, id').all();
    return (rows as CorrectionRow[]).map(toRecord);
  }

  async countSince(userKey: string, since: Date): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM corrections WHERE user_key = ? AND at >= ?').get(userKey, since.getTime()) as { n: number }).n;
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
