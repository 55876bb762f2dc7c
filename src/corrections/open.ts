// The corrections flow as the server runs it: the service the surfaces record and decide with,
// and (unless WHICH_TOOL_LEARN_SECONDS=0) the learner that retrains the deployment's model.
import { resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { defaultDataDir, type Catalog } from '../core/catalog.js';
import type { Recommender } from '../core/recommend.js';
import type { Logger } from '../log/logger.js';
import type { CorrectionStore } from '../store/correction-types.js';
import { modelCacheDir } from './deployment-model.js';
import { DeploymentLearner } from './learner.js';
import { CorrectionService } from './service.js';
import { teachingSet } from './teaching.js';
import { TrainerProcess } from './trainer-client.js';

export interface Corrections {
  readonly service: CorrectionService;
  /** Null when learning is off. */
  readonly learner: DeploymentLearner | null;
  /** Starts looking for accepted corrections; call once the server listens. */
  start(): void;
  stop(): Promise<void>;
}

export function openCorrections(config: Config, catalog: Catalog, store: CorrectionStore, recommender: Recommender, log: Logger): Corrections {
  const service = new CorrectionService(store, catalog, { keepText: config.storeText, perHour: config.corrections.perHour, owners: config.owners });
  if (!config.corrections.learnSeconds) return { service, learner: null, start: () => undefined, stop: async () => undefined };
  const trainer = new TrainerProcess({ dataDir: resolve(config.dataDir ?? defaultDataDir()), cacheDir: modelCacheDir(config.dbPath), catalogVersion: catalog.version });
  const learner = new DeploymentLearner({ recommender, catalog, teaching: () => teachingSet(store), trainer, intervalMs: config.corrections.learnSeconds * 1000, log });
  // An accept in this process (a chat button) retrains now rather than at the next look.
  service.onDecided(() => void learner.check());
  return { service, learner, start: () => learner.start(), stop: () => learner.stop() };
}
