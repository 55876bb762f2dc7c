// What every surface is handed at start-up: the core, the store, a logger, and the per-person
// limits and keys. Nothing else.
import type { Recommender } from '../core/recommend.js';
import type { DigestCommands } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import type { SurfaceStore } from '../store/types.js';
import type { PersonKey } from './person-key.js';
import type { RequestLimits } from './request-limits.js';

export interface SurfaceDeps {
  readonly recommender: Recommender;
  readonly store: SurfaceStore;
  readonly log: Logger;
  /** Whether request text may be written to the request log (an admin's choice). */
  readonly logRequestText: boolean;
  /** Requests per person per minute, and one vote per answer: checked before any work. */
  readonly limits: RequestLimits;
  /** A person's history key (a keyed hash, never the raw id). */
  readonly personKey: PersonKey;
  /** Chat digest commands; absent until the store is up. */
  readonly digest?: DigestCommands;
}
