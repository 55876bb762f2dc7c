// What every surface is handed at start-up: the core, the company's AI policy, the store, a
// logger, and the per-person limits and keys. Nothing else.
import type { PolicyHolder } from '../core/policy/holder.js';
import type { Recommender } from '../core/recommend.js';
import type { GuideFacts } from '../render/guide-card.js';
import type { CorrectionService } from '../corrections/service.js';
import type { DigestCommands } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import type { SurfaceStore } from '../store/types.js';
import type { PersonKey } from './person-key.js';
import type { RequestLimits } from './request-limits.js';

export interface SurfaceDeps {
  /** Answers under the policy in force (server/policed-recommender.ts): surfaces never apply it themselves. */
  readonly recommender: Recommender;
  /** The policy in force, for what is about the policy itself: its summary, and where to ask for access. */
  readonly policy: PolicyHolder;
  readonly store: SurfaceStore;
  readonly log: Logger;
  /** Whether request text may be written to the request log (an admin's choice). */
  readonly logRequestText: boolean;
  /** Requests per person per minute, and one vote per answer: checked before any work. */
  readonly limits: RequestLimits;
  /** A person's history key (a keyed hash, never the raw id). */
  readonly personKey: PersonKey;
  /** What the help card says of this deployment (retention, text logging, policy, owners). */
  readonly guide: Omit<GuideFacts, 'platform'>;
  /** Chat digest commands; absent until the store is up. */
  readonly digest?: DigestCommands;
  /** Recording corrections and owners' decisions (isOwner, accept, reject); absent without a store. */
  readonly corrections?: CorrectionService;
}
