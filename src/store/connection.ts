// One SQLite connection that can be replaced. A file that was read-only (or missing, or on a
// full disk) when opened stays unusable on that connection even after it is fixed, so after a
// failure the store opens the file again, at most every `retryMs`, and carries on when it can.
import { ErrorCode, WhichToolError } from '../core/errors.js';
import type { Logger } from '../log/logger.js';
import { openDatabase, type Db } from './open-database.js';
import { SqliteDigestStore } from './sqlite-digest-store.js';
import { SqliteSurfaceStore } from './sqlite-store.js';

export interface Connected {
  readonly db: Db;
  readonly surface: SqliteSurfaceStore;
  readonly digest: SqliteDigestStore;
}

/** The database cannot be used now (SQLite file or Postgres server): callers degrade or retry. */
export class StoreUnavailableError extends WhichToolError {
  constructor(message: string) {
    super(ErrorCode.StoreUnavailable, message);
    this.name = 'StoreUnavailableError';
  }
}

export class StoreConnection {
  private current: Connected | null = null;
  private lastAttempt = -Infinity;
  private reported = false;
  private lastError = '';

  constructor(
    private readonly path: string,
    private readonly keepText: boolean,
    private readonly log: Logger,
    private readonly retryMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {
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

  /** After a failed write: opens the file again unless that was tried within `retryMs`. */
  recover(): void {
    if (this.now() - this.lastAttempt < this.retryMs) return;
    this.reopen();
  }

  close(): void {
    if (this.current?.db.open) this.current.db.close();
    this.current = null;
  }

  private reopen(): void {
    this.lastAttempt = this.now();
    this.close();
    try {
      const db = openDatabase(this.path);
      this.current = { db, surface: new SqliteSurfaceStore(db, this.keepText), digest: new SqliteDigestStore(db) };
      if (this.reported) this.log.info({ path: this.path }, 'store: database open again');
      this.reported = false;
    } catch (err) {
      this.lastError = (err as Error).message;
      if (!this.reported) this.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, path: this.path }, 'store: cannot open the database; answering without it and retrying');
      this.reported = true;
    }
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
