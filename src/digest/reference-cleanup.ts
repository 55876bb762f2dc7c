// With credentials, conversation references saved without them are dropped once at start-up
// (see Store.dropUnauthenticatedRefs): the sender would refuse them anyway, and they should not
// linger. A store that is unavailable at start-up is not waited for: the cleanup runs once when
// it is back, and the sender refuses such references on its own meanwhile.
import type { TeamsConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { serviceUrlPolicy } from '../teams/service-url.js';

export async function dropUntrustedReferences(store: Store, teams: TeamsConfig, log: Logger): Promise<void> {
  if (teams.mode !== 'authenticated') return;
  const policy = serviceUrlPolicy(teams);
  let done = false;
  const attempt = async (): Promise<void> => {
    if (done) return;
    try {
      const dropped = await store.dropUnauthenticatedRefs((url) => policy.check(url).ok);
      done = true;
      if (dropped) log.warn({ dropped }, 'teams: dropped conversation references saved without authentication; each comes back when the bot is next added to its conversation');
    } catch (err) {
      log.debug({ err: { message: (err as Error).message } }, 'teams: stored references not checked (store unavailable)');
    }
  };
  // A database already known to be away is not waited for at start-up (Postgres would spend its connect timeout).
  if (store.status() === 'ok') await attempt();
  if (!done) store.onBack(() => void attempt());
}
