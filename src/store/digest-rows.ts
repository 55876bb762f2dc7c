// Rows of the digest tables as both stores read them (the same columns in SQLite and Postgres),
// and the records the digest code sees.
import { randomBytes } from 'node:crypto';
import type { DeliveryRecord, DeliveryStatus, Platform, RequestRow, SubscriptionRecord } from './digest-types.js';

export interface SubRow {
  id: string; platform: Platform; workspace: string; enterprise: string; channel: string; schedule: string; time_zone: string;
  status: 'active' | 'paused'; paused_reason: string | null; created_at: number;
}
export interface DeliveryRow {
  subscription_id: string; period_at: number; status: DeliveryStatus; owner: string | null; lease_until: number | null; attempts: number;
  catalog_version: string | null; detail: string | null;
}

export const toSub = (r: SubRow): SubscriptionRecord => ({
  id: r.id, platform: r.platform, workspace: r.workspace, ...(r.enterprise ? { enterprise: r.enterprise } : {}), channel: r.channel, schedule: r.schedule, timeZone: r.time_zone,
  status: r.status, pausedReason: r.paused_reason, createdAt: new Date(r.created_at),
});
export const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  subscriptionId: r.subscription_id, periodAt: new Date(r.period_at), status: r.status, catalogVersion: r.catalog_version, detail: r.detail,
});

/** Runs that may try one period of one subscription before it stays failed. */
export const MAX_ATTEMPTS = 5;

export const newSubscriptionId = (): string => `sub_${randomBytes(5).toString('hex')}`;

export const toRequestRow = (r: Record<string, unknown>): RequestRow => ({
  at: new Date(r.at as number),
  category: r.category as RequestRow['category'],
  industry: r.industry as RequestRow['industry'],
  confidence: r.confidence as number,
  volume: r.volume_count === null ? null : ({ count: r.volume_count, unit: r.volume_unit, period: r.volume_period } as RequestRow['volume']),
  matched: r.matched === 1,
  useCase: (r.use_case as string | null) ?? null,
  text: (r.text as string | null) ?? null,
});
