// Everything the server needs for stored state and digests, opened at start-up: the store
// (SQLite at config.dbPath, or Postgres at config.databaseUrl), the chat commands, and (when
// config.scheduler) the scheduler whose first run catches up digests missed while the server was
// down. With Postgres every replica runs its scheduler; delivery claims make each digest go once.
import type { Config } from '../config/config.js';
import type { Catalog } from '../core/catalog.js';
import type { PolicyHolder } from '../core/policy/holder.js';
import type { Logger } from '../log/logger.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { ChatDigestCommands } from './chat-commands.js';
import { DigestRunner } from './runner.js';
import { startScheduler, type RunningScheduler } from './scheduler.js';
import { countingSender } from '../metrics/digest.js';
import { platformSenders } from './senders.js';
import type { SlackTokenSource } from './slack-sender.js';
import { dropUntrustedReferences } from './reference-cleanup.js';

/** The server never blocks its event loop on another process's SQLite lock for longer than this. */
export const SERVER_BUSY_TIMEOUT_MS = 5;

export interface DigestService {
  readonly store: Store;
  readonly commands: ChatDigestCommands;
  /** Starts the scheduler if configured; call once the server listens. OAuth mode passes each workspace's tokens. */
  start(slackTokens?: SlackTokenSource): RunningScheduler | null;
  stop(): Promise<void>;
}

export async function openDigestService(config: Config, catalog: Catalog, log: Logger, policy?: PolicyHolder): Promise<DigestService> {
  const store = await openStore(config, log, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
  await dropUntrustedReferences(store, config.teams, log);
  const commands = new ChatDigestCommands(store.digest, log, undefined, config.digestManagers);
  let scheduler: RunningScheduler | null = null;
  return {
    store,
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
      await store.close();
    },
  };
}
