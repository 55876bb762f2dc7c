// The SurfaceStore on SQLite: request log, feedback, App Home history and Teams conversation
// references. Times are stored as epoch milliseconds so ranges and pruning use the indexes.
import type { Db } from './open-database.js';
import type { ConversationRefRecord, ConversationRefs, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from './types.js';

const HISTORY_KEEP = 20;

export class SqliteSurfaceStore implements SurfaceStore {
  private readonly insertRequest;
  private readonly insertFeedback;
  private readonly insertHistory;
  private readonly trimHistory;
  private readonly selectHistory;
  readonly conversationRefs: ConversationRefs;

  constructor(
    private readonly db: Db,
    /** Whether request text may be kept; without it the text column stays empty whatever callers pass. */
    private readonly keepText: boolean,
  ) {
    this.insertRequest = db.prepare(`INSERT INTO request_log
      (at, surface, workspace, channel, category, industry, confidence, volume_count, volume_unit, volume_period, matched, use_case, text)
      VALUES (@at, @surface, @workspace, @channel, @category, @industry, @confidence, @count, @unit, @period, @matched, @useCase, @text)`);
    this.insertFeedback = db.prepare(`INSERT INTO feedback (at, surface, workspace, channel, category, helpful, catalog_version)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertHistory = db.prepare('INSERT INTO history (user_key, at, text) VALUES (?, ?, ?)');
    this.trimHistory = db.prepare(`DELETE FROM history WHERE user_key = ? AND id NOT IN
      (SELECT id FROM history WHERE user_key = ? ORDER BY at DESC, id DESC LIMIT ${HISTORY_KEEP})`);
    this.selectHistory = db.prepare('SELECT at, text FROM history WHERE user_key = ? ORDER BY at DESC, id DESC LIMIT ?');
    const save = db.prepare(`INSERT INTO conversation_refs (conversation_id, tenant_id, scope, reference, updated_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET
      tenant_id = excluded.tenant_id, scope = excluded.scope, reference = excluded.reference, updated_at = excluded.updated_at`);
    const remove = db.prepare('DELETE FROM conversation_refs WHERE conversation_id = ?');
    const get = db.prepare('SELECT * FROM conversation_refs WHERE conversation_id = ?');
    const list = db.prepare('SELECT * FROM conversation_refs ORDER BY conversation_id');
    this.conversationRefs = {
      save: (r) => void save.run(r.conversationId, r.tenantId, r.scope, JSON.stringify(r.reference), r.updatedAt.getTime()),
      remove: (id) => void remove.run(id),
      get: (id) => toRef(get.get(id) as RefRow | undefined),
      list: () => (list.all() as RefRow[]).map((r) => toRef(r)!),
    };
  }

  logRequest(e: RequestLogEntry): void {
    this.insertRequest.run({
      at: e.at.getTime(),
      surface: e.surface,
      workspace: e.workspace,
      channel: e.channel ?? null,
      category: e.category,
      industry: e.industry,
      confidence: e.confidence,
      count: e.volume?.count ?? null,
      unit: e.volume?.unit ?? null,
      period: e.volume?.period ?? null,
      matched: e.matched ? 1 : 0,
      useCase: e.useCase ?? null,
      text: this.keepText && e.text ? e.text : null,
    });
  }

  recordFeedback(e: FeedbackEntry): void {
    this.insertFeedback.run(e.at.getTime(), e.surface, e.workspace, e.channel ?? null, e.category, e.helpful ? 1 : 0, e.catalogVersion);
  }

  addHistory(userKey: string, entry: HistoryEntry): void {
    this.db.transaction(() => {
      this.insertHistory.run(userKey, entry.at.getTime(), entry.text);
      this.trimHistory.run(userKey, userKey);
    })();
  }

  recentHistory(userKey: string, limit: number): HistoryEntry[] {
    return (this.selectHistory.all(userKey, limit) as { at: number; text: string }[]).map((r) => ({ at: new Date(r.at), text: r.text }));
  }
}

interface RefRow {
  conversation_id: string;
  tenant_id: string;
  scope: ConversationRefRecord['scope'];
  reference: string;
  updated_at: number;
}

const toRef = (r: RefRow | undefined): ConversationRefRecord | undefined =>
  r && { conversationId: r.conversation_id, tenantId: r.tenant_id, scope: r.scope, reference: JSON.parse(r.reference) as unknown, updatedAt: new Date(r.updated_at) };

/** Deletes request log, feedback and history older than the retention; returns rows removed. */
export function pruneOlderThan(db: Db, cutoff: Date): number {
  const t = cutoff.getTime();
  return db.transaction(() =>
    ['request_log', 'feedback', 'history'].reduce((n, table) => n + db.prepare(`DELETE FROM ${table} WHERE at < ?`).run(t).changes, 0),
  )();
}
