// The store on Postgres (DATABASE_URL), for several replicas sharing one database. Opening never
// fails for a database that is away: the server starts, answers, holds its writes, and the schema
// is applied as soon as the database answers (PgLink). A schema that cannot be applied for
// another reason (no rights to create tables) stops start-up with that reason.
import type { SecretKeys } from '../../config/secret-keys.js';
import type { Logger } from '../../log/logger.js';
import { SecretBox } from '../secret-box.js';
import type { Store } from '../store.js';
import { createPool, describeDatabase } from './connect.js';
import { PgDigestStore } from './digest-store.js';
import { isAway } from './faults.js';
import { PgInstallationStore } from './installations.js';
import { PgLink } from './link.js';
import { PgPolicyLog } from './policy-log.js';
import { PgCorrectionStore } from './correction-store.js';
import { Presence } from './presence.js';
import { prunePostgres } from './prune.js';
import { dropUnauthenticatedRefs, PgSurfaceStore } from './surface-store.js';

export interface PostgresStoreOptions {
  readonly url: string;
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly log: Logger;
  readonly secretKeys?: SecretKeys;
  /** First retry of held writes after a failure; default 250 ms, doubling to 5 s. */
  readonly retryMs?: number;
  /** Request-path writes held at most while the database is away; default 20,000. */
  readonly maxHeld?: number;
}

const DAY_MS = 86_400_000;
/** While the database is away after start-up, the schema is tried again this often. */
const SCHEMA_RETRY_MS = 2_000;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store & { readonly link: PgLink }> {
  const { log } = options;
  const where = describeDatabase(options.url);
  const pool = createPool(options.url);
  // An idle pooled connection that breaks (database restarted) must not throw at the process:
  // the pool drops it, the next statement opens a new one, and PgLink says whether that works.
  pool.on('error', () => undefined);
  const link = new PgLink(pool, where, log);
  const presence = new Presence(options.url);
  const surface = new PgSurfaceStore(link, options.logRequestText, log, { retryMs: options.retryMs, maxHeld: options.maxHeld });
  // Writes held during an outage go in as soon as anything finds the database back, not at their next retry.
  link.onBack(() => void surface.writes.flush());
  let retry: NodeJS.Timeout | undefined;
  // Away at start-up (said once by PgLink): tried again in the background until it answers.
  const keepTrying = (): void => {
    retry = setTimeout(() => {
      link.schema().catch((err: unknown) => {
        if (!isAway(err)) log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'store: the Postgres schema cannot be applied; retrying');
        keepTrying();
      });
    }, SCHEMA_RETRY_MS);
    retry.unref();
  };
  await link.schema().catch((err: unknown) => {
    if (!isAway(err)) throw err;
    keepTrying();
  });
  return {
    link,
    surface,
    digest: new PgDigestStore(link, presence, () => surface.writes.flush()),
    installations: new PgInstallationStore(link, new SecretBox(options.secretKeys ?? {})),
    policy: new PgPolicyLog(link, () => surface.writes.flush()),
    corrections: new PgCorrectionStore(link),
    status: () => (link.healthy && surface.writes.healthy ? 'ok' : 'unavailable'),
    held: () => surface.writes.held,
    dropped: () => surface.writes.givenUp,
    prune: async (now) => {
      await surface.writes.flush();
      return link.tx((c) => prunePostgres(c, new Date(now.getTime() - options.retentionDays * DAY_MS)));
    },
    recover: () => void surface.writes.flush(),
    // The database answered again after it was away (a held write, a read, the schema): the
    // digest scheduler runs what is due at once.
    onBack: (listener) => link.onBack(listener),
    dropUnauthenticatedRefs: async (trusted) => {
      await surface.writes.flush();
      return link.tx((c) => dropUnauthenticatedRefs(c, trusted));
    },
    flush: () => surface.writes.flush(),
    async close() {
      clearTimeout(retry);
      await surface.writes.flush();
      surface.writes.close();
      await presence.close();
      await pool.end();
    },
  };
}
