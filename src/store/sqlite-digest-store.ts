// The DigestStore on SQLite. The delivery row is the lock: a runner claims (subscription,
// period) inside an IMMEDIATE transaction before it sends, so two `digest run` processes on one
// file, or a restart after a crash, never send the same period twice.
import type { Db } from './open-database.js';
import type {
  CatalogSnapshot, ClaimOwner, DeliveryRecord, DeliveryStatus, DigestStore, FeedbackTotals, NewSubscription, Platform, RequestRow, SubscriptionRecord,
} from './digest-types.js';
import { CatalogSnapshotRow } from './rows/catalog-snapshot.js';
import { CountRow, FeedbackTotalsRow, LatestRow } from './rows/counts.js';
import { Delivery, DeliveryRow, MAX_ATTEMPTS } from './rows/delivery.js';
import { readRow, readRows } from './rows/read-row.js';
import { RequestLogRow } from './rows/request.js';
import { newSubscriptionId, SubscriptionRow } from './rows/subscription.js';

const subscription = (r: unknown): SubscriptionRecord | undefined => (r === undefined ? undefined : readRow(SubscriptionRow, 'subscriptions', r));
const delivery = (r: unknown): DeliveryRecord | undefined => (r === undefined ? undefined : readRow(Delivery, 'deliveries', r));

// A Teams channel's requests are logged under their threads ("19:…@thread.tacv2;messageid=…"):
// the channel's digest counts them all. The range (';' up to '<') keeps the index usable.
const IN_CHANNEL = '(channel = @channel OR (channel >= @threads AND channel < @threadsEnd))';
const inChannel = (channel: string) => ({ channel, threads: `${channel};`, threadsEnd: `${channel}<` });

export class SqliteDigestStore implements DigestStore {
  constructor(private readonly db: Db) {}

  async upsertSubscription(s: NewSubscription, now: Date): Promise<SubscriptionRecord> {
    this.db
      .prepare(`INSERT INTO subscriptions (id, platform, workspace, enterprise, channel, schedule, time_zone, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)
        ON CONFLICT (platform, channel) DO UPDATE SET workspace = CASE WHEN excluded.workspace = '' THEN workspace ELSE excluded.workspace END,
        enterprise = CASE WHEN excluded.enterprise = '' THEN enterprise ELSE excluded.enterprise END,
        schedule = excluded.schedule, time_zone = excluded.time_zone, status = 'active', paused_reason = NULL,
        created_at = excluded.created_at, updated_at = excluded.updated_at`)
      .run(newSubscriptionId(), s.platform, s.workspace, s.enterprise ?? '', s.channel, s.schedule, s.timeZone, now.getTime(), now.getTime());
    return (await this.findSubscription(s.platform, s.channel))!;
  }

  async findSubscription(platform: Platform, channel: string): Promise<SubscriptionRecord | undefined> {
    return subscription(this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ?').get(platform, channel));
  }

  async getSubscription(id: string): Promise<SubscriptionRecord | undefined> {
    return subscription(this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id));
  }

  async listSubscriptions(): Promise<SubscriptionRecord[]> {
    return readRows(SubscriptionRow, 'subscriptions', this.db.prepare('SELECT * FROM subscriptions ORDER BY created_at, rowid').all());
  }

  async removeSubscription(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
  }

  async pauseSubscription(id: string, reason: string): Promise<void> {
    this.db.prepare("UPDATE subscriptions SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ?").run(reason, Date.now(), id);
  }

  async resumeSubscription(id: string): Promise<void> {
    this.db.prepare("UPDATE subscriptions SET status = 'active', paused_reason = NULL, updated_at = ? WHERE id = ? AND status = 'paused'").run(Date.now(), id);
  }

  async claimDelivery(subscriptionId: string, periodAt: Date, owner: ClaimOwner): Promise<'new' | 'taken-over' | null> {
    const at = periodAt.getTime();
    const claim = this.db.transaction((): 'new' | 'taken-over' | null => {
      const found = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND period_at = ?').get(subscriptionId, at);
      if (found === undefined) {
        this.db
          .prepare("INSERT INTO deliveries (subscription_id, period_at, status, owner, lease_until, attempts, updated_at) VALUES (?, ?, 'claimed', ?, ?, 1, ?)")
          .run(subscriptionId, at, owner.id, owner.leaseUntil(), Date.now());
        return 'new';
      }
      const row = readRow(DeliveryRow, 'deliveries', found);
      // A failed send is retried by a later run in the same period; a stale claim is taken over.
      const retry = row.status === 'failed' && row.attempts < MAX_ATTEMPTS;
      const takeOver = row.status === 'claimed' && owner.isStale(row.owner ?? '', row.lease_until ?? 0);
      if (!retry && !takeOver) return null;
      this.db
        .prepare("UPDATE deliveries SET status = 'claimed', owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE subscription_id = ? AND period_at = ?")
        .run(owner.id, owner.leaseUntil(), Date.now(), subscriptionId, at);
      return takeOver ? 'taken-over' : 'new';
    });
    return claim.immediate();
  }

