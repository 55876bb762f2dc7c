// The embedded default: one SQLite file holding everything the surfaces and digests keep.
import type { SecretKeys } from '../config/secret-keys.js';
import type { Logger } from '../log/logger.js';
import { forwarding, StoreConnection } from './connection.js';
import type { CorrectionStore } from './correction-types.js';
import type { DigestStore } from './digest-types.js';
import type { SlackInstallationStore } from './installation-types.js';
import type { Db } from './open-database.js';
import type { PolicyLogReader } from './policy-log.js';
import { ResilientStore } from './resilient-store.js';
import { SecretBox } from './secret-box.js';
import { SqliteInstallationStore } from './sqlite-installations.js';
import { dropUnauthenticatedRefs, pruneOlderThan, type SqliteSurfaceStore } from './sqlite-store.js';
import type { SurfaceStore } from './types.js';

export interface StoreOptions {
  readonly path: string;
  readonly logRequestText: boolean;
  readonly retentionDays: number;
  readonly log: Logger;
  /** Seal Slack installation tokens with these; none: stored as given. */
  readonly secretKeys?: SecretKeys;
  /** How soon after a fault the file is opened again (doubling up to 5 s); default 250 ms. */
  readonly retryMs?: number;
  readonly now?: () => number;
  /** How long a write waits for another process's lock: see OpenOptions.busyTimeoutMs. */
  readonly busyTimeoutMs?: number;
}

export interface OpenStore {
  /** For the request path: never throws on a failed write; writes go out once per event-loop turn. */
  readonly surface: ResilientStore;
  /** Throws when the database is unavailable: the runner and commands report and retry. */
  readonly digest: DigestStore;
  /** Corrections and their review; throws when the database is unavailable, like digest. */
  readonly corrections: CorrectionStore;
  /** Slack installations (OAuth mode); rejects when the database is unavailable. */
  readonly installations: SlackInstallationStore;
  /** The AI policy owners' counts; throws when the database is unavailable, like `digest`. */
  readonly policy: PolicyLogReader;
  /** The current connection (tests and maintenance); throws when unavailable. */
  readonly db: Db;
  /** 'ok' when the file is open and the last writes succeeded (for /healthz). */
  status(): 'ok' | 'unavailable';
  /** Calls `listener` whenever the store is writable again after a fault. */
  onBack(listener: () => void): void;
  /** Deletes request log, feedback and history past the retention; returns rows removed. */
  prune(now: Date): number;
  /** See Store.dropUnauthenticatedRefs; throws when the file is unavailable. */
  dropUnauthenticatedRefs(trusted: (serviceUrl: string) => boolean): number;
  /** After a failure elsewhere: reopen the file if it is closed and the backoff has passed. */
  recover(): void;
  /** Writes the surface writes still queued (close and every read do this too). */
  flush(): void;
  /** Writes what is queued, then closes the file. */
  close(): void;
}

const DAY_MS = 86_400_000;

/** Opens the store. A file that cannot be opened yet does not throw: answers go on, digests wait. */
export function openSqliteStore(options: StoreOptions): OpenStore {
  const connection = new StoreConnection(options.path, options.logRequestText, options.log, {
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
  const surface = new ResilientStore(currentSurface(connection), options.log, (err) => connection.lost(err), (work) => connection.get().surface.batch(work));
  // Writes that failed while the file was gone were dropped; those held for a lock go out now.
  connection.onBack(() => surface.recovered());
  return {
    surface,
    // Digests read what the request path wrote: queued writes go first.
    digest: forwarding<DigestStore>(() => (surface.flush(), connection.get().digest)),
    corrections: forwarding<CorrectionStore>(() => connection.get().corrections),
    installations: new SqliteInstallationStore(() => connection.get().db, new SecretBox(options.secretKeys ?? {})),
    policy: forwarding<PolicyLogReader>(() => (surface.flush(), connection.get().policy)),
    get db() {
      surface.flush();
      return connection.get().db;
    },
    status: () => (surface.healthy && connection.isOpen ? 'ok' : 'unavailable'),
    onBack: (listener) => connection.onBack(listener),
    prune: (now) => (surface.flush(), pruneOlderThan(connection.get().db, new Date(now.getTime() - options.retentionDays * DAY_MS))),
    dropUnauthenticatedRefs: (trusted) => (surface.flush(), dropUnauthenticatedRefs(connection.get().db, trusted)),
    recover: () => connection.recover(),
    flush: () => surface.flush(),
    close: () => (surface.flush(), connection.close()),
  };
}

/** The SurfaceStore of whichever connection is open when a method is called. */
function currentSurface(connection: StoreConnection): SurfaceStore {
  const now = (): SqliteSurfaceStore => connection.get().surface;
  return {
    logRequest: (e) => now().logRequest(e),
    recordAccessRequest: (e) => now().recordAccessRequest(e),
    recordFeedback: (e) => now().recordFeedback(e),
    addHistory: (key, e) => now().addHistory(key, e),
    recentHistory: (key, limit) => now().recentHistory(key, limit),
    conversationRefs: {
      save: (r) => now().conversationRefs.save(r),
      remove: (id) => now().conversationRefs.remove(id),
      get: (id) => now().conversationRefs.get(id),
      list: () => now().conversationRefs.list(),
    },
  };
}
