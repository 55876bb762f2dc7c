// Rows of aggregate queries, the same in both stores: a count, the newest period, 👍 / 👎 totals,
// and the policy log's counts. Postgres's BIGINT comes back as a number (pg/connect.ts).
import { z } from 'zod';
import type { PolicyCountRow as PolicyCount } from '../../core/policy/report.js';

export const CountRow = z.object({ n: z.number() }).transform((r) => r.n);

/** MAX(period_at): null when there is no row. */
export const LatestRow = z.object({ at: z.number().nullable() }).transform((r) => r.at);

export const FeedbackTotalsRow = z.object({ up: z.number(), down: z.number() });

export const PolicyCountRow = z.object({
  kind: z.enum(['unapproved', 'named', 'data', 'access']),
  subject: z.string(),
  status: z.string().nullable(),
  count: z.number(),
}) satisfies z.ZodType<PolicyCount>;
