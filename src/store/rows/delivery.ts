// A row of `deliveries`: the claim (who holds it, until when, how often it was tried) and the
// record the digest code sees.
import { z } from 'zod';
import { DELIVERY_STATUSES, type DeliveryRecord } from '../digest-types.js';

/** Runs that may try one period of one subscription before it stays failed. */
export const MAX_ATTEMPTS = 5;

export const DeliveryRow = z.object({
  subscription_id: z.string(),
  period_at: z.number(),
  status: z.enum(DELIVERY_STATUSES),
  owner: z.string().nullable(),
  lease_until: z.number().nullable(),
  attempts: z.number().int(),
  catalog_version: z.string().nullable(),
  detail: z.string().nullable(),
});

export const Delivery = DeliveryRow.transform(
  (r): DeliveryRecord => ({ subscriptionId: r.subscription_id, periodAt: new Date(r.period_at), status: r.status, catalogVersion: r.catalog_version, detail: r.detail }),
);
