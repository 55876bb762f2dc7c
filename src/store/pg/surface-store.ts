// The SurfaceStore on Postgres: request log, feedback, App Home history and Teams conversation
// references. Writes go through HeldWrites (queued, batched, held while the database is away);
// reads wait for this process's queued writes, and fall back to nothing rather than fail an
// answer when the database is away, as the SQLite store does.
import type pg from 'pg';
import type { Logger } from '../../log/logger.js';
import { HeldWrites } from '../held-writes.js';
import { accessRow, POLICY_COLUMNS, policyRows, type PolicyRow } from '../policy-log.js';
import { ConversationRefRow, LegacyRefRow } from '../rows/conversation-ref.js';
import { HistoryRow } from '../rows/history.js';
import { readRow, readRows } from '../rows/read-row.js';
import type { AccessRequestEntry, ConversationRefRecord, ConversationRefs, FeedbackEntry, HistoryEntry, RequestLogEntry, SurfaceStore } from '../types.js';
import { isAway } from './faults.js';
import type { PgLink } from './link.js';
import { insertRows } from './rows.js';

/** The history rows kept per person, as in SQLite (sqlite-store.ts). */
const HISTORY_KEEP = 20;

export type SurfaceWrite =
  | { readonly kind: 'request'; readonly entry: RequestLogEntry }
  | { readonly kind: 'access'; readonly entry: AccessRequestEntry }
  | { readonly kind: 'feedback'; readonly entry: FeedbackEntry }
  | { readonly kind: 'history'; readonly userKey: string; readonly entry: HistoryEntry }
  | { readonly kind: 'ref'; readonly record: ConversationRefRecord }
  | { readonly kind: 'unref'; readonly conversationId: string };

export class PgSurfaceStore implements SurfaceStore {
  readonly writes: HeldWrites<SurfaceWrite>;
  readonly conversationRefs: ConversationRefs;
  private readFailing = false;

  constructor(
    private readonly link: PgLink,
    /** Whether request text may be kept; without it no text is held or written whatever callers pass. */
    private readonly keepText: boolean,
    private readonly log: Logger,
    hold: { readonly retryMs?: number | undefined; readonly maxHeld?: number | undefined } = {},
  ) {
    this.writes = new HeldWrites<SurfaceWrite>({
      write: (batch) => link.tx((c) => writeBatch(c, batch)),
      isAway,
      log,
      ...(hold.retryMs === undefined ? {} : { retryMs: hold.retryMs }),
      ...(hold.maxHeld === undefined ? {} : { maxHeld: hold.maxHeld }),
    });
    this.conversationRefs = {
      save: (record) => this.writes.add({ kind: 'ref', record }),
      remove: (conversationId) => this.writes.add({ kind: 'unref', conversationId }),
      get: (id) =>
        this.read(async (pool) => {
          const { rows } = await pool.query('SELECT * FROM conversation_refs WHERE conversation_id = $1', [id]);
          return rows[0] === undefined ? undefined : readRow(ConversationRefRow, 'conversation_refs', rows[0]);
        }, undefined),
      list: () => this.read(async (pool) => readRows(ConversationRefRow, 'conversation_refs', (await pool.query('SELECT * FROM conversation_refs ORDER BY conversation_id')).rows), []),
    };
  }

  logRequest(entry: RequestLogEntry): void {
    const { text, ...rest } = entry;
    this.writes.add({ kind: 'request', entry: this.keepText && text ? entry : rest });
  }

  recordAccessRequest(entry: AccessRequestEntry): void {
    this.writes.add({ kind: 'access', entry });
  }

  recordFeedback(entry: FeedbackEntry): void {
    this.writes.add({ kind: 'feedback', entry });
  }

  addHistory(userKey: string, entry: HistoryEntry): void {
    this.writes.add({ kind: 'history', userKey, entry });
  }

  recentHistory(userKey: string, limit: number): Promise<HistoryEntry[]> {
    return this.read(async (pool) => {
      const { rows } = await pool.query('SELECT at, text FROM history WHERE user_key = $1 ORDER BY at DESC, id DESC LIMIT $2', [userKey, limit]);
      return readRows(HistoryRow, 'history', rows);
    }, []);
  }

