// The DigestStore on Postgres, shared by every replica and `digest run`. The delivery row is the
// lock, as in SQLite: a runner claims (subscription, period) in a short transaction before it
// sends. A row being decided on by another runner right now is skipped (FOR UPDATE SKIP LOCKED),
// not waited for; a row claimed by a runner whose process is gone (presence.ts) or whose lease ran
// out is taken over, and its sender first checks whether the message already went out.
import type pg from 'pg';
import type { z } from 'zod';
import { CatalogSnapshotRow } from '../rows/catalog-snapshot.js';
import { CountRow, FeedbackTotalsRow, LatestRow } from '../rows/counts.js';
import { Delivery, DeliveryRow, MAX_ATTEMPTS } from '../rows/delivery.js';
import { readRow, readRows } from '../rows/read-row.js';
import { RequestLogRow } from '../rows/request.js';
import { newSubscriptionId, SubscriptionRow } from '../rows/subscription.js';
import type {
  CatalogSnapshot, ClaimOwner, DeliveryRecord, DeliveryStatus, DigestStore, FeedbackTotals, NewSubscription, Platform, RequestRow, SubscriptionRecord,
} from '../digest-types.js';
import type { PgLink } from './link.js';
import { ownerGone, type Presence } from './presence.js';

// A Teams channel's requests are logged under their threads ("19:…@thread.tacv2;messageid=…"):
// the channel's digest counts them all. The columns are COLLATE "C", so the range is by bytes.
const IN_CHANNEL = '(channel = $1 OR (channel >= $2 AND channel < $3))';
const inChannel = (channel: string): string[] => [channel, `${channel};`, `${channel}<`];

export class PgDigestStore implements DigestStore {
  constructor(
    private readonly link: PgLink,
    private readonly presence: Presence,
    /** Writes the request path queued: digests read what this process wrote, as with SQLite. */
    private readonly flushWrites: () => Promise<void> = async () => undefined,
  ) {}

  /** The rows as the database returned them: each read method parses its own. */
  private async rows(sql: string, values: unknown[] = []): Promise<unknown[]> {
    return (await this.run((pool) => pool.query(sql, values))).rows;
  }

  /** The first row read with `schema`, or undefined when there is none. */
  private async first<S extends z.ZodType>(schema: S, table: string, sql: string, values: unknown[] = []): Promise<z.output<S> | undefined> {
    const [r] = await this.rows(sql, values);
    return r === undefined ? undefined : readRow(schema, table, r);
  }

