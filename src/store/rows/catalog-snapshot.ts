// A row of `catalog_snapshots`: what one catalog version offered, its lists kept as JSON text.
import { z } from 'zod';
import type { CatalogSnapshot } from '../digest-types.js';
import { jsonText } from './columns.js';

export const CatalogSnapshotRow = z
  .object({ version: z.string(), tools: jsonText(z.array(z.string())), use_cases: jsonText(z.array(z.string())) })
  .transform((r): CatalogSnapshot => ({ version: r.version, tools: r.tools, useCases: r.use_cases }));
