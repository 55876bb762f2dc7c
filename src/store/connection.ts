// One SQLite connection that can be replaced. A file that was read-only (or missing, or on a
// full disk) when opened stays unusable on that connection even after it is fixed, so after a
// fault the connection is dropped and the file opened again on a short backoff, in the
// background too, until a test write succeeds: only then is the store back, and whoever waits
// for it (the digest scheduler) is told at once.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger.js';
import { StoreUnavailableError } from './faults.js';
import { createPrivately, openDatabase, type Db } from './open-database.js';
import { SqliteDigestStore } from './sqlite-digest-store.js';
import { SqlitePolicyLog } from './sqlite-policy-log.js';
import { SqliteSurfaceStore } from './sqlite-store.js';

export { StoreUnavailableError } from './faults.js';

export interface Connected {
  readonly db: Db;
  readonly surface: SqliteSurfaceStore;
  readonly digest: SqliteDigestStore;
  readonly policy: SqlitePolicyLog;
}

export interface ConnectionOptions {
  /** First wait before opening again after a fault; it doubles per failed try up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly now?: () => number;
  /** See OpenOptions.busyTimeoutMs. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opening a file SQLite may not write makes it open read-only and leave -wal/-shm files with the
 * file's read-only permissions, which then break every later connection: so such a file is not
 * opened at all until it (and its folder) can be written.
 */
function checkWritable(path: string): void {
  if (path === ':memory:') return;
  for (const p of [dirname(path), path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(p)) continue;
    try {
      accessSync(p, constants.W_OK);
    } catch {
      throw new StoreUnavailableError(`${p} cannot be written`);
    }
  }
}

export class StoreConnection {
  private current: Connected | null = null;
  private lastAttempt = -Infinity;
  private failures = 0;
  private reported = false;
  private lastError = '';
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly backListeners: (() => void)[] = [];
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly path: string,
    private readonly keepText: boolean,
    private readonly log: Logger,
    private readonly options: ConnectionOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 250;
    this.maxRetryMs = Math.max(this.retryMs, options.maxRetryMs ?? 5_000);
    this.now = options.now ?? Date.now;
    this.reopen();
  }

  /** The open connection; throws StoreUnavailableError when there is none (callers degrade). */
  get(): Connected {
    if (!this.current) this.recover();
    if (!this.current) throw new StoreUnavailableError(`the database at ${this.path} cannot be opened: ${this.lastError}`);
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Called once the store is writable again after a fault. */
  onBack(listener: () => void): void {
    this.backListeners.push(listener);
  }

  /** A write failed for the store's own reasons: drop this connection and reopen on the backoff. */
  lost(err: unknown): void {
    if (!this.current) return;
    this.lastError = (err as Error)?.message ?? String(err);
    this.drop();
    // The failed write was reported where it failed; reopening quietly until it works.
    this.reported = true;
    this.failed(err);
  }

  /** Opens the file again if it is closed and the backoff has passed. */
  recover(): void {
    if (this.current || this.closed) return;
    if (this.now() - this.lastAttempt < this.waitMs()) return;
    this.reopen();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.drop();
  }

  private waitMs(): number {
    return Math.min(this.maxRetryMs, this.retryMs * 2 ** Math.max(0, this.failures - 1));
  }

  private drop(): void {
    if (this.current?.db.open) this.current.db.close();
    this.current = null;
  }

  private reopen(): void {
    this.lastAttempt = this.now();
    this.drop();
    let db: Db | undefined;
    try {
      createPrivately(this.path);
      checkWritable(this.path);
      db = openDatabase(this.path, { ...(this.options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: this.options.busyTimeoutMs }) });
      // Open is not enough (a read-only -shm still lets it open): the store is back when a write works.
      db.prepare("INSERT INTO meta (key, value) VALUES ('opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(Date.now()));
      this.current = { db, surface: new SqliteSurfaceStore(db, this.keepText), digest: new SqliteDigestStore(db), policy: new SqlitePolicyLog(db) };
    } catch (err) {
      if (db?.open) db.close();
      this.lastError = (err as Error).message;
      this.failed(err);
      return;
    }
    this.failures = 0;
    clearTimeout(this.timer);
    if (!this.reported) return;
    this.reported = false;
    this.log.info({ path: this.path }, 'store: database open again (a test write succeeded)');
    for (const listener of this.backListeners) listener();
  }

  private failed(err: unknown): void {
    this.failures++;
    if (!this.reported) {
      this.reported = true;
      this.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, path: this.path }, 'store: cannot open the database; answering without it and retrying');
    }
    // Also in the background: with no traffic nothing else would notice the file is back.
    clearTimeout(this.timer);
    if (this.closed) return;
    this.timer = setTimeout(() => this.recover(), this.waitMs());
    this.timer.unref();
  }
}

/**
 * An object whose methods always run on the connection's current store. Each method's
 * forwarder is made once and kept: binding on every call showed in the request-path profile.
 */
export function forwarding<T extends object>(pick: () => T): T {
  const forwarders = new Map<PropertyKey, (...args: unknown[]) => unknown>();
  return new Proxy({} as T, {
    get(_target, prop) {
      const known = forwarders.get(prop);
      if (known) return known;
      const target = pick();
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const forwarder = (...args: unknown[]): unknown => {
        const current = pick();
        return (Reflect.get(current, prop, current) as (...a: unknown[]) => unknown).apply(current, args);
      };
      forwarders.set(prop, forwarder);
      return forwarder;
    },
  });
}
