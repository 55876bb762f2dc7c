// What the corrections flow keeps, behind one small interface like DigestStore, so a server
// database can hold a deployment's corrections for several replicas without touching callers.
import { z } from 'zod';
import type { CategoryIdT, IndustryIdT } from '../core/schema.js';
import type { Surface } from './types.js';

/** A correction's id as the stores make it (`cor_` and ten hex digits): what chat buttons carry back. */
export const CorrectionId = z.string().regex(/^cor_[0-9a-f]{10}$/);

export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** The kind a person says they needed: a category, or "none" for "not an AI-tool question". */
export type ChosenKind = CategoryIdT | 'none';

export interface CorrectionRecord {
  readonly id: string;
  readonly at: Date;
  readonly surface: Surface;
  /** Slack team id or Teams tenant id; empty from the command line. */
  readonly workspace: string;
  /** A hash of surface, workspace and user: never the raw user id. */
  readonly userKey: string;
  /** The request as asked; null when the deployment keeps no request text (it cannot teach then). */
  readonly text: string | null;
  /** What the bot answered: its first category (null: nothing fits) and industry. */
  readonly answered: { readonly category: CategoryIdT | null; readonly industry: IndustryIdT | null };
  /** What the person chose instead; the industry only when they picked one. */
  readonly chosen: { readonly category: ChosenKind; readonly industry: IndustryIdT | null };
  readonly catalogVersion: string;
  readonly modelVersion: string | null;
  readonly status: CorrectionStatus;
  /** Who accepted or rejected it ("cli:<user>", "slack:<id>", "teams:<id>"), and when. */
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  /** Sent by someone who went over the rate limit: owners look before they accept. */
  readonly flagged: boolean;
}

export type NewCorrection = Omit<CorrectionRecord, 'id' | 'status' | 'decidedBy' | 'decidedAt'>;

export interface CorrectionStore {
  add(correction: NewCorrection): Promise<CorrectionRecord>;
  get(id: string): Promise<CorrectionRecord | undefined>;
  /** Oldest first. */
  list(status?: CorrectionStatus): Promise<CorrectionRecord[]>;
  /** How many corrections one person sent since `since` (the rate limit counts these). */
  countSince(userKey: string, since: Date): Promise<number>;
  /** Whether any correction of this person is flagged. */
  isFlagged(userKey: string): Promise<boolean>;
  /** Flags every correction of one person sent since `since`; returns how many it changed. */
  flagSince(userKey: string, since: Date): Promise<number>;
  /** Sets the status of these corrections in one transaction; returns the ids that exist. */
  decide(ids: readonly string[], status: Exclude<CorrectionStatus, 'pending'>, by: string, at: Date): Promise<string[]>;
}
