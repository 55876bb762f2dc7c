// The digests of a running server, on the store the server opened: the chat commands, and (when
// config.scheduler) the scheduler whose first run catches up digests missed while the server was
// down. With Postgres every replica runs its scheduler; delivery claims make each digest go once.
import type { Config } from '../config/config.js';
import type { Catalog } from '../core/catalog.js';
import type { PolicyHolder } from '../core/policy/holder.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { ChatDigestCommands } from './chat-commands.js';
import { DigestRunner } from './runner.js';
import { startScheduler, type RunningScheduler } from './scheduler.js';
import { countingSender } from '../metrics/digest.js';
import { platformSenders } from './senders.js';
import type { SlackTokenSource } from './slack-sender.js';
import { dropUntrustedReferences } from './reference-cleanup.js';

export interface DigestService {
  readonly commands: ChatDigestCommands;
  /** Starts the scheduler if configured; call once the server listens. OAuth mode passes each workspace's tokens. */
  start(slackTokens?: SlackTokenSource): RunningScheduler | null;
  /** Stops the scheduler; the store stays open for its owner to close. */
  stop(): Promise<void>;
}

export async function createDigestService(store: Store, config: Config, catalog: Catalog, log: Logger, policy?: PolicyHolder): Promise<DigestService> {
  await dropUntrustedReferences(store, config.teams, log);
  const commands = new ChatDigestCommands(store.digest, log, undefined, config.digestManagers);
  let scheduler: RunningScheduler | null = null;
  return {
    commands,
    start(slackTokens) {
      if (!config.scheduler) return null;
      const senders = platformSenders(config, store.surface.conversationRefs, slackTokens ? { slackTokens } : {});
      const runner = new DigestRunner({
        store: store.digest,
        catalog,
        sender: countingSender(senders),
        log,
        graceHours: config.digestGraceHours,
        staleAfter: config.staleAfter,
        corrections: store.corrections,
        ...(policy ? { policy: { current: () => policy.current(), log: store.policy } } : {}),
      });
      scheduler = startScheduler({ runner, log, prune: store.prune, recover: store.recover, onStoreBack: store.onBack, tickSeconds: config.schedulerTickSeconds });
      return scheduler;
    },
    async stop() {
      await scheduler?.stop();
    },
  };
}
