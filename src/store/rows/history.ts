// A row of `history`: one of a person's recent questions, for App Home.
import { z } from 'zod';
import type { HistoryEntry } from '../types.js';

export const HistoryRow = z.object({ at: z.number(), text: z.string() }).transform((r): HistoryEntry => ({ at: new Date(r.at), text: r.text }));
