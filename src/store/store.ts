// Everything the server and the commands keep, whichever database holds it: the SQLite file by
// default, Postgres with DATABASE_URL (src/store/open.ts chooses). Callers see only this.
import type { CorrectionStore } from './correction-types.js';
import type { DigestStore } from './digest-types.js';
import type { SlackInstallationStore } from './installation-types.js';
import type { PolicyLogReader } from './policy-log.js';
import type { SurfaceStore } from './types.js';

export type StoreStatus = 'ok' | 'unavailable';

export interface Store {
  /** For the request path: writes are queued and never throw; reads fall back when the database is away. */
  readonly surface: SurfaceStore;
  /** Rejects when the database is unavailable: the runner and commands report and retry. */
  readonly digest: DigestStore;
  /** Slack installations (OAuth mode); rejects when the database is unavailable. */
  readonly installations: SlackInstallationStore;
  /** The AI policy owners' counts; rejects when the database is unavailable, like `digest`. */
  readonly policy: PolicyLogReader;
  /** Corrections for the owners to decide (issue 16); rejects when the database is unavailable. */
  readonly corrections: CorrectionStore;
  /** 'ok' when the database is reachable and the last writes went in (for /healthz and /metrics). */
  status(): StoreStatus;
  /** Writes held by the request path, waiting for the database (0 for SQLite, which writes or drops). */
  held(): number;
  /** Held writes given up since the store opened, past the bound or at close (0 for SQLite, which holds none for long). */
  dropped(): number;
  /** Deletes request log, feedback and history past the retention; returns rows removed. */
  prune(now: Date): Promise<number>;
  /** After a failure elsewhere: try to reach the database again. */
  recover(): void;
  /**
   * Calls `listener` whenever the database takes writes again after a fault (SQLite: a reopened
   * file took a test write; Postgres: held writes went in after an outage). The digest scheduler
   * runs what is due at once rather than on its next tick.
   */
  onBack(listener: () => void): void;
  /**
   * Drops Teams conversation references saved without authentication (start-up with credentials,
   * see digest/reference-cleanup.ts). References from before the flag existed are marked by
   * whether their service URL is `trusted`, and kept when it is. Returns how many were dropped;
   * rejects when the database is unavailable.
   */
  dropUnauthenticatedRefs(trusted: (serviceUrl: string) => boolean): Promise<number>;
  /** Writes what the request path queued; resolves when written or held for later. */
  flush(): Promise<void>;
  /** Writes what is queued (as far as the database takes it), then lets go of the database. */
  close(): Promise<void>;
}
