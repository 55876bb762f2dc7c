// A row of `request_log` as a digest reads it back. Only reads parse: the request path writes
// its rows unparsed (sqlite-store.ts, pg/surface-store.ts).
import { z } from 'zod';
import { CategoryId, IndustryId, Volume } from '../../core/schema.js';
import type { RequestRow } from '../digest-types.js';
import { Flag } from './columns.js';

export const RequestLogRow = z
  .object({
    at: z.number(),
    category: CategoryId.nullable(),
    industry: IndustryId.nullable(),
    confidence: z.number(),
    volume_count: z.number().nullable(),
    volume_unit: z.string().nullable(),
    volume_period: z.string().nullable(),
    matched: Flag,
    use_case: z.string().nullable(),
    text: z.string().nullable(),
  })
  .transform((r, ctx): RequestRow => {
    const volume = r.volume_count === null ? null : Volume.safeParse({ count: r.volume_count, unit: r.volume_unit, period: r.volume_period });
    if (volume && !volume.success) {
      ctx.addIssue({ code: 'custom', path: ['volume_unit'], message: 'not a volume (count, unit, period)' });
      return z.NEVER;
    }
    return { at: new Date(r.at), category: r.category, industry: r.industry, confidence: r.confidence, volume: volume?.data ?? null, matched: r.matched, useCase: r.use_case, text: r.text };
  });