  private async run<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    await this.flushWrites();
    return this.link.run(work);
  }

  async upsertSubscription(s: NewSubscription, now: Date): Promise<SubscriptionRecord> {
    const row = await this.first(
      SubscriptionRow,
      'subscriptions',
      `INSERT INTO subscriptions (id, platform, workspace, enterprise, channel, schedule, time_zone, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $8)
       ON CONFLICT (platform, channel) DO UPDATE SET
         workspace = CASE WHEN EXCLUDED.workspace = '' THEN subscriptions.workspace ELSE EXCLUDED.workspace END,
         enterprise = CASE WHEN EXCLUDED.enterprise = '' THEN subscriptions.enterprise ELSE EXCLUDED.enterprise END,
         schedule = EXCLUDED.schedule, time_zone = EXCLUDED.time_zone, status = 'active', paused_reason = NULL,
         created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [newSubscriptionId(), s.platform, s.workspace, s.enterprise ?? '', s.channel, s.schedule, s.timeZone, now.getTime()],
    );
    return row!;
  }

  async findSubscription(platform: Platform, channel: string): Promise<SubscriptionRecord | undefined> {
    return this.first(SubscriptionRow, 'subscriptions', 'SELECT * FROM subscriptions WHERE platform = $1 AND channel = $2', [platform, channel]);
  }

  async getSubscription(id: string): Promise<SubscriptionRecord | undefined> {
    return this.first(SubscriptionRow, 'subscriptions', 'SELECT * FROM subscriptions WHERE id = $1', [id]);
  }

  async listSubscriptions(): Promise<SubscriptionRecord[]> {
    return readRows(SubscriptionRow, 'subscriptions', await this.rows('SELECT * FROM subscriptions ORDER BY created_at, seq'));
  }

  async removeSubscription(id: string): Promise<boolean> {
    return ((await this.run((pool) => pool.query('DELETE FROM subscriptions WHERE id = $1', [id]))).rowCount ?? 0) > 0;
  }

  async pauseSubscription(id: string, reason: string): Promise<void> {
    await this.rows("UPDATE subscriptions SET status = 'paused', paused_reason = $1, updated_at = $2 WHERE id = $3", [reason, Date.now(), id]);
  }

  async resumeSubscription(id: string): Promise<void> {
    await this.rows("UPDATE subscriptions SET status = 'active', paused_reason = NULL, updated_at = $1 WHERE id = $2 AND status = 'paused'", [Date.now(), id]);
  }

  async claimDelivery(subscriptionId: string, periodAt: Date, owner: ClaimOwner): Promise<'new' | 'taken-over' | null> {
    const at = periodAt.getTime();
    // Alive before claiming: a claim must never exist while its owner looks dead.
    await this.link.run(() => this.presence.hold(owner.id));
    return this.link.tx(async (c) => {
      const inserted = await c.query(
        `INSERT INTO deliveries (subscription_id, period_at, status, owner, lease_until, attempts, updated_at)
         VALUES ($1, $2, 'claimed', $3, $4, 1, $5) ON CONFLICT DO NOTHING`,
        [subscriptionId, at, owner.id, owner.leaseUntil(), Date.now()],
      );
      if (inserted.rowCount === 1) return 'new';
      const { rows } = await c.query('SELECT * FROM deliveries WHERE subscription_id = $1 AND period_at = $2 FOR UPDATE SKIP LOCKED', [subscriptionId, at]);
      // Another runner is deciding about this very row: it is theirs.
      if (rows[0] === undefined) return null;
      const row = readRow(DeliveryRow, 'deliveries', rows[0]);
      // A failed send is retried by a later run in the same period; a dead runner's claim is taken over.
      const retry = row.status === 'failed' && row.attempts < MAX_ATTEMPTS;
      const takeOver =
        row.status === 'claimed' &&
        (owner.isStale(row.owner ?? '', row.lease_until ?? 0) || (row.owner !== owner.id && (row.owner === null || (await ownerGone(c, row.owner)))));
      if (!retry && !takeOver) return null;
      await c.query("UPDATE deliveries SET status = 'claimed', owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3 WHERE subscription_id = $4 AND period_at = $5", [
        owner.id, owner.leaseUntil(), Date.now(), subscriptionId, at,
      ]);
      return takeOver ? 'taken-over' : 'new';
    });
  }

  async finishDelivery(subscriptionId: string, periodAt: Date, status: Exclude<DeliveryStatus, 'claimed'>, detail: string | null, catalogVersion: string | null): Promise<void> {
    await this.rows('UPDATE deliveries SET status = $1, detail = $2, catalog_version = $3, owner = NULL, lease_until = NULL, updated_at = $4 WHERE subscription_id = $5 AND period_at = $6', [
      status, detail, catalogVersion, Date.now(), subscriptionId, periodAt.getTime(),
    ]);
  }

  async skipDelivery(subscriptionId: string, periodAt: Date, detail: string): Promise<void> {
    await this.rows("INSERT INTO deliveries (subscription_id, period_at, status, detail, updated_at) VALUES ($1, $2, 'skipped', $3, $4) ON CONFLICT DO NOTHING", [
      subscriptionId, periodAt.getTime(), detail, Date.now(),
    ]);
  }

  async getDelivery(subscriptionId: string, periodAt: Date): Promise<DeliveryRecord | undefined> {
    return this.first(Delivery, 'deliveries', 'SELECT * FROM deliveries WHERE subscription_id = $1 AND period_at = $2', [subscriptionId, periodAt.getTime()]);
  }

  async latestPeriod(subscriptionId: string): Promise<Date | undefined> {
    const at = await this.first(LatestRow, 'deliveries', 'SELECT MAX(period_at) AS at FROM deliveries WHERE subscription_id = $1', [subscriptionId]);
    return at == null ? undefined : new Date(at);
  }

  async lastSent(subscriptionId: string, before: Date): Promise<DeliveryRecord | undefined> {
    return this.first(Delivery, 'deliveries', "SELECT * FROM deliveries WHERE subscription_id = $1 AND status = 'sent' AND period_at < $2 ORDER BY period_at DESC LIMIT 1", [
      subscriptionId, before.getTime(),
    ]);
  }

  async countSent(subscriptionId: string): Promise<number> {
    return (await this.first(CountRow, 'deliveries', "SELECT COUNT(*) AS n FROM deliveries WHERE subscription_id = $1 AND status = 'sent'", [subscriptionId]))!;
  }

  async listDeliveries(subscriptionId?: string): Promise<DeliveryRecord[]> {
    const rows = subscriptionId
      ? await this.rows('SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY period_at', [subscriptionId])
      : await this.rows('SELECT * FROM deliveries ORDER BY subscription_id COLLATE "C", period_at');
    return readRows(Delivery, 'deliveries', rows);
  }

  async requestsIn(channel: string, from: Date, to: Date): Promise<RequestRow[]> {
    const rows = await this.rows(`SELECT * FROM request_log WHERE ${IN_CHANNEL} AND at >= $4 AND at < $5 ORDER BY at, id`, [...inChannel(channel), from.getTime(), to.getTime()]);
    return readRows(RequestLogRow, 'request_log', rows);
  }

  async feedbackIn(channel: string, from: Date, to: Date): Promise<FeedbackTotals> {
    const totals = await this.first(
      FeedbackTotalsRow,
      'feedback',
      `SELECT COALESCE(SUM(helpful), 0)::bigint AS up, (COUNT(*) - COALESCE(SUM(helpful), 0))::bigint AS down FROM feedback WHERE ${IN_CHANNEL} AND at >= $4 AND at < $5`,
      [...inChannel(channel), from.getTime(), to.getTime()],
    );
    return totals!;
  }

  async saveCatalogSnapshot(s: CatalogSnapshot): Promise<void> {
    await this.rows('INSERT INTO catalog_snapshots (version, tools, use_cases, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      s.version, JSON.stringify(s.tools), JSON.stringify(s.useCases), Date.now(),
    ]);
  }

  async getCatalogSnapshot(version: string): Promise<CatalogSnapshot | undefined> {
    return this.first(CatalogSnapshotRow, 'catalog_snapshots', 'SELECT * FROM catalog_snapshots WHERE version = $1', [version]);
  }
}
