// The SurfaceStore on SQLite: request log, feedback, App Home history and Teams conversation
// references. Times are stored as epoch milliseconds so ranges and pruning use the indexes.
import type { Db } from './open-database.js';
import { accessRow, POLICY_COLUMNS, policyRows } from './policy-log.js';
import { ConversationRefRow, LegacyRefRow } from './rows/conversation-ref.js';
import { HistoryRow } from './rows/history.js';
import { readRow, readRows } from './rows/read-row.js';
import type { AccessRequestEntry, ConversationRefs, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from './types.js';

const HISTORY_KEEP = 20;
/**
 * A person's history is trimmed back to HISTORY_KEEP after this many new questions rather than
 * after each (the DELETE cost as much as the insert), and in the periodic prune. Readers never
 * see more than they ask for; the table holds at most HISTORY_KEEP + TRIM_EVERY - 1 per person.
 */
const TRIM_EVERY = 8;
/** People tracked for TRIM_EVERY; past this the count starts over (everyone trims on next insert). */
const MAX_TRACKED = 50_000;

export class SqliteSurfaceStore implements SurfaceStore {
  private readonly insertRequest;
  private readonly insertPolicy;
  private readonly insertFeedback;
  private readonly insertHistory;
  private readonly trimHistory;
  private readonly selectHistory;
  private readonly addHistoryNow;
  private readonly runBatch;
  /** Inside `batch`: the users whose history is trimmed once, when the batch ends. */
  private trimAtEnd: Set<string> | null = null;
  /** Questions added per person since their history was last trimmed by this process. */
  private readonly sinceTrim = new Map<string, number>();
  readonly conversationRefs: ConversationRefs;

  constructor(
    db: Db,
    /** Whether request text may be kept; without it the text column stays empty whatever callers pass. */
    private readonly keepText: boolean,
  ) {
    this.insertRequest = db.prepare(`INSERT INTO request_log
      (at, surface, workspace, channel, category, industry, confidence, volume_count, volume_unit, volume_period, matched, use_case, text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertPolicy = db.prepare(`INSERT INTO policy_log (${POLICY_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`);
    this.insertFeedback = db.prepare(`INSERT INTO feedback (at, surface, workspace, channel, category, helpful, catalog_version)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertHistory = db.prepare('INSERT INTO history (user_key, at, text) VALUES (?, ?, ?)');
    this.trimHistory = db.prepare(`DELETE FROM history WHERE user_key = ? AND id NOT IN
      (SELECT id FROM history WHERE user_key = ? ORDER BY at DESC, id DESC LIMIT ${HISTORY_KEEP})`);
    this.selectHistory = db.prepare('SELECT at, text FROM history WHERE user_key = ? ORDER BY at DESC, id DESC LIMIT ?');
    this.addHistoryNow = db.transaction((userKey: string, at: number, text: string) => {
      this.insertHistory.run(userKey, at, text);
      if (this.trimDue(userKey)) this.trimHistory.run(userKey, userKey);
    });
    this.runBatch = db.transaction((work: () => void) => {
      this.trimAtEnd = new Set();
      try {
        work();
        for (const key of this.trimAtEnd) this.trimHistory.run(key, key);
      } finally {
        this.trimAtEnd = null;
      }
    });
    const save = db.prepare(`INSERT INTO conversation_refs (conversation_id, tenant_id, scope, reference, updated_at, authenticated)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET
      tenant_id = excluded.tenant_id, scope = excluded.scope, reference = excluded.reference, updated_at = excluded.updated_at,
      authenticated = excluded.authenticated`);
    const remove = db.prepare('DELETE FROM conversation_refs WHERE conversation_id = ?');
    const get = db.prepare('SELECT * FROM conversation_refs WHERE conversation_id = ?');
    const list = db.prepare('SELECT * FROM conversation_refs ORDER BY conversation_id');
    this.conversationRefs = {
      save: (r) => void save.run(r.conversationId, r.tenantId, r.scope, JSON.stringify(r.reference), r.updatedAt.getTime(), r.authenticated ? 1 : 0),
      remove: (id) => void remove.run(id),
      get: async (id) => {
        const r = get.get(id);
        return r === undefined ? undefined : readRow(ConversationRefRow, 'conversation_refs', r);
      },
      list: async () => readRows(ConversationRefRow, 'conversation_refs', list.all()),
    };
  }

  logRequest(e: RequestLogEntry): void {
    // Positional: binding by name looked up every key of an object per row.
    const v = e.volume;
    this.insertRequest.run(e.at.getTime(), e.surface, e.workspace, e.channel ?? null, e.category, e.industry, e.confidence,
      v?.count ?? null, v?.unit ?? null, v?.period ?? null, e.matched ? 1 : 0, e.useCase ?? null, this.keepText && e.text ? e.text : null);
    for (const row of policyRows(e)) this.insertPolicy.run(...row);
  }

  recordAccessRequest(e: AccessRequestEntry): void {
    this.insertPolicy.run(...accessRow(e));
  }

  recordFeedback(e: FeedbackEntry): void {
    this.insertFeedback.run(e.at.getTime(), e.surface, e.workspace, e.channel ?? null, e.category, e.helpful ? 1 : 0, e.catalogVersion);
  }

  /**
   * Runs several writes in one transaction (one commit instead of one per write); a person's
   * history is trimmed once at the end however many questions they added meanwhile.
   */
  batch(work: () => void): void {
    this.runBatch(work);
  }

  addHistory(userKey: string, entry: HistoryEntry): void {
    if (!this.trimAtEnd) return void this.addHistoryNow(userKey, entry.at.getTime(), entry.text);
    this.insertHistory.run(userKey, entry.at.getTime(), entry.text);
    if (this.trimDue(userKey)) this.trimAtEnd.add(userKey);
  }

  /** Counts a new question; true when the person's history should be trimmed now. Someone not
   * seen yet by this process is trimmed at once: an earlier process may have left extra rows. */
  private trimDue(userKey: string): boolean {
    const count = (this.sinceTrim.get(userKey) ?? TRIM_EVERY - 1) + 1;
    if (count < TRIM_EVERY) {
      this.sinceTrim.set(userKey, count);
      return false;
    }
    if (this.sinceTrim.size >= MAX_TRACKED) this.sinceTrim.clear();
    this.sinceTrim.set(userKey, 0);
    return true;
  }

  async recentHistory(userKey: string, limit: number): Promise<HistoryEntry[]> {
    return readRows(HistoryRow, 'history', this.selectHistory.all(userKey, limit));
  }
}

/**
 * When the bot runs with credentials, a conversation reference saved while it ran without them
 * (local mode, or an older version's open endpoint) may name any service URL: it is dropped, and
 * comes back when the bot is next added to that conversation. Rows from before the flag existed
 * are kept when their service URL is one the bot's token may go to anyway (`trusted`).
 */
export function dropUnauthenticatedRefs(db: Db, trusted: (serviceUrl: string) => boolean): number {
  return db.transaction(() => {
    const legacy = readRows(LegacyRefRow, 'conversation_refs', db.prepare('SELECT conversation_id, reference FROM conversation_refs WHERE authenticated IS NULL').all());
    const mark = db.prepare('UPDATE conversation_refs SET authenticated = ? WHERE conversation_id = ?');
    for (const ref of legacy) mark.run(typeof ref.serviceUrl === 'string' && trusted(ref.serviceUrl) ? 1 : 0, ref.conversationId);
    return db.prepare('DELETE FROM conversation_refs WHERE authenticated = 0').run().changes;
  })();
}

/**
 * Deletes request log (with its policy counts), feedback and history older than the retention, and history beyond each
 * person's newest HISTORY_KEEP; returns rows removed.
 */
export function pruneOlderThan(db: Db, cutoff: Date): number {
  const t = cutoff.getTime();
  return db.transaction(() => {
    const old = ['request_log', 'policy_log', 'feedback', 'history'].reduce((n, table) => n + db.prepare(`DELETE FROM ${table} WHERE at < ?`).run(t).changes, 0);
    const extra = db.prepare(`DELETE FROM history WHERE id IN (SELECT id FROM (SELECT id,
      ROW_NUMBER() OVER (PARTITION BY user_key ORDER BY at DESC, id DESC) AS newest FROM history) WHERE newest > ${HISTORY_KEEP})`).run().changes;
    return old + extra;
  })();
}
