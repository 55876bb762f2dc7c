// The DigestStore on SQLite. The delivery row is the lock: a runner claims (subscription,
// period) inside an IMMEDIATE transaction before it sends, so two `digest run` processes on one
// file, or a restart after a crash, never send the same period twice.
import { randomBytes } from 'node:crypto';
import type { Db } from './open-database.js';
import type {
  CatalogSnapshot, ClaimOwner, DeliveryRecord, DeliveryStatus, DigestStore, FeedbackTotals, NewSubscription, Platform, RequestRow, SubscriptionRecord,
} from './digest-types.js';

interface SubRow {
  id: string; platform: Platform; workspace: string; enterprise: string; channel: string; schedule: string; time_zone: string;
  status: 'active' | 'paused'; paused_reason: string | null; created_at: number;
}
interface DeliveryRow {
  subscription_id: string; period_at: number; status: DeliveryStatus; owner: string | null; lease_until: number | null; attempts: number;
  catalog_version: string | null; detail: string | null;
}

const toSub = (r: SubRow): SubscriptionRecord => ({
  id: r.id, platform: r.platform, workspace: r.workspace, ...(r.enterprise ? { enterprise: r.enterprise } : {}), channel: r.channel, schedule: r.schedule, timeZone: r.time_zone,
  status: r.status, pausedReason: r.paused_reason, createdAt: new Date(r.created_at),
});
const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  subscriptionId: r.subscription_id, periodAt: new Date(r.period_at), status: r.status, catalogVersion: r.catalog_version, detail: r.detail,
});

/** Runs that may try one period of one subscription before it stays failed. */
const MAX_ATTEMPTS = 5;

// A Teams channel's requests are logged under their threads ("19:…@thread.tacv2;messageid=…"):
// the channel's digest counts them all. The range (';' up to '<') keeps the index usable.
const IN_CHANNEL = '(channel = @channel OR (channel >= @threads AND channel < @threadsEnd))';
const inChannel = (channel: string) => ({ channel, threads: `${channel};`, threadsEnd: `${channel}<` });

export const newSubscriptionId = (): string => `sub_${randomBytes(5).toString('hex')}`;

export class SqliteDigestStore implements DigestStore {
  constructor(private readonly db: Db) {}

  upsertSubscription(s: NewSubscription, now: Date): SubscriptionRecord {
    this.db
      .prepare(`INSERT INTO subscriptions (id, platform, workspace, enterprise, channel, schedule, time_zone, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)
        ON CONFLICT (platform, channel) DO UPDATE SET workspace = CASE WHEN excluded.workspace = '' THEN workspace ELSE excluded.workspace END,
        enterprise = CASE WHEN excluded.enterprise = '' THEN enterprise ELSE excluded.enterprise END,
        schedule = excluded.schedule, time_zone = excluded.time_zone, status = 'active', paused_reason = NULL,
        created_at = excluded.created_at, updated_at = excluded.updated_at`)
      .run(newSubscriptionId(), s.platform, s.workspace, s.enterprise ?? '', s.channel, s.schedule, s.timeZone, now.getTime(), now.getTime());
    return this.findSubscription(s.platform, s.channel)!;
  }

  findSubscription(platform: Platform, channel: string): SubscriptionRecord | undefined {
    const r = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ?').get(platform, channel) as SubRow | undefined;
    return r && toSub(r);
  }

  getSubscription(id: string): SubscriptionRecord | undefined {
    const r = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as SubRow | undefined;
    return r && toSub(r);
  }

  listSubscriptions(): SubscriptionRecord[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY created_at, rowid').all() as SubRow[]).map(toSub);
  }

  removeSubscription(id: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
  }

  pauseSubscription(id: string, reason: string): void {
    this.db.prepare("UPDATE subscriptions SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ?").run(reason, Date.now(), id);
  }

  resumeSubscription(id: string): void {
    this.db.prepare("UPDATE subscriptions SET status = 'active', paused_reason = NULL, updated_at = ? WHERE id = ? AND status = 'paused'").run(Date.now(), id);
  }