  async finishDelivery(subscriptionId: string, periodAt: Date, status: Exclude<DeliveryStatus, 'claimed'>, detail: string | null, catalogVersion: string | null): Promise<void> {
    this.db
      .prepare('UPDATE deliveries SET status = ?, detail = ?, catalog_version = ?, owner = NULL, lease_until = NULL, updated_at = ? WHERE subscription_id = ? AND period_at = ?')
      .run(status, detail, catalogVersion, Date.now(), subscriptionId, periodAt.getTime());
  }

  async skipDelivery(subscriptionId: string, periodAt: Date, detail: string): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO deliveries (subscription_id, period_at, status, detail, updated_at) VALUES (?, ?, 'skipped', ?, ?)")
      .run(subscriptionId, periodAt.getTime(), detail, Date.now());
  }

  async getDelivery(subscriptionId: string, periodAt: Date): Promise<DeliveryRecord | undefined> {
    return delivery(this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND period_at = ?').get(subscriptionId, periodAt.getTime()));
  }

  async latestPeriod(subscriptionId: string): Promise<Date | undefined> {
    const at = readRow(LatestRow, 'deliveries', this.db.prepare('SELECT MAX(period_at) AS at FROM deliveries WHERE subscription_id = ?').get(subscriptionId));
    return at === null ? undefined : new Date(at);
  }

  async lastSent(subscriptionId: string, before: Date): Promise<DeliveryRecord | undefined> {
    return delivery(this.db.prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sent' AND period_at < ? ORDER BY period_at DESC LIMIT 1").get(subscriptionId, before.getTime()));
  }

  async countSent(subscriptionId: string): Promise<number> {
    return readRow(CountRow, 'deliveries', this.db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE subscription_id = ? AND status = 'sent'").get(subscriptionId));
  }

  async listDeliveries(subscriptionId?: string): Promise<DeliveryRecord[]> {
    const rows = subscriptionId
      ? this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY period_at').all(subscriptionId)
      : this.db.prepare('SELECT * FROM deliveries ORDER BY subscription_id, period_at').all();
    return readRows(Delivery, 'deliveries', rows);
  }

  async requestsIn(channel: string, from: Date, to: Date): Promise<RequestRow[]> {
    const rows = this.db
      .prepare(`SELECT * FROM request_log WHERE ${IN_CHANNEL} AND at >= @from AND at < @to ORDER BY at`)
      .all({ ...inChannel(channel), from: from.getTime(), to: to.getTime() });
    return readRows(RequestLogRow, 'request_log', rows);
  }

  async feedbackIn(channel: string, from: Date, to: Date): Promise<FeedbackTotals> {
    const r = this.db
      .prepare(`SELECT COALESCE(SUM(helpful), 0) AS up, COUNT(*) - COALESCE(SUM(helpful), 0) AS down FROM feedback WHERE ${IN_CHANNEL} AND at >= @from AND at < @to`)
      .get({ ...inChannel(channel), from: from.getTime(), to: to.getTime() });
    return readRow(FeedbackTotalsRow, 'feedback', r);
  }

  async saveCatalogSnapshot(s: CatalogSnapshot): Promise<void> {
    this.db
      .prepare('INSERT OR IGNORE INTO catalog_snapshots (version, tools, use_cases, seen_at) VALUES (?, ?, ?, ?)')
      .run(s.version, JSON.stringify(s.tools), JSON.stringify(s.useCases), Date.now());
  }

  async getCatalogSnapshot(version: string): Promise<CatalogSnapshot | undefined> {
    const r = this.db.prepare('SELECT * FROM catalog_snapshots WHERE version = ?').get(version);
    return r === undefined ? undefined : readRow(CatalogSnapshotRow, 'catalog_snapshots', r);
  }
}
