// A row of `subscriptions`, read into the record the digest code sees.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PLATFORMS, type SubscriptionRecord } from '../digest-types.js';

export const SubscriptionRow = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    workspace: z.string(),
    /** '' when the channel is not in a Grid organisation. */
    enterprise: z.string(),
    channel: z.string(),
    schedule: z.string(),
    time_zone: z.string(),
    status: z.enum(['active', 'paused']),
    paused_reason: z.string().nullable(),
    created_at: z.number(),
  })
  .transform(
    (r): SubscriptionRecord => ({
      id: r.id,
      platform: r.platform,
      workspace: r.workspace,
      ...(r.enterprise ? { enterprise: r.enterprise } : {}),
      channel: r.channel,
      schedule: r.schedule,
      timeZone: r.time_zone,
      status: r.status,
      pausedReason: r.paused_reason,
      createdAt: new Date(r.created_at),
    }),
  );

export const newSubscriptionId = (): string => `sub_${randomBytes(5).toString('hex')}`;
