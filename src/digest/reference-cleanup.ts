// With credentials, conversation references saved without them are dropped once at start-up
// (see dropUnauthenticatedRefs): the sender would refuse them anyway, and they should not linger.
import type { TeamsConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { dropUnauthenticatedRefs } from '../store/sqlite-store.js';
import type { OpenStore } from '../store/sqlite.js';
import { serviceUrlPolicy } from '../teams/service-url.js';

export function dropUntrustedReferences(store: OpenStore, teams: TeamsConfig, log: Logger): void {
  if (teams.mode !== 'authenticated') return;
  const policy = serviceUrlPolicy(teams);
  try {
    const dropped = dropUnauthenticatedRefs(store.db, (url) => policy.check(url).ok);
    if (dropped) log.warn({ dropped }, 'teams: dropped conversation references saved without authentication; each comes back when the bot is next added to its conversation');
  } catch (err) {
    // The store is unavailable: the sender refuses such references on its own meanwhile.
    log.debug({ err: { message: (err as Error).message } }, 'teams: stored references not checked (store unavailable)');
  }
}
