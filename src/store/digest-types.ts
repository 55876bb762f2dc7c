// What the digest reads and writes, behind one interface like SurfaceStore, so Postgres can
// replace SQLite for several replicas without touching the digest code. Every method returns a
// promise: a server database answers over the network; SQLite answers at once.
import type { CategoryIdT, IndustryIdT, VolumeT } from '../core/schema.js';

export const PLATFORMS = ['slack', 'teams'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface SubscriptionRecord {
  readonly id: string;
  readonly platform: Platform;
  /** Slack team id or Teams tenant id; empty when subscribed from the command line without one. */
  readonly workspace: string;
  /** Slack channel id or Teams conversation id. */
  readonly channel: string;
  /** Slack Grid organisation of the channel, when known: its org-wide installation may serve it. */
  readonly enterprise?: string;
  /** Five-field cron pattern, read in `timeZone`. */
  readonly schedule: string;
  readonly timeZone: string;
  readonly status: 'active' | 'paused';
  readonly pausedReason: string | null;
  /** When the current schedule was set: times before it are never due (no instant digest on a change). */
  readonly createdAt: Date;
}

export type NewSubscription = Pick<SubscriptionRecord, 'platform' | 'workspace' | 'channel' | 'schedule' | 'timeZone' | 'enterprise'>;

export const DELIVERY_STATUSES = ['claimed', 'sent', 'skipped', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryRecord {
  readonly subscriptionId: string;
  /** The scheduled time this delivery stands for: one row per subscription and period. */
  readonly periodAt: Date;
  readonly status: DeliveryStatus;
  readonly catalogVersion: string | null;
  readonly detail: string | null;
}

/** A claim is held by one runner until it finishes or its lease runs out. */
export interface ClaimOwner {
  readonly id: string;
  /** Wall-clock ms (not the schedule clock) after which another runner may take a claim made now over. */
  leaseUntil(): number;
  /** Whether a claim held by `owner` may be taken over now (its process is gone, or lease ran out). */
  readonly isStale: (owner: string, leaseUntil: number) => boolean;
}

export interface RequestRow {
  readonly at: Date;
  readonly category: CategoryIdT | null;
  readonly industry: IndustryIdT | null;
  readonly confidence: number;
  readonly volume: VolumeT | null;
  readonly matched: boolean;
  readonly useCase: string | null;
  readonly text: string | null;
}

export interface FeedbackTotals {
  readonly up: number;
  readonly down: number;
}

/** What one catalog version offered, to tell a digest's readers what changed since the last. */
export interface CatalogSnapshot {
  readonly version: string;
  readonly tools: readonly string[];
  readonly useCases: readonly string[];
}

export interface DigestStore {
  /** Creates or replaces the one subscription of a channel (keeping its id), active again. */
  upsertSubscription(sub: NewSubscription, now: Date): Promise<SubscriptionRecord>;
  findSubscription(platform: Platform, channel: string): Promise<SubscriptionRecord | undefined>;
  getSubscription(id: string): Promise<SubscriptionRecord | undefined>;
  listSubscriptions(): Promise<SubscriptionRecord[]>;
  removeSubscription(id: string): Promise<boolean>;
  pauseSubscription(id: string, reason: string): Promise<void>;
  /** Makes a paused subscription active again, keeping its schedule and history. */
  resumeSubscription(id: string): Promise<void>;

  /**
   * Claims (subscription, period) in one transaction: 'new' for a first or retried attempt,
   * 'taken-over' when a dead runner held it (it may have sent before dying), null when another
   * runner has it or it is done.
   */
  claimDelivery(subscriptionId: string, periodAt: Date, owner: ClaimOwner): Promise<'new' | 'taken-over' | null>;
  finishDelivery(subscriptionId: string, periodAt: Date, status: Exclude<DeliveryStatus, 'claimed'>, detail: string | null, catalogVersion: string | null): Promise<void>;
  /** Records a missed period as skipped unless a row exists already. */
  skipDelivery(subscriptionId: string, periodAt: Date, detail: string): Promise<void>;
  getDelivery(subscriptionId: string, periodAt: Date): Promise<DeliveryRecord | undefined>;
  /** The newest period with any delivery row (sent, skipped, failed...). */
  latestPeriod(subscriptionId: string): Promise<Date | undefined>;
  /** The newest delivery that was sent, before `before`. */
  lastSent(subscriptionId: string, before: Date): Promise<DeliveryRecord | undefined>;
  countSent(subscriptionId: string): Promise<number>;
  listDeliveries(subscriptionId?: string): Promise<DeliveryRecord[]>;

  requestsIn(channel: string, from: Date, to: Date): Promise<RequestRow[]>;
  feedbackIn(channel: string, from: Date, to: Date): Promise<FeedbackTotals>;
  saveCatalogSnapshot(snapshot: CatalogSnapshot): Promise<void>;
  getCatalogSnapshot(version: string): Promise<CatalogSnapshot | undefined>;
}
