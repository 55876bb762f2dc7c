// A row of `corrections`, read into the record the corrections flow sees.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Label } from '../../core/model/corpus.js';
import { CategoryId, IndustryId } from '../../core/schema.js';
import { CORRECTION_STATUSES, type CorrectionRecord } from '../correction-types.js';
import { SURFACES } from '../types.js';
import { Flag } from './columns.js';

export const CorrectionRow = z
  .object({
    id: z.string(),
    at: z.number(),
    surface: z.enum(SURFACES),
    workspace: z.string(),
    user_key: z.string(),
    text: z.string().nullable(),
    answered_category: CategoryId.nullable(),
    answered_industry: IndustryId.nullable(),
    chosen_category: Label,
    chosen_industry: IndustryId.nullable(),
    catalog_version: z.string(),
    model_version: z.string().nullable(),
    status: z.enum(CORRECTION_STATUSES),
    decided_by: z.string().nullable(),
    decided_at: z.number().nullable(),
    flagged: Flag,
  })
  .transform(
    (r): CorrectionRecord => ({
      id: r.id,
      at: new Date(r.at),
      surface: r.surface,
      workspace: r.workspace,
      userKey: r.user_key,
      text: r.text,
      answered: { category: r.answered_category, industry: r.answered_industry },
      chosen: { category: r.chosen_category, industry: r.chosen_industry },
      catalogVersion: r.catalog_version,
      modelVersion: r.model_version,
      status: r.status,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
      flagged: r.flagged,
    }),
  );

/** Short enough to type after `corrections accept`, random enough not to collide in one deployment. */
export const newCorrectionId = (): string => `cor_${randomBytes(5).toString('hex')}`;