  claimDelivery(subscriptionId: string, periodAt: Date, owner: ClaimOwner): 'new' | 'taken-over' | null {
    const at = periodAt.getTime();
    const claim = this.db.transaction((): 'new' | 'taken-over' | null => {
      const row = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND period_at = ?').get(subscriptionId, at) as DeliveryRow | undefined;
      if (!row) {
        this.db
          .prepare("INSERT INTO deliveries (subscription_id, period_at, status, owner, lease_until, attempts, updated_at) VALUES (?, ?, 'claimed', ?, ?, 1, ?)")
          .run(subscriptionId, at, owner.id, owner.leaseUntil(), Date.now());
        return 'new';
      }
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

  finishDelivery(subscriptionId: string, periodAt: Date, status: Exclude<DeliveryStatus, 'claimed'>, detail: string | null, catalogVersion: string | null): void {
    this.db
      .prepare('UPDATE deliveries SET status = ?, detail = ?, catalog_version = ?, owner = NULL, lease_until = NULL, updated_at = ? WHERE subscription_id = ? AND period_at = ?')
      .run(status, detail, catalogVersion, Date.now(), subscriptionId, periodAt.getTime());
  }

  skipDelivery(subscriptionId: string, periodAt: Date, detail: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO deliveries (subscription_id, period_at, status, detail, updated_at) VALUES (?, ?, 'skipped', ?, ?)")
      .run(subscriptionId, periodAt.getTime(), detail, Date.now());
  }

  getDelivery(subscriptionId: string, periodAt: Date): DeliveryRecord | undefined {
    const r = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND period_at = ?').get(subscriptionId, periodAt.getTime()) as DeliveryRow | undefined;
    return r && toDelivery(r);
  }

  latestPeriod(subscriptionId: string): Date | undefined {
    const r = this.db.prepare('SELECT MAX(period_at) AS at FROM deliveries WHERE subscription_id = ?').get(subscriptionId) as { at: number | null };
    return r.at === null ? undefined : new Date(r.at);
  }

  lastSent(subscriptionId: string, before: Date): DeliveryRecord | undefined {
    const r = this.db
      .prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sent' AND period_at < ? ORDER BY period_at DESC LIMIT 1")
      .get(subscriptionId, before.getTime()) as DeliveryRow | undefined;
    return r && toDelivery(r);
  }

  countSent(subscriptionId: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE subscription_id = ? AND status = 'sent'").get(subscriptionId) as { n: number }).n;
  }

  listDeliveries(subscriptionId?: string): DeliveryRecord[] {
    const rows = subscriptionId
      ? this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY period_at').all(subscriptionId)
      : this.db.prepare('SELECT * FROM deliveries ORDER BY subscription_id, period_at').all();
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  requestsIn(channel: string, from: Date, to: Date): RequestRow[] {
    const rows = this.db
      .prepare(`SELECT * FROM request_log WHERE ${IN_CHANNEL} AND at >= @from AND at < @to ORDER BY at`)
      .all({ ...inChannel(channel), from: from.getTime(), to: to.getTime() }) as Record<string, unknown>[];
    return rows.map((r) => ({
      at: new Date(r.at as number),
      category: r.category as RequestRow['category'],
      industry: r.industry as RequestRow['industry'],
      confidence: r.confidence as number,
      volume: r.volume_count === null ? null : ({ count: r.volume_count, unit: r.volume_unit, period: r.volume_period } as RequestRow['volume']),
      matched: r.matched === 1,
      useCase: (r.use_case as string | null) ?? null,
      text: (r.text as string | null) ?? null,
    }));
  }

  feedbackIn(channel: string, from: Date, to: Date): FeedbackTotals {
    const r = this.db
      .prepare(`SELECT COALESCE(SUM(helpful), 0) AS up, COUNT(*) - COALESCE(SUM(helpful), 0) AS down FROM feedback WHERE ${IN_CHANNEL} AND at >= @from AND at < @to`)
      .get({ ...inChannel(channel), from: from.getTime(), to: to.getTime() }) as FeedbackTotals;
    return { up: r.up, down: r.down };
  }

  saveCatalogSnapshot(s: CatalogSnapshot): void {
    this.db
      .prepare('INSERT OR IGNORE INTO catalog_snapshots (version, tools, use_cases, seen_at) VALUES (?, ?, ?, ?)')
      .run(s.version, JSON.stringify(s.tools), JSON.stringify(s.useCases), Date.now());
  }

  getCatalogSnapshot(version: string): CatalogSnapshot | undefined {
    const r = this.db.prepare('SELECT * FROM catalog_snapshots WHERE version = ?').get(version) as { version: string; tools: string; use_cases: string } | undefined;
    return r && { version: r.version, tools: JSON.parse(r.tools) as string[], useCases: JSON.parse(r.use_cases) as string[] };
  }
}
