// The one way the Postgres stores reach the database: the schema is brought up to date before
// the first statement (and again after start-up found the database away), a lost database
// becomes StoreUnavailableError as with SQLite, and whether it is reachable is remembered for
// /healthz and /metrics from what the last statement saw.
import type pg from 'pg';
import type { Logger } from '../../log/logger.js';
import { isAway, unavailable } from './faults.js';
import { migratePostgres } from './migrate.js';
import { inTransaction } from './tx.js';

export class PgLink {
  private migrated = false;
  private migrating: Promise<void> | null = null;
  /** null until the first statement: then the first success is no news, the first failure is. */
  private up: boolean | null = null;
  private readonly backListeners: (() => void)[] = [];

  constructor(
    readonly pool: pg.Pool,
    /** The database's address without credentials, for messages. */
    readonly where: string,
    private readonly log: Logger,
  ) {}

  /** Reachable, schema applied, and the last statement went through. */
  get healthy(): boolean {
    return this.migrated && this.up === true;
  }

  /** Applies pending migrations once; rejects with StoreUnavailableError while the database is away. */
  schema(): Promise<void> {
    if (this.migrated) return Promise.resolve();
    this.migrating ??= migratePostgres(this.pool).then(
      (version) => {
        this.migrated = true;
        this.saw(true);
        this.log.info({ database: this.where, schema: version }, 'store: Postgres schema is up to date');
      },
      (err: unknown) => {
        if (isAway(err)) this.saw(false, err);
        throw isAway(err) ? unavailable(this.where, err) : err;
      },
    ).finally(() => (this.migrating = null));
    return this.migrating;
  }

  /** Calls `listener` whenever a statement goes through again after the database was away. */
  onBack(listener: () => void): void {
    this.backListeners.push(listener);
  }

  /** Runs statements on the pool. */
  run<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    return this.guard(() => work(this.pool));
  }

  /** Runs statements in one transaction. */
  tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.guard(() => inTransaction(this.pool, work));
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    await this.schema();
    try {
      const result = await work();
      this.saw(true);
      return result;
    } catch (err) {
      if (!isAway(err)) throw err;
      this.saw(false, err);
      throw unavailable(this.where, err);
    }
  }

  /** Says a change of state once, not once per statement. */
  private saw(reachable: boolean, err?: unknown): void {
    if (reachable === this.up) return;
    const before = this.up;
    this.up = reachable;
    if (reachable && before === false) {
      this.log.info({ database: this.where }, 'store: the database answers');
      for (const listener of this.backListeners) listener();
    } else if (!reachable) this.log.error({ database: this.where, err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'store: the database is unavailable; answers go on, digests wait');
  }
}