  private async read<T>(query: (pool: pg.Pool) => Promise<T>, fallback: T): Promise<T> {
    await this.writes.flush();
    try {
      const result = await this.link.run(query);
      this.readFailing = false;
      return result;
    } catch (err) {
      if (!isAway(err)) throw err;
      // The link has said the database is away; this only notes that reads fall back meanwhile.
      if (!this.readFailing) this.log.warn('store: reads fall back to nothing until the database is back');
      this.readFailing = true;
      return fallback;
    }
  }
}

/**
 * When the bot runs with credentials, references saved without them are dropped; rows from before
 * the flag existed are kept when their service URL is `trusted` (as dropUnauthenticatedRefs in
 * sqlite-store.ts). Row locks: replicas starting together decide each row once.
 */
export async function dropUnauthenticatedRefs(c: pg.ClientBase, trusted: (serviceUrl: string) => boolean): Promise<number> {
  const { rows } = await c.query('SELECT conversation_id, reference FROM conversation_refs WHERE authenticated IS NULL FOR UPDATE');
  for (const ref of readRows(LegacyRefRow, 'conversation_refs', rows)) {
    await c.query('UPDATE conversation_refs SET authenticated = $1 WHERE conversation_id = $2', [typeof ref.serviceUrl === 'string' && trusted(ref.serviceUrl) ? 1 : 0, ref.conversationId]);
  }
  return (await c.query('DELETE FROM conversation_refs WHERE authenticated = 0')).rowCount ?? 0;
}

/** One transaction: all rows per table at once; references in order (a save then a remove of one id). */
async function writeBatch(c: pg.ClientBase, batch: readonly SurfaceWrite[]): Promise<void> {
  const requests: unknown[][] = [];
  const policy: PolicyRow[] = [];
  const feedback: unknown[][] = [];
  const history: unknown[][] = [];
  const people = new Set<string>();
  for (const w of batch) {
    if (w.kind === 'request') {
      const e = w.entry;
      const v = e.volume;
      requests.push([e.at.getTime(), e.surface, e.workspace, e.channel ?? null, e.category, e.industry, e.confidence,
        v?.count ?? null, v?.unit ?? null, v?.period ?? null, e.matched ? 1 : 0, e.useCase ?? null, e.text || null]);
      policy.push(...policyRows(e));
    } else if (w.kind === 'access') policy.push(accessRow(w.entry));
    else if (w.kind === 'feedback') {
      const e = w.entry;
      feedback.push([e.at.getTime(), e.surface, e.workspace, e.channel ?? null, e.category, e.helpful ? 1 : 0, e.catalogVersion]);
    } else if (w.kind === 'history') {
      history.push([w.userKey, w.entry.at.getTime(), w.entry.text]);
      people.add(w.userKey);
    } else if (w.kind === 'ref') {
      const r = w.record;
      await c.query(`INSERT INTO conversation_refs (conversation_id, tenant_id, scope, reference, updated_at, authenticated) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (conversation_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, scope = EXCLUDED.scope, reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at,
        authenticated = EXCLUDED.authenticated`,
      [r.conversationId, r.tenantId, r.scope, JSON.stringify(r.reference), r.updatedAt.getTime(), r.authenticated ? 1 : 0]);
    } else await c.query('DELETE FROM conversation_refs WHERE conversation_id = $1', [w.conversationId]);
  }
  if (requests.length)
    await insertRows(c, 'request_log', ['at', 'surface', 'workspace', 'channel', 'category', 'industry', 'confidence', 'volume_count', 'volume_unit', 'volume_period', 'matched', 'use_case', 'text'], requests);
  if (policy.length) await insertRows(c, 'policy_log', POLICY_COLUMNS, policy);
  if (feedback.length) await insertRows(c, 'feedback', ['at', 'surface', 'workspace', 'channel', 'category', 'helpful', 'catalog_version'], feedback);
  if (history.length) {
    await insertRows(c, 'history', ['user_key', 'at', 'text'], history);
    // Trimmed once per batch for the people in it: the DELETE costs about what the insert does.
    await c.query(`DELETE FROM history h USING (
        SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_key ORDER BY at DESC, id DESC) AS newest FROM history WHERE user_key = ANY($1)) ranked
        WHERE newest > ${HISTORY_KEEP}) extra WHERE h.id = extra.id`, [[...people]]);
  }
}
