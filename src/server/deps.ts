// What every surface is handed at start-up: the core, the store and a logger. Nothing else.
import type { Recommender } from '../core/recommend.js';
import type { CorrectionService } from '../corrections/service.js';
import type { DigestCommands } from '../digest/commands.js';
import type { Logger } from '../log/logger.js';
import type { SurfaceStore } from '../store/types.js';

export interface SurfaceDeps {
  readonly recommender: Recommender;
  readonly store: SurfaceStore;
  readonly log: Logger;
  /** Whether request text may be written to the request log (an admin's choice). */
  readonly logRequestText: boolean;
  /** Chat digest commands; absent until the store is up. */
  readonly digest?: DigestCommands;
  /** Recording corrections and owners' decisions (isOwner, accept, reject); absent without a store. */
  readonly corrections?: CorrectionService;
}
